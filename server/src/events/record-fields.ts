// Gives the event classes their plain record fields from the one definition of the record (event.record.ts): the
// GraphQL field, the table column and, on inputs, the argument check, so that a new plain field is one line in the
// record plus a migration. Fields with a mapping of their own (MAPPED_FIELDS: slug, kind, location, outlet,
// relations) stay declared by hand in event.entity.ts and event-write.inputs.ts; `action` is plain but for its
// column's name, which is its kind's (ACTION_COLUMN).
import { ValidateBy } from 'class-validator';
import * as shared from '@detente/shared';
import type { EventKind } from '@detente/shared';
import { Field, Float, Int } from 'type-graphql';

// type-graphql exports the decorator but not the type of what its type function returns.
type ReturnTypeFuncValue = ReturnType<Extract<Parameters<typeof Field>[0], (...args: never[]) => unknown>>;
import { Column } from 'typeorm';
import { z } from 'zod';
import { DateScalar } from '../common/scalars';
import { ACTION_COLUMN, ISO_DATE_PATTERN, MAPPED_FIELDS, apiDocs, columnName } from './event.record';

type Shape = Record<string, z.ZodType>;
/** `action` is one column too, only named after its kind (ACTION_COLUMN). */
type PlainKey<S> = Exclude<keyof S & string, Exclude<(typeof MAPPED_FIELDS)[number], 'action'> | 'kind'>;
/** A column left out of the record is NULL in the table. */
type ColumnValue<T> = undefined extends T ? Exclude<T, undefined> | null : T;
/** The entity's properties for the plain fields of a shape. */
export type RecordColumns<S extends Shape> = { [K in PlainKey<S>]: ColumnValue<z.output<S[K]>> };
/** The input's properties for the plain fields of a shape: every one optional, so one input serves create and update. */
export type RecordInputs<S extends Shape> = { [K in PlainKey<S>]?: Exclude<z.output<S[K]>, undefined> };
/** A nested input's properties (`required: true`): as the record has them, but for the fields named by hand. */
export type RecordNestedInputs<R extends z.ZodType, Except extends string = never> = Omit<z.output<R>, Except>;

const MAPPED = new Set<string>([...MAPPED_FIELDS, 'kind'].filter((field) => field !== 'action'));

/** The schema under `.optional()` and `.default()`, which only say whether a field may be left out. */
function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrapped(schema.unwrap() as z.ZodType) : schema;
}

const isDate = (schema: z.ZodType) =>
  schema instanceof z.ZodString &&
  (schema._zod.def.checks ?? []).some((check) => (check._zod.def as { pattern?: RegExp }).pattern === ISO_DATE_PATTERN);

/** The shared enum with exactly these values (registered with GraphQL in schema.ts). */
const enumCache = new Map<string, object>();
function sharedEnum(values: readonly string[]): object {
  const key = [...values].sort().join('|');
  const cached = enumCache.get(key);
  if (cached) return cached;
  const matches = Object.entries(shared).filter(
    ([, value]) =>
      value !== null &&
      typeof value === 'object' &&
      Object.values(value).every((v) => typeof v === 'string') &&
      [...Object.values(value)].sort().join('|') === key,
  );
  if (matches.length !== 1)
    throw new Error(`A record enum (${values.join(', ')}) must match exactly one enum of @detente/shared, not ${matches.length}`);
  enumCache.set(key, matches[0][1] as object);
  return matches[0][1] as object;
}

interface Mapping {
  /** The type-graphql type, e.g. String, Int, DateScalar, a registered enum. */
  graphql: () => ReturnTypeFuncValue;
  column: { type: 'text' | 'date' | 'varchar' | 'integer' | 'real'; array?: true };
}

function mappingOf(field: string, schema: z.ZodType): Mapping {
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodArray) {
    const item = mappingOf(field, inner.element as z.ZodType);
    return { graphql: () => [item.graphql()] as ReturnTypeFuncValue, column: { ...item.column, array: true } };
  }
  if (inner instanceof z.ZodEnum) {
    const values = sharedEnum(inner.options as string[]);
    return { graphql: () => values as ReturnTypeFuncValue, column: { type: 'varchar' } };
  }
  if (isDate(inner)) return { graphql: () => DateScalar, column: { type: 'date' } };
  if (inner instanceof z.ZodString) return { graphql: () => String, column: { type: 'text' } };
  if (inner instanceof z.ZodNumber)
    return inner.isInt ? { graphql: () => Int, column: { type: 'integer' } } : { graphql: () => Float, column: { type: 'real' } };
  throw new Error(`Record field "${field}" has no GraphQL mapping: give it one in events/record-fields.ts, or map it by hand`);
}

const plainFields = (shape: Shape) => Object.entries(shape).filter(([field]) => !MAPPED.has(field));
const recordDescription = (schema: z.ZodType) => z.globalRegistry.get(schema)?.description;

/**
 * Class decorator for an entity (`@Entity`/`@ChildEntity` and `@ObjectType`/`@InterfaceType`): a column and a
 * GraphQL field for each plain field of `shape`. A field the record may leave out is nullable; the type's
 * description is the record's unless `apiDocs` says otherwise.
 */
export function RecordColumnFields(shape: Shape, kind?: EventKind): ClassDecorator {
  const columnOf = (field: string) => {
    if (field !== 'action') return columnName(field);
    const column = kind && ACTION_COLUMN[kind];
    if (!column) throw new Error(`The ${kind ?? 'common'} fields have an action, and ACTION_COLUMN names no column for it`);
    return column;
  };
  return (target) => {
    for (const [field, schema] of plainFields(shape)) {
      const { graphql, column } = mappingOf(field, schema);
      const docs = apiDocs.get(schema);
      const nullable = schema instanceof z.ZodOptional || docs?.nullable === true;
      const defaultValue = schema instanceof z.ZodDefault ? schema._zod.def.defaultValue : undefined;
      Column({
        type: column.type,
        name: columnOf(field),
        nullable,
        ...(column.array ? { array: true, default: () => "'{}'" } : defaultValue !== undefined ? { default: defaultValue } : {}),
      })(target.prototype, field);
      Field(graphql, { nullable, description: docs?.description ?? recordDescription(schema) })(target.prototype, field);
    }
  };
}

/** How an input class takes a record shape. */
export interface RecordInputOptions {
  /**
   * Whether a field the record requires is non-null in GraphQL. Off for an event's own fields, so that one input
   * serves create and update; on for a nested input (a location, participant, citation), which is always whole.
   */
  required?: boolean;
  /** Fields of the shape the input declares by hand under another name (a participant's `actor` is `actorId`). */
  except?: readonly string[];
}

/**
 * Class decorator for a mutation input (`@InputType`): a GraphQL field for each plain field of `shape`, checked by
 * the record's own rule for that field, so a bad value is refused naming the field before any SQL.
 */
export function RecordInputFields(shape: Shape, { required = false, except = [] }: RecordInputOptions = {}): ClassDecorator {
  return (target) => {
    for (const [field, schema] of plainFields(shape)) {
      if (except.includes(field)) continue;
      const { graphql } = mappingOf(field, schema);
      const docs = apiDocs.get(schema);
      const rule = unwrapped(schema);
      const nullable = !required || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault;
      Field(graphql, { nullable, description: docs?.input ?? recordDescription(schema) })(target.prototype, field);
      ValidateBy({
        name: 'recordField',
        validator: {
          validate: (value) => value === null || value === undefined || rule.safeParse(value).success,
          defaultMessage: (args) => `${field} ${rule.safeParse(args?.value).error?.issues[0]?.message ?? 'is not valid'}`,
        },
      })(target.prototype, field);
    }
  };
}
