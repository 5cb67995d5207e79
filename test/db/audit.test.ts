// The audit log: every change writes a record in its own transaction, chained by hashes;
// `verifyAuditChain` (npm run audit:verify) passes on an untouched log and names the first
// record after a hand edit, a deletion or a removed tail.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify.ts';
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
});
