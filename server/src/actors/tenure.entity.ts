// A person's time in an office (a presidency, an embassy), from the dataset; the timeline draws them as background bands.
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from '@detente/shared';
import { DateScalar } from '../common/scalars';
import { Actor } from './actor.entity';

@Entity('actor_tenure')
@ObjectType('Tenure', { description: "An actor's time in an office, with the sources that confirm its dates." })
export class ActorTenure {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId: string;

  @Field(() => Actor, { description: 'Who held the office.' })
  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor: Actor;

  @Field(() => Office, { description: 'The office held.' })
  @Column({ type: 'varchar', length: 40 })
  office: Office;

  @Field(() => DateScalar, { description: 'First day in office.' })
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in office; null while the actor still holds it.' })
  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @Field(() => [String], { description: 'Pages that confirm the dates.' })
  @Column({ type: 'text', array: true, name: 'source_urls' })
  sourceUrls: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What the dates mark (sworn in, credentials presented, left the post), when it matters.',
  })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
