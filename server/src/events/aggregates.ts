// Counts and "temperature" (tone over time) per calendar bucket, computed in PostgreSQL; only buckets reach Node.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Direction, EventKind } from '@detente/shared';
import { AnswerText, jsonText, jsonTextArray, jsonTextOf, type AnswerShape } from '../common/answer-text';
import { badInput } from '../common/errors';
import { DateScalar } from '../common/scalars';
import { applyFilter, rollupAnswers } from './filter';
import { Bucket, EventFilter, MAX_BUCKETS } from './event.inputs';
import { RollupGrain, periodColumn, rollupTable, splitRange } from './rollup-ranges';

const STEP: Record<Bucket, string> = { DAY: '1 day', WEEK: '1 week', MONTH: '1 month', YEAR: '1 year' };
const TRUNC: Record<Bucket, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' };
const APPROX_DAYS: Record<Bucket, number> = { DAY: 1, WEEK: 7, MONTH: 28, YEAR: 365 };

@ObjectType({ simpleResolvers: true, description: 'How many events of one kind a bucket holds.' })
export class KindCount {
  @Field(() => EventKind, { description: 'The kind.' })
  kind: EventKind;

  @Field(() => Int, { description: 'Events of that kind.' })
  count: number;
}

@ObjectType({ simpleResolvers: true, description: 'Events starting in one calendar bucket.' })
export class BucketCount {
  @Field(() => DateScalar, { description: 'First day of the bucket.' })
  start: string;

  @Field(() => DateScalar, { description: 'Last day of the bucket.' })
  end: string;

  @Field(() => Int, { description: 'Matching events that start in the bucket.' })
  count: number;

  @Field(() => [KindCount], { description: 'The same count split by kind (kinds with none are left out).' })
  byKind: KindCount[];
}

@ObjectType({ simpleResolvers: true, description: 'Tone of the events of one direction in one bucket.' })
export class DirectionalTone {
  @Field(() => Int, { description: 'Events in this direction that start in the bucket.' })
  count: number;

  @Field(() => Float, { description: 'Sum of their tones (−10 conflict … +10 cooperation each).' })
  toneSum: number;

  @Field(() => Float, { nullable: true, description: 'Mean tone; null when the bucket has no events.' })
  meanTone: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Exponentially weighted mean tone up to this bucket; carries over empty buckets; null before the first event.',
  })
  smoothed: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'The temperature of relations in one bucket, each way.' })
export class TemperaturePoint {
  @Field(() => DateScalar, { description: 'First day of the bucket.' })
  start: string;

  @Field(() => DateScalar, { description: 'Last day of the bucket.' })
  end: string;

  @Field(() => DirectionalTone, { description: 'What the United States did towards Russia (direction US_TO_RU).' })
  usToRu: DirectionalTone;

  @Field(() => DirectionalTone, { description: 'What Russia did towards the United States (direction RU_TO_US).' })
  ruToUs: DirectionalTone;

  @Field(() => DirectionalTone, { description: 'Every event with a tone, whatever its direction (mutual steps included).' })
  all: DirectionalTone;
}

/** The coarsest rollup whose periods nest in the bucket: weeks in weeks, months in months and years. */
const GRAIN: Record<Bucket, RollupGrain> = { DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'month' };

/**
 * Rows (p, key, n[, s]) of a rollup over [from, to], from the coarsest grain the bucket allows (rollup-ranges.ts):
 * whole periods inside the range from the coarse table, then finer ones at either edge, down to days. Every period
 * read lies inside one bucket. `family` is event_count (key kind, n events) or event_tone (key direction, n toned,
 * s tone_sum). The SQL numbers its parameters from $`first`; the values to bind come back with it.
 */
export function rollupRows(
  family: 'count' | 'tone',
  bucket: Bucket,
  from: string,
  to: string,
  first: number,
): { sql: string; params: string[] } {
  const columns = family === 'count' ? 'kind AS key, events AS n' : 'direction AS key, toned AS n, tone_sum AS s';
  const params: string[] = [];
  const parts = splitRange(from, to, GRAIN[bucket]).map(({ grain, first: a, last: b }) => {
    params.push(a, b);
    const at = first + params.length - 2;
    return `SELECT ${periodColumn(grain)} AS p, ${columns} FROM ${rollupTable(family, grain)}
             WHERE ${periodColumn(grain)} BETWEEN $${at}::date AND $${at + 1}::date`;
  });
  // checkRange has refused from > to, so there is at least one range.
  return { sql: parts.join(' UNION ALL '), params };
}

function checkRange(from: string, to: string, bucket: Bucket) {
  if (from > to) throw badInput('Argument "from" must not be after "to"', 'from');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days / APPROX_DAYS[bucket] > MAX_BUCKETS + 1) {
    throw badInput(`At most ${MAX_BUCKETS} buckets per query: use a larger bucket or a shorter range`, 'bucket');
  }
}

/**
 * The JSON text of a bucket and of one of its kinds for an answer shape (answer-text.ts), over per_bucket's
 * columns (`start` and `end` are the day expressions) and a counts row; undefined for a field they do not know.
 */
function bucketTexts(shape: AnswerShape, start = 'start', end = 'start'): { bucket: string; kind: string } | undefined {
  const kindShape = shape.find((f) => f.name === 'byKind')?.shape;
  const kindFields: Record<string, string> = { kind: jsonText('counts.kind'), count: jsonText('counts.n::int') };
  const kind = kindShape ? jsonTextOf(kindShape, (f) => kindFields[f.name]) : `'null'`;
  const bucketFields: Record<string, string> = { start: jsonText(start), end: jsonText(end), count: jsonText('count'), byKind: 'by_kind' };
  const bucket = jsonTextOf(shape, (f) => bucketFields[f.name]);
  return kind && bucket ? { bucket, kind } : undefined;
}

/** Whether `eventCounts` can write this shape as text. */
export const eventCountsWrites = (shape: AnswerShape) => bucketTexts(shape) !== undefined;

export class AggregateService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The buckets, or with `shape` (the exact selection under the field, answer-text.ts) their JSON text as the
   * response carries it. A shape with a field the statement does not know gets the buckets.
   */
  async eventCounts(
    from: string,
    to: string,
    bucket: Bucket,
    filter: EventFilter | undefined,
    shape?: AnswerShape,
  ): Promise<BucketCount[] | AnswerText> {
    checkRange(from, to, bucket);
    let inner: { getQueryAndParameters(): [string, unknown[]] };
    if (rollupAnswers(filter)) {
      // The rollups (kept by triggers: EventDailyRollups, CoarseRollups) hold the same counts per period and kind.
      const kinds = filter?.kinds?.length ? filter.kinds : undefined;
      const rows = rollupRows('count', bucket, from, to, 2);
      inner = {
        getQueryAndParameters: () => [
          `SELECT date_trunc($1, r.p::timestamp)::date AS b, r.key AS kind, sum(r.n) AS n FROM (${rows.sql}) r
            WHERE ${kinds ? `r.key = ANY($${rows.params.length + 2})` : 'true'}
            GROUP BY 1, 2 HAVING sum(r.n) > 0`,
          [TRUNC[bucket], ...rows.params, ...(kinds ? [kinds] : [])],
        ],
      };
    } else {
      inner = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from: undefined, to: undefined })
        .select(`date_trunc(:trunc, e.start_date::timestamp)::date`, 'b')
        .addSelect('e.kind', 'kind')
        .addSelect('count(*)', 'n')
        .andWhere('e.start_date BETWEEN :aFrom AND :aTo')
        .groupBy('1, 2')
        .setParameters({ trunc: TRUNC[bucket], aFrom: from, aTo: to });
    }
    const [sql, params] = inner.getQueryAndParameters();
    const n = params.length;
    const start = `to_char(start, 'YYYY-MM-DD')`;
    const end = `to_char((start + $${n + 4}::interval - interval '1 day')::date, 'YYYY-MM-DD')`;
    const text = shape && bucketTexts(shape, start, end);
    // The answer's own shape, built by PostgreSQL as one JSON value: a thousand buckets arrive as one text that
    // JSON.parse reads (or, as text, nothing reads), not as 5,000 rows of (bucket, kind) that pg parses cell by
    // cell and Node then regroups.
    const rows: Array<{ answer: BucketCount[] | string }> = await this.dataSource.query(
      `WITH counts AS (${sql}),
            buckets AS (SELECT b::date AS start FROM generate_series(date_trunc($${n + 1}, $${n + 2}::date::timestamp), $${n + 3}::date::timestamp, $${n + 4}::interval) b),
            per_bucket AS (
              SELECT buckets.start,
                     coalesce(sum(counts.n), 0)::int AS count,
                     ${
                       text
                         ? jsonTextArray(text.kind, 'counts.kind', 'counts.kind IS NOT NULL')
                         : `coalesce(json_agg(json_build_object('kind', counts.kind, 'count', counts.n::int) ORDER BY counts.kind)
                                FILTER (WHERE counts.kind IS NOT NULL), '[]')`
                     } AS by_kind
                FROM buckets LEFT JOIN counts ON counts.b = buckets.start
               GROUP BY buckets.start)
       SELECT ${
         text
           ? jsonTextArray(text.bucket, 'start')
           : `coalesce(json_agg(json_build_object('start', ${start}, 'end', ${end}, 'count', count, 'byKind', by_kind) ORDER BY start), '[]')`
       } AS answer
         FROM per_bucket`,
      [...params, TRUNC[bucket], from, to, STEP[bucket]],
    );
    const answer = rows[0].answer;
    return typeof answer === 'string' ? new AnswerText(answer) : answer;
  }

  async relationsTemperature(
    from: string,
    to: string,
    bucket: Bucket,
    smoothing: number,
    filter?: EventFilter,
  ): Promise<TemperaturePoint[]> {
    checkRange(from, to, bucket);
    if (!(smoothing > 0 && smoothing <= 1)) throw badInput('Argument "smoothing" must be above 0 and at most 1', 'smoothing');
    const narrowed =
      filter &&
      Object.entries(filter).some(
        ([name, value]) =>
          !['from', 'to'].includes(name) && value !== undefined && value !== null && !(Array.isArray(value) && !value.length),
      );
    // Per bucket and direction: how many toned events and the sum of their tones.
    let sums: string;
    let params: unknown[];
    if (!narrowed) {
      // From the rollups of toned events (EventDailyRollups, CoarseRollups): whole weeks or months, and edge days.
      const rows = rollupRows('tone', bucket, from, to, 7);
      sums = `SELECT date_trunc($1, r.p::timestamp)::date AS b,
                     sum(r.n) FILTER (WHERE r.key = $5) AS us_n, coalesce(sum(r.s) FILTER (WHERE r.key = $5), 0) AS us_sum,
                     sum(r.n) FILTER (WHERE r.key = $6) AS ru_n, coalesce(sum(r.s) FILTER (WHERE r.key = $6), 0) AS ru_sum,
                     sum(r.n) AS all_n, coalesce(sum(r.s), 0) AS all_sum
                FROM (${rows.sql}) r
               GROUP BY 1
              HAVING sum(r.n) > 0`;
      params = rows.params;
    } else {
      // A filter the rollup cannot answer: the matching events themselves, through the same indexes as `events`.
      const [sql, filterParams] = applyFilter(this.dataSource.createQueryBuilder().from('event', 'e'), { ...filter, from, to })
        .select('e.start_date', 'start_date')
        .addSelect('e.direction', 'direction')
        .addSelect('e.tone', 'tone')
        .andWhere('e.tone IS NOT NULL')
        .getQueryAndParameters();
      params = filterParams;
      sums = `SELECT date_trunc($1, m.start_date::timestamp)::date AS b,
                      count(*) FILTER (WHERE m.direction = $5) AS us_n, coalesce(sum(m.tone::numeric) FILTER (WHERE m.direction = $5), 0) AS us_sum,
                      count(*) FILTER (WHERE m.direction = $6) AS ru_n, coalesce(sum(m.tone::numeric) FILTER (WHERE m.direction = $6), 0) AS ru_sum,
                      count(*) AS all_n, coalesce(sum(m.tone::numeric), 0) AS all_sum
                 FROM (${sql.replace(/\$(\d+)/g, (_m, i) => `$${Number(i) + 6}`)}) m
                WHERE m.start_date BETWEEN $2::date AND $3::date
                GROUP BY 1`;
    }
    const rows: Array<{
      start: string;
      end: string;
      us_n: string;
      us_sum: number;
      ru_n: string;
      ru_sum: number;
      all_n: string;
      all_sum: number;
    }> = await this.dataSource.query(
      `WITH buckets AS (SELECT b::date AS start FROM generate_series(date_trunc($1, $2::date::timestamp), $3::date::timestamp, $4::interval) b),
            sums AS (${sums})
       SELECT to_char(buckets.start, 'YYYY-MM-DD') AS start,
              to_char((buckets.start + $4::interval - interval '1 day')::date, 'YYYY-MM-DD') AS end,
              coalesce(us_n, 0) AS us_n, coalesce(us_sum, 0)::float8 AS us_sum,
              coalesce(ru_n, 0) AS ru_n, coalesce(ru_sum, 0)::float8 AS ru_sum,
              coalesce(all_n, 0) AS all_n, coalesce(all_sum, 0)::float8 AS all_sum
         FROM buckets LEFT JOIN sums ON sums.b = buckets.start
        ORDER BY buckets.start`,
      [TRUNC[bucket], from, to, STEP[bucket], Direction.US_TO_RU, Direction.RU_TO_US, ...params],
    );
    const smoother = () => {
      let value: number | null = null;
      return (count: number, sum: number): DirectionalTone => {
        const meanTone = count ? sum / count : null;
        if (meanTone !== null) value = value === null ? meanTone : smoothing * meanTone + (1 - smoothing) * value;
        return { count, toneSum: sum, meanTone, smoothed: value };
      };
    };
    const us = smoother();
    const ru = smoother();
    const all = smoother();
    return rows.map((r) => ({
      start: r.start,
      end: r.end,
      usToRu: us(Number(r.us_n), Number(r.us_sum)),
      ruToUs: ru(Number(r.ru_n), Number(r.ru_sum)),
      all: all(Number(r.all_n), Number(r.all_sum)),
    }));
  }
}
