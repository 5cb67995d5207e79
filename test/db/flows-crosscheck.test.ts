// Planning model 2 on a generated county, every unit, kind and year, for several scenarios: the
// DuckDB path (analytics/planning/flows.ts with domain/stock-flow.ts) against the plain reference
// written from domain.md (test/reference/flows.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { flowGroups } from '../../analytics/planning/flows.ts';
import { subtreeScope } from '../../analytics/scope.ts';
import { projectFlows } from '../../domain/stock-flow.ts';
import { analytics } from '../../server/analytics.ts';
import type { Dataset } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { readPoliciesAt } from '../../server/policy/store.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { referenceFlows } from '../reference/flows.ts';

describe('planning model 2 against its reference on a generated county', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = generateDataset({ scale: 'county', seed: 31 });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true });
  });

  const scenarios = [
    { p: 1, a: 0, m: 0, l: 0 },
    { p: 0.223, a: 0.035, m: 0, l: 0 },
    { p: 0.5, a: 0.1, m: 0.4, l: 0.3 },
  ];
  it.each(scenarios)('agrees for every unit, kind and year over 3 years: %o', async (s) => {
    const asOf = '2026-07-01';
    const root = await db.unit.findFirstOrThrow({ where: { parentCode: null } });
    const copy = await analytics();
    await copy.catchUp();
    const input = { copy, scope: subtreeScope(root), asOf, policies: await readPoliciesAt(db, asOf) };
    const { groups } = await flowGroups(input, 3);
    const result = projectFlows(groups, 3, {
      promotion: s.p,
      attrition: s.a,
      midToNear: s.m,
      longToMid: s.l,
      intakeTier: 'MID_TERM',
    });
    const got = groups.flatMap((g, gi) =>
      result.groups[gi]!.map((y, t) => ({ unitCode: g.unitCode, kind: g.kind, year: t + 1, ...y })),
    );
    const want = referenceFlows(data, root.code, asOf, 3, s);
    const key = (r: { unitCode: string; kind: string; year: number }) => `${r.year}|${r.unitCode}|${r.kind}`;
    const round = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v]),
          ),
        )
        .sort((a, b) => key(a as never).localeCompare(key(b as never)));
    expect(round(got)).toEqual(round(want as never));
    // The data exercises the model: promotions in the first year, intake in every year.
    expect(want.some((r) => r.year === 1 && r.promotions > 0)).toBe(true);
    for (const t of [1, 2, 3]) expect(want.filter((r) => r.year === t && r.intake > 0).length).toBeGreaterThan(0);
  });
});
