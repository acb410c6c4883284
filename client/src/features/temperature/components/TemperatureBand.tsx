// The relations-temperature band under the timeline: the smoothed tone of what the US did towards
// Russia and what Russia did towards the US, drawn on the timeline's own time axis (it moves with
// every pan and zoom frame) and read out per bucket on hover or focus.
import { useMemo, useState, type MouseEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatEventDate } from '@detente/shared/dates';
import { ErrorMessage } from '../../../components/ErrorMessage';
import ui from '../../../components/ui.module.css';
import styles from './TemperatureBand.module.css';
import { RELATIONS_TEMPERATURE_QUERY, type TemperaturePoint } from '../api/temperature.queries';
import {
  bucketMiddle,
  hasDirectionalTone,
  parseDay,
  pointAt,
  temperaturePath,
  temperatureRequest,
  TONE_LIMIT,
  xOf,
  yOf,
  type Window,
} from '../utils/temperature';
import type { EventFilter } from '../../../graphql/types';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

export interface TemperatureBandProps {
  window: Window;
  /** Where the timeline's drawing area starts and how wide it is, in the band's own pixels. */
  left: number;
  width: number;
  /** The page's filters: the band shows the tone of the events the timeline shows. */
  filter?: EventFilter;
}

const HEIGHT = 72;

function describeBucket(point: TemperaturePoint, bucket: string): string {
  const label =
    bucket === 'YEAR'
      ? point.start.slice(0, 4)
      : bucket === 'MONTH'
        ? formatEventDate(point.start, 'MONTH')
        : formatEventDate(point.start, 'DAY', point.end !== point.start ? point.end : undefined);
  const side = (name: string, tone: TemperaturePoint['usToRu']) =>
    tone.count === 0
      ? `${name}: no events`
      : `${name}: mean ${formatTone(tone.meanTone)} over ${tone.count} ${tone.count === 1 ? 'event' : 'events'}`;
  return `${label} — ${side('US → Russia', point.usToRu)}; ${side('Russia → US', point.ruToUs)}`;
}

/** One empty list, so the memos below do not recompute on every render before data arrives. */
const NO_POINTS: readonly TemperaturePoint[] = [];

function formatTone(tone: number | null): string {
  if (tone == null) return '–';
  return `${tone > 0 ? '+' : tone < 0 ? '\u2212' : ''}${Math.abs(tone).toFixed(1)}`;
}

export function TemperatureBand({ window, left, width, filter }: TemperatureBandProps) {
  const request = temperatureRequest(window);
  const variables = filter && Object.keys(filter).length ? { ...request, filter } : request;
  const { data, previousData, error, refetch, loading } = useQuery(RELATIONS_TEMPERATURE_QUERY, {
    variables,
    context: SUPERSEDES_PREVIOUS,
  });
  const points = (data ?? previousData)?.relationsTemperature ?? NO_POINTS;
  const [hover, setHover] = useState<TemperaturePoint | null>(null);
  const drawWidth = Math.max(0, width);

  const limit = TONE_LIMIT;
  const us = useMemo(() => temperaturePath(points, 'usToRu', window, drawWidth, HEIGHT, limit), [points, window, drawWidth, limit]);
  const ru = useMemo(() => temperaturePath(points, 'ruToUs', window, drawWidth, HEIGHT, limit), [points, window, drawWidth, limit]);

  const onMove = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHover(pointAt(points, event.clientX - box.left, window, drawWidth));
  };

  const hoverX = hover ? xOf(bucketMiddle(hover), window, drawWidth) : null;
  const bucketWidth = hover
    ? Math.max(
        2,
        xOf(parseDay(hover.end).getTime() + 86_400_000, window, drawWidth) - xOf(parseDay(hover.start).getTime(), window, drawWidth),
      )
    : 0;

  return (
    <section className={styles.band} aria-labelledby="temperature-heading">
      <div className={styles.head}>
        <h2 id="temperature-heading" className={ui.panelHeading}>
          Relations temperature
        </h2>
        <p className={styles.key}>
          <span className={`${styles.swatch} ${styles.swatchUs}`} aria-hidden="true" /> US → Russia
          <span className={`${styles.swatch} ${styles.swatchRu}`} aria-hidden="true" /> Russia → US
          <span className={ui.muted}> · smoothed tone, conflict below the line, cooperation above</span>
        </p>
      </div>
      {error && !data ? (
        <ErrorMessage what="the relations temperature" error={error} onRetry={() => void refetch()} />
      ) : (
        <div className={styles.plot} style={{ marginLeft: left, width: drawWidth || undefined }} aria-busy={loading}>
          <svg
            width={drawWidth}
            height={HEIGHT}
            role="img"
            aria-label="Smoothed tone of US actions towards Russia and Russian actions towards the US over the visible period"
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            data-testid="temperature-band"
          >
            <line className={styles.zero} x1={0} x2={drawWidth} y1={yOf(0, HEIGHT, limit)} y2={yOf(0, HEIGHT, limit)} />

            {hover && hoverX !== null && (
              <rect className={styles.hover} x={hoverX - bucketWidth / 2} y={0} width={bucketWidth} height={HEIGHT} />
            )}
            <path className={`${styles.line} ${styles.lineUs}`} d={us} />
            <path className={`${styles.line} ${styles.lineRu}`} d={ru} />
          </svg>
          {/* The scale sits in the lane-label column, left of the drawing, where no line runs. */}
          <span className={`${styles.tick} ${styles.tickTop}`} aria-hidden="true">
            +{limit}
          </span>
          <span className={`${styles.tick} ${styles.tickBottom}`} style={{ top: HEIGHT }} aria-hidden="true">
            {'\u2212'}
            {limit}
          </span>
          <p className={styles.readout} aria-live="polite" data-testid="temperature-readout">
            {hover
              ? describeBucket(hover, request.bucket)
              : data && !hasDirectionalTone(points, window)
                ? 'No US → Russia or Russia → US events here under these filters: mutual and domestic events have no direction.'
                : 'Point at the band to read a period’s tone.'}
          </p>
        </div>
      )}
    </section>
  );
}
