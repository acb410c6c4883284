// Full-text search over the stored vector (see the FullTextSearch migration): the query, and the snippets with
// their highlighted matches.
/** The search query in all three configurations the stored vector holds; `:fSearch` is the user's text. */
export const TSQUERY = `(websearch_to_tsquery('english', :fSearch) || websearch_to_tsquery('russian', :fSearch) || websearch_to_tsquery('simple', :fSearch))`;
/** A pattern for the lexemes in tsquery text: 'lex', with '' for a quote inside (the `:fLexeme` parameter). */
export const QUOTED_LEXEME = `'((?:[^']|'')*)'`;
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
 * The event's actors that the search matched, by name or by an alias (it needs `e`, the event row, and `q`, the
 * search query and its lexemes), read by the actor's primary key. An actor matches when it holds any of the query's
 * lexemes: the query itself may need words that only the text holds ("Рябков New START"). A negated word cannot
 * count: the event matched, so none of its actors holds it. The event's actor ids are one list (outlet, then participants):
 * written as `a.id = e.outlet_id OR a.id IN (…)`, PostgreSQL scanned every actor for every row of the page (4 ms a row
 * at 5,000 actors, 40 of the 47 ms of a rare-word page; EXPLAIN ANALYZE on the bench data).
 */
const MATCHED_ACTORS = `(
    SELECT a.id, a.name, tsvector_to_array(to_tsvector('simple', a.name)) && q.lexemes AS by_name
    FROM actor a
    WHERE a.id IN (SELECT e.outlet_id UNION ALL SELECT p.actor_id FROM event_participant p WHERE p.event_id = e.id)
      AND tsvector_to_array(to_tsvector('simple', a.name || ' ' || array_to_string(a.aliases, ' '))) && q.lexemes
  )`;

/**
 * The marked snippet of event `e` (`:fHeadline` is HEADLINE_OPTIONS, `:fLexeme` QUOTED_LEXEME), in one scalar sub-select so the event's actors
 * are read, and the search query built, once per row (not once per actor).
 *
 * The stored vector holds the names and aliases of the event's actors, but the snippet's text (title, summary, quote)
 * names them in Latin: a search for "Рябков" matches the alias and would mark nothing. So an actor found by an alias
 * and not by its name adds its name's words to the marking query; a search that matched by the name itself marks
 * what it always did. An event that matched through an actor its text never names (a participant only mentioned)
 * would still have nothing marked: its snippet then ends with the matched actors' names, marked, so a reader sees
 * why it matched.
 *
 * Parsed with the Russian configuration, which stems Cyrillic words with the Russian stemmer and Latin ones with the
 * English, so a Russian quote is marked as an English one is.
 */
export const HEADLINE_SQL = `(
  SELECT CASE WHEN m.named IS NULL OR strpos(h.marked, '${MARK_START}') > 0 THEN h.marked
              ELSE h.marked || ' (' || m.named || ')' END
  /* OFFSET 0 keeps q and h sub-selects of their own: pulled up, each use of q.q would build the query again, and
     each use of h.marked would run ts_headline again (3 ms more on a 20-hit page of the shipped dataset). */
  FROM (
    SELECT t.q, ARRAY(SELECT replace(m[1], '''''', '''') FROM regexp_matches(t.q::text, :fLexeme, 'g') m) AS lexemes
    FROM (SELECT ${TSQUERY} AS q OFFSET 0) t
  ) q
  CROSS JOIN LATERAL (
    SELECT string_agg(regexp_replace(translate(a.name, '"-', '  '), '\\s+', ' or ', 'g'), ' or ' ORDER BY a.id)
             FILTER (WHERE NOT a.by_name) AS words,
           string_agg('${MARK_START}' || a.name || '${MARK_END}', ', ' ORDER BY a.id) AS named
    FROM ${MATCHED_ACTORS} a
  ) m
  CROSS JOIN LATERAL (
    SELECT ts_headline('russian', concat_ws(' — ', e.title, e.summary, e.quote),
                       coalesce(q.q || websearch_to_tsquery('english', m.words), q.q), :fHeadline) AS marked
    OFFSET 0
  ) h
)`;
