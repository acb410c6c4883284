// The one writer of the revision log: every change to an event leaves the event's full record as it stood after.
import { EntityManager } from 'typeorm';
import type { EventRecord } from '../events/event.record';
import { snapshotEvents } from '../events/event.repository';
import { RevisionAction } from './revision.entity';

export interface RevisionEntry {
  eventId: string;
  version: number;
  /** The full record after the change; read from the database when left out. */
  snapshot?: EventRecord;
}

/** Appends one revision per entry, each with the event's full record (defaults included) after the change. */
export async function writeRevisions(
  manager: EntityManager,
  entries: RevisionEntry[],
  action: RevisionAction,
  author: string,
  note: string | null = null,
): Promise<void> {
  if (!entries.length) return;
  const missing = entries.filter((e) => !e.snapshot).map((e) => e.eventId);
  const read = missing.length ? await snapshotEvents(manager, 'e.id = ANY($1)', [missing]) : [];
  const ids: Array<{ id: string; slug: string }> = missing.length
    ? await manager.query('SELECT id, slug FROM event WHERE id = ANY($1)', [missing])
    : [];
  const slugOf = new Map(ids.map((r) => [r.id, r.slug]));
  const bySlug = new Map(read.map((r) => [r.id, r]));
  const rows = entries.map((e) => ({
    event_id: e.eventId,
    version: e.version,
    snapshot: e.snapshot ?? bySlug.get(slugOf.get(e.eventId)!),
  }));
  await manager.query(
    `INSERT INTO revision (event_id, version, action, snapshot, author, note)
     SELECT r.event_id, r.version, $2, r.snapshot, $3, $4 FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, version integer, snapshot jsonb)`,
    [JSON.stringify(rows), action, author, note],
  );
}
