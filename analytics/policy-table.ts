// The policy numbers metrics need, per unit kind, as a SQL table (a VALUES list named `pol`):
// metric SQL joins a unit's kind to its row and never spells a policy number itself. Every
// numeric setting of the policy is a column, named after its path ("ageLimit.PRINCIPAL" →
// age_limit_principal); the row with kind '*' is the policy common to all kinds.
import { UNIT_KINDS } from '../domain/enums.ts';
import { DEFAULT_POLICY, type Policy, type PolicyNumberPath, policyNumber } from '../domain/policy/defaults.ts';
import type { PoliciesAt } from '../domain/policy/effective.ts';

/** Every numeric setting's path, in the defaults' order. */
export const POLICY_NUMBERS: PolicyNumberPath[] = (() => {
  const out: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'number') out.push(prefix);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(DEFAULT_POLICY, '');
  return out as PolicyNumberPath[];
})();

/** The column of a setting: "ageLimit.PRINCIPAL" → age_limit_principal. */
export function policyColumn(path: PolicyNumberPath): string {
  return path
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The setting as a column of the policy row aliased `pol`. */
export function pol(path: PolicyNumberPath): string {
  return `pol.${policyColumn(path)}`;
}

/** A per-kind setting ("ageLimit" → ageLimit.PRINCIPAL or ageLimit.DEPUTY) for the row's kind column. */
export function polByKind(prefix: string, kindColumn: string, suffix = ''): string {
  const at = (kind: string) => pol(`${prefix}.${kind}${suffix}` as PolicyNumberPath);
  return `CASE ${kindColumn} WHEN 'PRINCIPAL' THEN ${at('PRINCIPAL')} ELSE ${at('DEPUTY')} END`;
}

function num(policy: Policy, path: PolicyNumberPath): string {
  const n = policyNumber(policy, path);
  if (!Number.isFinite(n)) throw new Error(`policy setting ${path} is ${n}, not a finite number`);
  return String(n);
}

/** `pol(unit_kind, …)` for a WITH clause: a row per unit kind, and '*' for the common policy. */
export function policyCte(policies: PoliciesAt): string {
  const row = (kind: string, policy: Policy) =>
    `('${kind}', ${POLICY_NUMBERS.map((path) => num(policy, path)).join(', ')})`;
  const rows = [...UNIT_KINDS.map((kind) => row(kind, policies.byKind[kind])), row('*', policies.common)];
  return `pol(unit_kind, ${POLICY_NUMBERS.map(policyColumn).join(', ')}) AS (VALUES ${rows.join(', ')})`;
}
