// The page: header, the timeline, and the detail panel for the selected event.
import { useCallback, useRef, useState } from 'react';
import { EventDetail } from '../features/event-detail/components/EventDetail';
import type { LinkedEventSummary } from '../features/event-detail/api/event.queries';
import { TimelineView, type TimelineViewHandle } from '../features/timeline/components/TimelineView';
import { eventSpan } from '../features/timeline/utils/toTimelineItems';

export function App() {
  const [selectedEventId, setSelectedEventId] = useState<string | null>(null);
  const timelineRef = useRef<TimelineViewHandle>(null);

  const closeDetail = useCallback(() => setSelectedEventId(null), []);
  const jumpToEvent = useCallback((event: LinkedEventSummary) => {
    setSelectedEventId(event.id);
    const span = eventSpan(event);
    if (span) timelineRef.current?.focusOn(span.start, span.end);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Détente</h1>
        <p className="app-tagline">
          A sourced timeline of US–Russia diplomatic relations: who said what, who met whom, who sanctioned or
          expelled whom, and what answered what.
        </p>
      </header>
      <main className={selectedEventId ? 'app-main app-main--with-detail' : 'app-main'}>
        <section className="app-timeline" aria-label="Timeline">
          <TimelineView ref={timelineRef} selectedEventId={selectedEventId} onSelectEvent={setSelectedEventId} />
        </section>
        {selectedEventId && (
          <EventDetail eventId={selectedEventId} onClose={closeDetail} onSelectEvent={jumpToEvent} />
        )}
      </main>
      <footer className="app-footer">
        Every event links to its sources. Select an event on the timeline to read it.
      </footer>
    </div>
  );
}
