// Arguments of the event queries, validated by class-validator before any SQL runs.
import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Direction, EventKind, ParticipantRole, Side, Verification } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { PageArgs } from '../common/page-args';

export enum Bucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(Bucket, { name: 'Bucket', description: 'Calendar unit of an aggregate: days, ISO weeks (from Monday), months or years.' });

export const MAX_BUCKETS = 1000;
export const DEFAULT_SMOOTHING = 0.3;

export const MAX_FILTER_VALUES = 50;
export const MAX_SEARCH_LENGTH = 200;
export const DEFAULT_TIMELINE_ITEMS = 200;
export const MAX_TIMELINE_ITEMS = 500;

@InputType({ description: 'Narrows a list of events; every given condition must hold (AND).' })
export class EventFilter {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Events whose span (startDate…endDate, or the one day) ends on or after this day.',
  })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Events whose span starts on or before this day.' })
  to?: string;

  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: EventKind[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Events in which any of these actors (UUIDs or slugs) took part, in any role (or in `actorRole`).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 120, { each: true })
  actorIds?: string[];

  @Field(() => ParticipantRole, {
    nullable: true,
    description: 'With `actorIds`: the actors must have taken part in this role (e.g. SPEAKER).',
  })
  @IsOptional()
  actorRole?: ParticipantRole;

  @Field(() => [Side], { nullable: true, description: 'Events with a participant standing for any of these sides (US, RU, OTHER).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  sides?: Side[];

  @Field(() => [String], {
    nullable: true,
    description: 'Events with a participant from any of these countries (ISO 3166-1 alpha-2, e.g. "US", "RU").',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes such as "US"' })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'Events carrying any of these tags.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 60, { each: true })
  tags?: string[];

  @Field(() => [String], { nullable: true, description: 'Events carrying every one of these tags.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 60, { each: true })
  allTags?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search over titles, summaries, quotes and actor names and aliases, in English and Russian, with web-search syntax: `"exact phrase"`, `or`, `-exclude` (e.g. `Рябков`, `Ryabkov -Lavrov`, `"entry ban" or visas`).',
  })
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

  @Field(() => Float, { nullable: true, description: 'Only events at least this cooperative (tone −10…10).' })
  @IsOptional()
  @Min(-10)
  @Max(10)
  minTone?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Only events at most this cooperative (tone −10…10); e.g. maxTone: -5 for sharp conflict.',
  })
  @IsOptional()
  @Min(-10)
  @Max(10)
  maxTone?: number;

  @Field(() => [Verification], { nullable: true, description: 'Only events with these verification states.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  verifications?: Verification[];
}

export enum EventOrder {
  DATE_ASC = 'DATE_ASC',
  DATE_DESC = 'DATE_DESC',
  IMPORTANCE_DESC = 'IMPORTANCE_DESC',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(EventOrder, {
  name: 'EventOrder',
  description: 'How to order events.',
  valuesConfig: {
    DATE_ASC: { description: 'Oldest first (by start date).' },
    DATE_DESC: { description: 'Newest first.' },
    IMPORTANCE_DESC: { description: 'Most important first, then oldest first.' },
    RELEVANCE: { description: 'Best full-text match first; needs `filter.search`.' },
  },
});

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;

  @Field(() => EventOrder, {
    nullable: true,
    description: 'Order of the results: DATE_ASC by default, RELEVANCE by default when searching.',
  })
  @IsOptional()
  orderBy?: EventOrder;
}

@ArgsType()
export class TimelineArgs {
  @Field(() => DateScalar, { description: 'First day of the window.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the window.' })
  to: string;

  @Field(() => EventFilter, { nullable: true, description: 'Further conditions (its from/to are ignored: the window rules).' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;

  @Field(() => Int, { defaultValue: DEFAULT_TIMELINE_ITEMS, description: `How many events to return at most, 1 to ${MAX_TIMELINE_ITEMS}.` })
  @Min(1)
  @Max(MAX_TIMELINE_ITEMS)
  maxItems: number;
}

/** A calendar range cut into buckets: what every aggregate takes. */
@ArgsType()
export class BucketRangeArgs {
  @Field(() => DateScalar, { description: 'First day of the range.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the range.' })
  to: string;

  @Field(() => Bucket, { description: 'Size of each bucket.' })
  bucket: Bucket;
}

@ArgsType()
export class EventCountsArgs extends BucketRangeArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Count only events that match (its from/to are ignored: the range rules).' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;
}

@ArgsType()
export class TemperatureArgs extends BucketRangeArgs {
  @Field(() => EventFilter, {
    nullable: true,
    description: 'Only the tone of events that match (its from/to are ignored: the range rules).',
  })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;

  @Field(() => Float, {
    defaultValue: DEFAULT_SMOOTHING,
    description: 'Weight of the newest bucket in the smoothed line, above 0 up to 1 (1 = no smoothing).',
  })
  @Min(0.01)
  @Max(1)
  smoothing: number;
}
