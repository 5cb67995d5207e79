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

export async function effectivePolicy(db: Db, unitKind: UnitKind | null, asOf: string): Promise<EffectivePolicy> {
  const on = toDate(asOf);
  const latest = (kind: UnitKind | null) =>
    db.policyVersion.findFirst({
      where: { unitKind: kind, effectiveFrom: { lte: on } },
      orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }],
    });
  let policy = DEFAULT_POLICY;
  const versions: number[] = [];
  for (const v of [await latest(null), unitKind ? await latest(unitKind) : null]) {
    if (!v) continue;
    policy = overlay(policy, JSON.parse(v.overrides));
    versions.push(v.id);
  }
  return { policy, versions };
}
