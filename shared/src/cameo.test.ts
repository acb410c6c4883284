import { CAMEO_CODES, cameoRoot, goldsteinFor, isCameoCode } from './cameo';

describe('CAMEO codebook', () => {
  it('has every code of GDELT CAMEO.goldsteinscale.txt (20 roots, 147 three-digit, 144 four-digit)', () => {
    const codes = Object.keys(CAMEO_CODES);
    expect(codes).toHaveLength(311);
    expect(codes.filter((c) => c.length === 2)).toHaveLength(20);
    expect(codes.filter((c) => c.length === 3)).toHaveLength(147);
    expect(codes.filter((c) => c.length === 4)).toHaveLength(144);
  });

  it('gives the Goldstein values published by GDELT', () => {
    expect(goldsteinFor('010')).toBe(0);
    expect(goldsteinFor('011')).toBe(-0.1);
    expect(goldsteinFor('016')).toBe(-2);
    expect(goldsteinFor('036')).toBe(4);
    expect(goldsteinFor('042')).toBe(1.9);
    expect(goldsteinFor('043')).toBe(2.8);
    expect(goldsteinFor('046')).toBe(7);
    expect(goldsteinFor('057')).toBe(8);
    expect(goldsteinFor('0874')).toBe(10);
    expect(goldsteinFor('106')).toBe(-5);
    expect(goldsteinFor('130')).toBe(-4.4);
    expect(goldsteinFor('13')).toBe(-6);
    expect(goldsteinFor('162')).toBe(-5.6);
    expect(goldsteinFor('163')).toBe(-8);
    expect(goldsteinFor('166')).toBe(-7);
    expect(goldsteinFor('1661')).toBe(-7);
    expect(goldsteinFor('171')).toBe(-9.2);
    expect(goldsteinFor('1721')).toBe(-5);
    expect(goldsteinFor('182')).toBe(-9.5);
    expect(goldsteinFor('1821')).toBe(-9);
    expect(goldsteinFor('1823')).toBe(-10);
    expect(goldsteinFor('2042')).toBe(-10);
  });

  it('names the codes', () => {
    expect(CAMEO_CODES['010']).toEqual({ code: '010', name: 'Make statement, not specified below', goldstein: 0 });
    expect(CAMEO_CODES['0211'].name).toBe('Appeal for economic cooperation');
    expect(CAMEO_CODES['0841'].name).toBe('Return, release person(s)');
    expect(CAMEO_CODES['163'].name).toBe('Impose embargo, boycott, or sanctions');
    expect(CAMEO_CODES['16'].name).toBe('REDUCE RELATIONS');
  });

  it('returns undefined / false for unknown codes', () => {
    for (const unknown of [
      '',
      '0',
      '00',
      '000',
      '1',
      '21',
      '099',
      '109',
      '155',
      '176',
      '1834',
      '1951',
      '2043',
      'abc',
      'constructor',
      'toString',
      '__proto__',
    ]) {
      expect(goldsteinFor(unknown)).toBeUndefined();
      expect(isCameoCode(unknown)).toBe(false);
    }
    expect(isCameoCode('0211')).toBe(true);
    expect(isCameoCode('1041')).toBe(true);
  });

  it('keeps every value within -10..10 and each entry keyed by its own code', () => {
    for (const [key, entry] of Object.entries(CAMEO_CODES)) {
      expect(entry.code).toBe(key);
      expect(key).toMatch(/^\d{2,4}$/);
      expect(entry.name.trim()).toBe(entry.name);
      expect(entry.name.length).toBeGreaterThan(0);
      expect(Number.isFinite(entry.goldstein)).toBe(true);
      expect(entry.goldstein).toBeGreaterThanOrEqual(-10);
      expect(entry.goldstein).toBeLessThanOrEqual(10);
    }
  });

  it('has a root and a parent for every code', () => {
    for (const code of Object.keys(CAMEO_CODES)) {
      const root = cameoRoot(code);
      expect(isCameoCode(root)).toBe(true);
      expect(Number(root)).toBeGreaterThanOrEqual(1);
      expect(Number(root)).toBeLessThanOrEqual(20);
      if (code.length === 4) expect(isCameoCode(code.slice(0, 3))).toBe(true);
    }
  });

  it('takes the first two digits as the root', () => {
    expect(cameoRoot('163')).toBe('16');
    expect(cameoRoot('0211')).toBe('02');
    expect(cameoRoot('20')).toBe('20');
  });
});
