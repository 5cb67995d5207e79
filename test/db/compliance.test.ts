// The compliance report on the small fixture (see analytics-metrics.test.ts for the fixture),
// worked out by hand, and the same report from the three engines on a generated city.
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplianceReport, copyEngine } from '../../analytics/compliance/report.ts';
import { operationalEngine } from '../../analytics/operational.ts';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { openRaw } from '../../server/db/raw.ts';
import { readPoliciesAt } from '../../server/policy/store.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';

type Row = { rule: string; value: number; target: number; gap: number; status: string };
const report = (unitCode: string, subtree: boolean, part: string) =>
  gqlOk<{ complianceReport: Record<string, unknown> }>(
    `query($u: String!, $s: Boolean) { complianceReport(unitCode: $u, subtree: $s, asOf: "2026-11-21") { ${part} } }`,
    { u: unitCode, s: subtree },
  ).then((d) => d.complianceReport);

describe('compliance report on the small fixture', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('judges team rules on unit A alone and pool rules over its subtree, at 2026-11-21', async () => {
    const r = await report(
      'A',
      false,
      'horizonEnd trainingYear rows(orderBy: RULE, direction: ASC) { total rows { unitCode rule value target gap status judged subtree numerator denominator } }',
    );
    const rows = (r.rows as { total: number; rows: (Row & { unitCode: string; judged: boolean; subtree: boolean })[] })
      .rows;
    const byRule = Object.fromEntries(rows.map((x) => [x.rule, [x.value, x.target, x.gap, x.status, x.subtree]]));
    // A (a county: a pool unit) has posts A-P1 (principal) and A-D1 (deputy, vacant); its team's
    // pool is R01 (E06: woman, MASTER, NEAR_TERM, 40 on asOf, entered 2025-01-10). Its subtree
    // adds A1 (post A1-P1) and R05 (E10: woman, DOCTORATE, NEAR_TERM deputy, 34, entered
    // 2026-01-10). Horizon end 2027-11-21: A-D1 is an expected vacancy, R01 is ready.
    // Training is judged on 2025, the last complete year: active on 2025-12-31 in A's subtree is
    // R01 alone, and nobody trained in 2025 (E06's two centralized trainings are in 2026).
    expect(r.horizonEnd).toBe('2027-11-21');
    expect(r.trainingYear).toBe(2025);
    const elapsed = 325 / 365; // 2026-11-21 is day 325 of 365
    expect(byRule).toEqual({
      // Team rules, over A alone.
      RATIO_PRINCIPAL: [1, 2, 1, 'BREACH', false], // 1 < 2 × (1 − 0.2)
      RATIO_DEPUTY: [0, 1, 1, 'BREACH', false],
      SUCCESSION_PRINCIPAL: [1, 0, 0, 'COMPLIANT', false], // no vacancy, R01 ready
      SUCCESSION_DEPUTY: [0, 1, 1, 'BREACH', false], // A-D1 vacant, no deputy ready in A
      // Pool rules, over A and A1: R01 and R05.
      SPECIAL_SHARE: [1, 0.15, 0, 'COMPLIANT', true], // 2 women of 2
      NEAR_TERM_PRINCIPAL: [1, 1 / 3, 0, 'COMPLIANT', true],
      NEAR_TERM_DEPUTY: [1, 1 / 3, 0, 'COMPLIANT', true], // R05 (it counted 0 on A alone)
      AGE_BAND_PRINCIPAL: [1, 0.5, 0, 'COMPLIANT', true], // 40 is within 35–45
      AGE_BAND_DEPUTY: [1, 0.5, 0, 'COMPLIANT', true], // 34 is within 30–40
      YOUNG_PRINCIPAL: [0, 1, 1, 'BREACH', true], // nobody under 35
      YOUNG_DEPUTY: [0, 1, 1, 'BREACH', true], // nobody under 30
      BACHELOR_SHARE: [1, 1, 0, 'COMPLIANT', true],
      TRAINING_COVERAGE: [0, 1, 1, 'BREACH', true], // 0 of 1 in 2025
      // 2026 so far: R01 covered of R01, R05 = 0.5 against 1 × 325/365 — behind plan: a warning,
      // never a breach (0.5 < 0.8 × 0.890).
      TRAINING_PROGRESS: [0.5, elapsed, elapsed - 0.5, 'WARNING', true],
      // People working in A and A1: E02, E06, E07, E03, E10, E12; nobody trained in 2025.
      CADRE_TRAINING_RATE: [0, 0.2, 0.2, 'BREACH', true],
    });
    expect(rows.every((x) => x.judged)).toBe(true);
    expect(rows.find((x) => x.rule === 'SPECIAL_SHARE')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(rows.find((x) => x.rule === 'RATIO_PRINCIPAL')).toMatchObject({ numerator: 1, denominator: null });
    expect((r.rows as { total: number }).total).toBe(15);
  });

  it('sums count rules over the subtree without netting, and pools share rules', async () => {
    const r = await report('C01', true, 'totals { rule units breaches value target gap status }');
    const totals = Object.fromEntries(
      (r.totals as (Row & { units: number; breaches: number })[]).map((t) => [t.rule, t]),
    );
    // Principal posts in C01, A, A1, B: reserves 0, 1, 0, 1; targets 2 each; gaps 2, 1, 2, 1.
    expect(totals.RATIO_PRINCIPAL).toEqual({
      rule: 'RATIO_PRINCIPAL',
      units: 4,
      breaches: 4,
      value: 2,
      target: 8,
      gap: 6,
      status: 'BREACH',
    });
    // Deputy posts in A, B: reserves 0 and 1 (R06); targets 1 and 1; gaps 1 and 0.
    expect(totals.RATIO_DEPUTY).toMatchObject({ units: 2, breaches: 1, value: 1, target: 2, gap: 1 });
    // Judged at the pool units whose subtree has posts (C01, A, A1, B; B1 has none); the total is
    // C01's whole pool: R01, R05, R03, R06 → special E06, E10, E08 = 3 / 4.
    expect(totals.SPECIAL_SHARE).toMatchObject({ units: 4, value: 0.75, target: 0.15, gap: 0, status: 'COMPLIANT' });
    // The optional count-based quotas are off by default: no rows.
    expect(totals.DEPARTMENT_QUOTA).toBeUndefined();
    expect(totals.VILLAGE_QUOTA).toBeUndefined();
  });

  it('lists the worst units first, and filters rows by rule and status', async () => {
    const r = await report(
      'C01',
      true,
      `
      worstUnits(first: 2) { unitCode breaches warnings }
      rows(rules: [RATIO_PRINCIPAL], statuses: [BREACH], orderBy: GAP, first: 2) { total rows { unitCode gap } }`,
    );
    // Judged rows at 2026-11-21 (training judged on 2025, when nobody trained; the 2026
    // progress is behind plan everywhere: one warning each). A1: ratio, succession (A1-P1's term
    // ends 2027-03-31), and over its own pool (R05 only) near-term and age band of principals
    // (0 of 0), young principals, training, cadre training → 7 breaches, shortfall 8 × 1 = 8.
    // B: ratio 1 of 2, near-term of both kinds (R03 long-term, R06 mid-term), young of both,
    // training, cadre training → 7, shortfall 0.5 + 7 = 7.5. A: 7, shortfall 0.5 + 1 + 1 + 1 + 1
    // + 1 + 0.438 + 1 = 6.94. C01: ratio, young of both kinds, training, cadre training → 5.
    expect(r.worstUnits).toEqual([
      { unitCode: 'A1', breaches: 7, warnings: 1 },
      { unitCode: 'B', breaches: 7, warnings: 1 },
    ]);
    expect(r.rows).toEqual({
      total: 4,
      rows: [
        { unitCode: 'C01', gap: 2 },
        { unitCode: 'A1', gap: 2 },
      ],
    });
  });

  it('computes the totals and the worst units of one request with one DuckDB statement', async () => {
    const copy = await analytics();
    const before = copy.queryCount;
    const r = await report(
      'C01',
      true,
      'totals { rule } worstUnits(first: 1) { unitCode } top3: worstUnits(first: 3) { unitCode }',
    );
    expect(copy.queryCount - before).toBe(1);
    // The shorter list is the start of the longer one.
    expect(r.worstUnits).toEqual([{ unitCode: 'A1' }]);
    expect((r.top3 as { unitCode: string }[]).map((u) => u.unitCode)).toEqual(['A1', 'B', 'A']);
    expect((r.totals as unknown[]).length).toBe(15); // 17 rules less the two optional quotas
  });

  it('reads its targets and tolerance from the stored policy, and says which version it used', async () => {
    const v = await db.policyVersion.create({
      data: {
        unitKind: 'PARTY_GOV',
        effectiveFrom: new Date('2026-01-01T00:00:00Z'),
        overrides: JSON.stringify({ complianceWarningTolerance: 0.6 }),
        actor: 'test',
      },
    });
    try {
      const r = await report('A', false, 'policyVersions rows(rules: [RATIO_PRINCIPAL]) { rows { status } }');
      // 1 ≥ 2 × (1 − 0.6): now only a warning.
      expect(r).toEqual({ policyVersions: [v.id], rows: { rows: [{ status: 'WARNING' }] } });
    } finally {
      await db.policyVersion.delete({ where: { id: v.id } });
    }
  });
});

describe('the same report from DuckDB, SQLite and PostgreSQL', () => {
  beforeAll(async () => {
    await importDataset(
      db,
      dbConfig,
      { file: writeDatasetFile(generateDataset({ scale: 'county', seed: 23 })) },
      { replace: true },
    );
  });

  it('gives equal totals, worst units and rows', async () => {
    const asOf = '2026-07-01';
    const policies = await readPoliciesAt(db, asOf);
    const root = await db.unit.findFirstOrThrow({ where: { parentCode: null }, orderBy: { id: 'asc' } });
    const params = { path: root.path, subtree: true, asOf, end: '2027-07-01', year: 2025 };
    const copy = await analytics();
    await copy.catchUp(); // outside a request, nothing else brings the copy up to date
    const duck = new ComplianceReport(copyEngine(copy), policies, params);
    const reader = await openRaw(dbConfig);
    try {
      const operational = new ComplianceReport(await operationalEngine(reader), policies, params);
      const round = <T>(x: T) =>
        JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))) as T;
      expect(round(await operational.totals())).toEqual(round(await duck.totals()));
      expect(round(await operational.worstUnits(20))).toEqual(round(await duck.worstUnits(20)));
      const page = {
        rules: null,
        statuses: null,
        judged: null,
        order: 'SEVERITY' as const,
        descending: true,
        limit: 50,
        offset: 10,
      };
      expect(round(await operational.rows(page))).toEqual(round(await duck.rows(page)));
      expect((await duck.totals()).some((t) => t.breaches > 0)).toBe(true);
    } finally {
      await reader.close();
    }
  });
});
