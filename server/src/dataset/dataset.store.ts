// Moves a validated dataset into the database in one transaction, and reads it back out in the same format.
import { DataSource, EntityManager } from 'typeorm';
import { DatePrecision, Side, Verification, goldsteinFor } from '@detente/shared';
import { RevisionAction } from '../revisions/revision.entity';
import { readDatasetDir, DatasetFileError } from './dataset.files';
import type { Dataset, DatasetActor, DatasetCitation, DatasetEvent, DatasetFiles, DatasetProblem } from './dataset.types';
import { KnownRecords, validateDataset } from './dataset.validate';

export interface ImportResult {
  actors: number;
  events: number;
  sources: number;
  links: number;
}

function sideOf(actor: DatasetActor | undefined): Side {
  if (actor?.country === 'US') return Side.US;
  if (actor?.country === 'RU') return Side.RU;
  return Side.OTHER;
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
  const actorBySlug = new Map<string, DatasetActor>(
    actorRows.map((r) => [r.slug, { id: r.slug, name: '', kind: '', country: r.country ?? undefined }]),
  );
  const missing = data.events.flatMap((e) =>
    e.participants
      .filter((p) => !actorIdBySlug.has(p.actor))
      .map((p) => ({ file: '-', record: e.id, message: `unknown actor "${p.actor}"` })),
  );
  if (missing.length) throw new DatasetFileError(missing);

  const sourceIdByUrl = await ensureSources(
    manager,
    data.events.flatMap((e) => e.citations),
  );
  const sources = sourceIdByUrl;

  const eventRows = data.events.map((e) => toEventRow(e, actorIdBySlug));
  const columns = Object.keys(eventRows[0] ?? { slug: null });
  const inserted: Array<{ id: string; slug: string }> = eventRows.length
    ? await manager.query(
        `INSERT INTO event (${columns.join(', ')})
         SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::event, $1::jsonb)
         RETURNING id, slug`,
        [JSON.stringify(eventRows)],
      )
    : [];
  const eventIdBySlug = new Map(inserted.map((r) => [r.slug, r.id]));
  const known: Array<{ id: string; slug: string }> = await manager.query('SELECT id, slug FROM event WHERE slug = ANY($1)', [
    data.events.flatMap((e) => (e.links ?? []).map((l) => l.to)),
  ]);
  for (const r of known) if (!eventIdBySlug.has(r.slug)) eventIdBySlug.set(r.slug, r.id);

  const participants = data.events.flatMap((e) =>
    e.participants.map((p, position) => ({
      event_id: eventIdBySlug.get(e.id),
      actor_id: actorIdBySlug.get(p.actor),
      role: p.role,
      side: p.side ?? sideOf(actorBySlug.get(p.actor)),
      position,
    })),
  );
  await manager.query(
    `INSERT INTO event_participant (event_id, actor_id, role, side, position)
     SELECT event_id, actor_id, role, side, position FROM jsonb_populate_recordset(NULL::event_participant, $1::jsonb)`,
    [JSON.stringify(participants)],
  );
  const citations = data.events.flatMap((e) =>
    e.citations.map((c, position) => ({
      event_id: eventIdBySlug.get(e.id),
      source_id: sourceIdByUrl.get(c.url),
      excerpt: c.excerpt ?? null,
      position,
    })),
  );
  await manager.query(
    `INSERT INTO citation (event_id, source_id, excerpt, position)
     SELECT event_id, source_id, excerpt, position FROM jsonb_populate_recordset(NULL::citation, $1::jsonb)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(citations)],
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
  const revisions = data.events.map((e) => ({ event_id: eventIdBySlug.get(e.id), snapshot: e }));
  await manager.query(
    `INSERT INTO revision (event_id, version, action, snapshot, author)
     SELECT r.event_id, 1, $2, r.snapshot, $3 FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, snapshot jsonb)`,
    [JSON.stringify(revisions), RevisionAction.IMPORT, author],
  );
  return { actors: data.actors.length, events: inserted.length, sources: sources.size, links: links.length };
}

/** The event table's columns for a dataset record; tone defaults to the CAMEO code's Goldstein value. */
export function toEventRow(e: DatasetEvent, actorIdBySlug: Map<string, string>): Record<string, unknown> {
  return {
    slug: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary ?? null,
    start_date: e.startDate,
    end_date: e.endDate ?? null,
    date_precision: e.datePrecision ?? DatePrecision.DAY,
    location_name: e.location?.name ?? null,
    location_country: e.location?.country ?? null,
    direction: e.direction,
    cameo_code: e.cameoCode,
    tone: e.tone ?? goldsteinFor(e.cameoCode) ?? null,
    tone_note: e.toneNote ?? null,
    importance: e.importance,
    tags: e.tags,
    verification: e.verification ?? Verification.CONFIRMED,
    quote: e.quote ?? null,
    quote_language: e.quoteLanguage ?? null,
    quote_type: e.quoteType ?? null,
    medium: e.medium ?? null,
    outlet_id: e.outlet ? actorIdBySlug.get(e.outlet) : null,
    format: e.format ?? null,
    level: e.level ?? null,
    outcome: e.outcome ?? null,
    sanction_action: e.kind === 'SANCTION' ? e.action : null,
    program: e.program ?? null,
    measures: e.measures ?? [],
    mission_action: e.kind === 'MISSION' ? e.action : null,
    acting_country: e.actingCountry ?? null,
    affected_country: e.affectedCountry ?? null,
    facility: e.facility ?? null,
    city: e.city ?? null,
    personnel_count: e.personnelCount ?? null,
    agreement_action: e.kind === 'AGREEMENT' ? e.action : null,
    instrument: e.instrument ?? null,
  };
}

/** Inserts the sources of these citations that are new (matched by URL) and returns every URL's source id. */
export async function ensureSources(manager: EntityManager, citations: DatasetCitation[]): Promise<Map<string, string>> {
  const byUrl = new Map<string, DatasetCitation>();
  for (const c of citations) if (!byUrl.has(c.url)) byUrl.set(c.url, c);
  if (!byUrl.size) return new Map();
  await manager.query(
    `INSERT INTO source (url, title, publisher, published_at, language)
     SELECT r.url, r.title, r.publisher, r."publishedAt"::date, r.language
     FROM jsonb_to_recordset($1::jsonb) AS r(url text, title text, publisher text, "publishedAt" text, language text)
     ON CONFLICT (url) DO NOTHING`,
    [JSON.stringify([...byUrl.values()])],
  );
  const rows: Array<{ id: string; url: string }> = await manager.query('SELECT id, url FROM source WHERE url = ANY($1)', [
    [...byUrl.keys()],
  ]);
  return new Map(rows.map((r) => [r.url, r.id]));
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
      `SELECT slug AS id, name, kind, country, title, aliases, wikidata_id AS "wikidataId" FROM actor WHERE merged_into_id IS NULL ORDER BY slug`,
    )
  ).map((a: DatasetActor) => strip({ ...a, aliases: a.aliases }));
  const events = await snapshotEvents(dataSource.manager, 'e.deleted_at IS NULL', []);
  return { actors, events };
}

/**
 * Events in the dataset format (participants by actor slug, citations with their sources, outgoing links), for
 * export and for the snapshots revisions keep. `condition` is a fixed SQL predicate over `e` with $n parameters.
 */
export async function snapshotEvents(manager: EntityManager, condition: string, params: unknown[]): Promise<DatasetEvent[]> {
  const rows = await manager.query(
    `
    SELECT e.*, to_char(e.start_date, 'YYYY-MM-DD') AS start_s, to_char(e.end_date, 'YYYY-MM-DD') AS end_s, o.slug AS outlet_slug,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('actor', a.slug, 'role', p.role, 'side', p.side) ORDER BY p.position), '[]')
         FROM event_participant p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = e.id) AS participants,
      (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher,
                'publishedAt', to_char(s.published_at, 'YYYY-MM-DD'), 'language', s.language, 'excerpt', c.excerpt)) ORDER BY c.position), '[]')
         FROM citation c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id) AS citations,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('type', l.type, 'to', t.slug) ORDER BY l.created_at, t.slug), '[]')
         FROM event_link l JOIN event t ON t.id = l.to_event_id WHERE l.from_event_id = e.id AND t.deleted_at IS NULL) AS links
    FROM event e LEFT JOIN actor o ON o.id = e.outlet_id
    WHERE ${condition}
    ORDER BY e.start_date, e.slug`,
    params,
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw row whose columns are exactly the event table's, read by name below
  return rows.map((r: Record<string, any>) => {
    const goldstein = r.cameo_code ? goldsteinFor(r.cameo_code) : undefined;
    const toneOverridden = r.tone !== null && (goldstein === undefined || Math.abs(r.tone - goldstein) > 1e-6);
    const event: DatasetEvent = strip({
      id: r.slug,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      startDate: r.start_s,
      endDate: r.end_s,
      datePrecision: r.date_precision === DatePrecision.DAY ? undefined : r.date_precision,
      location: r.location_name ? strip({ name: r.location_name, country: r.location_country }) : undefined,
      direction: r.direction,
      cameoCode: r.cameo_code,
      tone: toneOverridden ? r.tone : undefined,
      toneNote: r.tone_note,
      importance: r.importance,
      tags: r.tags,
      verification: r.verification === Verification.CONFIRMED ? undefined : r.verification,
      participants: r.participants,
      citations: r.citations,
      links: r.links.length ? r.links : undefined,
      quote: r.quote,
      quoteLanguage: r.quote_language,
      quoteType: r.quote_type,
      medium: r.medium,
      outlet: r.outlet_slug,
      format: r.format,
      level: r.level,
      outcome: r.outcome,
      action: r.sanction_action ?? r.mission_action ?? r.agreement_action,
      program: r.program,
      measures: r.kind === 'SANCTION' && r.measures.length ? r.measures : undefined,
      actingCountry: r.acting_country,
      affectedCountry: r.affected_country,
      facility: r.facility,
      city: r.city,
      personnelCount: r.personnel_count,
      instrument: r.instrument,
    });
    return event;
  });
}
