// The policy in force for a unit kind at a date: the defaults, overlaid with the latest stored
// version for all kinds, then with the latest for that kind (each effective on or before `asOf`).
import type { Db } from '../db/client.ts';
import { toDate } from '../domain/dates.ts';
import type { UnitKind } from '../domain/enums.ts';
import { DEFAULT_POLICY, type Policy } from './defaults.ts';

type Json = Record<string, unknown>;

function overlay<T>(base: T, patch: unknown): T {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  const out: Json = { ...(base as Json) };
  for (const [k, v] of Object.entries(patch as Json)) {
    const b = (base as Json)[k];
    out[k] = b && typeof b === 'object' && !Array.isArray(b) ? overlay(b, v) : v;
  }
  return out as T;
}

export interface EffectivePolicy {
  policy: Policy;
  /** Ids of the stored versions applied, oldest first; empty: the defaults. */
  versions: number[];
}

/** The latest stored version in force at `asOf`, for all kinds (key null) and for each kind. */
export type VersionsInForce = Map<UnitKind | null, { id: number; overrides: string }>;

export async function versionsInForce(db: Db, asOf: string): Promise<VersionsInForce> {
  const rows = await db.policyVersion.findMany({
    where: { effectiveFrom: { lte: toDate(asOf) } },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }],
    select: { id: true, unitKind: true, overrides: true },
  });
  const latest: VersionsInForce = new Map();
  for (const row of rows) if (!latest.has(row.unitKind)) latest.set(row.unitKind, row);
  return latest;
}

/** The defaults overlaid with the version for all kinds, then with the one for `unitKind`. */
export function policyFor(inForce: VersionsInForce, unitKind: UnitKind | null): EffectivePolicy {
  let policy = DEFAULT_POLICY;
  const versions: number[] = [];
  for (const v of [inForce.get(null), unitKind ? inForce.get(unitKind) : undefined]) {
    if (!v) continue;
    policy = overlay(policy, JSON.parse(v.overrides));
    versions.push(v.id);
  }
  return { policy, versions };
}

export async function effectivePolicy(db: Db, unitKind: UnitKind | null, asOf: string): Promise<EffectivePolicy> {
  return policyFor(await versionsInForce(db, asOf), unitKind);
}
