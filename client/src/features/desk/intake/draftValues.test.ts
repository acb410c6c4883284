import type { EventDraftResult } from './intake.queries';
import { articleCitation, draftToFormValues } from './draftValues';

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

const CITATION = articleCitation(ARTICLE, 'I cannot say we made much headway');

describe('draftToFormValues', () => {
  it('Given a statement told to a news agency, Then the form starts as an interview with the quote verbatim and the article as its citation', () => {
    const values = draftToFormValues(draft({}), CITATION);
    expect(values).toMatchObject({
      kind: 'STATEMENT',
      medium: 'INTERVIEW',
      quote: 'I cannot say we made much headway',
      quoteType: 'DIRECT',
    });
    expect(values.citations).toEqual([
      {
        url: 'https://thehill.com/x',
        title: 'Russia: No progress',
        publisher: 'The Hill',
        publishedAt: '2021-10-12',
        language: '',
        excerpt: 'I cannot say we made much headway',
      },
    ]);
  });

  it('Then each matched actor comes once, and an unknown name stays as a participant the form asks an actor for', () => {
    const values = draftToFormValues(draft({}), CITATION);
    expect(values.participants.map((p) => [p.actor?.id ?? null, p.role])).toEqual([
      ['a1', 'SPEAKER'],
      [null, 'MENTIONED'],
    ]);
  });

  it('Given a lifting of sanctions, Then the action guessed is LIFTED', () => {
    const values = draftToFormValues(
      draft({ kind: 'SANCTION', quote: null, evidence: ['both countries lifted targeted sanctions barring some officials'] }),
      CITATION,
    );
    expect(values.action).toBe('LIFTED');
    expect(values.quote).toBe('');
  });

  it('Given a Russian expulsion, Then the mission action is an expulsion by RU of the US mission', () => {
    const values = draftToFormValues(
      draft({ kind: 'MISSION', direction: 'RU_TO_US', evidence: ['Москва выслала американского дипломата.'] }),
      CITATION,
    );
    expect([values.action, values.actingCountry, values.affectedCountry]).toEqual(['EXPULSION', 'RU', 'US']);
  });

  it('Given a phone call between ministers, Then the meeting is a ministerial phone call', () => {
    const values = draftToFormValues(
      draft({ kind: 'MEETING', evidence: ['Secretary of State Rubio spoke by phone with Foreign Minister Lavrov.'] }),
      CITATION,
    );
    expect([values.format, values.level]).toEqual(['PHONE', 'MINISTERIAL']);
  });
});
