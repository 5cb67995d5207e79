// The intake optimiser (analytics/planning/optimise.ts) against hand arithmetic, an exhaustive search
// over small random instances, and the marginal-gain greedy on a larger one.
import { describe, expect, it } from 'vitest';
import {
  type IntakePlan,
  type OptimiseGroup,
  type OptimiseWeights,
  optimiseIntake,
  type StructureNeed,
} from '../../analytics/planning/optimise.ts';
import { seededRandom } from '../../domain/planning.ts';

// Four groups, default weights (ratio 10, structure 1):
//   A 330101 甲县 principal: target 5, projected 2 → 3 short; YOUNG: have 0, count 1 → 1 short.
//   B 330102 乙县 deputy:    target 4, projected 3 → 1 short; SPECIAL: have 0, share 0.15
//                            → 0.15 × 3 = 0.45 short at no intake; one intake closes it (0.15 × 4 = 0.6 <= 1).
//   C 330103 丙县 deputy:    target 2, projected 3 → no need; SPECIAL: have 1 >= 0.15 × 3 → no need.
//   D 330104 丁县 deputy:    target 3, projected 3 → no ratio need; AGE_BAND: have 0, share 0.5
//                            → 1.5 short, and each intake member closes only 1 − 0.5 = 0.5 of it.
const GROUPS: OptimiseGroup[] = [
  {
    unitCode: '330101',
    unitName: '甲县',
    kind: 'PRINCIPAL',
    target: 5,
    projected: 2,
    structure: [{ rule: 'YOUNG', have: 0, count: 1 }],
  },
  {
    unitCode: '330102',
    unitName: '乙县',
    kind: 'DEPUTY',
    target: 4,
    projected: 3,
    structure: [{ rule: 'SPECIAL', have: 0, share: 0.15 }],
  },
  {
    unitCode: '330103',
    unitName: '丙县',
    kind: 'DEPUTY',
    target: 2,
    projected: 3,
    structure: [{ rule: 'SPECIAL', have: 1, share: 0.15 }],
  },
  {
    unitCode: '330104',
    unitName: '丁县',
    kind: 'DEPUTY',
    target: 3,
    projected: 3,
    structure: [{ rule: 'AGE_BAND', have: 0, share: 0.5 }],
  },
];

const intakes = (plan: IntakePlan) => plan.groups.map((g) => g.intake);

describe('a hand-computed plan', () => {
  it('spends a short budget on ratio gaps first, and among them where structure gains too', async () => {
    // Budget 3 against 4 reserves missing. The gain of each intake member, in order per group:
    //   A: 10 + 1 (ratio and YOUNG), 10, 10        B: 10 + 0.45 (ratio and SPECIAL)
    //   D: 0.5, 0.5, 0.5                           C: nothing
    // The three best are A 11, B 10.45, A 10: x = (2, 1, 0, 0).
    // Left: A one reserve short (10), D 1.5 members short (1.5) → objective 11.5.
    // (All three to A would leave B's reserve and its 0.45 short: 10.45 + 1.5 = 11.95.)
    const plan = await optimiseIntake(GROUPS, 3);
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.method).toBe('HIGHS');
    expect(intakes(plan)).toEqual([2, 1, 0, 0]);
    expect(plan.used).toBe(3);
    expect(plan.objective).toBeCloseTo(11.5, 9);
    // Profiles: A needs one young member (count 1 − have 0); B one special (⌈0.15 × 4 − 0⌉ = 1).
    expect(plan.groups.map((g) => g.profile)).toEqual([
      [{ rule: 'YOUNG', count: 1 }],
      [{ rule: 'SPECIAL', count: 1 }],
      [{ rule: 'SPECIAL', count: 0 }],
      [{ rule: 'AGE_BAND', count: 0 }],
    ]);
    expect(plan.groups.map((g) => g.ratioShortfall)).toEqual([1, 0, 0, 0]);
    expect(plan.groups.map((g) => g.structureShortfalls)).toEqual([
      [{ rule: 'YOUNG', shortfall: 0 }],
      [{ rule: 'SPECIAL', shortfall: 0 }],
      [{ rule: 'SPECIAL', shortfall: 0 }],
      [{ rule: 'AGE_BAND', shortfall: 1.5 }],
    ]);
    expect(plan.binding.map(({ code, unitCode, kind, rule }) => ({ code, unitCode, kind, rule }))).toEqual([
      { code: 'BUDGET_EXHAUSTED', unitCode: null, kind: null, rule: null },
      { code: 'RATIO_SHORT', unitCode: '330101', kind: 'PRINCIPAL', rule: null },
      { code: 'STRUCTURE_SHORT', unitCode: '330104', kind: 'DEPUTY', rule: 'AGE_BAND' },
    ]);
    expect(plan.binding.map((b) => b.message)).toEqual([
      'the budget of 3 is exhausted: 1 reserve is still missing across 1 group, and structure targets are 1.5 members short across 1 group',
      'unit 330101 (甲县) stays 1 short of its principal ratio target because the budget of 3 is exhausted',
      'unit 330104 (丁县) stays 1.5 members short of its deputy age-band share target because the budget of 3 is exhausted',
    ]);
  });

  it('lets a heavy structure weight pull intake away from a ratio gap', async () => {
    // Weights ratio 1, structure 3, budget 3. Gains: A 1 + 3, 1, 1; B 1 + 3 × 0.45 = 2.35; D 1.5 each.
    // Best three: A 4, B 2.35, D 1.5 → x = (1, 1, 0, 1). Left: A 2 short (2), D 1 member short (3) → 5.
    const plan = await optimiseIntake(GROUPS, 3, { ratio: 1, structure: 3 });
    expect(intakes(plan)).toEqual([1, 1, 0, 1]);
    expect(plan.objective).toBeCloseTo(5, 9);
    expect(plan.groups[3]!.profile).toEqual([{ rule: 'AGE_BAND', count: 1 }]); // ⌈0.5 × 4 − 0⌉ = 2, capped at x = 1
  });

  it('says so when intake cannot close a 100 % share target', async () => {
    // Projected 3, of whom 2 have 本科: a share target of 1 is 1 short whatever the intake, and every
    // intake member must have 本科 not to widen it. Ratio: target 4 → one intake, of budget 5.
    const plan = await optimiseIntake(
      [
        {
          unitCode: '330105',
          unitName: '戊县',
          kind: 'DEPUTY',
          target: 4,
          projected: 3,
          structure: [{ rule: 'BACHELOR', have: 2, share: 1 }],
        },
      ],
      5,
    );
    expect(plan.used).toBe(1);
    expect(plan.groups[0]!.profile).toEqual([{ rule: 'BACHELOR', count: 1 }]);
    expect(plan.objective).toBeCloseTo(1, 9);
    expect(plan.binding).toHaveLength(1);
    expect(plan.binding[0]!.code).toBe('STRUCTURE_SHORT');
    expect(plan.binding[0]!.message).toMatch(
      /^unit 330105 \(戊县\) stays 1 member short of its deputy bachelor-degree share target: intake cannot close it/,
    );
  });
});

describe('an ample budget', () => {
  it('meets every need with the least intake, and gives none where none is needed', async () => {
    // A: max(3 ratio, 1 young) = 3. B: 1 (closes ratio and SPECIAL). C: 0.
    // D: AGE_BAND needs 0.5 × (3 + x) <= x → x >= 3.
    const plan = await optimiseIntake(GROUPS, 100);
    expect(plan.status).toBe('OPTIMAL');
    expect(intakes(plan)).toEqual([3, 1, 0, 3]);
    expect(plan.used).toBe(7);
    expect(plan.objective).toBe(0);
    expect(plan.binding).toEqual([]);
    // Profiles: YOUNG 1; SPECIAL ⌈0.15 × 4⌉ = 1; none for C; AGE_BAND ⌈0.5 × 6⌉ = 3.
    expect(plan.groups.map((g) => g.profile[0]!.count)).toEqual([1, 1, 0, 3]);
    for (const g of plan.groups) {
      expect(g.ratioShortfall).toBe(0);
      for (const s of g.structureShortfalls) expect(s.shortfall).toBe(0);
    }
  });
});

describe('a budget of 0', () => {
  it('is still feasible: no intake, and the shortfalls are the needs', async () => {
    const plan = await optimiseIntake(GROUPS, 0);
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.method).toBe('NONE');
    expect(intakes(plan)).toEqual([0, 0, 0, 0]);
    expect(plan.used).toBe(0);
    expect(plan.groups.map((g) => g.ratioShortfall)).toEqual([3, 1, 0, 0]);
    // YOUNG 1 − 0; SPECIAL 0.45; SPECIAL 0.45 − 1 → 0; AGE_BAND 1.5.
    expect(plan.groups.map((g) => g.structureShortfalls[0]!.shortfall)).toEqual([1, 0.45, 0, 1.5]);
    for (const g of plan.groups) for (const p of g.profile) expect(p.count).toBe(0);
    // 10 × (3 + 1) + 1 + 0.45 + 1.5
    expect(plan.objective).toBeCloseTo(42.95, 9);
    // Worst first: A's ratio (30), B's ratio (10), D's AGE_BAND (1.5), A's YOUNG (1), B's SPECIAL (0.45).
    expect(plan.binding.map((b) => [b.code, b.unitCode, b.rule])).toEqual([
      ['BUDGET_EXHAUSTED', null, null],
      ['RATIO_SHORT', '330101', null],
      ['RATIO_SHORT', '330102', null],
      ['STRUCTURE_SHORT', '330104', 'AGE_BAND'],
      ['STRUCTURE_SHORT', '330101', 'YOUNG'],
      ['STRUCTURE_SHORT', '330102', 'SPECIAL'],
    ]);
    expect(plan.binding[0]!.message).toBe(
      'the budget of 0 is exhausted: 4 reserves are still missing across 2 groups, and structure targets are 2.95 members short across 3 groups',
    );
  });

  it('rejects a budget that is not a whole number >= 0', async () => {
    await expect(optimiseIntake(GROUPS, -1)).rejects.toThrow(RangeError);
    await expect(optimiseIntake(GROUPS, 2.5)).rejects.toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Independent arithmetic for the cross-checks.

/** The least y <= x for a need at intake x, and the members still short with it. */
function bestY(need: StructureNeed, projected: number, x: number): { y: number; v: number } {
  if (need.count !== undefined) {
    const y = Math.min(x, Math.max(0, need.count - need.have));
    return { y, v: Math.max(0, need.count - need.have - y) };
  }
  if (need.share !== undefined) {
    const required = need.share * (projected + x) - need.have;
    const y = Math.min(x, Math.max(0, Math.ceil(required - 1e-9)));
    return { y, v: Math.max(0, required - y) };
  }
  return { y: 0, v: 0 };
}

function cost(groups: OptimiseGroup[], x: number[], w: OptimiseWeights): number {
  let total = 0;
  groups.forEach((g, i) => {
    total += w.ratio * Math.max(0, g.target - g.projected - x[i]!);
    for (const need of g.structure) total += w.structure * bestY(need, g.projected, x[i]!).v;
  });
  return total;
}

/** Every x with Σx <= budget (each x_g <= budget), the best y for each: the least weighted shortfall. */
function bruteForce(groups: OptimiseGroup[], budget: number, w: OptimiseWeights): number {
  let best = Number.POSITIVE_INFINITY;
  const x = groups.map(() => 0);
  const visit = (i: number, left: number) => {
    if (i === groups.length) {
      best = Math.min(best, cost(groups, x, w));
      return;
    }
    for (let xi = 0; xi <= left; xi++) {
      x[i] = xi;
      visit(i + 1, left - xi);
    }
    x[i] = 0;
  };
  visit(0, budget);
  return best;
}

const RULES = ['SPECIAL', 'AGE_BAND', 'NEAR_TERM', 'BACHELOR'] as const;

function randomInstance(random: () => number, maxGroups: number, maxBudget: number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const groups: OptimiseGroup[] = [];
  const n = int(1, maxGroups);
  for (let i = 0; i < n; i++) {
    const projected = int(0, 4);
    const structure: StructureNeed[] = [];
    const needs = int(0, 2);
    for (let k = 0; k < needs; k++)
      structure.push(
        random() < 0.3
          ? { rule: 'YOUNG', have: int(0, 1), count: int(0, 2) }
          : // Shares on a 0.05 grid (0 and 1 included), as policy shares are.
            { rule: RULES[int(0, 3)]!, have: int(0, projected), share: int(0, 20) / 20 },
      );
    groups.push({
      unitCode: `3301${String(i).padStart(2, '0')}`,
      unitName: `单位${i}`,
      kind: random() < 0.5 ? 'PRINCIPAL' : 'DEPUTY',
      target: int(0, 4),
      projected,
      structure,
    });
  }
  const weightChoices: (Partial<OptimiseWeights> | undefined)[] = [undefined, undefined, { ratio: 1, structure: 3 }];
  return { groups, budget: int(0, maxBudget), weights: weightChoices[int(0, 2)] };
}

/** The plan's own numbers: its intake and profile recompute to its objective and shortfalls. */
function checkPlanArithmetic(plan: IntakePlan, groups: OptimiseGroup[], budget: number, w: OptimiseWeights) {
  expect(plan.used).toBe(plan.groups.reduce((s, g) => s + g.intake, 0));
  expect(plan.used).toBeLessThanOrEqual(budget);
  let total = 0;
  plan.groups.forEach((pg, i) => {
    const g = groups[i]!;
    expect(pg.unitCode).toBe(g.unitCode);
    expect(Number.isInteger(pg.intake) && pg.intake >= 0).toBe(true);
    const ratioShort = Math.max(0, g.target - g.projected - pg.intake);
    expect(pg.ratioShortfall).toBe(ratioShort);
    total += w.ratio * ratioShort;
    g.structure.forEach((need, k) => {
      const y = pg.profile[k]!.count;
      expect(Number.isInteger(y) && y >= 0 && y <= pg.intake).toBe(true);
      // The profile is the least y that reaches the best slack at this intake.
      expect(y).toBe(bestY(need, g.projected, pg.intake).y);
      const v =
        need.count !== undefined
          ? Math.max(0, need.count - need.have - y)
          : need.share !== undefined
            ? Math.max(0, need.share * (g.projected + pg.intake) - need.have - y)
            : 0;
      expect(pg.structureShortfalls[k]!.shortfall).toBeCloseTo(v, 2);
      total += w.structure * v;
    });
  });
  expect(plan.objective).toBeCloseTo(total, 6);
}

describe('against exhaustive search', () => {
  it('finds the least weighted shortfall on 30 random small instances', async () => {
    const random = seededRandom(20240601);
    for (let run = 0; run < 30; run++) {
      const { groups, budget, weights } = randomInstance(random, 3, 6);
      const w: OptimiseWeights = { ratio: 10, structure: 1, ...weights };
      const plan = await optimiseIntake(groups, budget, weights);
      const best = bruteForce(groups, budget, w);
      const context = JSON.stringify({ run, groups, budget, weights });
      expect(plan.status, context).toBe('OPTIMAL');
      expect(Math.abs(plan.objective - best), context).toBeLessThan(1e-6);
      checkPlanArithmetic(plan, groups, budget, w);
      // Unused budget with a reserve still missing would not be optimal.
      if (plan.used < budget) for (const g of plan.groups) expect(g.ratioShortfall, context).toBe(0);
      // BUDGET_EXHAUSTED leads the explanation exactly when the budget is spent and a gap that intake
      // could close remains (a reserve, or members short of a count or a share below 100 %).
      const closableGap = plan.groups.some(
        (pg, i) =>
          pg.ratioShortfall > 0 ||
          pg.structureShortfalls.some((s, k) => s.shortfall > 0 && (groups[i]!.structure[k]!.share ?? 0) < 1),
      );
      expect(plan.binding[0]?.code === 'BUDGET_EXHAUSTED', context).toBe(plan.used === budget && closableGap);
    }
  });

  it('matches the marginal-gain greedy on 300 groups (exact here: each group cost is convex in its intake)', async () => {
    const random = seededRandom(7);
    const groups: OptimiseGroup[] = [];
    for (let i = 0; i < 300; i++) groups.push(...randomInstance(random, 1, 0).groups);
    const w: OptimiseWeights = { ratio: 10, structure: 1 };
    const budget = 250;
    // Greedy: hand out one intake at a time to the group whose weighted shortfall drops most.
    const x = groups.map(() => 0);
    const groupCost = (i: number, xi: number) => cost([groups[i]!], [xi], w);
    for (let spent = 0; spent < budget; spent++) {
      let bestGain = 1e-9;
      let bestGroup = -1;
      groups.forEach((_, i) => {
        const gain = groupCost(i, x[i]!) - groupCost(i, x[i]! + 1);
        if (gain > bestGain) {
          bestGain = gain;
          bestGroup = i;
        }
      });
      if (bestGroup < 0) break;
      x[bestGroup]!++;
    }
    const plan = await optimiseIntake(groups, budget);
    expect(plan.status).toBe('OPTIMAL');
    expect(Math.abs(plan.objective - cost(groups, x, w))).toBeLessThan(1e-6);
    checkPlanArithmetic(plan, groups, budget, w);
  });
});

describe('a national-size model', () => {
  it('is allocated by marginal gain instead of HiGHS, with the same arithmetic', async () => {
    // 12 000 groups (above the 10 000 HiGHS takes), alternating
    //   P: target 3, projected 1, YOUNG have 0 count 1 → gains 10 + 1 = 11, then 10
    //   Q: target 2, projected 1, AGE_BAND have 0 share 0.5 → gains 10 + 0.5 = 10.5 (0.5 × 2 <= 1), then none.
    // Budget 9 000: the 6 000 first steps of P (11), then 3 000 of the 6 000 Q (10.5).
    // Left: every P one reserve short (6 000 × 10) and 3 000 Q with 10 + 0.5 → 60 000 + 31 500 = 91 500.
    const groups: OptimiseGroup[] = [];
    for (let i = 0; i < 12_000; i++)
      groups.push(
        i % 2 === 0
          ? {
              unitCode: `P${i}`,
              unitName: `单位${i}`,
              kind: 'PRINCIPAL',
              target: 3,
              projected: 1,
              structure: [{ rule: 'YOUNG', have: 0, count: 1 }],
            }
          : {
              unitCode: `Q${i}`,
              unitName: `单位${i}`,
              kind: 'DEPUTY',
              target: 2,
              projected: 1,
              structure: [{ rule: 'AGE_BAND', have: 0, share: 0.5 }],
            },
      );
    const plan = await optimiseIntake(groups, 9_000);
    expect(plan.method).toBe('MARGINAL');
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.used).toBe(9_000);
    const byKind = (prefix: string) => plan.groups.filter((g) => g.unitCode.startsWith(prefix));
    expect(byKind('P').every((g) => g.intake === 1 && g.profile[0]!.count === 1)).toBe(true);
    expect(byKind('Q').filter((g) => g.intake === 1)).toHaveLength(3_000);
    expect(byKind('Q').every((g) => g.intake <= 1)).toBe(true);
    expect(plan.objective).toBeCloseTo(91_500, 6);
    expect(plan.binding).toHaveLength(50);
    expect(plan.binding[0]!.message).toBe(
      'the budget of 9000 is exhausted: 9000 reserves are still missing across 9000 groups, and structure targets are 1500 members short across 3000 groups',
    );
    // Worst first: each missing reserve weighs 10, each AGE_BAND gap 0.5, so after the budget come
    // 49 ratio shortfalls (of 9 000).
    expect(plan.binding.slice(1).every((b) => b.code === 'RATIO_SHORT')).toBe(true);
  });
});
