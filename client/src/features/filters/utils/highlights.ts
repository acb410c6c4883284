// Splits a search snippet into plain and highlighted runs, so React can wrap the matches in <mark>
// elements: the text is only ever text, never HTML.

export interface TextRun {
  text: string;
  highlighted: boolean;
}

export function splitHighlights(text: string, highlights: ReadonlyArray<{ start: number; length: number }>): TextRun[] {
  const ranges = highlights
    .map(({ start, length }) => ({ start: Math.max(0, start), end: Math.min(text.length, start + length) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  let cursor = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, cursor); // overlapping ranges merge into the earlier one
    if (range.end <= start) continue;
    if (start > cursor) runs.push({ text: text.slice(cursor, start), highlighted: false });
    const last = runs[runs.length - 1];
    if (last?.highlighted && start === cursor) last.text += text.slice(start, range.end);
    else runs.push({ text: text.slice(start, range.end), highlighted: true });
    cursor = range.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), highlighted: false });
  return runs;
}

/** Total events per kind over all buckets of an eventCounts answer. */
export function sumByKind(buckets: ReadonlyArray<{ byKind: ReadonlyArray<{ kind: string; count: number }> }>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const bucket of buckets) {
    for (const { kind, count } of bucket.byKind) totals.set(kind, (totals.get(kind) ?? 0) + count);
  }
  return totals;
}
