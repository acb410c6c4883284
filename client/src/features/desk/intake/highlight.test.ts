import { highlight } from './highlight';

describe('highlight', () => {
  it('cuts the text into plain and marked pieces that join back into the text', () => {
    const text = 'Ryabkov said on Tuesday that talks stalled.';
    const pieces = highlight(text, ['on Tuesday']);
    expect(pieces).toEqual([
      { text: 'Ryabkov said ', mark: null },
      { text: 'on Tuesday', mark: 0 },
      { text: ' that talks stalled.', mark: null },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('marks every occurrence, lets the earlier phrase win an overlap, and ignores missing phrases', () => {
    const pieces = highlight('a b a c', ['a', 'a b', null, 'zzz']);
    expect(pieces).toEqual([
      { text: 'a', mark: 0 },
      { text: ' b', mark: 1 },
      { text: ' ', mark: null },
      { text: 'a', mark: 0 },
      { text: ' c', mark: null },
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(highlight('', ['x'])).toEqual([]);
  });
});
