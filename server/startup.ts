// What `npm start` does before serving: migrate, and load the demo dataset into an empty database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDataset } from './dataset/import.ts';
import { generateDataset } from './dataset/synthetic.ts';
import { writeDataset } from './dataset/write.ts';
import type { Db } from './db/client.ts';
import type { DatabaseConfig } from './db/config.ts';

export const DEMO = { scale: 'city', seed: 20260701 } as const;

/** Loads the city-scale demo dataset when the database holds no unit; says what it did. */
export async function loadDemoIfEmpty(db: Db, config: DatabaseConfig): Promise<string> {
  if ((await db.unit.count()) > 0) return 'database has data; demo not loaded';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'demo-')), 'demo.json');
  const data = generateDataset({ scale: DEMO.scale, seed: DEMO.seed });
  writeDataset(file, data);
  const counts = await importDataset(db, config, { file }, { actor: 'demo-loader' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return `loaded the demo dataset (${DEMO.scale}, seed ${DEMO.seed}): ${counts.people} people, ${counts.reserves} reserve entries`;
}
