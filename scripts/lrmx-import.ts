// npm run lrmx:import -- FILE.lrmx [FILE.lrmx …] --unit CODE [--dry-run]
// Imports 干部任免审批表 files into the unit's subtree (docs/interchange.md): each file's person
// matched by identity number, else by name and birth month there, then updated or created; all
// files or none. A refusal names the file and the element and exits non-zero.
import fs from 'node:fs';
import path from 'node:path';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, positional, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const files = positional(argv, ['unit']);
  const unit = flag(argv, 'unit');
  if (!unit || files.length === 0)
    throw new Error('usage: npm run lrmx:import -- FILE.lrmx [FILE.lrmx …] --unit CODE [--dry-run]');
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { WHOLE_TREE } = await import('../server/auth/viewer.ts');
  const { importLrmx } = await import('../server/interchange/lrmx-import.ts');
  const viewer = { ...WHOLE_TREE, actor: `cli:${process.env.USER ?? 'unknown'}` };
  const read = files.map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
  const result = await importLrmx(db, viewer, unit, read, { dryRun: argv.includes('--dry-run') });
  await db.$disconnect();
  for (const [what, list] of Object.entries(result))
    for (const r of list as { file: string; personId: string; name: string }[])
      console.log(`${what}\t${r.file}\t${r.personId}\t${r.name}`);
  const verb = argv.includes('--dry-run') ? 'would import' : 'imported';
  console.log(
    `${verb} ${files.length} file(s) into ${unit}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged`,
  );
});
