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

/** The side the record gives a participant listed without one (from the actor's country), when known. */
export type ImpliedSide = (actorSlug: string) => string | undefined;

interface SnapshotParticipant {
  actor: string;
  side?: string;
}

/** Actors whose participant entries leave the side out, so the caller can look their implied sides up. */
export function actorsWithoutSide(...snapshots: Array<Snapshot | null>): string[] {
  const participants = snapshots.flatMap((s) => (Array.isArray(s?.participants) ? (s.participants as SnapshotParticipant[]) : []));
  return [...new Set(participants.filter((p) => !p.side).map((p) => p.actor))];
}

function valueOf(snapshot: Snapshot, field: string, impliedSide: ImpliedSide): unknown {
  const value = snapshot[field];
  // Dataset files may leave a participant's side out (the import takes it from the actor's country); a snapshot
  // written later spells it out. Filled in, an unchanged participant list compares equal.
  if (field === 'participants' && Array.isArray(value))
    return (value as SnapshotParticipant[]).map((p) =>
      p.side ? p : { ...p, ...(impliedSide(p.actor) ? { side: impliedSide(p.actor) } : {}) },
    );
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
export function diffSnapshots(before: Snapshot | null, after: Snapshot, impliedSide: ImpliedSide = () => undefined): FieldChange[] {
  // The implied fields count too, so a first revision lists its default precision and verification.
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before ?? {}), ...Object.keys(IMPLIED)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const next = valueOf(after, field, impliedSide);
    if (!before) {
      if (!isEmpty(next)) changes.push({ field, before: null, after: next });
      continue;
    }
    const previous = valueOf(before, field, impliedSide);
    // Snapshots come from jsonb, so they hold no undefined values and key order inside objects does not matter.
    if (!isDeepStrictEqual(previous, next)) changes.push({ field, before: previous, after: next });
  }
  return changes;
}
