// Inputs of the event mutations, one per kind. Every field is optional so one class serves create and update;
// the service checks what a create requires, with the same rules as the dataset (dataset.validate.ts).
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  AgreementAction,
  DatePrecision,
  Direction,
  LinkType,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  ParticipantRole,
  QuoteType,
  SanctionAction,
  SanctionMeasure,
  Side,
  StatementMedium,
  Verification,
} from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { MAX_QUOTE_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, SLUG_PATTERN } from '../dataset/dataset.validate';

export const MAX_PARTICIPANTS = 50;
export const MAX_CITATIONS = 20;
export const MAX_TAGS = 20;
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
export class EventInputBase {
  @Field(() => String, {
    nullable: true,
    description: 'Human-readable id; made from the date and title when left out. Fixed once created.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and dashes' })
  slug?: string;

  @Field(() => String, {
    nullable: true,
    description: `Short headline, plain text, at most ${MAX_TITLE_LENGTH} characters. Required to create.`,
  })
  @IsOptional()
  @Length(1, MAX_TITLE_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: `A few sentences, plain text, at most ${MAX_SUMMARY_LENGTH} characters.` })
  @IsOptional()
  @MaxLength(MAX_SUMMARY_LENGTH)
  summary?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day. Required to create.' })
  @IsOptional()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, for spans; not before startDate.' })
  @IsOptional()
  endDate?: string;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY (default), MONTH (startDate on the 1st) or YEAR (on 1 January).' })
  @IsOptional()
  datePrecision?: DatePrecision;

  @Field(() => LocationInput, { nullable: true, description: 'Where it happened.' })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput;

  @Field(() => Direction, { nullable: true, description: 'Who acted towards whom. Required to create.' })
  @IsOptional()
  direction?: Direction;

  @Field(() => String, { nullable: true, description: 'CAMEO event code, e.g. "042". Required to create.' })
  @IsOptional()
  @Matches(/^\d{2,4}$/, { message: 'cameoCode must be 2 to 4 digits' })
  cameoCode?: string;

  @Field(() => Float, { nullable: true, description: 'Override of the Goldstein tone, −10…10; needs toneNote.' })
  @IsOptional()
  @Min(-10)
  @Max(10)
  tone?: number;

  @Field(() => String, { nullable: true, description: 'Why the tone is overridden.' })
  @IsOptional()
  @MaxLength(1000)
  toneNote?: string;

  @Field(() => Int, { nullable: true, description: 'Importance 1–5. Required to create.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  importance?: number;

  @Field(() => [String], { nullable: true, description: 'Lowercase topic tags.' })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @Length(1, 60, { each: true })
  tags?: string[];

  @Field(() => Verification, { nullable: true, description: 'CONFIRMED (default), REPORTED or DISPUTED.' })
  @IsOptional()
  verification?: Verification;

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
export class StatementInput extends EventInputBase {
  @Field(() => StatementMedium, { nullable: true, description: 'How it was said. Required to create.' })
  @IsOptional()
  medium?: StatementMedium;

  @Field(() => String, { nullable: true, description: 'The words, verbatim, in the original language; needs quoteType and quoteLanguage.' })
  @IsOptional()
  @MaxLength(MAX_QUOTE_LENGTH)
  quote?: string;

  @Field(() => String, { nullable: true, description: 'Language of the quote (ISO 639-1).' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'quoteLanguage must be an ISO 639-1 code such as "ru"' })
  quoteLanguage?: string;

  @Field(() => QuoteType, { nullable: true, description: 'DIRECT, INDIRECT or PARAPHRASE.' })
  @IsOptional()
  quoteType?: QuoteType;

  @Field(() => String, {
    nullable: true,
    description: 'When the quote is a translation: the language it was translated from (ISO 639-1), not quoteLanguage; needs a quote.',
  })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'translatedFrom must be an ISO 639-1 code such as "ru"' })
  translatedFrom?: string;

  @Field(() => String, { nullable: true, description: 'Who translated the quote: the outlet or body, plain text; needs translatedFrom.' })
  @IsOptional()
  @Length(1, 200)
  translatedBy?: string;

  @Field(() => ID, { nullable: true, description: "The outlet (an actor's UUID or slug)." })
  @IsOptional()
  @Length(1, 120)
  outletId?: string;
}

@InputType({ description: 'A meeting, call or summit.' })
export class MeetingInput extends EventInputBase {
  @Field(() => MeetingFormat, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  format?: MeetingFormat;

  @Field(() => MeetingLevel, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  level?: MeetingLevel;

  @Field(() => String, { nullable: true, description: 'What came of it.' })
  @IsOptional()
  @MaxLength(MAX_SUMMARY_LENGTH)
  outcome?: string;
}

@InputType({ description: 'Sanctions imposed, changed or lifted.' })
export class SanctionInput extends EventInputBase {
  @Field(() => SanctionAction, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  action?: SanctionAction;

  @Field(() => String, { nullable: true, description: 'Legal basis, e.g. "EO 14024".' })
  @IsOptional()
  @MaxLength(200)
  program?: string;

  @Field(() => [SanctionMeasure], { nullable: true, description: 'Measures involved.' })
  @IsOptional()
  @ArrayMaxSize(20)
  measures?: SanctionMeasure[];
}

@InputType({ description: 'An action against a diplomatic mission or its people.' })
export class MissionActionInput extends EventInputBase {
  @Field(() => MissionActionType, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  action?: MissionActionType;

  @Field(() => String, { nullable: true, description: 'Country that acted (ISO). Required to create.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'actingCountry must be an ISO 3166-1 alpha-2 code' })
  actingCountry?: string;

  @Field(() => String, { nullable: true, description: 'Country whose mission was affected (ISO). Required to create.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'affectedCountry must be an ISO 3166-1 alpha-2 code' })
  affectedCountry?: string;

  @Field(() => String, { nullable: true, description: 'The facility.' })
  @IsOptional()
  @MaxLength(300)
  facility?: string;

  @Field(() => String, { nullable: true, description: 'City of the facility.' })
  @IsOptional()
  @MaxLength(200)
  city?: string;

  @Field(() => Int, { nullable: true, description: 'People affected.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  personnelCount?: number;
}

@InputType({ description: 'A treaty step or a prisoner exchange.' })
export class AgreementInput extends EventInputBase {
  @Field(() => AgreementAction, { nullable: true, description: 'Required to create.' })
  @IsOptional()
  action?: AgreementAction;

  @Field(() => String, { nullable: true, description: 'The instrument, e.g. "New START". Required to create.' })
  @IsOptional()
  @Length(1, 200)
  instrument?: string;
}

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
