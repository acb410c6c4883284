// Every event of a filtered view, read a keyset page at a time through the event service, with its participants,
// sources and links: an export of the whole record never holds more than one page in memory.
import { DataSource } from 'typeorm';
import { CAMEO_CODES } from '@detente/shared';
import { createLoaders } from '../loaders';
import { Agreement, Event, Meeting, MissionAction, Sanction, Statement } from '../events/event.entity';
import { EventFilter, EventOrder } from '../events/event.inputs';
import { EventService } from '../events/event.service';

/** Events per page: large enough that the round trips do not dominate, small enough to stream. */
export const EXPORT_PAGE_SIZE = 200;

export interface ExportActor {
  id: string;
  slug: string;
  name: string;
}

export interface ExportSource {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
}

/** One event with everything the record holds about it, in the API's field names. */
export interface ExportEvent {
  [field: string]: unknown;
  id: string;
  slug: string;
  kind: string;
  title: string;
  startDate: string;
  endDate: string | null;
  datePrecision: string;
  summary: string | null;
  cameoCode: string | null;
  cameoLabel: string | null;
  outlet?: ExportActor | null;
  participants: Array<{ actor: ExportActor; role: string; side: string | null }>;
  citations: Array<{ excerpt: string | null; source: ExportSource }>;
  links: Array<{ type: string; direction: string; event: { id: string; slug: string; title: string } }>;
}

/**
 * The event fields in a stable order, read from the entities' column metadata (common fields, then each kind's own),
 * so a column added to an entity reaches the export without another list to keep.
 */
export function eventFieldNames(dataSource: DataSource): string[] {
  const names: string[] = ['id', 'slug', 'kind'];
  for (const entity of [Event, Statement, Meeting, Sanction, MissionAction, Agreement]) {
    for (const column of dataSource.getMetadata(entity).columns) {
      if (column.propertyName === 'deletedAt') continue;
      const name = column.propertyName === 'outletId' ? 'outlet' : column.propertyName;
      if (names.includes(name)) continue;
      names.push(name);
      if (name === 'cameoCode') names.push('cameoLabel');
    }
  }
  return names;
}

const actorOf = (actor: { id: string; slug: string; name: string }): ExportActor => ({ id: actor.id, slug: actor.slug, name: actor.name });

/** Pages of the view in date order (the API's DATE_ASC); stops early when `isCancelled` turns true. */
export async function* exportPages(
  dataSource: DataSource,
  filter: EventFilter,
  isCancelled: () => boolean = () => false,
): AsyncGenerator<ExportEvent[]> {
  const service = new EventService(dataSource);
  let after: string | undefined;
  for (;;) {
    const page = await service.list({ filter, orderBy: EventOrder.DATE_ASC, first: EXPORT_PAGE_SIZE, after });
    if (page.nodes.length > 0) yield await describeEvents(dataSource, page.nodes);
    if (!page.pageInfo.hasNextPage || isCancelled()) return;
    after = page.pageInfo.endCursor ?? undefined;
  }
}

/** Loads one page's relations with fresh loaders (one query per relation) and flattens each event. */
export async function describeEvents(dataSource: DataSource, events: Event[]): Promise<ExportEvent[]> {
  const loaders = createLoaders(dataSource);
  for (const event of events) loaders.event.prime(event.id, event);
  const ids = events.map((e) => e.id);
  const [participants, citations, links] = await Promise.all([
    loaders.participants.loadMany(ids),
    loaders.citations.loadMany(ids),
    loaders.links.loadMany(ids),
  ]);
  const unwrap = <T>(value: T | Error): T => {
    if (value instanceof Error) throw value;
    return value;
  };
  return Promise.all(
    events.map(async (event, i) => {
      // The entity's own properties are its columns; the getters (kind, location) are on the prototype.
      const { deletedAt: _deleted, outletId, ...columns } = event as Event & { outletId?: string | null };
      const outlet = outletId ? await loaders.actor.load(outletId) : null;
      const eventParticipants = await Promise.all(
        unwrap(participants[i]).map(async (p) => ({ actor: actorOf((await loaders.actor.load(p.actorId))!), role: p.role, side: p.side })),
      );
      const eventCitations = await Promise.all(
        unwrap(citations[i]).map(async (c) => {
          const s = (await loaders.source.load(c.sourceId))!;
          const source: ExportSource = {
            id: s.id,
            url: s.url,
            title: s.title,
            publisher: s.publisher,
            publishedAt: s.publishedAt,
            language: s.language,
          };
          return { excerpt: c.excerpt, source };
        }),
      );
      const eventLinks = await Promise.all(
        unwrap(links[i]).map(async (l) => {
          const other = (await loaders.event.load(l.eventId))!;
          return { type: l.type, direction: l.direction, event: { id: other.id, slug: other.slug, title: other.title } };
        }),
      );
      const described: ExportEvent = {
        ...columns,
        kind: event.kind,
        cameoLabel: event.cameoCode ? (CAMEO_CODES[event.cameoCode]?.name ?? null) : null,
        participants: eventParticipants,
        citations: eventCitations,
        links: eventLinks,
      };
      if ('outletId' in event) described.outlet = outlet ? actorOf(outlet) : null;
      return described;
    }),
  );
}
