// Which units a metric covers: a unit alone, a unit's subtree (the root's is the whole tree), or
// a batch of units each alone (per-unit fields, judged by the policy common to all kinds). The
// server resolves the unit and checks it against the viewer's scope (server/schema/
// metric-input.ts); here a scope is only data and its SQL.
import { type DuckDBValue, listValue } from '@duckdb/node-api';
import type { UnitKind } from '../domain/enums.ts';
import { type Dialect, duckdb } from './dialect.ts';

/**
 * The one definition of "in scope", as SQL on a `units` row aliased `u` in any dialect: the unit
 * whose tree path is the parameter, with its subtree (paths starting with it) or alone.
 */
export function unitsIn(d: Dialect, param: string, subtree: boolean): string {
  return subtree ? d.startsWith('u.path', param) : `u.path = ${param}`;
}

export interface ScopedUnit {
  code: string;
  path: string;
  kind: UnitKind;
}

export interface MetricScope {
  /** The unit asked for; null for the whole tree and for a batch. */
  unitCode: string | null;
  /** Its tree path; null for a batch. */
  path: string | null;
  /** Its kind, whose policy judges subtree totals; null: the policy common to all kinds. */
  unitKind: UnitKind | null;
  subtree: boolean;
  /** SQL condition on a `units` row aliased `u`, reading the parameter $scope. */
  where: string;
  param: DuckDBValue;
  /** Identifies the scope in cache keys. */
  key: string;
}

/** A unit with its whole subtree. */
export function subtreeScope(unit: ScopedUnit): MetricScope {
  return {
    unitCode: unit.code,
    path: unit.path,
    unitKind: unit.kind,
    subtree: true,
    where: unitsIn(duckdb, '$scope', true),
    param: unit.path,
    key: `subtree:${unit.path}`,
  };
}

/** A unit alone. */
export function unitOnlyScope(unit: ScopedUnit): MetricScope {
  return {
    unitCode: unit.code,
    path: unit.path,
    unitKind: unit.kind,
    subtree: false,
    where: unitsIn(duckdb, '$scope', false),
    param: unit.path,
    key: `unit:${unit.code}`,
  };
}

/** Several units, each alone: for per-unit fields batched into one query. */
export function unitsScope(codes: readonly string[]): MetricScope {
  return {
    unitCode: null,
    path: null,
    unitKind: null,
    subtree: false,
    where: 'list_contains($scope, u.code)',
    param: listValue([...codes]),
    key: `units:${codes.join(',')}`,
  };
}
