// 后备干部补充规划, optimised: given a total intake budget for a subtree, allocate the next intake to
// (unit, kind) groups, and within each group to profiles (how many of the intake must be young, women
// or minority, near-term, …), so that the weighted shortfall against the ratio and structure targets
// is minimal. An integer program solved by HiGHS (the `highs` WebAssembly build); slack variables make
// it feasible for every budget, and the constraints that still bind are explained in words.
//
// The model. For each group g, and each structure need r of g:
//   x_g      integer, 0 <= x_g <= U_g       the intake of g
//   y_{g,r}  integer, 0 <= y_{g,r} <= x_g   of the intake, how many have attribute r (attributes
//                                           overlap — one person can be young and a woman — so each
//                                           y is an independent upper bound, not a partition of x)
//   u_g      continuous >= 0                ratio slack (reserves short of the target)
//   v_{g,r}  continuous >= 0                structure slack (members short of the target)
// subject to
//   ratio:   projected_g + x_g + u_g >= target_g
//   share:   have + y + v >= share × (projected + x)   ⇔   y − share·x + v >= share·projected − have
//   count:   have + y + v >= count                     ⇔   y + v >= count − have
//   budget:  Σ_g x_g <= budget
// minimise  ratio·Σ u_g + structure·Σ v_{g,r} + ε·Σ x_g + ε·Σ y_{g,r}
// ε (= 1e-4 × smallest positive weight / (1 + n), n the groups in the model) only breaks ties: no
// intake without a need, y as small as will do. `objective` is reported without it.
//
// What HiGHS is given is that model after exact reductions:
// - y is projected out. With a = share·projected − have, b = 1 − share (share rule), or a = count −
//   have, b = 1 (count rule), the least slack over integers 0 <= y <= x is max(0, a − b·x) — reached
//   by y = min(x, max(0, ⌈a + share·x⌉)), the least y that does, which is what the plan reports — so
//   the structure row becomes  v + b·x >= a  and y needs no column. (Kept as integer columns, the y's
//   made a province of 3 000 groups hit the 20 s limit at a 0.6 % gap: HiGHS struggles to find
//   integral y's among thousands of near-degenerate columns; as continuous ones it still took ~10 s.)
// - Each group's cost f_g(x) = ratio·max(0, target − projected − x) + structure·Σ_r max(0, a − b·x)
//   is convex, so x beyond  U_g = min(budget, max(⌈target − projected⌉, ⌈a/b⌉ over rules with b > 0))
//   never helps: U_g bounds x_g. A group with U_g = 0 (all needs met, or only a share target of 100 %
//   that intake cannot raise) gets x = 0 and no columns; a rule with a <= 0 (never short) or b = 0
//   (share 100 %: short by the constant a whatever the intake) gets none either. Their shortfalls are
//   constants of the objective. At a province most groups and rules go this way.
// - Rounding cuts (see roundingCut) give each slack the convex hull of its integer points, so the LP
//   relaxation is a fractional knapsack over unit steps and the MIP closes at or near the root.
// After the solve each x_g is lowered to the least intake with the same group cost (ε is below
// HiGHS's tolerances on a large model, so the solver alone does not guarantee it), which removes only
// intake that closes nothing; the objective and shortfalls are then recomputed from x in closed form.
// If the time limit stopped HiGHS (status FEASIBLE), budget its incumbent left unspent is handed out by
// marginal gain (spendTheRest).
//
// Scale: HiGHS runs synchronously in this thread, so a solve blocks the event loop for its duration:
// a province (~3 000 groups) takes about 1–2 s (up to ~4 s on the first, cold call). Beyond
// MAX_SOLVER_GROUPS groups in the model (a national plan has ~97 000) HiGHS is too slow and overruns
// its time limit, and the plan is the marginal-gain allocation instead (method 'MARGINAL'): since
// each f_g is convex and only the budget couples the groups, handing out the intake one unit at a
// time to the largest drop in weighted shortfall is exactly optimal for this model (the tests check
// it against HiGHS). Should constraints ever couple groups beyond the budget, that no longer holds.
import highsModule, { type Highs, type LegacyHighsOptions } from 'highs';

export type StructureRule = 'SPECIAL' | 'YOUNG' | 'AGE_BAND' | 'NEAR_TERM' | 'BACHELOR';

export interface StructureNeed {
  rule: StructureRule;
  /** Projected members of the group with the attribute at the horizon, without intake. */
  have: number;
  /** A share target: have + y >= share × (projected + intake)   (SPECIAL, AGE_BAND, NEAR_TERM, BACHELOR) */
  share?: number;
  /** Or a count target: have + y >= count   (YOUNG) */
  count?: number;
}

export interface OptimiseGroup {
  unitCode: string;
  unitName: string;
  kind: 'PRINCIPAL' | 'DEPUTY';
  /** ceil(ratio × posts): the reserves wanted at the horizon. */
  target: number;
  /** Reserves projected at the horizon without intake. */
  projected: number;
  structure: StructureNeed[];
}

export interface OptimiseWeights {
  /** Cost of one reserve short of the ratio target (default 10). */
  ratio: number;
  /** Cost of one member short of a structure target (default 1). */
  structure: number;
}

export interface PlannedGroup {
  unitCode: string;
  unitName: string;
  kind: 'PRINCIPAL' | 'DEPUTY';
  intake: number;
  /** Of the intake, how many must have each attribute (y per rule). */
  profile: { rule: StructureRule; count: number }[];
  /** max(0, target − projected − intake) */
  ratioShortfall: number;
  /** Per structure rule still short after the intake, in members (may be fractional for share rules; round to 2 decimals). */
  structureShortfalls: { rule: StructureRule; shortfall: number }[];
}

export interface BindingConstraint {
  code: 'BUDGET_EXHAUSTED' | 'RATIO_SHORT' | 'STRUCTURE_SHORT';
  unitCode: string | null;
  kind: 'PRINCIPAL' | 'DEPUTY' | null;
  rule: StructureRule | null;
  /** A sentence a planner can act on, e.g. "unit 330102 (XX县) stays 2 short of its principal ratio target because the budget of 40 is exhausted". */
  message: string;
  /** The shortfall named (reserves or members, 2 decimals); for BUDGET_EXHAUSTED the reserves missing in all. */
  shortfall: number;
}

export interface IntakePlan {
  status: 'OPTIMAL' | 'FEASIBLE'; // FEASIBLE when a time limit stopped the solver with an incumbent
  /**
   * How the plan was found: 'HIGHS' the integer program; 'MARGINAL' marginal-gain allocation, used
   * instead of HiGHS above MAX_SOLVER_GROUPS groups (exact for this model, see the header); 'NONE'
   * nothing to solve (no group could use intake, or the budget is 0).
   */
  method: 'HIGHS' | 'MARGINAL' | 'NONE';
  budget: number;
  used: number; // Σ intake
  objective: number; // weighted shortfall (without any tie-breaking epsilon)
  groups: PlannedGroup[]; // every input group, input order
  binding: BindingConstraint[]; // budget first, then shortfalls, worst (by weighted shortfall) first, at most 50
  /** Building, solving and explaining the model (not the one-time load of the solver). */
  solveMs: number;
}

const DEFAULT_WEIGHTS: OptimiseWeights = { ratio: 10, structure: 1 };
/** Seconds HiGHS may search before we take its incumbent (status FEASIBLE). */
const TIME_LIMIT_SECONDS = 20;
const MAX_BINDING = 50;
/**
 * presolve 'off': the model is already presolved here, and HiGHS's own presolve only cost time on it
 * (3 000 groups: 1.2 s with it, 0.6 s without; 10 000: 12.5 s against 3.6 s; at 30 000 it stopped
 * after ~70 s, far past the time limit, without an incumbent). The rounding cuts make the root LP integral or nearly.
 */
const SOLVER_OPTIONS: LegacyHighsOptions = {
  output_flag: false,
  time_limit: TIME_LIMIT_SECONDS,
  mip_rel_gap: 0,
  presolve: 'off',
};
/**
 * Above this many groups in the model HiGHS is not called. It runs synchronously, ~0.5–0.8 ms per
 * group here (3 000: 1–2 s, 10 000: 4–8 s, 20 000: ~17 s), and on larger models it ignores its time
 * limit (97 000 groups: still running after 5 minutes). The marginal-gain allocation (spendTheRest
 * from x = 0) is exact for this model and takes ~0.3 s for 30 000 groups.
 */
const MAX_SOLVER_GROUPS = 10_000;
/** HiGHS statuses that carry no solution (the model is always feasible and bounded, so these are failures). */
const NO_SOLUTION = new Set([
  'Not Set',
  'Load error',
  'Model error',
  'Presolve error',
  'Solve error',
  'Postsolve error',
  'Empty',
  'Infeasible',
  'Primal infeasible or unbounded',
  'Unbounded',
]);
/** Shortfalls and requirements within this of 0 (or of an integer) are float noise. */
const TOL = 1e-9;

// ---------------------------------------------------------------------------------------------
// The solver: loaded once per process. `solve()` builds and destroys a fresh native HiGHS instance
// on every call, but a WebAssembly abort (e.g. out of memory) leaves the whole runtime unusable, so
// a solve that throws drops the cached runtime and is retried once on a fresh one.

// `highs` is a CommonJS package with an ESM build: under moduleResolution NodeNext TypeScript reads its
// types.d.ts as CommonJS and types the default import as the whole module (loader under `.default`),
// while Node's "import" condition loads build/highs.mjs, whose default export is the loader itself (the
// CommonJS build sets both). Accept either shape.
type Loader = typeof highsModule.default;
const highsLoader: Loader =
  (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let runtime: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  if (!runtime) {
    const loading = highsLoader();
    runtime = loading;
    loading.catch(() => {
      if (runtime === loading) runtime = null;
    });
  }
  return runtime;
}

interface SolveResult {
  Status: string;
  Columns: Record<string, { Primal?: number } | undefined>;
}

async function solveLp(lp: string, options: LegacyHighsOptions): Promise<SolveResult> {
  const first = loadHighs();
  try {
    return (await first).solve(lp, options) as SolveResult;
  } catch (error) {
    if (runtime === first) runtime = null;
    try {
      return (await loadHighs()).solve(lp, options) as SolveResult;
    } catch (again) {
      runtime = null;
      throw new Error(`HiGHS failed to solve the intake model: ${String(again)} (first attempt: ${String(error)})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Closed-form pieces of the model.

interface Rule {
  need: StructureNeed;
  /** 'share': requirement share·(projected + x) − have; 'count': count − have; 'none': no target given. */
  type: 'share' | 'count' | 'none';
  /** The requirement on y at x = 0 (share·projected − have, or count − have). */
  a: number;
  /** How the requirement grows with x (share; 0 for a count). */
  share: number;
  /** The best slack at x is max(0, a − b·x). */
  b: number;
  /** Whether the rule has a slack column in the model (a > 0 and b > 0 in a modelled group). */
  modelled: boolean;
}

interface Prepared {
  group: OptimiseGroup;
  index: number;
  /** target − projected: the ratio requirement on x. */
  ratioNeed: number;
  rules: Rule[];
  /** Upper bound on useful intake (0: not in the model). */
  upper: number;
}

const clamp = (s: number) => (s > TOL ? s : 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Smallest integer k with k >= v up to float noise. */
const ceilTol = (v: number) => Math.ceil(v - TOL);

/** A need with a count is a count rule (a share beside it is ignored); one with neither has no target. */
function prepareRule(need: StructureNeed, projected: number): Rule {
  if (need.count !== undefined)
    return { need, type: 'count', a: need.count - need.have, share: 0, b: 1, modelled: false };
  if (need.share !== undefined && need.share > 0)
    return {
      need,
      type: 'share',
      a: need.share * projected - need.have,
      share: need.share,
      b: 1 - need.share,
      modelled: false,
    };
  return { need, type: 'none', a: 0, share: 0, b: 0, modelled: false };
}

/** The rule's slack at intake x with the best y. */
function ruleShortfall(rule: Rule, x: number): number {
  if (rule.type === 'none') return 0;
  return clamp(rule.a - rule.b * x);
}

/** The least y (<= x) that reaches the rule's best slack at intake x. */
function ruleProfile(rule: Rule, x: number): number {
  if (rule.type === 'none' || x === 0) return 0;
  const requirement = rule.a + rule.share * x;
  return Math.min(x, Math.max(0, ceilTol(requirement)));
}

function groupCost(p: Prepared, x: number, w: OptimiseWeights): number {
  let cost = w.ratio * clamp(p.ratioNeed - x);
  for (const rule of p.rules) cost += w.structure * ruleShortfall(rule, x);
  return cost;
}

function prepare(group: OptimiseGroup, index: number, budget: number): Prepared {
  const ratioNeed = group.target - group.projected;
  const rules = group.structure.map((need) => prepareRule(need, group.projected));
  let upper = ratioNeed > TOL ? ceilTol(ratioNeed) : 0;
  for (const rule of rules)
    if (rule.type !== 'none' && rule.b > TOL && rule.a > TOL) upper = Math.max(upper, ceilTol(rule.a / rule.b));
  upper = Math.min(upper, budget);
  for (const rule of rules) rule.modelled = upper > 0 && rule.type !== 'none' && rule.a > TOL && rule.b > TOL;
  return { group, index, ratioNeed, rules, upper };
}

function validate(groups: OptimiseGroup[], budget: number, w: OptimiseWeights): void {
  if (!Number.isInteger(budget) || budget < 0)
    throw new RangeError(`budget must be a whole number >= 0, got ${budget}`);
  for (const [name, value] of Object.entries(w))
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`weight ${name} must be a finite number >= 0`);
  for (const g of groups) {
    const where = `group ${g.unitCode} ${g.kind}`;
    if (!Number.isFinite(g.target) || !Number.isFinite(g.projected))
      throw new RangeError(`${where}: target and projected must be finite`);
    for (const need of g.structure) {
      if (!Number.isFinite(need.have)) throw new RangeError(`${where} ${need.rule}: have must be finite`);
      if (need.share !== undefined && !(need.share >= 0 && need.share <= 1))
        throw new RangeError(`${where} ${need.rule}: share must be between 0 and 1`);
      if (need.count !== undefined && !Number.isFinite(need.count))
        throw new RangeError(`${where} ${need.rule}: count must be finite`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The LP text (CPLEX LP format). Names are short and safe: x12 (intake), u12 (ratio slack), v12_3
// (slack of structure need 3); rows r12 (ratio), s12_3 (structure), q12 / q12_3 (rounding cuts), budget.

/** A number as LP text: no exponent notation. */
function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  return s.includes('e') ? n.toFixed(20).replace(/0+$/, '') : s;
}

function linesOf(terms: string[], perLine = 12): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += perLine) lines.push(`  ${terms.slice(i, i + perLine).join(' ')}`);
  return lines.join('\n');
}

/**
 * For a slack bounded by slack >= a − b·x (0 < b <= 1) whose zero a/b is not a whole number, the cut
 * slack >= c·(k + 1 − x), k = ⌊a/b⌋, c = a − b·k: the chord from (k, c) to (k + 1, 0). It holds at
 * every whole x (at x <= k it is c + c·(k − x) <= c + b·(k − x) = a − b·x, since c < b; at x >= k + 1 it
 * is <= 0), and with it the relaxation of max(0, a − b·x) is the interpolation of its integer points.
 */
function roundingCut(a: number, b: number): { c: number; rhs: number } | null {
  if (!(a > TOL && b > TOL)) return null;
  const k = Math.floor(a / b + TOL);
  const c = a - b * k;
  if (c <= TOL || b - c <= TOL) return null;
  return { c, rhs: c * (k + 1) };
}

function buildLp(model: Prepared[], budget: number, w: OptimiseWeights, epsilon: number): string {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const integers: string[] = [];
  const eps = num(epsilon);
  for (const p of model) {
    const g = p.index;
    const x = `x${g}`;
    objective.push(`+ ${eps} ${x}`);
    bounds.push(` 0 <= ${x} <= ${p.upper}`);
    integers.push(x);
    if (p.ratioNeed > TOL) {
      objective.push(`+ ${num(w.ratio)} u${g}`);
      rows.push(` r${g}: u${g} + ${x} >= ${num(p.ratioNeed)}`);
      const cut = roundingCut(p.ratioNeed, 1);
      if (cut) rows.push(` q${g}: u${g} + ${num(cut.c)} ${x} >= ${num(cut.rhs)}`);
    }
    p.rules.forEach((rule, k) => {
      if (!rule.modelled) return;
      const v = `v${g}_${k}`;
      objective.push(`+ ${num(w.structure)} ${v}`);
      rows.push(` s${g}_${k}: ${v} + ${num(rule.b)} ${x} >= ${num(rule.a)}`);
      const cut = roundingCut(rule.a, rule.b);
      if (cut) rows.push(` q${g}_${k}: ${v} + ${num(cut.c)} ${x} >= ${num(cut.rhs)}`);
    });
  }
  // The first term of an expression goes without its sign.
  const signless = (terms: string[]) => [terms[0]!.replace(/^\+ /, ''), ...terms.slice(1)];
  return [
    'Minimize',
    ' obj:',
    linesOf(signless(objective)),
    'Subject To',
    ...rows,
    ' budget:',
    linesOf(signless(integers.map((x) => `+ ${x}`))),
    `  <= ${budget}`,
    'Bounds',
    ...bounds,
    'General',
    linesOf(integers),
    'End',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Explaining the plan.

const KIND_WORD = { PRINCIPAL: 'principal', DEPUTY: 'deputy' } as const;
const RULE_WORDS: Record<StructureRule, string> = {
  SPECIAL: 'special-structure (women, minority, non-CPC) share',
  YOUNG: 'young-reserve count',
  AGE_BAND: 'age-band share',
  NEAR_TERM: 'near-term share',
  BACHELOR: 'bachelor-degree share',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Short {
  entry: BindingConstraint;
  weighted: number;
  order: number;
}

function explain(
  prepared: Prepared[],
  plans: PlannedGroup[],
  intake: number[],
  budget: number,
  used: number,
  w: OptimiseWeights,
  status: IntakePlan['status'],
): BindingConstraint[] {
  const exhausted = used >= budget;
  const shorts: Short[] = [];
  let reservesMissing = 0;
  let ratioGroups = 0;
  let membersShort = 0;
  const structureGroups = new Set<number>();
  const why = () => {
    if (exhausted) return `because the budget of ${budget} is exhausted`;
    const unused = budget - used;
    return status === 'FEASIBLE'
      ? `although ${unused} of the budget of ${budget} is unused: the solver stopped at its time limit before closing it`
      : `although ${unused} of the budget of ${budget} is unused; intake could not close it`;
  };
  for (const p of prepared) {
    const g = p.group;
    const plan = plans[p.index]!;
    const who = `unit ${g.unitCode} (${g.unitName})`;
    const kind = KIND_WORD[g.kind];
    const ratioShort = clamp(p.ratioNeed - intake[p.index]!);
    if (ratioShort > 0) {
      reservesMissing += ratioShort;
      ratioGroups++;
      shorts.push({
        weighted: w.ratio * ratioShort,
        order: shorts.length,
        entry: {
          code: 'RATIO_SHORT',
          unitCode: g.unitCode,
          kind: g.kind,
          rule: null,
          shortfall: round2(ratioShort),
          message: `${who} stays ${round2(ratioShort)} short of its ${kind} ratio target ${why()}`,
        },
      });
    }
    p.rules.forEach((rule, k) => {
      const shortfall = ruleShortfall(rule, intake[p.index]!);
      if (shortfall <= 0) return;
      // A share of 100 % cannot be reached by intake when the projected members miss it: each intake
      // member raises the requirement by as much as it can add.
      const closable = rule.b > TOL;
      if (closable) {
        membersShort += shortfall;
        structureGroups.add(p.index);
      }
      const target = `its ${kind} ${RULE_WORDS[rule.need.rule]} target`;
      const reason = closable
        ? ` ${why()}`
        : `: intake cannot close it, since with a share target of ${round2(rule.share * 100)} % every intake member raises the requirement by as much as it adds`;
      shorts.push({
        weighted: w.structure * shortfall,
        order: shorts.length,
        entry: {
          code: 'STRUCTURE_SHORT',
          unitCode: g.unitCode,
          kind: g.kind,
          rule: rule.need.rule,
          shortfall: plan.structureShortfalls[k]!.shortfall,
          message: `${who} stays ${plural(round2(shortfall), 'member', 'members')} short of ${target}${reason}`,
        },
      });
    });
  }
  shorts.sort((a, b) => b.weighted - a.weighted || a.order - b.order);
  const binding: BindingConstraint[] = [];
  if (exhausted && (reservesMissing > 0 || membersShort > 0)) {
    const parts: string[] = [];
    if (reservesMissing > 0)
      parts.push(
        `${plural(round2(reservesMissing), 'reserve is', 'reserves are')} still missing across ${plural(ratioGroups, 'group', 'groups')}`,
      );
    if (membersShort > 0)
      parts.push(
        `structure targets are ${plural(round2(membersShort), 'member', 'members')} short across ${plural(structureGroups.size, 'group', 'groups')}`,
      );
    binding.push({
      code: 'BUDGET_EXHAUSTED',
      unitCode: null,
      kind: null,
      rule: null,
      shortfall: round2(reservesMissing),
      message: `the budget of ${budget} is exhausted: ${parts.join(', and ')}`,
    });
  }
  for (const s of shorts) {
    if (binding.length >= MAX_BINDING) break;
    binding.push(s.entry);
  }
  return binding;
}

/**
 * Spend `left` more intake on the unit steps that lower the weighted shortfall most, keeping the
 * intake already given. From x = 0 this is the exact optimum of the model: with each f_g convex, the
 * best allocation of any budget takes the largest marginal gains (classic for separable convex
 * resource allocation). After a time limit it completes HiGHS's incumbent, which can leave budget
 * unspent (on 30 000 groups it was x = 0); there it only improves the plan.
 */
function spendTheRest(model: Prepared[], intake: number[], left: number, w: OptimiseWeights): void {
  if (left <= 0) return;
  const steps: { index: number; gain: number }[] = [];
  for (const p of model)
    for (let x = intake[p.index]!; x < p.upper; x++) {
      const gain = groupCost(p, x, w) - groupCost(p, x + 1, w);
      if (gain > TOL) steps.push({ index: p.index, gain });
    }
  // Stable: a group's steps stay in order (their gains do not grow, f_g being convex).
  steps.sort((a, b) => b.gain - a.gain);
  for (const step of steps.slice(0, left)) intake[step.index]!++;
}

// ---------------------------------------------------------------------------------------------

export async function optimiseIntake(
  groups: OptimiseGroup[],
  budget: number,
  weights?: Partial<OptimiseWeights>,
): Promise<IntakePlan> {
  const w: OptimiseWeights = { ...DEFAULT_WEIGHTS, ...weights };
  validate(groups, budget, w);
  await loadHighs();
  const started = performance.now();

  const prepared = groups.map((g, i) => prepare(g, i, budget));
  const model = prepared.filter((p) => p.upper > 0);
  const intake: number[] = groups.map(() => 0);
  let status: IntakePlan['status'] = 'OPTIMAL';
  let method: IntakePlan['method'] = 'NONE';

  if (model.length > MAX_SOLVER_GROUPS) {
    method = 'MARGINAL';
    spendTheRest(model, intake, budget, w);
  } else if (model.length > 0) {
    method = 'HIGHS';
    const positive = [w.ratio, w.structure].filter((v) => v > 0);
    const epsilon = (1e-4 * (positive.length > 0 ? Math.min(...positive) : 1)) / (1 + model.length);
    const lp = buildLp(model, budget, w, epsilon);
    const result = await solveLp(lp, SOLVER_OPTIONS);
    if (NO_SOLUTION.has(result.Status))
      throw new Error(
        `HiGHS ended with status '${result.Status}' and no intake plan for ${model.length} groups and a budget of ${budget}`,
      );
    if (result.Status !== 'Optimal') status = 'FEASIBLE';
    let total = 0;
    for (const p of model) {
      const value = result.Columns[`x${p.index}`]?.Primal;
      // (`+ 0`: a primal of −1e-10 must not come out as an intake of −0.)
      const x = value === undefined ? Number.NaN : Math.round(value) + 0;
      // Outside 'Optimal' only a MIP incumbent is usable: integral, within bounds, within budget.
      if (!Number.isFinite(x) || Math.abs(x - value!) > 1e-6 || x < 0 || x > p.upper)
        throw new Error(
          `HiGHS found no usable intake plan (status '${result.Status}'; x${p.index} = ${value}) for ${model.length} groups and a budget of ${budget}`,
        );
      intake[p.index] = x;
      total += x;
    }
    if (total > budget)
      throw new Error(`HiGHS returned an intake of ${total} over the budget of ${budget} (status '${result.Status}')`);
    // Tidy: the least intake with the same group cost (f_g is convex and non-increasing up to U_g).
    for (const p of model) {
      const x = intake[p.index]!;
      const cost = groupCost(p, x, w);
      let least = x;
      while (least > 0 && groupCost(p, least - 1, w) <= cost + TOL) least--;
      intake[p.index] = least;
    }
    if (status === 'FEASIBLE') spendTheRest(model, intake, budget - total, w);
  }

  let objective = 0;
  const plans: PlannedGroup[] = prepared.map((p) => {
    const x = intake[p.index]!;
    objective += groupCost(p, x, w);
    return {
      unitCode: p.group.unitCode,
      unitName: p.group.unitName,
      kind: p.group.kind,
      intake: x,
      profile: p.rules.map((rule) => ({ rule: rule.need.rule, count: ruleProfile(rule, x) })),
      ratioShortfall: round2(clamp(p.ratioNeed - x)),
      structureShortfalls: p.rules.map((rule) => ({ rule: rule.need.rule, shortfall: round2(ruleShortfall(rule, x)) })),
    };
  });
  const used = intake.reduce((sum, x) => sum + x, 0);
  const binding = explain(prepared, plans, intake, budget, used, w, status);
  return {
    status,
    method,
    budget,
    used,
    // Summing many fractional shortfalls leaves float dust (12 999.999999999982 for 13 000).
    objective: Math.round(objective * 1e9) / 1e9,
    groups: plans,
    binding,
    solveMs: Math.round(performance.now() - started),
  };
}
