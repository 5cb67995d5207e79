// Planning beyond one projection, through the API: rates learned from the history, saved
// scenarios re-run and compared, background Monte Carlo jobs with progress and cancellation, and
// the intake plan optimised for a budget — on the small fixture (test/fixtures/small.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { resetJobs } from '../../server/planning/jobs.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('planning scenarios', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('learns rates from the dated history, with the exposure behind them', async () => {
    // Window 2023-11-21 .. 2026-11-21. Deputies: R04 (B1) active 2023-11-21 → 2025-06-30 and
    // promoted then; R05 (A1) 2026-01-10 → asOf; R06 (B) 2025-09-01 → asOf. One promotion, no
    // expiry: promotion share 1/1. Principals: R01 2025-01-10 →, R03 2024-03-01 →: no event.
    const r = await gqlOk<{
      learnedRates: {
        windowStart: string;
        kinds: {
          kind: string;
          exposureYears: number;
          entries: number;
          promotion: { events: number; perEntryYear: number; yearly: number };
          promotionShare: number | null;
        }[];
        units: { unitCode: string; kind: string; promotions: number; promotionYearly: number }[];
        suggested: { promotionProbability: number | null; attritionRate: number; midToNearRate: number | null };
      };
    }>(`{ learnedRates(unitCode: "C01", asOf: "2026-11-21", windowYears: 3, priorWeight: 5) {
          windowStart kinds { kind exposureYears entries promotion { events perEntryYear yearly } promotionShare }
          units { unitCode kind promotions promotionYearly }
          suggested { promotionProbability attritionRate midToNearRate } } }`);
    const rates = r.learnedRates;
    expect(rates.windowStart).toBe('2023-11-21');
    const deputy = rates.kinds.find((k) => k.kind === 'DEPUTY')!;
    const exposure =
      (days('2023-11-21', '2025-06-30') + days('2026-01-10', '2026-11-21') + days('2025-09-01', '2026-11-21')) / 365.25;
    expect(deputy.exposureYears).toBeCloseTo(exposure, 9);
    expect([deputy.entries, deputy.promotion.events, deputy.promotionShare]).toEqual([3, 1, 1]);
    expect(deputy.promotion.perEntryYear).toBeCloseTo(1 / exposure, 9);
    expect(deputy.promotion.yearly).toBeCloseTo(1 - Math.exp(-1 / exposure), 9);
    const principal = rates.kinds.find((k) => k.kind === 'PRINCIPAL')!;
    expect(principal.exposureYears).toBeCloseTo(
      (days('2025-01-10', '2026-11-21') + days('2024-03-01', '2026-11-21')) / 365.25,
      9,
    );
    expect([principal.promotion.events, principal.promotionShare]).toEqual([0, null]);
    // B1's deputies, shrunk: (1 + 5 × overall) / (its exposure + 5), as a yearly probability.
    const b1 = rates.units.find((u) => u.unitCode === 'B1')!;
    const own = days('2023-11-21', '2025-06-30') / 365.25;
    expect(b1.promotionYearly).toBeCloseTo(1 - Math.exp(-(1 + 5 / exposure) / (own + 5)), 9);
    expect(rates.suggested).toEqual({ promotionProbability: 1, attritionRate: 0, midToNearRate: null });
  });

  let first = '';
  let second = '';
  it('saves scenarios for planners, re-runs and compares them, and keeps them out of other subtrees', async () => {
    const save = (name: string, params: string, as = {}) =>
      gql<{ saveScenario: { id: string; name: string; author: string; params: Record<string, unknown> } }>(
        `mutation { saveScenario(input: { name: "${name}", params: { ${params} } }) {
            id name author params { unitCode horizonYears attritionRate reserveRatioPrincipal intakeBudget } } }`,
        {},
        as,
      );
    const base = await save('基准', 'unitCode: "C01", horizonYears: 1, intakeBudget: 3', { role: 'PLANNER' });
    expect(base.errors).toBeUndefined();
    first = base.data!.saveScenario.id;
    expect(base.data!.saveScenario.params).toEqual({
      unitCode: 'C01',
      horizonYears: 1,
      attritionRate: null,
      reserveRatioPrincipal: null,
      intakeBudget: 3,
    });
    expect(base.data!.saveScenario.author).toBe('test-planner-all');
    second = (await save('高比例', 'unitCode: "C01", horizonYears: 1, reserveRatioPrincipal: 3', { role: 'PLANNER' }))
      .data!.saveScenario.id;
    // A leader may read but not save; a planner of county A cannot save for the city.
    expect((await save('x', 'unitCode: "C01"', { role: 'LEADER' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await save('x', 'unitCode: "C01"', { role: 'PLANNER', viewerUnit: 'A' })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    // County B's planner does not see the city's scenarios, by list or by id.
    const list = async (as = {}) =>
      (await gqlOk<{ scenarios: { id: string }[] }>('{ scenarios { id } }', {}, as)).scenarios.map((s) => s.id);
    expect(await list({ role: 'LEADER' })).toEqual([second, first]);
    expect(await list({ role: 'PLANNER', viewerUnit: 'B' })).toEqual([]);
    const byId = await gql(`{ scenario(id: "${first}") { name } }`, {}, { role: 'PLANNER', viewerUnit: 'B' });
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rerun = await gql(
      `{ runScenario(id: "${first}", asOf: "2026-11-21") { totalIntake } }`,
      {},
      { viewerUnit: 'B' },
    );
    expect(rerun.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Re-run: the same as simulateIntake with those parameters (8, the planning test's first case).
    const run = await gqlOk<{ runScenario: { totalIntake: number } }>(
      `{ runScenario(id: "${first}", asOf: "2026-11-21") { totalIntake } }`,
    );
    expect(run.runScenario.totalIntake).toBe(8);
    // Compared: ratio 3 wants one more principal reserve in each of C01, A, A1, B (12 against 8).
    const c = await gqlOk<{
      compareScenarios: {
        scenarios: { scenario: { name: string }; totalIntake: number; intakeByYear: number[] }[];
        differingRows: number;
        rows: { unitCode: string; kind: string; intakes: number[]; spread: number }[];
      };
    }>(`{ compareScenarios(ids: ["${first}", "${second}"], asOf: "2026-11-21") {
          scenarios { scenario { name } totalIntake intakeByYear } differingRows rows { unitCode kind intakes spread } } }`);
    // One-year horizons: each year's intake is the total.
    expect(c.compareScenarios.scenarios.map((s) => [s.scenario.name, s.totalIntake, s.intakeByYear])).toEqual([
      ['基准', 8, [8]],
      ['高比例', 12, [12]],
    ]);
    expect(c.compareScenarios.differingRows).toBe(4);
    expect(c.compareScenarios.rows.map((r) => [r.unitCode, r.kind, r.intakes])).toEqual([
      ['C01', 'PRINCIPAL', [2, 3]],
      ['A', 'PRINCIPAL', [1, 2]],
      ['A1', 'PRINCIPAL', [2, 3]],
      ['B', 'PRINCIPAL', [2, 3]],
    ]);
    // Archived: gone from the list, still readable, audited.
    await gqlOk(`mutation { archiveScenario(id: "${second}") { archivedAt } }`, {}, { role: 'PLANNER' });
    expect(await list()).toEqual([first]);
    const audit = await db.auditLog.findMany({ where: { entity: 'PlanningScenario' }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['scenario.create', 'scenario.create', 'scenario.archive']);
  });

  it('says which planning model a scenario was saved under, and re-runs an old one on the current model', async () => {
    const admin = await db.user.findFirstOrThrow({ orderBy: { id: 'asc' } });
    // A scenario saved before planning model 2 (the column's default for rows that existed then).
    const old = await db.planningScenario.create({
      data: {
        name: '旧模型情景',
        unitCode: 'C01',
        params: JSON.stringify({ unitCode: 'C01', horizonYears: 1 }),
        policyVersions: '[]',
        authorId: admin.id,
      },
    });
    const fresh = await gqlOk<{ saveScenario: { id: string; model: number } }>(
      'mutation { saveScenario(input: { name: "新模型情景", params: { unitCode: "C01", horizonYears: 1 } }) { id model } }',
    );
    expect(fresh.saveScenario.model).toBe(2);
    const listed = await gqlOk<{ scenarios: { name: string; model: number }[] }>('{ scenarios { name model } }');
    expect(listed.scenarios.find((s) => s.name === '旧模型情景')?.model).toBe(1);
    // Run, it answers on model 2: the same as a fresh run of the same parameters (8, the small fixture's year).
    const run = await gqlOk<{ runScenario: { totalIntake: number; years: { year: number; need: number }[] } }>(
      `{ runScenario(id: "${old.id}", asOf: "2026-11-21") { totalIntake years { year need } } }`,
    );
    expect(run.runScenario).toEqual({ totalIntake: 8, years: [{ year: 1, need: 8 }] });
  });

  it('optimises a budget across units and says why a unit stays short', async () => {
    // Budget 3 against ratio needs of 8 (C01 2, A 1, A1 2, B 2, A D 1): every reserve of the
    // budget closes a ratio shortfall (weight 10 each), so 3 are placed and 5 stay missing.
    const plan = await gqlOk<{
      optimiseIntake: {
        budget: number;
        used: number;
        groups: { unitCode: string; intake: number; ratioShortfall: number }[];
        binding: { code: string; message: string }[];
      };
    }>(`{ optimiseIntake(scenarioId: "${first}", asOf: "2026-11-21") {
          budget used groups(first: 20) { unitCode intake ratioShortfall } binding { code message } } }`);
    const p = plan.optimiseIntake;
    expect([p.budget, p.used]).toEqual([3, 3]);
    expect(p.groups.reduce((s, g) => s + g.ratioShortfall, 0)).toBe(5);
    expect(p.binding[0]!.code).toBe('BUDGET_EXHAUSTED');
    expect(p.binding.some((b) => b.code === 'RATIO_SHORT')).toBe(true);
    const missing = await gql('{ optimiseIntake(input: { unitCode: "C01" }) { used } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('allocates a budget each year, each year on the pool the years before were allocated', async () => {
    // Two years, 3 a year. Year 1 as above: needs 8 (targets 10, 2 held), 3 placed, 5 short.
    // Year 2 (E2 = 2028-11-21): every entry of asOf has left by E2 (R01's period ended
    // 2028-01-10, R06's 2028-09-01, the others earlier), so the stock is year 1's 3 (p = 1, a = 0,
    // none past a 3-year period): needs 10 − 3 = 7, 3 placed, 4 short at the horizon. Had year 2
    // been planned on the unconstrained year 1 (8 taken in), it would have needed 2.
    const plan = await gqlOk<{
      optimiseIntake: {
        budget: number;
        used: number;
        horizonEnd: string;
        years: { year: number; used: number; objective: number }[];
        groups: {
          unitCode: string;
          kind: string;
          intake: number;
          ratioShortfall: number;
          years: { year: number; intake: number }[];
        }[];
        binding: { year: number; code: string }[];
      };
    }>(`{ optimiseIntake(input: { unitCode: "C01", asOf: "2026-11-21", horizonYears: 2, intakeBudget: 3 }) {
          budget used horizonEnd years { year used objective }
          groups(first: 20) { unitCode kind intake ratioShortfall years { year intake } } binding { year code } } }`);
    const p = plan.optimiseIntake;
    expect([p.budget, p.used, p.horizonEnd]).toEqual([3, 6, '2028-11-21']);
    expect(p.years.map((y) => [y.year, y.used])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(p.groups.reduce((s, g) => s + g.ratioShortfall, 0)).toBe(4);
    for (const g of p.groups) expect(g.years.reduce((s, y) => s + y.intake, 0)).toBe(g.intake);
    expect(p.binding.filter((b) => b.code === 'BUDGET_EXHAUSTED').map((b) => b.year)).toEqual([1, 2]);
  });

  it('runs Monte Carlo as a job: progress, the answer, one at a time per account, cancellation', async () => {
    resetJobs();
    const start = (runs: number) =>
      gql<{ startSimulation: { id: string; status: string } }>(
        `mutation { startSimulation(input: { unitCode: "C01", asOf: "2026-11-21", mode: MONTE_CARLO, runs: ${runs}, seed: 11, attritionRate: 0.5 }) { id status } }`,
      );
    const job = (await start(500)).data!.startSimulation;
    expect(job.status).toBe('RUNNING');
    expect((await start(10)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    type Job = {
      status: string;
      runsDone: number;
      progress: number;
      result: { p10: number; p50: number; p90: number } | null;
    };
    const poll = async (id: string): Promise<Job> => {
      for (;;) {
        const j = (
          await gqlOk<{ simulationJob: Job }>(
            `{ simulationJob(id: "${id}") { status runsDone progress result { p10 p50 p90 } } }`,
          )
        ).simulationJob;
        if (j.status !== 'RUNNING') return j;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const done = await poll(job.id);
    // The same answer as simulateIntake with the same seed (the planning test's risky case).
    const direct = await gqlOk<{ simulateIntake: { p10: number; p50: number; p90: number } }>(
      '{ simulateIntake(input: { unitCode: "C01", asOf: "2026-11-21", mode: MONTE_CARLO, runs: 500, seed: 11, attritionRate: 0.5 }) { p10 p50 p90 } }',
    );
    expect(done).toEqual({ status: 'DONE', runsDone: 500, progress: 1, result: direct.simulateIntake });
    // Another account cannot see it.
    const other = await gql(`{ simulationJob(id: "${job.id}") { status } }`, {}, { role: 'PLANNER' });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Cancelled: a long run stops and says so.
    const long = (await start(10_000)).data!.startSimulation;
    const cancelled = await gqlOk<{ cancelSimulation: { status: string } }>(
      `mutation { cancelSimulation(id: "${long.id}") { status } }`,
    );
    expect(['RUNNING', 'CANCELLED']).toContain(cancelled.cancelSimulation.status);
    expect((await poll(long.id)).status).toBe('CANCELLED');
  });
});
