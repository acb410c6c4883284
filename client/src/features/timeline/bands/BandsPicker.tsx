// The "Bands" menu in the timeline's toolbar: which tenures in office to draw behind the events. Kept tiny, because
// it is in the page's first JavaScript; the bands themselves load with TenureBands.tsx when one is turned on.
import { useEffect, useRef } from 'react';
import { BAND_GROUPS, type BandGroup } from '../../../lib/urlState';
import styles from './BandsPicker.module.css';

const BAND_LABELS: Record<BandGroup, string> = {
  presidents: 'Presidents',
  ambassadors: 'Ambassadors',
  ministers: 'Foreign ministers',
};

export function BandsPicker({ bands, onChange }: { bands: readonly BandGroup[]; onChange: (bands: BandGroup[]) => void }) {
  const toggle = (band: BandGroup, on: boolean) => onChange(BAND_GROUPS.filter((b) => (b === band ? on : bands.includes(b))));
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A press or focus anywhere outside the open menu closes it, as a menu does (a <details> alone stays open).
    const closeOutside = (event: Event) => {
      const details = menu.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, []);
  return (
    <details
      ref={menu}
      className={styles.picker}
      onKeyDown={(event) => {
        // Escape closes the menu and returns to its button, as a menu's Escape does.
        if (event.key !== 'Escape' || !event.currentTarget.open) return;
        event.currentTarget.open = false;
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary title="Shade who held office behind the events">Bands{bands.length > 0 ? ` (${bands.length})` : ''}</summary>
      <fieldset className={styles.menu}>
        <legend>Show who held office</legend>
        {BAND_GROUPS.map((band) => (
          <label key={band}>
            <input type="checkbox" checked={bands.includes(band)} onChange={(event) => toggle(band, event.target.checked)} />
            {BAND_LABELS[band]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
