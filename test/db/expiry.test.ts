// Dynamic management: the expiry job takes an entry out when its management period ends (entered
// on + 3 years by default), dated that day, with the rule and the job named; it is idempotent,
// shows in every metric exactly from that date, and a failure midway leaves nothing behind.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readStored } from '../../domain/messages.ts';
import { exportDataset } from '../../server/dataset/export.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { EXPIRY_ACTOR, expireReserves } from '../../server/reserves/expiry.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const pool = async (asOf: string) =>
  (await gqlOk<{ poolStructure: { total: number } }>(`{ poolStructure(unitCode: "C01", asOf: "${asOf}") { total } }`))
    .poolStructure.total;

describe('the expiry job', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('expires nothing before a period ends', async () => {
    // Active: R01 (entered 2025-01-10), R03 (2024-03-01), R05 (2026-01-10), R06 (2025-09-01);
    // the first period to end is R03's, on 2027-03-01.
    expect((await expireReserves(db, '2027-02-28')).expired).toEqual([]);
  });

  it('changes nothing when it fails midway', async () => {
    failing.audit = true;
    await expect(expireReserves(db, '2027-03-01')).rejects.toThrow('injected failure');
    failing.audit = false;
    const r03 = await db.reserveEntry.findUniqueOrThrow({ where: { code: 'R03' }, include: { history: true } });
    expect(r03.status).toBe('ACTIVE');
    expect(r03.history.map((h) => h.to)).not.toContain('EXPIRED');
  });

  it('expires an entry on the day its period ends, saying why and by whom, and only once', async () => {
    const before = await pool('2027-02-28');
    const first = await expireReserves(db, '2027-03-01');
    expect(first.expired).toEqual([{ code: 'R03', on: '2027-03-01' }]);
    const r03 = await db.reserveEntry.findUniqueOrThrow({
      where: { code: 'R03' },
      include: { history: { orderBy: { id: 'asc' } } },
    });
    expect(r03.status).toBe('EXPIRED');
    expect(r03.exitedOn?.toISOString().slice(0, 10)).toBe('2027-03-01');
    // The reason is stored as a message, read in each reader's language.
    expect(readStored(r03.exitReason, 'zh-CN')).toBe('入库满 3 年，管理期届满');
    expect(readStored(r03.exitReason, 'en')).toBe('management period of 3 years ended');
    expect(r03.history.at(-1)).toMatchObject({ from: 'ACTIVE', to: 'EXPIRED', actor: EXPIRY_ACTOR });
    const audit = await db.auditLog.findFirst({ where: { action: 'reserve.expire' }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(audit!.detail!)).toEqual({ asOf: '2027-03-01', expired: [{ code: 'R03', on: '2027-03-01' }] });
    // Idempotent: the same run again, and a later one before the next period ends, do nothing.
    expect((await expireReserves(db, '2027-03-01')).expired).toEqual([]);
    expect((await expireReserves(db, '2028-01-09')).expired).toEqual([]);
    // Every metric sees it from that day: in the pool the day before, out on the day.
    expect(await pool('2027-02-28')).toBe(before);
    expect(await pool('2027-03-01')).toBe(before - 1);
  });

  it('expires several at once when a late run finds them', async () => {
    // By 2029-01-10 the periods of R01 (2028-01-10), R06 (2028-09-01) and R05 (2029-01-10) ended.
    const r = await expireReserves(db, '2029-01-10');
    expect(r.expired).toEqual([
      { code: 'R01', on: '2028-01-10' },
      { code: 'R05', on: '2029-01-10' },
      { code: 'R06', on: '2028-09-01' },
    ]);
    expect(await db.reserveEntry.count({ where: { status: 'ACTIVE' } })).toBe(0);
  });

  it('keeps the reasons it wrote through an export and an import, still read in each language', async () => {
    const reasons = async () =>
      (await db.reserveEntry.findMany({ where: { status: 'EXPIRED' }, orderBy: { code: 'asc' } })).map((e) => [
        e.code,
        e.exitReason,
      ]);
    const before = await reasons();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'expiry-')), 'export.json');
    await exportDataset(db, file);
    await importDataset(db, dbConfig, { file }, { replace: true });
    expect(await reasons()).toEqual(before);
    const { reserve } = await gqlOk<{ reserve: { exitReason: string } }>('{ reserve(id: "R05") { exitReason } }');
    expect(reserve.exitReason).toBe('management period of 3 years ended');
  });
});
