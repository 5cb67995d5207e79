// SQL pieces every metric family shares.

/** An entry is in the pool at `at` when it entered on or before it and had not exited by it (domain.md). */
export function activeAt(entered: string, exited: string, at: string): string {
  return `${entered} <= ${at} AND (${exited} IS NULL OR ${exited} > ${at})`;
}

/** Entries (alias `r`) in the pool at $asOf. */
export const ACTIVE_AT = activeAt('r.entered_on', 'r.exited_on', 'CAST($asOf AS DATE)');

/** A share with an empty denominator is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Counts come back from DuckDB as bigint; the API speaks Int. */
export function int(value: unknown): number {
  return Number(value ?? 0);
}
