// npm run schema:print — writes the GraphQL schema to schema.graphql (committed), then the
// dashboard's operation types generated from it (web/src/api/graphql-env.d.ts, gql.tada).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './args.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await runCli(async () => {
  // Loading the schema opens the configured database client; a scratch SQLite file will do.
  process.env.DATABASE_URL ??= `file:${path.join(fs.mkdtempSync(path.join(root, 'tmp-schema-')), 'x.db')}`;
  const { SCHEMA_FILE, schemaSdl } = await import('../server/schema/print.ts');
  fs.writeFileSync(path.join(root, SCHEMA_FILE), schemaSdl());
  fs.rmSync(path.dirname(process.env.DATABASE_URL.slice('file:'.length)), { recursive: true, force: true });
  console.log(`wrote ${SCHEMA_FILE}`);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/gql.tada/bin/cli.js'),
      'generate',
      'output',
      '--tsconfig',
      path.join(root, 'web/tsconfig.json'),
    ],
    { stdio: 'inherit' },
  );
});
