// Marks phrases (a draft's evidence sentences, the words that gave its date) inside a text, so the editor sees what a
// draft rests on. Pure: the text is cut into plain and marked pieces, which React renders as text nodes.

export interface TextPiece {
  text: string;
  /** Index of the phrase this piece belongs to, or null for plain text. */
  mark: number | null;
}

/**
 * Cuts `text` at every occurrence of each phrase. Earlier phrases win where two overlap; empty phrases are ignored.
 * Matching is exact (the API promises verbatim slices), so nothing is marked that the article does not say.
 */
export function highlight(text: string, phrases: readonly (string | null | undefined)[]): TextPiece[] {
  const owner: (number | null)[] = new Array<number | null>(text.length).fill(null);
  phrases.forEach((phrase, index) => {
    if (!phrase) return;
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      for (let i = at; i < at + phrase.length; i++) owner[i] ??= index;
    }
  });
  const pieces: TextPiece[] = [];
  for (let i = 0; i < text.length;) {
    let j = i + 1;
    while (j < text.length && owner[j] === owner[i]) j++;
    pieces.push({ text: text.slice(i, j), mark: owner[i] });
    i = j;
  }
  return pieces;
}
