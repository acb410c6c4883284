import { describeTone, toneBand, toneClassNames } from './tone';

describe('tone colour', () => {
  it.each([
    [-10, 'conflict', ['tone-conflict', 'tone-strong']],
    [-2, 'conflict', ['tone-conflict']],
    [-1.9, 'neutral', ['tone-neutral']],
    [0, 'neutral', ['tone-neutral']],
    [2, 'cooperation', ['tone-cooperation']],
    [6, 'cooperation', ['tone-cooperation', 'tone-strong']],
    [null, 'neutral', ['tone-neutral']],
    [Number.NaN, 'neutral', ['tone-neutral']],
  ])('Given tone %p, the band is %s and the classes %p', (tone, band, classes) => {
    expect(toneBand(tone)).toBe(band);
    expect(toneClassNames(tone)).toEqual(classes);
  });

  it('describes a tone with a true minus sign and its band', () => {
    expect(describeTone(-7)).toBe('\u22127.0 (conflict)');
    expect(describeTone(3.25)).toBe('+3.3 (cooperation)');
    expect(describeTone(null)).toBeNull();
  });
});
