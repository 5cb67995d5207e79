// Today's compliance report kept per unit beside the copy (docs/decisions/049): every unit's
// measures, roll-ups and rule rows in tables of the copy's in-memory `kept` catalog, built once
// for a date and policy and then patched for the units each change touched (the copy tells which:
// AnalyticsCopy.changedUnitsSince), so a report after a change reads a few thousand rows instead
// of counting the whole pool again. Any request of the report (any scope, the totals, the worst
// units, a page of rows) reads the same tables; the statements are sql.ts's, so kept and computed
// rows are the same rows (a test patches through a series of changes and compares).
import type { DuckDBValue } from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import { type AnalyticsCopy, KEPT_CATALOG, type Row } from '../copy.ts';
import { bound } from '../measure-query.ts';
import { type KeptStatements, type KeptTables, keptJudgedSql, keptStatements, keptSummarySql } from './sql.ts';

/** Dates and policies kept at once per copy (today's, and the day before while the date turns). */
const KEPT_SETS = 2;

/** Patches between checkpoints of the kept catalog. */
const CHECKPOINT_EVERY = 100;

/** Above this many units changed at once, the tables are built again rather than patched. */
const PATCH_AT_MOST = 2_000;

let tablesMade = 0;

/** One date's and policy's kept tables, brought to the copy's version before every read. */
export class KeptReport {
  /** The copy's data version the tables hold; -1: none (to be built). */
  private version = -1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tables: KeptTables;
  private readonly statements: KeptStatements;
  private closed = false;
  /** Builds and patches so far, and the units the last patch made again (tests, the benchmark). */
  builds = 0;
  patches = 0;
  lastPatchedUnits = 0;

  constructor(
    private readonly copy: AnalyticsCopy,
    policies: PoliciesAt,
    private readonly params: Record<string, number>,
  ) {
    const n = ++tablesMade;
    const name = (what: string) => `${KEPT_CATALOG}.report${n}_${what}`;
    this.tables = {
      pol: name('pol'),
      base: name('base'),
      tree: name('tree'),
      roll: name('roll'),
      judged: name('judged'),
      ranked: name('ranked'),
      sums: name('sums'),
    };
    this.statements = keptStatements(policies, this.tables);
  }

  /** judgedSql's CTEs over these tables, for a scope of a subtree or one unit (rowsSql reads them). */
  judgedSql(subtree: boolean): string {
    return keptJudgedSql(this.tables, subtree);
  }

  /** summarySql's answer from these tables. */
  summarySql(subtree: boolean, byLevel = false): string {
    return keptSummarySql(this.tables, subtree, byLevel);
  }

  /**
   * Runs a statement over the tables once they hold the copy's current version (patched or built
   * first if not); reads and patches take turns, so a read never sees half a patch.
   */
  read(sql: string, params: Record<string, DuckDBValue>): Promise<Row[]> {
    return this.serial(() =>
      this.copy.beside(async (query) => {
        await this.bringUp(query);
        return query(sql, bound(sql, params));
      }),
    );
  }

  /** Drops the tables (a date or policy no longer kept). */
  close(): void {
    this.closed = true;
    void this.serial(() => this.copy.beside((query) => this.drop(query))).catch(() => {});
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  private async bringUp(query: (sql: string, params?: Record<string, DuckDBValue>) => Promise<Row[]>): Promise<void> {
    if (this.closed) throw new Error('this kept report was dropped');
    const target = this.copy.version;
    if (this.version === target) return;
    const units = this.version < 0 ? null : this.copy.changedUnitsSince(this.version);
    this.version = -1; // until the work below is whole: a failure builds again next time
    if (units === null || units.size > PATCH_AT_MOST) {
      await this.drop(query);
      for (const sql of this.statements.build) await query(sql, bound(sql, this.params));
      // Written compressed: 110 → 60 MB at national scale, read as fast (measured 2026-12-06).
      await query(`CHECKPOINT ${KEPT_CATALOG}`);
      this.builds++;
    } else if (units.size > 0) {
      const list = idList(units);
      const above = idList((await query(this.statements.above(list))).map((r) => Number(r.id)));
      for (const sql of this.statements.patch(list, above)) await query(sql, bound(sql, this.params));
      this.patches++;
      // The rows patched away are freed, and the new ones compressed, at a checkpoint.
      if (this.patches % CHECKPOINT_EVERY === 0) await query(`CHECKPOINT ${KEPT_CATALOG}`);
      this.lastPatchedUnits = units.size;
    }
    this.version = target;
  }

  private async drop(query: (sql: string) => Promise<Row[]>): Promise<void> {
    for (const table of Object.values(this.tables)) await query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Unit ids as an SQL list: integers only (they come from the copy; anything else is a bug). */
function idList(ids: Iterable<number>): string {
  const out: string[] = [];
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new Error(`unit id ${id} is not an integer`);
    out.push(String(id));
  }
  return out.join(', ');
}

const kept = new WeakMap<AnalyticsCopy, LRUCache<string, KeptReport>>();

/**
 * The kept report of a date and policy (the parameters of the report's statements: dates as
 * yyyymmdd integers), made on first use; the least recently used beyond KEPT_SETS is dropped.
 */
export function keptReport(copy: AnalyticsCopy, policies: PoliciesAt, params: Record<string, number>): KeptReport {
  let sets = kept.get(copy);
  if (!sets) {
    sets = new LRUCache<string, KeptReport>({ max: KEPT_SETS, dispose: (set) => set.close() });
    kept.set(copy, sets);
  }
  const key = `${JSON.stringify(params)}|${policies.versions.join(',')}`;
  let set = sets.get(key);
  if (!set) {
    set = new KeptReport(copy, policies, params);
    sets.set(key, set);
  }
  return set;
}
