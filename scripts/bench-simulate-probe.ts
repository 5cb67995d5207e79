// Run by `npm run bench -- simulate` in a child process whose DATABASE_URL is the imported
// database: times, through GraphQL, the deterministic projection of the root, 1 000 Monte Carlo
// runs of one year and of three (as jobs on the worker pool) with a simple query's latency
// during a run next to its latency when idle, and the optimiser for a province. Prints one JSON
// line.
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';

await migrate(databaseConfig());
const { db } = await import('../server/db/client.ts');
const { analytics } = await import('../server/analytics.ts');
const { handle } = await import('../server/yoga.ts');
const { createApiToken, createUser } = await import('../server/auth/accounts.ts');
const { monteCarloPool } = await import('../analytics/planning/monte-carlo-runner.ts');

if (!(await db.user.findUnique({ where: { username: 'bench' } })))
  await createUser(db, { username: 'bench', password: 'bench-password', role: 'ADMIN', unitCode: null }, 'bench');
const { token } = await createApiToken(db, 'bench', { actor: 'bench' });
await analytics();
// As the server does once ready (server/main.ts): the simulation workers load (about 0.4 s
// each, tsx compiling their code) and the first screen is computed ahead; the first request
// comes once that is done — not in the same instant, when it would share the two cores with it.
monteCarloPool().warm();
const { startAhead, aheadSettled } = await import('../server/ahead.ts');
startAhead();
await aheadSettled();
await new Promise((r) => setTimeout(r, 1000));

// biome-ignore lint/suspicious/noExplicitAny: a probe reads whatever the query asked for.
type Body = { errors?: unknown; data?: any };
const ask = async (query: string) => {
  const started = performance.now();
  const response = await handle(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }),
  );
  const body = (await response.json()) as Body;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms: performance.now() - started, body };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.99 * xs.length))]!;
const asOf = process.env.BENCH_AS_OF ?? '2026-07-01';
const root = (await db.unit.findFirst({ where: { parentCode: null }, select: { code: true } }))!.code;

// 0. 1 000 Monte Carlo runs of one year as a job (polled every 20 ms), the first request after
//    start: nothing read or projected before (the scope's groups are read from the copy, the
//    workers run this horizon's code for the first time). All four rates non-zero.
const rates = 'seed: 1, attritionRate: 0.05, promotionProbability: 0.8, midToNearRate: 0.3, longToMidRate: 0.2';
const mcInput = (years: number) =>
  `unitCode: "${root}", asOf: "${asOf}", horizonYears: ${years}, mode: MONTE_CARLO, runs: 1000, ${rates}`;
const alone = async (years: number) => {
  const started = performance.now();
  const id = (await ask(`mutation { startSimulation(input: { ${mcInput(years)} }) { id } }`)).body.data.startSimulation
    .id;
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const j = (await ask(`{ simulationJob(id: "${id}") { status } }`)).body.data.simulationJob;
    if (j.status !== 'RUNNING') break;
  }
  return performance.now() - started;
};
const monteCarloFirstMs = await alone(1);

// 1. Deterministic (planning model 2), the root's whole subtree over 3 years: the total, the
//    year-by-year totals, and the first page of rows (the dashboard never asks for them all).
const deterministic = `{ simulateIntake(input: { unitCode: "${root}", asOf: "${asOf}", horizonYears: 3 }) {
  totalIntake rowCount rows(first: 100) { unitCode kind projectedReserves need target intake years { year need intake } }
  years { year pool need intake } } }`;
// The first answer reads the groups from the copy; the next ones find them kept (flows.ts).
const deterministicColdMs = (await ask(deterministic)).ms;
const detTimes: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const r = await ask(deterministic);
  detTimes.push(r.ms);
  rows = r.body.data.simulateIntake.rowCount;
}

// 2. The same runs again, alone (the groups kept): one year (three times) and three years.
const oneYearRuns = [await alone(1), await alone(1), await alone(1)];
const monteCarloAloneMs = median(oneYearRuns);
const monteCarlo3yMs = await alone(3);

// 3. A simple query's latency when idle, then during the same run with queries every 5 ms.
const simple = `{ unit(code: "${root}") { name } }`;
const idle: number[] = [];
for (let i = 0; i < 200; i++) idle.push((await ask(simple)).ms);
const mcStarted = performance.now();
const job = (await ask(`mutation { startSimulation(input: { ${mcInput(3)} }) { id } }`)).body.data.startSimulation
  .id as string;
const during: number[] = [];
let answer: unknown = null;
let progressSeen = 0;
for (;;) {
  during.push((await ask(simple)).ms);
  if (during.length % 10 === 0) {
    const j = (await ask(`{ simulationJob(id: "${job}") { status runsDone result { totalIntake p10 p50 p90 } } }`)).body
      .data.simulationJob;
    if (j.runsDone > 0 && j.runsDone < 1000) progressSeen++;
    if (j.status !== 'RUNNING') {
      answer = j.result;
      break;
    }
  }
  await new Promise((r) => setTimeout(r, 5));
}
const monteCarloMs = performance.now() - mcStarted;

// 4. The optimiser for one province (the root's first child): budget half the ratio intake.
// The child of the root with the most units below it.
const children = await db.unit.findMany({ where: { parentCode: root }, select: { code: true, path: true } });
const sizes = await Promise.all(children.map((c) => db.unit.count({ where: { path: { startsWith: c.path } } })));
const province = children[sizes.indexOf(Math.max(...sizes))]!.code;
const need = (
  await ask(
    `{ simulateIntake(input: { unitCode: "${province}", asOf: "${asOf}", horizonYears: 3 }) { totalIntake rowCount } }`,
  )
).body.data.simulateIntake;
const budget = Math.floor(need.totalIntake / 2);
const optimise = `{ optimiseIntake(input: { unitCode: "${province}", asOf: "${asOf}", horizonYears: 3, intakeBudget: ${budget} }) { status used objective solveMs binding { code } } }`;
const opt = await ask(optimise);

console.log(
  JSON.stringify({
    rows,
    deterministicColdMs,
    deterministicMs: median(detTimes),
    deterministicRunsMs: detTimes.map(Math.round),
    monteCarloFirstMs,
    monteCarlo1000Ms: monteCarloAloneMs,
    monteCarlo1000RunsMs: oneYearRuns.map(Math.round),
    monteCarlo3yMs,
    monteCarloWithQueriesMs: monteCarloMs,
    monteCarloAnswer: answer,
    progressReportsSeen: progressSeen,
    simpleIdleP99Ms: p99(idle),
    simpleDuringP99Ms: p99(during),
    simpleDuringCount: during.length,
    province,
    provinceRows: need.rowCount,
    provinceBudget: budget,
    optimiseMs: opt.ms,
    optimiseSolveMs: opt.body.data.optimiseIntake.solveMs,
    optimiseStatus: opt.body.data.optimiseIntake.status,
    optimiseUsed: opt.body.data.optimiseIntake.used,
    optimiseObjective: opt.body.data.optimiseIntake.objective,
  }),
);
process.exit(0);
