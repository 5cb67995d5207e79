// server/audit/log.ts with an append that can be made to fail, to show that a write failing
// midway leaves nothing behind. In a test file:
//   vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));
//   import { failing } from '../helpers/failing-audit.ts';   … failing.audit = true;
import { vi } from 'vitest';

type AuditLog = typeof import('../../server/audit/log.ts');
const real = await vi.importActual<AuditLog>('../../server/audit/log.ts');

/** Set `audit` to make every audit append throw "injected failure". */
export const failing = { audit: false };

export const appendAudit: AuditLog['appendAudit'] = async (...args) => {
  if (failing.audit) throw new Error('injected failure');
  return real.appendAudit(...args);
};
export const appendAuditRaw = real.appendAuditRaw;
