// Reads actors: a searchable, keyset-paged list, single actors by id or slug (following merge redirects), and their stats.
import { DataSource } from 'typeorm';
import { EventKind, ParticipantRole } from '@detente/shared';
import { ConnectionShape } from '../common/pagination';
import { fetchKeysetPage, PageRequest, selectKeys, SortKey } from '../common/keyset';
import { UUID_PATTERN } from '../common/ids';
import { Actor } from './actor.entity';

const ACTOR_ORDER: SortKey[] = [
  { expr: 'lower(a.name)', dir: 'ASC', type: 'string', alias: 'k_name' },
  { expr: 'a.id', dir: 'ASC', type: 'uuid', alias: 'k_id' },
];

export interface ActorStats {
  total: number;
  byKind: Array<{ kind: EventKind; count: number }>;
  byRole: Array<{ role: ParticipantRole; count: number }>;
  firstDate: string | null;
  lastDate: string | null;
}

export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async list(search: string | undefined, page: PageRequest): Promise<ConnectionShape<Actor>> {
    const qb = this.dataSource.getRepository(Actor).createQueryBuilder('a').where('a.merged_into_id IS NULL');
    const term = search?.trim();
    if (term) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        `(a.name ILIKE :pattern OR array_to_string(a.aliases, ' ') ILIKE :pattern OR a.slug ILIKE :pattern OR a.title ILIKE :pattern)`,
        { pattern },
      );
    }
    const counter = qb.clone();
    const { connection } = await fetchKeysetPage(selectKeys(qb, ACTOR_ORDER), ACTOR_ORDER, page);
    return {
      ...connection,
      get totalCount() {
        return counter.getCount();
      },
    };
  }

  async findOne(idOrSlug: string): Promise<Actor | null> {
    const repo = this.dataSource.getRepository(Actor);
    let actor = await repo.findOne({ where: UUID_PATTERN.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug } });
    // A merged actor redirects to the one it was merged into.
    for (let hops = 0; actor?.mergedIntoId && hops < 5; hops++) actor = await repo.findOne({ where: { id: actor.mergedIntoId } });
    return actor;
  }

  /** Counts of an actor's live events by kind and by role, and the span they cover. */
  async stats(actorId: string): Promise<ActorStats> {
    const [row] = await this.dataSource.query(
      `WITH mine AS (
         SELECT e.id, e.kind, p.role, e.start_date, coalesce(e.end_date, e.start_date) AS last_day
           FROM event_participant p JOIN event e ON e.id = p.event_id AND e.deleted_at IS NULL
          WHERE p.actor_id = $1)
       SELECT (SELECT count(DISTINCT id) FROM mine) AS total,
              (SELECT min(start_date)::text FROM mine) AS first_date,
              (SELECT max(last_day)::text FROM mine) AS last_date,
              (SELECT coalesce(json_agg(json_build_object('kind', kind, 'count', n) ORDER BY n DESC, kind), '[]')
                 FROM (SELECT kind, count(DISTINCT id) AS n FROM mine GROUP BY kind) k) AS by_kind,
              (SELECT coalesce(json_agg(json_build_object('role', role, 'count', n) ORDER BY n DESC, role), '[]')
                 FROM (SELECT role, count(*) AS n FROM mine GROUP BY role) r) AS by_role`,
      [actorId],
    );
    return { total: Number(row.total), byKind: row.by_kind, byRole: row.by_role, firstDate: row.first_date, lastDate: row.last_date };
  }
}
