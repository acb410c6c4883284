// Sources: the documents events cite, listed and searched, and written by editors; and the tags events carry.
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { UUID_PATTERN } from '../common/ids';
import { PageRequest, SortKey } from '../common/keyset';
import { containsPattern, paginate } from '../common/paginate';
import type { ConnectionShape } from '../common/pagination';
import type { EventFilter } from '../events/event.inputs';
import { applyFilter } from '../events/filter';
import { Source } from './source.entity';

const SOURCE_ORDER: SortKey[] = [
  { expr: `coalesce(s.published_at, '0001-01-01'::date)`, dir: 'DESC', type: 'date', alias: 'k_date' },
  { expr: 's.id', dir: 'ASC', type: 'uuid', alias: 'k_id' },
];

export interface SourceFields {
  url?: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export class SourceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sources newest first; `search` matches part of the title, publisher or URL. */
  async list(search: string | undefined, page: PageRequest): Promise<ConnectionShape<Source>> {
    const qb = this.dataSource.getRepository(Source).createQueryBuilder('s');
    const term = search?.trim();
    if (term)
      qb.where('(s.title ILIKE :pattern OR s.publisher ILIKE :pattern OR s.url ILIKE :pattern)', { pattern: containsPattern(term) });
    return paginate(qb, SOURCE_ORDER, page);
  }

  /** Every tag of the events that match `filter`, with how many carry it, most used first. */
  async tags(filter: EventFilter | undefined): Promise<Array<{ tag: string; count: number }>> {
    const [sql, params] = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), filter)
      .select('e.tags', 'tags')
      .getQueryAndParameters();
    const rows: Array<{ tag: string; count: string }> = await this.dataSource.query(
      `SELECT tag, count(*) AS count FROM (${sql}) matching, unnest(matching.tags) AS tag GROUP BY tag ORDER BY count(*) DESC, tag`,
      params,
    );
    return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
  }

  async create(fields: SourceFields): Promise<Source> {
    if (!fields.url) throw badInput('url is required to create a source', 'input.url');
    const repo = this.dataSource.getRepository(Source);
    try {
      return await repo.save(repo.create(fields));
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, `A source with this URL exists already`);
      throw error;
    }
  }

  /** Changes the fields given; the others keep their values. */
  async update(id: string, fields: SourceFields): Promise<Source> {
    if (!UUID_PATTERN.test(id)) throw badInput('id must be a source UUID', 'id');
    const repo = this.dataSource.getRepository(Source);
    const source = await repo.findOne({ where: { id } });
    if (!source) throw notFound(`No source ${id}`);
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) (source as unknown as Record<string, unknown>)[key] = value;
    try {
      return await repo.save(source);
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, `Another source has this URL`);
      throw error;
    }
  }
}
