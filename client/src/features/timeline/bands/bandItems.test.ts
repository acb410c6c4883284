import { bandLabelBoxes, toBandItems } from './bandItems';
import type { TenureBandsQuery } from '../../../graphql/types';

type Tenure = TenureBandsQuery['tenures'][number];
const tenure = (id: string, office: Tenure['office'], startDate: string, endDate: string | null, name: string): Tenure => ({
  id,
  office,
  startDate,
  endDate,
  actor: { id: `actor-${id}`, name },
});

const TENURES = [
  tenure('t2', 'US_PRESIDENT', '2017-01-20', '2021-01-20', 'Donald Trump'),
  tenure('t1', 'US_PRESIDENT', '2009-01-20', '2017-01-20', 'Barack Obama'),
  tenure('p', 'RU_PRESIDENT', '2012-05-07', null, 'Vladimir Putin'),
  tenure('a', 'US_AMBASSADOR_TO_RUSSIA', '2017-10-03', '2019-10-03', 'Jon Huntsman'),
];
const OPEN_END = new Date(2026, 5, 24);

describe('tenure bands', () => {
  it("Given presidents' bands, Then each president's tenure is a background band over its days, US first, in date order", () => {
    const bands = toBandItems(TENURES, ['presidents'], OPEN_END);
    expect(bands.map((b) => [b.content, b.start, b.end])).toEqual([
      ['Barack Obama · U.S. President', new Date(2009, 0, 20), new Date(2017, 0, 20)],
      ['Donald Trump · U.S. President', new Date(2017, 0, 20), new Date(2021, 0, 20)],
      ['Vladimir Putin · President of Russia', new Date(2012, 4, 7), OPEN_END],
    ]);
    expect(bands.every((b) => b.type === 'background')).toBe(true);
  });

  it('Then consecutive holders of one office alternate shades, and each office has its own label row', () => {
    const classes = toBandItems(TENURES, ['presidents', 'ambassadors'], OPEN_END).map((b) => b.className);
    expect(classes).toEqual([
      'band-item band-item--us band-item--row0',
      'band-item band-item--us band-item--row0 band-item--alt',
      'band-item band-item--ru band-item--row1',
      'band-item band-item--us band-item--row2',
    ]);
  });

  it('Then a tenure still running says so on hover, and offices not chosen are left out', () => {
    const bands = toBandItems(TENURES, ['ambassadors'], OPEN_END);
    expect(bands.map((b) => b.title)).toEqual(['U.S. Ambassador to Russia: Jon Huntsman, 3 Oct 2017 – 3 Oct 2019']);
    expect(toBandItems(TENURES, ['presidents'], OPEN_END)[2].title).toBe('President of Russia: Vladimir Putin, 7 May 2012 – in office');
  });
});

describe('band labels over the timeline', () => {
  const bands = toBandItems(TENURES, ['presidents'], OPEN_END);
  const layout = { left: 100, width: 1000 };

  it('Given a window across a change of president, Then each label sits over its part of the window, in its office row', () => {
    const window = { start: new Date(2016, 0, 20), end: new Date(2018, 0, 20) };
    const boxes = bandLabelBoxes(bands, window, layout);
    const obama = boxes.find((box) => box.text.startsWith('Barack Obama'))!;
    const trump = boxes.find((box) => box.text.startsWith('Donald Trump'))!;
    const putin = boxes.find((box) => box.text.startsWith('Vladimir Putin'))!;
    // Obama's band began before the window: his label starts at its left edge and ends at the inauguration.
    expect(obama.left).toBe(100);
    expect(obama.left + obama.width).toBeCloseTo(trump.left, 6);
    expect(trump.left).toBeCloseTo(100 + (366 / 731) * 1000, 0);
    expect(trump.left + trump.width).toBe(1100);
    expect([obama.row, trump.row, putin.row]).toEqual([0, 0, 1]);
    expect(putin.side).toBe('ru');
  });

  it('Given a window before a tenure began, Then its label is not drawn', () => {
    const window = { start: new Date(2010, 0, 1), end: new Date(2011, 0, 1) };
    expect(bandLabelBoxes(bands, window, layout).map((box) => box.text)).toEqual(['Barack Obama · U.S. President']);
  });
});
