// Validates a whole dataset before anything is written: every problem is reported with its file and record.
import { ActorKind } from '@detente/shared';
import { tenureProblems } from '../actors/tenure.record';
import { COUNTRY_PATTERN, SLUG_PATTERN, checkRecord } from '../events/event.record';
import type { DatasetActor, DatasetEvent, DatasetFiles, DatasetProblem, Located } from './dataset.types';

export { MAX_QUOTE_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, SLUG_PATTERN } from '../events/event.record';

const ACTOR_FIELDS = new Set(['id', 'name', 'kind', 'country', 'title', 'aliases', 'wikidataId', 'tenures']);

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
    if (a.tenures !== undefined) for (const message of tenureProblems(a.tenures)) report(item, message);
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
    // The record on its own: fields, kinds and the rules between fields (events/event.record.ts).
    for (const problem of checkRecord(e).problems) if (problem.path !== 'id') fail(problem.message);

    // Across records: actors, events, and sources cited elsewhere.
    (Array.isArray(e.participants) ? e.participants : []).forEach((p, i) => {
      if (!p || typeof p.actor !== 'string' || !actorIds.has(p.actor))
        fail(`participants[${i}] refers to unknown actor "${String(p?.actor)}"`);
    });
    if (typeof e.outlet === 'string' && !actorIds.has(e.outlet)) fail(`outlet refers to unknown actor "${e.outlet}"`);
    (Array.isArray(e.citations) ? e.citations : []).forEach((c, i) => {
      if (!c || typeof c.url !== 'string') return;
      const known = sourcesByUrl.get(c.url);
      if (!known)
        sourcesByUrl.set(c.url, { title: c.title, publisher: c.publisher, publishedAt: c.publishedAt, where: `${item.file} ${e.id}` });
      else if (known.title !== c.title || known.publisher !== c.publisher || known.publishedAt !== c.publishedAt)
        fail(`citations[${i}] gives ${c.url} a different title, publisher or date than ${known.where}`);
    });
    (Array.isArray(e.links) ? e.links : []).forEach((l, i) => {
      if (l?.to === e.id) fail(`links[${i}] points at the event itself`);
      else if (typeof l?.to !== 'string' || !eventIds.has(l.to)) fail(`links[${i}] points at unknown event "${String(l?.to)}"`);
    });
  }
  return problems;
}
