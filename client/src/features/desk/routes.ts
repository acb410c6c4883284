// The desk's screens by path. Navigation itself (navigate, usePathname, links) is lib/navigation.ts, shared with the
// app's routes and the detail panel's edit links.
export { deskPaths, linkProps, navigate, useLocation, usePathname } from '../../lib/navigation';

export type DeskRoute =
  | { screen: 'overview' }
  | { screen: 'new'; kind: string | null; from: string | null }
  | { screen: 'edit'; eventId: string }
  | { screen: 'history'; eventId: string }
  | { screen: 'deleted' }
  | { screen: 'corrections' }
  | { screen: 'actors' }
  | { screen: 'sources' }
  | { screen: 'intake' }
  | { screen: 'unknown' };

/** The screen for a path under /desk (search holds ?kind= and ?from= for /desk/new). */
export function deskRouteFor(pathname: string, search = ''): DeskRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/desk') return { screen: 'overview' };
  if (path === '/desk/new') {
    const params = new URLSearchParams(search);
    return { screen: 'new', kind: params.get('kind'), from: params.get('from') };
  }
  const event = /^\/desk\/events\/([^/]+)\/(edit|history)$/.exec(path);
  if (event) {
    const eventId = decodeURIComponent(event[1]);
    return event[2] === 'edit' ? { screen: 'edit', eventId } : { screen: 'history', eventId };
  }
  switch (path) {
    case '/desk/deleted':
      return { screen: 'deleted' };
    case '/desk/corrections':
      return { screen: 'corrections' };
    case '/desk/actors':
      return { screen: 'actors' };
    case '/desk/sources':
      return { screen: 'sources' };
    case '/desk/intake':
      return { screen: 'intake' };
    default:
      return { screen: 'unknown' };
  }
}
