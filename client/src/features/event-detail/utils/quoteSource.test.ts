import { quoteSource } from './quoteSource';

const cite = (excerpt: string | null) => ({ excerpt, id: excerpt ?? 'none' });

describe('quoteSource', () => {
  it('names the citation whose excerpt holds the quote, whatever its quotation marks and spacing', () => {
    const carrier = cite('Ryabkov told Interfax: «I cannot  say we made much headway», he said.');
    expect(quoteSource('I cannot say we made much headway', [cite('Another story'), carrier])).toBe(carrier);
  });

  it('names a citation whose long excerpt is part of the quote', () => {
    const carrier = cite('we made much headway on the missions');
    expect(quoteSource('I cannot say we made much headway on the missions today', [carrier])).toBe(carrier);
  });

  it('does not guess: no excerpt, a short one or another text give null', () => {
    expect(
      quoteSource('I cannot say we made much headway', [cite(null), cite('headway'), cite('Something else entirely said')]),
    ).toBeNull();
    expect(quoteSource(null, [cite('I cannot say')])).toBeNull();
  });
});
