// SQL pieces every metric family shares.

/** Entries in the pool at $asOf: entered on or before it and not exited by it (domain.md). */
export const ACTIVE_AT = `r.entered_on <= CAST($asOf AS DATE) AND (r.exited_on IS NULL OR r.exited_on > CAST($asOf AS DATE))`;

/** A share with an empty denominator is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Counts come back from DuckDB as bigint; the API speaks Int. */
export function int(value: unknown): number {
  return Number(value ?? 0);
}
