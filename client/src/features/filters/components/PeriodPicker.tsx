// Choosing the period by hand: a from–to pair of dates within the data's range, and a shortcut for each year.
import { useEffect, useId, useState } from 'react';
import ui from '../../../components/ui.module.css';
import styles from './FilterPanel.module.css';

export interface PeriodPickerProps {
  dataRange: { from: string; to: string } | null;
  /** The days in view now (first and last), shown in the fields. */
  period: { from: string; to: string } | null;
  onPeriod: (from: string, to: string) => void;
}

export function yearsOf(dataRange: { from: string; to: string } | null): number[] {
  if (!dataRange) return [];
  const first = Number(dataRange.from.slice(0, 4));
  const last = Number(dataRange.to.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}

export function PeriodPicker({ dataRange, period, onPeriod }: PeriodPickerProps) {
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(period?.from ?? '');
  const [to, setTo] = useState(period?.to ?? '');
  // Follow the timeline as it moves (a pan, a preset, Back).
  useEffect(() => {
    setFrom(period?.from ?? '');
    setTo(period?.to ?? '');
  }, [period?.from, period?.to]);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const apply = (nextFrom: string, nextTo: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(nextFrom) && /^\d{4}-\d{2}-\d{2}$/.test(nextTo) && nextFrom <= nextTo) onPeriod(nextFrom, nextTo);
  };
  return (
    <>
      <form
        className={styles.period}
        aria-label="Period from and to"
        onSubmit={(event) => {
          event.preventDefault();
          apply(from, to);
        }}
      >
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="date"
          value={from}
          min={dataRange?.from}
          max={dataRange?.to}
          onChange={(event) => setFrom(event.target.value)}
        />
        <label htmlFor={toId}>To</label>
        <input id={toId} type="date" value={to} min={dataRange?.from} max={dataRange?.to} onChange={(event) => setTo(event.target.value)} />
        <button type="submit" className={ui.button} disabled={!valid}>
          Show
        </button>
      </form>
      <div className={ui.chipRow} role="group" aria-label="Years">
        {yearsOf(dataRange).map((year) => (
          <button
            key={year}
            type="button"
            className={`${ui.chip} ${ui.chipButton}`}
            onClick={() => apply(`${year}-01-01`, `${year}-12-31`)}
          >
            {year}
          </button>
        ))}
      </div>
    </>
  );
}
