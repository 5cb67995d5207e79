// The policy in force for a unit kind: the defaults, overlaid with the latest stored version for
// all kinds, then with the latest for that kind. Pure: the stored versions are read by
// server/policy/store.ts and handed in.
import { UNIT_KINDS, type UnitKind } from '../enums.ts';
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

/** A stored policy version: overrides (JSON text) for one unit kind, or for all (null). */
export interface StoredVersion {
  id: number;
  unitKind: UnitKind | null;
  overrides: string;
}

/** The latest stored version in force at a date, for all kinds (key null) and for each kind. */
export type VersionsInForce = Map<UnitKind | null, StoredVersion>;

/** From versions effective on or before a date, newest first: the latest per key. */
export function latestVersions(newestFirst: StoredVersion[]): VersionsInForce {
  const latest: VersionsInForce = new Map();
  for (const row of newestFirst) if (!latest.has(row.unitKind)) latest.set(row.unitKind, row);
  return latest;
}

export interface EffectivePolicy {
  policy: Policy;
  /** Ids of the stored versions applied, oldest first; empty: the defaults. */
  versions: number[];
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

/** The policies of every unit kind at one date: what a metric request reads, once. */
export interface PoliciesAt {
  /** The policy for each unit kind. */
  byKind: Record<UnitKind, Policy>;
  /** The policy for all kinds (no kind's own overrides): for a scope that is not one unit. */
  common: Policy;
  /** Stored versions applied to any kind; empty: the defaults. */
  versions: number[];
}

export function policiesAt(inForce: VersionsInForce): PoliciesAt {
  const byKind = {} as Record<UnitKind, Policy>;
  const versions = new Set<number>();
  for (const kind of UNIT_KINDS) {
    const effective = policyFor(inForce, kind);
    byKind[kind] = effective.policy;
    for (const v of effective.versions) versions.add(v);
  }
  const common = policyFor(inForce, null);
  for (const v of common.versions) versions.add(v);
  return { byKind, common: common.policy, versions: [...versions].sort((a, b) => a - b) };
}

/** The policy for a unit kind, or the common one (null kind). */
export function policyOf(policies: PoliciesAt, unitKind: UnitKind | null): Policy {
  return unitKind ? policies.byKind[unitKind] : policies.common;
}
