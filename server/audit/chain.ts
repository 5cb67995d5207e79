// The audit log's chain: each record's hash is an HMAC-SHA-256, under a key kept outside the
// database, over the previous record's hash and the record's own fields in a fixed order.
// Changing, removing or reordering a record breaks the chain from there on, and someone who can
// write to the database and run this project's code but cannot read the key cannot forge a chain
// that passes (`npm run audit:verify` names the first record that does not fit). The key is a
// file (AUDIT_KEY_FILE, default data/audit-key), created with 32 random bytes on first use,
// readable by its owner only, and in no backup or export: back it up separately
// (docs/decisions/026). A chain written before keys (plain SHA-256) is re-keyed once at start,
// after it has been verified.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

/** Where the chain's key is kept (outside the database). */
export const AUDIT_KEY_FILE = () => process.env.AUDIT_KEY_FILE ?? path.resolve('data', 'audit-key');

let key: Buffer | undefined;

/** The chain's key: read from its file, or created there (owner-only) on first use. */
export function auditKey(): Buffer {
  if (key) return key;
  const file = AUDIT_KEY_FILE();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`the audit key at ${file} is not 64 hexadecimal digits`);
  key = Buffer.from(text, 'hex');
  return key;
}

const fieldsOf = (prevHash: string, r: AuditRecord) =>
  // JSON of the list: unambiguous separators, null distinct from "null".
  JSON.stringify([prevHash, r.seq, r.at, r.actor, r.action, r.entity, r.entityCode, r.detail, r.requestId]);

export function auditHash(prevHash: string, r: AuditRecord): string {
  return createHmac('sha256', auditKey()).update(fieldsOf(prevHash, r)).digest('hex');
}

/** The hash of the chain before keys (plain SHA-256): recognised only to re-key an old chain. */
export function unkeyedAuditHash(prevHash: string, r: AuditRecord): string {
  return createHash('sha256').update(fieldsOf(prevHash, r)).digest('hex');
}

/** SHA-256 of a file's or text's bytes, for the import's audit record. */
export function contentHash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
