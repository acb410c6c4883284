// People, government bodies, legislatures, organisations and outlets that take part in events.
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ActorKind } from '@detente/shared';

@Entity('actor')
@ObjectType({ simpleResolvers: true, description: 'A person, government body, legislature, organisation or media outlet.' })
export class Actor {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human-readable identifier from the dataset, e.g. "sergei-ryabkov". Also accepted by `actor(id:)`.' })
  @Column({ type: 'text', unique: true })
  slug: string;

  @Field({ description: 'Name as usually written in English.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => ActorKind, { description: 'What sort of actor this is.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ActorKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'Title or office, as held at the time of the events recorded.' })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => [String], { description: 'Other spellings, including Cyrillic ones ("Сергей Рябков").' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. "Q7747".' })
  @Column({ type: 'text', name: 'wikidata_id', nullable: true })
  wikidataId: string | null;

  /** Set when this actor was merged into another; reads follow the redirect. */
  @Column({ type: 'uuid', name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
