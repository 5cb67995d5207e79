// npm run db:backup -- FILE — a consistent copy of the database (SQLite: online backup;
// PostgreSQL: pg_dump, custom format). The server may keep running. The audit key is not in it:
// keep a copy of data/audit-key (AUDIT_KEY_FILE) apart from the backups.
import path from 'node:path';
import { databaseConfig } from '../server/db/config.ts';
import { positional, runCli } from './args.ts';

await runCli(async () => {
  const [file] = positional(process.argv.slice(2));
  if (!file) throw new Error('usage: npm run db:backup -- FILE');
  const { backup } = await import('../server/db/backup.ts');
  // The audit chain's head is written down outside the database first: a backup restored later
  // cannot hide records cut off since.
  const { db } = await import('../server/db/client.ts');
  const { anchorAuditHead } = await import('../server/audit/verify.ts');
  await anchorAuditHead(db, `backup ${path.basename(file)}`);
  await db.$disconnect();
  const started = performance.now();
  await backup(databaseConfig(), path.resolve(file));
  console.log(`backed up to ${file} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
});
