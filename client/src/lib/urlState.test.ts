import {
  DEFAULT_VIEW_STATE,
  decodeMoment,
  decodeViewState,
  encodeMoment,
  encodeViewState,
  roundWindow,
  toEventFilter,
  type ViewState,
} from './urlState';

const local = (year: number, month: number, day: number, hours = 0, minutes = 0) => new Date(year, month - 1, day, hours, minutes);

describe('the view state in the URL', () => {
  const state: ViewState = {
    kinds: ['SANCTION', 'MISSION'] as ViewState['kinds'],
    directions: ['US_TO_RU'] as ViewState['directions'],
    actorIds: ['479e9fd8-7798-4e19-8e86-10d2d79235ab'],
    tags: ['diplomatic missions', 'arms control, new start'],
    search: '"entry ban" or visas',
    window: { start: local(2021, 1, 1), end: local(2022, 1, 1) },
    event: '2016-12-29-us-expels-35-russian-diplomats',
    lanes: 'side',
    view: 'list',
    bands: ['presidents', 'ministers'],
  };

  it('Given a full state, When it is encoded and decoded, Then it comes back the same', () => {
    expect(decodeViewState(encodeViewState(state))).toEqual(state);
  });

  it('Given the default state, the URL has no query at all', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('writes readable parameters', () => {
    const query = encodeViewState({ ...DEFAULT_VIEW_STATE, kinds: state.kinds, window: state.window });
    expect(query).toBe('?kind=SANCTION&kind=MISSION&from=2021-01-01&to=2022-01-01');
  });

  it('Given unknown kinds, malformed dates and hostile ids, it drops them rather than trusting them', () => {
    const decoded = decodeViewState(
      '?kind=SANCTION&kind=BOGUS&dir=SIDEWAYS&from=2021-13-01&to=2022-01-01&event=<script>&actor=a;b&lanes=weird',
    );
    expect(decoded.kinds).toEqual(['SANCTION']);
    expect(decoded.directions).toEqual([]);
    expect(decoded.window).toBeNull();
    expect(decoded.event).toBeNull();
    expect(decoded.actorIds).toEqual([]);
    expect(decoded.lanes).toBe('kind');
  });

  it('accepts comma-separated lists too, without repeats', () => {
    expect(decodeViewState('?kind=SANCTION,MEETING&kind=SANCTION').kinds).toEqual(['SANCTION', 'MEETING']);
  });

  it('Given bands in any order, with repeats and unknown ones, Then it keeps the known ones in a fixed order', () => {
    expect(decodeViewState('?bands=ministers,bogus,presidents,ministers').bands).toEqual(['presidents', 'ministers']);
    expect(encodeViewState({ ...DEFAULT_VIEW_STATE, bands: ['ambassadors', 'presidents'] })).toBe('?bands=presidents&bands=ambassadors');
  });

  it('ignores a window that ends before it starts', () => {
    expect(decodeViewState('?from=2022-01-01&to=2021-01-01').window).toBeNull();
  });
});

describe('moments', () => {
  it('writes midnight as a day and other times to the minute', () => {
    expect(encodeMoment(local(2021, 10, 12))).toBe('2021-10-12');
    expect(encodeMoment(local(2021, 10, 12, 14, 30))).toBe('2021-10-12T14:30');
    expect(decodeMoment('2021-10-12T14:30')).toEqual(local(2021, 10, 12, 14, 30));
    expect(decodeMoment('yesterday')).toBeNull();
  });

  it('rounds a wide window to whole days and a narrow one to minutes', () => {
    const wide = roundWindow({ start: local(2021, 1, 1, 13, 5), end: local(2021, 6, 30, 18, 0) });
    expect(wide).toEqual({ start: local(2021, 1, 1), end: local(2021, 7, 1) });
    const narrow = roundWindow({ start: new Date(local(2021, 1, 1, 13, 5).getTime() + 20_000), end: local(2021, 1, 3) });
    expect(narrow.start).toEqual(local(2021, 1, 1, 13, 5));
  });
});

describe('toEventFilter', () => {
  it('leaves out empty lists and blank searches, and can leave out one filter for facet counts', () => {
    const filters = { kinds: ['SANCTION'], directions: [], actorIds: [], tags: ['visas'], search: '  ' } as unknown as ViewState;
    expect(toEventFilter(filters)).toEqual({ kinds: ['SANCTION'], tags: ['visas'] });
    expect(toEventFilter(filters, ['kinds'])).toEqual({ tags: ['visas'] });
  });
});
