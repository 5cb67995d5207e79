// Run by `npm run bench -- simulate` in a child process whose DATABASE_URL is the imported
// database: times simulateIntake for the root (deterministic, then Monte Carlo) through GraphQL,
// a simple query's latency, and how long a Monte Carlo run blocks the event loop. Prints one JSON line.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';

await migrate(databaseConfig());
const { db } = await import('../server/db/client.ts');
const { analytics } = await import('../server/analytics.ts');
const { handle } = await import('../server/yoga.ts');
const { createApiToken, createUser } = await import('../server/auth/accounts.ts');

if (!(await db.user.findUnique({ where: { username: 'bench' } })))
  await createUser(db, { username: 'bench', password: 'bench-password', role: 'ADMIN', unitCode: null }, 'bench');
const { token } = await createApiToken(db, 'bench', { actor: 'bench' });
await analytics();

const ask = async (query: string) => {
  const started = performance.now();
  const response = await handle(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }),
  );
  const body = (await response.json()) as {
    errors?: unknown;
    data?: { simulateIntake?: { totalIntake: number; rows: unknown[] } };
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms: performance.now() - started, body };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const asOf = process.env.BENCH_AS_OF ?? '2026-07-01';

const deterministic = `{ simulateIntake(input: { unitCode: "C01", asOf: "${asOf}", horizonYears: 1 }) { totalIntake rows { unitCode intake } } }`;
await ask(deterministic); // warm
const detTimes: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const r = await ask(deterministic);
  detTimes.push(r.ms);
  rows = r.body.data!.simulateIntake!.rows.length;
}
const monteCarlo = `{ simulateIntake(input: { unitCode: "C01", asOf: "${asOf}", mode: MONTE_CARLO, runs: 1000, seed: 1, attritionRate: 0.05, promotionProbability: 0.8 }) { totalIntake p10 p50 p90 } }`;
const mc = await ask(monteCarlo);

// A simple query's latency alone, and how long a Monte Carlo run blocks the event loop (the
// longest delay any other request would see while it runs on the main thread).
const simple = '{ me { username } }';
const idle: number[] = [];
for (let i = 0; i < 50; i++) idle.push((await ask(simple)).ms);
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.99 * xs.length)]!;
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
await ask(monteCarlo);
delay.disable();

console.log(
  JSON.stringify({
    rows,
    deterministicMs: median(detTimes),
    deterministicRunsMs: detTimes.map(Math.round),
    monteCarlo1000Ms: mc.ms,
    monteCarloAnswer: mc.body.data!.simulateIntake,
    simpleIdleP99Ms: p99(idle),
    eventLoopBlockedMaxMs: delay.max / 1e6,
  }),
);
process.exit(0);
