// schema.graphql is the committed contract the dashboard's types are generated from: it must be
// what the server builds. Run `npm run schema:print` after changing a GraphQL module.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSdl } from '../../server/schema/print.ts';

describe('schema.graphql', () => {
  it('is current', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../..', SCHEMA_FILE), 'utf8');
    expect(committed, 'schema.graphql is out of date: run `npm run schema:print`').toBe(schemaSdl());
  });

  it('is what the dashboard’s operation types are generated from', () => {
    // gql.tada's introspection output for web/: tsc -p web checks every operation against it.
    const root = path.resolve(import.meta.dirname, '../..');
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tada-')), 'graphql-env.d.ts');
    execFileSync(process.execPath, [
      path.join(root, 'node_modules/gql.tada/bin/cli.js'),
      'generate',
      'output',
      '--tsconfig',
      path.join(root, 'web/tsconfig.json'),
      '--output',
      fresh,
    ]);
    const committed = fs.readFileSync(path.join(root, 'web/src/api/graphql-env.d.ts'), 'utf8');
    expect(
      committed === fs.readFileSync(fresh, 'utf8'),
      'web/src/api/graphql-env.d.ts is out of date: run `npm run schema:print`',
    ).toBe(true);
  });

  it('validates every operation the dashboard registers', async () => {
    const { parse, validate } = await import('graphql');
    const { schema } = await import('../../server/schema/index.ts');
    const root = path.resolve(import.meta.dirname, '../..');
    const registered = JSON.parse(fs.readFileSync(path.join(root, 'web/persisted-operations.json'), 'utf8'));
    expect(Object.keys(registered).length).toBeGreaterThan(10);
    for (const text of Object.values(registered) as string[])
      expect(
        validate(schema, parse(text)).map((e) => e.message),
        text.slice(0, 60),
      ).toEqual([]);
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
