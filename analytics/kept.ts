// Figures kept per unit beside the copy (docs/decisions/049): tables in the copy's in-memory
// `kept` catalog, built once for a date and policy, then patched for the units each change
// touched (AnalyticsCopy.changedUnitsSince) instead of computed again. Today's compliance report
// (compliance/kept.ts), alerts (metrics/alerts.ts), succession groups (metrics/horizon.ts) and
// pool structure's measures (measure-query.ts) keep theirs here. A kept figure is
// brought to the copy's data version before each read; reads and patches take turns on the
// copy's second connection, so a read never sees half a patch; when the copy cannot tell what changed (a full reload), or a
// patch fails, the tables are built again.
import type { DuckDBValue } from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';
import { type AnalyticsCopy, KEPT_CATALOG, type Row } from './copy.ts';
import { bound } from './measure-query.ts';

/** A statement on the kept figures' connection (parameters not named in it are left out). */
export type KeptQuery = (sql: string, params?: Record<string, DuckDBValue>) => Promise<Row[]>;

/** How a figure is kept: its tables, the statements that build them, and how a patch runs. */
export interface KeptDefinition<T extends Record<string, string>> {
  tables: T;
  /** Makes every table for every unit. */
  build: string[];
  /** Makes the rows of some units (`units`, a list of integer ids) again. */
  patch(units: string, query: KeptQuery): Promise<void>;
}

/** Dates and policies kept at once per copy and figure (today's, and yesterday's while the date turns). */
const KEPT_SETS = 2;

/** Patches between checkpoints of the kept catalog (rows patched away are freed then). */
const CHECKPOINT_EVERY = 100;

/**
 * The most units a read narrowed to some units lists; above it the whole scope is read instead:
 * kept tables are built again rather than patched, planning's flow groups read again whole, and
 * the profiles of more rows than this read for every unit.
 */
export const UNITS_LISTED_AT_MOST = 2_000;

let tablesMade = 0;

/** One figure's tables for one date and policy, brought to the copy's version before every read. */
export class KeptFigures<T extends Record<string, string>> {
  /** The copy's data version the tables hold; -1: none (to be built). */
  private version = -1;
  private closed = false;
  private readonly definition: KeptDefinition<T>;
  /** Builds and patches so far, and the units the last patch made again (tests, the benchmark). */
  builds = 0;
  patches = 0;
  lastPatchedUnits = 0;

  constructor(
    private readonly copy: AnalyticsCopy,
    define: (name: (table: string) => string) => KeptDefinition<T>,
    /** The statements' parameters (dates as yyyymmdd integers). */
    private readonly params: Record<string, number>,
  ) {
    const n = ++tablesMade;
    this.definition = define((table) => `${KEPT_CATALOG}.kept${n}_${table}`);
  }

  get tables(): T {
    return this.definition.tables;
  }

  /**
   * Runs a statement over the tables once they hold the copy's current version. The copy runs
   * work beside it one piece at a time (AnalyticsCopy.beside), so a read never sees half a patch.
   */
  read(sql: string, params: Record<string, DuckDBValue>): Promise<Row[]> {
    return this.copy.beside(async (query) => {
      await this.bringUp(query);
      return query(sql, bound(sql, params));
    });
  }

  /** Drops the tables (a date or policy no longer kept). */
  close(): void {
    this.closed = true;
    void this.copy.beside((query) => this.drop(query)).catch(() => {});
  }

  private async bringUp(raw: KeptQuery): Promise<void> {
    if (this.closed) throw new Error('these kept figures were dropped');
    const target = this.copy.version;
    if (this.version === target) return;
    const query: KeptQuery = (sql, params = {}) => raw(sql, bound(sql, { ...this.params, ...params }));
    const units = this.version < 0 ? null : this.copy.changedUnitsSince(this.version);
    this.version = -1; // until the work below is whole: a failure builds again next time
    if (units === null || units.size > UNITS_LISTED_AT_MOST) {
      await this.drop(raw);
      for (const sql of this.definition.build) await query(sql);
      // Written compressed: 110 → 60 MB for the national compliance report, read as fast.
      await checkpoint(raw);
      this.builds++;
    } else if (units.size > 0) {
      await this.definition.patch(idList(units), query);
      this.patches++;
      this.lastPatchedUnits = units.size;
      if (this.patches % CHECKPOINT_EVERY === 0) await checkpoint(raw);
    }
    this.version = target;
  }

  private async drop(query: KeptQuery): Promise<void> {
    for (const table of Object.values(this.definition.tables)) await query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * A figure kept as one table of rows per unit: `rows(where)` selects the rows of the units
 * `where` (SQL on `u`), each naming its unit in `unitColumn`; a patch deletes the changed units'
 * rows and selects them again.
 */
export function unitRows<K extends string>(
  name: (table: string) => string,
  table: K,
  unitColumn: string,
  rows: (where: string) => string,
): KeptDefinition<Record<K, string>> {
  const t = name(table);
  return {
    tables: { [table]: t } as Record<K, string>,
    build: [`CREATE TABLE ${t} AS ${rows('TRUE')}`],
    async patch(units, query) {
      await query(`DELETE FROM ${t} WHERE ${unitColumn} IN (${units})`);
      await query(`INSERT INTO ${t} ${rows(`u.id IN (${units})`)}`);
    },
  };
}

/**
 * A figure from its kept tables when it is kept (`fromKept`, else null), or computed from the
 * copy: also when the kept read fails (memory, a reload switching the copy under it), logged;
 * the tables are built again on the next read.
 */
export async function keptOrComputed<T>(
  figure: string,
  fromKept: (() => Promise<T>) | null,
  computed: () => Promise<T>,
): Promise<T> {
  if (fromKept) {
    try {
      return await fromKept();
    } catch (error) {
      console.error(`${figure}: the kept figures failed; computing from the copy`, error);
    }
  }
  return computed();
}

/** SQL: the kept rows whose unit (in `unitColumn`) is in scope (`where`, on `u`, reading $scope). */
export function inScope(unitColumn: string, where: string): string {
  return `${unitColumn} IN (SELECT u.id FROM units u WHERE ${where})`;
}

/** Compresses the kept catalog and frees what patches deleted; a saving, so never a failure. */
async function checkpoint(query: KeptQuery): Promise<void> {
  await query(`CHECKPOINT ${KEPT_CATALOG}`).catch(() => {});
}

/** Unit ids as an SQL list: integers only (they come from the copy; anything else is a bug). */
export function idList(ids: Iterable<number>): string {
  const out: string[] = [];
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new Error(`unit id ${id} is not an integer`);
    out.push(String(id));
  }
  return out.join(', ');
}

const kept = new WeakMap<AnalyticsCopy, LRUCache<string, KeptFigures<Record<string, string>>>>();

/**
 * A figure's kept tables for a key (the figure, its parameters and policy), made on first use;
 * per copy and figure, the least recently used beyond KEPT_SETS are dropped.
 */
export function keptFigures<T extends Record<string, string>>(
  copy: AnalyticsCopy,
  figure: string,
  key: string,
  define: (name: (table: string) => string) => KeptDefinition<T>,
  params: Record<string, number>,
): KeptFigures<T> {
  let sets = kept.get(copy);
  if (!sets) {
    sets = new LRUCache({ max: 64, dispose: (set) => set.close() });
    kept.set(copy, sets);
  }
  const full = `${figure}|${key}|${JSON.stringify(params)}`;
  let set = sets.get(full) as KeptFigures<T> | undefined;
  if (!set) {
    set = new KeptFigures(copy, define, params);
    sets.set(full, set as unknown as KeptFigures<Record<string, string>>);
    // At most KEPT_SETS of this figure: the least recently used other goes.
    const same = [...sets.rkeys()].filter((k) => k.startsWith(`${figure}|`));
    for (const old of same.slice(0, Math.max(0, same.length - KEPT_SETS))) sets.delete(old);
  }
  return set;
}
