// npm run db:restore -- FILE — replaces the database's content with a backup's. Stop the server
// first; the restore is recorded in the audit log, and analytical copies reload.
import path from 'node:path';
import { databaseConfig } from '../server/db/config.ts';
import { positional, runCli } from './args.ts';

await runCli(async () => {
  const [file] = positional(process.argv.slice(2));
  if (!file) throw new Error('usage: npm run db:restore -- FILE');
  const config = databaseConfig();
  const { restore } = await import('../server/db/backup.ts');
  await restore(config, path.resolve(file));
  const { db } = await import('../server/db/client.ts');
  const { appendAudit } = await import('../server/audit/log.ts');
  const { contentHash } = await import('../server/audit/chain.ts');
  const fs = await import('node:fs');
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: `cli:${process.env.USER ?? 'unknown'}`,
      action: 'database.restore',
      entity: 'Database',
      detail: { file: path.basename(file), sha256: contentHash(fs.readFileSync(path.resolve(file))) },
    }),
  );
  // The heads written down before belong to the log this restore replaced.
  const { anchorAuditHead } = await import('../server/audit/verify.ts');
  await anchorAuditHead(db, `restore ${path.basename(file)}`, { restore: true });
  await db.$disconnect();
  console.log(`restored ${file}`);
});
