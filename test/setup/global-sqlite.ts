import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseConfig } from '../../server/db/config.ts';
import { migrate } from '../../server/db/migrations.ts';
import { sqliteRunDir } from './base.ts';

export default async function setup(project: TestProject) {
  const dir = sqliteRunDir();
  const base = path.join(dir, 'base.db');
  await migrate(databaseConfig(`file:${base}`));
  project.provide('testDb', { provider: 'sqlite', base });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { provider: 'sqlite' | 'postgresql'; base: string };
  }
}
