// The audit log: every change writes a record in its own transaction, chained by hashes;
// `verifyAuditChain` (npm run audit:verify) passes on an untouched log and names the first
// record after a hand edit, a deletion or a removed tail.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KEY_FILE, type AuditRecord, GENESIS, unkeyedAuditHash } from '../../server/audit/chain.ts';
import { anchorAuditHead, recordOf, rekeyUnkeyedChain, verifyAuditChain } from '../../server/audit/verify.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

describe('the audit log', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    await gqlOk('{ me { username } }'); // makes the test account (its creation is audited too)
  });

  it('records each change with who, what, before and after, and the request', async () => {
    const moved = await gqlOk<{ transitionReserve: { status: string } }>(
      'mutation { transitionReserve(input: { reserveId: "R02", to: INSPECTING, on: "2026-10-01" }) { status } }',
    );
    expect(moved.transitionReserve.status).toBe('INSPECTING');
    const records = await gqlOk<{
      auditLog: { action: string; actor: string; entityCode: string; detail: unknown; requestId: string }[];
    }>('{ auditLog(first: 1, action: "reserve.transition") { action actor entityCode detail requestId } }');
    expect(records.auditLog[0]).toMatchObject({
      action: 'reserve.transition',
      actor: 'test-admin-all',
      entityCode: 'R02',
      detail: { before: { status: 'NOMINATED' }, after: { status: 'INSPECTING', on: '2026-10-01' } },
    });
    expect(records.auditLog[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // A failed sign-in is recorded too.
    await gql(
      'mutation { login(username: "test-admin-all", password: "wrong-password") { role } }',
      {},
      { anonymous: true },
    );
    expect(await db.auditLog.count({ where: { action: 'auth.login.failed' } })).toBe(1);
  });

  it('is readable only by administrators of the whole tree', async () => {
    const leader = await gql('{ auditLog { action } }', {}, { role: 'LEADER' });
    const unitAdmin = await gql('{ auditLog { action } }', {}, { role: 'ADMIN', viewerUnit: 'A' });
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unitAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stays one chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gqlOk(
          `mutation { setPolicy(input: { effectiveFrom: "2031-01-0${i + 1}", overrides: { alertWindowDays: ${30 + i} } }) { id } }`,
        ),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBe(await db.auditLog.count({ where: { seq: { not: null } } }));
  });

  it('names the first record after a hand edit, a deletion, or a removed tail', async () => {
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const second = await db.auditLog.findFirstOrThrow({ where: { seq: 2 } });
    await db.auditLog.update({ where: { id: second.id }, data: { detail: '{"forged":true}' } });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      broken: { seq: 2, reason: 'record 2 was changed (its hash differs)' },
    });
    await db.auditLog.update({ where: { id: second.id }, data: { detail: second.detail } });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const third = await db.auditLog.findFirstOrThrow({ where: { seq: 3 } });
    await db.auditLog.delete({ where: { id: third.id } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 3, reason: 'record 3 is missing' } });
    await db.auditLog.create({ data: third });

    const last = await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    await db.auditLog.delete({ where: { id: last.id } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: last.seq } });
    await db.auditLog.create({ data: last });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  /** Rewrites every hash from record `from` on with `hashOf`: what someone who can run code but lacks the key can do. */
  async function rechain(from: number, hashOf: (prev: string, r: AuditRecord) => string): Promise<void> {
    const rows = await db.auditLog.findMany({ orderBy: { seq: 'asc' } });
    let prev = GENESIS;
    for (const r of rows) {
      if (r.seq! >= from) {
        const hash = hashOf(prev, recordOf(r));
        await db.auditLog.update({ where: { id: r.id }, data: { prevHash: prev, hash } });
        prev = hash;
      } else prev = r.hash!;
    }
    await db.auditHead.update({ where: { id: 1 }, data: { hash: prev } });
  }

  it('cannot be forged without the key, which is a file only its owner reads', async () => {
    expect(fs.statSync(AUDIT_KEY_FILE()).mode & 0o777).toBe(0o600);
    const snapshot = await db.auditLog.findMany({ orderBy: { seq: 'asc' } });
    const head = await db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    const second = snapshot[1]!;
    await db.auditLog.update({ where: { id: second.id }, data: { detail: '{"forged":true}' } });
    // Recomputed with the project's own code as it was (plain SHA-256) …
    await rechain(2, unkeyedAuditHash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 2 } });
    // … or with a key of one's own.
    const other = randomBytes(32);
    await rechain(2, (prev, r) =>
      createHmac('sha256', other)
        .update(JSON.stringify([prev, r.seq, r.at, r.actor, r.action, r.entity, r.entityCode, r.detail, r.requestId]))
        .digest('hex'),
    );
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      broken: { seq: 2, reason: 'record 2 was changed (its hash differs)' },
    });
    // Put back as it was.
    for (const r of snapshot)
      await db.auditLog.update({ where: { id: r.id }, data: { detail: r.detail, prevHash: r.prevHash, hash: r.hash } });
    await db.auditHead.update({ where: { id: 1 }, data: { hash: head.hash } });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('catches a cut tail with the head moved back, from the heads written down outside the database', async () => {
    const anchor = await anchorAuditHead(db, 'test');
    expect(anchor).not.toBeNull();
    const rows = await db.auditLog.findMany({ orderBy: { seq: 'desc' }, take: 2 });
    const [last, before] = rows as [(typeof rows)[0], (typeof rows)[0]];
    // Cut the last record and set the head back to the one before: the chain itself is whole.
    await db.auditLog.delete({ where: { id: last.id } });
    await db.auditHead.update({ where: { id: 1 }, data: { seq: before.seq!, hash: before.hash! } });
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, broken: { seq: last.seq } });
    expect(report.broken!.reason).toMatch(
      new RegExp(
        `record ${last.seq} is missing: the log ends at ${before.seq}, but it held ${last.seq} records on .* \\(test\\)`,
      ),
    );
    await db.auditLog.create({ data: last });
    await db.auditHead.update({ where: { id: 1 }, data: { seq: last.seq!, hash: last.hash! } });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('re-keys a chain written before the key once, after verifying it', async () => {
    await rechain(1, unkeyedAuditHash);
    expect((await verifyAuditChain(db)).ok).toBe(false);
    const records = await db.auditLog.count();
    expect(await rekeyUnkeyedChain(db)).toBe(`re-keyed the audit log (${records} records)`);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: records + 1 });
    expect((await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).action).toBe('audit.rekey');
    expect(await rekeyUnkeyedChain(db)).toBe('the audit log is keyed');
  });
});
