// The event table (single-table inheritance on `kind`) and the GraphQL `Event` interface with one type per kind.
import { Field, ID, Int, Float, InterfaceType, ObjectType } from 'type-graphql';
import {
  ChildEntity,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  TableInheritance,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  AgreementAction,
  DatePrecision,
  Direction,
  EventKind,
  MeetingFormat,
  MeetingLevel,
  MissionActionType,
  QuoteType,
  SanctionAction,
  SanctionMeasure,
  StatementMedium,
  Verification,
} from '@detente/shared';
import { DateScalar } from '../common/scalars';

@ObjectType({ description: 'Where an event took place.' })
export class Location {
  @Field({ description: 'Place name, e.g. "Moscow" or "Geneva".' })
  name: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code of the place.' })
  country: string | null;
}

/** GraphQL type name for each kind of event. */
export const TYPE_NAME_BY_KIND: Record<EventKind, string> = {
  [EventKind.STATEMENT]: 'Statement',
  [EventKind.MEETING]: 'Meeting',
  [EventKind.SANCTION]: 'Sanction',
  [EventKind.MISSION]: 'MissionAction',
  [EventKind.AGREEMENT]: 'Agreement',
};

@Entity('event')
@TableInheritance({ column: { type: 'varchar', name: 'kind', length: 16 } })
@InterfaceType('Event', {
  description:
    'A real-world event in US–Russia relations: something said, a meeting, a sanction, an action against a diplomatic mission, or an agreement.',
  resolveType: (event: { kind: EventKind }) => TYPE_NAME_BY_KIND[event.kind],
})
export abstract class Event {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({
    description: 'Human-readable identifier from the dataset, e.g. "2021-10-12-ryabkov-interfax-missions". Also accepted by `event(id:)`.',
  })
  @Column({ type: 'text', unique: true })
  slug: string;

  /** The discriminator of the single-table inheritance: each child class answers with its own kind. */
  @Field(() => EventKind, { description: 'Which kind of event this is; selects the concrete GraphQL type.' })
  get kind(): EventKind {
    throw new Error(`${this.constructor.name} must declare its kind`);
  }

  @Field({ description: 'Short headline, plain text.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'A few sentences of context, plain text.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => DateScalar, { description: 'First day of the event (for MONTH precision the 1st of the month).' })
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, for events that span several days; null for single-day events.' })
  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @Field(() => DatePrecision, { description: 'How precisely the date is known: DAY, MONTH ("Oct 2021") or YEAR.' })
  @Column({ type: 'varchar', length: 8, name: 'date_precision', default: DatePrecision.DAY })
  datePrecision: DatePrecision;

  @Column({ type: 'text', name: 'location_name', nullable: true })
  locationName: string | null;

  @Column({ type: 'varchar', length: 2, name: 'location_country', nullable: true })
  locationCountry: string | null;

  @Field(() => Location, { nullable: true, description: 'Where it happened, when known.' })
  get location(): Location | null {
    return this.locationName ? { name: this.locationName, country: this.locationCountry } : null;
  }

  @Field(() => Direction, { nullable: true, description: 'Who acted towards whom: US_TO_RU, RU_TO_US, MUTUAL, or a domestic step.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  direction: Direction | null;

  @Field(() => String, {
    nullable: true,
    description: 'CAMEO event code, e.g. "042" (make a visit), "163" (impose sanctions), "166" (expel).',
  })
  @Column({ type: 'varchar', length: 8, name: 'cameo_code', nullable: true })
  cameoCode: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Conflict (−10) to cooperation (+10) score; the CAMEO code's Goldstein value unless overridden.",
  })
  @Column({ type: 'real', nullable: true })
  tone: number | null;

  @Field(() => String, { nullable: true, description: 'Why the tone differs from the Goldstein value of the CAMEO code, when it does.' })
  @Column({ type: 'text', name: 'tone_note', nullable: true })
  toneNote: string | null;

  @Field(() => Int, { description: '1 (minor) to 5 (must be seen at any zoom); drives what the timeline shows when zoomed out.' })
  @Column({ type: 'smallint' })
  importance: number;

  @Field(() => [String], { description: 'Topic tags, lowercase, e.g. "diplomatic missions", "visas", "arms control".' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Field(() => Verification, { description: 'CONFIRMED by sources, REPORTED by one source, or DISPUTED between sources.' })
  @Column({ type: 'varchar', length: 12, default: Verification.CONFIRMED })
  verification: Verification;

  @Field(() => Int, { description: 'Optimistic-locking version; incremented by every change.' })
  @VersionColumn()
  version: number;

  @Field({ description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz', name: 'deleted_at' })
  deletedAt: Date | null;
}

@ChildEntity(EventKind.STATEMENT)
@ObjectType({ implements: Event, description: 'Who said what: a statement, interview, briefing, speech, post, letter or testimony.' })
export class Statement extends Event {
  override get kind(): EventKind {
    return EventKind.STATEMENT;
  }

  @Field(() => String, {
    nullable: true,
    description: 'The words as spoken or written, verbatim, in the original language; null when no source gives them.',
  })
  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the quote (ISO 639-1, e.g. "ru", "en").' })
  @Column({ type: 'varchar', length: 8, name: 'quote_language', nullable: true })
  quoteLanguage: string | null;

  @Field(() => QuoteType, { nullable: true, description: 'DIRECT (verbatim), INDIRECT (reported speech) or PARAPHRASE.' })
  @Column({ type: 'varchar', length: 12, name: 'quote_type', nullable: true })
  quoteType: QuoteType | null;

  @Field(() => StatementMedium, {
    nullable: true,
    description: 'How it was said: interview, briefing, speech, press release, social post, letter, testimony.',
  })
  @Column({ type: 'varchar', length: 16, nullable: true })
  medium: StatementMedium | null;

  @Field(() => String, {
    nullable: true,
    description: "When the quote is a translation: the language it was translated from (ISO 639-1); quoteLanguage is the translation's.",
  })
  @Column({ type: 'varchar', length: 8, name: 'translated_from', nullable: true })
  translatedFrom: string | null;

  @Field(() => String, { nullable: true, description: 'Who translated the quote: the outlet or body that made the translation.' })
  @Column({ type: 'text', name: 'translated_by', nullable: true })
  translatedBy: string | null;

  @Column({ type: 'uuid', name: 'outlet_id', nullable: true })
  outletId: string | null;
}

@ChildEntity(EventKind.MEETING)
@ObjectType({ implements: Event, description: 'A meeting, call, video conference or summit between the two sides.' })
export class Meeting extends Event {
  override get kind(): EventKind {
    return EventKind.MEETING;
  }

  @Field(() => MeetingFormat, {
    nullable: true,
    description: 'In person, phone, video, summit, or on the sidelines of a multilateral meeting.',
  })
  @Column({ type: 'varchar', length: 24, nullable: true })
  format: MeetingFormat | null;

  @Field(() => MeetingLevel, {
    nullable: true,
    description: 'The highest level present: heads of state, ministers, deputy ministers, working level.',
  })
  @Column({ type: 'varchar', length: 16, nullable: true })
  level: MeetingLevel | null;

  @Field(() => String, { nullable: true, description: 'What came of it, in plain text.' })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}

@ChildEntity(EventKind.SANCTION)
@ObjectType({ implements: Event, description: 'Sanctions imposed, expanded, extended, eased, lifted or threatened; entry bans included.' })
export class Sanction extends Event {
  override get kind(): EventKind {
    return EventKind.SANCTION;
  }

  @Field(() => SanctionAction, { nullable: true, description: 'What was done to the sanctions.' })
  @Column({ type: 'varchar', length: 24, name: 'sanction_action', nullable: true })
  action: SanctionAction | null;

  @Field(() => String, { nullable: true, description: 'Legal basis or programme, e.g. "EO 14024", "CAATSA", "Russian entry-ban list".' })
  @Column({ type: 'text', nullable: true })
  program: string | null;

  @Field(() => [SanctionMeasure], { description: 'The measures involved: asset freezes, travel bans, export controls, …' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  measures: SanctionMeasure[];
}

@ChildEntity(EventKind.MISSION)
@ObjectType({
  implements: Event,
  description: 'An action against embassies, consulates or diplomats: expulsions, closures, staff caps, recalls.',
})
export class MissionAction extends Event {
  override get kind(): EventKind {
    return EventKind.MISSION;
  }

  @Field(() => MissionActionType, { nullable: true, description: 'What was done to the mission or its people.' })
  @Column({ type: 'varchar', length: 24, name: 'mission_action', nullable: true })
  action: MissionActionType | null;

  @Field(() => String, { nullable: true, description: 'Country that acted (ISO 3166-1 alpha-2).' })
  @Column({ type: 'varchar', length: 2, name: 'acting_country', nullable: true })
  actingCountry: string | null;

  @Field(() => String, { nullable: true, description: 'Country whose mission was affected (ISO 3166-1 alpha-2).' })
  @Column({ type: 'varchar', length: 2, name: 'affected_country', nullable: true })
  affectedCountry: string | null;

  @Field(() => String, { nullable: true, description: 'The facility, e.g. "Consulate General of Russia in San Francisco".' })
  @Column({ type: 'text', nullable: true })
  facility: string | null;

  @Field(() => String, { nullable: true, description: 'City of the facility.' })
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Field(() => Int, { nullable: true, description: 'People affected: diplomats expelled, staff positions cut.' })
  @Column({ type: 'integer', name: 'personnel_count', nullable: true })
  personnelCount: number | null;
}

@ChildEntity(EventKind.AGREEMENT)
@ObjectType({ implements: Event, description: 'Treaties and deals: signed, extended, suspended, withdrawn from; prisoner exchanges.' })
export class Agreement extends Event {
  override get kind(): EventKind {
    return EventKind.AGREEMENT;
  }

  @Field(() => AgreementAction, { nullable: true, description: 'What happened to the agreement.' })
  @Column({ type: 'varchar', length: 24, name: 'agreement_action', nullable: true })
  action: AgreementAction | null;

  @Field(() => String, { nullable: true, description: 'The instrument, e.g. "New START", "INF Treaty", "prisoner exchange".' })
  @Column({ type: 'text', nullable: true })
  instrument: string | null;
}
