// Every write to an event: validated with the dataset's rules, guarded by its version, recorded as a revision,
// in one transaction, and announced to subscribers once committed.
import { DataSource, EntityManager } from 'typeorm';
import { EventKind, LinkType } from '@detente/shared';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { UUID_PATTERN } from '../common/ids';
import { slugify } from '../common/slug';
import type { DatasetActor, DatasetProblem } from '../dataset/dataset.types';
import { validateDataset } from '../dataset/dataset.validate';
import { RevisionAction } from '../revisions/revision.entity';
import { writeRevisions } from '../revisions/revision.service';
import { Event } from './event.entity';
import { EventRecord, fullRecord } from './event.record';
import { insertEvents, replaceEventRow, snapshotEvents, writeRelations } from './event.repository';
import { EventInputBase, LinkInput, MAX_NOTE_LENGTH } from './event-write.inputs';

export enum EventChangeType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  RESTORED = 'RESTORED',
}

export interface EventChangePayload {
  type: EventChangeType;
  eventId: string;
  version: number;
  author: string;
}

export type PublishChange = (change: EventChangePayload) => void;

interface Current {
  id: string;
  slug: string;
  kind: EventKind;
  version: number;
  deleted: boolean;
}

const INPUT_FILE = 'input';
function problemsError(problems: DatasetProblem[]): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid event: ${problems.map((p) => p.message).join('; ')}`, {
    problems: problems.map((p) => p.message),
  });
}

/** The slug of a new event: its date, then words of its title. */
const eventSlug = (date: string, title: string) => `${date}-${slugify(title, 60) || 'event'}`;

export class EventWriteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publish: PublishChange,
  ) {}

  private async current(manager: EntityManager, idOrSlug: string): Promise<Current> {
    const column = UUID_PATTERN.test(idOrSlug) ? 'id' : 'slug';
    const [row] = await manager.query(`SELECT id, slug, kind, version, deleted_at IS NOT NULL AS deleted FROM event WHERE ${column} = $1`, [
      idOrSlug,
    ]);
    if (!row) throw notFound(`No event "${idOrSlug}"`);
    return row;
  }

  private assertVersion(current: Current, version: number): void {
    if (current.version !== version) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `The event changed since version ${version}: it is at version ${current.version}. Reload it and apply your change again.`,
        {
          currentVersion: current.version,
        },
      );
    }
  }

  /** Maps actor UUIDs or slugs to slugs, and returns the minimal actor records the validator needs. */
  private async resolveActors(
    manager: EntityManager,
    refs: string[],
  ): Promise<{ slugOf: Map<string, string>; actors: DatasetActor[]; idBySlug: Map<string, string> }> {
    const unique = [...new Set(refs)];
    const rows: Array<{ id: string; slug: string; name: string; kind: string; country: string | null; merged_into_id: string | null }> =
      unique.length
        ? await manager.query(
            `SELECT a.id, a.slug, a.name, a.kind, a.country, a.merged_into_id FROM actor a WHERE a.slug = ANY($1) OR a.id::text = ANY($1)`,
            [unique],
          )
        : [];
    const slugOf = new Map<string, string>();
    for (const r of rows) {
      slugOf.set(r.id, r.slug);
      slugOf.set(r.slug, r.slug);
    }
    const actors = rows.map((r) => ({ id: r.slug, name: r.name, kind: r.kind, country: r.country ?? undefined }));
    return { slugOf, actors, idBySlug: new Map(rows.map((r) => [r.slug, r.id])) };
  }

  /** The full record after applying `input` to `base` (or to nothing, for a create), validated as a dataset record. */
  private async merged(
    manager: EntityManager,
    kind: EventKind,
    slug: string,
    base: EventRecord | undefined,
    input: EventInputBase & Record<string, unknown>,
  ): Promise<{ record: EventRecord; actorIdBySlug: Map<string, string> }> {
    const participantRefs = (input.participants ?? []).map((p) => p.actorId);
    const outletRef = typeof input.outletId === 'string' ? input.outletId : undefined;
    const baseRefs = [...(base?.participants ?? []).map((p) => p.actor), ...(base?.outlet ? [base.outlet] : [])];
    const { slugOf, actors, idBySlug } = await this.resolveActors(manager, [
      ...participantRefs,
      ...(outletRef ? [outletRef] : []),
      ...baseRefs,
    ]);

    const record: Record<string, unknown> = { ...(base ?? {}), id: slug, kind };
    delete record.links;
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || ['slug', 'participants', 'citations', 'outletId', 'location'].includes(key)) continue;
      record[key] = value === null ? undefined : value;
    }
    if (input.location !== undefined) record.location = input.location ?? undefined;
    if (input.outletId !== undefined) record.outlet = outletRef ? (slugOf.get(outletRef) ?? `unknown:${outletRef}`) : undefined;
    if (input.participants) {
      record.participants = input.participants.map((p) => ({
        actor: slugOf.get(p.actorId) ?? `unknown:${p.actorId}`,
        role: p.role,
        ...(p.side ? { side: p.side } : {}),
      }));
    }
    if (input.citations)
      record.citations = input.citations.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null)));
    record.participants ??= [];
    record.citations ??= [];
    record.tags ??= [];
    // A changed CAMEO code brings its own Goldstein tone unless the input overrides it again.
    if (input.cameoCode !== undefined && input.tone === undefined && base?.cameoCode !== input.cameoCode) {
      delete record.tone;
      delete record.toneNote;
    }
    for (const [key, value] of Object.entries(record)) if (value === undefined) delete record[key];
    return { record: this.checked(record, actors), actorIdBySlug: idBySlug };
  }

  /** The full record, defaults filled in, after the dataset's rules; refused with every problem named. */
  private checked(record: Record<string, unknown>, actors: DatasetActor[]): EventRecord {
    const problems = validateDataset({
      actors: actors.map((actor, index) => ({ file: INPUT_FILE, index, record: actor })),
      events: [{ file: INPUT_FILE, index: 0, record: record as never }],
    }).map((p) => ({
      ...p,
      message: p.message
        .replace(/unknown actor "unknown:([^"]*)"/, 'unknown actor "$1"')
        .replace(/unknown actor "unknown:/, 'unknown actor "'),
    }));
    if (problems.length) throw problemsError(problems);
    return fullRecord(record as never);
  }

  private async revise(
    manager: EntityManager,
    eventId: string,
    version: number,
    action: RevisionAction,
    author: string,
    note: string | null | undefined,
  ) {
    // A client may send `note: null` for "no note" (GraphQL allows it): that is no note, not an internal error.
    if (note !== undefined && note !== null && note.length > MAX_NOTE_LENGTH)
      throw badInput(`note must be at most ${MAX_NOTE_LENGTH} characters`, 'note');
    await writeRevisions(manager, [{ eventId, version }], action, author, note ?? null);
  }

  private async load(id: string): Promise<Event> {
    const event = await this.dataSource.getRepository(Event).findOne({ where: { id }, withDeleted: true });
    if (!event) throw notFound(`No event ${id}`);
    return event;
  }

  async create(kind: EventKind, input: EventInputBase & Record<string, unknown>, author: string, note?: string): Promise<Event> {
    if (!input.title || !input.startDate)
      throw badInput('title and startDate are required to create an event', !input.title ? 'input.title' : 'input.startDate');
    const id = await this.dataSource.transaction(async (manager) => {
      let slug = input.slug ?? eventSlug(input.startDate!, input.title!);
      if (input.slug) {
        const [taken] = await manager.query('SELECT 1 FROM event WHERE slug = $1', [slug]);
        if (taken) throw new AppError(ErrorCode.CONFLICT, `An event with slug "${slug}" exists already`);
      } else {
        const taken = new Set(
          (await manager.query('SELECT slug FROM event WHERE slug LIKE $1', [`${slug}%`])).map((r: { slug: string }) => r.slug),
        );
        for (let n = 2; taken.has(slug); n++) slug = `${eventSlug(input.startDate!, input.title!)}-${n}`;
      }
      const { record, actorIdBySlug } = await this.merged(manager, kind, slug, undefined, input);
      const eventId = (await insertEvents(manager, [record], actorIdBySlug)).get(slug)!;
      await writeRelations(manager, [{ eventId, record }], actorIdBySlug);
      await this.revise(manager, eventId, 1, RevisionAction.CREATE, author, note);
      return eventId;
    });
    this.publish({ type: EventChangeType.CREATED, eventId: id, version: 1, author });
    return this.load(id);
  }

  async update(
    kind: EventKind,
    idOrSlug: string,
    version: number,
    input: EventInputBase & Record<string, unknown>,
    author: string,
    note?: string,
  ): Promise<Event> {
    return this.replace(idOrSlug, version, author, note, RevisionAction.UPDATE, kind, async (manager, current) => {
      const [base] = await snapshotEvents(manager, 'e.id = $1', [current.id]);
      if (input.slug && input.slug !== current.slug) throw badInput('slug cannot change once an event exists', 'input.slug');
      const merged = await this.merged(manager, kind, current.slug, base, input);
      return { ...merged, relations: Boolean(input.participants || input.citations) };
    });
  }

  /**
   * Writes a whole new record over an event, as one new version: every column and, when asked, every participant
   * and citation come from the record, so nothing of the version it replaces survives unless the record has it.
   */
  private async replace(
    idOrSlug: string,
    version: number,
    author: string,
    note: string | undefined,
    action: RevisionAction,
    kind: EventKind | undefined,
    build: (
      manager: EntityManager,
      current: Current,
    ) => Promise<{ record: EventRecord; actorIdBySlug: Map<string, string>; relations: boolean }>,
  ): Promise<Event> {
    const { id, newVersion } = await this.dataSource.transaction(async (manager) => {
      const current = await this.current(manager, idOrSlug);
      if (current.deleted)
        throw new AppError(ErrorCode.CONFLICT, `Event "${current.slug}" is deleted; restore it first`, { currentVersion: current.version });
      if (kind && current.kind !== kind) throw badInput(`Event "${current.slug}" is a ${current.kind}, not a ${kind}`, 'id');
      this.assertVersion(current, version);
      const { record, actorIdBySlug, relations } = await build(manager, current);
      const newVersion = await replaceEventRow(manager, current.id, version, record, actorIdBySlug);
      // Another writer committed between our read and our write: its change stands, ours is refused.
      if (newVersion === undefined) {
        const now = await this.current(manager, current.id);
        throw new AppError(
          ErrorCode.CONFLICT,
          `The event changed since version ${version}: it is at version ${now.version}. Reload it and apply your change again.`,
          { currentVersion: now.version },
        );
      }
      if (relations) await writeRelations(manager, [{ eventId: current.id, record }], actorIdBySlug);
      await this.revise(manager, current.id, newVersion, action, author, note);
      return { id: current.id, newVersion };
    });
    this.publish({ type: EventChangeType.UPDATED, eventId: id, version: newVersion, author });
    return this.load(id);
  }

  /** Soft delete (deleted: true) or restore (deleted: false); both need the current version. */
  async setDeleted(idOrSlug: string, version: number, deleted: boolean, author: string, note?: string): Promise<Event> {
    const { id, newVersion } = await this.dataSource.transaction(async (manager) => {
      const current = await this.current(manager, idOrSlug);
      if (current.deleted === deleted)
        throw new AppError(ErrorCode.CONFLICT, `Event "${current.slug}" is ${deleted ? 'deleted already' : 'not deleted'}`, {
          currentVersion: current.version,
        });
      this.assertVersion(current, version);
      const rows = await manager.query(
        `UPDATE event SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING version`,
        [current.id, version],
      );
      if (!rows[0]?.length)
        throw new AppError(ErrorCode.CONFLICT, 'The event changed meanwhile; reload it', {
          currentVersion: (await this.current(manager, current.id)).version,
        });
      const newVersion = rows[0][0].version as number;
      await this.revise(manager, current.id, newVersion, deleted ? RevisionAction.DELETE : RevisionAction.RESTORE, author, note);
      return { id: current.id, newVersion };
    });
    this.publish({ type: deleted ? EventChangeType.DELETED : EventChangeType.RESTORED, eventId: id, version: newVersion, author });
    return this.load(id);
  }

  /**
   * Restores the state an event had at `toVersion`, as a new revision; history is never rewritten. The row is
   * replaced from that version's full snapshot (defaults included), not merged into the current one. Links are
   * not part of it: they change through linkEvents and unlinkEvents, each with its own revision.
   */
  async revert(idOrSlug: string, toVersion: number, version: number, author: string, note?: string): Promise<Event> {
    return this.replace(
      idOrSlug,
      version,
      author,
      note ?? `Reverted to version ${toVersion}`,
      RevisionAction.REVERT,
      undefined,
      async (manager, current) => {
        const [revision] = await manager.query('SELECT snapshot FROM revision WHERE event_id = $1 AND version = $2', [
          current.id,
          toVersion,
        ]);
        if (!revision) throw notFound(`Event "${idOrSlug}" has no version ${toVersion}`);
        // Snapshots written before they held every field leave defaults out; fullRecord fills them in.
        const { links: _links, ...snapshot } = revision.snapshot as EventRecord;
        const refs = [...snapshot.participants.map((p) => p.actor), ...(snapshot.outlet ? [snapshot.outlet] : [])];
        const { actors, idBySlug } = await this.resolveActors(manager, refs);
        return { record: this.checked({ ...snapshot, id: current.slug }, actors), actorIdBySlug: idBySlug, relations: true };
      },
    );
  }

  /** Adds or removes a typed link; it changes the later event, which gets a new version and revision. */
  async setLink(link: LinkInput, present: boolean, author: string): Promise<Event> {
    const { id, newVersion } = await this.dataSource.transaction(async (manager) => {
      const from = await this.current(manager, link.fromId);
      const to = await this.current(manager, link.toId);
      if (from.id === to.id) throw badInput('An event cannot link to itself', 'input.toId');
      if (from.deleted || to.deleted) throw new AppError(ErrorCode.CONFLICT, 'Cannot link a deleted event; restore it first');
      if (present) {
        const inserted = await manager.query(
          `INSERT INTO event_link (from_event_id, to_event_id, type) VALUES ($1, $2, $3) ON CONFLICT (from_event_id, to_event_id, type) DO NOTHING RETURNING id`,
          [from.id, to.id, link.type as LinkType],
        );
        if (!inserted.length) throw new AppError(ErrorCode.CONFLICT, `"${from.slug}" already ${link.type} "${to.slug}"`);
      } else {
        const deleted = await manager.query(
          `DELETE FROM event_link WHERE from_event_id = $1 AND to_event_id = $2 AND type = $3 RETURNING id`,
          [from.id, to.id, link.type],
        );
        if (!deleted[0]?.length) throw notFound(`There is no ${link.type} link from "${from.slug}" to "${to.slug}"`);
      }
      const [[{ version }]] = await manager.query(
        'UPDATE event SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
        [from.id],
      );
      await this.revise(
        manager,
        from.id,
        version,
        RevisionAction.UPDATE,
        author,
        `${present ? 'linked' : 'unlinked'}: ${link.type} ${to.slug}`,
      );
      return { id: from.id, newVersion: version as number };
    });
    this.publish({ type: EventChangeType.UPDATED, eventId: id, version: newVersion, author });
    return this.load(id);
  }
}
