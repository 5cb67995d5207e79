// The cost check counts what a request really asks for: a page's size from its arguments or
// variables, `ids` by their number, every list below a list multiplied through the nesting. Every
// operation the dashboard sends fits with its largest variables; the shapes that held the event
// loop for seconds are refused before they run (docs/decisions/025).
import fs from 'node:fs';
import path from 'node:path';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { LIMITS } from '../../server/limits-config.ts';
import { schema } from '../../server/schema/index.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';
import { root } from '../helpers/server.ts';

const registered = JSON.parse(fs.readFileSync(path.join(root, 'web/persisted-operations.json'), 'utf8')) as Record<
  string,
  string
>;

/** A value of a type for a variable the dashboard must send (a required one), by its name. */
function sample(type: GraphQLInputType, name: string, operation: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name, operation);
  if (isListType(type)) return [sample(type.ofType, name, operation)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type, f.name, operation)]),
    );
  const scalar = (type as { name: string }).name;
  if (scalar === 'Int') return { first: LIMITS.maxPage, offset: 0, year: 2026, horizonYears: 3 }[name] ?? 1;
  if (scalar === 'Float') return 0.5;
  if (scalar === 'Boolean') return true;
  if (scalar === 'Date') return '2026-11-21';
  if (scalar === 'JSON') return {};
  if (scalar === 'ID') return operation.includes('compareScenarios') ? '1' : 'ReserveEntry:R01';
  return 'C01';
}

/** The largest variables the dashboard sends: full pages, three items compared, the rest as required. */
function largest(operation: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const definition = parse(operation).definitions[0];
  if (definition?.kind !== 'OperationDefinition') return variables;
  for (const v of definition.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    const type = typeFromAST(schema, v.type) as GraphQLInputType;
    if (name === 'first') variables.first = LIMITS.maxPage;
    else if (name === 'ids')
      variables.ids = operation.includes('compareScenarios')
        ? ['1', '2', '3']
        : ['ReserveEntry:R01', 'ReserveEntry:R03', 'ReserveEntry:R05'];
    else if (isNonNullType(type)) variables[name] = sample(type, name, operation);
  }
  return variables;
}

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  complexityFromQuery(query, { schema, variables, ctx: {} }).complexity;

describe('the cost of a request', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('lets every dashboard query through with its largest variables', () => {
    // (Its mutations select a record or two: their cost is their few fields.)
    const queries = Object.values(registered).filter((op) => op.startsWith('query '));
    expect(queries.length).toBeGreaterThan(20);
    const costs = queries.map((op) => ({
      name: /(?:query|mutation) (\w+)/.exec(op)?.[1],
      cost: cost(op, largest(op)),
    }));
    costs.sort((a, b) => b.cost - a.cost);
    // The largest legitimate request, recorded in docs/decisions/025.
    console.log(`dashboard operations by cost: ${costs.map((c) => `${c.name} ${c.cost}`).join(', ')}`);
    expect(costs[0]!.cost).toBeLessThanOrEqual(LIMITS.maxComplexity);
  });

  it('counts a page by its size, given or by variable, and multiplies through nested lists', () => {
    // reserves(first: 100) { edges { node { code } } }: the connection 1, and the page 100 × its
    // selection (edges 1 + node 1 + code 1) = 1 + 300 = 301.
    expect(cost('{ reserves(first: 100) { edges { node { code } } } }')).toBe(301);
    expect(cost('query ($n: Int) { reserves(first: $n) { edges { node { code } } } }', { n: 100 })).toBe(301);
    // No `first`: the default page of 20 → 1 + 20 × 3 = 61.
    expect(cost('{ reserves { edges { node { code } } } }')).toBe(61);
    // A plain list counts 10 rows: positions 1 + 10 × code 1 = 11; unit 1 + 11 = 12; per row
    // edges 1 + node 1 + 12 = 14 → 1 + 100 × 14 = 1 401.
    expect(cost('{ reserves(first: 100) { edges { node { unit { positions { code } } } } } }')).toBe(1401);
    // nodes(ids:) by the number of ids: 1 + 3 (the ids) + 3 × (… on ReserveEntry { code }: 1) = 7.
    expect(
      cost('query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ReserveEntry { code } } }', {
        ids: ['ReserveEntry:R01', 'ReserveEntry:R03', 'ReserveEntry:R05'],
      }),
    ).toBe(7);
  });

  it('refuses the nested 145-byte query that cost 3.6 s, naming the cost and the limit', async () => {
    const query =
      '{ reserves(first:100){ edges{ node{ unit{ positions{ unit{ positions{ unit{ positions{ unit{ positions{ code }}}}}}}}}}}}';
    const r = await gql(query);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(new RegExp(`the operation is too costly: \\d+ > ${LIMITS.maxComplexity}`));
  });

  it('refuses nodes with 20 000 ids before loading any', async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `ReserveEntry:R${i}`);
    const started = performance.now();
    const r = await gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    // Refused, not run: before this change it held the event loop 8 s (200 000 ids: 602 s).
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/too costly|ids/);
  });
});
