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

/**
 * The query a snippet is marked with (it needs `e`, the event row). The stored vector holds the names and aliases of
 * the event's actors, but the snippet's text (title, summary, quote) names them in Latin: a search for "Рябков"
 * matches the alias and would mark nothing. So an actor found by an alias and not by its name adds its name's words
 * to the query; a search that matched by the name itself marks what it always did.
 *
 * The event's actor ids are one list (outlet, then participants) so each is read by the actor's primary key: written
 * as `a.id = e.outlet_id OR a.id IN (…)`, PostgreSQL scanned every actor for every row of the page (4 ms a row at
 * 5,000 actors, 40 of the 47 ms of a rare-word page; EXPLAIN ANALYZE on the bench data).
 */
const HEADLINE_TSQUERY = `coalesce(${TSQUERY} || websearch_to_tsquery('english', (
    SELECT string_agg(regexp_replace(translate(a.name, '"-', '  '), '\\s+', ' or ', 'g'), ' or ' ORDER BY a.id)
    FROM actor a
    WHERE a.id IN (SELECT e.outlet_id UNION ALL SELECT p.actor_id FROM event_participant p WHERE p.event_id = e.id)
      AND to_tsvector('simple', array_to_string(a.aliases, ' ')) @@ ${TSQUERY}
      AND NOT to_tsvector('simple', a.name) @@ ${TSQUERY}
  )), ${TSQUERY})`;

/**
 * The marked snippet of event `e` (`:fHeadline` is HEADLINE_OPTIONS). Parsed with the Russian configuration, which
 * stems Cyrillic words with the Russian stemmer and Latin ones with the English, so a Russian quote is marked as an
 * English one is.
 */
export const HEADLINE_SQL = `ts_headline('russian', concat_ws(' — ', e.title, e.summary, e.quote), ${HEADLINE_TSQUERY}, :fHeadline)`;
