// DuckDB's answers equal the independent plain implementation on a generated city.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';
import { referenceCompliance, referenceTotals, referenceWorst } from '../reference/compliance.ts';
import { referenceGaps, referenceRatio, referenceStructure, referenceTraining } from '../reference/metrics.ts';

describe('analytics cross-check on a generated city', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = generateDataset({ scale: 'city', seed: 17 });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) });
  });

  // The reference date of the data, a past date, and one after many entries' periods end.
  const dates = ['2026-07-01', '2025-03-15', '2027-12-31'];
  const county = 'C01-37';

  it.each(dates)('reserve ratio at %s', async (asOf) => {
    for (const unit of ['C01', county]) {
      const got = await gqlOk<{ reserveRatio: unknown[] }>(
        `query($u: String!, $a: Date) { reserveRatio(unitCode: $u, asOf: $a) { unitCode kind positions reserves target gap compliant } }`,
        { u: unit, a: asOf },
      );
      expect(got.reserveRatio).toEqual(referenceRatio(data, unit, asOf));
    }
  });

  it.each(dates)('pool structure at %s', async (asOf) => {
    for (const kind of [null, 'PRINCIPAL', 'DEPUTY'] as const) {
      const got = await gqlOk<{ poolStructure: unknown }>(
        `query($a: Date, $k: PositionKind) { poolStructure(unitCode: "C01", asOf: $a, kind: $k) { total women minority nonCpc special specialShare nearTerm nearTermShare midTerm longTerm bachelorOrAbove } }`,
        { a: asOf, k: kind },
      );
      expect(got.poolStructure).toEqual(referenceStructure(data, 'C01', asOf, kind));
    }
  });

  it.each([2025, 2026])('training coverage in %i', async (year) => {
    const got = await gqlOk<{ trainingCoverage: unknown }>(
      `query($y: Int!) { trainingCoverage(unitCode: "C01", year: $y) { activeReserves covered coverage people trained cadreTrainingRate } }`,
      { y: year },
    );
    expect(got.trainingCoverage).toEqual(referenceTraining(data, 'C01', year));
  });

  it.each([
    ['2026-07-01', 1],
    ['2026-07-01', 3],
    ['2025-03-15', 2],
  ] as const)('succession gaps at %s over %i years', async (asOf, horizon) => {
    const got = await gqlOk<{
      successionGaps: {
        totalExpectedVacancies: number;
        totalReady: number;
        totalGap: number;
        rows: { unitCode: string; kind: string }[];
      };
    }>(
      `query($a: Date, $h: Int) { successionGaps(unitCode: "C01", asOf: $a, horizonYears: $h) { totalExpectedVacancies totalReady totalGap rows { unitCode kind expectedVacancies ready gap } } }`,
      { a: asOf, h: horizon },
    );
    const want = referenceGaps(data, 'C01', asOf, horizon);
    expect({ ...got.successionGaps, rows: undefined }).toEqual({ ...want, rows: undefined });
    const key = (r: { unitCode: string; kind: string }) => `${r.unitCode}|${r.kind}`;
    expect([...got.successionGaps.rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...want.rows].sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(want.totalGap).toBeGreaterThan(0); // the data exercises the rule
  });

  it.each(['2026-07-01', '2025-03-15', '2027-12-31'])('compliance report at %s', async (asOf) => {
    const round = (x: unknown) =>
      JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
    const got = await gqlOk<{ complianceReport: { totals: { rule: string }[]; worstUnits: unknown[] } }>(
      `query($a: Date) { complianceReport(unitCode: "C01", asOf: $a) {
        totals { rule units breaches warnings value target gap status }
        worstUnits(first: 25) { unitCode breaches warnings shortfall } } }`,
      { a: asOf },
    );
    const want = referenceCompliance(data, 'C01', asOf);
    const totals = Object.fromEntries(got.complianceReport.totals.map(({ rule, ...t }) => [rule, t]));
    expect(round(totals)).toEqual(round(referenceTotals(data, 'C01', asOf, want)));
    expect(round(got.complianceReport.worstUnits)).toEqual(round(referenceWorst(want, 25)));

    // Every row of one county's subtree, a page at a time.
    const wantRows = referenceCompliance(data, county, asOf).map(({ den, ...r }) => ({
      ...r,
      denominator: ['RATIO', 'SUCCESSION', 'YOUNG'].some((p) => r.rule.startsWith(p)) ? null : den,
    }));
    const rows: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await gqlOk<{ complianceReport: { rows: { total: number; rows: unknown[] } } }>(
        `query($u: String!, $a: Date, $o: Int) { complianceReport(unitCode: $u, asOf: $a) {
          rows(orderBy: UNIT, direction: ASC, first: 1000, offset: $o) { total rows { unitCode rule value target gap status judged subtree num: numerator denominator } } } }`,
        { u: county, a: asOf, o: offset },
      );
      rows.push(...page.complianceReport.rows.rows);
      if (rows.length >= page.complianceReport.rows.total) break;
    }
    const key = (r: { unitCode: string; rule: string }) => `${r.unitCode}|${r.rule}`;
    const sorted = (xs: { unitCode: string; rule: string }[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(round(sorted(rows as { unitCode: string; rule: string }[]))).toEqual(round(sorted(wantRows)));
    // The data exercises every status, and rows judged and shown only.
    expect(new Set(wantRows.map((r) => r.status))).toEqual(new Set(['COMPLIANT', 'WARNING', 'BREACH']));
    expect(new Set(wantRows.map((r) => r.judged))).toEqual(new Set([true, false]));
  });
});
