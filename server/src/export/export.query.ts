// The page's own query string (client/src/app/urlState.ts) read as an event filter for the export endpoints.
// Where the page quietly drops a malformed value, a script gets a BAD_USER_INPUT naming the parameter.
import { Direction, EventKind } from '@detente/shared';
import { badInput } from '../common/errors';
import { isIsoDate } from '../common/scalars';
import { EventFilter, MAX_FILTER_VALUES, MAX_SEARCH_LENGTH } from '../events/event.inputs';

/** Parameters the page writes that choose what it shows, not which events: an export ignores them. */
const VIEW_ONLY_PARAMETERS = new Set(['event', 'lanes', 'view']);
const FILTER_PARAMETERS = ['kind', 'dir', 'actor', 'tag', 'q', 'from', 'to'] as const;
const ACTOR_PATTERN = /^[\w-]{1,100}$/;
/** The page writes a window end as "2021-10-12" or, for windows under a month, "2021-10-12T14:30" (local time). */
const MOMENT_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2})?$/;
const MAX_TAG_LENGTH = 60;

function list(params: URLSearchParams, name: string, split = true): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => (split ? value.split(',') : [value]))
    .map((value) => value.trim())
    .filter(Boolean);
  const unique = [...new Set(values)];
  if (unique.length > MAX_FILTER_VALUES) throw badInput(`At most ${MAX_FILTER_VALUES} values of "${name}" are allowed`, name);
  return unique;
}

function day(params: URLSearchParams, name: 'from' | 'to'): string | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const match = MOMENT_PATTERN.exec(value.trim());
  if (!match || !isIsoDate(match[1]))
    throw badInput(`"${name}" must be a day, YYYY-MM-DD (got ${JSON.stringify(value.slice(0, 40))})`, name);
  return match[1];
}

function enumValues<T extends string>(params: URLSearchParams, name: string, allowed: Record<string, T>): T[] {
  const known = new Set<string>(Object.values(allowed));
  const values = list(params, name);
  const unknown = values.find((value) => !known.has(value));
  if (unknown !== undefined) {
    throw badInput(`"${name}" must be one of ${[...known].join(', ')} (got ${JSON.stringify(unknown.slice(0, 40))})`, name);
  }
  return values as T[];
}

/** The filter the page's URL stands for: kinds, directions, actors, tags, search and the from–to window. */
export function filterFromQuery(params: URLSearchParams): EventFilter {
  const filter: EventFilter = {};
  const kinds = enumValues(params, 'kind', EventKind);
  if (kinds.length) filter.kinds = kinds;
  const directions = enumValues(params, 'dir', Direction);
  if (directions.length) filter.directions = directions;
  const actorIds = list(params, 'actor');
  const badActor = actorIds.find((id) => !ACTOR_PATTERN.test(id));
  if (badActor !== undefined)
    throw badInput(`"actor" must be an actor's id or slug (got ${JSON.stringify(badActor.slice(0, 40))})`, 'actor');
  if (actorIds.length) filter.actorIds = actorIds;
  // Tags may hold commas, so each is its own parameter (as the page writes them).
  const tags = list(params, 'tag', false).map((tag) => tag.toLowerCase());
  if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) throw badInput(`A "tag" is at most ${MAX_TAG_LENGTH} characters`, 'tag');
  if (tags.length) filter.tags = [...new Set(tags)];
  const search = (params.get('q') ?? '').trim();
  if (search.length > MAX_SEARCH_LENGTH) throw badInput(`"q" is at most ${MAX_SEARCH_LENGTH} characters`, 'q');
  if (search) filter.search = search;
  const from = day(params, 'from');
  const to = day(params, 'to');
  if (from && to && from > to) throw badInput('"from" must not be after "to"', 'from');
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/** The query string again, with only the parameters that chose the events: it goes into each file's header. */
export function describeQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [name, value] of params)
    if (!VIEW_ONLY_PARAMETERS.has(name) && (FILTER_PARAMETERS as readonly string[]).includes(name)) kept.append(name, value);
  const text = kept.toString();
  return text ? `?${text}` : '';
}
