// The analytical copy is never staler than the last committed write, whichever process wrote:
// (a) the import command replaces the data under a running server (SQLite); (b) two servers on
// one PostgreSQL database, a transition through one, the next metric on the other. See
// docs/decisions/010-layers-and-data-version.md.
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';
import { type RunningServer, runScript, startServer } from '../helpers/server.ts';
import { pgAdmin, pgUrl } from '../setup/base.ts';

// The small fixture on 2026-11-21 (test/fixtures/small.ts): active entries R01 (A), R03 (B),
// R05 (A1), R06 (B) — R02 is only nominated, R04 left the pool — so the root's subtree has 4.
const POOL = '{ poolStructure(unitCode: "C01", asOf: "2026-11-21") { total } }';
const total = async (s: RunningServer) => {
  const r = await s.post<{ poolStructure: { total: number } }>(POOL);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.poolStructure.total;
};

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe('(a) an import by the command under a running server (SQLite)', () => {
  it('is reflected by the next metric query', async () => {
    const env = { DATABASE_URL: `file:${tempFile('version.db')}` };
    expect(runScript('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env).status).toBe(0);
    const server = await startServer(env);
    servers.push(server);
    expect(await total(server)).toBe(4);

    // The same organization with two entries fewer (R05 and R06 gone): 2 in the pool.
    const smaller = smallDataset();
    smaller.reserves = smaller.reserves.filter((r) => r.id !== 'R05' && r.id !== 'R06');
    const replaced = runScript('scripts/data-import.ts', [writeDatasetFile(smaller), '--replace'], env);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(await total(server)).toBe(2);
  }, 120_000);
});

const withPg = (process.env.TEST_DATABASES ?? 'sqlite,postgresql').includes('postgresql');

describe.runIf(withPg)('(b) two servers on one PostgreSQL database', () => {
  const name = `rc_test_e2e_${crypto.randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('a transition through one is in the next metric of the other, and wakes it while idle', async () => {
    await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    const env = { DATABASE_URL: pgUrl(name) };
    const imported = runScript('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env);
    expect(imported.status, imported.stderr).toBe(0);
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    servers.push(a!, b!);
    expect(await total(b!)).toBe(4);
    // The committee's decision the removal needs (recorded before the version is read).
    const decided = await a!.post(
      `mutation { recordMeeting(input: { unitCode: "B", heldOn: "2026-09-30", body: "县委常委会", members: 9, present: 8,
        items: [{ subject: REMOVAL, reserveId: "R03", favour: 8, against: 0, abstain: 0 }] }) { items { adopted } } }`,
    );
    expect(decided).toEqual({ data: { recordMeeting: { items: [{ adopted: true }] } } });
    const before = (await b!.health()).dataVersion!;

    const moved = await a!.post(
      'mutation { transitionReserve(input: { reserveId: "R03", to: REMOVED, on: "2026-10-01", reason: "调离" }) { status } }',
    );
    expect(moved).toEqual({ data: { transitionReserve: { status: 'REMOVED' } } });

    // No request reaches B, yet the change log's notification brings its copy up to date.
    let woken = before;
    for (let i = 0; i < 50 && woken === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      woken = (await b!.health()).dataVersion!;
    }
    expect(woken).toBeGreaterThan(before);
    // R03 left the pool on 2026-10-01: 3 remain on 2026-11-21.
    expect(await total(b!)).toBe(3);
  }, 120_000);
});
