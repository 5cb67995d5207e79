// Which units a metric covers: a unit alone or its subtree, always inside the viewer's scope.
import { type DuckDBValue, listValue } from '@duckdb/node-api';
import type { Viewer } from '../server/auth/viewer.ts';
import { scopedUnit } from '../server/schema/unit.ts';

export interface MetricScope {
  unitCode: string;
  unitKind: string;
  /** SQL condition on a `units` row aliased `u`, with its parameter ($scope). */
  where: string;
  param: DuckDBValue;
}

/** Several units, each alone: for per-unit fields batched into one query. */
export function unitsScope(codes: readonly string[]): MetricScope {
  return {
    unitCode: codes[0] ?? '',
    unitKind: 'PARTY_GOV',
    where: 'list_contains($scope, u.code)',
    param: listValue([...codes]),
  };
}

export async function metricScope(viewer: Viewer, unitCode: string, subtree: boolean): Promise<MetricScope> {
  const unit = await scopedUnit(unitCode, viewer);
  return subtree
    ? { unitCode, unitKind: unit.kind, where: 'starts_with(u.path, $scope)', param: unit.path }
    : { unitCode, unitKind: unit.kind, where: 'u.code = $scope', param: unit.code };
}
