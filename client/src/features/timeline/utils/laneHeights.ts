// How tall each lane is drawn, given the height the timeline has for its lanes and what each lane holds.

export interface LaneRows {
  /** A lane's rows are this tall: an item's height plus the vertical margin between items. */
  rowPx: number;
  /** Added to a lane's rows (the margin above the first row). */
  edgePx: number;
  /** No lane is drawn shorter than this. */
  minPx: number;
  /** Share out the height the lanes' content leaves unused, so that together they take all of `available`. */
  fill: boolean;
}

/**
 * Each lane's height, in the order given, so that together they fit in `available` pixels. Every lane gets one row,
 * then rows are handed out one at a time to the lane that has the fewest among those whose content wants more (a busy
 * lane is capped where the others need room, and takes what they leave). Lanes show whole rows; with `fill`, what is
 * left over (less than a row, or what no lane's content wants) is shared out, so no strip is left empty below them.
 */
export function laneHeights(naturalHeights: readonly number[], available: number, rows: LaneRows): number[] {
  const { rowPx, edgePx, minPx, fill } = rows;
  const heightOf = (count: number) => Math.max(minPx, count * rowPx + edgePx);
  // A lane no taller than one row (an empty lane is drawn at the minimum) wants one.
  const wanted = naturalHeights.map((natural) => (natural <= heightOf(1) ? 1 : Math.ceil((natural - edgePx) / rowPx)));
  const given = naturalHeights.map(() => 1);
  let used = given.reduce((sum, count) => sum + heightOf(count), 0);
  for (;;) {
    let next = -1;
    for (let lane = 0; lane < given.length; lane++) {
      if (given[lane] < wanted[lane] && (next < 0 || given[lane] < given[next])) next = lane;
    }
    if (next < 0) break;
    const growth = heightOf(given[next] + 1) - heightOf(given[next]);
    if (used + growth > available) break;
    given[next] += 1;
    used += growth;
  }
  const heights = given.map(heightOf);
  const spare = Math.floor(available - used);
  if (!fill || spare <= 0 || heights.length === 0) return heights;
  const share = Math.floor(spare / heights.length);
  const remainder = spare - share * heights.length;
  return heights.map((height, lane) => height + share + (lane < remainder ? 1 : 0));
}
