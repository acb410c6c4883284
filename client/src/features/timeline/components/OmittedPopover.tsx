// What a "+N" marker holds: a short list of the events the level of detail left out of its slice, each one a
// button that opens it, and a zoom into the slice only when asked for. Keyboard first: focus moves in when it
// opens, Escape closes it and hands focus back to the marker.
import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { kindAppearance } from '../../../domain/eventKinds';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import type { EventFilter } from '../../../graphql/types';
import { HIDDEN_IN_SLICE_QUERY } from '../api/timeline.queries';
import { toIsoDay } from '../utils/timeWindow';
import ui from '../../../components/ui.module.css';
import styles from './OmittedPopover.module.css';

/** How many of the hidden events the list names; the rest are a zoom away. */
export const OMITTED_LIST_LENGTH = 8;
/** The API's largest page: the list asks for the drawn events of the slice too, and leaves them out. */
const MAX_ASKED = 100;

export interface OmittedSlice {
  id: string;
  start: Date;
  /** Exclusive: the day after the slice's last. */
  end: Date;
  count: number;
  /** Where the marker is, in the stage's coordinates, to place the list beside it. */
  left: number;
  top: number;
  marker: HTMLElement | null;
}

export interface OmittedPopoverProps {
  slice: OmittedSlice;
  filter: EventFilter;
  /** The events of the slice drawn on the timeline: not hidden, so not listed. */
  drawnIds: ReadonlySet<string>;
  onSelect: (event: TimelineEvent) => void;
  onZoom: (slice: OmittedSlice) => void;
  onClose: () => void;
}

export function OmittedPopover({ slice, filter, drawnIds, onSelect, onZoom, onClose }: OmittedPopoverProps) {
  const from = toIsoDay(slice.start);
  const to = toIsoDay(new Date(slice.end.getTime() - 1));
  const { data, error } = useQuery(HIDDEN_IN_SLICE_QUERY, {
    variables: { filter: { ...filter, from, to }, first: Math.min(MAX_ASKED, drawnIds.size + OMITTED_LIST_LENGTH) },
    context: SUPERSEDES_PREVIOUS,
  });
  const hidden = (data?.events.nodes ?? []).filter((event) => !drawnIds.has(event.id)).slice(0, OMITTED_LIST_LENGTH);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingId = `omitted-${slice.id.replace(/[^\w-]/g, '')}`;

  useEffect(() => {
    rootRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!rootRef.current?.contains(target) && !slice.marker?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [slice, onClose]);

  const close = () => {
    onClose();
    slice.marker?.focus();
  };
  const period = `${formatEventDate(from, 'DAY')} – ${formatEventDate(to, 'DAY')}`;
  const more = slice.count - hidden.length;

  return (
    <div
      ref={rootRef}
      className={styles.popover}
      style={{ left: slice.left, top: slice.top }}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="omitted-list"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className={styles.head}>
        <h3 id={headingId} className={styles.heading}>
          {slice.count} more {slice.count === 1 ? 'event' : 'events'}, {period}
        </h3>
        <button type="button" className={`${ui.button} ${ui.quiet} ${styles.close}`} onClick={close} aria-label="Close the list">
          ×
        </button>
      </div>
      {error ? (
        <p className={ui.muted}>Could not load them: zoom in to see them on the timeline.</p>
      ) : !data ? (
        <p className={ui.muted}>Loading…</p>
      ) : (
        <ul className={styles.list}>
          {hidden.map((event) => (
            <li key={event.id}>
              <button type="button" className={styles.event} onClick={() => onSelect(event)}>
                <span className={styles.icon} aria-hidden="true">
                  {kindAppearance(event.kind).icon}
                </span>
                <span className={styles.title}>{event.title}</span>
                <span className={styles.date}>{formatEventDate(event.startDate, event.datePrecision, event.endDate)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className={styles.foot}>
        {data && more > 0 && <span className={ui.muted}>and {more} more. </span>}
        <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={() => onZoom(slice)}>
          Zoom in to this period
        </button>
      </p>
    </div>
  );
}
