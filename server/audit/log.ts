// Appends to the audit log inside the caller's transaction: the change and its record commit
// together or not at all. The head row (AuditHead, id 1) is updated first, which locks it until
// commit, so appends from concurrent writers — other processes too — chain one after another.
import type { BulkSession, ColumnType } from '../db/bulk.ts';
import type { Db } from '../db/client.ts';
import { type AuditRecord, auditHash } from './chain.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityCode?: string | null;
  /** What changed: before and after, counts, the reason of a refusal… (stored as JSON). */
  detail?: unknown;
  requestId?: string | null;
}

type Tx = Pick<Db, 'auditHead' | 'auditLog'>;

function record(seq: number, at: Date, e: AuditEntry): AuditRecord {
  return {
    seq,
    at: at.toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityCode: e.entityCode ?? null,
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    requestId: e.requestId ?? null,
  };
}

export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const head = await tx.auditHead.update({ where: { id: 1 }, data: { seq: { increment: 1 } } });
  const r = record(head.seq, new Date(), entry);
  const hash = auditHash(head.hash, r);
  await tx.auditLog.create({ data: { ...r, at: new Date(r.at), prevHash: head.hash, hash } });
  await tx.auditHead.update({ where: { id: 1 }, data: { hash } });
}

/** The same append through a bulk session's transaction (the importer writes outside Prisma). */
export async function appendAuditRaw(session: BulkSession, entry: AuditEntry): Promise<void> {
  const head = await session.returning(
    'UPDATE "AuditHead" SET "seq" = "seq" + 1 WHERE "id" = 1 RETURNING "seq", "hash"',
    [],
  );
  const prevHash = String(head.hash);
  const r = record(Number(head.seq), new Date(), entry);
  const hash = auditHash(prevHash, r);
  await session.insert('AuditLog', AUDIT_COLUMNS, [
    [r.seq, r.at, r.actor, r.action, r.entity, r.entityCode, r.detail, r.requestId, prevHash, hash],
  ]);
  await session.exec('UPDATE "AuditHead" SET "hash" = $1 WHERE "id" = 1', [hash]);
}

const AUDIT_COLUMNS: [string, ColumnType][] = [
  ['seq', 'int'],
  ['at', 'timestamp'],
  ['actor', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entityCode', 'text'],
  ['detail', 'text'],
  ['requestId', 'text'],
  ['prevHash', 'text'],
  ['hash', 'text'],
];
