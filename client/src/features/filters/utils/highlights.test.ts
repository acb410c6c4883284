import { splitHighlights, sumByKind } from './highlights';

describe('splitHighlights', () => {
  it('Given matches inside the text, it returns plain and highlighted runs in order', () => {
    expect(splitHighlights('Sherman tells Ryabkov no', [{ start: 14, length: 7 }])).toEqual([
      { text: 'Sherman tells ', highlighted: false },
      { text: 'Ryabkov', highlighted: true },
      { text: ' no', highlighted: false },
    ]);
  });

  it('clips ranges past the end, ignores empty ones and merges overlaps', () => {
    expect(
      splitHighlights('abcdef', [
        { start: 4, length: 10 },
        { start: 1, length: 0 },
        { start: 0, length: 2 },
        { start: 1, length: 2 },
      ]),
    ).toEqual([
      { text: 'abc', highlighted: true },
      { text: 'd', highlighted: false },
      { text: 'ef', highlighted: true },
    ]);
  });

  it('keeps markup in the text as text', () => {
    const runs = splitHighlights('<img src=x onerror=alert(1)>', [{ start: 1, length: 3 }]);
    expect(runs.map((run) => run.text).join('')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('sumByKind', () => {
  it('adds each kind over the buckets', () => {
    const totals = sumByKind([
      {
        byKind: [
          { kind: 'MEETING', count: 2 },
          { kind: 'SANCTION', count: 1 },
        ],
      },
      { byKind: [{ kind: 'MEETING', count: 3 }] },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ MEETING: 5, SANCTION: 1 });
  });
});
