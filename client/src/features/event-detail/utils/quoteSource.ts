// Which cited source carries a statement's quote, as far as the record says: only a citation whose excerpt holds the
// quote's words (or whose excerpt is a long enough part of them) counts. Otherwise the answer is null, not a guess.
/** Shorter excerpts ("said", a name) would match many quotes by chance. */
const MIN_SHARED_LENGTH = 24;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{P}+/gu, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function quoteSource<C extends { excerpt: string | null }>(quote: string | null | undefined, citations: readonly C[]): C | null {
  if (!quote) return null;
  const words = normalise(quote);
  return (
    citations.find((citation) => {
      if (!citation.excerpt) return false;
      const excerpt = normalise(citation.excerpt);
      return excerpt.includes(words) || (excerpt.length >= MIN_SHARED_LENGTH && words.includes(excerpt));
    }) ?? null
  );
}
