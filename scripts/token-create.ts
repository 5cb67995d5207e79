// npm run token:create -- USERNAME [--days N] [--name TEXT]
// Prints, as its last line, an API token for the account (Authorization: Bearer TOKEN). Only its
// hash is stored: keep the printed token.
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, positional, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const [username] = positional(argv, ['days', 'name']);
  if (!username) throw new Error('usage: npm run token:create -- USERNAME [--days N] [--name TEXT]');
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { createApiToken } = await import('../server/auth/accounts.ts');
  const days = flag(argv, 'days');
  const { token, expiresAt } = await createApiToken(db, username, {
    days: days === undefined ? undefined : Number(days),
    name: flag(argv, 'name') ?? null,
    actor: `cli:${process.env.USER ?? 'unknown'}`,
  });
  await db.$disconnect();
  console.log(`API token for ${username}, valid until ${expiresAt.toISOString()}:`);
  console.log(token);
});
