// The policy numbers metrics need, per unit kind, as a SQL table (a VALUES list): metric SQL
// joins a unit's kind to its row and never spells a policy number itself.
import type { Db } from '../server/db/client.ts';
import { UNIT_KINDS, type UnitKind } from '../server/domain/enums.ts';
import type { Policy } from '../server/policy/defaults.ts';
import { policyFor, versionsInForce } from '../server/policy/effective.ts';

export interface PoliciesAt {
  byKind: Record<UnitKind, Policy>;
  /** Stored versions applied to any kind; empty: the defaults. */
  versions: number[];
}

export async function policiesAt(db: Db, asOf: string): Promise<PoliciesAt> {
  const byKind = {} as Record<UnitKind, Policy>;
  const versions = new Set<number>();
  const inForce = await versionsInForce(db, asOf);
  for (const kind of UNIT_KINDS) {
    const effective = policyFor(inForce, kind);
    byKind[kind] = effective.policy;
    for (const v of effective.versions) versions.add(v);
  }
  return { byKind, versions: [...versions].sort((a, b) => a - b) };
}

const COLUMNS: [string, (p: Policy) => number][] = [
  ['principal_ratio', (p) => p.reserveRatio.PRINCIPAL],
  ['deputy_ratio', (p) => p.reserveRatio.DEPUTY],
  ['principal_age_limit', (p) => p.ageLimit.PRINCIPAL],
  ['deputy_age_limit', (p) => p.ageLimit.DEPUTY],
  ['management_years', (p) => p.managementPeriodYears],
  ['cultivation_years', (p) => p.minCultivationYears],
  ['retirement_age', (p) => p.retirementAge],
  ['min_trainings', (p) => p.training.minCentralizedTrainings],
  ['min_training_days', (p) => p.training.minCentralizedDays],
  ['special_share', (p) => p.specialStructureShare],
  ['near_term_share', (p) => p.nearTermShare],
  ['bachelor_share', (p) => p.bachelorShare],
  ['principal_band_from', (p) => p.ageBands.PRINCIPAL.from],
  ['principal_band_to', (p) => p.ageBands.PRINCIPAL.to],
  ['principal_band_share', (p) => p.ageBands.PRINCIPAL.share],
  ['principal_young_under', (p) => p.ageBands.PRINCIPAL.youngUnder],
  ['deputy_band_from', (p) => p.ageBands.DEPUTY.from],
  ['deputy_band_to', (p) => p.ageBands.DEPUTY.to],
  ['deputy_band_share', (p) => p.ageBands.DEPUTY.share],
  ['deputy_young_under', (p) => p.ageBands.DEPUTY.youngUnder],
  ['training_coverage', (p) => p.reserveTrainingCoverage],
  ['cadre_training_rate', (p) => p.training.cadreTrainingRate],
  ['tolerance', (p) => p.complianceWarningTolerance],
  ['alert_window_days', (p) => p.alertWindowDays],
  ['incompetent_share_limit', (p) => p.elimination.incompetentVoteShare],
  ['low_percentile', (p) => p.elimination.lowPercentile],
  ['low_percentile_years', (p) => p.elimination.lowPercentileYears],
  ['mentors_per_reserve', (p) => p.mentorsPerReserve],
  ['leadership_talks', (p) => p.talksPerYear.LEADERSHIP],
  ['hr_talks', (p) => p.talksPerYear.HR],
];

/** `pol(unit_kind, principal_ratio, …)` for a WITH clause. */
export function policyCte(policies: PoliciesAt): string {
  const num = (n: number) => {
    if (!Number.isFinite(n)) throw new Error(`policy number ${n} is not finite`);
    return String(n);
  };
  const rows = UNIT_KINDS.map(
    (kind) => `('${kind}', ${COLUMNS.map(([, get]) => num(get(policies.byKind[kind]))).join(', ')})`,
  );
  return `pol(unit_kind, ${COLUMNS.map(([c]) => c).join(', ')}) AS (VALUES ${rows.join(', ')})`;
}
