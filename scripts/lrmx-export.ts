// npm run lrmx:export -- PERSON_ID OUT.lrmx
// Writes one person's 干部任免审批表 file as the standard program writes it (audited with its
// SHA-256: it carries the identity number and photo). Importing it back changes nothing.
import fs from 'node:fs';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { positional, runCli } from './args.ts';

await runCli(async () => {
  const [personId, out] = positional(process.argv.slice(2));
  if (!personId || !out) throw new Error('usage: npm run lrmx:export -- PERSON_ID OUT.lrmx');
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { WHOLE_TREE } = await import('../server/auth/viewer.ts');
  const { exportLrmx } = await import('../server/interchange/lrmx-import.ts');
  const file = await exportLrmx(db, { ...WHOLE_TREE, actor: `cli:${process.env.USER ?? 'unknown'}` }, personId);
  await db.$disconnect();
  fs.writeFileSync(out, file.bytes, { mode: 0o600 });
  console.log(`wrote ${out} (${file.bytes.length} bytes)`);
});
