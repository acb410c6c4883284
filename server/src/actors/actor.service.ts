// Actors: a searchable, keyset-paged list, single actors by id or slug (following merge redirects), their stats, and merging a duplicate.
import { DataSource } from 'typeorm';
import { ActorKind, EventKind, ParticipantRole } from '@detente/shared';
import { ConnectionShape } from '../common/pagination';
import { PageRequest, SortKey } from '../common/keyset';
import { containsPattern, paginate } from '../common/paginate';
import { UUID_PATTERN } from '../common/ids';
import { slugify } from '../common/slug';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { RevisionAction } from '../revisions/revision.entity';
import { writeRevisions } from '../revisions/revision.service';
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

export interface ActorFields {
  slug?: string;
  name?: string;
  kind?: ActorKind;
  country?: string;
  title?: string;
  aliases?: string[];
  wikidataId?: string;
}

const slugFromName = (name: string) => slugify(name, 80) || 'actor';
const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async list(search: string | undefined, page: PageRequest): Promise<ConnectionShape<Actor>> {
    const qb = this.dataSource.getRepository(Actor).createQueryBuilder('a').where('a.merged_into_id IS NULL');
    const term = search?.trim();
    if (term) {
      const pattern = containsPattern(term);
      qb.andWhere(
        `(a.name ILIKE :pattern OR array_to_string(a.aliases, ' ') ILIKE :pattern OR a.slug ILIKE :pattern OR a.title ILIKE :pattern)`,
        { pattern },
      );
    }
    return paginate(qb, ACTOR_ORDER, page);
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

  /**
   * Merges a duplicate actor into another, in one transaction: participations and outlets move over, the duplicate
   * redirects from then on, and every event it touched gets a new version and revision. Returns the kept actor.
   */
  async merge(fromId: string, intoId: string, author: string): Promise<Actor> {
    const keptId = await this.dataSource.transaction(async (manager) => {
      const find = async (ref: string) => {
        const [row] = await manager.query('SELECT id, slug, merged_into_id FROM actor WHERE id::text = $1 OR slug = $1 FOR UPDATE', [ref]);
        if (!row) throw notFound(`No actor "${ref}"`);
        return row as { id: string; slug: string; merged_into_id: string | null };
      };
      const from = await find(fromId);
      const into = await find(intoId);
      if (from.id === into.id) throw badInput('An actor cannot be merged into itself', 'intoId');
      if (from.merged_into_id) throw new AppError(ErrorCode.CONFLICT, `"${from.slug}" was merged already`);
      if (into.merged_into_id) throw badInput(`"${into.slug}" is itself merged; merge into the actor it redirects to`, 'intoId');
      const touched: Array<{ event_id: string }> = await manager.query(
        `SELECT DISTINCT event_id FROM event_participant WHERE actor_id = $1 UNION SELECT id FROM event WHERE outlet_id = $1`,
        [from.id],
      );
      // Where both already took part in the same role, the duplicate row goes; the rest moves over.
      await manager.query(
        `DELETE FROM event_participant p USING event_participant q
          WHERE p.actor_id = $1 AND q.actor_id = $2 AND q.event_id = p.event_id AND q.role = p.role`,
        [from.id, into.id],
      );
      await manager.query('UPDATE event_participant SET actor_id = $2 WHERE actor_id = $1', [from.id, into.id]);
      await manager.query('UPDATE event SET outlet_id = $2 WHERE outlet_id = $1', [from.id, into.id]);
      await manager.query('UPDATE actor SET merged_into_id = $2, updated_at = now() WHERE id = $1', [from.id, into.id]);
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [versions]: [Array<{ id: string; version: number }>] = touched.length
        ? await manager.query('UPDATE event SET version = version + 1, updated_at = now() WHERE id = ANY($1) RETURNING id, version', [
            touched.map((t) => t.event_id),
          ])
        : [[]];
      await writeRevisions(
        manager,
        versions.map((v) => ({ eventId: v.id, version: v.version })),
        RevisionAction.UPDATE,
        author,
        `actor ${from.slug} merged into ${into.slug}`,
      );
      return into.id;
    });
    return this.dataSource.getRepository(Actor).findOneByOrFail({ id: keptId });
  }

  async create(fields: ActorFields): Promise<Actor> {
    if (!fields.name || !fields.kind)
      throw badInput('name and kind are required to create an actor', !fields.name ? 'input.name' : 'input.kind');
    const slug = fields.slug ?? slugFromName(fields.name);
    const repo = this.dataSource.getRepository(Actor);
    try {
      return await repo.save(repo.create({ ...fields, slug, aliases: fields.aliases ?? [] }));
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, `An actor with slug "${slug}" exists already`);
      throw error;
    }
  }

  /** Changes the fields given; the others keep their values. The slug is fixed once created. */
  async update(idOrSlug: string, fields: ActorFields): Promise<Actor> {
    const repo = this.dataSource.getRepository(Actor);
    const actor = await repo.findOne({ where: UUID_PATTERN.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug } });
    if (!actor) throw notFound(`No actor "${idOrSlug}"`);
    if (fields.slug && fields.slug !== actor.slug) throw badInput('slug cannot change once an actor exists', 'input.slug');
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) (actor as unknown as Record<string, unknown>)[key] = value;
    return repo.save(actor);
  }
}
