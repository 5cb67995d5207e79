// Reads the stored policy versions (PolicyVersion rows) in force at a date; the overlaying is
// pure domain code (domain/policy/effective.ts).

import { toDate } from '../../domain/dates.ts';
import type { UnitKind } from '../../domain/enums.ts';
import {
  type EffectivePolicy,
  latestVersions,
  type PoliciesAt,
  policiesAt,
  policyFor,
  type VersionsInForce,
} from '../../domain/policy/effective.ts';
import type { Db } from '../db/client.ts';

export async function versionsInForce(db: Db, asOf: string): Promise<VersionsInForce> {
  const rows = await db.policyVersion.findMany({
    where: { effectiveFrom: { lte: toDate(asOf) } },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }],
    select: { id: true, unitKind: true, overrides: true },
  });
  return latestVersions(rows);
}

export async function effectivePolicy(db: Db, unitKind: UnitKind | null, asOf: string): Promise<EffectivePolicy> {
  return policyFor(await versionsInForce(db, asOf), unitKind);
}

/** Every unit kind's policy at a date, read with one query. */
export async function readPoliciesAt(db: Db, asOf: string): Promise<PoliciesAt> {
  return policiesAt(await versionsInForce(db, asOf));
}
