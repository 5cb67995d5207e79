// Runs the compliance report (compliance.ts) on an engine: DuckDB for the API, SQLite or
// PostgreSQL for the benchmark's baselines and the cross-check.
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
  totalsSql,
  worstUnitsSql,
} from './compliance.ts';

export interface Engine {
  dialect: Dialect;
  query(sql: string, params: Record<string, string | number>): Promise<Record<string, unknown>[]>;
  /** Runs a statement that returns no rows. */
  run(sql: string, params: Record<string, string | number>): Promise<void>;
}

// Each report computes its judged rows once, into a temporary table that its parts (totals,
// worst units, pages of rows) read. The newest few stay; older ones are dropped.
const KEEP_TABLES = 4;
const liveTables = new WeakMap<Engine, string[]>();
let tableCounter = 0;

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

export class ComplianceReport {
  private readonly judged: string;
  private table: Promise<string> | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly policies: PoliciesAt,
    private readonly rootPolicy: Policy,
    readonly params: ReportParams,
  ) {
    this.judged = judgedSql(engine.dialect, policies, params.subtree);
  }

  private base() {
    const { scope, asOf, end, year } = this.params;
    return { scope, asOf, end, year };
  }

  /** The judged rows, computed on first use. */
  private judgedTable(): Promise<string> {
    this.table ??= (async () => {
      const name = `judged_${process.pid}_${++tableCounter}`;
      await this.engine.run(`CREATE TEMP TABLE ${name} AS ${this.judged} SELECT * FROM judged`, this.base());
      const live = liveTables.get(this.engine) ?? [];
      live.push(name);
      while (live.length > KEEP_TABLES) await this.engine.run(`DROP TABLE IF EXISTS ${live.shift()}`, {});
      liveTables.set(this.engine, live);
      return name;
    })();
    return this.table;
  }

  /** Every rule over the whole scope: count rules sum the units' gaps (never netted). */
  async totals(): Promise<ComplianceTotal[]> {
    const rows = await this.engine.query(totalsSql(await this.judgedTable()), {});
    const byRule = new Map(rows.map((r) => [RULES[int(r.rule)]!, r]));
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

  async worstUnits(limit: number): Promise<ComplianceUnit[]> {
    const rows = await this.engine.query(worstUnitsSql(await this.judgedTable()), { limit });
    const units = new Map<string, ComplianceUnit>();
    for (const r of rows) {
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
    for (const unit of units.values()) unit.rules.sort((a, b) => RULES.indexOf(a.rule) - RULES.indexOf(b.rule));
    return [...units.values()];
  }

  async rows(options: {
    rules: Rule[] | null;
    statuses: Status[] | null;
    order: RowOrder;
    descending: boolean;
    limit: number;
    offset: number;
  }): Promise<{ total: number; rows: ComplianceRow[] }> {
    const sql = rowsSql(await this.judgedTable(), options.rules, options.statuses, options.order, options.descending);
    const rows = await this.engine.query(sql, { limit: options.limit, offset: options.offset });
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
