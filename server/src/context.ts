// What every resolver receives: per-request loaders and services, and the caller's key, built once per request.
import { DataSource } from 'typeorm';
import { Loaders, createLoaders } from './loaders';
import { AppError, ErrorCode } from './common/errors';
import { EventService } from './events/event.service';
import { ActorService } from './actors/actor.service';
import { AggregateService } from './events/aggregates';
import { TimelineService } from './events/timeline.service';
import { SourceService } from './sources/source.service';
import { ApiKeyService, Principal } from './auth/api-key.service';
import { AuthContext, bearerKey } from './auth/auth';
import { EventWriteService } from './events/event-write.service';
import { publishChange } from './events/event-changes';

export interface Context extends AuthContext {
  requestId: string;
  /** The client's address, which the per-client limits count against. */
  client: string;
  /** What the answer carried, for the request's log line (set as the response is sent). */
  outcome: { errorCodes?: string[] };
  dataSource: DataSource;
  /** Whether the hot reads run as compiled SQL (config `COMPILED_READS`) or through the resolvers. */
  compiledReads: boolean;
  loaders: Loaders;
  events: EventService;
  actors: ActorService;
  aggregates: AggregateService;
  timeline: TimelineService;
  sources: SourceService;
  eventWrites: EventWriteService;
  /**
   * Over HTTP: registers a root field's answer written by PostgreSQL and returns the placeholder the response
   * carries until it is sent (common/answer-text.ts). Absent elsewhere (WebSocket, executeOperation).
   */
  spliceAnswer?: (json: string) => string;
  /** Runs a write as the authenticated key (resolvers are already guarded by @Authorized). */
  writes<T>(write: (author: string) => Promise<T>): Promise<T>;
}

export function createContext(
  dataSource: DataSource,
  requestId: string,
  authorization?: string,
  client = 'unknown',
  compiledReads = true,
): Context {
  const key = bearerKey(authorization);
  let principal: Promise<Principal | null> | undefined;
  const resolvePrincipal = () => (principal ??= key ? new ApiKeyService(dataSource).verify(key) : Promise.resolve(null));
  return {
    requestId,
    client,
    outcome: {},
    dataSource,
    compiledReads,
    authorization: key === undefined ? undefined : authorization,
    principal: resolvePrincipal,
    loaders: createLoaders(dataSource),
    events: new EventService(dataSource),
    actors: new ActorService(dataSource),
    aggregates: new AggregateService(dataSource),
    timeline: new TimelineService(dataSource),
    sources: new SourceService(dataSource),
    eventWrites: new EventWriteService(dataSource, publishChange),
    async writes(write) {
      const who = await resolvePrincipal();
      if (!who) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This needs a valid API key');
      return write(who.name);
    },
  };
}
