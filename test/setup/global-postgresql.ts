import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { databaseConfig } from '../../server/db/config.ts';
import { migrate } from '../../server/db/migrations.ts';
import { pgAdmin, pgUrl } from './base.ts';

export default async function setup(project: TestProject) {
  const prefix = `rc_test_${crypto.randomBytes(4).toString('hex')}`;
  const base = `${prefix}_base`;
  await pgAdmin((c) => c.query(`CREATE DATABASE "${base}"`));
  await migrate(databaseConfig(pgUrl(base)));
  project.provide('testDb', { provider: 'postgresql', base });
  return async () => {
    await pgAdmin(async (c) => {
      const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${prefix}_%`,
      ]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}
