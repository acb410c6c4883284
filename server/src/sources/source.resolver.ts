// Sources and tags: what the record rests on, and the topics it is filed under.
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import type { Context } from '../context';
import { connectionTypes } from '../common/pagination';
import { PageArgs } from '../common/page-args';
import { Event } from '../events/event.entity';
import { EventFilter } from '../events/event.inputs';
import { Source } from './source.entity';

export const { Connection: SourceConnection } = connectionTypes(Source, 'Source', 'A page of sources, newest first, with cursors.');

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
  sources(@Args() { search, ...page }: SourcesArgs, @Ctx() ctx: Context) {
    return ctx.sources.list(search, page);
  }

  @FieldResolver(() => [Event], { description: 'The live events that cite this source, in date order.' })
  events(@Root() source: Source, @Ctx() ctx: Context) {
    return ctx.loaders.eventsBySource.load(source.id);
  }

  @Query(() => [TagCount], { description: 'Every tag with the number of events carrying it (under an optional filter), most used first.' })
  tags(@Args() { filter }: TagsArgs, @Ctx() ctx: Context): Promise<TagCount[]> {
    return ctx.sources.tags(filter);
  }
}
