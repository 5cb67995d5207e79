// npm run roster:import -- FILE.xlsx --unit CODE [--dry-run]
// Imports a 后备干部名册 spreadsheet into the unit's subtree (docs/interchange.md): columns by their
// usual Chinese names, all rows or none; a refusal names the row and the column. `--dry-run`
// says what would change and writes nothing.
import fs from 'node:fs';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, positional, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const [file] = positional(argv, ['unit']);
  const unit = flag(argv, 'unit');
  if (!file || !unit) throw new Error('usage: npm run roster:import -- FILE.xlsx --unit CODE [--dry-run]');
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { WHOLE_TREE } = await import('../server/auth/viewer.ts');
  const { importRoster } = await import('../server/interchange/roster-import.ts');
  const started = performance.now();
  const dryRun = argv.includes('--dry-run');
  const r = await importRoster(
    db,
    { ...WHOLE_TREE, actor: `cli:${process.env.USER ?? 'unknown'}` },
    unit,
    fs.readFileSync(file),
    { dryRun },
  );
  await db.$disconnect();
  const used = r.header.columns.filter((c) => c.field).map((c) => c.name);
  const unused = r.header.columns.filter((c) => !c.field).map((c) => c.name);
  console.log(
    `header on row ${r.header.row}: read ${used.join(', ')}${unused.length ? `; not read: ${unused.join(', ')}` : ''}`,
  );
  console.log(
    `${dryRun ? 'would import' : 'imported'} ${r.rows} rows into ${unit}: people ${r.peopleCreated} created, ${r.peopleUpdated} updated; entries ${r.entriesCreated} created, ${r.entriesUpdated} updated; ${r.unchanged} unchanged (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
});
