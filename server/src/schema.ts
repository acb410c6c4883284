// Builds the GraphQL schema from the decorated classes; the same schema is emitted to server/schema.graphql.
import 'reflect-metadata';
import { GraphQLInterfaceType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, registerEnumType } from 'type-graphql';
import * as shared from '@detente/shared';
import { ActorResolver } from './actors/actor.resolver';
import { ActorTenureResolver, TenureResolver } from './actors/tenure.resolver';
import { ActorMutationResolver } from './actors/actor.mutations';
import { SourceMutationResolver } from './sources/source.mutations';
import { authChecker } from './auth/auth';
import { ViewerResolver } from './auth/viewer.resolver';
import { CorrectionResolver } from './corrections/correction.resolver';
import { RevisionHistoryResolver } from './revisions/revision.resolver';
import { DatasetResolver } from './dataset/dataset.resolver';
import { IntakeResolver } from './intake/intake.resolver';
import {
  AgreementMutations,
  EventMutationResolver,
  MeetingMutations,
  MissionActionMutations,
  SanctionMutations,
  StatementMutations,
} from './events/event.mutations';
import { pubSub } from './events/event-changes';
import { SourceResolver } from './sources/source.resolver';
import { RecordSummaryResolver } from './record/record-summary.resolver';
import { Agreement, Meeting, MissionAction, Sanction, Statement, TYPE_NAME_BY_KIND } from './events/event.entity';
import { preferCompiledRelations } from './events/compiled-reads';
import { CitationResolver, EventLinkResolver, EventResolver, ParticipantResolver, StatementResolver } from './events/event.resolver';

const ENUM_DESCRIPTIONS: Record<string, [object, string]> = {
  EventKind: [shared.EventKind, 'The five kinds of event.'],
  DatePrecision: [shared.DatePrecision, "How precisely an event's date is known."],
  Direction: [shared.Direction, 'Who acted towards whom.'],
  Verification: [shared.Verification, 'How well the sources support an event.'],
  QuoteType: [shared.QuoteType, 'Whether a quote is verbatim, reported speech or a paraphrase.'],
  StatementMedium: [shared.StatementMedium, 'How a statement was made.'],
  MeetingFormat: [shared.MeetingFormat, 'How a meeting was held.'],
  MeetingLevel: [shared.MeetingLevel, 'The highest level present at a meeting.'],
  SanctionAction: [shared.SanctionAction, 'What was done to sanctions.'],
  SanctionMeasure: [shared.SanctionMeasure, 'A kind of restrictive measure.'],
  MissionActionType: [shared.MissionActionType, 'What was done to a diplomatic mission or its people.'],
  AgreementAction: [shared.AgreementAction, 'What happened to an agreement.'],
  ActorKind: [shared.ActorKind, 'What sort of actor.'],
  Office: [shared.Office, 'An office whose holders the timeline can show as background bands.'],
  ParticipantRole: [shared.ParticipantRole, "An actor's role in an event."],
  Side: [shared.Side, 'The side an actor stood for.'],
  LinkType: [shared.LinkType, 'How one event relates to another.'],
  LinkDirection: [shared.LinkDirection, 'Which way a link points from the event you are reading.'],
};
for (const [name, [values, description]] of Object.entries(ENUM_DESCRIPTIONS)) registerEnumType(values, { name, description });

let built: Promise<GraphQLSchema> | undefined;

/** The schema is immutable, so it is built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      EventResolver,
      EventMutationResolver,
      StatementMutations,
      MeetingMutations,
      SanctionMutations,
      MissionActionMutations,
      AgreementMutations,
      StatementResolver,
      ParticipantResolver,
      CitationResolver,
      EventLinkResolver,
      ActorResolver,
      ActorTenureResolver,
      TenureResolver,
      ActorMutationResolver,
      SourceMutationResolver,
      SourceResolver,
      DatasetResolver,
      ViewerResolver,
      RevisionHistoryResolver,
      CorrectionResolver,
      IntakeResolver,
      RecordSummaryResolver,
    ],
    authChecker,
    pubSub,
    orphanedTypes: [Statement, Meeting, Sanction, MissionAction, Agreement],
    validate: { forbidUnknownValues: false },
  }).then((schema) => {
    // type-graphql gives no way to describe the root type; the schema is the manual, so it gets one here.
    const query = schema.getQueryType();
    if (query)
      query.description =
        'Read the record of US–Russia relations: events, actors, the timeline window and the data range. Reads need no key.';
    const mutation = schema.getMutationType();
    if (mutation)
      mutation.description =
        'Keep the record up to date. Every mutation needs "Authorization: Bearer <API key>"; changes are versioned and logged.';
    const subscription = schema.getSubscriptionType();
    if (subscription) subscription.description = 'Live changes, over graphql-ws on the same /graphql endpoint.';
    // type-graphql wraps an interface's resolveType in an async function: graphql-jit (common/jit-executor.ts)
    // cannot wait for it, and graphql-js pays a promise per event. The kind column names the type directly.
    const event = schema.getType('Event');
    if (event instanceof GraphQLInterfaceType) event.resolveType = (value: { kind: shared.EventKind }) => TYPE_NAME_BY_KIND[value.kind];
    // The compiled reads hand plain objects that already hold their relations (events/compiled-reads.ts).
    preferCompiledRelations(schema);
    return schema;
  });
  return built;
}

export async function printDetenteSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
