// The two provider schemas are composed from prisma/models.prisma, and each provider's last
// migration leaves the database at the current schema.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { composeSchema, PROVIDERS, schemaPath } from '../../scripts/prisma-schemas.mjs';

describe.each(PROVIDERS as string[])('the %s schema', (provider) => {
  it('is current with prisma/models.prisma (run npm run db:schemas)', () => {
    expect(fs.readFileSync(schemaPath(provider), 'utf8')).toBe(composeSchema(provider));
  });

  it('has a migration for every change (run npm run db:new-migration -- NAME)', () => {
    const migrated = path.join(path.dirname(schemaPath(provider)), 'migrated.prisma');
    expect(fs.readFileSync(migrated, 'utf8')).toBe(fs.readFileSync(schemaPath(provider), 'utf8'));
  });
});
