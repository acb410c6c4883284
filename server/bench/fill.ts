// Fills the benchmark database with synthetic events in set-based SQL: deterministic (every value is a hash of the
// row number), realistic in mix and shape, and fast because per-row triggers are off while it runs.
import { Client } from 'pg';

export const BENCH_ACTORS = 5000;
const FIRST_DAY = '1995-01-01';
/** 30 years: 1995-01-01 … 2024-12-31. */
const DAYS = 10_958;
const BATCH = 100_000;

export const DATA_RANGE = { from: FIRST_DAY, to: '2024-12-31' };
/** A word that only ~1 event in 10,000 carries, and one that ~1 in 6 does: scenario (b)'s rare and common terms. */
export const RARE_TERM = 'kaliningrad';
export const COMMON_TERM = 'sanctions';

/** r(n, salt): a uniform number in [0, 1) from the row number; the same on every run and every server. */
const HELPERS = `
CREATE OR REPLACE FUNCTION pg_temp.r(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (hashint8(n * 7919 + salt)::bigint + 2147483648) / 4294967296.0 $$;
CREATE OR REPLACE FUNCTION pg_temp.pick(words text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT words[1 + floor(x * array_length(words, 1))::int] $$;
CREATE OR REPLACE FUNCTION pg_temp.event_uuid(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT md5('bench-event-' || n)::uuid $$;
CREATE OR REPLACE FUNCTION pg_temp.actor_uuid(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT md5('bench-actor-' || n)::uuid $$;
CREATE OR REPLACE FUNCTION pg_temp.source_uuid(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT md5('bench-source-' || n)::uuid $$;
`;

const FIRST_NAMES = `ARRAY['Sergei','Victoria','Antony','Sergey','Maria','John','Dmitry','Wendy','Anatoly','Jake','Lavrov','Ivan','Anna','Michael','Olga','Robert','Elena','William','Natalia','James','Yuri','Linda','Nikolai','Karen','Alexei','Thomas','Irina','Richard','Pavel','Susan']`;
const LAST_NAMES = `ARRAY['Ryabkov','Nuland','Blinken','Zakharova','Peskov','Sullivan','Sherman','Antonov','Sullivan','Kozak','Tracy','Ushakov','Burns','Volodin','Matviyenko','Lukin','Kerry','Tillerson','Pompeo','Kislyak','Huntsman','McFaul','Tefft','Rubio','Menendez','Graham','Shoigu','Naryshkin','Medvedev','Patrushev','Bolton','Mattis','Austin','Kirby','Price','Miller','Grushko','Rudenko','Darchiev','Lynne']`;
const TOPICS = `ARRAY['arms control','strategic stability','embassy staffing','visas','cyber attacks','election interference','Ukraine','Syria','New START','nuclear testing','prisoner exchange','energy exports','consular services','diplomatic property','Arctic cooperation','space cooperation','chemical weapons','Iran talks','trade','hypersonic missiles']`;
const TAGS = `ARRAY['diplomatic missions','visas','arms control','sanctions','expulsions','talks','cyber','elections','energy','Ukraine','Syria','prisoners','nuclear','trade','human rights']`;
const VERBS = `ARRAY['warns about','discusses','criticises','welcomes','rejects','proposes talks on','comments on','raises concerns over','calls for progress on','dismisses claims about']`;
const PLACES = `ARRAY['Moscow','Washington','Geneva','Helsinki','Vienna','New York','Istanbul','Minsk','Brussels','Paris']`;

/** Rows 1…n of one batch, as the generate_series every insert reads. */
const rows = (from: number, to: number) => `generate_series(${from}::bigint, ${to}::bigint) AS g(n)`;

function actorsSql(): string {
  return `INSERT INTO actor (id, slug, name, kind, country, title, aliases)
    SELECT pg_temp.actor_uuid(n), 'bench-actor-' || n,
           pg_temp.pick(${FIRST_NAMES}, pg_temp.r(n, 1)) || ' ' || pg_temp.pick(${LAST_NAMES}, pg_temp.r(n, 2)) || ' ' || n,
           CASE WHEN pg_temp.r(n, 3) < 0.70 THEN 'PERSON' WHEN pg_temp.r(n, 3) < 0.85 THEN 'GOVERNMENT_BODY' WHEN pg_temp.r(n, 3) < 0.90 THEN 'LEGISLATURE'
                WHEN pg_temp.r(n, 3) < 0.96 THEN 'ORGANIZATION' ELSE 'MEDIA_OUTLET' END,
           CASE WHEN pg_temp.r(n, 4) < 0.45 THEN 'US' WHEN pg_temp.r(n, 4) < 0.90 THEN 'RU' ELSE 'CH' END,
           pg_temp.pick(ARRAY['Deputy Foreign Minister','Ambassador','Senator','Spokesperson','Secretary of State','Minister','Envoy','Director'], pg_temp.r(n, 5)),
           CASE WHEN pg_temp.r(n, 6) < 0.5 THEN ARRAY['Алиас ' || n] ELSE '{}'::text[] END
      FROM ${rows(1, BENCH_ACTORS)}`;
}

function sourcesSql(sources: number): string {
  return `INSERT INTO source (id, url, title, publisher, published_at, language)
    SELECT pg_temp.source_uuid(n), 'https://bench.example.org/article/' || n, 'Report ' || n,
           pg_temp.pick(ARRAY['Reuters','TASS','AP','Interfax','RIA Novosti','The Hill','Kommersant','State Department','Kremlin'], pg_temp.r(n, 11)),
           date '${FIRST_DAY}' + floor(pg_temp.r(n, 12) * ${DAYS})::int, CASE WHEN pg_temp.r(n, 13) < 0.6 THEN 'en' ELSE 'ru' END
      FROM ${rows(1, sources)}`;
}

/** Kinds: 45% statements, 25% meetings, 15% sanctions, 8% mission actions, 7% agreements. */
const KIND = `CASE WHEN pg_temp.r(n, 20) < 0.45 THEN 'STATEMENT' WHEN pg_temp.r(n, 20) < 0.70 THEN 'MEETING' WHEN pg_temp.r(n, 20) < 0.85 THEN 'SANCTION'
                   WHEN pg_temp.r(n, 20) < 0.93 THEN 'MISSION' ELSE 'AGREEMENT' END`;

function eventsSql(from: number, to: number): string {
  return `INSERT INTO event (id, slug, kind, title, summary, start_date, end_date, date_precision, location_name, location_country, direction,
                             cameo_code, tone, importance, tags, verification, quote, quote_language, quote_type, medium, outlet_id,
                             format, level, outcome, sanction_action, program, measures, mission_action, acting_country, affected_country,
                             facility, city, personnel_count, agreement_action, instrument)
    SELECT pg_temp.event_uuid(n), 'bench-' || n, kind,
           CASE kind
             WHEN 'STATEMENT' THEN pg_temp.pick(${LAST_NAMES}, pg_temp.r(n, 30)) || ' ' || pg_temp.pick(${VERBS}, pg_temp.r(n, 31)) || ' ' || topic
             WHEN 'MEETING' THEN pg_temp.pick(${LAST_NAMES}, pg_temp.r(n, 30)) || ' and ' || pg_temp.pick(${LAST_NAMES}, pg_temp.r(n, 32)) || ' meet on ' || topic
             WHEN 'SANCTION' THEN 'New sanctions over ' || topic
             WHEN 'MISSION' THEN pg_temp.pick(ARRAY['Diplomats expelled','Consulate closed','Embassy staff capped','Ambassador recalled','Visa services suspended'], pg_temp.r(n, 33)) || ' amid ' || topic
             ELSE pg_temp.pick(ARRAY['Agreement signed on','Treaty extended:','Talks conclude on','Exchange agreed on'], pg_temp.r(n, 33)) || ' ' || topic
           END || CASE WHEN pg_temp.r(n, 34) < 0.0001 THEN ' near ${RARE_TERM[0].toUpperCase()}${RARE_TERM.slice(1)}' ELSE '' END,
           'Synthetic benchmark event ' || n || ' about ' || topic || ' in ' || place || '.'
             || CASE WHEN kind <> 'SANCTION' AND pg_temp.r(n, 35) < 0.05 THEN ' Officials discussed ${COMMON_TERM} relief.' ELSE '' END,
           start_date,
           CASE WHEN kind = 'MEETING' AND pg_temp.r(n, 40) < 0.3 THEN start_date + 1 + floor(pg_temp.r(n, 41) * 3)::int
                WHEN kind = 'SANCTION' AND pg_temp.r(n, 40) < 0.2 THEN start_date + 30 + floor(pg_temp.r(n, 41) * 335)::int END,
           precision,
           CASE WHEN kind = 'MEETING' THEN place END,
           CASE WHEN kind = 'MEETING' THEN pg_temp.pick(ARRAY['RU','US','CH','FI','AT'], pg_temp.r(n, 42)) END,
           direction,
           CASE kind WHEN 'STATEMENT' THEN '012' WHEN 'MEETING' THEN '040' WHEN 'SANCTION' THEN '163' WHEN 'MISSION' THEN '166' ELSE '057' END,
           greatest(-10, least(10, round((CASE kind WHEN 'SANCTION' THEN -7 WHEN 'MISSION' THEN -6 WHEN 'STATEMENT' THEN -1 WHEN 'MEETING' THEN 2 ELSE 5 END
                  + (pg_temp.r(n, 43) - 0.5) * 6)::numeric, 1)))::real,
           CASE WHEN pg_temp.r(n, 44) < 0.40 THEN 1 WHEN pg_temp.r(n, 44) < 0.70 THEN 2 WHEN pg_temp.r(n, 44) < 0.88 THEN 3 WHEN pg_temp.r(n, 44) < 0.97 THEN 4 ELSE 5 END,
           CASE WHEN kind = 'SANCTION' THEN ARRAY['sanctions', pg_temp.pick(${TAGS}, pg_temp.r(n, 45))]
                WHEN pg_temp.r(n, 46) < 0.5 THEN ARRAY[pg_temp.pick(${TAGS}, pg_temp.r(n, 45))]
                ELSE ARRAY[pg_temp.pick(${TAGS}, pg_temp.r(n, 45)), pg_temp.pick(${TAGS}, pg_temp.r(n, 47)), pg_temp.pick(${TAGS}, pg_temp.r(n, 48))] END,
           CASE WHEN pg_temp.r(n, 49) < 0.9 THEN 'CONFIRMED' WHEN pg_temp.r(n, 49) < 0.98 THEN 'REPORTED' ELSE 'DISPUTED' END,
           CASE WHEN kind = 'STATEMENT' AND pg_temp.r(n, 50) < 0.3 THEN 'We will answer any step on ' || topic || ' in kind.' END,
           CASE WHEN kind = 'STATEMENT' AND pg_temp.r(n, 50) < 0.3 THEN 'en' END,
           CASE WHEN kind = 'STATEMENT' AND pg_temp.r(n, 50) < 0.3 THEN 'DIRECT' END,
           CASE WHEN kind = 'STATEMENT' THEN pg_temp.pick(ARRAY['INTERVIEW','BRIEFING','SPEECH','PRESS_RELEASE','SOCIAL_POST','LETTER','TESTIMONY'], pg_temp.r(n, 51)) END,
           CASE WHEN kind = 'STATEMENT' AND pg_temp.r(n, 52) < 0.4 THEN pg_temp.actor_uuid(1 + floor(pg_temp.r(n, 53) * ${BENCH_ACTORS})::int) END,
           CASE WHEN kind = 'MEETING' THEN pg_temp.pick(ARRAY['IN_PERSON','PHONE','VIDEO','SUMMIT','MULTILATERAL_SIDELINE'], pg_temp.r(n, 54)) END,
           CASE WHEN kind = 'MEETING' THEN pg_temp.pick(ARRAY['HEAD_OF_STATE','MINISTERIAL','DEPUTY_MINISTER','WORKING'], pg_temp.r(n, 55)) END,
           CASE WHEN kind = 'MEETING' AND pg_temp.r(n, 56) < 0.5 THEN 'No agreement on ' || topic || '.' END,
           CASE WHEN kind = 'SANCTION' THEN pg_temp.pick(ARRAY['IMPOSED','EXPANDED','EXTENDED','EASED','LIFTED','THREATENED'], pg_temp.r(n, 57)) END,
           CASE WHEN kind = 'SANCTION' THEN pg_temp.pick(ARRAY['EO 14024','CAATSA','EO 13660','Russian entry-ban list','Magnitsky Act'], pg_temp.r(n, 58)) END,
           CASE WHEN kind = 'SANCTION' THEN ARRAY[pg_temp.pick(ARRAY['ASSET_FREEZE','TRAVEL_BAN','EXPORT_CONTROL','SECTORAL','FINANCIAL','VISA_BAN'], pg_temp.r(n, 59))] ELSE '{}'::text[] END,
           CASE WHEN kind = 'MISSION' THEN pg_temp.pick(ARRAY['EXPULSION','CLOSURE','STAFF_CAP','HIRING_BAN','VISA_RESTRICTION','AMBASSADOR_RECALL','AMBASSADOR_RETURN','REOPENING','SERVICE_SUSPENSION'], pg_temp.r(n, 60)) END,
           CASE WHEN kind = 'MISSION' THEN CASE WHEN direction = 'US_TO_RU' THEN 'US' ELSE 'RU' END END,
           CASE WHEN kind = 'MISSION' THEN CASE WHEN direction = 'US_TO_RU' THEN 'RU' ELSE 'US' END END,
           CASE WHEN kind = 'MISSION' THEN pg_temp.pick(ARRAY['Embassy','Consulate General','Trade mission'], pg_temp.r(n, 61)) END,
           CASE WHEN kind = 'MISSION' THEN pg_temp.pick(ARRAY['Moscow','Washington','San Francisco','Seattle','St Petersburg','Yekaterinburg','Vladivostok','New York'], pg_temp.r(n, 62)) END,
           CASE WHEN kind = 'MISSION' THEN floor(pg_temp.r(n, 63) * 60)::int END,
           CASE WHEN kind = 'AGREEMENT' THEN pg_temp.pick(ARRAY['SIGNED','EXTENDED','SUSPENDED','WITHDRAWN','EXCHANGED'], pg_temp.r(n, 64)) END,
           CASE WHEN kind = 'AGREEMENT' THEN pg_temp.pick(ARRAY['New START','INF Treaty','Open Skies','Prisoner exchange','Consular convention'], pg_temp.r(n, 65)) END
      FROM (
        SELECT n, ${KIND} AS kind,
               pg_temp.pick(${TOPICS}, pg_temp.r(n, 21)) AS topic,
               pg_temp.pick(${PLACES}, pg_temp.r(n, 22)) AS place,
               CASE WHEN pg_temp.r(n, 23) < 0.9 THEN 'DAY' WHEN pg_temp.r(n, 23) < 0.98 THEN 'MONTH' ELSE 'YEAR' END AS precision,
               CASE WHEN pg_temp.r(n, 24) < 0.35 THEN 'US_TO_RU' WHEN pg_temp.r(n, 24) < 0.70 THEN 'RU_TO_US' WHEN pg_temp.r(n, 24) < 0.85 THEN 'MUTUAL'
                    WHEN pg_temp.r(n, 24) < 0.93 THEN 'DOMESTIC_US' ELSE 'DOMESTIC_RU' END AS direction,
               date '${FIRST_DAY}' + floor(pg_temp.r(n, 25) * ${DAYS})::int AS day
          FROM ${rows(from, to)}
      ) base
      CROSS JOIN LATERAL (
        SELECT CASE precision WHEN 'DAY' THEN day WHEN 'MONTH' THEN date_trunc('month', day)::date ELSE date_trunc('year', day)::date END AS start_date
      ) d`;
}

/**
 * 2–4 participants per event, distinct actors (offsets 1237 apart modulo 5,000), skewed towards a few prominent
 * actors as real coverage is; roles follow the kind.
 */
function participantsSql(from: number, to: number): string {
  return `INSERT INTO event_participant (event_id, actor_id, role, side, position)
    SELECT pg_temp.event_uuid(n), pg_temp.actor_uuid(1 + (base + k * 1237) % ${BENCH_ACTORS}),
           CASE WHEN k = 0 THEN CASE kind WHEN 'STATEMENT' THEN 'SPEAKER' WHEN 'SANCTION' THEN 'AUTHORITY' WHEN 'MISSION' THEN 'ACTING' ELSE 'PARTICIPANT' END
                ELSE CASE kind WHEN 'STATEMENT' THEN 'ADDRESSEE' WHEN 'SANCTION' THEN 'TARGET' WHEN 'MISSION' THEN 'AFFECTED' ELSE 'PARTICIPANT' END END,
           CASE WHEN (k + base) % 2 = 0 THEN 'US' ELSE 'RU' END,
           k
      FROM (SELECT n, ${KIND} AS kind, floor(power(pg_temp.r(n, 70), 2) * ${BENCH_ACTORS})::int AS base, 2 + floor(pg_temp.r(n, 71) * 3)::int AS how_many
              FROM ${rows(from, to)}) e
      CROSS JOIN LATERAL generate_series(0, how_many - 1) AS k`;
}

/** 1–2 citations per event, from a pool of one source per five events (200,000 at a million). */
function citationsSql(from: number, to: number, sources: number): string {
  return `INSERT INTO citation (event_id, source_id, excerpt, position)
    SELECT pg_temp.event_uuid(n), pg_temp.source_uuid(1 + (n * 7 + k * 13) % ${sources}),
           CASE WHEN pg_temp.r(n, 80 + k) < 0.3 THEN 'Excerpt ' || n || '.' END, k
      FROM ${rows(from, to)}
      CROSS JOIN LATERAL generate_series(0, CASE WHEN pg_temp.r(n, 81) < 0.5 THEN 0 ELSE 1 END) AS k`;
}

/** One link per 300 events (3,333 at a million), each answering an event up to 2,000 rows earlier. */
function linksSql(events: number): string {
  return `INSERT INTO event_link (id, from_event_id, to_event_id, type)
    SELECT md5('bench-link-' || n)::uuid, pg_temp.event_uuid(n), pg_temp.event_uuid(n - 1 - floor(pg_temp.r(n, 90) * least(n - 1, 2000))::int),
           pg_temp.pick(ARRAY['RESPONDS_TO','RETALIATES_FOR','FOLLOWS_UP','PART_OF','REVERSES'], pg_temp.r(n, 91))
      FROM generate_series(2::bigint, ${events}::bigint) AS g(n)
     WHERE n % 300 = 0
    ON CONFLICT DO NOTHING`;
}

const TRIGGER_TABLES = ['event', 'event_participant', 'actor'];

export interface FillOptions {
  url: string;
  events: number;
  log: (message: string) => void;
}

async function timed(log: (m: string) => void, label: string, work: () => Promise<unknown>) {
  const started = Date.now();
  await work();
  log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Empties the benchmark tables and fills them with `events` synthetic events. */
export async function fillDatabase({ url, events, log }: FillOptions): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const sources = Math.max(100, Math.round(events / 5));
  try {
    await client.query(`SET statement_timeout = 0; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    await client.query(HELPERS);
    log(`Filling the benchmark database with ${events.toLocaleString('en')} events…`);
    await client.query('TRUNCATE event_link, citation, event_participant, revision, event, source, actor CASCADE');
    // Per-row full-text triggers would rebuild each event's document once per participant row: off during the
    // fill, and the same document is computed set-based below.
    for (const table of TRIGGER_TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await timed(log, `${BENCH_ACTORS.toLocaleString('en')} actors`, () => client.query(actorsSql()));
      await timed(log, `${sources.toLocaleString('en')} sources`, () => client.query(sourcesSql(sources)));
      for (let from = 1; from <= events; from += BATCH) {
        const to = Math.min(events, from + BATCH - 1);
        await timed(log, `events ${from.toLocaleString('en')}–${to.toLocaleString('en')} with participants and citations`, async () => {
          await client.query('BEGIN');
          try {
            await client.query(eventsSql(from, to));
            await client.query(participantsSql(from, to));
            await client.query(citationsSql(from, to, sources));
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        });
      }
      await timed(log, 'links', () => client.query(linksSql(events)));
      for (let from = 1; from <= events; from += BATCH) {
        const to = Math.min(events, from + BATCH - 1);
        await timed(log, `search documents ${from.toLocaleString('en')}–${to.toLocaleString('en')}`, () =>
          client.query(
            `UPDATE event e SET search_vector = event_search_document(e) WHERE e.id IN (SELECT pg_temp.event_uuid(n) FROM ${rows(from, to)})`,
          ),
        );
      }
      // Rollups kept by triggers elsewhere are rebuilt from the rows just written.
      const { rows: rebuilders } = await client.query(
        `SELECT proname FROM pg_proc WHERE proname LIKE 'rebuild\\_%\\_rollup' AND pronamespace = 'public'::regnamespace`,
      );
      for (const { proname } of rebuilders as Array<{ proname: string }>)
        await timed(log, `rollup ${proname}`, () => client.query(`SELECT ${proname}()`));
    } finally {
      for (const table of TRIGGER_TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
    await timed(log, 'VACUUM ANALYZE', () => client.query('VACUUM ANALYZE'));
    log(`Filled in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await client.end();
  }
}
