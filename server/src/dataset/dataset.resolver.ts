// `importEvents`: the dataset import over GraphQL, for admins; all or nothing, every problem reported.
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { addDocument, DatasetFileError } from './dataset.files';
import { importDataset, knownRecords } from './dataset.store';
import type { DatasetFiles } from './dataset.types';
import { validateDataset } from './dataset.validate';

@ObjectType({ description: 'One problem found in an import, with the record it is in.' })
class ImportProblem {
  @Field({ description: '"input" for the document sent.' })
  file: string;

  @Field({ description: "The record's id, or its position (#n) when it has none." })
  record: string;

  @Field({ description: 'What is wrong.' })
  message: string;
}

@ObjectType({ description: 'What an import did, or would do.' })
class ImportReport {
  @Field({ description: 'True when nothing was written because dryRun was asked for.' })
  dryRun: boolean;

  @Field({ description: 'True when every record is valid (and, unless dryRun, was written).' })
  ok: boolean;

  @Field(() => Int, { description: 'Events in the document.' })
  events: number;

  @Field(() => Int, { description: 'Actors in the document.' })
  actors: number;

  @Field(() => [ImportProblem], { description: 'Every problem found; when there is any, nothing is written.' })
  problems: ImportProblem[];
}

@Resolver()
export class DatasetResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => ImportReport, {
    description:
      'Import events and actors in the dataset format (server/data/README.md) in one transaction: every record is checked first, and one bad record means nothing is written. Admins only.',
  })
  async importEvents(
    @Arg('input', () => GraphQLJSON, { description: 'A document { "actors": […], "events": […] }.' }) input: unknown,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Check only; write nothing.' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return ctx.writes(async (author) => {
      const files: DatasetFiles = { actors: [], events: [] };
      const report = (problems: ImportReport['problems']): ImportReport => ({
        dryRun,
        ok: !problems.length,
        events: files.events.length,
        actors: files.actors.length,
        problems,
      });
      try {
        addDocument(files, input, 'input');
        const problems = validateDataset(files, await knownRecords(ctx.dataSource));
        if (problems.length || dryRun) return report(problems);
        await importDataset(ctx.dataSource, files, author);
        return report([]);
      } catch (error) {
        if (error instanceof DatasetFileError) return report(error.problems);
        throw error;
      }
    });
  }
}
