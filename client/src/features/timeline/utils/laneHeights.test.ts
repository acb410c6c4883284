import { laneHeights } from './laneHeights';

// Rows of 25 px under a 3 px edge: one row is 28 px, two 53, three 78.
const rows = { rowPx: 25, edgePx: 3, minPx: 30, fill: false };

describe('laneHeights', () => {
  it('Given room for every row, Then each lane keeps its own rows', () => {
    expect(laneHeights([53, 78, 28], 500, rows)).toEqual([53, 78, 30]);
  });

  it('Given too little room, Then the busiest lanes are capped at whole rows and the quiet ones keep theirs', () => {
    // Five lanes wanting 10 rows each in 400 px: three rows each (390 px), as 4 rows each would need 515.
    expect(laneHeights([253, 253, 253, 253, 253], 400, rows)).toEqual([78, 78, 78, 78, 78]);
    // One quiet lane leaves its room to the busy one.
    expect(laneHeights([253, 30], 300, rows)).toEqual([253, 30]);
    expect(laneHeights([503, 30], 300, rows)).toEqual([253, 30]);
  });

  it('Given whole rows that leave less than a row each, Then an extra row goes to a lane that wants one', () => {
    // 450 px: three rows each take 390, and two lanes can have a fourth (25 px each).
    const heights = laneHeights([253, 253, 253, 253, 253], 450, rows);
    expect(heights.filter((height) => height === 103)).toHaveLength(2);
    expect(heights.reduce((sum, height) => sum + height, 0)).toBeLessThanOrEqual(450);
  });

  it('Given fill, Then the lanes share out what is left and take exactly the height given', () => {
    const heights = laneHeights([253, 253, 253, 253, 253], 452, { ...rows, fill: true });
    expect(heights.reduce((sum, height) => sum + height, 0)).toBe(452);
    // One lane with little in it takes all the height.
    expect(laneHeights([53], 388, { ...rows, fill: true })).toEqual([388]);
  });

  it('Given less room than one row per lane, Then every lane still gets one row (and the timeline overflows)', () => {
    expect(laneHeights([253, 253, 253], 60, { ...rows, fill: true })).toEqual([30, 30, 30]);
  });
});
