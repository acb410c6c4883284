// Article intake: checks the article, drafts its events, and finds the record's events and source they may already be.
import { DataSource, IsNull } from 'typeorm';
import { DatePrecision } from '@detente/shared';
import { badInput } from '../common/errors';
import { MAX_PAGE_SIZE } from '../common/pagination';
import type { Loaders } from '../loaders';
import { Actor } from '../actors/actor.entity';
import { Event } from '../events/event.entity';
import { EventService } from '../events/event.service';
import { Source } from '../sources/source.entity';
import { ActorMatcher } from './actor-matcher';
import { htmlToArticleText } from './article-text';
import { addDays, lastDayOf } from './calendar';
import { DraftedEvent, draftEvents } from './drafting';
import { ArticleDrafts, ArticleInput, EventDraft, MAX_ARTICLE_LENGTH } from './intake.types';

/** How many possible duplicates a draft lists. */
export const MAX_DUPLICATES = 5;
/** Events read per look-up (the API's largest page): an article's windows hold far fewer of its kinds. */
const MAX_CANDIDATES = MAX_PAGE_SIZE;
/** Words in the one search that finds candidates by title and summary. */
const MAX_SEARCH_WORDS = 24;
/** When the article gives no date, the event may have happened up to a week before publication. */
const ASSUMED_DATE_WINDOW_DAYS = 7;

const STOPWORDS = new Set(
  'the a an and or of to in on at for with from by as is are was were be been has have had that this it its their his her he she they said says told will would could not but after before about over into than then also which who what when where while more most some such other new last next first two three'.split(
    ' ',
  ),
);
// Subject words the record's titles use; a shared one helps tell a duplicate from a neighbour of the same kind.
const TOPIC =
  /^(?:consulates?|embass(?:y|ies)|diplomats?|sanctions?|treaty|visas?|expel\S*|expulsions?|closures?|talks|call|phone|swap|exchange|prisoners?|INF|START|Crimea|Syria|Ukraine|bans?|staff\S*|missions?)$/i;

/** Words of a draft worth looking for in the record's titles: names and subject words. */
function keywords(draft: DraftedEvent): string[] {
  const words = new Set<string>();
  for (const sentence of draft.evidence) {
    for (const word of sentence.match(/[\p{L}\d]{3,}/gu) ?? []) {
      const plain = word.toLowerCase();
      if (STOPWORDS.has(plain)) continue;
      if (TOPIC.test(word) || /^\p{Lu}/u.test(word)) words.add(plain);
    }
  }
  for (const p of draft.participants) if (p.actor) for (const w of p.actor.name.split(/\s+/)) if (w.length > 2) words.add(w.toLowerCase());
  return [...words].slice(0, 12);
}

/** The days a draft's record twin could be dated: its own span (a day's slack each side), or the week before publication. */
function window(draft: DraftedEvent, publishedAt: string): { from: string; to: string } {
  if (!draft.dateEvidence) return { from: addDays(publishedAt, -ASSUMED_DATE_WINDOW_DAYS), to: addDays(publishedAt, 1) };
  const last = lastDayOf(draft.endDate ?? draft.startDate, draft.datePrecision);
  return draft.datePrecision === DatePrecision.DAY
    ? { from: addDays(draft.startDate, -1), to: addDays(last, 1) }
    : { from: draft.startDate, to: last };
}

export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventService,
    private readonly loaders: Loaders,
  ) {}

  /** The article's text, or a BAD_USER_INPUT naming the field that is wrong. */
  static articleText(article: ArticleInput): string {
    const given = [article.text, article.html].filter((value) => value !== undefined && value !== null);
    if (given.length !== 1) {
      throw badInput(
        given.length ? 'Give either article.text or article.html, not both' : 'Give the article as article.text or article.html',
        given.length ? 'article.html' : 'article.text',
      );
    }
    const field = article.text != null ? 'article.text' : 'article.html';
    const raw = (article.text ?? article.html)!;
    if (raw.length > MAX_ARTICLE_LENGTH) {
      throw badInput(`${field} is ${raw.length} characters; the limit is ${MAX_ARTICLE_LENGTH}`, field);
    }
    const text = article.text ?? htmlToArticleText(raw);
    if (!text.trim()) throw badInput(`${field} has no article text`, field);
    return text;
  }

  /** Drafts the article's events; reads only. */
  async draft(article: ArticleInput): Promise<ArticleDrafts> {
    const text = IntakeService.articleText(article);
    // Actors are read once per request (a few hundred rows), so an actor added a moment ago is matched at once.
    const [actors, existing] = await Promise.all([
      this.dataSource.getRepository(Actor).find({ where: { mergedIntoId: IsNull() } }),
      article.url ? this.dataSource.getRepository(Source).findOne({ where: { url: article.url } }) : null,
    ]);
    const drafted = draftEvents({ text, publishedAt: article.publishedAt }, new ActorMatcher(actors));
    const duplicates = await this.duplicates(drafted, article.publishedAt);
    const drafts: EventDraft[] = drafted.map((draft, i) => ({
      kind: draft.kind,
      startDate: draft.startDate,
      endDate: draft.endDate,
      datePrecision: draft.datePrecision,
      title: draft.title,
      summary: null,
      direction: draft.direction,
      cameoCode: draft.cameoCode,
      tone: draft.tone,
      quote: draft.quote,
      quoteLanguage: draft.quoteLanguage,
      participants: draft.participants.map((p) => ({ ...p, actor: (p.actor as Actor | null) ?? null })),
      evidence: draft.evidence,
      dateEvidence: draft.dateEvidence,
      confidence: Math.round(draft.confidence * 100) / 100,
      duplicates: duplicates[i],
    }));
    return {
      source: {
        url: article.url ?? null,
        title: article.title ?? null,
        publisher: article.publisher ?? null,
        publishedAt: article.publishedAt,
        existing,
      },
      text,
      drafts,
    };
  }

  /**
   * For each draft, the events already in the record that it may be: the same kind in the draft's window that share
   * an actor or words, ranked by shared actors, then shared words, then closeness of date. Two reads serve the whole
   * article (the events of the drafts' kinds across all their windows that share an actor, and those that share
   * words); each draft then keeps its own kind and window.
   */
  async duplicates(drafts: DraftedEvent[], publishedAt: string): Promise<Event[][]> {
    if (!drafts.length) return [];
    const windows = drafts.map((draft) => window(draft, publishedAt));
    const actorsOf = drafts.map((draft) => [...new Set(draft.participants.flatMap((p) => (p.actor ? [p.actor.id] : [])))]);
    const wordsOf = drafts.map(keywords);
    const allActors = [...new Set(actorsOf.flat())];
    const allWords = [...new Set(wordsOf.flat())].slice(0, MAX_SEARCH_WORDS);
    const base = {
      from: windows.map((w) => w.from).sort()[0],
      to: windows.map((w) => w.to).sort()[windows.length - 1],
      kinds: [...new Set(drafts.map((d) => d.kind))],
    };
    const [byActor, byWords] = await Promise.all([
      allActors.length ? this.events.list({ filter: { ...base, actorIds: allActors }, first: MAX_CANDIDATES }) : null,
      allWords.length ? this.events.list({ filter: { ...base, search: allWords.join(' or ') }, first: MAX_CANDIDATES }) : null,
    ]);
    const candidates = new Map<string, Event>();
    for (const event of [...(byActor?.nodes ?? []), ...(byWords?.nodes ?? [])]) candidates.set(event.id, event);
    if (!candidates.size) return drafts.map(() => []);
    const loaded = await this.loaders.participants.loadMany([...candidates.keys()]);
    const actorsByEvent = new Map(
      [...candidates.keys()].map((id, i) => [id, Array.isArray(loaded[i]) ? loaded[i].map((p) => p.actorId) : []]),
    );
    return drafts.map((draft, k) => {
      const { from, to } = windows[k];
      const wordSet = new Set(wordsOf[k]);
      return [...candidates.values()]
        .filter((event) => event.kind === draft.kind && event.startDate <= to && (event.endDate ?? event.startDate) >= from)
        .map((event) => {
          const actorsShared = actorsByEvent.get(event.id)!.filter((id) => actorsOf[k].includes(id)).length;
          const titleWords = (event.title.match(/[\p{L}\d]{3,}/gu) ?? []).filter((w) => wordSet.has(w.toLowerCase())).length;
          const days = Math.abs(Date.parse(event.startDate) - Date.parse(draft.startDate)) / 86_400_000;
          return { event, score: actorsShared * 3 + titleWords - Math.min(days, 30) / 30 };
        })
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_DUPLICATES)
        .map((s) => s.event);
    });
  }
}
