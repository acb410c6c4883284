// Corrections from readers: anyone may suggest one; editors list and resolve them.
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { AppError, ErrorCode } from '../common/errors';
import { PageArgs } from '../common/page-args';
import { connectionTypes } from '../common/pagination';
import { requestScoped } from '../common/request-scoped';
import { EventRef, eventRefs } from '../revisions/revision.resolver';
import type { EventRefRow } from '../revisions/revision-history.service';
import { Revision } from '../revisions/revision.entity';
import { Correction, CorrectionResolution, CorrectionStatus } from './correction.entity';
import type { CorrectionContext } from './correction-limit';
import { CorrectionService, MAX_CORRECTION_LENGTH, MAX_REASON_LENGTH, MIN_CORRECTION_LENGTH } from './correction.service';

export const { Connection: CorrectionConnection } = connectionTypes(
  Correction,
  'Correction',
  'A page of corrections, oldest first, with cursors.',
);

@ArgsType()
class CorrectionsArgs extends PageArgs {
  @Field(() => CorrectionStatus, {
    defaultValue: CorrectionStatus.OPEN,
    description: 'Which corrections: OPEN (the default), FIXED or DECLINED.',
  })
  status: CorrectionStatus;

  @Field(() => ID, { nullable: true, description: "Only corrections to this event (its UUID or slug), e.g. for the event's own panel." })
  @IsOptional()
  @MaxLength(200)
  eventId?: string;
}

type CorrectionRequest = Context & CorrectionContext;

const corrections = (ctx: Context) => requestScoped(ctx, 'corrections', () => new CorrectionService(ctx.dataSource));
const revisionsById = (ctx: Context) =>
  requestScoped(
    ctx,
    'revisionsById',
    () =>
      new DataLoader<string, Revision | null>(async (ids) => {
        const rows = await ctx.dataSource.getRepository(Revision).find({ where: { id: In([...ids]) } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );

@Resolver(() => Correction)
export class CorrectionResolver {
  @Mutation(() => Correction, {
    description:
      'Suggest a correction to an event. No key needed; each client address may send a few per window (CORRECTION_RATE_LIMIT_MAX, by default 5 an hour), then RATE_LIMITED. It is stored for an editor to review and never changes the event by itself.',
  })
  submitCorrection(
    @Arg('eventId', () => ID, { description: "The event's UUID or slug; it must exist and not be deleted." }) eventId: string,
    @Arg('text', {
      description: `What is wrong or missing, ${MIN_CORRECTION_LENGTH} to ${MAX_CORRECTION_LENGTH} characters of plain text.`,
    })
    text: string,
    @Arg('sourceUrl', () => String, { nullable: true, description: 'A page that supports the correction: an http:// or https:// address.' })
    sourceUrl: string | undefined,
    @Ctx() ctx: CorrectionRequest,
  ) {
    const admit = ctx.admitCorrection;
    // Only the HTTP endpoint knows the client's address, which the allowance is counted by.
    if (!admit) throw new AppError(ErrorCode.FORBIDDEN, 'submitCorrection is accepted over HTTP POST /graphql only');
    return corrections(ctx).submit({ eventId, text, sourceUrl }, admit);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Query(() => CorrectionConnection, { description: "Readers' corrections with one status, oldest first. Editors only." })
  corrections(@Args() { status, eventId, ...page }: CorrectionsArgs, @Ctx() ctx: Context) {
    return corrections(ctx).list({ status, eventId }, page);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Correction, {
    description:
      'Resolve an open correction: FIXED with the version of the revision that fixed the event, or DECLINED with a reason. Records who and when; the event is not changed. Editors only.',
  })
  resolveCorrection(
    @Arg('id', () => ID, { description: "The correction's UUID." }) id: string,
    @Arg('resolution', () => CorrectionResolution, { description: 'FIXED or DECLINED.' }) resolution: CorrectionResolution,
    @Arg('revisionVersion', () => Int, {
      nullable: true,
      description: "For FIXED (and only then): the event's version whose revision made the fix (see `Event.revisions`).",
    })
    revisionVersion: number | undefined,
    @Arg('reason', () => String, {
      nullable: true,
      description: `Why, in plain text (at most ${MAX_REASON_LENGTH} characters): required for DECLINED, optional for FIXED.`,
    })
    reason: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes((author) => corrections(ctx).resolve({ id, resolution, revisionVersion, reason }, author));
  }

  @FieldResolver(() => EventRef, { description: 'The event the correction is about, as it stands now (also when deleted since).' })
  async event(@Root() correction: Correction, @Ctx() ctx: Context): Promise<EventRefRow> {
    const event = await eventRefs(ctx).load(correction.eventId);
    // The foreign key cascades, so a correction without its event cannot be read.
    if (!event) throw new Error(`Correction ${correction.id} has no event`);
    return event;
  }

  @FieldResolver(() => Revision, { nullable: true, description: 'For FIXED: the revision that fixed the event.' })
  revision(@Root() correction: Correction, @Ctx() ctx: Context) {
    return correction.revisionId ? revisionsById(ctx).load(correction.revisionId) : null;
  }
}
