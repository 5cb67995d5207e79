// The analytical copy is never broken for good: a catch-up that fails is tried again; failing
// again, the copy answers from its last good data version while a full reload runs in the
// background; /health says so meanwhile; the failure is logged once, not per request; and it
// recovers without a restart.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle, markReady } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { reads } from '../helpers/failing-reader.ts';
import { gqlOk } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';
import { until } from '../helpers/wait.ts';

vi.mock('../../server/db/raw.ts', () => import('../helpers/failing-reader.ts'));

const pool = async () =>
  (
    await gqlOk<{ poolStructure: { total: number } }>(
      '{ poolStructure(unitCode: "C01", asOf: "2026-11-21") { total } }',
    )
  ).poolStructure.total;

const health = async () => {
  const r = await handle(new Request('http://test/health'));
  return { code: r.status, ...((await r.json()) as { status: string; analytics: string; dataVersion: number }) };
};

/** Takes an active entry out of the pool on 2026-11-01. */
const remove = (code: string) =>
  gqlOk(
    `mutation { transitionReserve(input: { reserveId: "${code}", to: REMOVED, on: "2026-11-01", reason: "调离" }) { status } }`,
  );

describe('the analytical copy when catching up fails', () => {
  beforeAll(async () => {
    // The wait before retrying a failed reload (30 s by default), short for the test.
    process.env.ANALYTICS_RETRY_MS = '300';
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    // The committee's decisions on the removals the tests make (before the copy is first read).
    for (const [code, unitCode] of [
      ['R01', 'A'],
      ['R03', 'B'],
      ['R05', 'A1'],
    ] as const)
      await decide(code, { unitCode, heldOn: '2026-10-30', subject: 'REMOVAL' });
    markReady();
    // Active on 2026-11-21: R01, R03, R05, R06.
    expect(await pool()).toBe(4);
  });

  afterEach(() => {
    reads.fail = 0;
    reads.hold = null;
    vi.restoreAllMocks();
  });

  it('tries once more when a catch-up fails, and answers the new data', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Set before the write: on PostgreSQL its notification starts a catch-up at once.
    reads.fail = 1;
    await remove('R01');
    expect(await pool()).toBe(3);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/catching up from data version \d+ failed; trying again/);
    expect(await health()).toMatchObject({ code: 200, status: 'ok', analytics: 'ready' });
  });

  it('answers from the last good version while a reload runs, says so on /health, and logs it once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    const copy = await analytics();
    const good = copy.version;
    // The check and its second try fail; the background reload waits until released.
    let release = () => {};
    reads.fail = 2;
    reads.hold = new Promise((r) => {
      release = r;
    });
    await remove('R03');
    for (let i = 0; i < 5; i++) expect(await pool()).toBe(3); // the last good answer, no error
    expect(copy.version).toBe(good);
    const during = await health();
    expect(during).toMatchObject({ code: 200, status: 'degraded', dataVersion: good });
    expect(during.analytics).toMatch(/^stale since \d{4}-\d\d-\d\dT.*: injected read failure$/);
    // Two lines for the two failures, however many requests came meanwhile.
    expect(errors.mock.calls.map((c) => String(c[0]).replace(/\d+/, 'N'))).toEqual([
      'analytics copy: catching up from data version N failed; trying again',
      'analytics copy: catching up failed again; answering from data version N while a full reload runs',
    ]);

    release();
    await until(() => copy.state.status === 'ready');
    expect(await pool()).toBe(2);
    expect(copy.version).toBeGreaterThan(good);
    expect(await health()).toMatchObject({ code: 200, status: 'ok', analytics: 'ready' });
    expect(logs.mock.calls.some((c) => /reloaded after a failure/.test(String(c[0])))).toBe(true);
  });

  it('keeps answering when the reload fails too, reports it, and recovers on a later try without a restart', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const copy = await analytics();
    const good = copy.version;
    // The check, its second try and the reload all fail.
    reads.fail = 3;
    await remove('R05');
    expect(await pool()).toBe(2);
    await until(() => copy.state.status === 'failed');
    const failed = await health();
    expect(failed).toMatchObject({ code: 503, status: 'degraded', dataVersion: good });
    expect(failed.analytics).toMatch(/^failed: injected read failure \(next try .*\)$/);
    expect(await pool()).toBe(2); // still the last good answer
    // After the wait (300 ms here), the next request starts another reload, which succeeds.
    await new Promise((r) => setTimeout(r, 350));
    await pool();
    await until(() => copy.state.status === 'ready');
    expect(await pool()).toBe(1);
    expect(await health()).toMatchObject({ code: 200, status: 'ok', analytics: 'ready' });
  });
});
