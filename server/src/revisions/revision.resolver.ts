// The revision log as readers and the desk see it: recent changes across the record, each revision's field-by-field
// diff from the one before, and the event a change is about (deleted or not).
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { EventKind } from '@detente/shared';
import type { Context } from '../context';
import { PageArgs } from '../common/page-args';
import { connectionTypes } from '../common/pagination';
import { requestScoped } from '../common/request-scoped';
import { DateScalar } from '../common/scalars';
import { actorsWithoutSide, diffSnapshots } from './revision-diff';
import { Revision, RevisionAction } from './revision.entity';
import { EventRefRow, RevisionHistoryService } from './revision-history.service';

@ObjectType({ description: 'One field that a revision changed, with its value before and after (JSON, in the dataset format).' })
export class FieldChange {
  @Field({ description: 'The field\'s name in the dataset format, e.g. "title", "datePrecision", "participants".' })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before the change; null when the field had none.' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value after the change; null when the change removed it.' })
  after: unknown;
}

@ObjectType({ description: 'The event a change or correction is about, as it stands now; deleted events are included.' })
export class EventRef {
  @Field(() => ID, { description: "The event's UUID (pass it to `event(id:)` while the event is not deleted)." })
  id: string;

  @Field({ description: 'Human-readable identifier from the dataset.' })
  slug: string;

  @Field(() => EventKind, { description: 'Which kind of event it is.' })
  kind: EventKind;

  @Field({ description: 'Its current headline.' })
  title: string;

  @Field(() => DateScalar, { description: 'Its current first day.' })
  startDate: string;

  @Field(() => Int, { description: 'Its current version.' })
  version: number;

  @Field({ description: 'True when the event is deleted now (it can be restored).' })
  deleted: boolean;
}

export const { Connection: RevisionConnection } = connectionTypes(Revision, 'Revision', 'A page of revisions, newest first, with cursors.');

@ArgsType()
class RecentChangesArgs extends PageArgs {
  @Field(() => [RevisionAction], { nullable: true, description: 'Only these kinds of change, e.g. [DELETE] for what was deleted.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(RevisionAction).length)
  actions?: RevisionAction[];
}

const history = (ctx: Context) => requestScoped(ctx, 'revisionHistory', () => new RevisionHistoryService(ctx.dataSource));
export const eventRefs = (ctx: Context) => requestScoped(ctx, 'eventRefs', () => history(ctx).eventRefLoader());
const impliedSides = (ctx: Context) => requestScoped(ctx, 'impliedSides', () => history(ctx).impliedSideLoader());
const previousSnapshots = (ctx: Context) => requestScoped(ctx, 'previousSnapshots', () => history(ctx).previousSnapshotLoader());

@Resolver(() => Revision)
export class RevisionHistoryResolver {
  @Query(() => RevisionConnection, {
    description:
      "The latest changes across the whole record, newest first: who (the key's name), when, what, the note and the event, deleted events included. Public.",
  })
  recentChanges(@Args() { actions, ...page }: RecentChangesArgs, @Ctx() ctx: Context) {
    return history(ctx).recent(actions, page);
  }

  @FieldResolver(() => [FieldChange], {
    description:
      "What this revision changed, field by field, against the revision before it; an event's first revision lists every field it set. Deleting and restoring show in `action`.",
  })
  async changes(@Root() revision: Revision, @Ctx() ctx: Context): Promise<FieldChange[]> {
    const after = revision.snapshot as Record<string, unknown>;
    const before = await previousSnapshots(ctx).load({ eventId: revision.eventId, version: revision.version });
    const slugs = actorsWithoutSide(before, after);
    const sides = await impliedSides(ctx).loadMany(slugs);
    const sideBySlug = new Map(slugs.map((slug, i) => [slug, sides[i]]));
    return diffSnapshots(before, after, (slug) => {
      const side = sideBySlug.get(slug);
      return typeof side === 'string' ? side : undefined;
    });
  }

  @FieldResolver(() => EventRef, { description: 'The event this revision belongs to, as it stands now (deleted events too).' })
  async event(@Root() revision: Revision, @Ctx() ctx: Context): Promise<EventRefRow> {
    const event = await eventRefs(ctx).load(revision.eventId);
    // The foreign key cascades, so a revision without its event cannot be read.
    if (!event) throw new Error(`Revision ${revision.id} has no event`);
    return event;
  }
}
