// When a sentence says something happened, resolved against the article's publication date (English and Russian).
import * as chrono from 'chrono-node';
import { DatePrecision } from '@detente/shared';
import { addDays } from './calendar';

export interface ResolvedDate {
  startDate: string;
  endDate: string | null;
  precision: DatePrecision;
  /** The words that gave the date, verbatim from the sentence. */
  evidence: string;
  /** Offset of the words in the sentence. */
  index: number;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
/** Monday of the week holding `day`. */
const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

// Words that make a date something other than when the event happened: a deadline, a starting point, a range's end.
const NOT_WHEN =
  /(?:\b(?:by|until|till|before|since|from|through|expires?(?:\s+on)?|expiring(?:\s+on)?|deadline)|(?:^|[\s(])(?:до|с|со|по|к|начиная с))\s*(?:the\s+)?$/i;
const FUTURE =
  /\b(?:will|would|is to|are to|is due to|are due to|plans? to|expected to|set to|scheduled|next|upcoming|slated)\b|(?:^|\s)(?:будет|будут|планиру|собира|намерен|состоится|пройд[её]т|предстоящ|следующ)/i;
const LAST_WEEK = /\b(?:last|previous|past)\s+week\b|на\s+прошлой\s+неделе|на\s+минувшей\s+неделе/i;
const THIS_WEEK = /\b(?:earlier\s+this|this)\s+week\b|на\s+этой\s+неделе/i;
const YEAR_ONLY = /(?<!\p{L})(?:in|в)\s+((?:19|20)\d\d)(?:\s+(?:году|г\.))?(?![\d-])/iu;

/**
 * The date a sentence gives, or null when it gives none. chrono-node finds the words; the rules of news writing
 * decide what they mean: a weekday is the latest one on or before publication (or the day itself), "last week" is
 * the whole previous Monday–Sunday week (DAY precision with an end date: the record has no WEEK precision), a day
 * and month without a year is the latest such day not after publication unless the sentence speaks of the future,
 * a month is MONTH precision and "in 2014" YEAR precision.
 */
export function resolveDate(sentence: string, publishedAt: string, language: 'en' | 'ru'): ResolvedDate | null {
  const week = LAST_WEEK.exec(sentence);
  if (week) {
    const monday = addDays(mondayOf(publishedAt), -7);
    return { startDate: monday, endDate: addDays(monday, 6), precision: DatePrecision.DAY, evidence: week[0], index: week.index };
  }
  // "Накануне Трамп заявил": the day before publication (but "накануне переговоров" is "on the eve of the talks").
  const eve = /^(?:Накануне|Вчера)(?=[\s,]+[\p{Lu}])/u.exec(sentence);
  if (eve) return { startDate: addDays(publishedAt, -1), endDate: null, precision: DatePrecision.DAY, evidence: eve[0], index: 0 };
  const thisWeek = THIS_WEEK.exec(sentence);
  const future = FUTURE.test(sentence);
  const reference = { instant: new Date(`${publishedAt}T12:00:00Z`), timezone: 0 };
  const parser = language === 'ru' ? chrono.ru : chrono.en;
  const results = parser.parse(sentence, reference, { forwardDate: false });
  for (const result of results) {
    if (NOT_WHEN.test(sentence.slice(0, result.index))) continue;
    const start = result.start;
    const known = (unit: 'day' | 'month' | 'year' | 'weekday') => start.isCertain(unit);
    if (!known('day') && !known('month') && !known('weekday') && !/today|yesterday|сегодня|вчера|позавчера/i.test(result.text)) continue;
    let day = iso(start.date());
    let precision = DatePrecision.DAY;
    if (known('weekday') && !known('day')) {
      // The latest such weekday on or before publication; the next one only when the sentence is about the future.
      const back = (weekdayOf(publishedAt) - start.get('weekday')! + 7) % 7;
      day = future ? addDays(publishedAt, (7 - back) % 7) : addDays(publishedAt, -back);
    } else if (known('month') && !known('day')) {
      precision = DatePrecision.MONTH;
      day = `${day.slice(0, 7)}-01`;
    }
    if (!known('year') && !future) {
      // "3 November" in an article of 12 October is last November.
      while (day > publishedAt) day = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    }
    // Drafts are of what has happened: a date after publication ("in two days", "expires on 5 February") is not one.
    if (day > publishedAt) continue;
    // chrono's match can carry the comma or space around it; the evidence is the words alone, still a slice of the sentence.
    const words = result.text.replace(/[\s,.;:]+$/, '');
    const lead = words.length - words.trimStart().length;
    return { startDate: day, endDate: null, precision, evidence: words.trimStart(), index: result.index + lead };
  }
  if (thisWeek) {
    return {
      startDate: mondayOf(publishedAt),
      endDate: publishedAt,
      precision: DatePrecision.DAY,
      evidence: thisWeek[0],
      index: thisWeek.index,
    };
  }
  const year = YEAR_ONLY.exec(sentence);
  if (year && !NOT_WHEN.test(sentence.slice(0, year.index + year[0].indexOf(year[1])))) {
    return { startDate: `${year[1]}-01-01`, endDate: null, precision: DatePrecision.YEAR, evidence: year[0], index: year.index };
  }
  return null;
}

/** True when the sentence places its action after publication ("will meet", "состоится"). */
export const speaksOfFuture = (sentence: string) => FUTURE.test(sentence);
