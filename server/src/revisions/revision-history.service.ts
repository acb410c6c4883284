// Reads of the revision log for people following the record: recent changes across every event, the revision
// before a given one (for diffs), and the events changes are about, deleted ones included.
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EventKind } from '@detente/shared';
import { fetchKeysetPage, PageRequest, SortKey } from '../common/keyset';
import type { ConnectionShape } from '../common/pagination';
import { timestampKeyText } from '../common/timestamp-key';
import { Revision, RevisionAction } from './revision.entity';

/** Newest first; equal times (one transaction's revisions) in id order. */
const RECENT_ORDER: SortKey[] = [
  { expr: 'r.created_at', dir: 'DESC', type: 'string', alias: 'k_at' },
  { expr: 'r.id', dir: 'DESC', type: 'uuid', alias: 'k_id' },
];
const RECENT_KEY_SELECTS: Record<string, string> = {
  k_at: timestampKeyText('r.created_at'),
  k_id: 'r.id::text',
};

export interface EventRefRow {
  id: string;
  slug: string;
  kind: EventKind;
  title: string;
  startDate: string;
  version: number;
  deleted: boolean;
}

export class RevisionHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async recent(actions: RevisionAction[] | undefined, page: PageRequest): Promise<ConnectionShape<Revision>> {
    const qb = this.dataSource.getRepository(Revision).createQueryBuilder('r');
    if (actions?.length) qb.where('r.action IN (:...actions)', { actions });
    const counter = qb.clone();
    for (const [alias, expr] of Object.entries(RECENT_KEY_SELECTS)) qb.addSelect(expr, alias);
    const { connection } = await fetchKeysetPage(qb, RECENT_ORDER, page);
    return {
      ...connection,
      get totalCount() {
        return counter.getCount();
      },
    };
  }

  /** The snapshot of the revision just before each (eventId, version), or null for an event's first revision. */
  previousSnapshotLoader() {
    return new DataLoader<{ eventId: string; version: number }, Record<string, unknown> | null, string>(
      async (keys) => {
        const rows: Array<{ i: number; snapshot: Record<string, unknown> | null }> = await this.dataSource.query(
          `SELECT k.i, p.snapshot
             FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS k(event_id, version, i)
             LEFT JOIN LATERAL (SELECT r.snapshot FROM revision r WHERE r.event_id = k.event_id AND r.version < k.version
                                 ORDER BY r.version DESC LIMIT 1) p ON true`,
          [keys.map((k) => k.eventId), keys.map((k) => k.version)],
        );
        const byIndex = new Map(rows.map((r) => [Number(r.i), r.snapshot]));
        return keys.map((_k, i) => byIndex.get(i + 1) ?? null);
      },
      { cacheKeyFn: (k) => `${k.eventId}:${k.version}` },
    );
  }

  /**
   * The side an actor's participation gets when the record leaves it out: US and RU actors stand for their
   * country, every other actor is OTHER (the rule dataset.store.ts and event-write.service.ts apply on write).
   */
  impliedSideLoader() {
    return new DataLoader<string, string | undefined>(async (slugs) => {
      const rows: Array<{ slug: string; side: string }> = await this.dataSource.query(
        `SELECT slug, CASE country WHEN 'US' THEN 'US' WHEN 'RU' THEN 'RU' ELSE 'OTHER' END AS side FROM actor WHERE slug = ANY($1)`,
        [[...slugs]],
      );
      const bySlug = new Map(rows.map((r) => [r.slug, r.side]));
      return slugs.map((slug) => bySlug.get(slug));
    });
  }

  /** Events by id, deleted ones included: a change or a correction stays readable after its event is deleted. */
  eventRefLoader() {
    return new DataLoader<string, EventRefRow | null>(async (ids) => {
      const rows: EventRefRow[] = await this.dataSource.query(
        `SELECT id, slug, kind, title, to_char(start_date, 'YYYY-MM-DD') AS "startDate", version, deleted_at IS NOT NULL AS deleted
           FROM event WHERE id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
