// Checks the audit log's hash chain from the first record: sequence numbers without gaps, each
// record's prevHash the hash of the one before, each hash recomputed from the record's fields,
// and the chain's head (AuditHead) at the last record. Names the first record that does not fit.
import type { Db } from '../db/client.ts';
import { auditHash, GENESIS } from './chain.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first record that does not fit, and why. */
  broken?: { seq: number; id: number | null; reason: string };
}

const BATCH = 5000;

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
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
      const hash = auditHash(prevHash, {
        seq,
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityCode: r.entityCode,
        detail: r.detail,
        requestId: r.requestId,
      });
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
