// Arguments of the event queries, validated by class-validator before any SQL runs.
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Direction, EventKind } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';

export const MAX_FILTER_VALUES = 50;
export const MAX_SEARCH_LENGTH = 200;
export const DEFAULT_TIMELINE_ITEMS = 200;
export const MAX_TIMELINE_ITEMS = 500;

@InputType({ description: 'Narrows a list of events; every given condition must hold (AND).' })
export class EventFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Events whose span (startDate…endDate, or the one day) ends on or after this day.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Events whose span starts on or before this day.' })
  to?: string;

  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: EventKind[];

  @Field(() => [ID], { nullable: true, description: 'Events in which any of these actors (ids) took part, in any role.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true, message: 'actorIds must contain actor ids (UUIDs)' })
  actorIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Events with a participant from any of these countries (ISO 3166-1 alpha-2, e.g. "US", "RU").' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes such as "US"' })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'Events carrying any of these tags.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 60, { each: true })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Words to look for in titles, summaries, quotes and actor names (English or Russian).' })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string;

  @Field(() => Int, { nullable: true, description: 'Only events at least this important (1–5).' })
  @IsOptional()
  @Min(1)
  @Max(5)
  minImportance?: number;

  @Field(() => [Direction], { nullable: true, description: 'Only these directions (US_TO_RU, RU_TO_US, MUTUAL, …).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  directions?: Direction[];
}

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  filter?: EventFilter;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'Return the events after this cursor (from `pageInfo.endCursor`).' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class TimelineArgs {
  @Field(() => DateScalar, { description: 'First day of the window.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the window.' })
  to: string;

  @Field(() => EventFilter, { nullable: true, description: 'Further conditions (its from/to are ignored: the window rules).' })
  filter?: EventFilter;

  @Field(() => Int, { defaultValue: DEFAULT_TIMELINE_ITEMS, description: `How many events to return at most, 1 to ${MAX_TIMELINE_ITEMS}.` })
  @Min(1)
  @Max(MAX_TIMELINE_ITEMS)
  maxItems: number;
}
