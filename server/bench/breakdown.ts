// Where one request of scenario (a) spends its time: one client, requests one after another, each stage timed
// in the harness's own process around the app's real code (the `timeline` resolver and its SQL statement), then
// the statement alone in PostgreSQL (EXPLAIN ANALYZE) and through pg, and graphql-jit's walk and the response's
// serialisation over the very answer the resolver returned. BENCH_BREAKDOWN_REQUESTS sets how many (0 skips).
import { performance } from 'node:perf_hooks';
import { parse, type GraphQLFieldResolver, type GraphQLObjectType } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AnswerText } from '../src/common/answer-text';
import { getSchema } from '../src/schema';
import { percentile } from './page';
import type { HttpRequestSpec } from './scenarios';

/** Medians in milliseconds over the requests (or repetitions) of each stage. */
export interface Breakdown {
  requests: number;
  /** The whole request as the client sees it: HTTP, Express, Apollo Server, the resolver, the executor, JSON. */
  totalMs: number;
  /** The `timeline` resolver: argument validation, the selection, the service and its statement. */
  resolverMs: number;
  /** The statement through TypeORM and pg, from the call to the parsed rows. */
  statementMs: number;
  /** PostgreSQL planning the statement, and executing it (EXPLAIN ANALYZE, TIMING OFF). */
  postgresPlanningMs: number;
  postgresExecutionMs: number;
  /** The statement through a bare pg client with its JSON column left as text: PostgreSQL, the wire, pg's rows. */
  wireMs: number;
  /** JSON.parse of the statement's JSON column, which pg does for TypeORM. */
  jsonParseMs: number;
  /** graphql-jit walking the resolver's answer (plain objects), the same compiled operation. */
  executorMs: number;
  /** JSON.stringify of the response. */
  stringifyMs: number;
  /** What is left of the total: HTTP, Express, Apollo Server's request pipeline and plugins, the event loop. */
  restMs: number;
  responseBytes: number;
  /** The timeline answered as PostgreSQL's JSON text (src/common/answer-text.ts): nothing parsed, walked or re-serialised. */
  asText: boolean;
}

const median = (values: number[]) => percentile(values, 50);

function timeRepeated(times: number, work: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export async function measureBreakdown(options: {
  appUrl: string;
  request: HttpRequestSpec;
  dataSource: DataSource;
  databaseUrl: string;
  requests: number;
}): Promise<Breakdown> {
  const { appUrl, dataSource, databaseUrl, requests } = options;
  const schema = await getSchema();
  const queryType = schema.getQueryType() as GraphQLObjectType;
  const field = queryType.getFields().timeline;
  const original = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  const originalQuery = dataSource.query.bind(dataSource);
  // A different operation text, so graphql-jit compiles it afresh around the timed resolver; the load runs before
  // kept the compiled operation they had.
  const body = JSON.parse(options.request.body) as { query: string; variables: Record<string, unknown> };
  const timedBody = JSON.stringify({ ...body, query: `${body.query}\n# breakdown` });
  let resolved: unknown;
  let resolverMs = 0;
  let statementMs = 0;
  let statement: { sql: string; params: unknown[] } | undefined;
  field.resolve = async (...args) => {
    const started = performance.now();
    try {
      resolved = await original(...args);
      return resolved;
    } finally {
      resolverMs += performance.now() - started;
    }
  };
  dataSource.query = (async (sql: string, params?: unknown[], ...rest: unknown[]) => {
    const started = performance.now();
    try {
      return await (originalQuery as (...args: unknown[]) => Promise<unknown>)(sql, params, ...rest);
    } finally {
      statementMs += performance.now() - started;
      statement = { sql, params: params ?? [] };
    }
  }) as DataSource['query'];
  const stages = { total: [] as number[], resolver: [] as number[], statement: [] as number[] };
  let responseBytes = 0;
  try {
    for (let i = 0; i < requests + 5; i++) {
      resolverMs = 0;
      statementMs = 0;
      const started = performance.now();
      const response = await fetch(`${appUrl}${options.request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: timedBody,
      });
      const text = await response.text();
      const total = performance.now() - started;
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(`breakdown: HTTP ${response.status} ${text.slice(0, 300)}`);
      responseBytes = text.length;
      // The first few warm the compiled operation and the connections.
      if (i < 5) continue;
      stages.total.push(total);
      stages.resolver.push(resolverMs);
      stages.statement.push(statementMs);
    }
  } finally {
    field.resolve = original;
    dataSource.query = originalQuery as DataSource['query'];
  }
  if (!statement) throw new Error('breakdown: the timeline ran no statement');

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const planning: number[] = [];
  const execution: number[] = [];
  const wire: number[] = [];
  let jsonTexts: string[] = [];
  try {
    for (let i = 0; i < Math.min(requests, 20); i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.sql}`, statement.params);
      const plan = rows[0]['QUERY PLAN'][0] as { 'Planning Time': number; 'Execution Time': number };
      planning.push(plan['Planning Time']);
      execution.push(plan['Execution Time']);
      const started = performance.now();
      const raw = await client.query({
        text: statement.sql,
        values: statement.params,
        types: { getTypeParser: () => (value: string) => value },
      });
      wire.push(performance.now() - started);
      jsonTexts = raw.rows.map((row: Record<string, string | null>) => row.node).filter((node): node is string => node !== null);
    }
  } finally {
    await client.end();
  }
  const asText = resolved instanceof AnswerText;
  let jsonParseMs = 0;
  let executorMs = 0;
  let stringifyMs = 0;
  if (!asText) {
    jsonParseMs = timeRepeated(requests, () => jsonTexts.map((text) => JSON.parse(text)));

    // graphql-jit over the answer the resolver returned: the operation compiled while `timeline` returns it as is
    // (graphql-jit reads a field's resolver when it compiles). A copy of the schema would share its types, so the
    // resolver is swapped on the schema itself, and put back before any other request can compile.
    field.resolve = () => resolved;
    const compiled = (() => {
      try {
        return compileQuery(schema, parse(body.query));
      } finally {
        field.resolve = original;
      }
    })();
    if (!isCompiledQuery(compiled)) throw new Error(`breakdown: ${JSON.stringify(compiled.errors)}`);
    let result: unknown;
    const executorSamples: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      result = await compiled.query(undefined, {}, body.variables);
      executorSamples.push(performance.now() - started);
    }
    if ((result as { errors?: unknown[] }).errors)
      throw new Error(`breakdown: ${JSON.stringify((result as { errors: unknown[] }).errors)}`);
    stringifyMs = timeRepeated(requests, () => JSON.stringify(result));
    executorMs = median(executorSamples);
  }

  const totalMs = median(stages.total);
  const resolverMedian = median(stages.resolver);
  return {
    requests,
    totalMs,
    resolverMs: resolverMedian,
    statementMs: median(stages.statement),
    postgresPlanningMs: median(planning),
    postgresExecutionMs: median(execution),
    wireMs: median(wire),
    jsonParseMs,
    executorMs,
    stringifyMs,
    restMs: totalMs - resolverMedian - executorMs - stringifyMs,
    responseBytes,
    asText,
  };
}

/** The breakdown as lines of text, the stages nested as they run. */
export function formatBreakdown(b: Breakdown): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  return [
    `  where one request's time goes (one client, median of ${b.requests}, ${b.responseBytes.toLocaleString('en')} bytes):`,
    `  ${ms(b.totalMs)}  the whole request`,
    `  ${ms(b.resolverMs)}    the timeline resolver (validation, selection, service)`,
    `  ${ms(b.statementMs)}      its statement through TypeORM and pg, rows parsed`,
    `  ${ms(b.postgresPlanningMs)}        PostgreSQL planning (EXPLAIN ANALYZE)`,
    `  ${ms(b.postgresExecutionMs)}        PostgreSQL execution (EXPLAIN ANALYZE, TIMING OFF)`,
    `  ${ms(b.wireMs)}        through a bare pg client, JSON as text (PostgreSQL + wire)`,
    ...(b.asText
      ? [`  ${'—'.padStart(9)}    answered as PostgreSQL's JSON text: no JSON.parse, no executor walk, no stringify of the events`]
      : [
          `  ${ms(b.jsonParseMs)}        JSON.parse of the events' JSON`,
          `  ${ms(b.executorMs)}    graphql-jit walking the answer`,
          `  ${ms(b.stringifyMs)}    JSON.stringify of the response`,
        ]),
    `  ${ms(b.restMs)}    the rest: HTTP, Express, Apollo Server's pipeline and plugins`,
  ];
}
