// Generates the two Prisma clients (and the Pothos types) after `npm install`.
// The Prisma CLI wants a native schema engine that it downloads; generation never runs it, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets this work offline.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROVIDERS, schemaPath } from './prisma-schemas.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
// The Pothos generator is a bin of @pothos/plugin-prisma; outside npm scripts it is not on PATH.
env.PATH = `${path.join(root, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`;

for (const provider of PROVIDERS) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', schemaPath(provider)], { stdio: 'inherit', env });
}
