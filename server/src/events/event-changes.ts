// Live updates: committed changes to events are published here and delivered to `eventChanged` subscribers.
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventChangePayload, EventChangeType } from './event-write.service';

export const EVENT_CHANGED = 'EVENT_CHANGED';

type Channels = { [EVENT_CHANGED]: [EventChangePayload] };

// In-process delivery by default; with Redis, a change written through one replica reaches subscribers of all.
let delivery = createPubSub<Channels>();

/** Switches delivery to Redis pub/sub (REDIS_URL); returns how to disconnect. Call before serving. */
export function deliverChangesThroughRedis(url: string): () => Promise<void> {
  const publishClient = new Redis(url);
  const subscribeClient = new Redis(url);
  for (const client of [publishClient, subscribeClient]) client.on('error', () => undefined); // ioredis reconnects by itself
  delivery = createPubSub<Channels>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return async () => {
    delivery = createPubSub<Channels>();
    // quit() lets pending UNSUBSCRIBEs of ended subscriptions finish; a disconnect would reject them unhandled.
    await Promise.all([publishClient.quit().catch(() => undefined), subscribeClient.quit().catch(() => undefined)]);
  };
}

/** What type-graphql subscribes through: always the current delivery. */
export const pubSub = {
  publish: (...args: Parameters<typeof delivery.publish>) => delivery.publish(...args),
  subscribe: (...args: Parameters<typeof delivery.subscribe>) => delivery.subscribe(...args),
};

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
