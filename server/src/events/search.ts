// Full-text search over the stored vector (see the FullTextSearch migration): the query, and the snippets with
// their highlighted matches.
/** The search query in all three configurations the stored vector holds; `:fSearch` is the user's text. */
export const TSQUERY = `(websearch_to_tsquery('english', :fSearch) || websearch_to_tsquery('russian', :fSearch) || websearch_to_tsquery('simple', :fSearch))`;
// Private-use characters mark the matches, so the snippet is plain text and no markup from the data can slip through.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface Snippet {
  text: string;
  highlights: Array<{ start: number; length: number }>;
}

export function parseSnippet(marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = text.length;
    else if (ch === MARK_END) {
      if (open >= 0) highlights.push({ start: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}
