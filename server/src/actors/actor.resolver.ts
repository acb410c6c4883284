// Actor queries and the fields that read an actor's events.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ParticipantRole } from '@detente/shared';
import { Actor } from './actor.entity';
import { connectionTypes } from '../common/pagination';
import { PageArgs } from '../common/page-args';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { KindCount } from '../events/aggregates';
import { EventFilter, EventOrder } from '../events/event.inputs';
import { EventConnection } from '../events/event.types';
import { connectionNodes } from '../events/compiled-reads';

export const { Connection: ActorConnection } = connectionTypes(Actor, 'Actor', 'A page of actors, ordered by name, with cursors.');

@ArgsType()
class ActorsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name, alias or title, in any script ("Ryabkov", "Рябков").' })
  @IsOptional()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
class ActorEventsArgs extends PageArgs {
  @Field(() => ParticipantRole, { nullable: true, description: 'Only events in which the actor had this role.' })
  @IsOptional()
  role?: ParticipantRole;

  @Field(() => EventFilter, { nullable: true, description: 'Further conditions on the events.' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;

  @Field(() => EventOrder, { nullable: true, description: 'Order of the events (DATE_ASC by default).' })
  @IsOptional()
  orderBy?: EventOrder;
}

@ObjectType({ description: 'How often an actor appears in one role.' })
class RoleCount {
  @Field(() => ParticipantRole, { description: 'The role.' })
  role: ParticipantRole;

  @Field(() => Int, { description: 'Events in which the actor had that role.' })
  count: number;
}

@ObjectType({ description: 'What an actor took part in, counted.' })
class ActorStats {
  @Field(() => Int, { description: 'Events the actor took part in.' })
  total: number;

  @Field(() => [KindCount], { description: 'Those events by kind, most frequent first.' })
  byKind: KindCount[];

  @Field(() => [RoleCount], { description: 'Participations by role, most frequent first.' })
  byRole: RoleCount[];

  @Field(() => DateScalar, { nullable: true, description: "Start of the actor's first event." })
  firstDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: "End of the actor's last event." })
  lastDate: string | null;
}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: 'People, bodies and outlets, ordered by name; `search` matches names, aliases and titles.' })
  actors(@Args() { search, ...page }: ActorsArgs, @Ctx() ctx: Context) {
    return ctx.actors.list(search, page);
  }

  @Query(() => Actor, {
    nullable: true,
    description: 'One actor by id or slug; null when there is none. A merged actor answers with the actor it was merged into.',
  })
  actor(@Arg('id', () => ID, { description: 'The actor\'s UUID or slug (e.g. "sergei-ryabkov").' }) id: string, @Ctx() ctx: Context) {
    return ctx.actors.findOne(id);
  }

  @FieldResolver(() => EventConnection, { description: 'The events this actor took part in, optionally in one role.' })
  events(
    @Root() actor: Actor,
    @Args() { role, filter, orderBy, ...page }: ActorEventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const args = { ...page, orderBy, filter: { ...filter, actorIds: [actor.id], actorRole: role } };
    return ctx.compiledReads ? ctx.events.list(args, connectionNodes(info)) : ctx.events.list(args);
  }

  @FieldResolver(() => ActorStats, { description: "Counts of this actor's events by kind and role." })
  stats(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.actors.stats(actor.id);
  }
}
