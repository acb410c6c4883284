// Routes by path (no router needed for four pages): the timeline, /embed for iframes, and the API explorer
// and the About page, which are loaded only when visited so the timeline page stays light.
import { lazy, Suspense } from 'react';
import { TimelinePage } from './TimelinePage';
import { useLiveUpdates } from '../features/live/useLiveUpdates';

const ExplorerPage = lazy(() => import('../features/explorer/components/ExplorerPage'));
const AboutPage = lazy(() => import('../features/about/components/AboutPage'));

export type Route = 'timeline' | 'embed' | 'explorer' | 'about';

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/explorer') return 'explorer';
  if (path === '/embed') return 'embed';
  if (path === '/about') return 'about';
  return 'timeline';
}

export function App({ pathname = window.location.pathname }: { pathname?: string }) {
  const route = routeFor(pathname);
  return route === 'explorer' || route === 'about' ? <Page route={route} /> : <LivePage route={route} />;
}

/** Timeline pages follow editors' changes as they are committed; the explorer shows what its queries return. */
function LivePage({ route }: { route: Route }) {
  useLiveUpdates();
  return <Page route={route} />;
}

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'explorer':
      return (
        <Suspense fallback={<p className="page-loading">Loading the API explorer…</p>}>
          <ExplorerPage />
        </Suspense>
      );
    case 'about':
      return (
        <Suspense fallback={<p className="page-loading">Loading…</p>}>
          <AboutPage />
        </Suspense>
      );
    case 'embed':
      return <TimelinePage embed />;
    default:
      return <TimelinePage />;
  }
}
