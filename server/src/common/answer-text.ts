// Answers PostgreSQL writes as text, spliced into the response unparsed. A thousand buckets of `eventCounts` are
// 13,000 fields: pg parsing them, graphql-jit walking them, the Date scalar checking 2,000 days and Apollo Server
// stringifying them again took about half of the request's Node CPU (README, Performance, (d)). When the selection
// under a root field is one PostgreSQL can build exactly (response keys in the executor's order, no directives,
// no type conditions that narrow), the statement returns the field's JSON text and the executor never sees it.
//
// JSON.rawJSON would be the standard way to hand JSON.stringify a finished text, but it takes primitives only, so
// the field's value in the envelope Apollo Server stringifies is a placeholder, replaced in the body as it is
// sent. The placeholder starts with a NUL character, which no answer can hold (PostgreSQL's text cannot, and
// requests carrying one are refused), so it never matches anything but itself.
import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { Response } from 'express';

/** One key of an answer object: its response key (the alias, or the field's name), the field, and what is under it. */
export interface ShapeField {
  key: string;
  name: string;
  /** The type the field is asked on; for `__typename` on an interface, the row decides the answer. */
  type: string;
  abstract: boolean;
  shape?: AnswerShape;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** The keys of one object of the answer, in the order the executor writes them. */
export type AnswerShape = ShapeField[];

function collect(set: SelectionSetNode, type: Composite, fragments: Record<string, FragmentDefinitionNode>, into: AnswerShape): boolean {
  for (const node of set.selections) {
    if (node.directives?.length) return false;
    if (node.kind === Kind.FIELD) {
      if (node.arguments?.length) return false;
      const name = node.name.value;
      const key = node.alias?.value ?? name;
      let field = into.find((f) => f.key === key);
      if (!field) {
        field = { key, name, type: type.name, abstract: isInterfaceType(type) };
        into.push(field);
      }
      if (name === '__typename') continue;
      const definition = type.getFields()[name];
      if (!definition) return false;
      if (!node.selectionSet) continue;
      const inner = getNamedType(definition.type);
      if (!isObjectType(inner) && !isInterfaceType(inner)) return false;
      field.shape ??= [];
      if (!collect(node.selectionSet, inner, fragments, field.shape)) return false;
    } else {
      // A fragment adds its fields where it is spread, as graphql-js's collectFields does, if it applies to this
      // type unconditionally; one that narrows (to one of an interface's types) is left to the executor.
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : fragments[node.name.value];
      if (!fragment || fragment.directives?.length) return false;
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return false;
      if (!collect(fragment.selectionSet, type, fragments, into)) return false;
    }
  }
  return true;
}

/**
 * The exact shape of the answer under a field whose (list of) `type` is selected by `set`, or undefined when the
 * selection holds something only the executor can decide: @skip/@include, arguments below the root, narrowing
 * fragments.
 */
export function answerShape(
  set: SelectionSetNode | undefined,
  type: Composite,
  fragments: Record<string, FragmentDefinitionNode>,
): AnswerShape | undefined {
  if (!set) return undefined;
  const shape: AnswerShape = [];
  return collect(set, type, fragments, shape) ? shape : undefined;
}

/** SQL for the JSON text of a value, as JSON.stringify writes it (`null` for NULL). */
export const jsonText = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;

/**
 * SQL for the JSON text of one object of the answer, written as JSON.stringify would write the executor's
 * object: the keys in the shape's order, no spaces. `value(field)` gives each key's JSON text (jsonText, or a
 * nested text for a field with a shape). Undefined when a field has no SQL, so the executor answers it instead.
 */
export function jsonTextOf(shape: AnswerShape, value: (field: ShapeField) => string | undefined): string | undefined {
  const parts: string[] = [];
  for (const field of shape) {
    const sql = field.name === '__typename' && !field.abstract ? `'"${field.type}"'` : value(field);
    if (sql === undefined) return undefined;
    // Response keys and type names are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): nothing in them needs escaping.
    parts.push(`'${parts.length ? ',' : '{'}"${field.key}":'`, sql);
  }
  if (!parts.length) return undefined;
  return `(${[...parts, `'}'`].join(' || ')})`;
}

/** SQL for the JSON text of an array of `element` (JSON text) over the rows aggregated, in `order`. */
export const jsonTextArray = (element: string, order: string, filter = 'true') =>
  `coalesce('[' || string_agg(${element}, ',' ORDER BY ${order}) FILTER (WHERE ${filter}) || ']', '[]')`;

/** A root field's answer as PostgreSQL wrote it. */
export class AnswerText {
  constructor(readonly json: string) {}
}

/** What the executor asks a root field's resolver for: the shape to build, in `info.answerShape`. */
export interface AnswerTextInfo {
  answerShape?: AnswerShape;
}

/**
 * Per request: registers answer texts and puts them in the body where their placeholders are. The placeholders
 * are strings in the envelope, so they appear JSON-escaped in the body (`"\u0000answer:0"`).
 */
export function answerSplicer(res: Response): (json: string) => string {
  const texts = new Map<string, string>();
  return (json) => {
    const placeholder = `\u0000answer:${texts.size}`;
    texts.set(JSON.stringify(placeholder), json);
    if (texts.size === 1) {
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (typeof body !== 'string') return send(body);
        let spliced = body;
        // A function, so `$` in the text is never read as a replacement pattern.
        for (const [quoted, text] of texts) spliced = spliced.replace(quoted, () => text);
        return send(spliced);
      };
    }
    return placeholder;
  };
}
