// Every change to an event leaves a snapshot here, so nothing is ever lost.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RevisionAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  REVERT = 'REVERT',
  IMPORT = 'IMPORT',
}

registerEnumType(RevisionAction, { name: 'RevisionAction', description: 'What a change to an event did.' });

@Entity('revision')
@ObjectType({ description: 'One change to an event, with the whole event as it stood after it. Nothing is ever lost.' })
export class Revision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Field(() => Int, { description: "The event's version after this change." })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => RevisionAction, { description: 'CREATE, UPDATE, DELETE, RESTORE, REVERT or IMPORT.' })
  @Column({ type: 'varchar', length: 12 })
  action: RevisionAction;

  /** The whole event as it stood after the change (fields, participants, citations, links). */
  @Field(() => GraphQLJSON, { description: 'The whole event after the change, in the dataset format (server/data/README.md).' })
  @Column({ type: 'jsonb' })
  snapshot: unknown;

  /** Name of the API key (or "dataset" for the start-up load). */
  @Field({ description: 'Who made the change: the API key\'s name, or "dataset" for the shipped data.' })
  @Column({ type: 'text' })
  author: string;

  @Field(() => String, { nullable: true, description: "The editor's note on the change." })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'When the change was made.' })
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
