// `recordSummary` (the counts behind the About page) and `DateRange.latestEventDate` ("Record up to …").
import { Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { EventKind } from '@detente/shared';
import type { Context } from '../context';
import { DateScalar } from '../common/scalars';
import { DateRange } from '../events/event.types';
import { RecordSummaryService } from './record-summary.service';

@ObjectType({ description: 'How many events of one kind start in one calendar year.' })
class KindYearCount {
  @Field(() => Int, { description: 'The calendar year of the events’ start.' })
  year: number;

  @Field(() => EventKind, { description: 'The kind of event.' })
  kind: EventKind;

  @Field(() => Int, { description: 'Live events of that kind starting in that year.' })
  count: number;
}

@ObjectType({ description: 'What the record holds, counted from the live data (deleted events are not counted).' })
class RecordSummary {
  @Field(() => Int, { description: 'Live events.' })
  events: number;

  @Field(() => [KindYearCount], {
    description: 'Events by year of their start and kind, in year then kind order; empty pairs are left out.',
  })
  byKindAndYear: KindYearCount[];

  @Field(() => Int, { description: 'Distinct sources cited by live events.' })
  sources: number;

  @Field(() => Int, { description: 'Citations of sources by live events (an event citing three sources counts three).' })
  citations: number;

  @Field(() => Int, { description: 'Actors (people, bodies, outlets), not counting those merged into another.' })
  actors: number;

  @Field(() => Int, { description: 'Live events that rest on a single citation.' })
  singleSourceEvents: number;

  @Field(() => DateScalar, { nullable: true, description: 'Start day of the earliest event; null when there are none.' })
  firstEventDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Start day of the most recent event; null when there are none.' })
  latestEventDate: string | null;

  @Field(() => Date, { nullable: true, description: 'When any event last changed (an edit, an import, a deletion).' })
  lastChangedAt: Date | null;
}

@Resolver(() => DateRange)
export class RecordSummaryResolver {
  @Query(() => RecordSummary, {
    description: 'What the record holds: events by kind and year, sources, citations, actors, the period covered.',
  })
  recordSummary(@Ctx() ctx: Context) {
    return new RecordSummaryService(ctx.dataSource).summary();
  }

  @FieldResolver(() => DateScalar, {
    description:
      'Start day of the most recent event: how far the record reaches ("Record up to …"). `to` can be later, when an earlier event runs on past it.',
  })
  latestEventDate(@Ctx() ctx: Context) {
    return new RecordSummaryService(ctx.dataSource).latestEventDate();
  }
}
