// `npm run intake:eval`: drafts every article of the evaluation set against the shipped dataset and prints the scores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded';
import { createLoaders } from '../loaders';
import { EventService } from '../events/event.service';
import { IntakeService } from '../intake/intake.service';
import { EvalArticle, formatScores, readEvaluationSet, scoreArticle } from '../intake/eval/evaluation';
import type { ArticleDrafts, ArticleInput } from '../intake/intake.types';
import { ActorMatcher } from '../intake/actor-matcher';
import { draftEvents } from '../intake/drafting';
import { Actor } from '../actors/actor.entity';
import { IsNull } from 'typeorm';
import { createTestDatabase, loadShippedDataset } from '../test-support/db';
import { freePort } from '../test-support/net';
import { runCli } from './run-cli';

/** Runs per article; the table shows each article's median. */
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const inputOf = (article: EvalArticle): ArticleInput => ({
  ...(article.input === 'html' ? { html: article.text } : { text: article.text }),
  url: article.url,
  title: article.title,
  publisher: article.publisher,
  publishedAt: article.publishedAt,
});

async function main(): Promise<number> {
  const articles = readEvaluationSet();
  console.log(`Starting an embedded PostgreSQL and loading the shipped dataset…`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-intake-eval-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'detente_eval' });
  // The same fresh, migrated database with the shipped dataset that the tests use.
  process.env.DETENTE_TEST_ADMIN_URL = server.url;
  const db = await createTestDatabase();
  try {
    await loadShippedDataset(db.dataSource);
    const intake = () => new IntakeService(db.dataSource, new EventService(db.dataSource), createLoaders(db.dataSource));
    const matcher = new ActorMatcher(await db.dataSource.getRepository(Actor).find({ where: { mergedIntoId: IsNull() } }));
    // One pass first, so the times below are of a running server, not of loading chrono-node's parsers.
    const coldStart = process.hrtime.bigint();
    for (const article of articles) await intake().draft(inputOf(article));
    const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const scores = [];
    for (const article of articles) {
      // The median of a few runs: the machine is shared, and one run can wait on another process.
      const totals: number[] = [];
      const drafting: number[] = [];
      let result: ArticleDrafts | undefined;
      for (let run = 0; run < RUNS; run++) {
        let start = process.hrtime.bigint();
        result = await intake().draft(inputOf(article));
        totals.push(Number(process.hrtime.bigint() - start) / 1e6);
        start = process.hrtime.bigint();
        draftEvents({ text: IntakeService.articleText(inputOf(article)), publishedAt: article.publishedAt }, matcher);
        drafting.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const drafts = result!.drafts.map((d) => ({ ...d, participants: d.participants.map((p) => ({ name: p.name, actor: p.actor })) }));
      scores.push(scoreArticle(article, result!.text, drafts, median(totals), median(drafting)));
    }
    console.log(
      `\n${articles.length} articles (${articles.filter((a) => a.language === 'ru').length} in Russian), first pass ${coldMs.toFixed(0)} ms in all; ` +
        `each row the median of ${RUNS} runs, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.\n`,
    );
    console.log(formatScores(scores));
    return 0;
  } finally {
    await db.drop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runCli(main, (error) => `intake:eval failed: ${error instanceof Error ? error.message : String(error)}`);
