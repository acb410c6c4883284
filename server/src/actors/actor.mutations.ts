// Mutations on actors (editors): create, correct, and merge duplicates.
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { ActorKind, ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { UUID_PATTERN } from '../common/ids';
import { SLUG_PATTERN } from '../dataset/dataset.validate';
import { slugify } from '../common/slug';
import { Actor } from './actor.entity';

@InputType({ description: "An actor's fields; on update, fields left out keep their values." })
export class ActorInput {
  @Field(() => String, { nullable: true, description: 'Human-readable id; made from the name when left out. Fixed once created.' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and dashes' })
  slug?: string;

  @Field(() => String, { nullable: true, description: 'Name as usually written in English. Required to create.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ActorKind, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  kind?: ActorKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "RU"' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Title or office at the time of the events.' })
  @IsOptional()
  @MaxLength(300)
  title?: string;

  @Field(() => [String], { nullable: true, description: 'Other spellings, Cyrillic ones included; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 200, { each: true })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. "Q7747".' })
  @IsOptional()
  @Matches(/^Q\d+$/, { message: 'wikidataId must look like "Q7747"' })
  wikidataId?: string;
}

const slugFromName = (name: string) => slugify(name, 80) || 'actor';

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

@Resolver(() => Actor)
export class ActorMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, { description: 'Add an actor. Editors only.' })
  async createActor(@Arg('input', () => ActorInput, { description: 'The fields to set.' }) input: ActorInput, @Ctx() ctx: Context) {
    if (!input.name || !input.kind)
      throw badInput('name and kind are required to create an actor', !input.name ? 'input.name' : 'input.kind');
    const repo = ctx.dataSource.getRepository(Actor);
    try {
      return await repo.save(repo.create({ ...input, slug: input.slug ?? slugFromName(input.name), aliases: input.aliases ?? [] }));
    } catch (error) {
      if (uniqueViolation(error))
        throw new AppError(ErrorCode.CONFLICT, `An actor with slug "${input.slug ?? slugFromName(input.name)}" exists already`);
      throw error;
    }
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, { description: 'Correct an actor; fields left out keep their values. Editors only.' })
  async updateActor(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('input', () => ActorInput, { description: 'The fields to set.' }) input: ActorInput,
    @Ctx() ctx: Context,
  ) {
    const repo = ctx.dataSource.getRepository(Actor);
    const actor = await repo.findOne({ where: UUID_PATTERN.test(id) ? { id } : { slug: id } });
    if (!actor) throw notFound(`No actor "${id}"`);
    if (input.slug && input.slug !== actor.slug) throw badInput('slug cannot change once an actor exists', 'input.slug');
    for (const [key, value] of Object.entries(input)) if (value !== undefined) (actor as unknown as Record<string, unknown>)[key] = value;
    return repo.save(actor);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, {
    description:
      'Merge a duplicate actor into another: its participations and outlets move over, it redirects to the other from then on, and every event it touched gets a new revision. Editors only.',
  })
  async mergeActors(
    @Arg('fromId', () => ID, { description: 'The duplicate (UUID or slug); it stays as a redirect.' }) fromId: string,
    @Arg('intoId', () => ID, { description: 'The actor to keep (UUID or slug).' }) intoId: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes(async (author) => {
      const changed = await ctx.actors.merge(fromId, intoId, author);
      return ctx.dataSource.getRepository(Actor).findOneByOrFail({ id: changed });
    });
  }
}
