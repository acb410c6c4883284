// Fetches the tenures of the chosen offices and hands them to the timeline as background bands. Loaded only
// when a band is turned on (TimelineView lazy-loads it), so the page's first JavaScript stays within its budget.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useQuery } from '@apollo/client/react';
import type { BandGroup } from '../../../lib/urlState';
import { bandLabelBoxes, officesOf, toBandItems, type BandItem } from './bandItems';
import type { LiveWindowStore } from '../hooks/useLiveWindow';
import { TENURE_BANDS_QUERY } from './tenures.queries';
import './tenureBands.css';

export interface TenureBandsProps {
  bands: readonly BandGroup[];
  setBands: (bands: readonly BandItem[]) => void;
  /** Where a tenure still running is drawn to: the data's last day. */
  openEnd: Date;
  /** The timeline's window as it pans, so the labels move with their bands. */
  live: LiveWindowStore;
}

export default function TenureBands({ bands, setBands, openEnd, live }: TenureBandsProps) {
  const { data, error } = useQuery(TENURE_BANDS_QUERY, { variables: { offices: officesOf(bands) } });
  const items = useMemo(() => (data ? toBandItems(data.tenures, bands, openEnd) : []), [data, bands, openEnd]);
  useEffect(() => setBands(items), [items, setBands]);
  useEffect(() => () => setBands([]), [setBands]);
  if (error) {
    return (
      <p className="band-error" role="status">
        The bands of who held office could not be loaded.
      </p>
    );
  }
  return <BandLabels bands={items} rows={officesOf(bands).length} live={live} />;
}

/**
 * The names of who held office, in a strip of their own above the timeline (one row per office), each over the part
 * of its band in view: there they cover no "+N" marker or event, and none covers them.
 */
function BandLabels({ bands, rows, live }: { bands: readonly BandItem[]; rows: number; live: LiveWindowStore }) {
  const current = useSyncExternalStore(live.subscribe, live.get, live.get);
  const boxes = current ? bandLabelBoxes(bands, current.window, current.layout) : [];
  return (
    <div className="band-labels" style={{ height: `calc(${rows} * var(--band-row))` }} data-testid="band-labels">
      {boxes.map((box) => (
        <span
          key={box.id}
          className={`band-label band-label--${box.side}`}
          data-band-id={box.id}
          title={box.title}
          style={{ left: box.left, width: box.width, top: `calc(${box.row} * var(--band-row))` }}
        >
          {box.text}
        </span>
      ))}
    </div>
  );
}
