// Per-request DataLoaders: everything an event list needs loads in one query per kind of relation, whatever the page size.
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { LinkDirection, LinkType } from '@detente/shared';
import { Actor } from './actors/actor.entity';
import { ActorTenure } from './actors/tenure.entity';
import { notFound } from './common/errors';
import { Event } from './events/event.entity';
import { Participant } from './events/participant.entity';
import { Citation, Source } from './sources/source.entity';

export interface LinkEdge {
  type: LinkType;
  direction: LinkDirection;
  eventId: string;
}

/** A row the record points at (a participant's actor, a citation's source, a link's event); a dangling id is NOT_FOUND. */
export async function loadReferenced<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw notFound(`${what} ${id} not found`);
  return row;
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
  const loaders = {
    actor: new DataLoader<string, Actor | null>(async (ids) => {
      const rows = await manager.find(Actor, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Each actor's tenures, earliest first. */
    tenures: new DataLoader<string, ActorTenure[]>(async (actorIds) => {
      const rows = await manager.find(ActorTenure, { where: { actorId: In([...actorIds]) }, order: { startDate: 'ASC', office: 'ASC' } });
      const groups = groupBy(rows, (t) => t.actorId);
      return actorIds.map((id) => groups.get(id) ?? []);
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
    /** Participants with their actors in one query; the actors prime the actor loader. */
    participants: new DataLoader<string, Participant[]>(async (eventIds) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw columns, mapped field by field below
      const rows: Array<Record<string, any>> = await manager.query(
        `SELECT p.event_id, p.actor_id, p.role, p.side, a.slug, a.name, a.kind, a.country, a.title, a.aliases, a.wikidata_id, a.merged_into_id
           FROM event_participant p JOIN actor a ON a.id = p.actor_id
          WHERE p.event_id = ANY($1) ORDER BY p.event_id, p.position, p.role`,
        [[...eventIds]],
      );
      const participants = rows.map((r) => {
        loaders.actor.prime(
          r.actor_id,
          Object.assign(new Actor(), {
            id: r.actor_id,
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            country: r.country,
            title: r.title,
            aliases: r.aliases,
            wikidataId: r.wikidata_id,
            mergedIntoId: r.merged_into_id,
          }),
        );
        return Object.assign(new Participant(), { eventId: r.event_id, actorId: r.actor_id, role: r.role, side: r.side });
      });
      const groups = groupBy(participants, (p) => p.eventId);
      return eventIds.map((id) => groups.get(id) ?? []);
    }),
    /** Citations with their sources in one query; the sources prime the source loader. */
    citations: new DataLoader<string, Citation[]>(async (eventIds) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw columns, mapped field by field below
      const rows: Array<Record<string, any>> = await manager.query(
        `SELECT c.event_id, c.source_id, c.excerpt, s.url, s.title, s.publisher, s.published_at, s.language
           FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.event_id = ANY($1) ORDER BY c.event_id, c.position`,
        [[...eventIds]],
      );
      const citations = rows.map((r) => {
        loaders.source.prime(
          r.source_id,
          Object.assign(new Source(), {
            id: r.source_id,
            url: r.url,
            title: r.title,
            publisher: r.publisher,
            publishedAt: r.published_at,
            language: r.language,
          }),
        );
        return Object.assign(new Citation(), { eventId: r.event_id, sourceId: r.source_id, excerpt: r.excerpt });
      });
      const groups = groupBy(citations, (c) => c.eventId);
      return eventIds.map((id) => groups.get(id) ?? []);
    }),
    /** The live events citing each source, in date order. */
    eventsBySource: new DataLoader<string, Event[]>(async (sourceIds) => {
      const rows = await manager
        .getRepository(Event)
        .createQueryBuilder('e')
        .innerJoin('citation', 'c', 'c.event_id = e.id')
        .addSelect('c.source_id', 'source_id')
        .where('c.source_id IN (:...ids)', { ids: [...sourceIds] })
        .orderBy('e.start_date')
        .addOrderBy('e.id')
        .getRawAndEntities();
      const bySource = new Map<string, Event[]>();
      rows.entities.forEach((event, i) => {
        const sourceId = (rows.raw[i] as { source_id: string }).source_id;
        (bySource.get(sourceId) ?? bySource.set(sourceId, []).get(sourceId)!).push(event);
      });
      return sourceIds.map((id) => bySource.get(id) ?? []);
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
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
