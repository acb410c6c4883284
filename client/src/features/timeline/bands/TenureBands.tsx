// Fetches the tenures of the chosen offices and hands them to the timeline as background bands. Loaded only
// when a band is turned on (TimelineView lazy-loads it), so the page's first JavaScript stays within its budget.
import { useEffect, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import type { BandGroup } from '../../../lib/urlState';
import { officesOf, toBandItems, type BandItem } from './bandItems';
import { TENURE_BANDS_QUERY } from './tenures.queries';
import './tenureBands.css';

export interface TenureBandsProps {
  bands: readonly BandGroup[];
  setBands: (bands: readonly BandItem[]) => void;
  /** Where a tenure still running is drawn to: the data's last day. */
  openEnd: Date;
}

export default function TenureBands({ bands, setBands, openEnd }: TenureBandsProps) {
  const { data, error } = useQuery(TENURE_BANDS_QUERY, { variables: { offices: officesOf(bands) } });
  const items = useMemo(() => (data ? toBandItems(data.tenures, bands, openEnd) : []), [data, bands, openEnd]);
  useEffect(() => setBands(items), [items, setBands]);
  useEffect(() => () => setBands([]), [setBands]);
  return error ? (
    <p className="band-error" role="status">
      The bands of who held office could not be loaded.
    </p>
  ) : null;
}
