// The fair-share pieces on their own: the heavy lane's per-client share and queue, and a request's database budget.
import { RequestBudget } from './db-budget';
import { HeavyLane } from './rate-limit';

const settle = () => new Promise((r) => setImmediate(r));

describe('HeavyLane', () => {
  it('Given one client at its two places, Then its next operations wait their turn in order, and past six waiting it is RATE_LIMITED', async () => {
    const lane = new HeavyLane(4, 2, 6, 60_000);
    const order: number[] = [];
    const running = [await lane.enter('a'), await lane.enter('a')];
    const waiting = Array.from({ length: 6 }, (_, i) => lane.enter('a').then((leave) => (order.push(i), leave)));
    await expect(lane.enter('a')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    // Another client still gets the shared places the first one cannot take.
    const other = await lane.enter('b');
    await settle();
    expect(order).toEqual([]);
    running[0]();
    await settle();
    expect(order).toEqual([0]);
    running[1]();
    const leaves = [];
    for (const next of waiting) {
      const leave = await next;
      leaves.push(leave);
      leave();
    }
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    other();
  });

  it('Given the shared places taken, Then an operation waits at most waitMs and is told the server is busy', async () => {
    const lane = new HeavyLane(1, 2, 6, 50);
    const held = await lane.enter('a');
    await expect(lane.enter('b')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    held();
    (await lane.enter('b'))();
  });
});

describe('RequestBudget', () => {
  it('Given one connection at a time, Then a second checkout waits for the first to be given back', async () => {
    const budget = new RequestBudget(60_000);
    budget.connections = 1;
    const first = await budget.acquire();
    let second = false;
    const pending = budget.acquire().then((giveBack) => ((second = true), giveBack));
    await settle();
    expect(second).toBe(false);
    first();
    (await pending)();
    expect(second).toBe(true);
  });

  it('Given its database time used up, Then the next checkout is refused with SERVICE_UNAVAILABLE', async () => {
    const budget = new RequestBudget(5);
    const giveBack = await budget.acquire();
    await new Promise((r) => setTimeout(r, 20));
    giveBack();
    await expect(budget.acquire()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
