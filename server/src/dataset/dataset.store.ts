// Moves a validated dataset into the database in one transaction, and reads it back out in the same format.
import { DataSource, EntityManager } from 'typeorm';
import { datasetForm, fullRecord } from '../events/event.record';
import { insertEvents, snapshotEvents, writeRelations } from '../events/event.repository';
import { RevisionAction } from '../revisions/revision.entity';
import { writeRevisions } from '../revisions/revision.service';
import { readDatasetDir, DatasetFileError } from './dataset.files';
import type { Dataset, DatasetActor, DatasetFiles, DatasetProblem } from './dataset.types';
import { KnownRecords, validateDataset } from './dataset.validate';

export interface ImportResult {
  actors: number;
  events: number;
  sources: number;
  links: number;
}

/** Validates and writes: either every record lands, or none does and every problem is reported. */
export async function importDataset(dataSource: DataSource, files: DatasetFiles, author = 'dataset'): Promise<ImportResult> {
  const problems = validateDataset(files, await knownRecords(dataSource));
  if (problems.length) throw new DatasetFileError(problems);
  const actors = files.actors.map((a) => a.record);
  const events = files.events.map((e) => e.record);
  return dataSource.transaction((manager) => writeDataset(manager, { actors, events }, files, author));
}

async function writeDataset(manager: EntityManager, data: Dataset, files: DatasetFiles, author: string): Promise<ImportResult> {
  // Events already present are reported, never overwritten: an import adds records.
  const existing: Array<{ slug: string }> = await manager.query('SELECT slug FROM event WHERE slug = ANY($1)', [
    data.events.map((e) => e.id),
  ]);
  if (existing.length) {
    const taken = new Set(existing.map((r) => r.slug));
    const clashes: DatasetProblem[] = files.events
      .filter((e) => taken.has(e.record.id))
      .map((e) => ({ file: e.file, record: e.record.id, message: 'an event with this id already exists in the database' }));
    throw new DatasetFileError(clashes);
  }

  // Actors: insert new ones, keep existing ones (matched by slug) as they are.
  await manager.query(
    `INSERT INTO actor (slug, name, kind, country, title, aliases, wikidata_id)
     SELECT r.id, r.name, r.kind, r.country, r.title, coalesce(r.aliases, '{}'), r."wikidataId"
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, kind text, country text, title text, aliases text[], "wikidataId" text)
     ON CONFLICT (slug) DO NOTHING`,
    [JSON.stringify(data.actors)],
  );
  const actorRows: Array<{ id: string; slug: string; country: string | null }> = await manager.query('SELECT id, slug, country FROM actor');
  const actorIdBySlug = new Map(actorRows.map((r) => [r.slug, r.id]));
  await writeTenures(manager, data.actors, actorIdBySlug);
  const missing = data.events.flatMap((e) =>
    e.participants
      .filter((p) => !actorIdBySlug.has(p.actor))
      .map((p) => ({ file: '-', record: e.id, message: `unknown actor "${p.actor}"` })),
  );
  if (missing.length) throw new DatasetFileError(missing);

  const records = data.events.map((e) => fullRecord(e));
  const eventIdBySlug = await insertEvents(manager, records, actorIdBySlug);
  const inserted = eventIdBySlug.size;
  const known: Array<{ id: string; slug: string }> = await manager.query('SELECT id, slug FROM event WHERE slug = ANY($1)', [
    data.events.flatMap((e) => (e.links ?? []).map((l) => l.to)),
  ]);
  for (const r of known) if (!eventIdBySlug.has(r.slug)) eventIdBySlug.set(r.slug, r.id);
  await writeRelations(
    manager,
    records.map((record) => ({ eventId: eventIdBySlug.get(record.id)!, record })),
    actorIdBySlug,
  );
  const links = data.events.flatMap((e) =>
    (e.links ?? []).map((l) => ({ from_event_id: eventIdBySlug.get(e.id), to_event_id: eventIdBySlug.get(l.to), type: l.type })),
  );
  if (links.length) {
    await manager.query(
      `INSERT INTO event_link (from_event_id, to_event_id, type)
       SELECT r.from_event_id, r.to_event_id, r.type FROM jsonb_to_recordset($1::jsonb) AS r(from_event_id uuid, to_event_id uuid, type text)`,
      [JSON.stringify(links)],
    );
  }
  const sources = new Set(data.events.flatMap((e) => e.citations.map((c) => c.url)));
  await writeRevisions(
    manager,
    records.map((r) => ({ eventId: eventIdBySlug.get(r.id)!, version: 1 })),
    RevisionAction.IMPORT,
    author,
  );
  return { actors: data.actors.length, events: inserted, sources: sources.size, links: links.length };
}

/** The actors' tenures; one already stored (same actor, office and start) is kept as it is. */
async function writeTenures(manager: EntityManager, actors: DatasetActor[], actorIdBySlug: Map<string, string>): Promise<void> {
  const rows = actors.flatMap((a) =>
    (a.tenures ?? []).map((t) => ({
      actor_id: actorIdBySlug.get(a.id),
      office: t.office,
      start_date: t.startDate,
      end_date: t.endDate ?? null,
      source_urls: t.sources,
      note: t.note ?? null,
    })),
  );
  if (!rows.length) return;
  await manager.query(
    `INSERT INTO actor_tenure (actor_id, office, start_date, end_date, source_urls, note)
     SELECT r.actor_id, r.office, r.start_date, r.end_date, r.source_urls, r.note
     FROM jsonb_to_recordset($1::jsonb) AS r(actor_id uuid, office text, start_date date, end_date date, source_urls text[], note text)
     ON CONFLICT (actor_id, office, start_date) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Slugs of the actors and live events already stored, which an import may refer to without redefining them. */
export async function knownRecords(dataSource: DataSource): Promise<KnownRecords> {
  const actors: Array<{ slug: string }> = await dataSource.query('SELECT slug FROM actor WHERE merged_into_id IS NULL');
  const events: Array<{ slug: string }> = await dataSource.query('SELECT slug FROM event WHERE deleted_at IS NULL');
  return { actorIds: actors.map((a) => a.slug), eventIds: events.map((e) => e.slug) };
}

/** Loads server/data into an empty database; does nothing when events exist already. */
export async function seedIfEmpty(
  dataSource: DataSource,
  datasetDir: string,
  log: (message: string) => void,
): Promise<ImportResult | null> {
  const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM event) AS exists');
  if (exists) return null;
  const files = readDatasetDir(datasetDir);
  log(`Loading the dataset: ${files.events.length} events, ${files.actors.length} actors…`);
  return importDataset(dataSource, files);
}

const strip = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

/** Reads the live (not deleted) events and every actor back into the dataset format, sorted for stable diffs. */
export async function exportDataset(dataSource: DataSource): Promise<Dataset> {
  const actors: DatasetActor[] = (
    await dataSource.query(
      `SELECT a.slug AS id, a.name, a.kind, a.country, a.title, a.aliases, a.wikidata_id AS "wikidataId",
              (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('office', t.office, 'startDate', t.start_date, 'endDate', t.end_date,
                                                                     'sources', t.source_urls, 'note', t.note))
                                ORDER BY t.start_date, t.office)
                 FROM actor_tenure t WHERE t.actor_id = a.id) AS tenures
         FROM actor a WHERE a.merged_into_id IS NULL ORDER BY a.slug`,
    )
  ).map((a: DatasetActor) => strip({ ...a, aliases: a.aliases }));
  const events = (await snapshotEvents(dataSource.manager, 'e.deleted_at IS NULL', [])).map(datasetForm);
  return { actors, events };
}
