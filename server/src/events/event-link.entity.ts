// Typed edges between events: what answered what.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LinkType } from '@detente/shared';

@Entity('event_link')
export class EventLinkRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The later event, which responds to, retaliates for, follows up, is part of or reverses `toEventId`. */
  @Column({ type: 'uuid', name: 'from_event_id' })
  fromEventId: string;

  @Column({ type: 'uuid', name: 'to_event_id' })
  toEventId: string;

  @Column({ type: 'varchar', length: 16 })
  type: LinkType;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
