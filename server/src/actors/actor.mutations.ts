// Mutations on actors and sources (editors): create, correct, and merge duplicate actors.
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { ActorKind, ApiKeyRole } from '@detente/shared';
import type { Context } from '../common/context';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { UUID_PATTERN } from '../common/ids';
import { DateScalar } from '../common/scalars';
import { SLUG_PATTERN } from '../dataset/dataset.validate';
import { RevisionAction } from '../revisions/revision.entity';
import { writeRevisions } from '../revisions/revision.service';
import { Source } from '../sources/source.entity';
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

@InputType({ description: "A source's fields; on update, fields left out keep their values." })
export class SourceInput {
  @Field(() => String, { nullable: true, description: 'http(s) URL. Required to create; unique.' })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true, description: 'Title of the document.' })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  @IsOptional()
  @Length(1, 200)
  publisher?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date.' })
  @IsOptional()
  publishedAt?: string;

  @Field(() => String, { nullable: true, description: 'Language (ISO 639-1).' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code' })
  language?: string;
}

const slugFromName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'actor';

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

@Resolver(() => Actor)
export class ActorMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Actor, { description: 'Add an actor. Editors only.' })
  async createActor(@Arg('input', () => ActorInput, { description: 'The fields to set.' }) input: ActorInput, @Ctx() ctx: Context) {
    await ctx.writes(async () => undefined);
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
    await ctx.writes(async () => undefined);
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
      const changed = await ctx.dataSource.transaction(async (manager) => {
        const find = async (ref: string) => {
          const [row] = await manager.query('SELECT id, slug, merged_into_id FROM actor WHERE id::text = $1 OR slug = $1 FOR UPDATE', [
            ref,
          ]);
          if (!row) throw notFound(`No actor "${ref}"`);
          return row as { id: string; slug: string; merged_into_id: string | null };
        };
        const from = await find(fromId);
        const into = await find(intoId);
        if (from.id === into.id) throw badInput('An actor cannot be merged into itself', 'intoId');
        if (from.merged_into_id) throw new AppError(ErrorCode.CONFLICT, `"${from.slug}" was merged already`);
        if (into.merged_into_id) throw badInput(`"${into.slug}" is itself merged; merge into the actor it redirects to`, 'intoId');
        const touched: Array<{ event_id: string }> = await manager.query(
          `SELECT DISTINCT event_id FROM event_participant WHERE actor_id = $1 UNION SELECT id FROM event WHERE outlet_id = $1`,
          [from.id],
        );
        // Where both already took part in the same role, the duplicate row goes; the rest moves over.
        await manager.query(
          `DELETE FROM event_participant p USING event_participant q
            WHERE p.actor_id = $1 AND q.actor_id = $2 AND q.event_id = p.event_id AND q.role = p.role`,
          [from.id, into.id],
        );
        await manager.query('UPDATE event_participant SET actor_id = $2 WHERE actor_id = $1', [from.id, into.id]);
        await manager.query('UPDATE event SET outlet_id = $2 WHERE outlet_id = $1', [from.id, into.id]);
        await manager.query('UPDATE actor SET merged_into_id = $2, updated_at = now() WHERE id = $1', [from.id, into.id]);
        // TypeORM answers an UPDATE … RETURNING with [rows, count].
        const [versions]: [Array<{ id: string; version: number }>] = touched.length
          ? await manager.query('UPDATE event SET version = version + 1, updated_at = now() WHERE id = ANY($1) RETURNING id, version', [
              touched.map((t) => t.event_id),
            ])
          : [[]];
        await writeRevisions(
          manager,
          versions.map((v) => ({ eventId: v.id, version: v.version })),
          RevisionAction.UPDATE,
          author,
          `actor ${from.slug} merged into ${into.slug}`,
        );
        return into.id;
      });
      return ctx.dataSource.getRepository(Actor).findOneByOrFail({ id: changed });
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Source, { description: 'Add a source document. Editors only.' })
  async createSource(@Arg('input', () => SourceInput, { description: 'The fields to set.' }) input: SourceInput, @Ctx() ctx: Context) {
    await ctx.writes(async () => undefined);
    if (!input.url) throw badInput('url is required to create a source', 'input.url');
    const repo = ctx.dataSource.getRepository(Source);
    try {
      return await repo.save(repo.create(input));
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, `A source with this URL exists already`);
      throw error;
    }
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Source, { description: 'Correct a source; fields left out keep their values. Editors only.' })
  async updateSource(
    @Arg('id', () => ID, { description: "The source's UUID." }) id: string,
    @Arg('input', () => SourceInput, { description: 'The fields to set.' }) input: SourceInput,
    @Ctx() ctx: Context,
  ) {
    await ctx.writes(async () => undefined);
    if (!UUID_PATTERN.test(id)) throw badInput('id must be a source UUID', 'id');
    const repo = ctx.dataSource.getRepository(Source);
    const source = await repo.findOne({ where: { id } });
    if (!source) throw notFound(`No source ${id}`);
    for (const [key, value] of Object.entries(input)) if (value !== undefined) (source as unknown as Record<string, unknown>)[key] = value;
    try {
      return await repo.save(source);
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, `Another source has this URL`);
      throw error;
    }
  }
}
