// GraphQL shapes of article intake: the article sent in, and the drafts that come back for an editor to review.
import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { DatePrecision, Direction, EventKind, ParticipantRole, Side } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { Actor } from '../actors/actor.entity';
import { Event } from '../events/event.entity';
import { Source } from '../sources/source.entity';

/** The longest article accepted, in characters, whether sent as text or as HTML. */
export const MAX_ARTICLE_LENGTH = 100_000;
/** Room in a request body for the longest article: JSON may escape every character as \uXXXX, plus the query. */
export const MAX_ARTICLE_BODY_BYTES = MAX_ARTICLE_LENGTH * 6 + 64 * 1024;
export const MAX_URL_LENGTH = 2_000;
export const MAX_TITLE_LENGTH = 500;
export const MAX_PUBLISHER_LENGTH = 200;

@InputType({ description: 'A news article to draft events from: exactly one of `text` or `html`, and its publication date.' })
export class ArticleInput {
  @Field(() => String, {
    nullable: true,
    description: `The article as plain text (at most ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters).`,
  })
  @IsOptional()
  @MaxLength(MAX_ARTICLE_LENGTH)
  text?: string;

  @Field(() => String, {
    nullable: true,
    description: `The article's page as HTML (at most ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters); it is reduced to the article's text with Mozilla Readability.`,
  })
  @IsOptional()
  @MaxLength(MAX_ARTICLE_LENGTH)
  html?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the article was published; a stored source with this URL is returned as `source.existing`.',
  })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  url?: string;

  @Field(() => String, { nullable: true, description: "The article's headline." })
  @IsOptional()
  @MaxLength(MAX_TITLE_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Who published it, e.g. "The Hill", "Interfax".' })
  @IsOptional()
  @MaxLength(MAX_PUBLISHER_LENGTH)
  publisher?: string;

  @Field(() => DateScalar, {
    description: 'The day the article was published: "on Tuesday", "last week" and dates without a year are resolved against it.',
  })
  publishedAt: string;
}

@ObjectType({ description: 'The article as a source the drafts would cite.' })
export class SourceDraft {
  @Field(() => String, { nullable: true, description: 'The URL given.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The title given.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher given.' })
  publisher: string | null;

  @Field(() => DateScalar, { description: 'The publication date given.' })
  publishedAt: string;

  @Field(() => Source, { nullable: true, description: 'The stored source with the same URL, when the record already cites it.' })
  existing: Source | null;
}

@ObjectType({ description: 'Someone a draft names: matched to an actor of the record, or only a name the record does not know.' })
export class DraftParticipant {
  @Field({ description: 'The name as the article writes it.' })
  name: string;

  @Field(() => Actor, {
    nullable: true,
    description: 'The actor of the record the name matched (by name, surname or alias); null for someone new.',
  })
  actor: Actor | null;

  @Field(() => ParticipantRole, { description: 'The role the sentence gives them (speaker, participant, authority, target, …).' })
  role: ParticipantRole;

  @Field(() => Side, { nullable: true, description: "The side they stood for, from the actor's country or the words around the name." })
  side: Side | null;
}

@ObjectType({ description: 'An event the article seems to report, drafted for an editor to check; nothing is stored.' })
export class EventDraft {
  @Field(() => EventKind, { description: 'Which kind of event, from the verbs of the evidence.' })
  kind: EventKind;

  @Field(() => DateScalar, { description: 'First day (for MONTH and YEAR precision the first day of the period).' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day when the date is a span; "last week" gives Monday to Sunday of that week.',
  })
  endDate: string | null;

  @Field(() => DatePrecision, { description: 'How precisely the article dates it.' })
  datePrecision: DatePrecision;

  @Field({ description: 'A suggested headline, built from the draft (edit it before creating).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'A suggested summary; null, since summaries are the editor’s own words.' })
  summary: string | null;

  @Field(() => Direction, { nullable: true, description: 'Who acted towards whom, from the sides of the participants.' })
  direction: Direction | null;

  @Field(() => String, { nullable: true, description: 'CAMEO event code suggested by the verbs, e.g. "041" for a phone call.' })
  cameoCode: string | null;

  @Field(() => Float, { nullable: true, description: "The CAMEO code's Goldstein value (−10 conflict … +10 cooperation)." })
  tone: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words the article quotes and attributes to the speaker, verbatim; null when none are attributed.',
  })
  quote: string | null;

  @Field(() => String, { nullable: true, description: "The quote's language (ISO 639-1)." })
  quoteLanguage: string | null;

  @Field(() => [DraftParticipant], { description: 'Who took part, with roles and sides.' })
  participants: DraftParticipant[];

  @Field(() => [String], { description: "The article's own sentences this draft rests on, verbatim." })
  evidence: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The words that gave the date ("on Tuesday"), or null when the publication date was assumed.',
  })
  dateEvidence: string | null;

  @Field(() => Float, { description: 'How sure the drafting is, 0…1: lower when the date was assumed or a name is unknown.' })
  confidence: number;

  @Field(() => [Event], {
    description: 'Events already in the record that this may be (same kind, overlapping dates, a shared actor or words), best first.',
  })
  duplicates: Event[];
}

@ObjectType({ description: 'What an article reports, drafted as events for review; nothing is written.' })
export class ArticleDrafts {
  @Field(() => SourceDraft, { description: 'The article as a source.' })
  source: SourceDraft;

  @Field(() => String, {
    description: 'The text the drafts were drawn from (HTML reduced to text); every evidence sentence and quote is a slice of it.',
  })
  text: string;

  @Field(() => [EventDraft], { description: 'The drafted events, in the order the article reports them.' })
  drafts: EventDraft[];
}
