// Mutations on actors (editors): create, correct, and merge duplicates.
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { ActorKind, ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { SLUG_PATTERN } from '../events/event.record';
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

@Resolver(() => Actor)
export class ActorMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, { description: 'Add an actor. Editors only.' })
  createActor(@Arg('input', () => ActorInput, { description: 'The fields to set.' }) input: ActorInput, @Ctx() ctx: Context) {
    return ctx.actors.create(input);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, { description: 'Correct an actor; fields left out keep their values. Editors only.' })
  updateActor(
    @Arg('id', () => ID, { description: 'UUID or slug.' }) id: string,
    @Arg('input', () => ActorInput, { description: 'The fields to set.' }) input: ActorInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.actors.update(id, input);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, {
    description:
      'Merge a duplicate actor into another: its participations and outlets move over, it redirects to the other from then on, and every event it touched gets a new revision. Editors only.',
  })
  mergeActors(
    @Arg('fromId', () => ID, { description: 'The duplicate (UUID or slug); it stays as a redirect.' }) fromId: string,
    @Arg('intoId', () => ID, { description: 'The actor to keep (UUID or slug).' }) intoId: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.writes((author) => ctx.actors.merge(fromId, intoId, author));
  }
}
