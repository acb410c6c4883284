// Validates a whole dataset before anything is written: every problem is reported with its file and record.
import {
  ActorKind,
  AgreementAction,
  DatePrecision,
  Direction,
  EventKind,
  LinkType,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  ParticipantRole,
  QuoteType,
  SanctionAction,
  SanctionMeasure,
  Side,
  StatementMedium,
  Verification,
  isCameoCode,
} from '@detente/shared';
import { isIsoDate } from '../common/scalars';
import type { DatasetActor, DatasetEvent, DatasetFiles, DatasetProblem, Located } from './dataset.types';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,119}$/;
export const MAX_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 4000;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

const COMMON_FIELDS = new Set([
  'id',
  'kind',
  'title',
  'summary',
  'startDate',
  'endDate',
  'datePrecision',
  'location',
  'direction',
  'cameoCode',
  'tone',
  'toneNote',
  'importance',
  'tags',
  'verification',
  'participants',
  'citations',
  'links',
]);
const KIND_FIELDS: Record<EventKind, string[]> = {
  [EventKind.STATEMENT]: ['quote', 'quoteLanguage', 'quoteType', 'medium', 'outlet'],
  [EventKind.MEETING]: ['format', 'level', 'outcome'],
  [EventKind.SANCTION]: ['action', 'program', 'measures'],
  [EventKind.MISSION]: ['action', 'actingCountry', 'affectedCountry', 'facility', 'city', 'personnelCount'],
  [EventKind.AGREEMENT]: ['action', 'instrument'],
};
const ACTION_ENUM: Partial<Record<EventKind, Record<string, string>>> = {
  [EventKind.SANCTION]: SanctionAction,
  [EventKind.MISSION]: MissionActionType,
  [EventKind.AGREEMENT]: AgreementAction,
};
const ACTOR_FIELDS = new Set(['id', 'name', 'kind', 'country', 'title', 'aliases', 'wikidataId']);

const isIn = (e: Record<string, string>, value: unknown) => typeof value === 'string' && Object.values(e).includes(value);
const isText = (value: unknown, max: number) => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

export interface KnownRecords {
  /** Actor slugs already in the database, which records may refer to without defining them. */
  actorIds?: Iterable<string>;
  /** Event slugs already in the database, which links may point at. */
  eventIds?: Iterable<string>;
}

export function validateDataset(files: DatasetFiles, known: KnownRecords = {}): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const actorIds = new Map<string, string>();
  const eventIds = new Map<string, string>();
  const knownActors = new Set(known.actorIds ?? []);
  const knownEvents = new Set(known.eventIds ?? []);
  const sourcesByUrl = new Map<string, { title?: string; publisher?: string; publishedAt?: string; where: string }>();

  const report = (item: Located<{ id?: unknown }>, message: string) =>
    problems.push({ file: item.file, record: typeof item.record?.id === 'string' ? item.record.id : `#${item.index + 1}`, message });

  for (const item of files.actors) {
    const a = item.record as DatasetActor;
    if (!a || typeof a !== 'object') {
      report(item, 'actor must be an object');
      continue;
    }
    for (const key of Object.keys(a)) if (!ACTOR_FIELDS.has(key)) report(item, `unknown field "${key}"`);
    if (typeof a.id !== 'string' || !SLUG_PATTERN.test(a.id)) report(item, 'id must be a slug of lowercase letters, digits and dashes');
    else if (actorIds.has(a.id)) report(item, `duplicate actor id (also in ${actorIds.get(a.id)})`);
    else actorIds.set(a.id, item.file);
  }
  for (const slug of knownActors) if (!actorIds.has(slug)) actorIds.set(slug, 'the database');
  for (const item of files.actors) {
    const a = item.record as DatasetActor;
    if (!a || typeof a !== 'object') continue;
    if (!isText(a.name, 200)) report(item, 'name is required (at most 200 characters)');
    if (!isIn(ActorKind, a.kind)) report(item, `kind must be one of ${Object.values(ActorKind).join(', ')}`);
    if (a.country !== undefined && !COUNTRY_PATTERN.test(a.country))
      report(item, 'country must be an ISO 3166-1 alpha-2 code such as "US"');
    if (a.aliases !== undefined && (!Array.isArray(a.aliases) || a.aliases.some((x) => !isText(x, 200))))
      report(item, 'aliases must be a list of names');
  }

  for (const item of files.events) {
    const e = item.record as DatasetEvent;
    if (!e || typeof e !== 'object') {
      report(item, 'event must be an object');
      continue;
    }
    if (typeof e.id !== 'string' || !SLUG_PATTERN.test(e.id)) report(item, 'id must be a slug of lowercase letters, digits and dashes');
    else if (eventIds.has(e.id)) report(item, `duplicate event id (also in ${eventIds.get(e.id)})`);
    else eventIds.set(e.id, item.file);
  }
  for (const slug of knownEvents) if (!eventIds.has(slug)) eventIds.set(slug, 'the database');

  for (const item of files.events) {
    const e = item.record as DatasetEvent;
    if (!e || typeof e !== 'object') continue;
    const fail = (message: string) => report(item, message);
    const kind = e.kind as EventKind;
    if (!isIn(EventKind, e.kind)) {
      fail(`kind must be one of ${Object.values(EventKind).join(', ')}`);
      continue;
    }
    const allowed = new Set([...COMMON_FIELDS, ...KIND_FIELDS[kind]]);
    for (const key of Object.keys(e)) {
      if (!allowed.has(key)) fail(`field "${key}" is not allowed on a ${kind} event`);
    }
    if (!isText(e.title, MAX_TITLE_LENGTH)) fail(`title is required (at most ${MAX_TITLE_LENGTH} characters)`);
    if (e.summary !== undefined && !isText(e.summary, MAX_SUMMARY_LENGTH))
      fail(`summary must be text of at most ${MAX_SUMMARY_LENGTH} characters`);
    if (!isIsoDate(e.startDate)) fail('startDate must be a real date in YYYY-MM-DD form');
    if (e.endDate !== undefined) {
      if (!isIsoDate(e.endDate)) fail('endDate must be a real date in YYYY-MM-DD form');
      else if (isIsoDate(e.startDate) && e.endDate < e.startDate) fail('endDate is before startDate');
    }
    if (e.datePrecision !== undefined && !isIn(DatePrecision, e.datePrecision)) fail('datePrecision must be DAY, MONTH or YEAR');
    if (isIsoDate(e.startDate) && e.datePrecision === DatePrecision.MONTH && !e.startDate.endsWith('-01'))
      fail('a MONTH-precision startDate must be the 1st of the month');
    if (isIsoDate(e.startDate) && e.datePrecision === DatePrecision.YEAR && !e.startDate.endsWith('-01-01'))
      fail('a YEAR-precision startDate must be 1 January');
    if (e.location !== undefined) {
      if (!e.location || !isText(e.location.name, 200)) fail('location.name is required when location is given');
      if (e.location?.country !== undefined && !COUNTRY_PATTERN.test(e.location.country))
        fail('location.country must be an ISO 3166-1 alpha-2 code');
    }
    if (!isIn(Direction, e.direction)) fail(`direction must be one of ${Object.values(Direction).join(', ')}`);
    if (typeof e.cameoCode !== 'string' || !isCameoCode(e.cameoCode)) fail(`cameoCode "${String(e.cameoCode)}" is not a CAMEO code`);
    if (e.tone !== undefined) {
      if (typeof e.tone !== 'number' || !Number.isFinite(e.tone) || e.tone < -10 || e.tone > 10)
        fail('tone must be a number from -10 to 10');
      else if (!isText(e.toneNote, 1000)) fail('toneNote must say why tone overrides the Goldstein value of the CAMEO code');
    }
    if (!Number.isInteger(e.importance) || e.importance < 1 || e.importance > 5) fail('importance must be an integer from 1 to 5');
    if (!Array.isArray(e.tags) || e.tags.some((t) => typeof t !== 'string' || t !== t.trim().toLowerCase() || !t))
      fail('tags must be a list of lowercase words');
    if (e.verification !== undefined && !isIn(Verification, e.verification)) fail('verification must be CONFIRMED, REPORTED or DISPUTED');

    if (!Array.isArray(e.participants)) fail('participants must be a list');
    else {
      const seen = new Set<string>();
      e.participants.forEach((p, i) => {
        if (!p || typeof p.actor !== 'string' || !actorIds.has(p.actor))
          fail(`participants[${i}] refers to unknown actor "${String(p?.actor)}"`);
        if (!isIn(ParticipantRole, p?.role)) fail(`participants[${i}].role must be one of ${Object.values(ParticipantRole).join(', ')}`);
        if (p?.side !== undefined && !isIn(Side, p.side)) fail(`participants[${i}].side must be US, RU or OTHER`);
        const key = `${p?.actor}/${p?.role}`;
        if (seen.has(key)) fail(`participants[${i}] repeats ${key}`);
        seen.add(key);
      });
    }

    if (!Array.isArray(e.citations) || e.citations.length === 0) fail('citations: every event needs at least one source');
    else {
      e.citations.forEach((c, i) => {
        if (!c || typeof c.url !== 'string' || !/^https?:\/\/\S+$/.test(c.url)) {
          fail(`citations[${i}].url must be an http(s) URL`);
          return;
        }
        if (!isText(c.title, 500)) fail(`citations[${i}].title is required`);
        if (!isText(c.publisher, 200)) fail(`citations[${i}].publisher is required`);
        if (c.publishedAt !== undefined && !isIsoDate(c.publishedAt)) fail(`citations[${i}].publishedAt must be YYYY-MM-DD`);
        const known = sourcesByUrl.get(c.url);
        if (!known)
          sourcesByUrl.set(c.url, { title: c.title, publisher: c.publisher, publishedAt: c.publishedAt, where: `${item.file} ${e.id}` });
        else if (known.title !== c.title || known.publisher !== c.publisher || known.publishedAt !== c.publishedAt) {
          fail(`citations[${i}] gives ${c.url} a different title, publisher or date than ${known.where}`);
        }
      });
    }

    if (e.links !== undefined) {
      if (!Array.isArray(e.links)) fail('links must be a list');
      else
        e.links.forEach((l, i) => {
          if (!isIn(LinkType, l?.type)) fail(`links[${i}].type must be one of ${Object.values(LinkType).join(', ')}`);
          if (l?.to === e.id) fail(`links[${i}] points at the event itself`);
          else if (typeof l?.to !== 'string' || !eventIds.has(l.to)) fail(`links[${i}] points at unknown event "${String(l?.to)}"`);
        });
    }

    switch (kind) {
      case EventKind.STATEMENT:
        if (!isIn(StatementMedium, e.medium)) fail(`medium must be one of ${Object.values(StatementMedium).join(', ')}`);
        if (e.quote !== undefined) {
          if (!isText(e.quote, MAX_QUOTE_LENGTH)) fail(`quote must be text of at most ${MAX_QUOTE_LENGTH} characters`);
          if (!isIn(QuoteType, e.quoteType)) fail('a quote needs quoteType DIRECT, INDIRECT or PARAPHRASE');
          if (typeof e.quoteLanguage !== 'string' || !/^[a-z]{2}$/.test(e.quoteLanguage))
            fail('a quote needs quoteLanguage, e.g. "ru" or "en"');
        }
        if (e.outlet !== undefined && !actorIds.has(e.outlet)) fail(`outlet refers to unknown actor "${e.outlet}"`);
        break;
      case EventKind.MEETING:
        if (!isIn(MeetingFormat, e.format)) fail(`format must be one of ${Object.values(MeetingFormat).join(', ')}`);
        if (!isIn(MeetingLevel, e.level)) fail(`level must be one of ${Object.values(MeetingLevel).join(', ')}`);
        break;
      case EventKind.SANCTION:
        if (e.measures !== undefined && (!Array.isArray(e.measures) || e.measures.some((m) => !isIn(SanctionMeasure, m)))) {
          fail(`measures must be a list of ${Object.values(SanctionMeasure).join(', ')}`);
        }
        break;
      case EventKind.MISSION:
        if (!COUNTRY_PATTERN.test(e.actingCountry ?? '')) fail('actingCountry is required (ISO code such as "RU")');
        if (!COUNTRY_PATTERN.test(e.affectedCountry ?? '')) fail('affectedCountry is required (ISO code such as "US")');
        if (e.personnelCount !== undefined && (!Number.isInteger(e.personnelCount) || e.personnelCount < 0))
          fail('personnelCount must be a whole number ≥ 0');
        break;
      case EventKind.AGREEMENT:
        if (!isText(e.instrument, 200)) fail('instrument is required, e.g. "New START"');
        break;
    }
    const actions = ACTION_ENUM[kind];
    if (actions && !isIn(actions, e.action)) fail(`action must be one of ${Object.values(actions).join(', ')}`);
  }
  return problems;
}
