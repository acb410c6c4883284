// The classes type-graphql and TypeORM need (event.entity.ts, event-write.inputs.ts) must agree with the one
// definition of the record (event.record.ts): the same fields, and nothing the record may leave out promised non-null.
import {
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLSchema,
  buildSchema,
  getNullableType,
  isNonNullType,
} from 'graphql';
import { EventKind } from '@detente/shared';
import { createTestDatabase, TestDatabase } from '../test-support/db';
import { printDetenteSchema } from '../schema';
import { getMetadataArgsStorage } from 'typeorm';
import { Agreement, Event, Meeting, MissionAction, Sanction, Statement, TYPE_NAME_BY_KIND } from './event.entity';
import { FIELDS_BY_KIND, WRITABLE_COLUMNS, optionalFields } from './event.record';

/** GraphQL fields of an event that are not record fields: the database's own, and answers computed from others. */
const COMPUTED_FIELDS = ['id', 'kind', 'version', 'createdAt', 'updatedAt', 'revisions'];
const COMPUTED_BY_KIND: Partial<Record<EventKind, string[]>> = { [EventKind.STATEMENT]: ['speakers'] };
/** Record fields GraphQL calls by another name. */
const GRAPHQL_NAME: Record<string, string> = { id: 'slug' };
const INPUT_NAME: Record<string, string> = { id: 'slug', outlet: 'outletId' };
/** Record fields the inputs leave out: the kind is the mutation's, links have mutations of their own. */
const NOT_IN_INPUT = ['kind', 'links'];
/**
 * Fields the record requires but GraphQL keeps nullable, so that rows written before the dataset rules still
 * answer. Pinned, so that a change either way is deliberate.
 */
const REQUIRED_BUT_NULLABLE: Record<EventKind, string[]> = {
  [EventKind.STATEMENT]: ['direction', 'cameoCode', 'medium'],
  [EventKind.MEETING]: ['direction', 'cameoCode', 'format', 'level'],
  [EventKind.SANCTION]: ['direction', 'cameoCode', 'action'],
  [EventKind.MISSION]: ['direction', 'cameoCode', 'action', 'actingCountry', 'affectedCountry'],
  [EventKind.AGREEMENT]: ['direction', 'cameoCode', 'action', 'instrument'],
};
const INPUT_NAME_BY_KIND: Record<EventKind, string> = {
  [EventKind.STATEMENT]: 'StatementInput',
  [EventKind.MEETING]: 'MeetingInput',
  [EventKind.SANCTION]: 'SanctionInput',
  [EventKind.MISSION]: 'MissionActionInput',
  [EventKind.AGREEMENT]: 'AgreementInput',
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await printDetenteSchema());
});

describe.each(Object.values(EventKind))('the %s classes against the record', (kind) => {
  const fields = FIELDS_BY_KIND[kind];
  const optional = new Set(optionalFields(kind));

  it('Then the GraphQL type has exactly the record’s fields, besides the computed ones', () => {
    const type = schema.getType(TYPE_NAME_BY_KIND[kind]) as GraphQLObjectType;
    const expected = [...fields.map((f) => GRAPHQL_NAME[f] ?? f), ...COMPUTED_FIELDS, ...(COMPUTED_BY_KIND[kind] ?? [])];
    expect(Object.keys(type.getFields()).sort()).toEqual([...new Set(expected)].sort());
  });

  it('Then a field the record may leave out is nullable in GraphQL, and every other is non-null unless pinned', () => {
    const type = schema.getType(TYPE_NAME_BY_KIND[kind]) as GraphQLObjectType;
    const graphqlFields = type.getFields() as Record<string, GraphQLField<unknown, unknown>>;
    const nullable = fields.filter((f) => !isNonNullType(graphqlFields[GRAPHQL_NAME[f] ?? f].type));
    // Lists of relations are always there (empty when there are none), whatever the file leaves out.
    const relations = ['participants', 'citations', 'links'];
    expect(nullable.sort()).toEqual(
      [...fields.filter((f) => optional.has(f) && !relations.includes(f)), ...REQUIRED_BUT_NULLABLE[kind]].sort(),
    );
  });

  it('Then the input has exactly the record’s fields, all nullable so one input serves create and update', () => {
    const input = schema.getType(INPUT_NAME_BY_KIND[kind]) as GraphQLInputObjectType;
    const expected = fields.filter((f) => !NOT_IN_INPUT.includes(f)).map((f) => INPUT_NAME[f] ?? f);
    expect(Object.keys(input.getFields()).sort()).toEqual(expected.sort());
    for (const field of Object.values(input.getFields())) expect([field.name, isNonNullType(field.type)]).toEqual([field.name, false]);
    expect(getNullableType(input.getFields().title.type).toString()).toBe('String');
  });
});

describe('the entity against the record', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('Then every column the record writes is a column of the event entity, and the entity has no other', () => {
    // Declared columns, class by class (TypeORM's merged single-table metadata lists siblings' columns under each child).
    const classes: unknown[] = [Event, Statement, Meeting, Sanction, MissionAction, Agreement];
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => classes.includes(c.target))
      .map((c) => c.options.name ?? c.propertyName);
    const own = ['id', 'slug', 'kind', 'version', 'created_at', 'updated_at', 'deleted_at'];
    expect(columns.sort()).toEqual([...own.filter((c) => c !== 'kind'), ...WRITABLE_COLUMNS].sort());
  });

  it('Then every column the record writes exists in the migrated table', async () => {
    const rows: Array<{ column_name: string }> = await db.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'event'`,
    );
    const table = new Set(rows.map((r) => r.column_name));
    expect(WRITABLE_COLUMNS.filter((c) => !table.has(c))).toEqual([]);
  });
});
