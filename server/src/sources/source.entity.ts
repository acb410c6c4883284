// Where a fact comes from (an official statement, an article), and the citation tying it to an event.
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../common/scalars';

@Entity('source')
@ObjectType({
  simpleResolvers: true,
  description: 'A document that reports or records events: an official statement, a Federal Register notice, a news article.',
})
export class Source {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Where to read it.' })
  @Column({ type: 'text', unique: true })
  url: string;

  @Field(() => String, { nullable: true, description: 'Title of the document.' })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it, e.g. "U.S. Department of State", "Interfax", "The Hill".' })
  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date.' })
  @Column({ type: 'date', name: 'published_at', nullable: true })
  publishedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the document (ISO 639-1).' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;
}

@Entity('citation')
@ObjectType({ simpleResolvers: true, description: 'A source cited for an event, with an optional excerpt.' })
export class Citation {
  @PrimaryColumn({ type: 'uuid', name: 'event_id' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid', name: 'source_id' })
  sourceId: string;

  @Field(() => String, { nullable: true, description: 'The passage of the source that supports the event, when recorded.' })
  @Column({ type: 'text', nullable: true })
  excerpt: string | null;

  @Column({ type: 'smallint', default: 0 })
  position: number;
}
