// Inputs of the event mutations, one per kind. Every field is optional so one class serves create and update;
// the service checks what a create requires, with the same rules as the dataset (dataset.validate.ts). The plain
// record fields, and the rule each is checked by, come from event.record.ts through record-fields.ts.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of the
   properties its record decorator adds at run time (record-fields.ts); TypeORM and type-graphql fill them in. */
import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LinkType, ParticipantRole, Side } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { COMMON_FIELDS, KIND_FIELDS, SLUG_PATTERN } from './event.record';
import { RecordInputFields, RecordInputs } from './record-fields';

export const MAX_PARTICIPANTS = 50;
export const MAX_CITATIONS = 20;
export const MAX_NOTE_LENGTH = 1000;

@InputType({ description: 'Where an event took place.' })
export class LocationInput {
  @Field({ description: 'Place name.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'location.country must be an ISO 3166-1 alpha-2 code such as "RU"' })
  country?: string;
}

@InputType({ description: 'An actor taking part in an event.' })
export class ParticipantInput {
  @Field(() => ID, { description: "The actor's UUID or slug." })
  @Length(1, 120)
  actorId: string;

  @Field(() => ParticipantRole, { description: "The actor's role in the event." })
  role: ParticipantRole;

  @Field(() => Side, { nullable: true, description: "The side the actor stood for; defaults from the actor's country." })
  @IsOptional()
  side?: Side;
}

@InputType({ description: 'A source supporting an event; sources are matched by URL and created when new.' })
export class CitationInput {
  @Field({ description: 'Where to read the source (http or https).' })
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string;

  @Field({ description: 'Title of the document.' })
  @Length(1, 500)
  title: string;

  @Field({ description: 'Who published it.' })
  @Length(1, 200)
  publisher: string;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date.' })
  @IsOptional()
  publishedAt?: string;

  @Field(() => String, { nullable: true, description: 'Language (ISO 639-1).' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as "en"' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'The passage that supports the event.' })
  @IsOptional()
  @MaxLength(2000)
  excerpt?: string;
}

/** Fields every kind shares. For an update, a field left out keeps its value; lists given replace the old list. */
@InputType('EventInputBase', { description: "Fields every kind of event shares (each kind's input repeats them)." })
@RecordInputFields(COMMON_FIELDS)
export class EventInputBase {
  @Field(() => String, {
    nullable: true,
    description: 'Human-readable id; made from the date and title when left out. Fixed once created.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and dashes' })
  slug?: string;

  @Field(() => LocationInput, { nullable: true, description: 'Where it happened.' })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part; replaces the whole list on update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ValidateNested({ each: true })
  participants?: ParticipantInput[];

  @Field(() => [CitationInput], { nullable: true, description: 'Sources, at least one; replaces the whole list on update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations?: CitationInput[];
}

@InputType({ description: 'A statement: who said what.' })
@RecordInputFields(KIND_FIELDS.STATEMENT)
export class StatementInput extends EventInputBase {
  @Field(() => ID, { nullable: true, description: "The outlet (an actor's UUID or slug)." })
  @IsOptional()
  @Length(1, 120)
  outletId?: string;
}

@InputType({ description: 'A meeting, call or summit.' })
@RecordInputFields(KIND_FIELDS.MEETING)
export class MeetingInput extends EventInputBase {}

@InputType({ description: 'Sanctions imposed, changed or lifted.' })
@RecordInputFields(KIND_FIELDS.SANCTION)
export class SanctionInput extends EventInputBase {}

@InputType({ description: 'An action against a diplomatic mission or its people.' })
@RecordInputFields(KIND_FIELDS.MISSION)
export class MissionActionInput extends EventInputBase {}

@InputType({ description: 'A treaty step or a prisoner exchange.' })
@RecordInputFields(KIND_FIELDS.AGREEMENT)
export class AgreementInput extends EventInputBase {}

@InputType({ description: 'A typed link from a later event to an earlier one.' })
export class LinkInput {
  @Field(() => ID, { description: 'The event that responds, retaliates, follows up, is part of, or reverses (UUID or slug).' })
  @Length(1, 120)
  fromId: string;

  @Field(() => ID, { description: 'The event it points at (UUID or slug).' })
  @Length(1, 120)
  toId: string;

  @Field(() => LinkType, { description: 'The kind of link.' })
  @IsIn(Object.values(LinkType))
  type: LinkType;
}

// The plain fields' TypeScript properties, merged into the classes the decorators above give them to.
/* eslint-disable @typescript-eslint/no-empty-object-type -- each interface only names the record shape it merges. */
export interface EventInputBase extends RecordInputs<typeof COMMON_FIELDS> {}
export interface StatementInput extends RecordInputs<typeof KIND_FIELDS.STATEMENT> {}
export interface MeetingInput extends RecordInputs<typeof KIND_FIELDS.MEETING> {}
export interface SanctionInput extends RecordInputs<typeof KIND_FIELDS.SANCTION> {}
export interface MissionActionInput extends RecordInputs<typeof KIND_FIELDS.MISSION> {}
export interface AgreementInput extends RecordInputs<typeof KIND_FIELDS.AGREEMENT> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
