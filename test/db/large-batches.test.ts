// Lists longer than a database binds in one statement (SQLite: 32 766 variables, PostgreSQL:
// 65 535 parameters; Prisma cannot split an ordered query at all): a change batch of 72 000
// records caught up by the analytical copy, the request loaders, the literal name search and the
// enum list arguments — each at a size above the limit, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsCopy } from '../../analytics/copy.ts';
import { DERIVED, TABLES } from '../../analytics/tables.ts';
import { analytics, copySource } from '../../server/analytics.ts';
import { BATCH_KEYS, createLoaders } from '../../server/context.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { MAX_LITERAL_MATCHES } from '../../server/db/search.ts';
import { expireReserves } from '../../server/reserves/expiry.ts';
import { handle, markReady } from '../../server/yoga.ts';
import { largeDataset } from '../fixtures/large.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

// 1 200 counties × 60 reserves: 72 000 entries (and 74 400 people), every one of them due to
// expire on 2026-12-04.
const UNITS = 1200;
const PER_UNIT = 60;
const ENTRIES = UNITS * PER_UNIT;

const pool = async (asOf: string) =>
  (await gqlOk<{ poolStructure: { total: number } }>(`{ poolStructure(unitCode: "C01", asOf: "${asOf}") { total } }`))
    .poolStructure.total;

/** Every row of every table of a copy, in a fixed order. */
async function contents(copy: AnalyticsCopy): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...TABLES.map((t) => t.name), ...DERIVED.map((d) => d.name)])
    out[t] = await copy.query(`SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

describe('lists longer than one statement binds', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(largeDataset(UNITS, PER_UNIT)) });
  }, 300_000);

  it('catches the analytical copy up after the expiry job moves 72 000 entries, equal to a fresh load', async () => {
    const copy = await analytics();
    // A second copy that hears of no change until asked (no notifications), set to refresh
    // records in chunks of 5 000 keys however many changed: the whole batch in one catch-up.
    const behind = await AnalyticsCopy.open(
      { open: copySource(dbConfig).open },
      { reloadAboveShare: 1, refreshChunk: 5000 },
    );
    try {
      // Loaded before the job: all 72 000 in the pool the day before.
      expect(await pool('2026-12-03')).toBe(ENTRIES);

      const run = await expireReserves(db, '2026-12-04');
      expect(run.expired).toHaveLength(ENTRIES);
      const changed = await db.changeLog.findMany({ where: { entity: 'ReserveEntry' } });
      // One change row per transaction of 500 entries: 144 rows naming 72 000 keys in all.
      expect(changed).toHaveLength(ENTRIES / 500);
      expect(changed.map((c) => (JSON.parse(c.keys!) as string[]).length).reduce((a, b) => a + b, 0)).toBe(ENTRIES);

      // The next request catches the server's copy up (on SQLite by a reload: 72 000 of its
      // ~150 000 rows changed, above the 30 % where reloading is cheaper; on PostgreSQL batch by
      // batch as the notifications arrive) and answers. Each entry left on the day its period
      // ended: entered 2021-03-01 … 2022-09-01, out 2024-03-01 … 2025-09-01; on 2025-06-01 the
      // quarter entered 2022-09-01 is still in (18 000).
      expect(await pool('2026-12-03')).toBe(0);
      expect(await pool('2024-02-29')).toBe(ENTRIES);
      expect(await pool('2025-06-01')).toBe(ENTRIES / 4);
      expect(copy.state.status).toBe('ready');
      markReady(); // as npm start does once the copy is loaded
      const health = await (await handle(new Request('http://test/health'))).json();
      expect(health).toMatchObject({ status: 'ok', analytics: 'ready', dataVersion: copy.version });

      // The copy that heard nothing refreshes all 72 000 records in one catch-up, 15 chunks.
      const reloads = behind.reloads;
      await behind.catchUp();
      expect(behind.reloads).toBe(reloads);
      expect(behind.lastCatchUp).toMatchObject({ records: ENTRIES, reloaded: false });
      expect(behind.version).toBe(copy.version);

      // What both copies hold now is exactly what a fresh load reads.
      const fresh = await AnalyticsCopy.open(copySource(dbConfig));
      try {
        expect(fresh.version).toBe(copy.version);
        const expected = await contents(fresh);
        expect(expected.reserves).toHaveLength(ENTRIES);
        for (const [name, c] of [
          ['refreshed', behind],
          ['server', copy],
        ] as const) {
          const got = await contents(c);
          for (const table of Object.keys(expected))
            expect({ name, table, rows: got[table] }).toEqual({ name, table, rows: expected[table] });
        }
      } finally {
        await fresh.close();
      }
    } finally {
      await behind.close();
    }
  }, 300_000);

  it('answers every request loader for more keys than one statement binds', async () => {
    const loaders = createLoaders();
    const units = Array.from({ length: UNITS }, (_, u) => `U${String(u + 1).padStart(4, '0')}`);
    expect(units.length).toBeGreaterThan(2 * BATCH_KEYS);
    // 1 200 distinct units' posts in one tick: one ordered query per 500 keys, not one of 1 200.
    const posts = await Promise.all(
      units.map((u) => loaders.positionsByUnitKind({ select: { code: true } }).load(`PRINCIPAL|${u}`)),
    );
    expect(posts.map((p) => p.map((x) => x.code))).toEqual(units.map((u) => [`${u}-P1`]));
    const paths = await Promise.all(units.map((u) => loaders.unitPath.load(u)));
    expect(new Set(paths).size).toBe(UNITS);
    const people = Array.from({ length: 1500 }, (_, n) => `P${String(n + 1).padStart(6, '0')}`);
    const personPaths = await Promise.all(people.map((p) => loaders.personUnitPaths.load(p)));
    // A reserve works in and is reserved for the same county: two paths, both that county's.
    expect(personPaths.every((p) => p.length === 2 && p[0] === p[1])).toBe(true);
    const entries = await Promise.all(people.map((p) => loaders.entryUnitPath.load(p.replace('P', 'R'))));
    expect(entries).toEqual(personPaths.map((p) => p[0]));
    const ids = (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
    const byId = await Promise.all(ids.map((id) => loaders.unitById.load(id)));
    expect(byId.map((u) => u?.id)).toEqual(ids);
  });

  it('searches names for a wildcard character literally, and refuses a search that finds too many', async () => {
    // 720 names hold "_" (every 100th of 72 000); "_" also matches any one character in LIKE.
    const found = await gql<{ reserves: { totalCount: number } }>(
      '{ reserves(filter: { search: "干部_1" }, first: 5) { totalCount } }',
    );
    // Names 干部_N for N = 100, 200 … 72 000 holding the literal text "干部_1": N = 100,
    // 1 000 … 1 900 (10) and 10 000 … 19 900 (100): 111 (as a LIKE pattern it would match 8 031).
    expect(found.errors).toBeUndefined();
    expect(found.data?.reserves.totalCount).toBe(111);
    const many = await gql('{ reserves(filter: { search: "_" }, first: 5) { totalCount } }');
    if (dbConfig.provider === 'sqlite') {
      // 720 > 500 names found literally on SQLite (where the list becomes an IN list): refused.
      expect(many.errors?.[0]).toMatchObject({
        message: `search: more than ${MAX_LITERAL_MATCHES} names contain "_"; add to the text`,
        extensions: { code: 'BAD_USER_INPUT', field: 'search' },
      });
    } else {
      // PostgreSQL escapes the wildcard in the pattern itself: no list, no limit.
      expect(many.data).toEqual({ reserves: { totalCount: 720 } });
    }
  });

  it('refuses enum list arguments longer than the enum, naming the argument', async () => {
    const statuses = (n: number) =>
      gql('query ($s: [ReserveStatus!]) { reserves(filter: { status: $s }, first: 1) { totalCount } }', {
        s: Array.from({ length: n }, () => 'EXPIRED'),
      });
    // 100 000 values: refused before anything runs, as any list over 1 000 values is.
    expect((await statuses(100_000)).errors?.[0]).toMatchObject({
      message: 'filter.status must hold at most 1000 values, got 100000',
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
    });
    // 9 statuses of 8: more than the enum has.
    const nine = await statuses(9);
    expect(nine.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nine.errors?.[0]?.message).toMatch(/status.*at most 8 values/s);
    const alerts = await gql('query ($k: [AlertKind!]) { reserveAlerts(unitCode: "C01", kinds: $k) { total } }', {
      k: Array.from({ length: 20 }, () => 'OVER_AGE'),
    });
    expect(alerts.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(alerts.errors?.[0]?.message).toMatch(/kinds.*at most/s);
    const ok = await gqlOk<{ reserves: { totalCount: number } }>(
      '{ reserves(filter: { status: [EXPIRED, ACTIVE] }, first: 1) { totalCount } }',
    );
    expect(ok.reserves.totalCount).toBe(ENTRIES);
  });

  afterAll(async () => {
    await db.$disconnect();
  });
});
