// npm run data:export -- FILE
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { positional, runCli } from './args.ts';

await runCli(async () => {
  const [file] = positional(process.argv.slice(2));
  if (!file) throw new Error('usage: npm run data:export -- FILE');
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { exportDataset } = await import('../server/dataset/export.ts');
  const counts = await exportDataset(db, file);
  await db.$disconnect();
  console.log(
    `exported to ${file}: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
});
