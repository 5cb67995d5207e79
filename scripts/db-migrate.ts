// npm run db:migrate: applies pending migrations to DATABASE_URL (SQLite by default).
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { runCli } from './args.ts';

await runCli(async () => {
  const config = databaseConfig();
  const applied = await migrate(config);
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
});
