// npm run reserves:expire [-- --as-of YYYY-MM-DD]
// Expires every active entry whose management period has ended by the date (default today):
// status EXPIRED, dated the day the period ended, with the reason and the job as the actor.
// Running it again expires nothing new. The server runs the same job on start and daily.
import { isIsoDate } from '../domain/dates.ts';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { expireReserves } = await import('../server/reserves/expiry.ts');
  const given = flag(argv, 'as-of');
  if (given !== undefined && !isIsoDate(given)) throw new Error(`--as-of must be a date YYYY-MM-DD, got "${given}"`);
  const result = await expireReserves(db, given);
  await db.$disconnect();
  for (const e of result.expired) console.log(`${e.code} expired on ${e.on}`);
  console.log(`${result.expired.length} entr${result.expired.length === 1 ? 'y' : 'ies'} expired as of ${result.asOf}`);
});
