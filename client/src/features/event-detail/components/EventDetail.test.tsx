import { render, screen, waitFor, within } from '@testing-library/react';
import { fireEvent } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { createApolloCache } from '../../../lib/apollo';
import { EVENT_DETAIL_QUERY, type EventDetailData } from '../api/event.queries';
import { EventDetail } from './EventDetail';

/** A fixture as the cache holds it: every object carries its __typename, which the query's types leave out. */
type WithTypenames<T> =
  T extends ReadonlyArray<infer U>
    ? Array<WithTypenames<U>>
    : T extends object
      ? { [K in keyof T]: WithTypenames<T[K]> } & { __typename?: string }
      : T;
type EventFixture = WithTypenames<EventDetailData>;

const common = {
  summary: null,
  endDate: null,
  location: null,
  direction: 'RU_TO_US',
  importance: 4,
  verification: 'CONFIRMED',
  cameoCode: '012',
  toneNote: null,
  revisions: [
    {
      __typename: 'Revision' as const,
      version: 1,
      action: 'IMPORT' as const,
      author: 'dataset',
      note: null,
      createdAt: '2026-11-20T10:00:00.000Z',
    },
    {
      __typename: 'Revision' as const,
      version: 2,
      action: 'UPDATE' as const,
      author: 'desk-editor',
      note: 'Corrected the outlet',
      createdAt: '2026-11-25T16:30:00.000Z',
    },
  ],
  participants: [],
  links: [],
} satisfies Partial<EventFixture>;

const source = (id: string, url: string, extra: Partial<{ title: string; publisher: string; publishedAt: string }> = {}) => ({
  __typename: 'Citation' as const,
  excerpt: null,
  source: { __typename: 'Source' as const, id, url, title: null, publisher: null, publishedAt: null, ...extra },
});

const statement: Extract<EventFixture, { __typename: 'Statement' }> = {
  ...common,
  __typename: 'Statement',
  id: 'stmt-1',
  kind: 'STATEMENT',
  title: 'Ryabkov: Moscow sees no basis for optimism on embassies',
  startDate: '2021-10-12',
  datePrecision: 'DAY',
  tone: -2.5,
  tags: ['diplomatic missions'],
  summary: 'The deputy foreign minister described the embassy dispute.',
  participants: [
    {
      __typename: 'Participant',
      role: 'SPEAKER',
      side: 'RU',
      actor: {
        __typename: 'Actor',
        id: 'ryabkov',
        name: 'Sergei Ryabkov',
        title: 'Deputy Foreign Minister',
        country: 'RU',
        kind: 'PERSON',
      },
    },
  ],
  citations: [
    source('src-1', 'https://example.org/hill/2021/10/12', {
      title: 'Russia says no progress on embassies',
      publisher: 'The Hill',
      publishedAt: '2021-10-12',
    }),
    source('src-2', 'javascript:alert(1)', { title: 'A bad link' }),
  ],
  links: [
    {
      __typename: 'EventLink',
      type: 'RESPONDS_TO',
      direction: 'OUTGOING',
      event: {
        __typename: 'MissionAction',
        id: 'cap-1',
        kind: 'MISSION',
        title: 'Russia bans local hiring at US missions',
        startDate: '2021-04-23',
        endDate: null,
        datePrecision: 'DAY',
      },
    },
  ],
  quote: 'Мы не видим оснований для оптимизма.',
  quoteLanguage: 'ru',
  quoteType: 'DIRECT',
  translatedFrom: null,
  translatedBy: null,
  medium: 'INTERVIEW',
  outlet: { __typename: 'Actor', id: 'interfax', name: 'Interfax' },
};

const missionAction: EventFixture = {
  ...common,
  __typename: 'MissionAction',
  id: 'mission-1',
  kind: 'MISSION',
  title: 'US embassy in Moscow cuts staff',
  startDate: '2021-10-01',
  datePrecision: 'MONTH',
  tone: -5,
  tags: [],
  citations: [source('src-3', 'https://example.org/state', { publisher: 'State Department' })],
  missionAction: 'STAFF_CAP',
  actingCountry: 'RU',
  affectedCountry: 'US',
  facility: 'US Embassy Moscow',
  city: 'Moscow',
  personnelCount: 120,
};

function mockFor(event: EventFixture): MockLink.MockedResponse {
  return { request: { query: EVENT_DETAIL_QUERY, variables: { id: event.id } }, result: { data: { event } } };
}

function renderDetail(event: EventFixture, handlers: Partial<{ onClose: () => void; onSelectEvent: () => void }> = {}) {
  const onClose = handlers.onClose ?? jest.fn();
  const onSelectEvent = handlers.onSelectEvent ?? jest.fn();
  const onFilterActor = jest.fn();
  const onFilterTag = jest.fn();
  render(
    <MockedProvider mocks={[mockFor(event)]} cache={createApolloCache()}>
      <EventDetail
        eventId={event.id}
        onClose={onClose}
        onSelectEvent={onSelectEvent}
        onFilterActor={onFilterActor}
        onFilterTag={onFilterTag}
      />
    </MockedProvider>,
  );
  return { onClose, onSelectEvent, onFilterActor, onFilterTag };
}

describe('EventDetail', () => {
  it('Given a Statement, it shows the quote in a blockquote with its speaker and outlet', async () => {
    renderDetail(statement);
    const quote = await screen.findByText('Мы не видим оснований для оптимизма.');
    expect(quote.tagName).toBe('BLOCKQUOTE');
    expect(quote).toHaveAttribute('lang', 'ru');
    expect(screen.getByText('— Sergei Ryabkov, via Interfax')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: statement.title })).toBeInTheDocument();
    expect(screen.getByText('12 Oct 2021')).toBeInTheDocument();
    expect(screen.getByText('Interview')).toBeInTheDocument();
  });

  it('is the labelled complementary region the browser tests look for', async () => {
    renderDetail(statement);
    await screen.findByRole('heading', { name: statement.title });
    const panel = screen.getByRole('complementary', { name: 'Event details' });
    expect(panel).toHaveAttribute('data-testid', 'event-detail');
  });

  it('lists sources as links that open in a new tab without an opener', async () => {
    renderDetail(statement);
    await screen.findByRole('heading', { name: statement.title });
    const sources = screen.getByTestId('event-sources');
    const link = within(sources).getByRole('link', { name: 'Russia says no progress on embassies' });
    expect(link).toHaveAttribute('href', 'https://example.org/hill/2021/10/12');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(sources).getByText(/The Hill, 12 Oct 2021/)).toBeInTheDocument();
  });

  it('never turns a non-http source URL into a link', async () => {
    renderDetail(statement);
    await screen.findByRole('heading', { name: statement.title });
    const sources = screen.getByTestId('event-sources');
    expect(within(sources).getAllByRole('link')).toHaveLength(1);
    expect(within(sources).getByText('A bad link').tagName).toBe('SPAN');
  });

  it('Given a MissionAction, it shows the action, countries, facility, city and people affected', async () => {
    renderDetail(missionAction);
    await screen.findByRole('heading', { name: missionAction.title });
    const fields = screen.getByRole('region', { name: 'Mission action' });
    const valueOf = (label: string) => within(fields).getByText(label).nextElementSibling?.textContent;
    expect(valueOf('Action')).toBe('Staff cap');
    expect(valueOf('Acting country')).toBe('Russia');
    expect(valueOf('Affected country')).toBe('United States');
    expect(valueOf('Facility')).toBe('US Embassy Moscow');
    expect(valueOf('City')).toBe('Moscow');
    expect(valueOf('Personnel affected')).toBe('120');
    expect(screen.getByText('Oct 2021')).toBeInTheDocument();
  });

  it('Given a linked event, choosing it hands that event to the page', async () => {
    const { onSelectEvent } = renderDetail(statement);
    await screen.findByText('In response to');
    fireEvent.click(screen.getByRole('button', { name: /Russia bans local hiring at US missions/ }));
    expect(onSelectEvent).toHaveBeenCalledWith(expect.objectContaining({ id: 'cap-1', startDate: '2021-04-23' }));
  });

  it('closes with the close button and with Escape', async () => {
    const { onClose } = renderDetail(statement);
    await screen.findByRole('heading', { name: statement.title });
    fireEvent.click(screen.getByRole('button', { name: 'Close event details' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('Given participants and tags, choosing a participant chip or a tag asks the page to filter by it', async () => {
    const { onFilterActor, onFilterTag } = renderDetail(statement);
    fireEvent.click(await screen.findByTestId('participant-chip'));
    expect(onFilterActor).toHaveBeenCalledWith(expect.objectContaining({ id: 'ryabkov', name: 'Sergei Ryabkov' }));
    fireEvent.click(screen.getByRole('button', { name: 'diplomatic missions' }));
    expect(onFilterTag).toHaveBeenCalledWith('diplomatic missions');
  });

  it('shows the coding: the CAMEO code with its label, the Goldstein tone, importance and verification', async () => {
    renderDetail(statement);
    const coding = await screen.findByTestId('event-coding');
    // The codebook arrives with the first panel that shows a code.
    await waitFor(() => expect(coding).toHaveTextContent('012 Make pessimistic comment'));
    expect(coding).toHaveTextContent('-2.5 on the Goldstein scale');
    expect(coding).toHaveTextContent('4 of 5 (major)');
    expect(coding).toHaveTextContent('Confirmed by the sources');
  });

  it('lists the revisions, newest first, with version, action, author, date and note', async () => {
    renderDetail(statement);
    const items = within(await screen.findByTestId('event-history')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Version 2: update by desk-editor, 25 Nov 2026, 16:30 UTCCorrected the outlet',
      'Version 1: import by dataset, 20 Nov 2026, 10:00 UTC',
    ]);
  });

  it('does not say which source carries the quote when no excerpt holds it', async () => {
    renderDetail(statement);
    await screen.findByTestId('event-coding');
    expect(screen.queryByTestId('quote-source')).toBeNull();
  });

  it("Given a quote in an outlet's translation, Then it says so and names the translator", async () => {
    renderDetail({
      ...statement,
      quote: 'We see no grounds for optimism.',
      quoteLanguage: 'en',
      translatedFrom: 'ru',
      translatedBy: 'Reuters',
    });
    expect(await screen.findByTestId('quote-translation')).toHaveTextContent('Translated from Russian by Reuters');
  });

  it('Given a quote in the original language, Then no translation note is shown', async () => {
    renderDetail(statement);
    await screen.findByText('Мы не видим оснований для оптимизма.');
    expect(screen.queryByTestId('quote-translation')).toBeNull();
  });

  it('names the source whose excerpt holds the quote', async () => {
    const carrier = source('src-9', 'https://example.org/interfax', { title: 'Ryabkov interview', publisher: 'Interfax' });
    renderDetail({ ...statement, citations: [{ ...carrier, excerpt: '«Мы не видим оснований для оптимизма», — сказал он.' }] });
    expect(await screen.findByTestId('quote-source')).toHaveTextContent('Quoted in Ryabkov interview (Interfax)');
  });
});
