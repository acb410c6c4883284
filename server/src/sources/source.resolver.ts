// Sources and tags: what the record rests on, and the topics it is filed under.
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import type { Context } from '../common/context';
import { connectionTypes } from '../common/pagination';
import { PageArgs } from '../common/page-args';
import { fetchKeysetPage, selectKeys, SortKey } from '../common/keyset';
import { Event } from '../events/event.entity';
import { EventFilter } from '../events/event.inputs';
import { Source } from './source.entity';

export const { Connection: SourceConnection } = connectionTypes(Source, 'Source', 'A page of sources, newest first, with cursors.');

const SOURCE_ORDER: SortKey[] = [
  { expr: `coalesce(s.published_at, '0001-01-01'::date)`, dir: 'DESC', type: 'date', alias: 'k_date' },
  { expr: 's.id', dir: 'ASC', type: 'uuid', alias: 'k_id' },
];

@ArgsType()
class SourcesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the title, publisher or URL.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
class TagsArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Count only events that match this filter.' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;
}

@ObjectType({ description: 'A tag and how many live events carry it.' })
export class TagCount {
  @Field({ description: 'The tag, lowercase.' })
  tag: string;

  @Field(() => Int, { description: 'Matching events carrying the tag.' })
  count: number;
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'The documents events cite, newest first.' })
  async sources(@Args() { search, ...page }: SourcesArgs, @Ctx() ctx: Context) {
    const qb = ctx.dataSource.getRepository(Source).createQueryBuilder('s');
    const term = search?.trim();
    if (term) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.where('(s.title ILIKE :pattern OR s.publisher ILIKE :pattern OR s.url ILIKE :pattern)', { pattern });
    }
    const counter = qb.clone();
    const { connection } = await fetchKeysetPage(selectKeys(qb, SOURCE_ORDER), SOURCE_ORDER, page);
    return {
      ...connection,
      get totalCount() {
        return counter.getCount();
      },
    };
  }

  @FieldResolver(() => [Event], { description: 'The live events that cite this source, in date order.' })
  events(@Root() source: Source, @Ctx() ctx: Context) {
    return ctx.loaders.eventsBySource.load(source.id);
  }

  @Query(() => [TagCount], { description: 'Every tag with the number of events carrying it (under an optional filter), most used first.' })
  async tags(@Args() { filter }: TagsArgs, @Ctx() ctx: Context): Promise<TagCount[]> {
    const [sql, params] = ctx.events
      .applyFilter(ctx.dataSource.createQueryBuilder().from('event', 'e'), filter)
      .select('e.tags', 'tags')
      .getQueryAndParameters();
    const rows: Array<{ tag: string; count: string }> = await ctx.dataSource.query(
      `SELECT tag, count(*) AS count FROM (${sql}) matching, unnest(matching.tags) AS tag GROUP BY tag ORDER BY count(*) DESC, tag`,
      params,
    );
    return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
  }
}
