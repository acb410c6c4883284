// Words for the API's codes on the desk's intake screens.
import { formatEventDate } from '@detente/shared/dates';
import type { DatePrecision } from '../../../graphql/types';

/** "DEPUTY_MINISTER" → "Deputy minister". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const KIND_LABELS: Record<string, string> = {
  STATEMENT: 'Statement',
  MEETING: 'Meeting',
  SANCTION: 'Sanction',
  MISSION: 'Mission action',
  AGREEMENT: 'Agreement',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? humanize(kind);

export const eventDate = (startDate: string, precision: DatePrecision, endDate?: string | null): string =>
  formatEventDate(startDate, precision, endDate);

/** Where the timeline opens on one event (its detail panel). */
export const timelineHref = (eventId: string): string => `/?event=${encodeURIComponent(eventId)}`;

const DIRECTION_LABELS: Record<string, string> = {
  US_TO_RU: 'US → Russia',
  RU_TO_US: 'Russia → US',
  MUTUAL: 'Mutual',
  DOMESTIC_US: 'Domestic (US)',
  DOMESTIC_RU: 'Domestic (Russia)',
};

export const directionLabel = (direction: string): string => DIRECTION_LABELS[direction] ?? humanize(direction);
