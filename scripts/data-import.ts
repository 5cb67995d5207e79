// npm run data:import -- FILE [--replace]
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { peakMemory, positional, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const [file] = positional(argv);
  if (!file) throw new Error('usage: npm run data:import -- FILE [--replace]');
  // Migrate before the client opens the database: the engine needs the file to itself.
  await migrate(databaseConfig());
  const { db, dbConfig } = await import('../server/db/client.ts');
  const { importDataset } = await import('../server/dataset/import.ts');
  const started = performance.now();
  const counts = await importDataset(
    db,
    dbConfig,
    { file },
    {
      replace: argv.includes('--replace'),
      actor: `cli:${process.env.USER ?? 'unknown'}`,
      onPhase: (name, ms) => console.log(`  ${name}: ${(ms / 1000).toFixed(1)} s`),
    },
  );
  await db.$disconnect();
  const summary = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `imported ${file}: ${summary} (${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${peakMemory()})`,
  );
});
