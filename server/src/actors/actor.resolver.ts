import { Arg, Args, ArgsType, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Ctx } from 'type-graphql';
import { Actor } from './actor.entity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, connectionTypes } from '../common/pagination';
import type { Context } from '../common/context';

export const { Connection: ActorConnection } = connectionTypes(Actor, 'Actor', 'A page of actors, ordered by name, with cursors.');

@ArgsType()
class ActorsArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or alias, in any script ("Ryabkov", "Рябков").' })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'Return the actors after this cursor.' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: 'People, bodies and outlets, ordered by name; `search` matches names and aliases.' })
  actors(@Args() { search, first, after }: ActorsArgs, @Ctx() ctx: Context) {
    return ctx.actors.list(search, first, after);
  }

  @Query(() => Actor, { nullable: true, description: 'One actor by id or slug; null when there is none.' })
  actor(@Arg('id', () => ID, { description: 'The actor\'s UUID or slug (e.g. "sergei-ryabkov").' }) id: string, @Ctx() ctx: Context) {
    return ctx.actors.findOne(id);
  }
}
