// The reserve list as a client sees it: filters, ordering, pagination, nested data, and a
// constant number of SQL statements whatever the page size.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig, sqlCounter } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';

type Page = {
  reserves: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { code: string; person: { name: string } } }[];
  };
};

const codes = (p: Page) => p.reserves.edges.map((e) => e.node.code);

async function list(filter: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return gqlOk<Page>(
    `query($filter: ReserveFilter, $orderBy: ReserveOrder, $first: Int, $after: String) {
      reserves(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { code person { name } } }
      }
    }`,
    { filter, ...extra },
  );
}

describe('reserves on the small fixture', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('lists every entry in insertion order by default', async () => {
    const page = await list();
    expect(codes(page)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06']);
    expect(page.reserves.totalCount).toBe(6);
  });

  it('filters by unit subtree, or the unit alone', async () => {
    expect(codes(await list({ unitCode: 'A' }))).toEqual(['R01', 'R02', 'R05']);
    expect(codes(await list({ unitCode: 'A', subtree: false }))).toEqual(['R01', 'R02']);
    expect(codes(await list({ unitCode: 'B' }))).toEqual(['R03', 'R04', 'R06']);
  });

  it('filters by kind, tier, status, direction and source', async () => {
    expect(codes(await list({ kind: 'DEPUTY' }))).toEqual(['R02', 'R04', 'R05', 'R06']);
    expect(codes(await list({ tier: 'LONG_TERM' }))).toEqual(['R03']);
    expect(codes(await list({ status: ['NOMINATED', 'PROMOTED'] }))).toEqual(['R02', 'R04']);
    expect(codes(await list({ direction: 'LEGAL' }))).toEqual(['R03']);
    expect(codes(await list({ source: 'SELECTED_GRADUATE' }))).toEqual(['R05']);
  });

  it('filters by the person: gender, education, name or id', async () => {
    expect(codes(await list({ gender: 'F' }))).toEqual(['R01', 'R05']);
    expect(codes(await list({ educationAtLeast: 'MASTER' }))).toEqual(['R01', 'R05']);
    expect(codes(await list({ search: '吴' }))).toEqual(['R03']);
    expect(codes(await list({ search: 'E09' }))).toEqual(['R04', 'R06']);
  });

  it('filters by age at a date, birthdays on the boundary included', async () => {
    // E06 born 1986-02-28 is 40 on 2026-02-28 and 39 the day before.
    expect(codes(await list({ ageMin: 40, ageMax: 40, asOf: '2026-02-28' }))).toContain('R01');
    expect(codes(await list({ ageMin: 40, ageMax: 40, asOf: '2026-02-27' }))).not.toContain('R01');
    // On 2026-11-11: E10 (born 1992-04-04) is 34, E07 (1990-07-01) 36, E09 (1988-08-08) 38.
    expect(codes(await list({ ageMax: 35, asOf: '2026-11-11' }))).toEqual(['R05']);
    expect(codes(await list({ ageMax: 36, asOf: '2026-11-11' }))).toEqual(['R02', 'R05']);
  });

  it('filters the entries in the pool at a date: entered on or before it, not yet exited', async () => {
    // R04 exited 2025-06-30: in the pool on 2025-06-29, not on 2025-06-30. R05 entered 2026-01-10.
    expect(codes(await list({ activeAt: '2025-06-29' }))).toEqual(['R01', 'R03', 'R04']);
    expect(codes(await list({ activeAt: '2025-06-30' }))).toEqual(['R01', 'R03']);
    expect(codes(await list({ activeAt: '2026-01-10' }))).toEqual(['R01', 'R03', 'R05', 'R06']);
  });

  it('orders by name or birth date, either way, and pages with cursors', async () => {
    const byBirth = await list({}, { orderBy: { field: 'BIRTH_DATE', direction: 'DESC' } });
    expect(codes(byBirth)).toEqual(['R05', 'R02', 'R04', 'R06', 'R01', 'R03']);
    const first = await list({}, { orderBy: { field: 'BIRTH_DATE', direction: 'DESC' }, first: 4 });
    expect(codes(first)).toEqual(['R05', 'R02', 'R04', 'R06']);
    expect(first.reserves.pageInfo.hasNextPage).toBe(true);
    const next = await list(
      {},
      { orderBy: { field: 'BIRTH_DATE', direction: 'DESC' }, first: 4, after: first.reserves.pageInfo.endCursor },
    );
    expect(codes(next)).toEqual(['R01', 'R03']);
    expect(next.reserves.pageInfo.hasNextPage).toBe(false);
  });

  it('gives an entry with its person, unit, target positions, latest assessment and history', async () => {
    const data = await gqlOk<{ reserve: Record<string, unknown> }>(`{
      reserve(id: "R01") {
        id code status tier enteredOn
        person { code name age(asOf: "2026-11-21") latestAssessment { year grade } }
        unit { code name ancestors { code } parent { code } }
        targetPositions { code title vacant incumbent { name } }
        history { from to on actor }
      }
    }`);
    expect(data.reserve).toEqual({
      id: 'ReserveEntry:R01',
      code: 'R01',
      status: 'ACTIVE',
      tier: 'NEAR_TERM',
      enteredOn: '2025-01-10',
      person: { code: 'E06', name: '孙后备', age: 40, latestAssessment: { year: 2025, grade: 'EXCELLENT' } },
      unit: { code: 'A', name: '甲县', ancestors: [{ code: 'C01' }], parent: { code: 'C01' } },
      targetPositions: [{ code: 'A-P1', title: '县长', vacant: false, incumbent: { name: '李县长' } }],
      history: [{ from: null, to: 'ACTIVE', on: '2025-01-10', actor: 'import' }],
    });
  });

  it('finds nodes by global id and returns null for unknown ones', async () => {
    const data = await gqlOk<Record<string, unknown>>(`{
      a: node(id: "ReserveEntry:R03") { id ... on ReserveEntry { status } }
      b: node(id: "Person:E05") { ... on Person { name } }
      c: node(id: "Unit:A1") { ... on Unit { name } }
      d: node(id: "Position:B-D1") { ... on Position { title } }
      e: reserve(id: "R404") { code }
      f: unit(code: "nope") { code }
    }`);
    expect(data).toEqual({
      a: { id: 'ReserveEntry:R03', status: 'ACTIVE' },
      b: { name: '钱副县长' },
      c: { name: '甲一镇' },
      d: { title: '副县长' },
      e: null,
      f: null,
    });
  });
});

describe('the reserve page query count', () => {
  beforeAll(async () => {
    await importDataset(
      db,
      dbConfig,
      { file: writeDatasetFile(generateDataset({ scale: 'county', seed: 5 })) },
      { replace: true },
    );
  });

  const pageQuery = `query($first: Int) {
    reserves(first: $first, filter: { unitCode: "C01" }, orderBy: { field: NAME }) {
      edges { node {
        id code status tier
        person { name gender birthDate education latestAssessment { year grade } }
        unit { code name parent { code } }
        targetPositions { code title incumbent { name } }
      } }
    }
  }`;

  async function statementsFor(first: number, viewerUnit?: string): Promise<{ n: number; rows: number }> {
    const as = viewerUnit ? { viewerUnit } : {};
    await gqlOk(pageQuery, { first }, as); // warm: the account and caches
    const before = sqlCounter.count;
    const data = await gqlOk<{ reserves: { edges: unknown[] } }>(pageQuery, { first }, as);
    return { n: sqlCounter.count - before, rows: data.reserves.edges.length };
  }

  it('is the same for a page of 10 and a page of 100', async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(small.rows).toBe(10);
    expect(large.rows).toBe(100);
    expect(large.n).toBe(small.n);
    // The page's data: 1 the unit named in the filter, 2 the page, 3 people, 4 units, 5 latest
    // assessments, 6 the units' parents, 7 target positions, 8 their incumbents; 9 whether the
    // unit is the only root (then its subtree is everything: no join); and 2 for the request's
    // credentials (the API token, its account). An account of the whole tree needs no
    // type-level lookups.
    expect(large.n).toBe(11);
  });

  it('is the same for a page of 10 and a page of 100 for an account bounded to a unit', async () => {
    // Bounded to the root unit: the same rows, but every entry, post, unit and person is checked
    // against the subtree — in batches per level, not per row.
    const small = await statementsFor(10, 'C01');
    const large = await statementsFor(100, 'C01');
    expect([small.rows, large.rows]).toEqual([10, 100]);
    expect(large.n).toBe(small.n);
  });
});
