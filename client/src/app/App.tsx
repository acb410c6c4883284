// Routes by path (no router needed for a handful of pages): the timeline, /embed for iframes, and the API explorer,
// the About page, the editors' desk and Recent changes, which are loaded only when visited so the timeline page
// stays light. The path follows in-page navigation (lib/navigation.ts) as well as Back and Forward.
import { lazy, Suspense, type ReactNode } from 'react';
import { TimelinePage } from './TimelinePage';
import { useLiveUpdates } from '../features/live/useLiveUpdates';
import { usePathname } from '../lib/navigation';

const ExplorerPage = lazy(() => import('../features/explorer/components/ExplorerPage'));
const AboutPage = lazy(() => import('../features/about/components/AboutPage'));
const DeskPage = lazy(() => import('../features/desk/DeskPage'));
const RecentChangesPage = lazy(() => import('../features/changes/RecentChangesPage'));

export type Route = 'timeline' | 'embed' | 'explorer' | 'about' | 'desk' | 'changes';

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/explorer') return 'explorer';
  if (path === '/embed') return 'embed';
  if (path === '/about') return 'about';
  if (path === '/desk' || path.startsWith('/desk/')) return 'desk';
  if (path === '/changes') return 'changes';
  return 'timeline';
}

export function App({ pathname }: { pathname?: string }) {
  const currentPath = usePathname();
  const route = routeFor(pathname ?? currentPath);
  return route === 'timeline' || route === 'embed' ? <LivePage route={route} /> : <Page route={route} />;
}

/** Timeline pages follow editors' changes as they are committed; the explorer shows what its queries return. */
function LivePage({ route }: { route: Route }) {
  useLiveUpdates();
  return <Page route={route} />;
}

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'explorer':
      return <LazyPage loading="Loading the API explorer…" page={<ExplorerPage />} />;
    case 'about':
      return <LazyPage loading="Loading…" page={<AboutPage />} />;
    case 'desk':
      return <LazyPage loading="Loading the desk…" page={<DeskPage />} />;
    case 'changes':
      return <LazyPage loading="Loading…" page={<RecentChangesPage />} />;
    case 'embed':
      return <TimelinePage embed />;
    default:
      return <TimelinePage />;
  }
}

function LazyPage({ loading, page }: { loading: string; page: ReactNode }) {
  return <Suspense fallback={<p className="page-loading">{loading}</p>}>{page}</Suspense>;
}
