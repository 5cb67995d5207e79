// Composes the two provider schemas from prisma/models.prisma (one source, two providers).
// Run by `npm run db:schemas`; the test suite checks that the committed files are current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PROVIDERS = ['sqlite', 'postgresql'];

export function composeSchema(provider) {
  const models = fs.readFileSync(path.join(root, 'prisma/models.prisma'), 'utf8');
  const body = provider === 'sqlite' ? models.replace(/ +@db\.\w+(\([^)]*\))?/g, '') : models;
  const pothos =
    provider === 'sqlite'
      ? `
generator pothos {
  provider          = "prisma-pothos-types"
  clientOutput      = "./sqlite/client.ts"
  output            = "../../server/db/generated/pothos-types.ts"
  generateDatamodel = true
}
`
      : '';
  return `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs; do not edit.

datasource db {
  provider = "${provider}"
}

generator client {
  provider     = "prisma-client"
  output       = "../../server/db/generated/${provider}"
  moduleFormat = "esm"
}
${pothos}
${body}`;
}

export function schemaPath(provider) {
  return path.join(root, 'prisma', provider, 'schema.prisma');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const provider of PROVIDERS) {
    fs.mkdirSync(path.dirname(schemaPath(provider)), { recursive: true });
    fs.writeFileSync(schemaPath(provider), composeSchema(provider));
    console.log(`wrote ${path.relative(root, schemaPath(provider))}`);
  }
}
