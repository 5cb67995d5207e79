// Runs the compliance report (sql.ts) on an engine: the DuckDB copy for the API, SQLite or
// PostgreSQL for the benchmark's baselines and the cross-check. On the copy, answers are kept
// per data version, scope, date and policy (AnalyticsCopy.cached), so the dashboard's repeated and
// paged requests do not recompute them; today's report also keeps every unit's figures between
// changes and patches the units a change touched (kept.ts).
import DataLoader from 'dataloader';
import { ymdNumber } from '../../domain/dates.ts';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { elapsedShareOfYear } from '../../domain/rules.ts';
import type { AnalyticsCopy } from '../copy.ts';
import { type Dialect, duckdb } from '../dialect.ts';
import { keptOrComputed } from '../kept.ts';
import { trainingYearParams } from '../measures.ts';
import { int } from '../metric.ts';
import { type KeptReport, keptReport } from './kept.ts';
import { type JudgedAt, RULE_NAMES, RULES, type Rule, STATUS_NAMES, type Status } from './registry.ts';
import {
  judgedSql,
  keptJudgedSql,
  keptSummarySql,
  type ReportParams,
  type RowOrder,
  rowsSql,
  summarySql,
} from './sql.ts';

export interface Engine {
  dialect: Dialect;
  query(sql: string, params: Record<string, string | number>): Promise<Record<string, unknown>[]>;
  /** Keeps an answer per data version (the DuckDB copy does; the baselines compute every time). */
  cached?<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** The report's figures kept per unit for these statement parameters (the copy, today's date). */
  kept?(policies: PoliciesAt, params: Record<string, number>): KeptReport;
}

export interface ComplianceTotal {
  rule: Rule;
  measure: 'COUNT' | 'SHARE';
  judgedAt: JudgedAt;
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
  numerator: number;
  /** SHARE rules only. */
  denominator: number | null;
  /** Rules whose target is a ratio of a count (posts, departments): that count. */
  base: number | null;
  /** False where the rule is shown, not judged (pool rules away from pool units). */
  judged: boolean;
  /** True when the figure counts the unit's whole subtree (pool rules at pool units). */
  subtree: boolean;
}

export interface ComplianceUnit {
  unitCode: string;
  unitName: string;
  breaches: number;
  warnings: number;
  shortfall: number;
  rules: ComplianceRow[];
}

interface Summary {
  totals: Record<string, unknown>[];
  worst: Record<string, unknown>[];
}

export interface RowsOptions {
  rules: Rule[] | null;
  statuses: Status[] | null;
  /** Only judged rows (true), only rows shown and not judged (false), or both (null). */
  judged: boolean | null;
  order: RowOrder;
  descending: boolean;
  limit: number;
  offset: number;
}

export class ComplianceReport {
  private readonly key: string;
  private readonly kept: KeptReport | null;
  // The totals and the worst units asked for in one GraphQL request are computed by one
  // statement: the loader gathers the parts asked for in the same tick (keys: how many worst units).
  private readonly summaries = new DataLoader<number, Summary>(async (limits) => {
    const limit = Math.max(...limits);
    const summary = await this.once(`summary|${limit}`, async () => {
      const rows = await this.query(
        (kept) => keptSummarySql(kept.tables, this.params.subtree),
        (judged) => summarySql(judged),
        { limit },
      );
      const out: Summary = { totals: [], worst: [] };
      for (const r of rows) (r.part === 'T' ? out.totals : out.worst).push(r);
      return out;
    });
    return limits.map(() => summary);
  });

  constructor(
    private readonly engine: Engine,
    private readonly policies: PoliciesAt,
    readonly params: ReportParams,
  ) {
    this.key = `compliance|${JSON.stringify(params)}|${policies.versions.join(',')}`;
    const { path: _path, ...dated } = this.base();
    this.kept = engine.kept ? engine.kept(policies, dated) : null;
  }

  /** The kept figures this report reads, if it is kept (tests and the benchmark read their counts). */
  get keptFigures(): KeptReport | null {
    return this.kept;
  }

  private once<T>(part: string, compute: () => Promise<T>): Promise<T> {
    return this.engine.cached ? this.engine.cached(`${this.key}|${part}`, compute) : compute();
  }

  /**
   * A statement of the report: read from the kept figures when there are (`kept`), else computed
   * from the copied tables over judgedSql's CTEs (`computed`). Kept figures that fail (memory, a
   * reload switching the copy under them) are built again on the next request; this one is
   * computed.
   */
  private async query(
    kept: (report: KeptReport) => string,
    computed: (judged: string) => string,
    extra: Record<string, string | number>,
  ) {
    const params = { ...this.base(), ...extra };
    const report = this.kept;
    return keptOrComputed('compliance report', report ? () => report.read(kept(report), params) : null, () =>
      this.engine.query(computed(judgedSql(this.engine.dialect, this.policies, this.params.subtree)), params),
    );
  }

  /** Query parameters: dates as yyyymmdd integers (see dialect.ts). */
  private base() {
    const { path, asOf, end, year } = this.params;
    return {
      path,
      asOf: ymdNumber(asOf),
      end: ymdNumber(end),
      ...trainingYearParams(asOf, year),
      elapsed: elapsedShareOfYear(asOf),
    };
  }

  /** Every rule over the whole scope: count rules sum the units' gaps (never netted). */
  async totals(): Promise<ComplianceTotal[]> {
    const { totals } = await this.summaries.load(0);
    const byRule = new Map(totals.map((r) => [RULE_NAMES[int(r.rule)]!, r]));
    return RULE_NAMES.filter((rule) => byRule.has(rule)).map((rule) => {
      const r = byRule.get(rule)!;
      return {
        rule,
        measure: RULES[rule].measure,
        judgedAt: RULES[rule].judgedAt,
        units: int(r.units),
        breaches: int(r.breaches),
        warnings: int(r.warnings),
        value: Number(r.value ?? 0),
        target: Number(r.target ?? 0),
        gap: Number(r.gap ?? 0),
        status: STATUS_NAMES[int(r.status)]!,
      };
    });
  }

  /**
   * The worst units first (most breaches, largest relative shortfall, most warnings), with their
   * judged rules; optionally only units of one level.
   */
  async worstUnits(limit: number, level: string | null = null): Promise<ComplianceUnit[]> {
    const { worst } = level
      ? await this.once(`worst|${level}|${limit}`, async () => {
          const rows = await this.query(
            (kept) => keptSummarySql(kept.tables, this.params.subtree, true),
            (judged) => summarySql(judged, true),
            { limit, level },
          );
          return { totals: [], worst: rows.filter((r) => r.part === 'W') };
        })
      : await this.summaries.load(limit);
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

  async rows(options: RowsOptions): Promise<{ total: number; rows: ComplianceRow[] }> {
    const page = (judged: string) =>
      rowsSql(judged, options.rules, options.statuses, options.judged, options.order, options.descending);
    return this.once(`rows|${JSON.stringify(options)}`, async () => {
      const rows = await this.query((kept) => page(keptJudgedSql(kept.tables, this.params.subtree)), page, {
        limit: options.limit,
        offset: options.offset,
      });
      return { total: int(rows[0]?.total), rows: rows.map(toRow) };
    });
  }
}

function toRow(r: Record<string, unknown>): ComplianceRow {
  return {
    unitCode: r.unit_code as string,
    unitName: r.unit_name as string,
    rule: RULE_NAMES[int(r.rule)]!,
    value: Number(r.value),
    target: Number(r.target),
    gap: Number(r.gap),
    status: STATUS_NAMES[int(r.status)]!,
    numerator: Number(r.num),
    denominator: r.den === null || r.den === undefined ? null : Number(r.den),
    base: r.base === null || r.base === undefined ? null : Number(r.base),
    judged: int(r.judged) === 1,
    subtree: int(r.subtree) === 1,
  };
}

/**
 * The analytical copy as an engine: the product's path, with answers kept per data version; with
 * `keep`, the report's figures are kept per unit and patched as the copy changes (today's report).
 */
export function copyEngine(copy: AnalyticsCopy, options: { keep?: boolean } = {}): Engine {
  return {
    dialect: duckdb,
    query: (sql, params) => copy.query(sql, params),
    cached: (key, compute) => copy.cached(key, compute),
    ...(options.keep ? { kept: (policies, params) => keptReport(copy, policies, params) } : {}),
  };
}
