// From a draft to the values of an event form, and from those values to the create mutation's input, with the
// article as the event's citation. The draft gives the common fields; each kind's own required fields are guessed
// from the evidence's words (the editor checks them in the form before anything is written).
import type {
  AgreementAction,
  CitationInput,
  DatePrecision,
  Direction,
  EventKind,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  ParticipantRole,
  QuoteType,
  SanctionAction,
  Side,
  StatementMedium,
} from '../../../graphql/types';
import type { EventDraftResult } from './intake.queries';

export interface DraftParticipantValue {
  actorId: string;
  name: string;
  role: ParticipantRole;
  side: Side | null;
}

export interface DraftEventValues {
  kind: EventKind;
  title: string;
  summary: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  direction: Direction | '';
  cameoCode: string;
  importance: number;
  /** Only participants matched to actors of the record; unmatched names need an actor first. */
  participants: DraftParticipantValue[];
  quote: string;
  quoteLanguage: string;
  quoteType: QuoteType;
  medium: StatementMedium;
  format: MeetingFormat;
  level: MeetingLevel;
  sanctionAction: SanctionAction;
  missionAction: MissionActionType;
  actingCountry: string;
  affectedCountry: string;
  agreementAction: AgreementAction;
  instrument: string;
}

/** The article as the form collected it; it becomes every created event's citation. */
export interface ArticleSource {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
}

const firstMatch = <T>(text: string, rules: readonly [RegExp, T][], fallback: T): T =>
  rules.find(([pattern]) => pattern.test(text))?.[1] ?? fallback;

function guessMedium(text: string): StatementMedium {
  return firstMatch<StatementMedium>(
    text,
    [
      [/\b(letter|wrote)\b|письм/i, 'LETTER'],
      [/\b(told|interview)\b|интервью/i, 'INTERVIEW'],
      [/\bbriefing\b|брифинг/i, 'BRIEFING'],
      [/\b(tweet|posted|telegram|x\.com)\b/i, 'SOCIAL_POST'],
      [/\b(speech|address)\b|выступ/i, 'SPEECH'],
      [/\btestif/i, 'TESTIMONY'],
    ],
    'PRESS_RELEASE',
  );
}

function guessSanctionAction(text: string): SanctionAction {
  return firstMatch<SanctionAction>(
    text,
    [
      [/\blift|снял|отмен/i, 'LIFTED'],
      [/\beas(e|ed|ing)\b|смягч/i, 'EASED'],
      [/\bexpand|widen|расшир/i, 'EXPANDED'],
      [/\bextend|продл/i, 'EXTENDED'],
      [/\bthreat|пригроз/i, 'THREATENED'],
    ],
    'IMPOSED',
  );
}

function guessMissionAction(text: string): MissionActionType {
  return firstMatch<MissionActionType>(
    text,
    [
      [/\bexpel|высыл|выслал/i, 'EXPULSION'],
      [/\brecall|отозва/i, 'AMBASSADOR_RECALL'],
      [/\breopen/i, 'REOPENING'],
      [/\bclos|закры/i, 'CLOSURE'],
      [/\bvisa|виз/i, 'VISA_RESTRICTION'],
      [/\bcap\b|ceiling|limit/i, 'STAFF_CAP'],
      [/\bhir(e|ing)\b/i, 'HIRING_BAN'],
      [/\bsuspend/i, 'SERVICE_SUSPENSION'],
    ],
    'EXPULSION',
  );
}

function guessAgreementAction(text: string): AgreementAction {
  return firstMatch<AgreementAction>(
    text,
    [
      [/\bexchang|swap|обмен/i, 'EXCHANGED'],
      [/\bextend|продл/i, 'EXTENDED'],
      [/\bsuspend|приостанов/i, 'SUSPENDED'],
      [/\bwithdr[ae]w|выход|вышл/i, 'WITHDRAWN'],
    ],
    'SIGNED',
  );
}

function guessFormat(text: string): MeetingFormat {
  return firstMatch<MeetingFormat>(
    text,
    [
      [/\bphone|call(ed)?\b|телефон/i, 'PHONE'],
      [/\bvideo|видео/i, 'VIDEO'],
      [/\bsummit|саммит/i, 'SUMMIT'],
      [/\bsidelines?\b|на полях/i, 'MULTILATERAL_SIDELINE'],
    ],
    'IN_PERSON',
  );
}

function guessLevel(text: string): MeetingLevel {
  return firstMatch<MeetingLevel>(
    text,
    [
      [/\bpresident|президент/i, 'HEAD_OF_STATE'],
      [/\b(deputy|under secretary|vice)\b|замминистр|заместител/i, 'DEPUTY_MINISTER'],
      [/\b(secretary of state|foreign minister|minister)\b|министр/i, 'MINISTERIAL'],
    ],
    'WORKING',
  );
}

/** The country that acted and the one affected, from the draft's direction (RU_TO_US: Russia acted on the US). */
function countriesFor(direction: Direction | null | undefined): { acting: string; affected: string } {
  if (direction === 'US_TO_RU') return { acting: 'US', affected: 'RU' };
  return direction === 'RU_TO_US' ? { acting: 'RU', affected: 'US' } : { acting: '', affected: '' };
}

export function draftToValues(draft: EventDraftResult): DraftEventValues {
  const words = draft.evidence.join(' ');
  const countries = countriesFor(draft.direction);
  const seen = new Set<string>();
  const participants: DraftParticipantValue[] = [];
  for (const p of draft.participants) {
    if (!p.actor || seen.has(p.actor.id)) continue;
    seen.add(p.actor.id);
    participants.push({ actorId: p.actor.id, name: p.actor.name, role: p.role, side: p.side ?? null });
  }
  return {
    kind: draft.kind,
    title: draft.title,
    summary: draft.summary ?? '',
    startDate: draft.startDate,
    endDate: draft.endDate ?? '',
    datePrecision: draft.datePrecision,
    direction: draft.direction ?? '',
    cameoCode: draft.cameoCode ?? '',
    importance: 3,
    participants,
    quote: draft.quote ?? '',
    quoteLanguage: draft.quoteLanguage ?? (draft.quote ? 'en' : ''),
    quoteType: 'DIRECT',
    medium: guessMedium(words),
    format: guessFormat(words),
    level: guessLevel(words),
    sanctionAction: guessSanctionAction(words),
    missionAction: guessMissionAction(words),
    actingCountry: countries.acting,
    affectedCountry: countries.affected,
    agreementAction: guessAgreementAction(words),
    instrument: '',
  };
}

/** The article as a citation; the server matches sources by URL, so a stored one is cited rather than copied. */
export function articleCitation(article: ArticleSource, excerpt?: string | null): CitationInput {
  return {
    url: article.url.trim(),
    title: article.title.trim(),
    publisher: article.publisher.trim(),
    publishedAt: article.publishedAt,
    ...(excerpt ? { excerpt } : {}),
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The fields every kind's create input shares. */
export function commonInput(values: DraftEventValues, citation: CitationInput) {
  return {
    title: values.title.trim(),
    summary: orNull(values.summary),
    startDate: values.startDate,
    endDate: orNull(values.endDate),
    datePrecision: values.datePrecision,
    direction: values.direction || null,
    cameoCode: orNull(values.cameoCode),
    importance: values.importance,
    participants: values.participants.map(({ actorId, role, side }) => ({ actorId, role, side })),
    citations: [citation],
  };
}

/** The input of the kind's own create mutation. */
export function createInput(values: DraftEventValues, citation: CitationInput) {
  const common = commonInput(values, citation);
  switch (values.kind) {
    case 'STATEMENT':
      return {
        kind: values.kind,
        input: {
          ...common,
          medium: values.medium,
          ...(values.quote.trim() ? { quote: values.quote, quoteLanguage: orNull(values.quoteLanguage), quoteType: values.quoteType } : {}),
        },
      } as const;
    case 'MEETING':
      return { kind: values.kind, input: { ...common, format: values.format, level: values.level } } as const;
    case 'SANCTION':
      return { kind: values.kind, input: { ...common, action: values.sanctionAction } } as const;
    case 'MISSION':
      return {
        kind: values.kind,
        input: {
          ...common,
          action: values.missionAction,
          actingCountry: orNull(values.actingCountry),
          affectedCountry: orNull(values.affectedCountry),
        },
      } as const;
    case 'AGREEMENT':
      return { kind: values.kind, input: { ...common, action: values.agreementAction, instrument: orNull(values.instrument) } } as const;
  }
}
