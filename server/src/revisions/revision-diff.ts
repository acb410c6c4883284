// Field-by-field differences between two revision snapshots (the dataset format, server/data/README.md).
import { isDeepStrictEqual } from 'node:util';
import { goldsteinFor } from '@detente/shared';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown>;

/**
 * The value a snapshot means when it leaves a key out. Older snapshots omit defaults (dataset.store.ts
 * `snapshotEvents` strips DAY, CONFIRMED and a tone equal to the CAMEO code's Goldstein value); complete snapshots
 * write them out. Reading both through these makes "left out" and "written out" compare equal, so the diff shows
 * real changes only, whichever kind of snapshot each side is.
 */
const IMPLIED: Record<string, (snapshot: Snapshot) => unknown> = {
  datePrecision: () => 'DAY',
  verification: () => 'CONFIRMED',
  tone: (s) => (typeof s.cameoCode === 'string' ? (goldsteinFor(s.cameoCode) ?? null) : null),
};

/** Lists read as empty when left out. */
const LISTS = new Set(['tags', 'participants', 'citations', 'links', 'measures']);

function valueOf(snapshot: Snapshot, field: string): unknown {
  const value = snapshot[field];
  if (value !== undefined && value !== null) return value;
  if (field in IMPLIED) return IMPLIED[field](snapshot);
  if (LISTS.has(field)) return [];
  return null;
}

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/**
 * What changed from `before` to `after`, in the order of the fields in `after` (then fields only `before` had).
 * With no `before` (an event's first revision) every field that has a value is listed, each with before = null.
 */
export function diffSnapshots(before: Snapshot | null, after: Snapshot): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const next = valueOf(after, field);
    if (!before) {
      if (!isEmpty(next)) changes.push({ field, before: null, after: next });
      continue;
    }
    const previous = valueOf(before, field);
    // Snapshots come from jsonb, so they hold no undefined values and key order inside objects does not matter.
    if (!isDeepStrictEqual(previous, next)) changes.push({ field, before: previous, after: next });
  }
  return changes;
}
