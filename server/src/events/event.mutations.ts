// Mutations on events (editors), the revision log, and the live `eventChanged` subscription.
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyRole, EventKind } from '@detente/shared';
import type { Context } from '../common/context';
import { Revision } from '../revisions/revision.entity';
import { Agreement, Event, Meeting, MissionAction, Sanction, Statement } from './event.entity';
import { EVENT_CHANGED, EventChange } from './event-changes';
import type { EventChangePayload } from './event-write.service';
import {
  AgreementInput,
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

@Resolver(() => Event)
export class EventMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Statement, { description: 'Record a statement. Editors only.' })
  createStatement(
    @Arg('input', () => StatementInput, { description: 'The fields to set.' }) input: StatementInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.create(EventKind.STATEMENT, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Meeting, { description: 'Record a meeting. Editors only.' })
  createMeeting(
    @Arg('input', () => MeetingInput, { description: 'The fields to set.' }) input: MeetingInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.create(EventKind.MEETING, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Sanction, { description: 'Record a sanctions step. Editors only.' })
  createSanction(
    @Arg('input', () => SanctionInput, { description: 'The fields to set.' }) input: SanctionInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.create(EventKind.SANCTION, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MissionAction, { description: 'Record an action against a diplomatic mission. Editors only.' })
  createMissionAction(
    @Arg('input', () => MissionActionInput, { description: 'The fields to set.' }) input: MissionActionInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.create(EventKind.MISSION, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Agreement, { description: 'Record an agreement step or a prisoner exchange. Editors only.' })
  createAgreement(
    @Arg('input', () => AgreementInput, { description: 'The fields to set.' }) input: AgreementInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.create(EventKind.AGREEMENT, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Statement, { description: 'Change a statement; fields left out keep their values. Editors only.' })
  updateStatement(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('input', () => StatementInput, { description: 'The fields to set.' }) input: StatementInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.update(EventKind.STATEMENT, id, version, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Meeting, { description: 'Change a meeting; fields left out keep their values. Editors only.' })
  updateMeeting(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('input', () => MeetingInput, { description: 'The fields to set.' }) input: MeetingInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.update(EventKind.MEETING, id, version, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Sanction, { description: 'Change a sanctions step; fields left out keep their values. Editors only.' })
  updateSanction(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('input', () => SanctionInput, { description: 'The fields to set.' }) input: SanctionInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.update(EventKind.SANCTION, id, version, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MissionAction, { description: 'Change a mission action; fields left out keep their values. Editors only.' })
  updateMissionAction(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('input', () => MissionActionInput, { description: 'The fields to set.' }) input: MissionActionInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.update(EventKind.MISSION, id, version, { ...input }, author, note));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Agreement, { description: 'Change an agreement; fields left out keep their values. Editors only.' })
  updateAgreement(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('version', () => Int, versionArg) version: number,
    @Arg('input', () => AgreementInput, { description: 'The fields to set.' }) input: AgreementInput,
    @Arg('note', () => String, noteArg) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => ctx.eventWrites.update(EventKind.AGREEMENT, id, version, { ...input }, author, note));
  }

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
  revisions(@Root() event: Event, @Ctx() ctx: Context) {
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
