// schema.graphql is the committed contract the dashboard's types are generated from: it must be
// what the server builds. Run `npm run schema:print` after changing a GraphQL module.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSdl } from '../../server/schema/print.ts';

describe('schema.graphql', () => {
  it('is current', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../..', SCHEMA_FILE), 'utf8');
    expect(committed, 'schema.graphql is out of date: run `npm run schema:print`').toBe(schemaSdl());
  });

  it('lists the public contract’s root fields', () => {
    for (const field of [
      'reserveRatio(',
      'poolStructure(',
      'trainingCoverage(',
      'successionGaps(',
      'reserves(',
      'transitionReserve(',
    ])
      expect(schemaSdl()).toContain(`  ${field}`);
  });
});
