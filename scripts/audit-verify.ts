// npm run audit:verify — checks the audit log's keyed chain and the heads written down outside the
// database; exit 0 when intact, 1 naming the first broken record otherwise.
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { runCli } from './args.ts';

await runCli(async () => {
  await migrate(databaseConfig());
  const fs = await import('node:fs');
  const { AUDIT_KEY_FILE } = await import('../server/audit/chain.ts');
  if (!fs.existsSync(AUDIT_KEY_FILE()))
    throw new Error(
      `no audit key at ${AUDIT_KEY_FILE()}: the chain cannot be verified without it (restore it from where you keep it, or set AUDIT_KEY_FILE)`,
    );
  const { db } = await import('../server/db/client.ts');
  const { verifyAuditChain } = await import('../server/audit/verify.ts');
  const report = await verifyAuditChain(db);
  await db.$disconnect();
  if (!report.ok) throw new Error(`audit log broken at record ${report.broken!.seq}: ${report.broken!.reason}`);
  console.log(`audit log intact: ${report.checked} records`);
});
