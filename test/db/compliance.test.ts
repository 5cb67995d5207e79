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

  it('judges every rule for unit A at 2026-11-21', async () => {
    const r = await report(
      'A',
      false,
      'horizonEnd rows(orderBy: RULE, direction: ASC) { total rows { unitCode rule value target gap status } }',
    );
    const rows = (r.rows as { total: number; rows: (Row & { unitCode: string })[] }).rows;
    const byRule = Object.fromEntries(rows.map((x) => [x.rule, [x.value, x.target, x.gap, x.status]]));
    // A: posts A-P1 (principal), A-D1 (deputy, vacant). Pool: R01 only (E06: woman, MASTER,
    // NEAR_TERM, 40 on asOf, covered by 2 centralized trainings of 7.5 days in 2026). People in A:
    // E02, E06, E07; trained in 2026: E06. Horizon end 2027-11-21: A-D1 is an expected vacancy, R01
    // is ready (41 at the end, period to 2028-01-10, cultivation over 2026-01-10).
    expect(r.horizonEnd).toBe('2027-11-21');
    expect(byRule).toEqual({
      RATIO_PRINCIPAL: [1, 2, 1, 'BREACH'], // 1 < 2 × (1 − 0.2)
      RATIO_DEPUTY: [0, 1, 1, 'BREACH'],
      SPECIAL_SHARE: [1, 0.15, 0, 'COMPLIANT'],
      NEAR_TERM_PRINCIPAL: [1, 1 / 3, 0, 'COMPLIANT'],
      NEAR_TERM_DEPUTY: [0, 1 / 3, 1 / 3, 'BREACH'], // an empty deputy pool
      AGE_BAND_PRINCIPAL: [1, 0.5, 0, 'COMPLIANT'], // 40 is within 35–45
      AGE_BAND_DEPUTY: [0, 0.5, 0.5, 'BREACH'],
      YOUNG_PRINCIPAL: [0, 1, 1, 'BREACH'], // nobody under 35
      YOUNG_DEPUTY: [0, 1, 1, 'BREACH'],
      BACHELOR_SHARE: [1, 1, 0, 'COMPLIANT'],
      TRAINING_COVERAGE: [1, 1, 0, 'COMPLIANT'],
      CADRE_TRAINING_RATE: [1 / 3, 0.2, 0, 'COMPLIANT'],
      SUCCESSION_PRINCIPAL: [1, 0, 0, 'COMPLIANT'], // no vacancy, R01 ready
      SUCCESSION_DEPUTY: [0, 1, 1, 'BREACH'], // A-D1 vacant, no deputy ready
    });
    expect((r.rows as { total: number }).total).toBe(14);
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
    // Pools of units with posts (C01, A, A1, B): R01, R05, R03, R06 → special E06, E10, E08 = 3 / 4.
    expect(totals.SPECIAL_SHARE).toMatchObject({ units: 4, value: 0.75, target: 0.15, gap: 0, status: 'COMPLIANT' });
  });

  it('lists the worst units first, and filters rows by rule and status', async () => {
    const r = await report(
      'C01',
      true,
      `
      worstUnits(first: 2) { unitCode breaches warnings }
      rows(rules: [RATIO_PRINCIPAL], statuses: [BREACH], orderBy: GAP, first: 2) { total rows { unitCode gap } }`,
    );
    // C01 has one principal post and no pool: 9 rules apply (no deputy ones); all but its
    // succession rule are breached (C01-P1 is held till 2028) → 8. A1 and A breach 7 each; A1's
    // shortfall (Σ gap/target) is 7 × 1 = 7, A's is 0.5 (ratio 1 of 2) + 6 × 1 = 6.5.
    expect(r.worstUnits).toEqual([
      { unitCode: 'C01', breaches: 8, warnings: 0 },
      { unitCode: 'A1', breaches: 7, warnings: 0 },
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
    expect(r.worstUnits).toEqual([{ unitCode: 'C01' }]);
    expect((r.top3 as { unitCode: string }[]).map((u) => u.unitCode)).toEqual(['C01', 'A1', 'A']);
    expect((r.totals as unknown[]).length).toBe(14);
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
    const params = { scope: root.path, subtree: true, asOf, end: '2027-07-01', year: 2026 };
    const copy = await analytics();
    await copy.catchUp(); // outside a request, nothing else brings the copy up to date
    const duck = new ComplianceReport(copyEngine(copy), policies, policies.byKind[root.kind], params);
    const reader = await openRaw(dbConfig);
    try {
      const operational = new ComplianceReport(
        await operationalEngine(reader),
        policies,
        policies.byKind[root.kind],
        params,
      );
      const round = <T>(x: T) =>
        JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))) as T;
      expect(round(await operational.totals())).toEqual(round(await duck.totals()));
      expect(round(await operational.worstUnits(20))).toEqual(round(await duck.worstUnits(20)));
      const page = { rules: null, statuses: null, order: 'SEVERITY' as const, descending: true, limit: 50, offset: 10 };
      expect(round(await operational.rows(page))).toEqual(round(await duck.rows(page)));
      expect((await duck.totals()).some((t) => t.breaches > 0)).toBe(true);
    } finally {
      await reader.close();
    }
  });
});
