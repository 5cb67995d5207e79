// Planning model 2 written again from domain.md, plainly: one member at a time, one year at a
// time, straight from the dataset's records (no SQL, no classes) — the cross-check for
// analytics/planning/flows.ts with domain/stock-flow.ts. Default policy numbers spelt out.
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';
import { byUnit, isActive, isExpectedVacancy, plusYears, RULES, subtree } from './metrics.ts';

type R = DatasetRecord;

export interface RefScenario {
  p: number;
  a: number;
  m: number;
  l: number;
}

export interface RefYear {
  unitCode: string;
  kind: string;
  year: number;
  vacancies: number;
  ready: number;
  promotions: number;
  stock: number;
  /** Of the stock, the weight of earlier years' intake cohorts. */
  cohorts: number;
  need: number;
  intake: number;
}

interface Member {
  near: number;
  mid: number;
  long: number;
  /** Leaves for good at this date (present in year t when it is after E_t). */
  exit: string;
  /** Cultivated in year t when this date is on or before E_t. */
  cultivated: string;
  /** Tier progress from this year on. */
  progressFrom: number;
  /** An intake cohort (not an entry of asOf). */
  cohort?: boolean;
}

export function referenceFlows(data: Dataset, root: string, asOf: string, H: number, s: RefScenario): RefYear[] {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const E = (t: number) => plusYears(asOf, t);
  const postsOf = byUnit(data.positions);
  const entriesOf = byUnit(data.reserves.filter((r) => isActive(r, asOf)));
  interface Group {
    unitCode: string;
    kind: 'PRINCIPAL' | 'DEPUTY';
    target: number;
    vacancies: number[];
    members: Member[];
  }
  const groups: Group[] = [];
  for (const unit of subtree(data, root)) {
    for (const kind of ['PRINCIPAL', 'DEPUTY'] as const) {
      const posts = (postsOf.get(unit.code) ?? []).filter((p) => p.kind === kind);
      if (posts.length === 0) continue;
      // Each post falls vacant once, in the first year whose end its expected vacancy reaches.
      const vacancies = Array.from({ length: H }, () => 0);
      for (const p of posts) {
        for (let t = 1; t <= H; t++) {
          if (isExpectedVacancy(p, people, E(t))) {
            vacancies[t - 1]! += 1;
            break;
          }
        }
      }
      const members = (entriesOf.get(unit.code) ?? [])
        .filter((r) => r.targetKind === kind)
        .map((r): Member => {
          const birth = people.get(r.personId)!.birthDate as string;
          // Past the age limit: the day of the (limit + 1)th birthday.
          const overAge = plusYears(birth, RULES.ageLimit[kind] + 1);
          const periodEnd = plusYears(r.enteredOn as string, RULES.managementYears);
          return {
            near: r.tier === 'NEAR_TERM' ? 1 : 0,
            mid: r.tier === 'MID_TERM' ? 1 : 0,
            long: r.tier === 'LONG_TERM' ? 1 : 0,
            exit: overAge < periodEnd ? overAge : periodEnd,
            cultivated: plusYears(r.enteredOn as string, RULES.cultivationYears),
            progressFrom: 2,
          };
        });
      groups.push({
        unitCode: unit.code as string,
        kind,
        target: Math.ceil(RULES.ratio[kind] * posts.length),
        vacancies,
        members,
      });
    }
  }
  const out: RefYear[] = [];
  for (let t = 1; t <= H; t++) {
    const rows: RefYear[] = [];
    for (const g of groups) {
      const present = g.members.filter((m) => m.exit > E(t));
      for (const m of present) {
        if (t >= m.progressFrom) {
          const before = m.mid;
          m.mid = m.mid - before * s.m + m.long * s.l;
          m.long = m.long * (1 - s.l);
          m.near = m.near + before * s.m;
        }
      }
      // Members who left are gone for good.
      g.members = present;
      const cultivated = present.filter((m) => m.cultivated <= E(t));
      const ready = cultivated.reduce((sum, m) => sum + m.near, 0);
      const vacancies = g.vacancies[t - 1]!;
      const promotions = s.p * Math.min(vacancies, ready);
      for (const m of cultivated) if (ready > 0) m.near = m.near * (1 - promotions / ready);
      for (const m of present) {
        m.near *= 1 - s.a;
        m.mid *= 1 - s.a;
        m.long *= 1 - s.a;
      }
      const stock = present.reduce((sum, m) => sum + m.near + m.mid + m.long, 0);
      const cohorts = present.filter((m) => m.cohort).reduce((sum, m) => sum + m.near + m.mid + m.long, 0);
      const need = Math.max(0, g.target - stock);
      rows.push({
        unitCode: g.unitCode,
        kind: g.kind,
        year: t,
        vacancies,
        ready,
        promotions,
        stock,
        cohorts,
        need,
        intake: 0,
      });
    }
    // The year's intake: Σ need rounded half up; floors; the rest to the largest fractions.
    const total = Math.floor(rows.reduce((sum, r) => sum + r.need, 0) + 0.5 + 1e-9);
    for (const r of rows) r.intake = Math.floor(r.need + 1e-9);
    let left = total - rows.reduce((sum, r) => sum + r.intake, 0);
    const byRemainder = [...rows]
      .filter((r) => r.need - r.intake > 1e-9)
      .sort((x, y) => {
        const fx = x.need - x.intake;
        const fy = y.need - y.intake;
        if (fx !== fy) return fy - fx;
        if (x.need !== y.need) return y.need - x.need;
        if (x.unitCode !== y.unitCode) return x.unitCode < y.unitCode ? -1 : 1;
        return x.kind === 'PRINCIPAL' ? -1 : 1;
      });
    for (const r of byRemainder) {
      if (left <= 0) break;
      r.intake += 1;
      left -= 1;
    }
    // The cohort joins at E_t, mid-term, for the management period, cultivated a year later.
    rows.forEach((r, i) => {
      if (r.intake > 0)
        groups[i]!.members.push({
          near: 0,
          mid: r.intake,
          long: 0,
          exit: plusYears(E(t), RULES.managementYears),
          cultivated: E(t + RULES.cultivationYears),
          progressFrom: t + 2,
          cohort: true,
        });
    });
    out.push(...rows);
  }
  return out;
}
