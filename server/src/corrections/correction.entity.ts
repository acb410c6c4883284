// A reader's suggested correction to an event, and how an editor resolved it. It never changes the event itself.
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CorrectionStatus {
  OPEN = 'OPEN',
  FIXED = 'FIXED',
  DECLINED = 'DECLINED',
}

/** What an editor may decide; OPEN is where every correction starts, not a resolution. */
export enum CorrectionResolution {
  FIXED = 'FIXED',
  DECLINED = 'DECLINED',
}

registerEnumType(CorrectionStatus, {
  name: 'CorrectionStatus',
  description: 'Where a correction stands: OPEN until an editor resolves it as FIXED or DECLINED.',
  valuesConfig: {
    OPEN: { description: 'Waiting for an editor.' },
    FIXED: { description: 'An editor changed the event; the correction names the revision.' },
    DECLINED: { description: 'An editor decided not to change the event, and said why.' },
  },
});
registerEnumType(CorrectionResolution, {
  name: 'CorrectionResolution',
  description: 'How an editor resolves a correction.',
  valuesConfig: {
    FIXED: { description: 'The event was changed; give the version of the revision that did it.' },
    DECLINED: { description: 'The event stays as it is; give the reason.' },
  },
});

@Entity('correction')
@ObjectType({ description: "A reader's suggested correction to an event, and how an editor resolved it. It never changes the event." })
export class Correction {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @Field({ description: 'What the reader says is wrong or missing, as they wrote it (plain text).' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true, description: 'A page that supports the correction (http or https), when the reader gave one.' })
  @Column({ type: 'text', name: 'source_url', nullable: true })
  sourceUrl: string | null;

  @Field(() => CorrectionStatus, { description: 'OPEN, FIXED or DECLINED.' })
  @Column({ type: 'varchar', length: 8, default: CorrectionStatus.OPEN })
  status: CorrectionStatus;

  @Field({ description: 'When the reader sent it.' })
  @Column({ type: 'timestamptz', name: 'submitted_at', default: () => 'now()' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an editor resolved it; null while OPEN.' })
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The name of the editor's API key that resolved it; null while OPEN." })
  @Column({ type: 'text', name: 'resolved_by', nullable: true })
  resolvedBy: string | null;

  @Field(() => String, { nullable: true, description: "The editor's reason: required when DECLINED, optional when FIXED." })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', name: 'revision_id', nullable: true })
  revisionId: string | null;
}
