// Runs before each database test file, before it imports the app: points DATABASE_URL at a
// fresh copy of the migrated base database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { pgAdmin, pgUrl } from './base.ts';

const { provider, base } = inject('testDb');
const suffix = crypto.randomBytes(4).toString('hex');

if (provider === 'sqlite') {
  const file = path.join(path.dirname(base), `${suffix}.db`);
  fs.copyFileSync(base, file);
  process.env.DATABASE_URL = `file:${file}`;
} else {
  const name = `${base.replace(/_base$/, '')}_${suffix}`;
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${base}"`));
  process.env.DATABASE_URL = pgUrl(name);
}
