// Run by `npm run bench -- analytics` in a child process whose DATABASE_URL is the imported
// database: times the analytical copy and the compliance report, prints one JSON line.
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';

await migrate(databaseConfig());
const { db, dbConfig } = await import('../server/db/client.ts');
const { openRaw } = await import('../server/db/raw.ts');
const { analytics } = await import('../server/analytics.ts');
const { handle } = await import('../server/yoga.ts');
const { transitionReserve } = await import('../server/reserves/lifecycle.ts');
const { operationalEngine } = await import('../analytics/operational.ts');
const { ComplianceReport } = await import('../analytics/compliance/report.ts');
const { CHANGES_SQL } = await import('../analytics/copy.ts');
const { readPoliciesAt } = await import('../server/policy/store.ts');
const { WHOLE_TREE } = await import('../server/auth/viewer.ts');
const { addYears } = await import('../domain/dates.ts');
const { judgedTrainingYear } = await import('../domain/rules.ts');

const asOf = process.env.BENCH_AS_OF ?? '2026-07-01';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
};

// Accounts exist since the access-control issue: the probe signs in with a token of its own.
const { createApiToken, createUser } = await import('../server/auth/accounts.ts');
if (!(await db.user.findUnique({ where: { username: 'bench' } })))
  await createUser(db, { username: 'bench', password: 'bench-password', role: 'ADMIN', unitCode: null }, 'bench');
const { token } = await createApiToken(db, 'bench', { actor: 'bench' });

const [loadMs, copy] = await time(() => analytics());
const rssAfterLoad = process.memoryUsage().rss;

// At asOf the report is computed per request (any date but today); today's is kept per unit and
// patched after each change (analytics/compliance/kept.ts).
const reportQuery = (on: string | null) => `{ complianceReport(unitCode: "C01"${on ? `, asOf: "${on}"` : ''}) {
  totals { rule units breaches warnings value target gap status }
  worstUnits(first: 100) { unitCode breaches warnings shortfall rules { rule value target gap status } }
} }`;
const viaGraphql = async (query = reportQuery(asOf)) => {
  const response = await handle(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }),
  );
  const body = (await response.json()) as { errors?: unknown; data?: { complianceReport: { worstUnits: unknown[] } } };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.complianceReport.worstUnits.length;
};
await viaGraphql(); // warm
// Computed: the kept answers are dropped before each run. Cached: the same request again.
const duckTimes: number[] = [];
const cachedTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  copy.forgetAnswers();
  duckTimes.push((await time(viaGraphql))[0]);
  cachedTimes.push((await time(viaGraphql))[0]);
}

// Today's report: the first request builds the kept figures; then computed from them.
const todayQuery = reportQuery(null);
const [keptBuildMs] = await time(() => viaGraphql(todayQuery));
const keptTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  copy.forgetAnswers();
  keptTimes.push((await time(() => viaGraphql(todayQuery)))[0]);
}

// The per-request version check when nothing changed: what every metric request pays.
const checks = 2000;
const [checkTotalMs] = await time(async () => {
  for (let i = 0; i < checks; i++) await copy.catchUp();
});
const pgCheckUs = await (async () => {
  const url = process.env.BENCH_PG_DATABASE_URL;
  if (!url) return null;
  const reader = await openRaw(databaseConfig(url));
  try {
    const [ms] = await time(async () => {
      for (let i = 0; i < checks; i++) await reader.all(CHANGES_SQL, { after: 1e9, limit: 1000 });
    });
    return (ms / checks) * 1000;
  } finally {
    await reader.close();
  }
})();

// One write, then the time until the copy has it (the next request's catch-up).
const entry = await db.reserveEntry.findFirstOrThrow({ where: { status: 'NOMINATED' }, orderBy: { id: 'asc' } });
const [writeMs] = await time(() =>
  transitionReserve(db, WHOLE_TREE, {
    reserveId: entry.code,
    to: 'INSPECTING',
    // The later of asOf and the nomination day (ISO dates sort as text).
    on: [asOf, entry.nominatedOn.toISOString().slice(0, 10)].sort().at(-1)!,
  }),
);
const [refreshMs] = await time(() => copy.catchUp());
// Today's report after that write: the kept figures patched for the entry's unit and those above it.
const [keptAfterWriteMs] = await time(() => viaGraphql(todayQuery));

// The same report by SQL on the operational databases.
const policies = await readPoliciesAt(db, asOf);
const root = await db.unit.findFirstOrThrow({ where: { code: 'C01' } });
const params = { path: root.path, subtree: true, asOf, end: addYears(asOf, 1), year: judgedTrainingYear(asOf) };
const operational = async (url: string | undefined) => {
  if (!url) return null;
  const reader = await openRaw(databaseConfig(url));
  try {
    const report = new ComplianceReport(await operationalEngine(reader), policies, params);
    const times: number[] = [];
    for (let i = 0; i < Number(process.env.BENCH_BASELINE_RUNS ?? 2); i++) {
      times.push(
        (
          await time(async () => {
            await report.totals();
            await report.worstUnits(100);
          })
        )[0],
      );
    }
    return median(times);
  } finally {
    await reader.close();
  }
};
const sqliteMs = await operational(dbConfig.provider === 'sqlite' ? dbConfig.url : undefined);
const postgresMs = await operational(process.env.BENCH_PG_DATABASE_URL);

console.log(
  JSON.stringify({
    loadMs,
    rssAfterLoadMiB: Math.round(rssAfterLoad / 2 ** 20),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    reportMs: median(duckTimes),
    reportRunsMs: duckTimes.map(Math.round),
    cachedMs: median(cachedTimes),
    keptBuildMs,
    keptMs: median(keptTimes),
    keptRunsMs: keptTimes.map(Math.round),
    keptAfterWriteMs,
    checkUs: (checkTotalMs / checks) * 1000,
    pgCheckUs,
    writeMs,
    refreshMs,
    sqliteMs,
    postgresMs,
  }),
);
process.exit(0);
