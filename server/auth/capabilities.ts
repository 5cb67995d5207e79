// What each role may do beyond reading its subtree (docs/decisions/013), defined once: the
// GraphQL fields take their access rule from here (`scopeOf`), and `me.capabilities` tells the
// dashboard which actions to offer.
import type { Role } from '../../domain/enums.ts';

interface Capability {
  roles: readonly Role[];
  /** Only an account of the whole tree (no unit). */
  wholeTree: boolean;
}

export const CAPABILITIES = {
  /** Move entries along their lifecycle. */
  KEEP_RESERVES: { roles: ['ORG_OFFICER', 'ADMIN'], wholeTree: false },
  /**
   * Read personal data beyond the analytics (identity numbers, photos, family members) and
   * exchange 干部任免审批表 files, which carry it; every read and export is audited.
   */
  READ_PERSONAL: { roles: ['ORG_OFFICER', 'ADMIN'], wholeTree: false },
  /** Save and archive planning scenarios. */
  SAVE_SCENARIOS: { roles: ['PLANNER', 'ADMIN'], wholeTree: false },
  /** Import a dataset (the whole organization's data). */
  IMPORT_DATASET: { roles: ['ADMIN'], wholeTree: true },
  /** Record a policy version. */
  SET_POLICY: { roles: ['ADMIN'], wholeTree: true },
  /** Create accounts and manage API tokens of the subtree. */
  MANAGE_ACCOUNTS: { roles: ['ADMIN'], wholeTree: false },
  /** Read the audit log. */
  READ_AUDIT: { roles: ['ADMIN'], wholeTree: true },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as CapabilityName[];

/** The auth scopes (server/builder.ts) of a field that needs this capability. */
export function scopeOf(name: CapabilityName) {
  const { roles, wholeTree } = CAPABILITIES[name] as Capability;
  return wholeTree ? { $all: { role: [...roles], wholeTree: true } } : { role: [...roles] };
}

/** What an account with this role and unit (null: the whole tree) may do. */
export function capabilitiesOf(role: Role, unitCode: string | null): CapabilityName[] {
  return CAPABILITY_NAMES.filter((name) => {
    const c = CAPABILITIES[name] as Capability;
    return c.roles.includes(role) && (!c.wholeTree || unitCode === null);
  });
}
