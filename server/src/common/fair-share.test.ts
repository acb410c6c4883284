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

  it('Given the shared places taken, When a client with nothing running waits past waitMs, Then it keeps waiting and is served', async () => {
    const lane = new HeavyLane(1, 2, 6, 30);
    const held = await lane.enter('a');
    const waiting = lane.enter('b');
    await new Promise((r) => setTimeout(r, 60));
    held();
    (await waiting)();
  });

  it('Given the lane full for three times waitMs, Then a client with nothing running is told the server is busy', async () => {
    const lane = new HeavyLane(1, 2, 6, 20);
    const held = await lane.enter('a');
    await expect(lane.enter('b')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    held();
    (await lane.enter('b'))();
  });

  it('Given a client with one running, When its next one waits past waitMs, Then that one is RATE_LIMITED', async () => {
    const lane = new HeavyLane(1, 2, 6, 20);
    const held = await lane.enter('a');
    await expect(lane.enter('a')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    held();
  });

  it('Given one client’s operations queued first, When others ask, Then freed places go to the clients with fewest running, in turn', async () => {
    const lane = new HeavyLane(2, 2, 6, 60_000);
    const order: string[] = [];
    const enter = (client: string) => lane.enter(client).then((leave) => (order.push(client), leave));
    const flood = [await enter('a'), await enter('a')];
    order.length = 0;
    const queued = [enter('a'), enter('a'), enter('b'), enter('c'), enter('b')];
    await settle();
    flood[0]();
    await settle();
    flood[1]();
    await settle();
    // b and c have nothing running: they go ahead of a's queue, which was there first.
    expect(order).toEqual(['b', 'c']);
    const [aFirst, aSecond, bFirst, cFirst, bSecond] = queued;
    (await bFirst)();
    await settle();
    // a and b both wait with nothing running: a was served less recently, so it goes first.
    expect(order).toEqual(['b', 'c', 'a']);
    (await cFirst)();
    await settle();
    // a now has one running, b none: b.
    expect(order).toEqual(['b', 'c', 'a', 'b']);
    (await aFirst)();
    await settle();
    expect(order).toEqual(['b', 'c', 'a', 'b', 'a']);
    (await aSecond)();
    (await bSecond)();
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
