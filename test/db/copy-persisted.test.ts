// The persisted analytical copy (docs/decisions/046), on the small fixture: a copy opened from
// the folder it wrote holds the same rows without loading again; changes written while it was
// closed are applied on opening; a copy too far behind (a whole import) answers from its file
// while it is loaded again; a file of another database, of another layout, or cut short is never
// served; and a folder one process holds leaves another with a copy in memory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsCopy, type CopyOptions } from '../../analytics/copy.ts';
import { CopyFolder } from '../../analytics/copy-file.ts';
import { copySource } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { recordChange } from '../../server/db/changes.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { until } from '../helpers/wait.ts';

const open: AnalyticsCopy[] = [];
const logged: string[] = [];
let folder: string;

async function openCopy(options: Partial<CopyOptions> = {}): Promise<AnalyticsCopy> {
  const copy = await AnalyticsCopy.open(
    { open: copySource(dbConfig).open },
    { folder, log: (m) => logged.push(m), retryMs: 50, ...options },
  );
  open.push(copy);
  return copy;
}

async function close(copy: AnalyticsCopy): Promise<void> {
  await copy.close();
  open.splice(open.indexOf(copy), 1);
}

/** Active entries in all. */
const total = (rows: number[][]) => rows.reduce((sum, [, n]) => sum + (n ?? 0), 0);

/** Active entries per unit, as the copy holds them. */
const active = async (copy: AnalyticsCopy) =>
  (
    await copy.query<{ unit_id: number; n: number }>(
      "SELECT unit_id, CAST(count(*) AS INTEGER) AS n FROM reserves WHERE status = 'ACTIVE' GROUP BY unit_id ORDER BY unit_id",
    )
  ).map((r) => [r.unit_id, r.n]);

describe('the persisted analytical copy', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  afterEach(async () => {
    for (const copy of [...open]) await close(copy);
    logged.length = 0;
  });

  it('opens the file it wrote at its data version, without loading again', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-copy-'));
    const first = await openCopy();
    expect(first.reloads).toBe(1);
    const rows = await active(first);
    // The small fixture: R01, R03, R05 and R06 active, in three units.
    expect(total(rows)).toBe(4);
    const version = first.version;
    await close(first);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);

    const again = await openCopy();
    expect(again.reloads).toBe(0);
    expect(again.version).toBe(version);
    expect(await active(again)).toEqual(rows);
  });

  it('applies on opening the changes written while it was closed (another process, a CLI)', async () => {
    const before = await openCopy();
    const version = before.version;
    await close(before);
    // R03 leaves the pool while no copy is open.
    await db.reserveEntry.update({
      where: { code: 'R03' },
      data: { status: 'REMOVED', exitedOn: new Date('2026-11-01T00:00:00Z'), exitReason: '调整' },
    });
    await recordChange(db, { entity: 'ReserveEntry', keys: ['R03'] });

    const after = await openCopy();
    expect(after.reloads).toBe(0);
    expect(after.refreshes).toBe(1);
    expect(after.version).toBe(version + 1);
    expect(total(await active(after))).toBe(3);
    await close(after);
    // And the file holds it: the next opening has nothing to apply.
    const next = await openCopy();
    expect([next.reloads, next.refreshes, next.version]).toEqual([0, 0, version + 1]);
    expect(total(await active(next))).toBe(3);
  });

  it('answers from its file while a copy too far behind (a whole import) is loaded again', async () => {
    const before = await openCopy();
    await close(before);
    // A replacing import while it is closed: every entry of R01's unit gone but R01.
    const data = smallDataset();
    data.reserves = data.reserves.filter((r) => r.id !== 'R05' && r.id !== 'R06');
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true });

    const copy = await openCopy();
    // Opened at once from the file: the old rows, while it loads again.
    expect(copy.reloads).toBe(0);
    expect(copy.state.status).toBe('stale');
    expect(total(await active(copy))).toBe(3);
    expect(logged.some((m) => m.includes('loading it again in the background'))).toBe(true);
    await until(() => copy.state.status === 'ready');
    expect(copy.reloads).toBe(1);
    // R01 and R03 (the import restored R03 as the fixture has it).
    expect(total(await active(copy))).toBe(2);
    // One file left: the old one deleted once the new one is named.
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);
  });

  it('never serves a file of another database, of another layout, or cut short', async () => {
    const copy = await openCopy();
    const rows = await active(copy);
    await close(copy);
    // Another database's file: its stamp names a change this log does not have at that time.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const tamper = async (sql: string) => {
      const instance = await DuckDBInstance.create(new CopyFolder(folder).current()!);
      const c = await instance.connect();
      await c.run(sql);
      c.closeSync();
      instance.closeSync();
    };
    await tamper(`UPDATE _copy_stamp SET change_at = '1999-01-01 00:00:00'`);
    const other = await openCopy();
    expect(other.reloads).toBe(1);
    expect(logged.some((m) => m.includes('is not this database’s') || m.includes("is not this database's"))).toBe(true);
    expect(await active(other)).toEqual(rows);
    await close(other);

    // Another release's layout.
    await tamper(`UPDATE _copy_stamp SET layout = '0000000000000000'`);
    const layout = await openCopy();
    expect(layout.reloads).toBe(1);
    await close(layout);

    // A file cut short: not a database at all. And a load that never finished, named by nothing.
    fs.writeFileSync(new CopyFolder(folder).current()!, 'half a copy');
    // (Its process is gone: a live one's load is left to it.)
    const gone = spawnSync('true').pid;
    const unfinished = path.join(folder, `copy-unfinished-${gone}.duckdb`);
    fs.writeFileSync(unfinished, 'partial');
    const rebuilt = await openCopy();
    expect(rebuilt.reloads).toBe(1);
    expect(await active(rebuilt)).toEqual(rows);
    expect(fs.existsSync(unfinished)).toBe(false);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);
  });

  it('keeps a copy in memory where another copy or another process holds the folder’s file', async () => {
    const holder = await openCopy();
    const second = await openCopy();
    expect(second.reloads).toBe(1);
    expect(await active(second)).toEqual(await active(holder));
    expect(logged.some((m) => m.includes('is held by another copy'))).toBe(true);
    // The holder's file is untouched: it opens again without loading.
    await close(second);
    await close(holder);
    const again = await openCopy();
    expect(again.reloads).toBe(0);
    const rows = await active(again);
    await close(again);

    // Another process (a second server on the database) holds the file: DuckDB's lock.
    const file = new CopyFolder(folder).current()!;
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const i = await DuckDBInstance.create(${JSON.stringify(file)});
         await i.connect();
         console.log('holding');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
        child.on('exit', () => reject(new Error('the holder exited')));
      });
      const beside = await openCopy();
      expect(beside.reloads).toBe(1);
      expect(logged.some((m) => m.includes('is held by another process'))).toBe(true);
      expect(await active(beside)).toEqual(rows);
      await close(beside);
    } finally {
      child.kill();
    }
    // The folder's copy is still there and whole.
    await new Promise((r) => child.once('exit', r));
    expect(new CopyFolder(folder).current()).toBe(file);
  });
});
