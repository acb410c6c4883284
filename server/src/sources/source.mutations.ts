// Mutations on sources (editors): add a document, correct one.
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { DateScalar } from '../common/scalars';
import { Source } from './source.entity';

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

@Resolver(() => Source)
export class SourceMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Source, { description: 'Add a source document. Editors only.' })
  createSource(@Arg('input', () => SourceInput, { description: 'The fields to set.' }) input: SourceInput, @Ctx() ctx: Context) {
    return ctx.sources.create(input);
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Source, { description: 'Correct a source; fields left out keep their values. Editors only.' })
  updateSource(
    @Arg('id', () => ID, { description: "The source's UUID." }) id: string,
    @Arg('input', () => SourceInput, { description: 'The fields to set.' }) input: SourceInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.sources.update(id, input);
  }
}
