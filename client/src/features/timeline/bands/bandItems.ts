// Tenures in office as vis-timeline background items: one band per tenure, labelled with the holder and office.
// Pure, so the mapping is unit-tested; TenureBands.tsx fetches the tenures and hands the bands to the timeline.
import type { BandGroup } from '../../../lib/urlState';
import type { TenureBandsQuery } from '../../../graphql/types';

type Tenure = TenureBandsQuery['tenures'][number];
export type Office = Tenure['office'];

export interface BandItem {
  id: string;
  type: 'background';
  start: Date;
  end: Date;
  /** The label drawn in the band, as text (never parsed as HTML). */
  content: string;
  /** The office and dates, on hover. */
  title: string;
  className: string;
  /** Which row of the label strip over the timeline names it: one row per office, the US one first. */
  row: number;
  side: 'us' | 'ru';
}

export const OFFICES_BY_BAND: Record<BandGroup, readonly Office[]> = {
  presidents: ['US_PRESIDENT', 'RU_PRESIDENT'],
  ambassadors: ['US_AMBASSADOR_TO_RUSSIA', 'RU_AMBASSADOR_TO_US'],
  ministers: ['US_SECRETARY_OF_STATE', 'RU_FOREIGN_MINISTER'],
};

const OFFICE_NAMES: Record<Office, string> = {
  US_PRESIDENT: 'U.S. President',
  RU_PRESIDENT: 'President of Russia',
  US_AMBASSADOR_TO_RUSSIA: 'U.S. Ambassador to Russia',
  RU_AMBASSADOR_TO_US: 'Russian Ambassador to the U.S.',
  US_SECRETARY_OF_STATE: 'U.S. Secretary of State',
  RU_FOREIGN_MINISTER: 'Russian Foreign Minister',
};

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
/** A calendar day at local midnight, as the events' items are placed (toTimelineItems). */
const localDay = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
};

export const officesOf = (bands: readonly BandGroup[]): Office[] => bands.flatMap((band) => OFFICES_BY_BAND[band]);

/**
 * One band per tenure of the chosen groups. Each office has its own row for its labels (the US one first), and
 * consecutive holders of one office alternate shades so the change of holder shows. A tenure still running ends
 * at `openEnd` (the data's last day, or today).
 */
export function toBandItems(tenures: readonly Tenure[], bands: readonly BandGroup[], openEnd: Date): BandItem[] {
  const offices = officesOf(bands);
  const seen = new Map<Office, number>();
  return [...tenures]
    .filter((tenure) => offices.includes(tenure.office))
    .sort((a, b) => offices.indexOf(a.office) - offices.indexOf(b.office) || a.startDate.localeCompare(b.startDate))
    .map((tenure) => {
      const nth = seen.get(tenure.office) ?? 0;
      const row = offices.indexOf(tenure.office);
      seen.set(tenure.office, nth + 1);
      const start = localDay(tenure.startDate);
      const end = tenure.endDate ? localDay(tenure.endDate) : new Date(Math.max(openEnd.getTime(), start.getTime() + 86_400_000));
      const side: BandItem['side'] = tenure.office.startsWith('US_') ? 'us' : 'ru';
      const until = tenure.endDate ? dayFormat.format(end) : 'in office';
      return {
        id: `band:${tenure.id}`,
        type: 'background' as const,
        start,
        end,
        content: `${tenure.actor.name} · ${OFFICE_NAMES[tenure.office]}`,
        title: `${OFFICE_NAMES[tenure.office]}: ${tenure.actor.name}, ${dayFormat.format(start)} – ${until}`,
        className: `band-item band-item--${side} band-item--row${row}${nth % 2 ? ' band-item--alt' : ''}`,
        row,
        side,
      } satisfies BandItem;
    });
}

/** Where a band's label is drawn in the strip over the timeline: pixels from the timeline's left edge. */
export interface BandLabelBox {
  id: string;
  row: number;
  side: BandItem['side'];
  text: string;
  title: string;
  left: number;
  width: number;
}

/**
 * The labels of the bands in view, each over the part of its band that is on screen (so a tenure that began before
 * the window is still named at the window's left edge). `layout` is the timeline's drawing area, as it pans.
 */
export function bandLabelBoxes(
  bands: readonly BandItem[],
  window: { start: Date; end: Date },
  layout: { left: number; width: number },
): BandLabelBox[] {
  const from = window.start.getTime();
  const span = window.end.getTime() - from;
  if (!(span > 0) || !(layout.width > 0)) return [];
  const x = (time: number) => layout.left + ((time - from) / span) * layout.width;
  return bands.flatMap((band) => {
    const left = x(Math.max(band.start.getTime(), from));
    const right = x(Math.min(band.end.getTime(), window.end.getTime()));
    if (right - left < 1) return [];
    return [{ id: band.id, row: band.row, side: band.side, text: band.content, title: band.title, left, width: right - left }];
  });
}
