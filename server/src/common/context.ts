// What every resolver receives: per-request loaders and services, built once per request.
import { DataSource } from 'typeorm';
import { Loaders, createLoaders } from './loaders';
import { EventService } from '../events/event.service';
import { ActorService } from '../actors/actor.service';

export interface Context {
  requestId: string;
  loaders: Loaders;
  events: EventService;
  actors: ActorService;
}

export function createContext(dataSource: DataSource, requestId: string): Context {
  return {
    requestId,
    loaders: createLoaders(dataSource),
    events: new EventService(dataSource),
    actors: new ActorService(dataSource),
  };
}
