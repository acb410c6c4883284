// Who the caller is: the desk signs in by asking this with the pasted key.
import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { invalidKeyError } from './auth';

registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: 'What a key may do.',
  valuesConfig: {
    EDITOR: { description: 'Create, change, delete, restore and revert events, actors and sources; resolve corrections.' },
    ADMIN: { description: 'Everything an editor may, and import datasets.' },
  },
});

@ObjectType({ description: 'The API key a request was made with: its name and role, never the key itself.' })
export class Viewer {
  @Field({ description: "The key's name, which is also the author recorded on every change made with it." })
  name: string;

  @Field(() => ApiKeyRole, { description: 'EDITOR or ADMIN.' })
  role: ApiKeyRole;
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description:
      'The key this request carries ("Authorization: Bearer <key>"), or null without one. An unknown or revoked key is refused with UNAUTHENTICATED.',
  })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    if (ctx.authorization === undefined) return null;
    const principal = await ctx.principal();
    if (!principal) throw invalidKeyError();
    return { name: principal.name, role: principal.role };
  }
}
