// Inputs of the event mutations, one per kind. Every field is optional so one class serves create and update;
// the service checks what a create requires, with the same rules as the dataset (dataset.validate.ts). The plain
// record fields, and the rule each is checked by, come from event.record.ts through record-fields.ts.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of the
   properties its record decorator adds at run time (record-fields.ts); TypeORM and type-graphql fill them in. */
import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LinkType } from '@detente/shared';
import { CitationRecord, COMMON_FIELDS, KIND_FIELDS, LocationRecord, ParticipantRecord, SLUG_PATTERN } from './event.record';
import { RecordInputFields, RecordInputs, RecordNestedInputs } from './record-fields';

export const MAX_PARTICIPANTS = 50;
export const MAX_CITATIONS = 20;
export const MAX_NOTE_LENGTH = 1000;

// The nested inputs take their fields, and each field's check, from the record's own parts (event.record.ts); a
// participant names its actor by UUID or slug as `actorId` where the record has the slug as `actor`.
@InputType({ description: 'Where an event took place.' })
@RecordInputFields(LocationRecord.shape, { required: true })
export class LocationInput {}

@InputType({ description: 'An actor taking part in an event.' })
@RecordInputFields(ParticipantRecord.shape, { required: true, except: ['actor'] })
export class ParticipantInput {
  @Field(() => ID, { description: "The actor's UUID or slug." })
  @Length(1, 120)
  actorId: string;
}

@InputType({ description: 'A source supporting an event; sources are matched by URL and created when new.' })
@RecordInputFields(CitationRecord.shape, { required: true })
export class CitationInput {}

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
export interface LocationInput extends RecordNestedInputs<typeof LocationRecord> {}
export interface ParticipantInput extends RecordNestedInputs<typeof ParticipantRecord, 'actor'> {}
export interface CitationInput extends RecordNestedInputs<typeof CitationRecord> {}
export interface EventInputBase extends RecordInputs<typeof COMMON_FIELDS> {}
export interface StatementInput extends RecordInputs<typeof KIND_FIELDS.STATEMENT> {}
export interface MeetingInput extends RecordInputs<typeof KIND_FIELDS.MEETING> {}
export interface SanctionInput extends RecordInputs<typeof KIND_FIELDS.SANCTION> {}
export interface MissionActionInput extends RecordInputs<typeof KIND_FIELDS.MISSION> {}
export interface AgreementInput extends RecordInputs<typeof KIND_FIELDS.AGREEMENT> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
