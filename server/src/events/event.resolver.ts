// Thin resolvers: check, delegate to the services and loaders, return.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ParticipantRole } from '@detente/shared';
import { Actor } from '../actors/actor.entity';
import type { Context } from '../context';
import type { AnswerTextInfo } from '../common/answer-text';
import { notFound } from '../common/errors';
import { loadReferenced } from '../loaders';
import { Citation, Source } from '../sources/source.entity';
import { Event, EventRoot, Statement } from './event.entity';
import { EventCountsArgs, EventsArgs, TemperatureArgs, TimelineArgs } from './event.inputs';
import { BucketCount, TemperaturePoint } from './aggregates';
import { DateRange, EventConnection, EventLink, TimelineWindow } from './event.types';
import { Participant } from './participant.entity';
import { connectionNodes, selectionAt, selectionOf } from './compiled-reads';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, {
    description: 'Events, filtered and ordered, a page at a time (keyset cursors; `first`/`after` forwards, `last`/`before` backwards).',
  })
  async events(@Args() args: EventsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (ctx.compiledReads) return ctx.events.list(args, connectionNodes(info));
    const connection = await ctx.events.list(args);
    // A linked event that is also on the page is not fetched again.
    for (const event of connection.nodes) ctx.loaders.event.prime(event.id, event);
    return connection;
  }

  @Query(() => Event, { nullable: true, description: 'One event by id or slug; null when there is none (or it was deleted).' })
  event(
    @Arg('id', () => ID, { description: "The event's UUID or slug." }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.compiledReads ? ctx.events.findOneCompiled(id, selectionOf(info)) : ctx.events.findOne(id);
  }

  @Query(() => TimelineWindow, {
    description: 'The level-of-detail query behind the page: the most important events of a window, and counts of the rest.',
  })
  async timeline(
    @Args() { from, to, filter, maxItems }: TimelineArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo & AnswerTextInfo,
  ) {
    // The executor asks for the answer as text (answer-text.ts) when the selection allows it.
    const text = ctx.compiledReads && info.answerShape && (await ctx.timeline.timelineText(from, to, filter, maxItems, info.answerShape));
    if (text) return text;
    const nodes = ctx.compiledReads ? selectionAt(selectionOf(info), ['events']) : undefined;
    return ctx.timeline.timeline(from, to, filter, maxItems, undefined, nodes);
  }

  @Query(() => [BucketCount], {
    description: 'How many events start in each day, week, month or year of a range, split by kind (at most 1,000 buckets).',
  })
  eventCounts(
    @Args() { from, to, bucket, filter }: EventCountsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo & AnswerTextInfo,
  ) {
    // The executor asks for the answer as text (answer-text.ts) when the selection allows it.
    return ctx.aggregates.eventCounts(from, to, bucket, filter, ctx.compiledReads ? info.answerShape : undefined);
  }

  @Query(() => [TemperaturePoint], {
    description:
      'The tone of relations per bucket, each way (US→RU, RU→US) and overall: count, summed and mean tone, and an exponentially smoothed line.',
  })
  relationsTemperature(@Args() { from, to, bucket, smoothing, filter }: TemperatureArgs, @Ctx() ctx: Context) {
    return ctx.aggregates.relationsTemperature(from, to, bucket, smoothing, filter);
  }

  @Query(() => DateRange, { description: 'The first and last day the data covers.' })
  async dataRange(@Ctx() ctx: Context) {
    const range = await ctx.events.dataRange();
    if (!range) throw notFound('There are no events yet');
    return range;
  }

  @FieldResolver(() => [Participant], { description: 'Who took part and how, optionally only those in one role.' })
  async participants(
    @Root() event: EventRoot,
    @Arg('role', () => ParticipantRole, { nullable: true, description: 'Only participants in this role.' })
    role: ParticipantRole | undefined,
    @Ctx() ctx: Context,
  ) {
    const all = await ctx.loaders.participants.load(event.id);
    return role ? all.filter((p) => p.role === role) : all;
  }

  @FieldResolver(() => [Citation], { description: 'The sources that support this event; there is always at least one.' })
  citations(@Root() event: EventRoot, @Ctx() ctx: Context) {
    return ctx.loaders.citations.load(event.id);
  }

  @FieldResolver(() => [EventLink], {
    description: 'Typed links to other events, both the ones this event answers (OUTGOING) and the answers to it (INCOMING).',
  })
  links(@Root() event: EventRoot, @Ctx() ctx: Context) {
    return ctx.loaders.links.load(event.id);
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Actor, { nullable: true, description: 'The outlet that carried the statement, e.g. Interfax.' })
  outlet(@Root() statement: Pick<Statement, 'outletId'>, @Ctx() ctx: Context) {
    return statement.outletId ? ctx.loaders.actor.load(statement.outletId) : null;
  }

  @FieldResolver(() => [Actor], { description: 'The speakers (participants in the SPEAKER role).' })
  async speakers(@Root() statement: EventRoot, @Ctx() ctx: Context) {
    const participants = await ctx.loaders.participants.load(statement.id);
    const actors = await ctx.loaders.actor.loadMany(participants.filter((p) => p.role === ParticipantRole.SPEAKER).map((p) => p.actorId));
    return actors.filter((a): a is Actor => a instanceof Actor);
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Actor, { description: 'The actor.' })
  actor(@Root() participant: Participant, @Ctx() ctx: Context) {
    return loadReferenced(ctx.loaders.actor, participant.actorId, 'Actor');
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The cited document.' })
  source(@Root() citation: Citation, @Ctx() ctx: Context) {
    return loadReferenced(ctx.loaders.source, citation.sourceId, 'Source');
  }
}

@Resolver(() => EventLink)
export class EventLinkResolver {
  @FieldResolver(() => Event, { description: 'The event at the other end of the link.' })
  event(@Root() link: EventLink, @Ctx() ctx: Context) {
    return loadReferenced(ctx.loaders.event, link.eventId, 'Event');
  }
}
