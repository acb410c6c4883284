// Live updates: committed changes to events are published here and delivered to `eventChanged` subscribers.
import { createPubSub } from '@graphql-yoga/subscription';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventChangePayload, EventChangeType } from './event-write.service';

export const EVENT_CHANGED = 'EVENT_CHANGED';

/** In-process delivery; every replica delivers what it wrote (see README, "Running past one machine"). */
export const pubSub = createPubSub<{ [EVENT_CHANGED]: [EventChangePayload] }>();

export const publishChange = (change: EventChangePayload) => pubSub.publish(EVENT_CHANGED, change);

registerEnumType(EventChangeType, { name: 'EventChangeType', description: 'What happened to an event.' });

@ObjectType({ description: 'A committed change to an event.' })
export class EventChange {
  @Field(() => EventChangeType, { description: 'Created, updated (links included), deleted or restored.' })
  type: EventChangeType;

  @Field(() => ID, { description: 'The event that changed.' })
  eventId: string;

  @Field(() => Int, { description: 'Its version after the change.' })
  version: number;

  @Field({ description: 'Name of the API key that made the change.' })
  author: string;
}
