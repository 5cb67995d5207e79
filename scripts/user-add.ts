// npm run user:add -- USERNAME --role ADMIN|ORG_OFFICER|PLANNER|LEADER [--unit CODE]
// The password is read from standard input (one line), so it stays out of the shell's history.
import readline from 'node:readline';
import { ROLES, type Role } from '../domain/enums.ts';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, positional, runCli } from './args.ts';

async function firstLine(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

await runCli(async () => {
  const argv = process.argv.slice(2);
  const [username] = positional(argv, ['role', 'unit']);
  const role = flag(argv, 'role');
  if (!username || !role)
    throw new Error(`usage: npm run user:add -- USERNAME --role ${ROLES.join('|')} [--unit CODE]  (password on stdin)`);
  if (!ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const password = await firstLine();
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { createUser } = await import('../server/auth/accounts.ts');
  const unit = flag(argv, 'unit') ?? null;
  const user = await createUser(
    db,
    { username, password, role: role as Role, unitCode: unit },
    `cli:${process.env.USER ?? 'unknown'}`,
  );
  await db.$disconnect();
  console.log(`created ${user.username} (${user.role}, ${user.unitCode ?? 'the whole tree'})`);
});
