// Backup and restore of the operational database (docs/decisions/015-backup-and-restore.md).
// SQLite: the online backup API (a consistent copy while the server runs). PostgreSQL:
// pg_dump / pg_restore from Debian's PostgreSQL client packages, in a single transaction.
// A restore moves the data version past everything before it, so every analytical copy —
// of this process or another — reloads, and is itself recorded in the audit log.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { DatabaseConfig } from './config.ts';
import { openRaw, sqliteDatabase } from './raw.ts';

const run = promisify(execFile);

/** Backups hold personal data: readable and writable by their owner only, from their first byte. */
const BACKUP_MODE = 0o600;

export async function backup(config: DatabaseConfig, file: string): Promise<void> {
  // Created (or emptied) with the owner-only mode before anything is written into it: the
  // writers below keep an existing file's mode.
  fs.closeSync(fs.openSync(file, 'w', BACKUP_MODE));
  fs.chmodSync(file, BACKUP_MODE);
  if (config.provider === 'sqlite') {
    const db = sqliteDatabase(config, { readonly: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    return;
  }
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.url], { maxBuffer: 16 << 20 });
}

async function latestChange(config: DatabaseConfig): Promise<number> {
  const raw = await openRaw(config);
  try {
    return await latestChangeOf(raw);
  } finally {
    await raw.close();
  }
}

/** Replaces the database's content with the backup's. Stop writers first (the server included). */
export async function restore(config: DatabaseConfig, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  const before = await latestChange(config);
  if (config.provider === 'sqlite') {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(config.file!);
    } finally {
      source.close();
    }
  } else {
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.url}`, file],
      { maxBuffer: 16 << 20 },
    );
  }
  // The restored change log ends earlier than copies may have read: continue it past them.
  const raw = await openRaw(config);
  try {
    const next = Math.max(before, await latestChangeOf(raw)) + 1;
    await raw.exec(`INSERT INTO "ChangeLog" ("seq", "entity", "keys") VALUES (${next}, 'Dataset', NULL)`);
    // Every session and API token in the restored data was issued before this moment; some were
    // revoked after the backup was taken, and going back in time must not bring them back.
    // All of them end now: people sign in again and make new tokens.
    // (SQLite keeps dates as the text Prisma writes.)
    const now = config.provider === 'sqlite' ? `'${new Date().toISOString().replace('Z', '+00:00')}'` : 'now()';
    await raw.exec(`UPDATE "ApiToken" SET "revokedAt" = ${now} WHERE "revokedAt" IS NULL`);
    await raw.exec(`UPDATE "Session" SET "revokedAt" = ${now} WHERE "revokedAt" IS NULL`);
    if (config.provider === 'postgresql')
      await raw.exec(`SELECT setval(pg_get_serial_sequence('"ChangeLog"', 'seq'), ${next})`);
  } finally {
    await raw.close();
  }
}

async function latestChangeOf(raw: Awaited<ReturnType<typeof openRaw>>): Promise<number> {
  const [row] = await raw.all('SELECT coalesce(max(seq), 0) AS seq FROM "ChangeLog"');
  return Number(row?.seq ?? 0);
}
