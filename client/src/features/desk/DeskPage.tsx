// /desk: the editors' desk, loaded only when visited. Signed out it is the sign-in form; signed in it shows whose key
// is in use, a nav to every screen, and the screen for the path (features/desk/routes.ts).
import { lazy, Suspense, type ReactNode } from 'react';
import { deskPaths, deskRouteFor, linkProps, useLocation, type DeskRoute } from './routes';
import { SignInForm } from './session/SignInForm';
import { useViewer } from './session/useViewer';
import OverviewScreen from './overview/OverviewScreen';
import styles from './DeskPage.module.css';

// Each screen is its own chunk: an editor fixing a quote does not download the article intake.
const EditEventScreen = lazy(() => import('./edit/EditEventScreen'));
const NewEventScreen = lazy(() => import('./edit/NewEventScreen'));
const HistoryScreen = lazy(() => import('./history/HistoryScreen'));
const DeletedScreen = lazy(() => import('./deleted/DeletedScreen'));
const CorrectionsScreen = lazy(() => import('./corrections/CorrectionsScreen'));
const ActorsScreen = lazy(() => import('./actors/ActorsScreen'));
const SourcesScreen = lazy(() => import('./sources/SourcesScreen'));
const IntakeScreen = lazy(() => import('./intake/IntakeScreen'));

const NAV: { path: string; label: string; screens: DeskRoute['screen'][] }[] = [
  { path: deskPaths.overview, label: 'Overview', screens: ['overview', 'edit', 'history'] },
  { path: deskPaths.newEvent(), label: 'New event', screens: ['new'] },
  { path: deskPaths.intake, label: 'Article intake', screens: ['intake'] },
  { path: deskPaths.corrections, label: 'Corrections', screens: ['corrections'] },
  { path: deskPaths.deleted, label: 'Deleted', screens: ['deleted'] },
  { path: deskPaths.actors, label: 'Actors', screens: ['actors'] },
  { path: deskPaths.sources, label: 'Sources', screens: ['sources'] },
  { path: deskPaths.changes, label: 'Recent changes', screens: [] },
];

export default function DeskPage() {
  const { pathname, search } = useLocation();
  const route = deskRouteFor(pathname, search);
  const { viewer, loading, error, signIn, signOut } = useViewer();

  return (
    <div className={styles.page} data-testid="desk-page">
      <header className={styles.header}>
        <a className={styles.back} href="/">
          ← Timeline
        </a>
        <h1 className={styles.title}>Editors’ desk</h1>
        {viewer && (
          <div className={styles.viewer} data-testid="desk-viewer">
            <span>
              Signed in as <strong>{viewer.name}</strong> <span className={styles.role}>({viewer.role.toLowerCase()})</span>
            </span>
            <button type="button" className={styles.quiet} onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      {viewer ? (
        <div className={styles.body}>
          <nav className={styles.nav} aria-label="Desk">
            <ul>
              {NAV.map((item) => (
                <li key={item.path}>
                  <a {...linkProps(item.path)} aria-current={item.screens.includes(route.screen) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main className={styles.main} id="main">
            <Suspense fallback={<p className={styles.help}>Loading…</p>}>{screenFor(route)}</Suspense>
          </main>
        </div>
      ) : (
        <main className={styles.main} id="main">
          {loading && !error ? (
            <p className={styles.help}>Checking your key…</p>
          ) : (
            <SignInForm onSignIn={signIn} error={error} busy={loading} />
          )}
        </main>
      )}
    </div>
  );
}

function screenFor(route: DeskRoute): ReactNode {
  switch (route.screen) {
    case 'overview':
      return <OverviewScreen />;
    case 'new':
      return <NewEventScreen kind={route.kind} from={route.from} />;
    case 'edit':
      return <EditEventScreen eventId={route.eventId} />;
    case 'history':
      return <HistoryScreen eventId={route.eventId} />;
    case 'deleted':
      return <DeletedScreen />;
    case 'corrections':
      return <CorrectionsScreen />;
    case 'actors':
      return <ActorsScreen />;
    case 'sources':
      return <SourcesScreen />;
    case 'intake':
      return <IntakeScreen />;
    case 'unknown':
      return (
        <section aria-labelledby="desk-screen-title">
          <h2 id="desk-screen-title">Not found</h2>
          <p>
            There is no desk screen at this address. <a {...linkProps(deskPaths.overview)}>Go to the desk’s overview</a>.
          </p>
        </section>
      );
  }
}
