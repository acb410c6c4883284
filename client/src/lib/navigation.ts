// In-page navigation over the history API (pushState + popstate), so the page's routes and the desk's screens are
// links (Back works, a screen can be shared) without a router library. In lib/ because the app's routes, the desk
// and the detail panel's edit links all use it.
import { useSyncExternalStore, type MouseEvent } from 'react';

/** Paths of the desk's screens, so links are written in one place. */
export const deskPaths = {
  overview: '/desk',
  newEvent: (kind?: string, from?: string) => {
    const params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (from) params.set('from', from);
    const query = params.toString();
    return query ? `/desk/new?${query}` : '/desk/new';
  },
  edit: (eventId: string) => `/desk/events/${encodeURIComponent(eventId)}/edit`,
  history: (eventId: string) => `/desk/events/${encodeURIComponent(eventId)}/history`,
  deleted: '/desk/deleted',
  corrections: '/desk/corrections',
  actors: '/desk/actors',
  sources: '/desk/sources',
  intake: '/desk/intake',
  changes: '/changes',
} as const;

/** Goes to a path in this page (pushState) and tells every usePathname() and the app's router. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo?.(0, 0);
}

function subscribeLocation(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  return () => window.removeEventListener('popstate', callback);
}

const currentLocation = () => `${window.location.pathname}${window.location.search}`;

/** The page's path and query string ("/desk/new?kind=SANCTION"), following navigate() and Back/Forward. */
export function useLocation(): { pathname: string; search: string } {
  const location = useSyncExternalStore(subscribeLocation, currentLocation, () => '/');
  const queryAt = location.indexOf('?');
  return queryAt < 0 ? { pathname: location, search: '' } : { pathname: location.slice(0, queryAt), search: location.slice(queryAt) };
}

/** The page's path, following navigate() and Back/Forward. */
export function usePathname(): string {
  return useLocation().pathname;
}

/** Props for an <a> that navigates in the page on a plain click and still opens in a new tab with a modifier. */
export function linkProps(path: string): { href: string; onClick: (event: MouseEvent<HTMLAnchorElement>) => void } {
  return {
    href: path,
    onClick: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(path);
    },
  };
}
