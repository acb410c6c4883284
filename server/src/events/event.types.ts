// GraphQL shapes of event reads that are not tables: links, the timeline window, the data range.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LinkDirection, LinkType } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { connectionTypes } from '../common/pagination';
import { Event } from './event.entity';

@ObjectType({ simpleResolvers: true, description: 'A stretch of a text.' })
export class TextRange {
  @Field(() => Int, { description: 'Offset of the first character (UTF-16 code units, as JavaScript counts).' })
  start: number;

  @Field(() => Int, { description: 'Number of characters.' })
  length: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A passage of an event's text around the words that matched a search, as plain text with the matches located.",
})
export class Snippet {
  @Field({ description: 'The passage, plain text (never HTML).' })
  text: string;

  @Field(() => [TextRange], { description: 'Where the matched words are in `text`, for highlighting.' })
  highlights: TextRange[];
}

@ObjectType('EventEdge', {
  simpleResolvers: true,
  description: 'One event in a connection, with its cursor and, when searching, its rank and snippet.',
})
export class EventEdge {
  @Field({ description: 'Opaque cursor of this event.' })
  cursor: string;

  @Field(() => Event, { description: 'The event.' })
  node: Event;

  @Field(() => Float, { nullable: true, description: 'Full-text relevance (higher is better); null when not searching.' })
  rank?: number;

  @Field(() => Snippet, { nullable: true, description: 'The matching passage with the matched words located; null when not searching.' })
  snippet?: Snippet;
}

export const { Connection: EventConnection } = connectionTypes(
  Event,
  'Event',
  'A page of events with cursors (Relay connection).',
  EventEdge,
);

@ObjectType({ simpleResolvers: true, description: 'A typed edge to another event: what this event answered, or what answered it.' })
export class EventLink {
  @Field(() => LinkType, { description: 'RESPONDS_TO, RETALIATES_FOR, FOLLOWS_UP, PART_OF or REVERSES.' })
  type: LinkType;

  @Field(() => LinkDirection, { description: 'OUTGOING: this event responds to `event`. INCOMING: `event` responds to this one.' })
  direction: LinkDirection;

  /** Id of the event at the other end; `event` resolves it through the per-request loader. */
  eventId: string;
}

@ObjectType({ simpleResolvers: true, description: 'A slice of the window and how many events in it were left out of `events`.' })
export class OmittedBucket {
  @Field(() => DateScalar, { description: 'First day of the slice.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the slice.' })
  to: string;

  @Field(() => Int, { description: 'Events in the slice that are not in `events`.' })
  count: number;
}

@ObjectType({ simpleResolvers: true, description: 'The level-of-detail answer for a window of the timeline.' })
export class TimelineWindow {
  @Field(() => DateScalar, { description: 'First day of the window.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the window.' })
  to: string;

  @Field(() => [Event], { description: 'The most important events of the window, spread over it, at most `maxItems`, in date order.' })
  events: Event[];

  @Field(() => Int, { description: 'All events in the window that match the filter, shown or not.' })
  totalCount: number;

  @Field(() => [OmittedBucket], {
    description: 'Per slice of the window, how many matching events were left out; slices with none are omitted.',
  })
  omitted: OmittedBucket[];
}

@ObjectType({ simpleResolvers: true, description: 'The span of days the data covers.' })
export class DateRange {
  @Field(() => DateScalar, { description: 'Start of the earliest event.' })
  from: string;

  @Field(() => DateScalar, { description: 'End (or start) of the latest event.' })
  to: string;
}
