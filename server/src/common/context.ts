// What every resolver receives: per-request loaders and services, built once per request.
import { DataSource } from 'typeorm';
import { Loaders, createLoaders } from './loaders';
import { EventService } from '../events/event.service';
import { ActorService } from '../actors/actor.service';
import { AggregateService } from '../events/aggregates';

export interface Context {
  requestId: string;
  dataSource: DataSource;
  loaders: Loaders;
  events: EventService;
  actors: ActorService;
  aggregates: AggregateService;
}

export function createContext(dataSource: DataSource, requestId: string): Context {
  const events = new EventService(dataSource);
  return {
    requestId,
    dataSource,
    loaders: createLoaders(dataSource),
    events,
    actors: new ActorService(dataSource),
    aggregates: new AggregateService(dataSource, events),
  };
}
