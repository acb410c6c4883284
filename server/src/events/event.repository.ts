// The SQL of an event's record: its row, its participants and citations, and its snapshot. The write service and
// the dataset import both write through here, so the record maps to the table in one place (event.record.ts).
import { EntityManager } from 'typeorm';
import { Side } from '@detente/shared';
import { EventRecord, EventRowWithRelations, WRITABLE_COLUMNS, recordFromRow, toEventRow } from './event.record';
import type { CitationRecordType } from './event.record';

/** Inserts the rows of these full records and returns each new event's id by slug. */
export async function insertEvents(
  manager: EntityManager,
  records: EventRecord[],
  actorIdBySlug: Map<string, string>,
): Promise<Map<string, string>> {
  if (!records.length) return new Map();
  const rows = records.map((record) => toEventRow(record, actorIdBySlug));
  const columns = Object.keys(rows[0]);
  const inserted: Array<{ id: string; slug: string }> = await manager.query(
    `INSERT INTO event (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::event, $1::jsonb)
     RETURNING id, slug`,
    [JSON.stringify(rows)],
  );
  return new Map(inserted.map((r) => [r.slug, r.id]));
}

/**
 * Replaces every column of a live event's row with the record's, if it is still at `version`; returns the new
 * version, or undefined when another writer got there first.
 */
export async function replaceEventRow(
  manager: EntityManager,
  eventId: string,
  version: number,
  record: EventRecord,
  actorIdBySlug: Map<string, string>,
): Promise<number | undefined> {
  const row = toEventRow(record, actorIdBySlug);
  const updated = await manager.query(
    `UPDATE event SET (${WRITABLE_COLUMNS.join(', ')}) = (SELECT ${WRITABLE_COLUMNS.join(', ')} FROM jsonb_populate_record(NULL::event, $1::jsonb)),
                      version = version + 1, updated_at = now()
      WHERE id = $2 AND version = $3 AND deleted_at IS NULL RETURNING version`,
    [JSON.stringify(row), eventId, version],
  );
  return updated[0]?.[0]?.version as number | undefined;
}

/** The side an actor stands for when a participant gives none: its country's, else OTHER. */
export const sideOfCountry = (country: string | null | undefined): Side =>
  country === 'US' ? Side.US : country === 'RU' ? Side.RU : Side.OTHER;

/** Replaces the participants and citations of these events with their records' (events new or existing). */
export async function writeRelations(
  manager: EntityManager,
  records: Array<{ eventId: string; record: EventRecord }>,
  actorIdBySlug: Map<string, string>,
): Promise<void> {
  if (!records.length) return;
  const ids = records.map((r) => r.eventId);
  const slugs = [...new Set(records.flatMap((r) => r.record.participants.map((p) => p.actor)))];
  const countries: Array<{ slug: string; country: string | null }> = slugs.length
    ? await manager.query('SELECT slug, country FROM actor WHERE slug = ANY($1)', [slugs])
    : [];
  const countryOf = new Map(countries.map((r) => [r.slug, r.country]));
  await manager.query('DELETE FROM event_participant WHERE event_id = ANY($1)', [ids]);
  const participants = records.flatMap(({ eventId, record }) =>
    record.participants.map((p, position) => ({
      event_id: eventId,
      actor_id: actorIdBySlug.get(p.actor),
      role: p.role,
      side: p.side ?? sideOfCountry(countryOf.get(p.actor)),
      position,
    })),
  );
  if (participants.length) {
    await manager.query(
      `INSERT INTO event_participant (event_id, actor_id, role, side, position)
       SELECT event_id, actor_id, role, side, position FROM jsonb_populate_recordset(NULL::event_participant, $1::jsonb)`,
      [JSON.stringify(participants)],
    );
  }
  await manager.query('DELETE FROM citation WHERE event_id = ANY($1)', [ids]);
  const sourceIds = await ensureSources(
    manager,
    records.flatMap((r) => r.record.citations),
  );
  const citations = records.flatMap(({ eventId, record }) =>
    record.citations.map((c, position) => ({ event_id: eventId, source_id: sourceIds.get(c.url), excerpt: c.excerpt ?? null, position })),
  );
  if (citations.length) {
    await manager.query(
      `INSERT INTO citation (event_id, source_id, excerpt, position)
       SELECT event_id, source_id, excerpt, position FROM jsonb_populate_recordset(NULL::citation, $1::jsonb) ON CONFLICT DO NOTHING`,
      [JSON.stringify(citations)],
    );
  }
}

/** Inserts the sources of these citations that are new (matched by URL) and returns every URL's source id. */
export async function ensureSources(manager: EntityManager, citations: CitationRecordType[]): Promise<Map<string, string>> {
  const byUrl = new Map<string, CitationRecordType>();
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

/**
 * Full records of events (participants by actor slug, citations with their sources, outgoing links to live
 * events), for export and for the snapshots revisions keep. `condition` is a fixed SQL predicate over `e` with
 * $n parameters.
 */
export async function snapshotEvents(manager: EntityManager, condition: string, params: unknown[]): Promise<EventRecord[]> {
  const rows: Array<{ event: EventRowWithRelations }> = await manager.query(
    `
    SELECT (to_jsonb(e) - 'search_vector') || jsonb_build_object(
      'outlet_slug', o.slug,
      'participants', (SELECT coalesce(jsonb_agg(jsonb_build_object('actor', a.slug, 'role', p.role, 'side', p.side) ORDER BY p.position), '[]')
         FROM event_participant p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = e.id),
      'citations', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher,
                'publishedAt', to_char(s.published_at, 'YYYY-MM-DD'), 'language', s.language, 'excerpt', c.excerpt)) ORDER BY c.position), '[]')
         FROM citation c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id),
      'links', (SELECT coalesce(jsonb_agg(jsonb_build_object('type', l.type, 'to', t.slug) ORDER BY l.created_at, t.slug), '[]')
         FROM event_link l JOIN event t ON t.id = l.to_event_id WHERE l.from_event_id = e.id AND t.deleted_at IS NULL)
    ) AS event
    FROM event e LEFT JOIN actor o ON o.id = e.outlet_id
    WHERE ${condition}
    ORDER BY e.start_date, e.slug`,
    params,
  );
  return rows.map((r) => recordFromRow(r.event));
}
