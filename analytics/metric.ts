// The one input every metric takes: the copy to read, the units in scope, the reference date, and
// the policies in force at that date (read once per request by the server).
import type { PoliciesAt } from '../domain/policy/effective.ts';
import type { AnalyticsCopy } from './copy.ts';
import type { MetricScope } from './scope.ts';

export interface MetricInput {
  copy: AnalyticsCopy;
  scope: MetricScope;
  /** `YYYY-MM-DD`. */
  asOf: string;
  policies: PoliciesAt;
}

/** A share with an empty denominator is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Counts come back from DuckDB as bigint; the API speaks Int. */
export function int(value: unknown): number {
  return Number(value ?? 0);
}

/**
 * A metric's answer kept per data version, scope, date, stored policy versions and arguments
 * (AnalyticsCopy.cached): the dashboard's repeated requests reuse it until the next change.
 * The answer is shared: callers must not change it.
 */
export function kept<T>(input: MetricInput, name: string, args: unknown, compute: () => Promise<T>): Promise<T> {
  const { copy, scope, asOf, policies } = input;
  return copy.cached(`${name}|${scope.key}|${asOf}|${policies.versions.join(',')}|${JSON.stringify(args)}`, compute);
}
