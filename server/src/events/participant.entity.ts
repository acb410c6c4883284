// An actor's role on one event, with the side they stood for.
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ParticipantRole, Side } from '@detente/shared';

@Entity('event_participant')
@ObjectType({ simpleResolvers: true, description: 'An actor taking part in an event, in a role, for a side.' })
export class Participant {
  @PrimaryColumn({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid', name: 'actor_id' })
  actorId: string;

  @Field(() => ParticipantRole, { description: 'What the actor did in the event: speaker, addressee, host, authority, target, …' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  role: ParticipantRole;

  @Field(() => Side, { nullable: true, description: 'The side the actor stood for: US, RU or OTHER.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  side: Side | null;

  /** Order of appearance in the record, so lists read as the sources present them. */
  @Column({ type: 'smallint', default: 0 })
  position: number;
}
