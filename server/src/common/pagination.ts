// Relay connections with opaque keyset cursors.
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { isIsoDate } from './scalars';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Where a page sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on the page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor: string | null;
}

/** A cursor names the sort key of one row; it is opaque to clients (base64url JSON). */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What a cursor's key values are: checked on decoding, so a forged cursor never reaches SQL as a bad literal. */
export type CursorValueType = 'string' | 'number' | 'date' | 'uuid';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Sort keys are names, titles and dates; anything longer was not made by this server. */
const MAX_CURSOR_STRING = 300;

function fitsType(value: unknown, type: CursorValueType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return isIsoDate(value);
    case 'uuid':
      return typeof value === 'string' && UUID_PATTERN.test(value);
    case 'string':
      return typeof value === 'string' && value.length <= MAX_CURSOR_STRING && !value.includes('\u0000');
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

export function decodeCursor(cursor: string, argument: string, shape: CursorValueType[]): Array<string | number> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => fitsType(v, shape[i]))) return key;
  } catch {
    // fall through to the error below
  }
  throw badInput(`Argument "${argument}" is not a valid cursor; use a cursor returned by this list`, argument);
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter, so the COUNT query runs only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

export function connectionTypes<T extends object, E extends { cursor: string; node: T }>(
  node: ClassType<T> | (abstract new (...args: never[]) => T),
  name: string,
  description: string,
  customEdge?: ClassType<E>,
) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a connection, with its cursor.` })
  class DefaultEdge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor: string;

    @Field(() => node, { description: 'The item.' })
    node: T;
  }
  const Edge = customEdge ?? DefaultEdge;

  @ObjectType(`${name}Connection`, { description })
  class Connection {
    @Field(() => [Edge], { description: 'The page of items with their cursors.' })
    edges: Array<{ cursor: string; node: T }>;

    @Field(() => [node], { description: 'The page of items, without cursors.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount: number;
  }
  return { Edge, Connection };
}
