import type { EventDraftResult } from './intake.queries';
import { articleCitation, createInput, draftToValues } from './draftValues';

const ARTICLE = { url: ' https://thehill.com/x ', title: 'Russia: No progress', publisher: 'The Hill', publishedAt: '2021-10-12' };

function draft(overrides: Partial<EventDraftResult>): EventDraftResult {
  return {
    kind: 'STATEMENT',
    startDate: '2021-10-12',
    endDate: null,
    datePrecision: 'DAY',
    title: 'Sergei Ryabkov voices pessimism',
    summary: null,
    direction: 'RU_TO_US',
    cameoCode: '012',
    tone: -0.4,
    quote: 'I cannot say we made much headway',
    quoteLanguage: 'en',
    evidence: ['Ryabkov told Interfax news agency that the countries could not come to an agreement.'],
    dateEvidence: 'on Tuesday',
    confidence: 0.9,
    participants: [
      {
        name: 'Sergei Ryabkov',
        role: 'SPEAKER',
        side: 'RU',
        actor: { id: 'a1', slug: 'sergei-ryabkov', name: 'Sergei Ryabkov', title: null, country: 'RU' },
      },
      {
        name: 'Ryabkov',
        role: 'SPEAKER',
        side: 'RU',
        actor: { id: 'a1', slug: 'sergei-ryabkov', name: 'Sergei Ryabkov', title: null, country: 'RU' },
      },
      { name: 'Ivan Unknown', role: 'MENTIONED', side: null, actor: null },
    ],
    duplicates: [],
    ...overrides,
  };
}

describe('draftToValues', () => {
  it('Given a statement told to a news agency, Then the form starts as an interview with the quote, each matched actor once, no unmatched names', () => {
    const values = draftToValues(draft({}));
    expect(values.medium).toBe('INTERVIEW');
    expect(values.quote).toBe('I cannot say we made much headway');
    expect(values.participants).toEqual([{ actorId: 'a1', name: 'Sergei Ryabkov', role: 'SPEAKER', side: 'RU' }]);
  });

  it('Given a lifting of sanctions, Then the action guessed is LIFTED', () => {
    const values = draftToValues(
      draft({ kind: 'SANCTION', evidence: ['both countries lifted targeted sanctions barring some officials'] }),
    );
    expect(values.sanctionAction).toBe('LIFTED');
  });

  it('Given a Russian expulsion, Then the mission action is an expulsion by RU of the US mission', () => {
    const values = draftToValues(draft({ kind: 'MISSION', direction: 'RU_TO_US', evidence: ['Москва выслала американского дипломата.'] }));
    expect(values.missionAction).toBe('EXPULSION');
    expect([values.actingCountry, values.affectedCountry]).toEqual(['RU', 'US']);
  });
});

describe('createInput', () => {
  it('cites the article (trimmed) with the quote as excerpt, and sends only the fields of the kind', () => {
    const values = draftToValues(draft({}));
    const created = createInput(values, articleCitation(ARTICLE, values.quote));
    expect(created.kind).toBe('STATEMENT');
    expect(created.input.citations).toEqual([
      {
        url: 'https://thehill.com/x',
        title: 'Russia: No progress',
        publisher: 'The Hill',
        publishedAt: '2021-10-12',
        excerpt: 'I cannot say we made much headway',
      },
    ]);
    expect(created.input).toMatchObject({ medium: 'INTERVIEW', quoteType: 'DIRECT', quoteLanguage: 'en', endDate: null });
    expect(created.input).not.toHaveProperty('format');
  });

  it('leaves the quote fields out of a statement without a quote', () => {
    const values = { ...draftToValues(draft({ quote: null })), quote: '  ' };
    const created = createInput(values, articleCitation(ARTICLE));
    expect(created.input).not.toHaveProperty('quote');
    expect(created.input).not.toHaveProperty('quoteType');
  });
});
