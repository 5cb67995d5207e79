// The backup drill, as an operator runs it: back up, change, restore — the export equals the one
// before the change, the restore is in the audit log, and the analytical copy follows.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analytics } from '../../server/analytics.ts';
import { verifyAuditChain } from '../../server/audit/verify.ts';
import { exportDataset } from '../../server/dataset/export.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';
import { forgetTokens, gql, gqlOk, tokenFor } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';
import { runScript } from '../helpers/server.ts';

const exported = async () => {
  const file = tempFile('export.json');
  await exportDataset(db, file);
  return fs.readFileSync(file, 'utf8');
};
const pool = async () =>
  (
    await gqlOk<{ poolStructure: { total: number } }>(
      '{ poolStructure(unitCode: "C01", asOf: "2026-11-21") { total } }',
    )
  ).poolStructure.total;

describe(`backup and restore (${dbConfig.provider})`, () => {
  it('gives back exactly what was backed up', async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    await decide('R01', { unitCode: 'A', heldOn: '2026-10-30', subject: 'REMOVAL' });
    const before = await exported();
    expect(await pool()).toBe(4);
    const old = await tokenFor('ADMIN', null);
    const file = tempFile(dbConfig.provider === 'sqlite' ? 'backup.db' : 'backup.dump');
    const backedUp = runScript('scripts/db-backup.ts', [file], { DATABASE_URL: process.env.DATABASE_URL! });
    expect(backedUp.status, backedUp.stderr).toBe(0);
    // Personal data: the file is its owner's alone.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    await gqlOk(
      'mutation { transitionReserve(input: { reserveId: "R01", to: REMOVED, on: "2026-11-01", reason: "调离" }) { status } }',
    );
    expect(await pool()).toBe(3);
    expect(await exported()).not.toBe(before);
    // A token revoked after the backup…
    await db.apiToken.updateMany({ data: { revokedAt: new Date() } });

    await db.$disconnect(); // an operator stops the server before restoring
    const restored = runScript('scripts/db-restore.ts', [file], { DATABASE_URL: process.env.DATABASE_URL! });
    expect(restored.status, restored.stderr).toBe(0);
    expect(await exported()).toBe(before);
    // … does not come back with the backup: every session and token issued before the restore
    // has ended; a new sign-in is needed.
    const refused = await gql(
      '{ me { username } }',
      {},
      { anonymous: true, headers: { authorization: `Bearer ${old}` } },
    );
    expect(refused.data?.me ?? null).toBeNull();
    expect(await db.apiToken.count({ where: { revokedAt: null } })).toBe(0);
    forgetTokens();
    // The copy reloads (the data version moved past the restore) and the restore is audited.
    expect(await pool()).toBe(4);
    expect((await analytics()).version).toBe((await db.changeLog.aggregate({ _max: { seq: true } }))._max.seq);
    expect(await db.auditLog.count({ where: { action: 'database.restore' } })).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
