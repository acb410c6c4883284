// The classes type-graphql and TypeORM need (event.entity.ts, event-write.inputs.ts) must agree with the one
// definition of the record (event.record.ts): the same fields, and nothing the record may leave out promised non-null.
import {
  GraphQLError,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLSchema,
  buildSchema,
  coerceInputValue,
  getNullableType,
  isNonNullType,
} from 'graphql';
import { EventKind } from '@detente/shared';
import { readDatasetDir } from '../dataset/dataset.files';
import { createTestDatabase, DATASET_DIR, TestDatabase } from '../test-support/db';
import { printDetenteSchema } from '../schema';
import { getMetadataArgsStorage } from 'typeorm';
import { Agreement, Event, Meeting, MissionAction, Sanction, Statement, TYPE_NAME_BY_KIND } from './event.entity';
import {
  CitationRecord,
  FIELDS_BY_KIND,
  LocationRecord,
  ParticipantRecord,
  WRITABLE_COLUMNS,
  optionalFields,
  type EventRecord,
} from './event.record';

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

/** The input a record of the dataset is written with: the record's fields under the input's names. */
function inputOf(record: EventRecord): Record<string, unknown> {
  const { kind: _kind, links: _links, id, outlet, participants, ...rest } = record as EventRecord & { outlet?: string };
  return {
    ...rest,
    slug: id,
    ...(outlet ? { outletId: outlet } : {}),
    participants: participants.map(({ actor, ...participant }) => ({ ...participant, actorId: actor })),
  };
}

/** The errors GraphQL gives for `value` as `type`, as messages (none when it accepts it). */
function coercionErrors(value: unknown, type: GraphQLInputObjectType): string[] {
  const errors: string[] = [];
  coerceInputValue(value, type, (path, _invalid, error: GraphQLError) => errors.push(`${path.join('.')}: ${error.message}`));
  return errors;
}

describe.each(Object.values(EventKind))('a %s record of the dataset written through its input', (kind) => {
  const sample = readDatasetDir(DATASET_DIR).events.find(({ record }) => record.kind === kind)!.record as EventRecord;

  it('Then GraphQL accepts every field the record has', () => {
    expect(coercionErrors(inputOf(sample), schema.getType(INPUT_NAME_BY_KIND[kind]) as GraphQLInputObjectType)).toEqual([]);
  });

  it('Then GraphQL refuses each field only other kinds have', () => {
    const others = [...new Set(Object.values(EventKind).flatMap((k) => FIELDS_BY_KIND[k]))].filter(
      (f) => !FIELDS_BY_KIND[kind].includes(f) && !NOT_IN_INPUT.includes(f),
    );
    expect(others.length).toBeGreaterThan(0);
    const input = schema.getType(INPUT_NAME_BY_KIND[kind]) as GraphQLInputObjectType;
    for (const field of others) {
      const name = INPUT_NAME[field] ?? field;
      expect([name, coercionErrors({ ...inputOf(sample), [name]: 'x' }, input).length]).toEqual([name, 1]);
    }
  });
});

/** The nested inputs against the record's parts; an input field GraphQL calls by another name. */
const NESTED_INPUTS = [
  { input: 'LocationInput', part: LocationRecord, rename: {} as Record<string, string> },
  { input: 'ParticipantInput', part: ParticipantRecord, rename: { actor: 'actorId' } as Record<string, string> },
  { input: 'CitationInput', part: CitationRecord, rename: {} as Record<string, string> },
];

describe.each(NESTED_INPUTS)('the $input class against its part of the record', ({ input, part, rename }) => {
  it('Then it has exactly the part’s fields, non-null where the record requires them', () => {
    const type = schema.getType(input) as GraphQLInputObjectType;
    const shape = part.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const expected = Object.keys(shape).map((f) => [rename[f] ?? f, !shape[f].safeParse(undefined).success]);
    const actual = Object.values(type.getFields()).map((f) => [f.name, isNonNullType(f.type)]);
    expect(actual.sort()).toEqual(expected.sort());
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
