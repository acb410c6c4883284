// Quoted words and who the article says spoke them: "X said", "X told Interfax", "— заявил X", «…», „…“ and "…".
import type { ActorMention } from './actor-matcher';

export interface AttributedQuote {
  /** The quoted words without their marks: a verbatim slice of the article text. */
  text: string;
  /** Offsets of the quoted words (inside the marks) in the article text. */
  start: number;
  end: number;
  /** Who said it: a record actor or a named person the record lacks. */
  speaker: ActorMention;
}

interface Span {
  open: number;
  close: number;
}

/** Quote spans in one paragraph: «…» (nesting „…“ inside), „…“, „…”, “…”, and straight "…" in pairs. */
export function quoteSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < paragraph.length) {
    const ch = paragraph[i];
    let close = -1;
    if (ch === '«') {
      let depth = 0;
      for (let k = i; k < paragraph.length; k++) {
        if (paragraph[k] === '«') depth++;
        else if (paragraph[k] === '»' && --depth === 0) {
          close = k;
          break;
        }
      }
    } else if (ch === '„') {
      close = paragraph.slice(i + 1).search(/[“”]/);
      if (close >= 0) close += i + 1;
    } else if (ch === '“') {
      close = paragraph.indexOf('”', i + 1);
    } else if (ch === '"') {
      close = paragraph.indexOf('"', i + 1);
    }
    if (close > i + 1) {
      spans.push({ open: i, close });
      i = close + 1;
    } else i++;
  }
  return spans;
}

const SAY_EN =
  '(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|stated|states|warned|warns|explained|declared|tweeted|posted|insisted|stressed|argued|continued|replied|asserted|announced|emphasized|emphasised|concluded|recalled|acknowledged|admitted|complained|urged|cautioned|remarked|observed)';
const SAY_RU =
  '(?:заяви|сказа|отмети|подчеркну|добави|сообщи|поясни|написа|указа|констатирова|уточни|призва|предупреди|признал|ответи|резюмирова|цитирует|приводит слова|передает|передаёт)[а-яё]*';
const SPEAKER = String.raw`[^"“”«»„.;:!?]{1,90}?`;

// Where the words that name the speaker sit, relative to the quote.
const AFTER_EN = new RegExp(String.raw`^[,.]?\s*(?:[—–-]\s*)?(${SPEAKER})\s+(?:also\s+|later\s+|then\s+)?${SAY_EN}\b`);
const AFTER_EN_INVERTED = new RegExp(String.raw`^[,.]?\s*${SAY_EN}\s+(${SPEAKER})(?:[,.]|$|\s+(?:on|in|at|during|after|to)\b)`);
const AFTER_RU = new RegExp(
  String.raw`^[,.]?\s*[—–-]\s*${SAY_RU}\s+(?:журналистам\s+|в\s+интервью\s+)?(${SPEAKER})(?:[,.]|\s+[—–-]|$)`,
  'i',
);
const BEFORE_EN = new RegExp(
  String.raw`(?:^|[.!?]\s+|,\s+)(${SPEAKER})\s+(?:also\s+)?(?:${SAY_EN}|is quoted as saying|was quoted as saying)(?:\s+[^"“”«»„]{0,60}?)?(?:\s+that)?\s*[:,]?\s*$`,
);
const BEFORE_RU = new RegExp(String.raw`(?:^|[.!?]\s+)(${SPEAKER})\s+${SAY_RU}(?:\s+[^"“”«»„]{0,40}?)?\s*[:,]?\s*$`, 'i');
const INSIDE_RU = new RegExp(String.raw`,\s+[—–-]\s+${SAY_RU}\s+(${SPEAKER})[.,]\s+[—–-]\s+`, 'i');
const NEXT_LINE_RU = /^\s*[—–-]\s*([^"“”«»„\n]{1,60})$/;

const PRONOUN = /^(?:he|she|он|она)$/i;
const GENERIC_PERSON =
  /^(?:the\s+)?(?:minister|deputy minister|deputy foreign minister|foreign minister|official|diplomat|spokes(?:man|woman|person)|kremlin spokes(?:man|woman|person)|secretary|president|senator|envoy|ambassador|замминистра|замглавы мид рф|замглавы мид|заместитель министра|министр|дипломат|посол|глава мид|пресс-секретарь|представитель|госсекретарь|президент)(?!\p{L})/iu;
const GROUP = /^(?:the\s+)?(?:lawmakers|senators|legislators)$/i;

export interface SpeakerContext {
  /** Every actor mention of the article (known and unknown), in text order. */
  mentions: ActorMention[];
}

function resolveSpeaker(
  phrase: string,
  phraseStart: number,
  quoteStart: number,
  context: SpeakerContext,
  lastSpeaker: ActorMention | null = null,
): ActorMention | null {
  const trimmed = phrase.trim();
  const lead = phrase.indexOf(trimmed);
  const from = phraseStart + lead;
  const to = from + trimmed.length;
  // "Putin's spokesman Dmitry Peskov": the speaker is the head of the phrase, never a possessor.
  const inside = context.mentions.filter((m) => m.start >= from && m.end <= to && !m.possessive && m.actor?.kind !== 'MEDIA_OUTLET');
  const person = [...inside].reverse().find((m) => m.actor === null || m.actor.kind === 'PERSON');
  if (person) return person;
  const earlier = context.mentions.filter((m) => m.end <= Math.min(from, quoteStart));
  // "замглавы МИД РФ", "представитель Кремля": a title stands for the official, not for the ministry it names.
  if (GENERIC_PERSON.test(trimmed)) {
    if (lastSpeaker && (lastSpeaker.actor === null || lastSpeaker.actor.kind === 'PERSON')) return lastSpeaker;
    const last = [...earlier].reverse().find((m) => m.actor === null || m.actor.kind === 'PERSON');
    if (last) return last;
  }
  if (inside.length) return inside[inside.length - 1];
  if (PRONOUN.test(trimmed) || GENERIC_PERSON.test(trimmed)) {
    // "he said", "the president pushed back, saying": whoever the article last quoted, else the last person named;
    // "the spokesperson said" with no person named before speaks for the department named before.
    if (lastSpeaker && (lastSpeaker.actor === null || lastSpeaker.actor.kind === 'PERSON')) return lastSpeaker;
    const last = [...earlier].reverse().find((m) => m.actor === null || m.actor.kind === 'PERSON');
    if (last || PRONOUN.test(trimmed)) return last ?? null;
    return [...earlier].reverse().find((m) => m.actor?.kind === 'GOVERNMENT_BODY') ?? null;
  }
  if (/^(?:it|the\s+ministry|the\s+department|the\s+kremlin|the\s+embassy|министерство|ведомство)$/i.test(trimmed)) {
    return [...earlier].reverse().find((m) => m.actor?.kind === 'GOVERNMENT_BODY') ?? null;
  }
  if (GROUP.test(trimmed)) {
    const last = [...earlier].reverse().find((m) => m.actor?.kind === 'LEGISLATURE');
    return last ?? null;
  }
  return null;
}

/** Quotes the article attributes to a speaker; quotes it does not attribute are left out. */
export function attributedQuotes(text: string, context: SpeakerContext): AttributedQuote[] {
  const quotes: AttributedQuote[] = [];
  let lastSpeaker: ActorMention | null = null;
  const lines = [...text.matchAll(/[^\n]+/g)].filter((line) => line[0].trim());
  lines.forEach((line, lineIndex) => {
    const paragraph = line[0];
    const base = line.index!;
    const spans = quoteSpans(paragraph);
    let previous: ActorMention | null = null;
    spans.forEach((span, k) => {
      const afterEnd = k + 1 < spans.length ? spans[k + 1].open : paragraph.length;
      const after = paragraph.slice(span.close + 1, afterEnd);
      const beforeStart = k > 0 ? spans[k - 1].close + 1 : 0;
      const before = paragraph.slice(beforeStart, span.open);
      let speaker: ActorMention | null = null;
      let inner = paragraph.slice(span.open + 1, span.close);
      // «Есть риск …, - отметил замглавы МИД РФ. - Мы посылаем …»: the attribution sits inside the marks.
      const inside = INSIDE_RU.exec(inner);
      if (inside) {
        const at = base + span.open + 1 + inside.index + inside[0].indexOf(inside[1]);
        speaker = resolveSpeaker(inside[1], at, base + span.open, context, lastSpeaker);
        if (speaker) inner = inner.slice(0, inside.index);
      }
      // A quote that ends its sentence ("… remarks.”) is not attributed by the words after it.
      const endsSentence = /[.!?…]\s*$/.test(inner);
      for (const pattern of endsSentence || speaker ? [] : [AFTER_RU, AFTER_EN, AFTER_EN_INVERTED]) {
        const match = pattern.exec(after);
        if (match) {
          const at = base + span.close + 1 + match.index + match[0].indexOf(match[1]);
          speaker = resolveSpeaker(match[1], at, base + span.open, context, lastSpeaker);
          if (speaker) break;
        }
      }
      if (!speaker) {
        for (const pattern of [BEFORE_EN, BEFORE_RU]) {
          const match = pattern.exec(before);
          if (match) {
            const at = base + beforeStart + match.index + match[0].indexOf(match[1]);
            speaker = resolveSpeaker(match[1], at, base + span.open, context, lastSpeaker);
            if (speaker) break;
          }
        }
      }
      if (!speaker && spans.length === 1 && paragraph.slice(0, span.open).trim() === '' && !paragraph.slice(span.close + 1).trim()) {
        // A paragraph that is only a quote, signed on the next line: «…» / – заместитель министра.
        const next = lines[lineIndex + 1];
        const match = next ? NEXT_LINE_RU.exec(next[0]) : null;
        if (match && next)
          speaker = resolveSpeaker(match[1], next.index! + next[0].indexOf(match[1]), base + span.open, context, lastSpeaker);
      }
      // A second quote in the same paragraph continues the attributed speaker's words (the common news convention).
      if (!speaker && previous && k > 0 && !/[.!?]\s*\p{Lu}[^"“”«»„]*\s\p{Lu}/u.test(before)) speaker = previous;
      if (!speaker) return;
      previous = speaker;
      lastSpeaker = speaker;
      const words = inner.replace(/^[\s…]+/, '').replace(/[\s,;:]+$/, '');
      if (words.split(/\s+/).length < 3) return;
      const start = base + span.open + 1 + inner.indexOf(words);
      quotes.push({ text: words, start, end: start + words.length, speaker });
    });
  });
  return quotes;
}
