// Builds the TypeORM data source over `pg` for a connection URL; migrations only, never `synchronize`.
import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { ActorTenure } from '../actors/tenure.entity';
import { ApiKey } from '../auth/api-key.entity';
import { EventLinkRow } from '../events/event-link.entity';
import { Agreement, Event, Meeting, MissionAction, Sanction, Statement } from '../events/event.entity';
import { Participant } from '../events/participant.entity';
import { Revision } from '../revisions/revision.entity';
import { Citation, Source } from '../sources/source.entity';
import { Correction } from '../corrections/correction.entity';
import { InitialSchema1732700000000 } from './migrations/1732700000000-InitialSchema';
import { FullTextSearch1732800000000 } from './migrations/1732800000000-FullTextSearch';
import { SearchDocumentLookup1733000000000 } from './migrations/1733000000000-SearchDocumentLookup';
import { EventDailyRollups1733100000000 } from './migrations/1733100000000-EventDailyRollups';
import { WindowIndexes1733200000000 } from './migrations/1733200000000-WindowIndexes';
import { StatementTranslation1733300000000 } from './migrations/1733300000000-StatementTranslation';
import { Corrections1733400000000 } from './migrations/1733400000000-Corrections';
import { RecentChangesIndex1733400000001 } from './migrations/1733400000001-RecentChangesIndex';
import { BeforeWindowIndex1733450000000 } from './migrations/1733450000000-BeforeWindowIndex';
import { SearchLexemeBound1733510000000 } from './migrations/1733510000000-SearchLexemeBound';
import { CoarseRollups1733540000000 } from './migrations/1733540000000-CoarseRollups';
import { RollupRangeCount1733550000000 } from './migrations/1733550000000-RollupRangeCount';
import { ActorTenures1733600000000 } from './migrations/1733600000000-ActorTenures';

// Calendar days stay strings ("2021-10-12"): turning them into JS Dates shifts them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export const ENTITIES = [
  Event,
  Statement,
  Meeting,
  Sanction,
  MissionAction,
  Agreement,
  Actor,
  ActorTenure,
  Participant,
  Source,
  Citation,
  EventLinkRow,
  Revision,
  ApiKey,
  Correction,
];
export const MIGRATIONS = [
  InitialSchema1732700000000,
  FullTextSearch1732800000000,
  SearchDocumentLookup1733000000000,
  EventDailyRollups1733100000000,
  WindowIndexes1733200000000,
  StatementTranslation1733300000000,
  Corrections1733400000000,
  RecentChangesIndex1733400000001,
  BeforeWindowIndex1733450000000,
  SearchLexemeBound1733510000000,
  CoarseRollups1733540000000,
  RollupRangeCount1733550000000,
  ActorTenures1733600000000,
];

export interface DataSourceOptions {
  url: string;
  /**
   * Read-only replicas of `url`. With any, TypeORM's replication mode is on: reads made outside a transaction go
   * to a replica picked at random, while writes, transactions and migrations go to the primary (`url`).
   */
  replicaUrls?: string[];
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
  /** Called for every SQL statement sent; tests and benchmarks count them. */
  onQuery?: (sql: string) => void;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const { onQuery } = options;
  const applicationName = options.applicationName ?? 'detente';
  const replicaUrls = options.replicaUrls ?? [];
  // Each pool names itself in pg_stat_activity, so a DBA sees which connections are replica reads.
  const connection = replicaUrls.length
    ? {
        replication: {
          master: { url: options.url, applicationName },
          slaves: replicaUrls.map((url) => ({ url, applicationName: `${applicationName}-replica` })),
        },
      }
    : { url: options.url, applicationName };
  return new DataSource({
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: onQuery ? ['query'] : false,
    logger: onQuery
      ? {
          logQuery: (sql: string) => onQuery(sql),
          logQueryError: () => undefined,
          logQuerySlow: () => undefined,
          logSchemaBuild: () => undefined,
          logMigration: () => undefined,
          log: () => undefined,
        }
      : undefined,
    poolSize: options.poolSize ?? 10,
    extra: {
      statement_timeout: options.statementTimeoutMs ?? 5000,
      connectionTimeoutMillis: 5000,
    },
  });
}
