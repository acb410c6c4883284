// What the record holds, counted for the About page: events by kind and year, sources, citations, actors, and the
// dates it covers. Read from the live tables each time, so the page never shows a number written by hand.
import { DataSource } from 'typeorm';
import { EventKind } from '@detente/shared';

export interface KindYearCount {
  year: number;
  kind: EventKind;
  count: number;
}

export interface RecordSummaryShape {
  events: number;
  byKindAndYear: KindYearCount[];
  sources: number;
  citations: number;
  actors: number;
  singleSourceEvents: number;
  firstEventDate: string | null;
  latestEventDate: string | null;
  lastChangedAt: Date | null;
}

export class RecordSummaryService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(): Promise<RecordSummaryShape> {
    const [byKindAndYear, [totals]] = await Promise.all([
      this.dataSource.query(
        `SELECT extract(year FROM start_date)::int AS year, kind, count(*)::int AS count
           FROM event WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      ) as Promise<KindYearCount[]>,
      this.dataSource.query(
        `SELECT (SELECT count(*)::int FROM event WHERE deleted_at IS NULL) AS events,
                (SELECT count(DISTINCT c.source_id)::int FROM citation c JOIN event e ON e.id = c.event_id AND e.deleted_at IS NULL) AS sources,
                (SELECT count(*)::int FROM citation c JOIN event e ON e.id = c.event_id AND e.deleted_at IS NULL) AS citations,
                (SELECT count(*)::int FROM actor WHERE merged_into_id IS NULL) AS actors,
                (SELECT count(*)::int FROM event e WHERE e.deleted_at IS NULL
                    AND (SELECT count(*) FROM citation c WHERE c.event_id = e.id) = 1) AS single_source_events,
                (SELECT min(start_date)::text FROM event WHERE deleted_at IS NULL) AS first_event_date,
                (SELECT max(start_date)::text FROM event WHERE deleted_at IS NULL) AS latest_event_date,
                (SELECT max(updated_at) FROM event) AS last_changed_at`,
      ),
    ]);
    return {
      events: totals.events,
      byKindAndYear,
      sources: totals.sources,
      citations: totals.citations,
      actors: totals.actors,
      singleSourceEvents: totals.single_source_events,
      firstEventDate: totals.first_event_date,
      latestEventDate: totals.latest_event_date,
      lastChangedAt: totals.last_changed_at,
    };
  }

  /** The start day of the most recent live event (from the start_date index). */
  async latestEventDate(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT max(start_date)::text AS latest FROM event WHERE deleted_at IS NULL`);
    return row?.latest ?? null;
  }
}
