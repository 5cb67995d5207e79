// Runs the compliance report (compliance.ts) on an engine: DuckDB for the API, SQLite or
// PostgreSQL for the benchmark's baselines and the cross-check.
import DataLoader from 'dataloader';
import { ymdNumber } from '../../server/domain/dates.ts';
import type { Policy } from '../../server/policy/defaults.ts';
import type { Dialect } from '../dialect.ts';
import type { PoliciesAt } from '../policy.ts';
import { int } from './common.ts';
import {
  judgedSql,
  MEASURE,
  type ReportParams,
  type RowOrder,
  RULES,
  type Rule,
  rowsSql,
  STATUS_NAMES,
  type Status,
  statusOf,
  summarySql,
} from './compliance.ts';

export interface Engine {
  dialect: Dialect;
  query(sql: string, params: Record<string, string | number>): Promise<Record<string, unknown>[]>;
}

export interface ComplianceTotal {
  rule: Rule;
  measure: 'COUNT' | 'SHARE';
  units: number;
  breaches: number;
  warnings: number;
  value: number;
  target: number;
  gap: number;
  status: Status;
}

export interface ComplianceRow {
  unitCode: string;
  unitName: string;
  rule: Rule;
  value: number;
  target: number;
  gap: number;
  status: Status;
}

export interface ComplianceUnit {
  unitCode: string;
  unitName: string;
  breaches: number;
  warnings: number;
  shortfall: number;
  rules: ComplianceRow[];
}

/** Subtree targets of share rules: the scope unit's policy. */
const SHARE_TARGET: Partial<Record<Rule, (p: Policy) => number>> = {
  SPECIAL_SHARE: (p) => p.specialStructureShare,
  NEAR_TERM_PRINCIPAL: (p) => p.nearTermShare,
  NEAR_TERM_DEPUTY: (p) => p.nearTermShare,
  AGE_BAND_PRINCIPAL: (p) => p.ageBands.PRINCIPAL.share,
  AGE_BAND_DEPUTY: (p) => p.ageBands.DEPUTY.share,
  BACHELOR_SHARE: (p) => p.bachelorShare,
  TRAINING_COVERAGE: (p) => p.reserveTrainingCoverage,
  CADRE_TRAINING_RATE: (p) => p.training.cadreTrainingRate,
};

interface Summary {
  totals: Record<string, unknown>[];
  worst: Record<string, unknown>[];
}

export class ComplianceReport {
  private readonly judged: string;
  // The totals and the worst units asked for in one GraphQL request are computed by one
  // statement: the loader gathers the parts asked for in the same tick (keys: how many worst units).
  private readonly summaries = new DataLoader<number, Summary>(async (limits) => {
    const limit = Math.max(...limits);
    const rows = await this.engine.query(summarySql(this.judged), { ...this.base(), limit });
    const summary: Summary = { totals: [], worst: [] };
    for (const r of rows) (r.part === 'T' ? summary.totals : summary.worst).push(r);
    return limits.map(() => summary);
  });

  constructor(
    private readonly engine: Engine,
    policies: PoliciesAt,
    private readonly rootPolicy: Policy,
    readonly params: ReportParams,
  ) {
    this.judged = judgedSql(engine.dialect, policies, params.subtree);
  }

  /** Query parameters: dates as yyyymmdd integers (see dialect.ts). */
  private base() {
    const { scope, asOf, end, year } = this.params;
    return { scope, asOf: ymdNumber(asOf), end: ymdNumber(end), year };
  }

  /** Every rule over the whole scope: count rules sum the units' gaps (never netted). */
  async totals(): Promise<ComplianceTotal[]> {
    const { totals } = await this.summaries.load(0);
    const byRule = new Map(totals.map((r) => [RULES[int(r.rule)]!, r]));
    const tolerance = this.rootPolicy.complianceWarningTolerance;
    return RULES.filter((rule) => byRule.has(rule)).map((rule) => {
      const r = byRule.get(rule)!;
      const measure = MEASURE[rule];
      const num = Number(r.num ?? 0);
      const den = Number(r.den ?? 0);
      const value = measure === 'COUNT' ? num : den > 0 ? num / den : 0;
      const target = measure === 'COUNT' ? Number(r.target ?? 0) : (SHARE_TARGET[rule]?.(this.rootPolicy) ?? 0);
      const gap = measure === 'COUNT' ? Number(r.gap ?? 0) : Math.max(0, target - value);
      const status =
        measure === 'COUNT'
          ? gap > 0
            ? statusOf(target - gap, target, tolerance)
            : 'COMPLIANT'
          : statusOf(value, target, tolerance);
      return {
        rule,
        measure,
        units: int(r.units),
        breaches: int(r.breaches),
        warnings: int(r.warnings),
        value,
        target,
        gap,
        status,
      };
    });
  }

  /** The worst units first (most breaches, largest relative shortfall, most warnings), with their rules. */
  async worstUnits(limit: number): Promise<ComplianceUnit[]> {
    const { worst } = await this.summaries.load(limit);
    const units = new Map<string, ComplianceUnit>();
    for (const r of worst) {
      const code = r.unit_code as string;
      let unit = units.get(code);
      if (!unit) {
        unit = {
          unitCode: code,
          unitName: r.unit_name as string,
          breaches: int(r.breaches),
          warnings: int(r.warnings),
          shortfall: Number(r.shortfall),
          rules: [],
        };
        units.set(code, unit);
      }
      unit.rules.push(toRow(r));
    }
    // A larger batch's ranking starts with a smaller one's (ties are broken by unit id).
    return [...units.values()].slice(0, limit);
  }

  async rows(options: {
    rules: Rule[] | null;
    statuses: Status[] | null;
    order: RowOrder;
    descending: boolean;
    limit: number;
    offset: number;
  }): Promise<{ total: number; rows: ComplianceRow[] }> {
    const sql = rowsSql(this.judged, options.rules, options.statuses, options.order, options.descending);
    const rows = await this.engine.query(sql, { ...this.base(), limit: options.limit, offset: options.offset });
    return { total: int(rows[0]?.total), rows: rows.map(toRow) };
  }
}

function toRow(r: Record<string, unknown>): ComplianceRow {
  return {
    unitCode: r.unit_code as string,
    unitName: r.unit_name as string,
    rule: RULES[int(r.rule)]!,
    value: Number(r.value),
    target: Number(r.target),
    gap: Number(r.gap),
    status: STATUS_NAMES[int(r.status)]!,
  };
}
