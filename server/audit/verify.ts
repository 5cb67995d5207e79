// Checks the audit log's hash chain from the first record: sequence numbers without gaps, each
// record's prevHash the hash of the one before, each hash recomputed from the record's fields,
// and the chain's head (AuditHead) at the last record. Names the first record that does not fit.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, dbConfig } from '../db/client.ts';
import type { DatabaseConfig } from '../db/config.ts';
import { type AuditRecord, auditHash, GENESIS, unkeyedAuditHash } from './chain.ts';
import { appendAudit } from './log.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first record that does not fit, and why. */
  broken?: { seq: number; id: number | null; reason: string };
}

const BATCH = 5000;

type HashFn = (prevHash: string, r: AuditRecord) => string;

/** A stored row as the fields its hash covers. */
export function recordOf(r: Omit<AuditRecord, 'seq' | 'at'> & { seq: number | null; at: Date }): AuditRecord {
  return {
    seq: r.seq!,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityCode: r.entityCode,
    detail: r.detail,
    requestId: r.requestId,
  };
}

export async function verifyAuditChain(db: Db, hashOf: HashFn = auditHash): Promise<ChainReport> {
  const report = await verifyLinks(db, hashOf);
  if (!report.ok || hashOf !== auditHash) return report;
  return checkAnchors(db, report);
}

async function verifyLinks(db: Db, hashOf: HashFn): Promise<ChainReport> {
  let prevHash = GENESIS;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: { seq: { gte: expected } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const r of rows) {
      const seq = r.seq!;
      if (seq !== expected)
        return { ok: false, checked, broken: { seq: expected, id: null, reason: `record ${expected} is missing` } };
      if (r.prevHash !== prevHash)
        return {
          ok: false,
          checked,
          broken: { seq, id: r.id, reason: `record ${seq} does not follow record ${seq - 1} (its prevHash differs)` },
        };
      const hash = hashOf(prevHash, recordOf(r));
      if (hash !== r.hash)
        return {
          ok: false,
          checked,
          broken: { seq, id: r.id, reason: `record ${seq} was changed (its hash differs)` },
        };
      prevHash = hash;
      expected = seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if (!head || head.seq !== expected - 1 || head.hash !== prevHash) {
    const last = expected - 1;
    return {
      ok: false,
      checked,
      broken: {
        seq: (head?.seq ?? last) > last ? last + 1 : last,
        id: null,
        reason:
          (head?.seq ?? 0) > last
            ? `record ${last + 1} is missing (the chain ends at ${last}, its head says ${head?.seq})`
            : `the chain's head does not match record ${last}`,
      },
    };
  }
  return { ok: true, checked };
}

/**
 * Where the chain's head is written down outside the database, append-only (AUDIT_ANCHOR_FILE;
 * by default beside the SQLite file, or data/audit-anchors-<database>.log for PostgreSQL): at
 * every backup, at start and daily. Cutting records off
 * the end of the log and moving the head back passes the chain itself, not its anchors.
 */
export const AUDIT_ANCHOR_FILE = () => process.env.AUDIT_ANCHOR_FILE ?? defaultAnchorFile(dbConfig);

/** Beside the SQLite file; for PostgreSQL, under data/ by the database's name. */
function defaultAnchorFile(config: DatabaseConfig): string {
  if (config.provider === 'sqlite' && config.file) return `${config.file}.audit-anchors`;
  const name = new URL(config.url).pathname.slice(1) || 'postgres';
  return path.resolve('data', `audit-anchors-${name.replace(/[^\w.-]/g, '_')}.log`);
}

interface Anchor {
  at: string;
  seq: number;
  hash: string;
  why: string;
  /** Written after a restore: the heads written down before it belonged to the log replaced. */
  restore?: true;
}

/** Appends the chain's head to the anchor file; returns it (nothing when the log is empty). */
export async function anchorAuditHead(
  db: Db,
  why: string,
  options: { restore?: boolean } = {},
): Promise<Anchor | null> {
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if (!head || head.seq === 0) return null;
  const anchor: Anchor = {
    at: new Date().toISOString(),
    seq: head.seq,
    hash: head.hash,
    why,
    ...(options.restore ? { restore: true as const } : {}),
  };
  const file = AUDIT_ANCHOR_FILE();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}

async function checkAnchors(db: Db, report: ChainReport): Promise<ChainReport> {
  const file = AUDIT_ANCHOR_FILE();
  if (!fs.existsSync(file)) return report;
  const anchors = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Anchor);
  const since = anchors.findLastIndex((a) => a.restore);
  for (const a of anchors.slice(Math.max(0, since))) {
    const record = await db.auditLog.findFirst({ where: { seq: a.seq }, select: { id: true, hash: true } });
    if (!record)
      return {
        ok: false,
        checked: report.checked,
        broken: {
          seq: a.seq,
          id: null,
          reason: `record ${a.seq} is missing: the log ends at ${report.checked}, but it held ${a.seq} records on ${a.at} (${a.why})`,
        },
      };
    if (record.hash !== a.hash)
      return {
        ok: false,
        checked: report.checked,
        broken: {
          seq: a.seq,
          id: record.id,
          reason: `record ${a.seq} differs from what was written down on ${a.at} (${a.why})`,
        },
      };
  }
  return report;
}

/**
 * A chain written before the log had a key (plain SHA-256) is verified as it was, then every
 * hash is computed again under the key, in one transaction, and the re-keying is recorded.
 * Returns what it did; an old chain that does not verify is left as it is (audit:verify names
 * where it breaks).
 */
export async function rekeyUnkeyedChain(db: Db): Promise<string> {
  const first = await db.auditLog.findFirst({ where: { seq: 1 } });
  if (!first) return 'the audit log is empty';
  if (first.hash !== unkeyedAuditHash(GENESIS, recordOf(first))) return 'the audit log is keyed';
  const old = await verifyLinks(db, unkeyedAuditHash);
  if (!old.ok) return `the audit log (before keys) is broken at record ${old.broken!.seq}; not re-keyed`;
  await db.$transaction(
    async (tx) => {
      let prevHash = GENESIS;
      for (let from = 1; ; from += 5000) {
        const rows = await tx.auditLog.findMany({
          where: { seq: { gte: from, lt: from + 5000 } },
          orderBy: { seq: 'asc' },
        });
        for (const r of rows) {
          const hash = auditHash(prevHash, recordOf(r));
          await tx.auditLog.update({ where: { id: r.id }, data: { prevHash, hash } });
          prevHash = hash;
        }
        if (rows.length < 5000) break;
      }
      await tx.auditHead.update({ where: { id: 1 }, data: { hash: prevHash } });
      await appendAudit(tx, {
        actor: 'system',
        action: 'audit.rekey',
        entity: 'AuditLog',
        detail: { records: old.checked },
      });
    },
    { timeout: 600_000 },
  );
  return `re-keyed the audit log (${old.checked} records)`;
}
