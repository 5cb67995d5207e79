// npm run db:backup -- FILE — a consistent copy of the database (SQLite: online backup;
// PostgreSQL: pg_dump, custom format). The server may keep running.
import path from 'node:path';
import { databaseConfig } from '../server/db/config.ts';
import { positional, runCli } from './args.ts';

await runCli(async () => {
  const [file] = positional(process.argv.slice(2));
  if (!file) throw new Error('usage: npm run db:backup -- FILE');
  const { backup } = await import('../server/db/backup.ts');
  const started = performance.now();
  await backup(databaseConfig(), path.resolve(file));
  console.log(`backed up to ${file} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
});
