// Drafts events from an article's text: pure, no database; the service adds duplicates and the stored source.
import { AgreementAction, CAMEO_CODES, DatePrecision, Direction, EventKind, MeetingFormat, ParticipantRole, Side } from '@detente/shared';
import { ActorMatcher, ActorMention, KnownActor, sidesNamed } from './actor-matcher';
import { splitSentences, Sentence } from './article-text';
import { addDays, daysBetween, lastDayOf } from './calendar';
import { resolveDate, ResolvedDate } from './dates';
import {
  EventTrigger,
  findStatementVerb,
  findTriggers,
  isBackground,
  isEarlierStatement,
  statementCode,
  withoutReferences,
} from './event-verbs';
import { attributedQuotes, AttributedQuote } from './quotes';

export interface DraftedParticipant {
  name: string;
  actor: KnownActor | null;
  role: ParticipantRole;
  side: Side | null;
}

export interface DraftedEvent {
  kind: EventKind;
  /** Sanction, mission or agreement action, or the meeting format. */
  action: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  title: string;
  direction: Direction | null;
  cameoCode: string;
  tone: number;
  quote: string | null;
  quoteLanguage: string | null;
  participants: DraftedParticipant[];
  evidence: string[];
  dateEvidence: string | null;
  confidence: number;
}

export interface ArticleToDraft {
  text: string;
  publishedAt: string;
  /** ISO 639-1; guessed from the script when not given. */
  language?: string;
}

/** Events further back than this before publication are the story's history, not its news. */
const HISTORY_DAYS = 60;

export const guessLanguage = (text: string): 'en' | 'ru' => {
  const cyrillic = (text.match(/[\u0400-\u04FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cyrillic > latin ? 'ru' : 'en';
};

const sideOf = (actor: KnownActor | null): Side | null =>
  actor?.country === 'US' ? Side.US : actor?.country === 'RU' ? Side.RU : actor ? Side.OTHER : null;

const shortName = (p: DraftedParticipant) => p.actor?.name ?? p.name;

interface Working extends DraftedEvent {
  /** An earlier step named in passing; never merged into the news it is named beside. */
  reference?: boolean;
  /** Indexes of the sentences it rests on. */
  sentences: number[];
  assumedDate: boolean;
  speakerKey: string | null;
}

const participantKey = (p: { actor: KnownActor | null; name?: string; text?: string }) =>
  p.actor?.id ?? `name:${(p.name ?? p.text ?? '').toLowerCase()}`;

/** Titles are plain suggestions for the editor, built from the draft's own fields. */
function titleFor(draft: Working): string {
  const people = draft.participants.filter((p) => p.role !== ParticipantRole.MENTIONED);
  const names = (people.length ? people : draft.participants).slice(0, 3).map(shortName);
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'Unnamed party');
  const verb: Record<string, string> = {
    '012': 'voices pessimism',
    '013': 'voices optimism',
    '016': 'denies',
    '020': 'appeals',
    '036': 'signals readiness to talk',
    '111': 'criticizes',
    '112': 'accuses',
    '130': 'warns',
  };
  switch (draft.kind) {
    case EventKind.STATEMENT: {
      const speaker = draft.participants.find((p) => p.role === ParticipantRole.SPEAKER);
      return `${speaker ? shortName(speaker) : who} ${verb[draft.cameoCode] ?? 'makes a statement'}`;
    }
    case EventKind.MEETING:
      return draft.action === MeetingFormat.PHONE ? `${who} speak by phone` : `${who} meet`;
    case EventKind.SANCTION:
      return `${who}: sanctions ${draft.action === 'LIFTED' ? 'lifted' : draft.action === 'EASED' ? 'eased' : 'imposed'}`;
    case EventKind.MISSION:
      return `${who}: ${(draft.action ?? 'mission action').toLowerCase().replace(/_/g, ' ')}`;
    case EventKind.AGREEMENT:
      return `${who}: agreement ${(draft.action ?? '').toLowerCase()}`;
  }
}

function roleFor(kind: EventKind, mention: ActorMention, verbIndex: number, sentenceStart: number, sentence: string): ParticipantRole {
  const before = mention.start - sentenceStart < verbIndex;
  switch (kind) {
    case EventKind.MEETING:
    case EventKind.AGREEMENT:
      return ParticipantRole.PARTICIPANT;
    case EventKind.SANCTION:
      return before ? ParticipantRole.AUTHORITY : ParticipantRole.TARGET;
    case EventKind.MISSION:
      return before ? ParticipantRole.ACTING : ParticipantRole.AFFECTED;
    case EventKind.STATEMENT: {
      const lead = sentence.slice(Math.max(0, mention.start - sentenceStart - 25), mention.start - sentenceStart);
      return /\b(?:called\s+on|urged|to|told|asked|letter\s+to)\s+(?:\S+\s+){0,3}$|призвал\S*\s+$/i.test(lead)
        ? ParticipantRole.ADDRESSEE
        : ParticipantRole.MENTIONED;
    }
  }
}

function directionFor(kind: EventKind, participants: DraftedParticipant[], sentence: string): Direction | null {
  const sides = (roles: ParticipantRole[]) => new Set(participants.filter((p) => roles.includes(p.role)).map((p) => p.side));
  const from = (side: Side | null | undefined) => (side === Side.US ? Direction.US_TO_RU : side === Side.RU ? Direction.RU_TO_US : null);
  switch (kind) {
    case EventKind.MEETING:
      return Direction.MUTUAL;
    case EventKind.STATEMENT: {
      const speaker = participants.find((p) => p.role === ParticipantRole.SPEAKER);
      const addressees = sides([ParticipantRole.ADDRESSEE]);
      if (speaker?.side && addressees.size === 1 && addressees.has(speaker.side)) {
        return speaker.side === Side.US ? Direction.DOMESTIC_US : Direction.DOMESTIC_RU;
      }
      return from(speaker?.side);
    }
    case EventKind.SANCTION:
    case EventKind.MISSION: {
      const acting = sides([ParticipantRole.AUTHORITY, ParticipantRole.ACTING]);
      if (acting.has(Side.US) && acting.has(Side.RU)) return Direction.MUTUAL;
      if (acting.has(Side.US) || acting.has(Side.RU)) return from(acting.has(Side.US) ? Side.US : Side.RU);
      const named = sidesNamed(sentence);
      if (named.us && named.ru) return /\b(?:both|each other|mutual)\b|обе\s+стороны|взаимн/i.test(sentence) ? Direction.MUTUAL : null;
      return null;
    }
    case EventKind.AGREEMENT:
      return Direction.MUTUAL;
  }
}

function merge(into: Working, other: Working): void {
  for (const evidence of other.evidence) if (!into.evidence.includes(evidence)) into.evidence.push(evidence);
  for (const participant of other.participants) {
    const existing = into.participants.find((p) => participantKey(p) === participantKey(participant));
    if (!existing) into.participants.push(participant);
    else if (existing.role === ParticipantRole.MENTIONED) existing.role = participant.role;
  }
  if (into.assumedDate && !other.assumedDate) {
    into.startDate = other.startDate;
    into.endDate = other.endDate;
    into.datePrecision = other.datePrecision;
    into.dateEvidence = other.dateEvidence;
    into.assumedDate = false;
  }
  if (!into.quote && other.quote) {
    into.quote = other.quote;
    into.quoteLanguage = other.quoteLanguage;
  }
  if (into.cameoCode === '010' && other.cameoCode !== '010') into.cameoCode = other.cameoCode;
  // A meeting told as "talks" and then as "a phone call" was a call.
  if (into.kind === EventKind.MEETING && other.action === MeetingFormat.PHONE && into.action !== MeetingFormat.PHONE) {
    into.action = MeetingFormat.PHONE;
    into.cameoCode = other.cameoCode;
  }
  into.confidence = Math.max(into.confidence, other.confidence);
  into.sentences.push(...other.sentences);
}

const span = (d: { startDate: string; endDate: string | null; datePrecision: DatePrecision }) => ({
  from: d.startDate,
  to: lastDayOf(d.endDate ?? d.startDate, d.datePrecision),
});
const overlaps = (a: Working, b: Working) => {
  if (a.assumedDate || b.assumedDate) return true;
  const x = span(a);
  const y = span(b);
  return x.from <= addDays(y.to, 1) && y.from <= addDays(x.to, 1);
};

function sameEvent(a: Working, b: Working): boolean {
  if (a.kind !== b.kind || !overlaps(a, b) || Boolean(a.reference) !== Boolean(b.reference)) return false;
  if (a.kind === EventKind.STATEMENT) return a.speakerKey !== null && a.speakerKey === b.speakerKey;
  const people = (d: Working) => new Set(d.participants.filter((p) => p.actor?.kind !== 'GOVERNMENT_BODY').map(participantKey));
  if (a.kind === EventKind.MEETING) {
    const mine = people(a);
    return [...people(b)].some((key) => mine.has(key));
  }
  // One sanctions round, expulsion or treaty step told twice: same action and dates, and nothing says they differ.
  if (a.action !== b.action) return false;
  const keys = new Set(a.participants.map(participantKey));
  const shared = b.participants.some((p) => keys.has(participantKey(p)));
  const near = a.sentences.some((i) => b.sentences.some((j) => Math.abs(i - j) <= 3));
  return shared || near || (a.direction !== null && a.direction === b.direction);
}

/** Drafts of the events an article reports, in the order the article reports them. */
export function draftEvents(article: ArticleToDraft, matcher: ActorMatcher): DraftedEvent[] {
  const { text, publishedAt } = article;
  const language = article.language === 'ru' || article.language === 'en' ? article.language : guessLanguage(text);
  const sentences = splitSentences(text, language);
  const known = matcher.findKnown(text);
  const unknown = matcher.findUnknownPeople(text, known);
  const mentions = [...known, ...unknown].sort((a, b) => a.start - b.start);
  const quotes = attributedQuotes(text, { mentions });

  const working: Working[] = [];
  let inherited: { date: ResolvedDate; paragraph: number } | undefined;
  let earlierParagraph = -1;

  const participantOf = (m: ActorMention, role: ParticipantRole): DraftedParticipant => ({
    name: m.text,
    actor: m.actor,
    role,
    side: m.actor ? sideOf(m.actor) : unknownSide(text, m),
  });

  sentences.forEach((sentence, sentenceIndex) => {
    const own = resolveDate(sentence.text, publishedAt, language);
    const carried = inherited && inherited.paragraph === sentence.paragraph ? inherited.date : null;
    if (own) inherited = { date: own, paragraph: sentence.paragraph };
    const date = own ?? carried;
    if (isBackground(sentence.text)) return;
    if (date && daysBetween(date.endDate ?? date.startDate, publishedAt) > HISTORY_DAYS) return;
    const end = sentence.start + sentence.text.length;
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= end && m.actor?.kind !== 'MEDIA_OUTLET');
    const sentenceQuotes = quotes.filter((q) => q.start >= sentence.start && q.start < end);

    const base = (kind: EventKind, trigger: EventTrigger | null, cameoCode: string, when = date): Working => ({
      kind,
      action: trigger?.action ?? null,
      startDate: when?.startDate ?? publishedAt,
      endDate: when?.endDate ?? null,
      datePrecision: when?.precision ?? DatePrecision.DAY,
      title: '',
      direction: null,
      cameoCode,
      tone: CAMEO_CODES[cameoCode]?.goldstein ?? 0,
      quote: null,
      quoteLanguage: null,
      participants: [],
      evidence: [sentence.text],
      dateEvidence: when?.evidence ?? null,
      // Own date words are surest; a date carried from an earlier sentence less so; an assumed one least.
      confidence: when === own && own ? 0.8 : when ? 0.65 : 0.45,
      sentences: [sentenceIndex],
      assumedDate: !when,
      speakerKey: null,
    });

    const verb = findStatementVerb(sentence.text);
    const triggers = findTriggers(sentence.text);
    const told = verb && !triggers.some((t) => t.kind === EventKind.MEETING) ? toldCounterpart(sentence, inSentence, sentences) : null;
    if (told) triggers.push(told);
    // Date words inside "in retaliation for …" belong to the earlier event, not to the sentence's own.
    const blanked = own ? withoutReferences(sentence.text) : null;
    const ownNews =
      blanked && blanked.slice(own!.index, own!.index + own!.evidence.length).trim() === ''
        ? resolveDate(blanked, publishedAt, language)
        : own;
    for (const trigger of triggers) {
      if (trigger.reference) {
        // An earlier step named in passing is drafted only when its clause dates it ("… last month").
        const clause = sentence.text.slice(trigger.index).split(/[,;]/)[0];
        const when = resolveDate(clause, publishedAt, language);
        if (!when) continue;
        const draft = base(trigger.kind, trigger, trigger.cameoCode, when);
        draft.confidence = 0.6;
        draft.reference = true;
        draft.participants = dedupe(
          inSentence.filter((m) => m.start - sentence.start >= trigger.index).map((m) => participantOf(m, ParticipantRole.AFFECTED)),
        );
        const side = firstSideNamed(clause);
        if (side) draft.direction = side === Side.US ? Direction.US_TO_RU : Direction.RU_TO_US;
        working.push(draft);
        continue;
      }
      // Two events of one kind in a sentence each get the names and date words of their own clause.
      const sameKind = triggers.filter((t) => t.kind === trigger.kind && !t.reference).sort((a, b) => a.index - b.index);
      const position = sameKind.indexOf(trigger);
      const from = position === 0 ? 0 : trigger.index;
      const to = position + 1 < sameKind.length ? sameKind[position + 1].index : sentence.text.length;
      const clause = sentence.text.slice(from, to);
      const names =
        sameKind.length > 1 ? inSentence.filter((m) => m.start - sentence.start >= from && m.start - sentence.start < to) : inSentence;
      const ownInClause = own && own.index >= from && own.index < to ? own : null;
      const sentenceDate = own ? (ownNews ?? carried) : date;
      const when = sameKind.length > 1 ? (resolveDate(clause, publishedAt, language) ?? ownInClause ?? carried) : sentenceDate;
      const draft = base(trigger.kind, trigger, trigger.cameoCode, when);
      if (when && when !== own && when !== date && when !== carried) draft.confidence = 0.8;
      // "Nebenzia said that the United States declared 12 diplomats personae non gratae": who reports is not who acts.
      const that =
        verb && verb.index < trigger.index
          ? /\bthat\b|(?<!\p{L})что(?!\p{L})/iu.exec(sentence.text.slice(verb.index, trigger.index))
          : null;
      // "Песков подтвердил телефонный разговор Путина и Трампа": who confirms or reports a meeting was not in it.
      const reports = Boolean(
        verb && verb.index < trigger.index && /^(?:confirmed|reported|announced|подтверди|сообщи)/iu.test(verb.words),
      );
      const clauseStart = that ? verb!.index + that.index : reports ? verb!.index + verb!.words.length : 0;
      // "…, the Russian Foreign Ministry said", "according to the State Department": the source, not a participant.
      const sourcedAt = verb && verb.index > trigger.index ? sentence.text.lastIndexOf(',', verb.index) : -1;
      const accordingTo = /\baccording\s+to\b|(?<!\p{L})(?:по\s+данным|сообщает|передает|передаёт)(?!\p{L})/iu.exec(
        sentence.text.slice(trigger.index),
      );
      const isSource = (at: number) =>
        (sourcedAt > trigger.index && at > sourcedAt && at < verb!.index) ||
        (accordingTo !== null && at > trigger.index + accordingTo.index);
      draft.participants = dedupe(
        names.map((m) =>
          participantOf(
            m,
            m.start - sentence.start < clauseStart || isSource(m.start - sentence.start)
              ? ParticipantRole.MENTIONED
              : roleFor(trigger.kind, m, trigger.index, sentence.start, sentence.text),
          ),
        ),
      );
      if (
        (trigger.kind === EventKind.SANCTION || trigger.kind === EventKind.MISSION) &&
        !draft.participants.some((p) => p.role === ParticipantRole.ACTING || p.role === ParticipantRole.AUTHORITY)
      ) {
        const first = firstSideNamed(sentence.text.slice(clauseStart, trigger.index));
        if (first) draft.direction = first === Side.US ? Direction.US_TO_RU : Direction.RU_TO_US;
      }
      const named = sidesNamed(sentence.text);
      const usRu = draft.participants.some((p) => p.side === Side.US || p.side === Side.RU) || named.us || named.ru;
      if (!usRu) continue;
      if (!draft.participants.length) {
        // "Russia responded by recalling its ambassador": a country acts, and no actor of the record is named.
        const actingSide = firstSideNamed(sentence.text.slice(0, trigger.index));
        if (trigger.kind === EventKind.MEETING || !actingSide) continue;
        draft.direction ??= actingSide === Side.US ? Direction.US_TO_RU : Direction.RU_TO_US;
        draft.confidence -= 0.1;
      }
      if (trigger.kind === EventKind.MEETING && draft.participants.filter((p) => p.actor?.kind !== 'GOVERNMENT_BODY').length < 1) continue;
      if (
        trigger.kind === EventKind.MEETING &&
        trigger.action === MeetingFormat.IN_PERSON &&
        trigger.cameoCode === '040' &&
        /\bvisit\S*|\barrived\s+in\b|визит\S*|прибыл\S*/i.test(sentence.text)
      ) {
        draft.cameoCode = '042';
      }
      if (trigger.kind === EventKind.AGREEMENT && trigger.action === AgreementAction.EXCHANGED) draft.direction = Direction.MUTUAL;
      working.push(draft);
    }

    const quoteHere = sentenceQuotes[0];
    // "Ранее Трамп рассказал … Он заявил …": the pronoun goes on with the earlier, undated statement.
    const pronounLed = /^(?:he|she|он|она)(?!\p{L})/iu.test(sentence.text);
    const earlier = !own && (isEarlierStatement(sentence.text) || (earlierParagraph === sentence.paragraph && pronounLed));
    if (earlier) earlierParagraph = sentence.paragraph;
    if (!quoteHere && (!verb || triggers.some((t) => !t.reference) || earlier)) return;
    // The speaker is named outside the quotation marks; names inside them are the speaker's words.
    const unquoted = inSentence.filter((m) => !quotes.some((q) => m.start >= q.start && m.end <= q.end));
    const speaker = quoteHere ? quoteHere.speaker : subjectOf(sentence, verb!.index, unquoted, mentions, sentences);
    if (!speaker || speaker.actor?.kind === 'MEDIA_OUTLET') return;
    const speakerSide = speaker.actor ? sideOf(speaker.actor) : unknownSide(text, speaker);
    if (speakerSide !== Side.US && speakerSide !== Side.RU) return;
    const draft = base(EventKind.STATEMENT, null, statementCode(sentence.text));
    draft.speakerKey = participantKey(speaker);
    const others = inSentence
      .filter((m) => participantKey(m) !== draft.speakerKey)
      .map((m) => participantOf(m, roleFor(EventKind.STATEMENT, m, verb?.index ?? 0, sentence.start, sentence.text)));
    draft.participants = dedupe([participantOf(speaker, ParticipantRole.SPEAKER), ...others]);
    if (quoteHere) attachQuote(draft, quoteHere, language);
    // A quote with no date words of its own follows the statement it belongs to.
    if (draft.assumedDate) {
      const previous = [...working].reverse().find((w) => w.kind === EventKind.STATEMENT && w.speakerKey === draft.speakerKey);
      if (previous) {
        draft.startDate = previous.startDate;
        draft.endDate = previous.endDate;
        draft.datePrecision = previous.datePrecision;
        draft.dateEvidence = previous.dateEvidence;
        draft.assumedDate = previous.assumedDate;
      }
    }
    working.push(draft);
  });

  // Sentences that tell one event (a call reported, then described) become one draft.
  const merged: Working[] = [];
  for (const draft of working) {
    const same = merged.find((m) => sameEvent(m, draft));
    if (same) merge(same, draft);
    else merged.push(draft);
  }
  // What a ministry or the White House "said" about an action beside it is that action's readout, not a statement.
  const kept = merged.filter((draft) => {
    if (draft.kind !== EventKind.STATEMENT) return true;
    const speaker = draft.participants.find((p) => p.role === ParticipantRole.SPEAKER);
    if (speaker?.actor?.kind !== 'GOVERNMENT_BODY') return true;
    // A department's own words, quoted in a sentence of their own, are its statement.
    const ownSentence = !merged.some(
      (other) => other.kind !== EventKind.STATEMENT && other.sentences.some((i) => draft.sentences.includes(i)),
    );
    if (draft.quote && ownSentence) return true;
    const action = merged.find(
      (other) =>
        other.kind !== EventKind.STATEMENT &&
        overlaps(other, draft) &&
        (other.sentences.some((i) => draft.sentences.some((j) => Math.abs(i - j) <= 1)) ||
          draft.participants.some((p) => p.actor && p !== speaker && other.participants.some((q) => q.actor?.id === p.actor!.id))),
    );
    // …and what the Kremlin "says" beside its spokesman's words is his statement.
    const near = (other: Working) => other.sentences.some((i) => draft.sentences.some((j) => Math.abs(i - j) <= 2));
    const spokesperson = merged.find(
      (other) =>
        other.kind === EventKind.STATEMENT &&
        other !== draft &&
        overlaps(other, draft) &&
        near(other) &&
        other.participants.some((p) => p.role === ParticipantRole.SPEAKER && p.actor?.kind === 'PERSON' && p.side === speaker.side),
    );
    const into = action ?? spokesperson;
    if (!into) return true;
    merge(into, { ...draft, participants: action ? [] : draft.participants.filter((p) => p !== speaker), quote: null, cameoCode: '010' });
    return false;
  });
  return kept.map((draft) => {
    draft.direction ??= directionFor(draft.kind, draft.participants, draft.evidence.join(' '));
    draft.title = titleFor(draft);
    draft.tone = CAMEO_CODES[draft.cameoCode]?.goldstein ?? 0;
    if (draft.participants.every((p) => p.actor)) draft.confidence = Math.min(1, draft.confidence + 0.1);
    const { sentences: _s, assumedDate: _a, speakerKey: _k, reference: _r, ...drafted } = draft;
    return drafted;
  });
}

function attachQuote(draft: Working, quote: AttributedQuote, language: string): void {
  draft.quote = quote.text;
  draft.quoteLanguage = /[\u0400-\u04FF]/.test(quote.text) ? 'ru' : /[A-Za-z]/.test(quote.text) ? 'en' : language;
  draft.confidence = Math.min(1, draft.confidence + 0.1);
}

function dedupe(participants: DraftedParticipant[]): DraftedParticipant[] {
  const seen = new Map<string, DraftedParticipant>();
  for (const p of participants) {
    const key = participantKey(p);
    const existing = seen.get(key);
    if (!existing) seen.set(key, p);
    else if (existing.role === ParticipantRole.MENTIONED) existing.role = p.role;
  }
  return [...seen.values()];
}

/** The speaker of a reporting verb: the named person before it, or after it ("said Sigal Mandelker"), or the last one named. */
function subjectOf(
  sentence: Sentence,
  verbIndex: number,
  inSentence: ActorMention[],
  all: ActorMention[],
  sentences: Sentence[],
): ActorMention | null {
  const at = sentence.start + verbIndex;
  const isPerson = (m: ActorMention) => m.actor === null || m.actor.kind === 'PERSON';
  // A pronoun stands for the subject of the last sentence that named a person: its first person, not its last.
  const antecedent = () => {
    for (let k = sentences.indexOf(sentence) - 1; k >= 0; k--) {
      const end = sentences[k].start + sentences[k].text.length;
      const person = all.find((m) => m.start >= sentences[k].start && m.end <= end && isPerson(m) && !m.possessive);
      if (person) return person;
    }
    return null;
  };
  // "…, - подчеркнул он": a pronoun right after the verb.
  if (/^\S*\s+(?:он|она|he|she)(?!\p{L})/iu.test(sentence.text.slice(verbIndex))) return antecedent();
  const before = inSentence.filter((m) => m.end <= at && !m.possessive && m.actor?.kind !== 'MEDIA_OUTLET');
  const person = [...before].reverse().find(isPerson);
  if (person) return person;
  const body = before[before.length - 1];
  if (body) {
    // "Замглавы МИД РФ подчеркнул": a title naming its ministry stands for the official the article named before.
    const title = sentence.text.slice(Math.max(0, body.start - sentence.start - 25), body.start - sentence.start);
    if (
      /(?:замглавы|замминистра|заместител\S*\s+министра|глав\S*|представител\S*|spokes\w+|deputy|minister|official|head\s+of(?:\s+the)?)\s*$/iu.test(
        title,
      )
    ) {
      return [...all].reverse().find((m) => m.end <= sentence.start && isPerson(m)) ?? body;
    }
    return body;
  }
  // "Об этом заявила официальный представитель МИД Мария Захарова": the speaker follows the verb.
  const after = inSentence.filter((m) => m.start >= at && m.start - at < 70 && m.actor?.kind !== 'MEDIA_OUTLET');
  const named = after.find(isPerson) ?? after[0];
  if (named) return named;
  if (/^\s*(?:he|she|он|она)(?!\p{L})/iu.test(sentence.text)) return antecedent();
  if (/^\s*(?:it|the ministry)\b/i.test(sentence.text)) {
    return [...all].reverse().find((m) => m.end <= sentence.start && m.actor?.kind === 'GOVERNMENT_BODY') ?? null;
  }
  return null;
}

/**
 * "Obama told Russian President Vladimir Putin that …": telling a leader of the other side is a conversation
 * (a call when the paragraph says so), not a statement.
 */
function toldCounterpart(sentence: Sentence, inSentence: ActorMention[], sentences: Sentence[]): EventTrigger | null {
  const told = /\b(?:told|tells)\b/.exec(sentence.text);
  if (!told) return null;
  const verb = { index: told.index, words: told[0] };
  const at = sentence.start + verb.index + verb.words.length;
  const object = inSentence.find((m) => m.start >= at);
  if (
    !object?.actor ||
    object.actor.kind !== 'PERSON' ||
    !/^\s*(?:\S+\s+){0,3}$/.test(sentence.text.slice(at - sentence.start, object.start - sentence.start))
  )
    return null;
  const subject = [...inSentence].reverse().find((m) => m.end <= sentence.start + verb.index && m.actor?.kind === 'PERSON');
  if (!subject?.actor || subject.actor.country === object.actor.country) return null;
  const paragraph = sentences
    .filter((s) => s.paragraph === sentence.paragraph)
    .map((s) => s.text)
    .join(' ');
  const phone = /\b(?:phone|call|called|spoke|talked)\b/i.test(paragraph);
  return {
    kind: EventKind.MEETING,
    action: phone ? MeetingFormat.PHONE : MeetingFormat.IN_PERSON,
    cameoCode: phone ? '041' : '040',
    index: verb.index,
    words: verb.words,
  };
}

/** The side named first in `text` (a country, its capital or its government), or null when it names neither. */
function firstSideNamed(text: string): Side | null {
  const us = text.search(
    /\b(?:U\.S\.|US|USA|United States|America|American|Washington)\b|США|Соединенн\S* Штат|Соединённ\S* Штат|американск|Вашингтон/,
  );
  const ru = text.search(/\b(?:Russia|Russian|Moscow|Kremlin)\b|Росси|росси|РФ|Москв|Кремл/);
  if (us < 0 && ru < 0) return null;
  if (us < 0) return Side.RU;
  if (ru < 0) return Side.US;
  return us < ru ? Side.US : Side.RU;
}

/** The side of a person the record lacks, from the words around the name ("State Department spokeswoman"). */
function unknownSide(text: string, mention: ActorMention): Side | null {
  const around = text.slice(Math.max(0, mention.start - 50), Math.min(text.length, mention.end + 50));
  const named = sidesNamed(around.replace(/\bRussia-Ukraine\b/g, ''));
  if (named.us && !named.ru) return Side.US;
  if (named.ru && !named.us) return Side.RU;
  const close = text.slice(Math.max(0, mention.start - 30), mention.start);
  const near = sidesNamed(close);
  return near.us ? Side.US : near.ru ? Side.RU : null;
}
