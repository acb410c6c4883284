// The main page: filters, the timeline (or its list view), the temperature band and the detail
// panel, all driven by the state in the URL. With `embed`, only the timeline and the detail panel.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import type { ActorSummary, LinkedEventSummary } from '../features/event-detail/api/event.queries';
import { FilterPanel } from '../features/filters/components/FilterPanel';
import { MatchesElsewhere } from '../features/filters/components/ShowAllMatches';
import { presetWindow, type DatePreset } from '../features/filters/utils/presets';
import { DATA_RANGE_QUERY, hiddenByFilter } from '../features/timeline/api/timeline.queries';
import type { TimelineEvent } from '../graphql/timelineEvent.queries';
import { TemperatureBand } from '../features/temperature/components/TemperatureBand';
import { TimelineView, type TimelineViewHandle } from '../features/timeline/components/TimelineView';
import type { TimelineLayout } from '../features/timeline/hooks/useVisTimeline';
import { useOpeningWindow } from '../features/timeline/hooks/useOpeningWindow';
import { toIsoDay, type TimeWindow } from '../features/timeline/utils/timeWindow';
import { eventSpan } from '../features/timeline/utils/toTimelineItems';
import {
  EMPTY_FILTERS,
  encodeViewState,
  filtersOf,
  hasActiveFilters,
  toEventFilter,
  type EventFilters,
  type BandGroup,
  type LaneMode,
} from '../lib/urlState';
import { useUrlState } from '../lib/useUrlState';
import { SkeletonLines } from '../components/Placeholders';
import ui from '../components/ui.module.css';
import styles from './TimelinePage.module.css';

// The detail panel is loaded when an event is first opened, not with the page: it is the largest feature, and the
// timeline page's first JavaScript stays under its budget (README, "The page").
const EventDetail = lazy(() =>
  import('../features/event-detail/components/EventDetail').then((module) => ({ default: module.EventDetail })),
);
import { RecordUpTo } from '../features/about/components/RecordUpTo';
import { ExportMenu } from '../features/export/components/ExportMenu';

// The list view is loaded when it is first chosen: the timeline is what most readers open.
const EventList = lazy(() => import('../features/event-list/components/EventList').then((module) => ({ default: module.EventList })));
// Loaded when a print is first asked for: most readers never print.
const PrintView = lazy(() => import('../features/export/components/PrintView'));

export function TimelinePage({ embed = false }: { embed?: boolean }) {
  const { state, update, recordWindow, restoreCount } = useUrlState();
  const dataRange = useQuery(DATA_RANGE_QUERY);
  const range = dataRange.data?.dataRange ?? null;
  const rangeSettled = dataRange.data !== undefined || dataRange.error !== undefined;
  // Local midnights of the first day and of the day after the last, as the timeline draws dates.
  const dataWindow = useMemo(
    () =>
      range ? { start: new Date(`${range.from}T00:00:00`), end: new Date(new Date(`${range.to}T00:00:00`).getTime() + 86_400_000) } : null,
    [range],
  );

  const filters = filtersOf(state);
  const filterKey = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value, not identity
  const filter = useMemo(() => toEventFilter(filters), [filterKey]);
  const filtersActive = hasActiveFilters(filters);

  // The window: the URL's, else a year around the event the URL names, else the last two years of data.
  const [settledWindow, setSettledWindow] = useState<TimeWindow | null>(state.window);
  const openingWindow = useOpeningWindow({ urlWindow: state.window, eventId: state.event, range, rangeSettled, dataWindow });
  const timelineRef = useRef<TimelineViewHandle>(null);
  const [detailOpen, setDetailOpen] = useState(state.event !== null);
  const [announcement, setAnnouncement] = useState('');
  const [filtersShown, setFiltersShown] = useState(false);
  const [printRequest, setPrintRequest] = useState(0);

  // Back/forward: show what that entry showed.
  useEffect(() => {
    if (restoreCount === 0) return;
    setDetailOpen(state.event !== null);
    if (state.window) timelineRef.current?.setWindow(state.window.start, state.window.end);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on a restore
  }, [restoreCount]);

  const onWindowSettled = useCallback(
    (window: TimeWindow) => {
      setSettledWindow(window);
      recordWindow(window);
    },
    [recordWindow],
  );

  const announce = (event: Pick<TimelineEvent, 'title' | 'startDate' | 'datePrecision' | 'endDate'>) =>
    setAnnouncement(`Selected: ${event.title}, ${formatEventDate(event.startDate, event.datePrecision, event.endDate)}`);

  const selectEvent = (event: TimelineEvent | null, how: { open: boolean }) => {
    if (!event) {
      update({ event: null }, 'push');
      setDetailOpen(false);
      return;
    }
    if (event.id !== state.event) update({ event: event.id }, 'push');
    if (how.open) setDetailOpen(true);
    announce(event);
  };

  const client = useApolloClient();
  const [hiddenEvent, setHiddenEvent] = useState<LinkedEventSummary | TimelineEvent | null>(null);
  const jumpToEvent = (event: LinkedEventSummary | TimelineEvent) => {
    update({ event: event.id }, 'push');
    setDetailOpen(true);
    announce(event);
    setHiddenEvent(null);
    const span = eventSpan(event);
    if (span) timelineRef.current?.revealEvent(event.id, span.start, span.end);
    // A linked event the filters leave out would be looked for in vain on the timeline: say so, and offer it.
    if (filtersActive) {
      void hiddenByFilter(client, filter, event)
        .then((hidden) => hidden && setHiddenEvent(event))
        .catch(() => undefined);
    }
  };
  const showHiddenEvent = (event: LinkedEventSummary | TimelineEvent) => {
    setHiddenEvent(null);
    update({ ...EMPTY_FILTERS, event: event.id }, 'step');
    const span = eventSpan(event);
    if (span) timelineRef.current?.revealEvent(event.id, span.start, span.end);
  };
  const hiddenNotice = hiddenEvent && hiddenEvent.id === state.event && (
    <p className={styles.hiddenNotice} role="status" data-testid="hidden-by-filter">
      “{hiddenEvent.title}” is not on the timeline: the current filters hide it.{' '}
      <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={() => showHiddenEvent(hiddenEvent)}>
        Clear the filters and show it
      </button>
    </p>
  );

  // A link may name the event by slug (readable): once the event is known, use its id (so the timeline can mark
  // it). Without a window in the link, the timeline already opened around it (useOpeningWindow).
  const onEventLoaded = (event: LinkedEventSummary) => {
    if (event.id !== state.event && state.event !== null) update({ event: event.id }, 'replace');
  };

  const closeDetail = useCallback(() => {
    setDetailOpen(false);
    update({ event: null }, 'push');
    document.querySelector<HTMLElement>('[data-testid="timeline"], [data-testid="event-list"] button')?.focus();
  }, [update]);

  const changeFilters = useCallback((patch: Partial<EventFilters>) => update(patch, 'step'), [update]);
  const clearFilters = useCallback(() => update({ ...EMPTY_FILTERS }, 'step'), [update]);
  const choosePreset = (preset: DatePreset) => {
    const window = presetWindow(preset, range);
    if (!window) return;
    if (state.view === 'list') {
      setSettledWindow(window);
      recordWindow(window);
    } else timelineRef.current?.setWindow(window.start, window.end);
  };
  const showPeriod = (from: string, to: string) => choosePreset({ id: 'period', label: `${from} – ${to}`, from, to });
  const filterByActor = (actor: ActorSummary) => {
    if (!state.actorIds.includes(actor.id)) update({ actorIds: [...state.actorIds, actor.id] }, 'step');
  };
  const filterByTag = (tag: string) => {
    if (!state.tags.includes(tag)) update({ tags: [...state.tags, tag] }, 'step');
  };

  const showDetail = detailOpen && state.event !== null;
  const timelineWindow = settledWindow ?? openingWindow;

  // A stable callback, so the band re-renders with the window it follows, not with this page.
  const renderTemperatureBand = useCallback(
    (window: TimeWindow, layout: TimelineLayout) => (
      <TemperatureBand window={window} left={layout.left} width={layout.width} filter={filter} />
    ),
    [filter],
  );

  const timeline = (
    <TimelineView
      ref={timelineRef}
      initialWindow={timelineWindow}
      filter={filter}
      lanes={state.lanes}
      onLanesChange={embed ? undefined : (lanes: LaneMode) => update({ lanes }, 'step')}
      bands={embed ? [] : state.bands}
      onBandsChange={embed ? undefined : (bands: BandGroup[]) => update({ bands }, 'step')}
      selectedEventId={state.event}
      onSelectEvent={selectEvent}
      onOpenSelected={() => state.event && setDetailOpen(true)}
      onWindowSettled={onWindowSettled}
      onClearFilters={clearFilters}
      filtersActive={filtersActive}
      renderBand={embed ? undefined : renderTemperatureBand}
      dataRange={dataWindow}
      renderEmptyHint={() => <MatchesElsewhere filter={filter} onShow={showPeriod} />}
    />
  );

  const detail = showDetail && state.event && (
    <Suspense fallback={null}>
      <EventDetail
        eventId={state.event}
        onClose={closeDetail}
        onSelectEvent={jumpToEvent}
        onFilterActor={embed ? undefined : filterByActor}
        onFilterTag={embed ? undefined : filterByTag}
        onLoaded={onEventLoaded}
      />
    </Suspense>
  );

  const announcer = (
    <p className="visually-hidden" aria-live="polite" data-testid="announcer">
      {announcement}
    </p>
  );

  if (embed) {
    return (
      <div className={`${styles.app} ${styles.embed}`} data-fills-frame>
        <main className={showDetail ? `${styles.embedMain} ${styles.embedMainWithDetail}` : styles.embedMain} aria-label="Détente timeline">
          <h1 className="visually-hidden">Détente: US–Russia relations timeline</h1>
          <div className={styles.embedTimeline}>
            {hiddenNotice}
            {timeline}
          </div>
          {detail}
        </main>
        <p className={styles.embedCredit}>
          <a href={`/${encodeViewState(state)}`} target="_blank" rel="noopener">
            Open in Détente
          </a>
        </p>
        {announcer}
      </div>
    );
  }

  // What Export and Print take away: the filters and the window on screen, not the selection or the layout.
  const exportQuery = encodeViewState({ ...state, window: timelineWindow, event: null, lanes: 'kind', view: 'timeline', bands: [] });
  const listFrom = timelineWindow ? toIsoDay(timelineWindow.start) : null;
  const listTo = timelineWindow ? toIsoDay(timelineWindow.end) : null;
  const activeCount = state.kinds.length + state.directions.length + state.actorIds.length + state.tags.length + (state.search ? 1 : 0);

  return (
    <div className={styles.app} data-fits-window>
      <a className={styles.skipLink} href="#main">
        Skip to the timeline
      </a>
      <header className={styles.header}>
        <h1 className={styles.title}>Détente</h1>
        <p className={styles.tagline}>
          A sourced timeline of US–Russia diplomatic relations: who said what, who met whom, who sanctioned or expelled whom, and what
          answered what.
        </p>
        <RecordUpTo latestEventDate={range?.latestEventDate} />
        <nav className={styles.nav} aria-label="Pages">
          <a href="/" aria-current="page">
            Timeline
          </a>
          <a href="/explorer">API explorer</a>
          <a href="/about">About the data</a>
          <a href="/changes">Recent changes</a>
        </nav>
      </header>

      <div className={showDetail ? `${styles.body} ${styles.withDetail}` : styles.body}>
        <aside className={filtersShown ? `${styles.filters} ${styles.filtersShown}` : styles.filters} aria-labelledby="filters-heading">
          <div className={styles.filtersHead}>
            <h2 id="filters-heading" className={ui.panelHeading}>
              Filters
            </h2>
            <button
              type="button"
              className={`${ui.button} ${ui.quiet} ${styles.filtersToggle}`}
              aria-expanded={filtersShown}
              aria-controls="filters-body"
              onClick={() => setFiltersShown((shown) => !shown)}
            >
              {filtersShown ? 'Hide filters' : `Show filters${activeCount ? ` (${activeCount})` : ''}`}
            </button>
          </div>
          <div id="filters-body" className={styles.filtersBody}>
            <FilterPanel
              filters={filters}
              dataRange={range}
              onChange={changeFilters}
              onClear={clearFilters}
              onPreset={choosePreset}
              period={
                timelineWindow ? { from: toIsoDay(timelineWindow.start), to: toIsoDay(new Date(timelineWindow.end.getTime() - 1)) } : null
              }
              onPeriod={showPeriod}
              onJump={jumpToEvent}
            />
          </div>
        </aside>

        <main id="main" className={styles.main} tabIndex={-1}>
          <div className={styles.viewSwitch}>
            <h2 className={ui.panelHeading}>{state.view === 'list' ? 'List of events' : 'Timeline'}</h2>
            <CopyLink />
            <div className={ui.segmented} role="group" aria-label="View">
              <button type="button" aria-pressed={state.view === 'timeline'} onClick={() => update({ view: 'timeline' }, 'step')}>
                Timeline
              </button>
              <button type="button" aria-pressed={state.view === 'list'} onClick={() => update({ view: 'list' }, 'step')}>
                List
              </button>
            </div>
            <ExportMenu query={exportQuery} onPrint={() => setPrintRequest((n) => n + 1)} />
          </div>
          {state.view === 'list' ? (
            <Suspense fallback={<SkeletonLines count={6} />}>
              <EventList
                filter={filter}
                from={listFrom}
                to={listTo}
                selectedEventId={state.event}
                onSelectEvent={selectEvent}
                onOpenSelected={() => state.event && setDetailOpen(true)}
                onClearFilters={clearFilters}
                filtersActive={filtersActive}
              />
            </Suspense>
          ) : (
            <>
              {hiddenNotice}
              {timeline}
            </>
          )}
        </main>

        {detail}
      </div>

      {announcer}
      {printRequest > 0 && (
        <Suspense fallback={null}>
          <PrintView
            query={exportQuery}
            request={printRequest}
            description={
              listFrom && listTo ? `${formatEventDate(listFrom, 'DAY')} to ${formatEventDate(listTo, 'DAY')}` : 'The whole record'
            }
          />
        </Suspense>
      )}
      <footer className={styles.footer}>
        Every event links to its sources. Select an event on the timeline — or press → inside it — to read it. The data and the API are
        open: try the <a href="/explorer">API explorer</a>.
      </footer>
    </div>
  );
}

/** Copies the address of the view as it is (filters, period, selection): the page's own share button. */
function CopyLink() {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setSaid('Link copied');
    } catch {
      setSaid('Could not copy: the address bar holds the link');
    }
    setTimeout(() => setSaid(''), 3_000);
  };
  return (
    <span className={styles.copyLink}>
      <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className={ui.muted}>
        {said}
      </span>
    </span>
  );
}
