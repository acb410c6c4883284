// `npm run data:check`: validates server/data (or FILE) without a database. Problems fail it; warnings (slips a
// researcher should look at, dataset/dataset.checks.ts) are printed and do not.
import path from 'node:path';
import { loadConfig } from '../config';
import { datasetWarnings } from '../dataset/dataset.checks';
import { DatasetFileError, formatProblems, readDatasetDir, readDatasetFile } from '../dataset/dataset.files';
import { validateDataset } from '../dataset/dataset.validate';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const target = process.argv[2];
  try {
    const files = target
      ? readDatasetFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), target))
      : readDatasetDir(loadConfig().datasetDir);
    const problems = validateDataset(files);
    if (problems.length) {
      console.error(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems, 500)}`);
      return 1;
    }
    const warnings = datasetWarnings(files);
    if (warnings.length)
      console.warn(
        `${warnings.length} warning${warnings.length === 1 ? '' : 's'} to check against the sources:\n${formatProblems(warnings, 500)}`,
      );
    const links = files.events.reduce((n, e) => n + (e.record.links?.length ?? 0), 0);
    console.log(`Dataset OK: ${files.events.length} events, ${files.actors.length} actors, ${links} links.`);
    return 0;
  } catch (error) {
    if (error instanceof DatasetFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

runCli(main, (error) => (error instanceof Error ? error.message : String(error)));
