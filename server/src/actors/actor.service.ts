// Reads actors: a searchable, keyset-paged list and single actors by id or slug (following merge redirects).
import { DataSource } from 'typeorm';
import { ConnectionShape, decodeCursor, encodeCursor } from '../common/pagination';
import { Actor } from './actor.entity';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async list(search: string | undefined, first: number, after?: string): Promise<ConnectionShape<Actor>> {
    const qb = this.dataSource.getRepository(Actor).createQueryBuilder('a').where('a.merged_into_id IS NULL');
    const term = search?.trim();
    if (term) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(a.name ILIKE :pattern OR array_to_string(a.aliases, ' ') ILIKE :pattern OR a.slug ILIKE :pattern)`, { pattern });
    }
    const counter = qb.clone();
    if (after) {
      const [name, id] = decodeCursor(after, 'after', ['string', 'string']);
      qb.andWhere('(lower(a.name), a.id) > (:cName, :cId::uuid)', { cName: name, cId: id });
    }
    const rows = await qb.orderBy('lower(a.name)', 'ASC').addOrderBy('a.id', 'ASC').limit(first + 1).getMany();
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor([node.name.toLowerCase(), node.id]), node }));
    return {
      edges,
      nodes: page,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
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
}
