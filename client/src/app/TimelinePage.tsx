// The main page: filters, the timeline (or its list view), the temperature band and the detail
// panel, all driven by the state in the URL. With `embed`, only the timeline and the detail panel.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { EventDetail } from '../features/event-detail/components/EventDetail';
import type { ActorSummary, LinkedEventSummary } from '../features/event-detail/api/event.queries';
import { EventList } from '../features/event-list/components/EventList';
import { FilterPanel } from '../features/filters/components/FilterPanel';
import { presetWindow, type DatePreset } from '../features/filters/utils/presets';
import { DATA_RANGE_QUERY, type TimelineEvent } from '../features/timeline/api/timeline.queries';
import { TimelineView, type TimelineViewHandle } from '../features/timeline/components/TimelineView';
import { initialWindowFor, toIsoDay, type TimeWindow } from '../features/timeline/utils/timeWindow';
import { eventSpan } from '../features/timeline/utils/toTimelineItems';
import { EMPTY_FILTERS, encodeViewState, filtersOf, hasActiveFilters, toEventFilter, type EventFilters, type LaneMode } from './urlState';
import { useUrlState } from './useUrlState';
import { RecordUpTo } from '../features/about/components/RecordUpTo';
import { ExportMenu } from '../features/export/components/ExportMenu';

// Loaded when a print is first asked for: most readers never print.
const PrintView = lazy(() => import('../features/export/components/PrintView'));

export function TimelinePage({ embed = false }: { embed?: boolean }) {
  const { state, update, recordWindow, restoreCount } = useUrlState();
  const dataRange = useQuery(DATA_RANGE_QUERY);
  const range = dataRange.data?.dataRange ?? null;
  const rangeSettled = dataRange.data !== undefined || dataRange.error !== undefined;

  const filters = filtersOf(state);
  const filterKey = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value, not identity
  const filter = useMemo(() => toEventFilter(filters), [filterKey]);
  const filtersActive = hasActiveFilters(filters);

  // The window: the URL's, else the last two years of data (once the data range is known).
  const [settledWindow, setSettledWindow] = useState<TimeWindow | null>(state.window);
  const openingWindow = useMemo(
    () => state.window ?? (rangeSettled ? initialWindowFor(range) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opening window is computed once it can be
    [rangeSettled],
  );
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

  const jumpToEvent = (event: LinkedEventSummary | TimelineEvent) => {
    update({ event: event.id }, 'push');
    setDetailOpen(true);
    announce(event);
    const span = eventSpan(event);
    if (span) timelineRef.current?.revealEvent(event.id, span.start, span.end);
  };

  // A link may name the event by slug (readable) and give no window: once the event is known, use its
  // id (so the timeline can mark it) and, without a window in the link, bring it into view.
  const openedOnEventAlone = useRef(state.window === null && state.event !== null);
  const onEventLoaded = (event: LinkedEventSummary) => {
    if (event.id !== state.event && state.event !== null) update({ event: event.id }, 'replace');
    if (!openedOnEventAlone.current) return;
    openedOnEventAlone.current = false;
    const span = eventSpan(event);
    // The timeline holds the move until it exists and has drawn (it may still wait for the data range).
    if (span) timelineRef.current?.revealEvent(event.id, span.start, span.end);
  };

  const closeDetail = useCallback(() => {
    setDetailOpen(false);
    update({ event: null }, 'push');
    document.querySelector<HTMLElement>('[data-testid="timeline"], [data-testid="event-list"] button')?.focus();
  }, [update]);

  const changeFilters = useCallback((patch: Partial<EventFilters>) => update(patch, 'replace'), [update]);
  const clearFilters = useCallback(() => update({ ...EMPTY_FILTERS }, 'replace'), [update]);
  const choosePreset = (preset: DatePreset) => {
    const window = presetWindow(preset, range);
    if (!window) return;
    if (state.view === 'list') {
      setSettledWindow(window);
      recordWindow(window);
    } else timelineRef.current?.setWindow(window.start, window.end);
  };
  const filterByActor = (actor: ActorSummary) => {
    if (!state.actorIds.includes(actor.id)) update({ actorIds: [...state.actorIds, actor.id] }, 'replace');
  };
  const filterByTag = (tag: string) => {
    if (!state.tags.includes(tag)) update({ tags: [...state.tags, tag] }, 'replace');
  };

  const showDetail = detailOpen && state.event !== null;
  const timelineWindow = settledWindow ?? openingWindow;

  const timeline = (
    <TimelineView
      ref={timelineRef}
      initialWindow={timelineWindow}
      filter={filter}
      lanes={state.lanes}
      onLanesChange={embed ? undefined : (lanes: LaneMode) => update({ lanes }, 'replace')}
      selectedEventId={state.event}
      onSelectEvent={selectEvent}
      onOpenSelected={() => state.event && setDetailOpen(true)}
      onWindowSettled={onWindowSettled}
      onClearFilters={clearFilters}
      filtersActive={filtersActive}
      compact={embed}
    />
  );

  const detail = showDetail && state.event && (
    <EventDetail
      eventId={state.event}
      onClose={closeDetail}
      onSelectEvent={jumpToEvent}
      onFilterActor={embed ? undefined : filterByActor}
      onFilterTag={embed ? undefined : filterByTag}
      onLoaded={onEventLoaded}
    />
  );

  const announcer = (
    <p className="visually-hidden" aria-live="polite" data-testid="announcer">
      {announcement}
    </p>
  );

  if (embed) {
    return (
      <div className="app app--embed">
        <main className={showDetail ? 'embed-main embed-main--with-detail' : 'embed-main'} aria-label="Détente timeline">
          <h1 className="visually-hidden">Détente: US–Russia relations timeline</h1>
          <div className="embed-timeline">{timeline}</div>
          {detail}
        </main>
        <p className="embed-credit">
          <a href={`/${encodeViewState(state)}`} target="_blank" rel="noopener">
            Open in Détente
          </a>
        </p>
        {announcer}
      </div>
    );
  }

  // What Export and Print take away: the filters and the window on screen, not the selection or the layout.
  const exportQuery = encodeViewState({ ...state, window: timelineWindow, event: null, lanes: 'kind', view: 'timeline' });
  const listFrom = timelineWindow ? toIsoDay(timelineWindow.start) : null;
  const listTo = timelineWindow ? toIsoDay(timelineWindow.end) : null;
  const activeCount = state.kinds.length + state.directions.length + state.actorIds.length + state.tags.length + (state.search ? 1 : 0);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the timeline
      </a>
      <header className="app-header">
        <h1 className="app-title">Détente</h1>
        <p className="app-tagline">
          A sourced timeline of US–Russia diplomatic relations: who said what, who met whom, who sanctioned or expelled whom, and what
          answered what.
        </p>
        <RecordUpTo latestEventDate={range?.latestEventDate} />
        <nav className="app-nav" aria-label="Pages">
          <a href="/" aria-current="page">
            Timeline
          </a>
          <a href="/explorer">API explorer</a>
          <a href="/about">About the data</a>
        </nav>
      </header>

      <div className={['app-body', showDetail ? 'app-body--with-detail' : ''].join(' ')}>
        <aside className={['app-filters', filtersShown ? 'app-filters--shown' : ''].join(' ')} aria-labelledby="filters-heading">
          <div className="app-filters__head">
            <h2 id="filters-heading" className="panel-heading">
              Filters
            </h2>
            <button
              type="button"
              className="button button--quiet app-filters__toggle"
              aria-expanded={filtersShown}
              aria-controls="filters-body"
              onClick={() => setFiltersShown((shown) => !shown)}
            >
              {filtersShown ? 'Hide filters' : `Show filters${activeCount ? ` (${activeCount})` : ''}`}
            </button>
          </div>
          <div id="filters-body" className="app-filters__body">
            <FilterPanel
              filters={filters}
              dataRange={range}
              onChange={changeFilters}
              onClear={clearFilters}
              onPreset={choosePreset}
              onJump={jumpToEvent}
            />
          </div>
        </aside>

        <main id="main" className="app-main" tabIndex={-1}>
          <div className="view-switch">
            <h2 className="panel-heading">{state.view === 'list' ? 'List of events' : 'Timeline'}</h2>
            <div className="segmented" role="group" aria-label="View">
              <button type="button" aria-pressed={state.view === 'timeline'} onClick={() => update({ view: 'timeline' }, 'replace')}>
                Timeline
              </button>
              <button type="button" aria-pressed={state.view === 'list'} onClick={() => update({ view: 'list' }, 'replace')}>
                List
              </button>
            </div>
            <ExportMenu query={exportQuery} onPrint={() => setPrintRequest((n) => n + 1)} />
          </div>
          {state.view === 'list' ? (
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
          ) : (
            timeline
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
      <footer className="app-footer">
        Every event links to its sources. Select an event on the timeline — or press → inside it — to read it. The data and the API are
        open: try the <a href="/explorer">API explorer</a>.
      </footer>
    </div>
  );
}
