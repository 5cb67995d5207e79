// domain.md's two succession definitions, used by the succession gaps and the compliance report
// (and, later, planning): one SQL text each, on any engine (dialect.ts), over the copy's
// yyyymmdd date columns. `end` is the horizon end E as a yyyymmdd integer expression; the
// policy's numbers come from the alias `pol`.

import { addYearsYmd, type Dialect, yearsBetween } from '../dialect.ts';

/**
 * A post (alias `p`) is an expected vacancy by E: no incumbent, or the incumbent reaches the
 * retirement age by E, or the term ends by E.
 */
export function expectedVacancySql(d: Dialect, end: string): string {
  return `(p.incumbent_id IS NULL OR ${yearsBetween(d, 'p.incumbent_birth_ymd', end)} >= pol.retirement_age OR p.term_ends_ymd <= ${end})`;
}

/**
 * An active entry (alias `r`) is ready by E: it stays to the horizon (age at E within its
 * kind's limit, management period ending after E), is NEAR_TERM, and its minimum cultivation
 * ends on or before E.
 */
export function readySql(d: Dialect, end: string): string {
  return `(r.tier = 'NEAR_TERM'
        AND ${yearsBetween(d, 'r.birth_ymd', end)} <= CASE r.kind WHEN 'PRINCIPAL' THEN pol.principal_age_limit ELSE pol.deputy_age_limit END
        AND ${addYearsYmd(d, 'r.entered_ymd', 'pol.management_years')} > ${end}
        AND ${addYearsYmd(d, 'r.entered_ymd', 'pol.cultivation_years')} <= ${end})`;
}
