// Article intake: an editor sends an article and gets drafted events back to review; nothing is written.
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '@detente/shared';
import type { Context } from '../context';
import { IntakeService } from './intake.service';
import { ArticleDrafts, ArticleInput } from './intake.types';

@Resolver()
export class IntakeResolver {
  // A mutation although it writes nothing: it is an editor's tool, behind the same key and write rate limit as the others.
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => ArticleDrafts, {
    description:
      'Draft the events a news article reports (meetings, statements with their quotes, sanctions, mission actions, agreements), with dates resolved against its publication date, actors matched to the record and possible duplicates. Writes nothing. Editors only.',
  })
  draftEventsFromArticle(
    @Arg('article', () => ArticleInput, { description: 'The article: exactly one of text or html, and publishedAt.' })
    article: ArticleInput,
    @Ctx() ctx: Context,
  ): Promise<ArticleDrafts> {
    return new IntakeService(ctx.dataSource, ctx.events, ctx.loaders).draft(article);
  }
}
