// The hot reads compiled to SQL: the selection a client asked for under an event (read from the resolve info)
// becomes one JSON expression over the event row, with participants, actors, citations, sources and links nested by
// json_agg / json_build_object, so PostgreSQL returns the answer's shape and the executor walks plain objects.
//
// What the compiler does not know (an actor's `events` or `stats`, a source's `events`) it leaves out; the plain
// objects keep the ids those fields' resolvers read, so they run as before. `preferCompiledRelations` makes the
// relation fields answer from the compiled value when there is one, and through their loaders otherwise.
import {
  FieldNode,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  defaultFieldResolver,
  type GraphQLFieldResolver,
} from 'graphql';
import { DataSource, EntityMetadata } from 'typeorm';
import { ParticipantRole } from '@detente/shared';
import { Actor } from '../actors/actor.entity';
import { Source } from '../sources/source.entity';
import { jsonText, jsonTextArray, jsonTextOf, type AnswerShape, type ShapeField } from '../common/answer-text';
import { Agreement, Meeting, MissionAction, Sanction, Statement } from './event.entity';

/** The fields asked for under one position of the answer, merged over aliases, fragments and directives. */
export type Selection = Map<string, Selection>;

function collect(set: SelectionSetNode | undefined, info: Pick<GraphQLResolveInfo, 'fragments'>, into: Selection, seen: Set<string>) {
  for (const node of set?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      const child = into.get(name) ?? new Map();
      into.set(name, child);
      collect(node.selectionSet, info, child, seen);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, info, into, seen);
    } else if (!seen.has(node.name.value)) {
      // Named fragments may be spread many times; each is read once per position.
      const fragment = info.fragments[node.name.value];
      collect(fragment?.selectionSet, info, into, new Set([...seen, node.name.value]));
    }
  }
}

/**
 * Everything that may be asked under the resolved field, a superset of what the executor will read: fields under
 * @skip/@include and under every type condition are all kept, since an unread key in a plain object costs nothing.
 */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const selection: Selection = new Map();
  for (const node of info.fieldNodes as readonly FieldNode[]) collect(node.selectionSet, info, selection, new Set());
  return selection;
}

/** The union of the selections at these paths (e.g. a connection's `edges.node` and `nodes`). */
export function selectionAt(selection: Selection, ...paths: string[][]): Selection {
  const merged: Selection = new Map();
  const merge = (into: Selection, from: Selection) => {
    for (const [name, child] of from) {
      const target = into.get(name) ?? new Map();
      into.set(name, target);
      merge(target, child);
    }
  };
  for (const path of paths) {
    let at: Selection | undefined = selection;
    for (const name of path) at = at?.get(name);
    if (at) merge(merged, at);
  }
  return merged;
}

/** json_build_object takes at most 100 arguments; wider objects are joined from jsonb parts. */
function jsonObject(pairs: Array<[string, string]>): string {
  const args = (part: Array<[string, string]>) => part.map(([key, value]) => `'${key}', ${value}`).join(', ');
  if (pairs.length <= 50) return `json_build_object(${args(pairs)})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) parts.push(`jsonb_build_object(${args(pairs.slice(i, i + 50))})`);
  return `(${parts.join(' || ')})::json`;
}

/** A JSON array of `object` over the rows of `from`, in `order`; `[]` when there are none, as the loaders give. */
const jsonList = (object: string, order: string, from: string) =>
  `(SELECT coalesce(json_agg(${object} ORDER BY ${order}), '[]') FROM ${from})`;

/** A column as the resolver path would hand it to the executor: timestamps cut to milliseconds, as pg's Date does. */
function columnValue(alias: string, column: ColumnInfo): string {
  const ref = `${alias}.${column.databaseName}`;
  return column.type === 'timestamptz' ? `to_json(date_trunc('milliseconds', ${ref}))` : ref;
}

interface ColumnInfo {
  databaseName: string;
  type: unknown;
}

interface Columns {
  /** GraphQL field (the entity's property) → the column per event kind that has it. */
  event: Map<string, Array<ColumnInfo & { kind: string }>>;
  actor: Map<string, ColumnInfo>;
  source: Map<string, ColumnInfo>;
  /** An event's kind (the discriminator) → its GraphQL type's name (the entity's class). */
  typeNames: Map<string, string>;
}

const byProperty = (metadata: EntityMetadata) =>
  new Map<string, ColumnInfo>(metadata.columns.map((c) => [c.propertyName, { databaseName: c.databaseName, type: c.type }]));

let columnsCache: Columns | undefined;

/** Property → column, read once from the entities' TypeORM metadata so the mapping is written in one place. */
function columnsOf(dataSource: DataSource): Columns {
  if (columnsCache) return columnsCache;
  const event: Columns['event'] = new Map();
  const typeNames: Columns['typeNames'] = new Map();
  for (const entity of [Statement, Meeting, Sanction, MissionAction, Agreement]) {
    const metadata = dataSource.getMetadata(entity);
    typeNames.set(String(metadata.discriminatorValue), entity.name);
    for (const c of metadata.columns) {
      const list = event.get(c.propertyName) ?? [];
      list.push({ kind: String(metadata.discriminatorValue), databaseName: c.databaseName, type: c.type });
      event.set(c.propertyName, list);
    }
  }
  columnsCache = {
    event,
    actor: byProperty(dataSource.getMetadata(Actor)),
    source: byProperty(dataSource.getMetadata(Source)),
    typeNames,
  };
  return columnsCache;
}

/** Builds the JSON expressions; each nested table gets an alias of its own. */
class JsonCompiler {
  private next = 0;
  constructor(private readonly columns: Columns) {}

  private alias(prefix: string) {
    return `${prefix}${this.next++}_`;
  }

  /** An actor or source row as its type reads it; `id` always, for the fields the compiler leaves to resolvers. */
  private row(alias: string, selection: Selection, columns: Map<string, ColumnInfo>): string {
    const pairs: Array<[string, string]> = [['id', `${alias}.id`]];
    for (const field of selection.keys()) {
      const column = columns.get(field);
      if (column && field !== 'id') pairs.push([field, columnValue(alias, column)]);
    }
    return jsonObject(pairs);
  }

  actor(alias: string, selection: Selection): string {
    return this.row(alias, selection, this.columns.actor);
  }

  source(alias: string, selection: Selection): string {
    return this.row(alias, selection, this.columns.source);
  }

  /** An event row (alias `e`, live) as the `Event` interface and its five types read it. */
  event(e: string, selection: Selection): string {
    const pairs: Array<[string, string]> = [
      ['id', `${e}.id`],
      // The concrete type comes from the kind (schema.ts sets resolveType), so it is always there.
      ['kind', `${e}.kind`],
    ];
    for (const [field, sub] of selection) {
      switch (field) {
        case 'id':
        case 'kind':
        case '__typename':
          break;
        case 'location':
          // As the entity's getter: no name, no location.
          pairs.push([
            field,
            `CASE WHEN ${e}.location_name <> '' THEN json_build_object('name', ${e}.location_name, 'country', ${e}.location_country) END`,
          ]);
          break;
        case 'participants':
          pairs.push([field, this.participants(e, sub)]);
          break;
        case 'citations':
          pairs.push([field, this.citations(e, sub)]);
          break;
        case 'links':
          pairs.push([field, this.links(e, sub)]);
          break;
        case 'outlet': {
          const o = this.alias('o');
          pairs.push([field, `(SELECT ${this.actor(o, sub)} FROM actor ${o} WHERE ${o}.id = ${e}.outlet_id)`]);
          break;
        }
        case 'speakers': {
          const p = this.alias('sp');
          const a = this.alias('sa');
          const from = `event_participant ${p} JOIN actor ${a} ON ${a}.id = ${p}.actor_id
                        WHERE ${p}.event_id = ${e}.id AND ${p}.role = '${ParticipantRole.SPEAKER}'`;
          pairs.push([field, jsonList(this.actor(a, sub), `${p}.position, ${p}.role`, from)]);
          break;
        }
        default: {
          const columns = this.columns.event.get(field);
          if (!columns) break;
          const distinct = [...new Set(columns.map((c) => c.databaseName))];
          if (distinct.length === 1) pairs.push([field, columnValue(e, columns[0])]);
          else {
            // One field, a column per kind (`action` of sanctions, missions and agreements).
            const cases = columns.map((c) => `WHEN '${c.kind}' THEN to_json(${columnValue(e, c)})`).join(' ');
            pairs.push([field, `CASE ${e}.kind ${cases} END`]);
          }
        }
      }
    }
    return jsonObject(pairs);
  }

  /** In the loader's order (position, then role); every participant, since `participants(role:)` filters them. */
  private participants(e: string, selection: Selection): string {
    const p = this.alias('p');
    const a = this.alias('a');
    const actor = selection.get('actor');
    const object = jsonObject([
      ['role', `${p}.role`],
      ['side', `${p}.side`],
      ['actorId', `${p}.actor_id`],
      ...(actor ? [['actor', this.actor(a, actor)] as [string, string]] : []),
    ]);
    return jsonList(
      object,
      `${p}.position, ${p}.role`,
      `event_participant ${p} JOIN actor ${a} ON ${a}.id = ${p}.actor_id WHERE ${p}.event_id = ${e}.id`,
    );
  }

  private citations(e: string, selection: Selection): string {
    const c = this.alias('c');
    const s = this.alias('s');
    const source = selection.get('source');
    const object = jsonObject([
      ['excerpt', `${c}.excerpt`],
      ['sourceId', `${c}.source_id`],
      ...(source ? [['source', this.source(s, source)] as [string, string]] : []),
    ]);
    return jsonList(object, `${c}.position`, `citation ${c} JOIN source ${s} ON ${s}.id = ${c}.source_id WHERE ${c}.event_id = ${e}.id`);
  }

  /**
   * Both ways, to live events, in the loader's order (the link's creation, then its id); a link from an event to
   * itself gives its OUTGOING edge, then its INCOMING one.
   */
  private links(e: string, selection: Selection): string {
    const l = this.alias('l');
    const x = this.alias('x');
    const t = this.alias('t');
    const event = selection.get('event');
    const object = jsonObject([
      ['type', `${x}.type`],
      ['direction', `${x}.direction`],
      ['eventId', `${t}.id`],
      ...(event ? [['event', this.event(t, event)] as [string, string]] : []),
    ]);
    return jsonList(
      object,
      `${x}.created_at, ${x}.id, ${x}.ord`,
      `(SELECT ${l}.type, ${l}.created_at, ${l}.id, 'OUTGOING'::text AS direction, ${l}.to_event_id AS other, 0 AS ord
                       FROM event_link ${l} WHERE ${l}.from_event_id = ${e}.id
                     UNION ALL
                     SELECT ${l}.type, ${l}.created_at, ${l}.id, 'INCOMING'::text, ${l}.from_event_id, 1
                       FROM event_link ${l} WHERE ${l}.to_event_id = ${e}.id) ${x}
               JOIN event ${t} ON ${t}.id = ${x}.other AND ${t}.deleted_at IS NULL`,
    );
  }
}

/**
 * Column types whose JSON text (to_json) is byte for byte what the executor writes for the field: String, ID and
 * enums from text, varchar and uuid (to_json escapes strings as JSON.stringify does), Int, Boolean, Date (a date
 * column's JSON is "YYYY-MM-DD"), arrays of those, and Float from real (PostgreSQL writes a real's shortest
 * digits, as JavaScript does the double it parses them to, in the ranges the record allows). Timestamps are left
 * to the executor: their JSON is not the DateTime scalar's.
 */
const TEXT_COLUMN_TYPES = new Set(['text', 'varchar', 'uuid', 'integer', 'int', 'smallint', 'boolean', 'date', 'real']);

/**
 * Builds the JSON text of the answer itself (common/answer-text.ts) for an exact shape: keys in the shape's order,
 * only what was asked. Undefined wherever a field needs its resolver or a scalar the text cannot match.
 */
class TextCompiler {
  private next = 0;
  constructor(private readonly columns: Columns) {}

  private alias(prefix: string) {
    return `${prefix}${this.next++}_`;
  }

  private scalar(alias: string, column: ColumnInfo | undefined): string | undefined {
    return column && TEXT_COLUMN_TYPES.has(String(column.type)) ? jsonText(`${alias}.${column.databaseName}`) : undefined;
  }

  private row(alias: string, shape: AnswerShape, columns: Map<string, ColumnInfo>): string | undefined {
    return jsonTextOf(shape, (f) => (f.shape ? undefined : this.scalar(alias, columns.get(f.name))));
  }

  event(e: string, shape: AnswerShape): string | undefined {
    return jsonTextOf(shape, (field) => this.eventField(e, field));
  }

  private eventField(e: string, field: ShapeField): string | undefined {
    const sub = field.shape;
    switch (field.name) {
      case '__typename': {
        const cases = [...this.columns.typeNames].map(([kind, type]) => `WHEN '${kind}' THEN '"${type}"'`).join(' ');
        return `CASE ${e}.kind ${cases} END`;
      }
      case 'kind':
        return jsonText(`${e}.kind`);
      case 'location': {
        const location =
          sub && jsonTextOf(sub, (f) => ({ name: jsonText(`${e}.location_name`), country: jsonText(`${e}.location_country`) })[f.name]);
        // As the entity's getter: no name, no location.
        return location && `CASE WHEN ${e}.location_name <> '' THEN ${location} ELSE 'null' END`;
      }
      case 'participants': {
        const p = this.alias('p');
        const a = this.alias('a');
        const object =
          sub &&
          jsonTextOf(sub, (f) =>
            f.name === 'actor' && f.shape
              ? this.row(a, f.shape, this.columns.actor)
              : { role: jsonText(`${p}.role`), side: jsonText(`${p}.side`) }[f.name],
          );
        return (
          object &&
          `(SELECT ${jsonTextArray(object, `${p}.position, ${p}.role`)}
              FROM event_participant ${p} JOIN actor ${a} ON ${a}.id = ${p}.actor_id WHERE ${p}.event_id = ${e}.id)`
        );
      }
      case 'citations': {
        const c = this.alias('c');
        const s = this.alias('s');
        const object =
          sub &&
          jsonTextOf(sub, (f) =>
            f.name === 'source' && f.shape
              ? this.row(s, f.shape, this.columns.source)
              : f.name === 'excerpt'
                ? jsonText(`${c}.excerpt`)
                : undefined,
          );
        return (
          object &&
          `(SELECT ${jsonTextArray(object, `${c}.position`)}
              FROM citation ${c} JOIN source ${s} ON ${s}.id = ${c}.source_id WHERE ${c}.event_id = ${e}.id)`
        );
      }
      default: {
        const columns = sub ? undefined : this.columns.event.get(field.name);
        // One column for every kind; `action` (a column per kind) and relations are left to the executor.
        if (!columns || new Set(columns.map((c) => c.databaseName)).size !== 1) return undefined;
        return this.scalar(e, columns[0]);
      }
    }
  }
}

/** The JSON text of a live event row under `alias` for an exact shape, or undefined when the executor must answer. */
export function eventText(dataSource: DataSource, shape: AnswerShape, alias: string): string | undefined {
  return new TextCompiler(columnsOf(dataSource)).event(alias, shape);
}

/** The JSON of a live event row under `alias`, holding what `selection` may read. */
export function eventJson(dataSource: DataSource, selection: Selection, alias: string): string {
  return new JsonCompiler(columnsOf(dataSource)).event(alias, selection);
}

/** What a connection's nodes may read: `edges { node }` and `nodes` together. */
export const connectionNodes = (info: GraphQLResolveInfo): Selection => selectionAt(selectionOf(info), ['edges', 'node'], ['nodes']);

/** An event as the compiler hands it to the executor: the answer's shape, plus the ids fallback resolvers read. */
export type CompiledEvent = Record<string, unknown> & { id: string; kind: string };

/** Event fields that are getters on the entity: `kind` (the discriminator) and `location` (from two columns). */
const GETTER_FIELDS = ['kind', 'location'];

/** The relation fields that answer from a compiled value when their parent carries one. */
const RELATIONS: Array<{ types: (schema: GraphQLSchema) => GraphQLObjectType[]; fields: string[] }> = [
  {
    // Every type implementing the Event interface.
    types: (schema) => schema.getPossibleTypes(schema.getType('Event') as never) as GraphQLObjectType[],
    fields: ['participants', 'citations', 'links'],
  },
  { types: (schema) => [schema.getType('Statement') as GraphQLObjectType], fields: ['outlet', 'speakers'] },
  { types: (schema) => [schema.getType('Participant') as GraphQLObjectType], fields: ['actor'] },
  { types: (schema) => [schema.getType('Citation') as GraphQLObjectType], fields: ['source'] },
  { types: (schema) => [schema.getType('EventLink') as GraphQLObjectType], fields: ['event'] },
];

/**
 * Wraps the relation fields' resolvers: a plain object from the compiler carries the value under the field's name
 * (entities and loader rows never have such a property), so it is returned as is, with `participants(role:)`
 * filtered as its resolver does; otherwise the resolver runs.
 */
export function preferCompiledRelations(schema: GraphQLSchema): void {
  // type-graphql resolves a getter field by copying its parent into a new instance of the class first, which a
  // plain object (with `kind` as a value) cannot be. Reading the property runs the getter on an entity all the same.
  for (const type of RELATIONS[0].types(schema)) {
    for (const name of GETTER_FIELDS) type.getFields()[name].resolve = undefined;
  }
  for (const { types, fields } of RELATIONS) {
    for (const type of types(schema)) {
      for (const name of fields) {
        const field = type.getFields()[name];
        const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
        field.resolve =
          name === 'participants'
            ? (root, args, context, info) => {
                const compiled = (root as { participants?: Array<{ role: string }> }).participants;
                if (compiled === undefined) return resolve(root, args, context, info);
                return args.role ? compiled.filter((p) => p.role === args.role) : compiled;
              }
            : (root, args, context, info) => {
                const compiled = (root as Record<string, unknown>)[name];
                return compiled === undefined ? resolve(root, args, context, info) : compiled;
              };
      }
    }
  }
}
