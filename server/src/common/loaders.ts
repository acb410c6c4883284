// Per-request DataLoaders: everything an event list needs loads in one query per kind of relation, whatever the page size.
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { LinkDirection, LinkType } from '@detente/shared';
import { Actor } from '../actors/actor.entity';
import { Event } from '../events/event.entity';
import { Participant } from '../events/participant.entity';
import { Citation, Source } from '../sources/source.entity';

export interface LinkEdge {
  type: LinkType;
  direction: LinkDirection;
  eventId: string;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function createLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    actor: new DataLoader<string, Actor | null>(async (ids) => {
      const rows = await manager.find(Actor, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    source: new DataLoader<string, Source | null>(async (ids) => {
      const rows = await manager.find(Source, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Live (not deleted) events by id. */
    event: new DataLoader<string, Event | null>(async (ids) => {
      const rows = await manager.find(Event, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((e) => [e.id, e]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    participants: new DataLoader<string, Participant[]>(async (eventIds) => {
      const rows = await manager.find(Participant, { where: { eventId: In([...eventIds]) }, order: { position: 'ASC' } });
      const groups = groupBy(rows, (p) => p.eventId);
      return eventIds.map((id) => groups.get(id) ?? []);
    }),
    citations: new DataLoader<string, Citation[]>(async (eventIds) => {
      const rows = await manager.find(Citation, { where: { eventId: In([...eventIds]) }, order: { position: 'ASC' } });
      const groups = groupBy(rows, (c) => c.eventId);
      return eventIds.map((id) => groups.get(id) ?? []);
    }),
    /** Links in both directions, to events that are not deleted. */
    links: new DataLoader<string, LinkEdge[]>(async (eventIds) => {
      const rows: Array<{ from_event_id: string; to_event_id: string; type: LinkType }> = await manager.query(
        `SELECT l.from_event_id, l.to_event_id, l.type
           FROM event_link l
           JOIN event f ON f.id = l.from_event_id AND f.deleted_at IS NULL
           JOIN event t ON t.id = l.to_event_id AND t.deleted_at IS NULL
          WHERE l.from_event_id = ANY($1) OR l.to_event_id = ANY($1)
          ORDER BY l.created_at, l.id`,
        [[...eventIds]],
      );
      const wanted = new Set(eventIds);
      const edges = new Map<string, LinkEdge[]>();
      const push = (id: string, edge: LinkEdge) => (edges.get(id) ?? edges.set(id, []).get(id)!).push(edge);
      for (const r of rows) {
        if (wanted.has(r.from_event_id)) push(r.from_event_id, { type: r.type, direction: LinkDirection.OUTGOING, eventId: r.to_event_id });
        if (wanted.has(r.to_event_id)) push(r.to_event_id, { type: r.type, direction: LinkDirection.INCOMING, eventId: r.from_event_id });
      }
      return eventIds.map((id) => edges.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
