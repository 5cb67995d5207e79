// Run by `npm run bench -- catchup` on a copy of an imported database (DATABASE_URL): how long the
// analytical copy takes to catch up on N changed records (re-read in chunks) against a full
// reload, to place the share of changed rows above which the copy reloads (CopyOptions).
// Prints one JSON line. Writes change-log rows naming existing records: use a scratch copy.
import { AnalyticsCopy } from '../analytics/copy.ts';
import { copySource } from '../server/analytics.ts';
import { db } from '../server/db/client.ts';
import { databaseConfig } from '../server/db/config.ts';
import { openRaw } from '../server/db/raw.ts';

const config = databaseConfig();
// Never reload for a batch of records here: the refresh is what is timed.
const copy = await AnalyticsCopy.open(copySource(config), { reloadAboveShare: 100 });
const raw = await openRaw(config);
const codes = (await raw.rows('SELECT code FROM "ReserveEntry" ORDER BY id')).map((r) => String(r[0]));
const people = (await raw.rows('SELECT code FROM "Person" ORDER BY id')).map((r) => String(r[0]));
await raw.close();
// Spread over the table, as an expiry run's entries are.
const spread = (all: string[], n: number) => {
  const step = all.length / n;
  return Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]!);
};
const change = (entity: string, keys: string[] | null) =>
  db.changeLog.create({ data: { entity, keys: keys ? JSON.stringify(keys) : null } });

const refresh: { table: string; records: number; ms: number }[] = [];
for (const n of [1_000, 10_000, 40_000, 100_000, codes.length]) {
  await change('ReserveEntry', spread(codes, Math.min(n, codes.length)));
  await copy.catchUp();
  refresh.push({ table: 'reserves', records: copy.lastCatchUp.records, ms: Math.round(copy.lastCatchUp.ms) });
}
for (const n of [10_000, 100_000, 300_000]) {
  await change('Training', spread(people, Math.min(n, people.length)));
  await copy.catchUp();
  refresh.push({
    table: 'trainings (by person)',
    records: copy.lastCatchUp.records,
    ms: Math.round(copy.lastCatchUp.ms),
  });
}
await change('Dataset', null);
await copy.catchUp();
const reloadMs = Math.round(copy.lastCatchUp.ms);
const rows = (
  await copy.query<{ n: number }>(
    `SELECT CAST((SELECT count(*) FROM units) + (SELECT count(*) FROM positions) + (SELECT count(*) FROM people)
     + (SELECT count(*) FROM reserves) + (SELECT count(*) FROM trainings) + (SELECT count(*) FROM assessments)
     + (SELECT count(*) FROM incumbencies) + (SELECT count(*) FROM mentors) + (SELECT count(*) FROM talks) AS INTEGER) AS n`,
  )
)[0]!.n;
await copy.close();
await db.$disconnect();
console.log(JSON.stringify({ refresh, reloadMs, rows, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) }));
