// The page's shareable state (filters, visible window, selection, lanes, view) and its URL form.
// Pure: encode and decode are unit-tested; useUrlState wires them to the History API.
import { Direction, EventKind } from '@detente/shared/enums';
import type { EventFilter } from '../graphql/types';

export type LaneMode = 'kind' | 'side';
export type ViewMode = 'timeline' | 'list';
/** Background bands of who held office: presidents, ambassadors, foreign ministers (secretaries of state). */
export type BandGroup = 'presidents' | 'ambassadors' | 'ministers';
export const BAND_GROUPS: readonly BandGroup[] = ['presidents', 'ambassadors', 'ministers'];

export interface EventFilters {
  kinds: EventKind[];
  directions: Direction[];
  actorIds: string[];
  tags: string[];
  search: string;
}

export interface ViewState extends EventFilters {
  /** The visible window, when the URL names one; otherwise the page opens on its default. */
  window: { start: Date; end: Date } | null;
  /** The selected event's id (or slug). */
  event: string | null;
  lanes: LaneMode;
  view: ViewMode;
  /** Tenure bands drawn behind the events, in BAND_GROUPS order. */
  bands: BandGroup[];
}

export const EMPTY_FILTERS: EventFilters = { kinds: [], directions: [], actorIds: [], tags: [], search: '' };

export const DEFAULT_VIEW_STATE: ViewState = {
  ...EMPTY_FILTERS,
  window: null,
  event: null,
  lanes: 'kind',
  view: 'timeline',
  bands: [],
};

const KINDS = new Set<string>(Object.values(EventKind));
const DIRECTIONS = new Set<string>(Object.values(Direction));
/** Long enough for any real search, short enough that a pasted URL cannot balloon a request. */
const MAX_SEARCH_LENGTH = 200;
const MAX_LIST_LENGTH = 50;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** "2021-10-12" at local midnight, else "2021-10-12T14:30" (local time, minute precision). */
export function encodeMoment(date: Date): string {
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (date.getHours() === 0 && date.getMinutes() === 0) return day;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function decodeMoment(value: string | null): Date | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59) return null;
  const date = new Date(year, month - 1, day, hours, minutes);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Rounds a window for the URL: to whole days when it spans more than a month (a shared link need
 * not be exact to the minute), to minutes otherwise.
 */
export function roundWindow(window: { start: Date; end: Date }): { start: Date; end: Date } {
  const span = window.end.getTime() - window.start.getTime();
  const toDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
  if (span > 31 * 86_400_000) {
    const start = toDay(window.start);
    const end = toDay(new Date(window.end.getTime() + 43_200_000));
    return { start, end: end > start ? end : new Date(start.getTime() + 86_400_000) };
  }
  const toMinute = (date: Date) => new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return { start: toMinute(window.start), end: toMinute(window.end) };
}

function list(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return [...new Set(values)].slice(0, MAX_LIST_LENGTH);
}

/** Reads a URL's query string. Unknown or malformed values are dropped, never trusted. */
export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const start = decodeMoment(params.get('from'));
  const end = decodeMoment(params.get('to'));
  const event = params.get('event')?.trim();
  return {
    kinds: list(params, 'kind').filter((kind) => KINDS.has(kind)) as EventKind[],
    directions: list(params, 'dir').filter((direction) => DIRECTIONS.has(direction)) as Direction[],
    actorIds: list(params, 'actor').filter((id) => /^[\w-]{1,100}$/.test(id)),
    // Tags may hold commas in principle, so each is its own parameter.
    tags: [
      ...new Set(
        params
          .getAll('tag')
          .map((tag) => tag.trim().toLowerCase())
          .filter(Boolean),
      ),
    ].slice(0, MAX_LIST_LENGTH),
    search: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    window: start && end && end > start ? { start, end } : null,
    event: event && /^[\w-]{1,100}$/.test(event) ? event : null,
    lanes: params.get('lanes') === 'side' ? 'side' : 'kind',
    view: params.get('view') === 'list' ? 'list' : 'timeline',
    bands: BAND_GROUPS.filter((band) => list(params, 'bands').includes(band)),
  };
}

/** Writes the state as a query string (with its "?", or "" when everything is the default). */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const kind of state.kinds) params.append('kind', kind);
  for (const direction of state.directions) params.append('dir', direction);
  for (const actorId of state.actorIds) params.append('actor', actorId);
  for (const tag of state.tags) params.append('tag', tag);
  if (state.search.trim()) params.set('q', state.search.trim());
  if (state.lanes !== 'kind') params.set('lanes', state.lanes);
  if (state.view !== 'timeline') params.set('view', state.view);
  for (const band of BAND_GROUPS) if (state.bands.includes(band)) params.append('bands', band);
  if (state.window) {
    params.set('from', encodeMoment(state.window.start));
    params.set('to', encodeMoment(state.window.end));
  }
  if (state.event) params.set('event', state.event);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasActiveFilters(filters: EventFilters): boolean {
  return (
    filters.kinds.length > 0 ||
    filters.directions.length > 0 ||
    filters.actorIds.length > 0 ||
    filters.tags.length > 0 ||
    filters.search.trim() !== ''
  );
}

/** The API's EventFilter for these filters; empty lists are left out (they would match nothing). */
export function toEventFilter(filters: EventFilters, omit: Array<keyof EventFilters> = []): EventFilter {
  const filter: EventFilter = {};
  if (filters.kinds.length > 0 && !omit.includes('kinds')) filter.kinds = filters.kinds;
  if (filters.directions.length > 0 && !omit.includes('directions')) filter.directions = filters.directions;
  if (filters.actorIds.length > 0 && !omit.includes('actorIds')) filter.actorIds = filters.actorIds;
  if (filters.tags.length > 0 && !omit.includes('tags')) filter.tags = filters.tags;
  if (filters.search.trim() && !omit.includes('search')) filter.search = filters.search.trim();
  return filter;
}

export function filtersOf(state: ViewState): EventFilters {
  return { kinds: state.kinds, directions: state.directions, actorIds: state.actorIds, tags: state.tags, search: state.search };
}
