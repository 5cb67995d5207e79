// Load shedding's decisions (server/admission.ts), with the event loop's lag given by hand.
import { describe, expect, it } from 'vitest';
import { Admission } from '../../server/admission.ts';

const limits = { concurrency: 2, queue: 1, waitMs: 50, maxLagMs: 40, minBusyRate: 5 };

describe('admission', () => {
  it('admits up to the concurrency, queues one more, refuses the rest at once', async () => {
    const a = new Admission(limits, { lagMs: 0 });
    const [r1, r2] = [await a.enter(), await a.enter()];
    expect(r1 && r2).toBeTruthy();
    const queued = a.enter();
    expect(await a.enter()).toBeNull(); // the queue is full
    r1!();
    expect(await queued).toBeTruthy(); // admitted when a slot frees
    expect(a.refused).toBe(1);
  });

  it('refuses a request that waited longer than the queue timeout', async () => {
    const a = new Admission(limits, { lagMs: 0 });
    await a.enter();
    await a.enter();
    expect(await a.enter()).toBeNull();
  });

  it('sheds on a lagging event loop only while requests keep coming', async () => {
    const lag = { lagMs: 500 };
    const a = new Admission({ ...limits, concurrency: 100 }, lag);
    // A few requests in a lagging loop (a pause, a busy neighbour): admitted.
    for (let i = 0; i < 4; i++) expect(await a.enter()).toBeTruthy();
    // From the fifth within the second the lag is load: shed at once.
    expect(await a.enter()).toBeNull();
    lag.lagMs = 10;
    expect(await a.enter()).toBeTruthy();
  });
});
