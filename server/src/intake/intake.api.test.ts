// draftEventsFromArticle over real HTTP and PostgreSQL with the shipped dataset: editors only, bad input named, nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { ApiKeyRole } from '@detente/shared';
import type { TestApp } from '../test-support/app';
import type { TestDatabase } from '../test-support/db';
import { withFixtureApp } from '../test-support/fixture-app';
import { MAX_ARTICLE_LENGTH } from './intake.types';

// The article the product started from, read where the repository's README says it lives (never copied here).
const SEED_PATH = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'seed-article.txt');
const seed = fs.existsSync(SEED_PATH) ? fs.readFileSync(SEED_PATH, 'utf8') : null;

let db: TestDatabase;
let app: TestApp;
let editor: string;
withFixtureApp(
  (fixture) =>
    ({
      db,
      app,
      keys: { 'intake editor': editor },
    } = fixture),
  { dataset: 'shipped', keys: [{ name: 'intake editor', role: ApiKeyRole.EDITOR }] },
);

const DRAFT = `mutation($article: ArticleInput!) { draftEventsFromArticle(article: $article) {
  source { url title publisher publishedAt existing { id url } }
  text
  drafts {
    kind startDate endDate datePrecision title direction cameoCode tone quote quoteLanguage evidence dateEvidence confidence
    participants { name role side actor { slug } }
    duplicates { slug kind startDate }
  } } }`;
const notAKey = { authorization: 'Bearer not-a-key' };
const withKey = () => ({ authorization: `Bearer ${editor}` });
const ARTICLE = {
  text: 'Russian Foreign Minister Sergey Lavrov and U.S. Secretary of State John Kerry had a telephone conversation on Saturday, the Russian Foreign Ministry said.',
  publishedAt: '2015-09-05',
};

/** Rows in every table a write could touch. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = ['event', 'actor', 'source', 'citation', 'event_participant', 'event_link', 'revision'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return counts;
}

describe('draftEventsFromArticle: who may call it and what it accepts', () => {
  it('Given no key, Then it is refused with UNAUTHENTICATED', async () => {
    const res = await app.gql(DRAFT, { article: ARTICLE });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data?.draftEventsFromArticle ?? null).toBeNull();
  });

  it('Given a key that is not one, Then it is refused with UNAUTHENTICATED', async () => {
    const res = await app.gql(DRAFT, { article: ARTICLE }, notAKey);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    [
      'both text and html',
      { text: 'Lavrov met Kerry on Friday.', html: '<p>Lavrov met Kerry on Friday.</p>', publishedAt: '2016-10-15' },
      /html/,
    ],
    ['neither text nor html', { publishedAt: '2016-10-15' }, /text/],
    ['a text over the limit', { text: 'x'.repeat(MAX_ARTICLE_LENGTH + 1), publishedAt: '2016-10-15' }, /text/],
    ['html over the limit', { html: `<p>${'x'.repeat(MAX_ARTICLE_LENGTH)}</p>`, publishedAt: '2016-10-15' }, /html/],
    ['no publishedAt', { text: 'Lavrov met Kerry on Friday.' }, /publishedAt/],
    ['a publishedAt that is not a day', { text: 'Lavrov met Kerry on Friday.', publishedAt: '2016-02-30' }, /publishedAt|Date/],
  ])('Given %s, Then it is BAD_USER_INPUT naming the field, and nothing is written', async (_case, article, field) => {
    const before = await rowCounts();
    const res = await app.gql(DRAFT, { article }, withKey());
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const named = `${res.errors?.[0].message} ${JSON.stringify(res.errors?.[0].extensions ?? {})}`;
    expect(named).toMatch(field);
    expect(named).not.toContain('x'.repeat(50));
    expect(named).not.toContain('Lavrov met');
    expect(await rowCounts()).toEqual(before);
  });

  it('Given an article of exactly the limit, Then it is accepted', async () => {
    const text = `${ARTICLE.text} `.repeat(Math.floor(MAX_ARTICLE_LENGTH / (ARTICLE.text.length + 1)));
    const res = await app.gql(
      DRAFT,
      { article: { text: text.padEnd(MAX_ARTICLE_LENGTH, '.'), publishedAt: ARTICLE.publishedAt } },
      withKey(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.draftEventsFromArticle.drafts.length).toBeGreaterThan(0);
  });
});

describe('draftEventsFromArticle: what it drafts', () => {
  it('Given an editor key and an article, Then it drafts the call with both ministers matched, and writes nothing', async () => {
    const before = await rowCounts();
    const url = 'https://tass.com/russia/819081/amp';
    const res = await app.gql(DRAFT, { article: { ...ARTICLE, url, publisher: 'TASS' } }, withKey());
    expect(res.errors).toBeUndefined();
    const { drafts, source } = res.data.draftEventsFromArticle;
    const [stored] = await db.dataSource.query('SELECT id FROM source WHERE url = $1', [url]);
    expect(source).toMatchObject({ url, publisher: 'TASS', publishedAt: '2015-09-05', existing: { id: stored.id, url } });
    const [call] = drafts;
    expect(call).toMatchObject({
      kind: 'MEETING',
      startDate: '2015-09-05',
      datePrecision: 'DAY',
      dateEvidence: 'on Saturday',
      cameoCode: '041',
    });
    expect(call.participants.map((p: any) => p.actor?.slug)).toEqual(expect.arrayContaining(['sergey-lavrov', 'john-kerry']));
    expect(call.duplicates[0].slug).toBe('2015-09-05-kerry-warns-lavrov-syria-buildup');
    expect(await rowCounts()).toEqual(before);
  });

  it('Given HTML, Then it is reduced to the article text the evidence is drawn from', async () => {
    const html = `<html><head><title>x</title><script>var tracker = "met on Friday";</script></head><body><nav>Home · World</nav>
      <article><h1>Lavrov and Kerry meet</h1><p>US Secretary of State John Kerry and Russia's foreign minister Sergei Lavrov held
      face-to-face talks <b>Friday</b> in Lausanne for the first time since Washington halted their bilateral push for peace in Syria.</p>
      <p>The pair met in a Lausanne hotel shortly before they were to take part in a broader meeting, officials said.</p></article></body></html>`;
    const res = await app.gql(DRAFT, { article: { html, publishedAt: '2016-10-15', url: 'https://example.org/not-stored' } }, withKey());
    expect(res.errors).toBeUndefined();
    const { text, drafts, source } = res.data.draftEventsFromArticle;
    expect(source.existing).toBeNull();
    expect(text).not.toMatch(/tracker|<b>/);
    expect(drafts[0]).toMatchObject({ kind: 'MEETING', startDate: '2016-10-14' });
    for (const sentence of drafts[0].evidence) expect(text).toContain(sentence);
  });

  it('Given a Russian article, Then dates, declined names and «quotes» are read', async () => {
    const text =
      'МОСКВА, 26 декабря. Замминистра иностранных дел России Сергей Рябков в пятницу встретился с послом США Линн Трейси.\n«Мы посылаем по всем линиям сигналы о том, что давайте договариваться по-настоящему», — заявил Рябков.';
    const res = await app.gql(DRAFT, { article: { text, publishedAt: '2025-12-26' } }, withKey());
    expect(res.errors).toBeUndefined();
    const { drafts } = res.data.draftEventsFromArticle;
    const meeting = drafts.find((d: any) => d.kind === 'MEETING');
    expect(meeting?.participants.map((p: any) => p.actor?.slug)).toEqual(expect.arrayContaining(['sergei-ryabkov', 'lynne-tracy']));
    const statement = drafts.find((d: any) => d.kind === 'STATEMENT');
    expect(statement).toMatchObject({ quoteLanguage: 'ru', direction: 'RU_TO_US' });
    expect(text).toContain(statement.quote);
    expect(statement.participants.find((p: any) => p.role === 'SPEAKER').actor.slug).toBe('sergei-ryabkov');
  });
});

(seed ? describe : describe.skip)('the seed article (../shared/seed-article.txt)', () => {
  let drafts: any[];
  beforeAll(async () => {
    const res = await app.gql(DRAFT, { article: { text: seed, publishedAt: '2021-10-12', publisher: 'The Hill' } }, withKey());
    expect(res.errors).toBeUndefined();
    drafts = res.data.draftEventsFromArticle.drafts;
  });
  const slugs = (draft: any) => draft.duplicates.map((d: any) => d.slug);

  it('drafts the Ryabkov–Nuland talks, pointing at the meeting in the record', () => {
    const talks = drafts.find((d) => d.kind === 'MEETING');
    expect(talks.participants.map((p: any) => p.actor?.slug)).toEqual(expect.arrayContaining(['sergei-ryabkov', 'victoria-nuland']));
    expect(talks.startDate).toBe('2021-10-12');
    expect(slugs(talks)[0]).toBe('2021-10-12-ryabkov-nuland-talks-moscow');
  });

  it("drafts Ryabkov's Interfax statement with his words verbatim, pointing at the statement in the record", () => {
    const statement = drafts.find(
      (d) => d.kind === 'STATEMENT' && d.participants.some((p: any) => p.role === 'SPEAKER' && p.actor?.slug === 'sergei-ryabkov'),
    );
    expect(statement).toMatchObject({ startDate: '2021-10-12', dateEvidence: 'on Tuesday' });
    expect(statement.quote).toMatch(/headway/);
    expect(seed).toContain(statement.quote);
    expect(slugs(statement)[0]).toBe('2021-10-12-ryabkov-interfax-no-headway-missions');
  });

  it('drafts the lifting of the entry bans, pointing at the lifting in the record, with its date marked as assumed', () => {
    const lifting = drafts.find((d) => d.kind === 'SANCTION');
    expect(lifting).toMatchObject({ cameoCode: '081', dateEvidence: null });
    expect(slugs(lifting)).toContain('2021-10-10-russia-us-lift-entry-bans-nuland-vorontsov');
  });

  it("drafts the senators' letter last week, with its quote, pointing at the letter in the record", () => {
    const letter = drafts.find(
      (d) => d.kind === 'STATEMENT' && d.participants.some((p: any) => p.role === 'SPEAKER' && p.actor?.slug === 'us-senate'),
    );
    expect(letter).toMatchObject({ startDate: '2021-10-04', endDate: '2021-10-10', dateEvidence: 'Last week', direction: 'DOMESTIC_US' });
    expect(letter.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'ADDRESSEE', actor: { slug: 'joe-biden' } })]),
    );
    expect(seed).toContain(letter.quote);
    expect(slugs(letter)[0]).toBe('2021-10-04-senators-letter-biden-embassy-moscow-staffing');
  });

  it('drafts nothing from the background and quotes nobody the article does not name', () => {
    for (const draft of drafts) {
      if (draft.quote) expect(draft.participants.filter((p: any) => p.role === 'SPEAKER')).toHaveLength(1);
      for (const sentence of draft.evidence) expect(seed).toContain(sentence);
    }
    expect(drafts.filter((d) => d.kind === 'STATEMENT')).toHaveLength(2);
  });
});
