// The `tenures` query and `Actor.tenures`: who held which office when, for the timeline's background bands.
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Office } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { Actor } from './actor.entity';
import { ActorTenure } from './tenure.entity';
import { TenureService } from './tenure.service';

const OFFICE_COUNT = Object.keys(Office).length;

@Resolver(() => ActorTenure)
export class TenureResolver {
  @Query(() => [ActorTenure], {
    description:
      'Tenures in the given offices (all when omitted) that overlap the range from–to (either end open), ordered by office and start.',
  })
  tenures(
    @Arg('offices', () => [Office], { nullable: true, description: 'Only these offices.' }) offices: Office[] | undefined,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only tenures still running on or after this day.' })
    from: string | undefined,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only tenures begun on or before this day.' }) to: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return new TenureService(ctx.dataSource).list({ offices: offices?.slice(0, OFFICE_COUNT), from, to });
  }

  @FieldResolver(() => Actor, { description: 'Who held the office.' })
  actor(@Root() tenure: ActorTenure, @Ctx() ctx: Context) {
    return tenure.actor ?? ctx.loaders.actor.load(tenure.actorId);
  }
}

@Resolver(() => Actor)
export class ActorTenureResolver {
  @FieldResolver(() => [ActorTenure], { description: 'Offices this actor held, earliest first (from the dataset).' })
  tenures(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.loaders.tenures.load(actor.id);
  }
}
