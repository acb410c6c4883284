// Every change to an event leaves a snapshot here, so nothing is ever lost.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RevisionAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  REVERT = 'REVERT',
  IMPORT = 'IMPORT',
}

@Entity('revision')
export class Revision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 12 })
  action: RevisionAction;

  /** The whole event as it stood after the change (fields, participants, citations, links). */
  @Column({ type: 'jsonb' })
  snapshot: unknown;

  /** Name of the API key (or "dataset" for the start-up load). */
  @Column({ type: 'text' })
  author: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
