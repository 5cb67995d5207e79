// The 后备干部统计表: hand-computed on the small fixture (test/fixtures/small.ts), its totals
// checking (rows add up to their kind's total, kinds to the whole; the parted groups add up to
// the row's reserves), every cell drilling to the entries it counts, and on a generated county
// every cell equal to an independent count over the dataset (test/reference/measures.ts).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAT_GROUPS, STAT_MEASURES } from '../../domain/statistics.ts';
import type { Dataset } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk, tokenFor } from '../helpers/graphql.ts';
import { referenceMeasures } from '../reference/measures.ts';

interface Cell {
  measure: string;
  drillMeasure: string;
  targetRank: string | null;
  count: number;
  share: number | null;
}
interface Row {
  kind: string | null;
  targetRank: string | null;
  label: string;
  total: boolean;
  cells: Cell[];
}

const TABLE = `query($u: String!, $a: Date) { statisticsTable(unitCode: $u, asOf: $a) {
  unitName year groups { key parts shares columns { measure label } }
  rows { kind targetRank label total cells { measure drillMeasure targetRank count share } } } }`;

async function table(unitCode: string, asOf: string) {
  return (
    await gqlOk<{ statisticsTable: { unitName: string; year: number; rows: Row[] } }>(
      TABLE,
      { u: unitCode, a: asOf },
      { headers: { 'accept-language': 'zh-CN' } },
    )
  ).statisticsTable;
}

/** The row's counts by measure, only those not zero (what a reader of the printed row sees). */
const nonZero = (row: Row) => Object.fromEntries(row.cells.filter((c) => c.count > 0).map((c) => [c.measure, c.count]));

async function drillCodes(cell: Cell, unitCode: string, asOf: string): Promise<string[]> {
  const { drill } = await gqlOk<{ drill: { totalCount: number; rows: { code: string }[] } }>(
    `query($m: String!, $u: String!, $a: Date, $r: Rank) {
      drill(measure: $m, unitCode: $u, subtree: true, asOf: $a, targetRank: $r, first: 500) { totalCount rows { code } } }`,
    { m: cell.drillMeasure, u: unitCode, a: asOf, r: cell.targetRank },
  );
  expect(drill.totalCount).toBe(drill.rows.length);
  return drill.rows.map((r) => r.code).sort();
}

/** Rows add up to their kind's total, kinds to the whole total, parted groups to the row's reserves. */
function expectTotalsCheck(rows: Row[]) {
  const sum = (list: Row[], i: number) => list.reduce((s, r) => s + (r.cells[i]?.count ?? 0), 0);
  const kinds = rows.filter((r) => r.kind !== null && r.total);
  expect(kinds.map((r) => r.kind)).toEqual(['PRINCIPAL', 'DEPUTY']);
  for (const kindTotal of kinds) {
    const ranks = rows.filter((r) => r.kind === kindTotal.kind && !r.total);
    STAT_MEASURES.forEach((m, i) => {
      expect({ m, n: sum(ranks, i) }).toEqual({ m, n: kindTotal.cells[i]?.count });
    });
  }
  const whole = rows.at(-1)!;
  expect(whole.kind).toBeNull();
  STAT_MEASURES.forEach((m, i) => {
    expect({ m, n: sum(kinds, i) }).toEqual({ m, n: whole.cells[i]?.count });
  });
  for (const row of rows) {
    const total = row.cells[0]!.count;
    for (const g of STAT_GROUPS.filter((x) => x.parts)) {
      const parts = row.cells.filter((c) => g.columns.some((col) => col.measure === c.measure));
      expect({ row: row.label, group: g.key, sum: parts.reduce((s, c) => s + c.count, 0) }).toEqual({
        row: row.label,
        group: g.key,
        sum: total,
      });
    }
  }
}

describe('the statistics table on the small fixture', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('counts the reserves at a date by kind and target rank, by hand', async () => {
    // Active on 2026-07-01 in 示范市's subtree (R02 is only nominated, R04 left in 2025):
    //   R01 正职·正科 孙 F 1986-02-28 → 40, 硕士, 中共, 近期, 民主推荐
    //   R03 正职·正科 吴 M 1984-11-11 → 41, 本科, 无党派, 远期, 民主推荐
    //   R06 副职·副处 郑 M 1988-08-08 → 37, 本科, 中共, 中期, 民主推荐
    //   R05 副职·副科 冯 F 1992-04-04 → 34, 博士, 中共, 近期, 选调生, entered 2026-01-10 (this year's intake)
    const t = await table('C01', '2026-07-01');
    expect(t.unitName).toBe('示范市');
    expect(t.year).toBe(2026);
    expect(t.rows.map((r) => [r.kind, r.targetRank])).toEqual([
      ['PRINCIPAL', 'SECTION_PRINCIPAL'],
      ['PRINCIPAL', null],
      ['DEPUTY', 'DIVISION_DEPUTY'],
      ['DEPUTY', 'SECTION_DEPUTY'],
      ['DEPUTY', null],
      [null, null],
    ]);
    expect(t.rows.map((r) => r.label)).toEqual([
      '正职 · 正科级',
      '正职合计',
      '副职 · 副处级',
      '副职 · 副科级',
      '副职合计',
      '总计',
    ]);
    const common = { SOURCE_DEMOCRATIC_RECOMMENDATION: 2 };
    expect(nonZero(t.rows[0]!)).toEqual({
      ENTRIES: 2,
      WOMEN: 1,
      NON_CPC: 1,
      AGE_36_40: 1,
      AGE_41_45: 1,
      EDU_GRADUATE: 1,
      EDU_UNIVERSITY: 1,
      NEAR_TERM: 1,
      LONG_TERM: 1,
      ...common,
    });
    expect(nonZero(t.rows[3]!)).toEqual({
      ENTRIES: 1,
      WOMEN: 1,
      AGE_31_35: 1,
      EDU_GRADUATE: 1,
      NEAR_TERM: 1,
      SOURCE_SELECTED_GRADUATE: 1,
      INTAKE: 1,
    });
    // The whole: 4 reserves; women 2 of 4 = 50 %, non-CPC 1 of 4 = 25 %; 36–40: 孙 40 and 郑 37.
    const whole = t.rows[5]!;
    expect(nonZero(whole)).toEqual({
      ENTRIES: 4,
      WOMEN: 2,
      NON_CPC: 1,
      AGE_31_35: 1,
      AGE_36_40: 2,
      AGE_41_45: 1,
      EDU_GRADUATE: 2,
      EDU_UNIVERSITY: 2,
      NEAR_TERM: 2,
      MID_TERM: 1,
      LONG_TERM: 1,
      SOURCE_DEMOCRATIC_RECOMMENDATION: 3,
      SOURCE_SELECTED_GRADUATE: 1,
      INTAKE: 1,
    });
    const cell = (row: Row, m: string) => row.cells.find((c) => c.measure === m)!;
    expect(cell(whole, 'WOMEN').share).toBe(0.5);
    expect(cell(whole, 'NON_CPC').share).toBe(0.25);
    expect(cell(whole, 'ENTRIES').share).toBeNull();
    expect(cell(whole, 'INTAKE').share).toBeNull();
    expectTotalsCheck(t.rows);
  });

  it('counts last year’s flows at its end: R04 left, R01 and R06 came', async () => {
    // 2025-12-31: R04 (副职 · 正科, entered 2023-02-01) promoted 2025-06-30 — an exit of 2025; R01
    // entered 2025-01-10 and R06 2025-09-01 — the year's intake.
    const t = await table('C01', '2025-12-31');
    const row = (kind: string | null, rank: string | null) =>
      t.rows.find((r) => r.kind === kind && r.targetRank === rank)!;
    expect(nonZero(row('DEPUTY', 'SECTION_PRINCIPAL'))).toEqual({ EXITS: 1 });
    expect(row(null, null).cells.find((c) => c.measure === 'INTAKE')!.count).toBe(2);
    expect(row(null, null).cells.find((c) => c.measure === 'EXITS')!.count).toBe(1);
    expectTotalsCheck(t.rows);
    expect(
      await drillCodes(
        row('DEPUTY', 'SECTION_PRINCIPAL').cells.find((c) => c.measure === 'EXITS')!,
        'C01',
        '2025-12-31',
      ),
    ).toEqual(['R04']);
  });

  it('drills every cell to exactly the entries it counts', async () => {
    const t = await table('C01', '2026-07-01');
    const row = t.rows.find((r) => r.kind === 'DEPUTY' && r.targetRank === 'SECTION_DEPUTY')!;
    const intake = row.cells.find((c) => c.measure === 'INTAKE')!;
    expect(intake).toMatchObject({ drillMeasure: 'INTAKE_DEPUTY', targetRank: 'SECTION_DEPUTY', count: 1 });
    expect(await drillCodes(intake, 'C01', '2026-07-01')).toEqual(['R05']);
    const women = t.rows.at(-1)!.cells.find((c) => c.measure === 'WOMEN')!;
    expect(women).toMatchObject({ drillMeasure: 'WOMEN', targetRank: null });
    expect(await drillCodes(women, 'C01', '2026-07-01')).toEqual(['R01', 'R05']);
  });

  it('refuses a target rank on a measure that is not of entries, naming the field', async () => {
    const r = await gql(`{ drill(measure: "POSTS", unitCode: "C01", targetRank: SECTION_DEPUTY) { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.field).toBe('targetRank');
  });
});

async function download(query: string, viewerUnit: string | null = null): Promise<Response> {
  const token = await tokenFor('ORG_OFFICER', viewerUnit);
  return handle(
    new Request(`http://test/export/statistics.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } }),
  );
}

describe('the statistics table as a spreadsheet', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('holds the API’s figures in the fixed layout: title, two header rows, a count and a share line per row', async () => {
    const response = await download('unit=C01&asOf=2026-07-01&lang=zh-CN');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      '后备干部统计表-C01-2026-07-01.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('示范市后备干部统计表');
    expect(String(sheet.getCell('A2').value)).toContain('统计日期：2026-07-01');
    expect([sheet.getCell('C3').value, sheet.getCell('D3').value, sheet.getCell('D4').value]).toEqual([
      '后备干部总数',
      '结构',
      '女性',
    ]);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    const t = await table('C01', '2026-07-01');
    t.rows.forEach((row, i) => {
      const counts = sheet.getRow(5 + 2 * i);
      const shares = sheet.getRow(6 + 2 * i);
      expect([counts.getCell(1).value, counts.getCell(2).value, shares.getCell(2).value]).toEqual([
        row.label,
        '人数',
        '占比',
      ]);
      row.cells.forEach((c, j) => {
        expect({ row: row.label, m: c.measure, n: counts.getCell(3 + j).value }).toEqual({
          row: row.label,
          m: c.measure,
          n: c.count,
        });
        expect(shares.getCell(3 + j).value ?? null).toBe(c.share);
      });
    });
  });

  it('refuses a unit outside the account’s subtree and a date that is not one, changing nothing', async () => {
    expect((await download('unit=B&asOf=2026-07-01', 'A')).status).toBe(404);
    const bad = await download('unit=C01&asOf=2026-13-01');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('2026-13-01');
    expect((await handle(new Request('http://test/export/statistics.xlsx?unit=C01'))).status).toBe(401);
  });
});

describe('the statistics table on a generated county', () => {
  let data: Dataset;
  let root: string;
  beforeAll(async () => {
    data = generateDataset({ scale: 'county', seed: 11 });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true });
    root = data.units.find((u) => u.parentCode === null)!.code as string;
  });

  it.each(['2026-07-01', '2025-12-31'])('equals an independent count of every cell at %s', async (asOf) => {
    const t = await table(root, asOf);
    const want = referenceMeasures(data, root, true, asOf, 1);
    const entry = new Map(data.reserves.map((r) => [r.id as string, r]));
    for (const row of t.rows)
      for (const cell of row.cells) {
        const codes = [...(want.get(cell.drillMeasure) ?? [])].filter(
          (code) => row.targetRank === null || entry.get(code)?.targetRank === row.targetRank,
        );
        expect({ row: row.label, m: cell.measure, n: cell.count }).toEqual({
          row: row.label,
          m: cell.measure,
          n: codes.length,
        });
      }
    expectTotalsCheck(t.rows);
    // The data exercises the table: several ranks, both kinds, flows both ways.
    expect(t.rows.filter((r) => !r.total).length).toBeGreaterThan(2);
    const whole = t.rows.at(-1)!;
    expect(whole.cells.find((c) => c.measure === 'INTAKE')!.count).toBeGreaterThan(0);
  });
});
