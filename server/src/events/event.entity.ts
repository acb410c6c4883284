// The event table (single-table inheritance on `kind`) and the GraphQL `Event` interface with one type per kind.
// The plain record fields (title, dates, quote, …) come from event.record.ts through record-fields.ts; only the
// fields with a mapping of their own are declared here.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each class is merged with an interface of the
   properties its record decorator adds at run time (record-fields.ts); TypeORM and type-graphql fill them in. */
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
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
import { EventKind } from '@detente/shared';
import { COMMON_FIELDS, KIND_FIELDS } from './event.record';
import { RecordColumnFields, RecordColumns } from './record-fields';

@ObjectType({ simpleResolvers: true, description: 'Where an event took place.' })
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
@RecordColumnFields(COMMON_FIELDS)
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

  @Column({ type: 'text', name: 'location_name', nullable: true })
  locationName: string | null;

  @Column({ type: 'varchar', length: 2, name: 'location_country', nullable: true })
  locationCountry: string | null;

  @Field(() => Location, { nullable: true, description: 'Where it happened, when known.' })
  get location(): Location | null {
    return this.locationName ? { name: this.locationName, country: this.locationCountry } : null;
  }

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
@ObjectType({
  simpleResolvers: true,
  implements: Event,
  description: 'Who said what: a statement, interview, briefing, speech, post, letter or testimony.',
})
@RecordColumnFields(KIND_FIELDS.STATEMENT)
export class Statement extends Event {
  override get kind(): EventKind {
    return EventKind.STATEMENT;
  }

  @Column({ type: 'uuid', name: 'outlet_id', nullable: true })
  outletId: string | null;
}

@ChildEntity(EventKind.MEETING)
@ObjectType({ simpleResolvers: true, implements: Event, description: 'A meeting, call, video conference or summit between the two sides.' })
@RecordColumnFields(KIND_FIELDS.MEETING)
export class Meeting extends Event {
  override get kind(): EventKind {
    return EventKind.MEETING;
  }
}

@ChildEntity(EventKind.SANCTION)
@ObjectType({
  simpleResolvers: true,
  implements: Event,
  description: 'Sanctions imposed, expanded, extended, eased, lifted or threatened; entry bans included.',
})
@RecordColumnFields(KIND_FIELDS.SANCTION, EventKind.SANCTION)
export class Sanction extends Event {
  override get kind(): EventKind {
    return EventKind.SANCTION;
  }
}

@ChildEntity(EventKind.MISSION)
@ObjectType({
  simpleResolvers: true,
  implements: Event,
  description: 'An action against embassies, consulates or diplomats: expulsions, closures, staff caps, recalls.',
})
@RecordColumnFields(KIND_FIELDS.MISSION, EventKind.MISSION)
export class MissionAction extends Event {
  override get kind(): EventKind {
    return EventKind.MISSION;
  }
}

@ChildEntity(EventKind.AGREEMENT)
@ObjectType({
  simpleResolvers: true,
  implements: Event,
  description: 'Treaties and deals: signed, extended, suspended, withdrawn from; prisoner exchanges.',
})
@RecordColumnFields(KIND_FIELDS.AGREEMENT, EventKind.AGREEMENT)
export class Agreement extends Event {
  override get kind(): EventKind {
    return EventKind.AGREEMENT;
  }
}

// The plain fields' TypeScript properties, merged into the classes the decorators above give them to.
/* eslint-disable @typescript-eslint/no-empty-object-type -- each interface only names the record shape it merges. */
export interface Event extends RecordColumns<typeof COMMON_FIELDS> {}
export interface Statement extends RecordColumns<typeof KIND_FIELDS.STATEMENT> {}
export interface Meeting extends RecordColumns<typeof KIND_FIELDS.MEETING> {}
export interface Sanction extends RecordColumns<typeof KIND_FIELDS.SANCTION> {}
export interface MissionAction extends RecordColumns<typeof KIND_FIELDS.MISSION> {}
export interface Agreement extends RecordColumns<typeof KIND_FIELDS.AGREEMENT> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/**
 * What a field resolver on an event reads of its parent. Typed as a plain shape on purpose: with a class type,
 * type-graphql copies a parent that is not an instance into a new one, which fails for the plain objects the compiled
 * reads hand over (events/compiled-reads.ts), since `kind` is a getter on the classes.
 */
export type EventRoot = Pick<Event, 'id'>;
