// How each kind of event appears on the page: its lane, its glyph, its order.
import { EventKind } from '@detente/shared/enums';

export interface KindAppearance {
  /** Lane label, plural. */
  lane: string;
  /** Singular label for the detail panel. */
  label: string;
  /** A text glyph (not an image, not HTML) shown before the title. */
  icon: string;
}

export const KIND_APPEARANCE: Record<EventKind, KindAppearance> = {
  [EventKind.STATEMENT]: { lane: 'Statements', label: 'Statement', icon: '\u275D' }, // ❝
  [EventKind.MEETING]: { lane: 'Meetings', label: 'Meeting', icon: '\u21C4' }, // ⇄
  [EventKind.SANCTION]: { lane: 'Sanctions', label: 'Sanction', icon: '\u2298' }, // ⊘
  [EventKind.MISSION]: { lane: 'Mission actions', label: 'Mission action', icon: '\u2302' }, // ⌂
  [EventKind.AGREEMENT]: { lane: 'Agreements', label: 'Agreement', icon: '\u00A7' }, // §
};

/** Lanes from top to bottom. */
export const KIND_ORDER: readonly EventKind[] = [
  EventKind.STATEMENT,
  EventKind.MEETING,
  EventKind.SANCTION,
  EventKind.MISSION,
  EventKind.AGREEMENT,
];

export function kindAppearance(kind: string): KindAppearance {
  return KIND_APPEARANCE[kind as EventKind] ?? { lane: kind, label: kind, icon: '\u2022' };
}
