// The audit log's hash chain: each record's hash is SHA-256 over the previous record's hash and
// the record's own fields, in a fixed order. Changing, removing or reordering a record breaks the
// chain from there on; `npm run audit:verify` names the first record that does not fit.
import { createHash } from 'node:crypto';

export const GENESIS = 'genesis';

export interface AuditRecord {
  seq: number;
  /** ISO-8601 instant, millisecond precision (`Date.toISOString()`). */
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityCode: string | null;
  detail: string | null;
  requestId: string | null;
}

export function auditHash(prevHash: string, r: AuditRecord): string {
  const fields = [prevHash, r.seq, r.at, r.actor, r.action, r.entity, r.entityCode, r.detail, r.requestId];
  // JSON of the list: unambiguous separators, null distinct from "null".
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** SHA-256 of a file's or text's bytes, for the import's audit record. */
export function contentHash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
