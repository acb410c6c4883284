// Mutations on events (editors), the revision log, and the live `eventChanged` subscription.
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyRole, EventKind } from '@detente/shared';
import type { Context } from '../context';
import { Revision } from '../revisions/revision.entity';
import { Agreement, Event, EventRoot, Meeting, MissionAction, Sanction, Statement, TYPE_NAME_BY_KIND } from './event.entity';
import { EVENT_CHANGED, EventChange } from './event-changes';
import type { EventChangePayload } from './event-write.service';
import {
  AgreementInput,
  EventInputBase,
  LinkInput,
  MAX_NOTE_LENGTH,
  MeetingInput,
  MissionActionInput,
  SanctionInput,
  StatementInput,
} from './event-write.inputs';

const noteArg = {
  nullable: true,
  description: `Why the change was made (kept in the revision log, at most ${MAX_NOTE_LENGTH} characters).`,
} as const;
const versionArg = {
  description: 'The version your change is based on; a stale version is refused with CONFLICT and the current version.',
} as const;

type ClassOf<T> = new (...args: never[]) => T;
type EventFields = EventInputBase & Record<string, unknown>;

/**
 * The create and update mutations of one kind (`createStatement`, `updateStatement`, …), which share one shape:
 * type-graphql's resolver-inheritance pattern, an abstract resolver made per kind and extended by a concrete one.
 */
function kindMutations<T extends Event, I extends EventInputBase>(
  kind: EventKind,
  type: ClassOf<T>,
  input: ClassOf<I>,
  what: { created: string; changed: string },
) {
  const name = TYPE_NAME_BY_KIND[kind];
  // Only the concrete resolvers listed in schema.ts are built; this base carries their metadata.
  @Resolver()
  abstract class KindMutations {
    @Authorized(ApiKeyRole.EDITOR)
    @Mutation(() => type, { name: `create${name}`, description: `Record ${what.created}. Editors only.` })
    create(
      @Arg('input', () => input, { description: 'The fields to set.' }) fields: I,
      @Arg('note', () => String, noteArg) note: string | undefined,
      @Ctx() ctx: Context,
    ) {
      return ctx.writes((author) => ctx.eventWrites.create(kind, { ...fields } as EventFields, author, note));
    }

    @Authorized(ApiKeyRole.EDITOR)
    @Mutation(() => type, {
      name: `update${name}`,
      description: `Change ${what.changed}; fields left out keep their values. Editors only.`,
    })
    update(
      @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
      @Arg('version', () => Int, versionArg) version: number,
      @Arg('input', () => input, { description: 'The fields to set.' }) fields: I,
      @Arg('note', () => String, noteArg) note: string | undefined,
      @Ctx() ctx: Context,
    ) {
      return ctx.writes((author) => ctx.eventWrites.update(kind, id, version, { ...fields } as EventFields, author, note));
    }
  }
  return KindMutations;
}

@Resolver()
export class StatementMutations extends kindMutations(EventKind.STATEMENT, Statement, StatementInput, {
  created: 'a statement',
  changed: 'a statement',
}) {}

@Resolver()
export class MeetingMutations extends kindMutations(EventKind.MEETING, Meeting, MeetingInput, {
  created: 'a meeting',
  changed: 'a meeting',
}) {}

@Resolver()
export class SanctionMutations extends kindMutations(EventKind.SANCTION, Sanction, SanctionInput, {
  created: 'a sanctions step',
  changed: 'a sanctions step',
}) {}

@Resolver()
export class MissionActionMutations extends kindMutations(EventKind.MISSION, MissionAction, MissionActionInput, {
  created: 'an action against a diplomatic mission',
  changed: 'a mission action',
}) {}

@Resolver()
export class AgreementMutations extends kindMutations(EventKind.AGREEMENT, Agreement, AgreementInput, {
  created: 'an agreement step or a prisoner exchange',
  changed: 'an agreement',
}) {}

/** Mutations on any kind: delete, restore, revert and links; the revision log; live changes. */
@Resolver(() => Event)
export class EventMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Event, { description: 'Hide an event (soft delete); it stays in the revision log and can be restored. Editors only.' })
  deleteEvent(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.setDeleted(id, version, true, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Event, { description: 'Bring back a deleted event. Editors only.' })
  restoreEvent(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.setDeleted(id, version, false, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Event, { description: 'Restore the state an event had at `toVersion`, as a new version. Editors only.' })
  revertEvent(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('toVersion', () => Int, { description: 'The version whose state to restore (see `revisions`).' }) toVersion: number,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.revert(id, toVersion, version, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Event, {
    description: 'Link a later event to an earlier one (no self-links, no duplicates); returns the later event. Editors only.',
  })
  linkEvents(@Arg('input', () => LinkInput, { description: 'The fields to set.' }) input: LinkInput, @Ctx() ctx: Context) {
    return ctx.writes(async (author) => ctx.eventWrites.setLink(input, true, author));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Event, { description: 'Remove a link; returns the later event. Editors only.' })
  unlinkEvents(@Arg('input', () => LinkInput, { description: 'The fields to set.' }) input: LinkInput, @Ctx() ctx: Context) {
    return ctx.writes(async (author) => ctx.eventWrites.setLink(input, false, author));
  }

  @FieldResolver(() => [Revision], {
    description: 'Every change to this event, oldest first, each with the whole event as it stood after it.',
  })
  revisions(@Root() event: EventRoot, @Ctx() ctx: Context) {
    return ctx.dataSource.getRepository(Revision).find({ where: { eventId: event.id }, order: { version: 'ASC' } });
  }

  @Subscription(() => EventChange, {
    topics: EVENT_CHANGED,
    description: 'Committed changes to events, as they happen (graphql-ws on /graphql). Pass ids to follow only some events.',
    filter: ({ payload, args }: { payload: EventChangePayload; args: { ids?: string[] } }) =>
      !args.ids?.length || args.ids.includes(payload.eventId),
  })
  eventChanged(
    @Root() change: EventChangePayload,
    @Arg('ids', () => [ID], { nullable: true, description: 'Only changes to these events (UUIDs).' }) _ids: string[] | undefined,
  ): EventChange {
    return change;
  }
}
