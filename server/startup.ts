// What `npm start` does before serving: load the demo dataset into an empty database, and create
// the first administrator when there is no account.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { todayIso } from '../domain/dates.ts';
import { createUser } from './auth/accounts.ts';
import { importDataset } from './dataset/import.ts';
import { generateDataset, generateProcedure } from './dataset/synthetic.ts';
import { writeDataset } from './dataset/write.ts';
import type { Db } from './db/client.ts';
import type { DatabaseConfig } from './db/config.ts';

export const DEMO = { scale: 'city', seed: 20260701 } as const;

/** Who the demo's records say wrote them (the history of every entry shows it): 演示数据. */
export const DEMO_ACTOR = '演示数据';

/**
 * Loads the city-scale demo dataset when the database holds no unit; says what it did. The data
 * describes the day it is loaded (ages, pool periods, the last 12 months' talks, notices open
 * now), with the selection procedure's records of the entries in procedure beside it.
 */
export async function loadDemoIfEmpty(db: Db, config: DatabaseConfig): Promise<string> {
  if ((await db.unit.count()) > 0) return 'database has data; demo not loaded';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'demo-')), 'demo.json');
  const refDate = todayIso();
  const data = generateDataset({ scale: DEMO.scale, seed: DEMO.seed, refDate });
  writeDataset(file, data);
  const procedure = generateProcedure(data, { seed: DEMO.seed, refDate });
  const counts = await importDataset(db, config, { file }, { actor: DEMO_ACTOR, procedure });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return `loaded the demo dataset (${DEMO.scale}, seed ${DEMO.seed}, as of ${refDate}): ${counts.people} people, ${counts.reserves} reserve entries`;
}

/** Where the first administrator's password is written (readable by the owner only). */
export const ADMIN_PASSWORD_FILE = process.env.ADMIN_PASSWORD_FILE ?? path.resolve('data', 'admin-password.txt');

/**
 * On a database with no account: creates the administrator `admin` (the whole tree) with a
 * random password, written to a file only the owner can read (never to the log). Says what it did.
 */
export async function ensureAdministrator(db: Db): Promise<string> {
  if ((await db.user.count()) > 0) return 'accounts exist; no administrator created';
  const password = randomBytes(18).toString('base64url');
  try {
    await createUser(db, { username: 'admin', password, role: 'ADMIN', unitCode: null }, 'system');
  } catch (error) {
    // Two servers starting on one empty database: one of them creates it.
    if ((error as { code?: string }).code === 'P2002' || (error as { code?: string }).code === 'CONFLICT')
      return 'another process created the administrator';
    throw error;
  }
  fs.mkdirSync(path.dirname(ADMIN_PASSWORD_FILE), { recursive: true });
  fs.writeFileSync(ADMIN_PASSWORD_FILE, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(ADMIN_PASSWORD_FILE, 0o600);
  // The password itself is never printed: the start log is kept and read by others (journald,
  // a container's log); the file is readable by the owner only.
  return `created the administrator "admin"; its password is in ${ADMIN_PASSWORD_FILE} (readable only by you)`;
}
