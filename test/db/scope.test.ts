// A viewer sees its unit's subtree and nothing else: lists, lookups, counts and filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

const asA = { viewerUnit: 'A' };

describe('a viewer of county A', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('lists only the people, positions and entries of its own subtree', async () => {
    const data = await gqlOk<Record<string, { totalCount: number; edges: { node: { code: string } }[] }>>(
      `{
        people(first: 50) { totalCount edges { node { code } } }
        positions(first: 50) { totalCount edges { node { code } } }
        reserves(first: 50) { totalCount edges { node { code } } }
        units(first: 50) { edges { node { code } } }
      }`,
      {},
      asA,
    );
    const codes = (k: string) => data[k]!.edges.map((e) => e.node.code);
    expect(codes('people')).toEqual(['E02', 'E03', 'E06', 'E07', 'E10', 'E12']);
    expect(data.people!.totalCount).toBe(6);
    expect(codes('positions')).toEqual(['A-P1', 'A-D1', 'A1-P1']);
    expect(codes('reserves')).toEqual(['R01', 'R02', 'R05']);
    expect(data.reserves!.totalCount).toBe(3);
    expect(codes('units')).toEqual(['A', 'A1']);
  });

  it("cannot read county B's people by id, by node or through a filter", async () => {
    const data = await gqlOk<Record<string, unknown>>(
      `{
        p: node(id: "Person:E08") { id }
        r: node(id: "ReserveEntry:R03") { id }
        u: unit(code: "B") { code }
        e: reserve(id: "R03") { code }
        s: people(first: 5, filter: { search: "吴后备" }) { totalCount }
      }`,
      {},
      asA,
    );
    expect(data).toEqual({ p: null, r: null, u: null, e: null, s: { totalCount: 0 } });
    // Outside the scope and absent get the same answer: nothing tells whether B exists.
    const outside = await gql(`{ reserves(first: 5, filter: { unitCode: "B" }) { totalCount } }`, {}, asA);
    const absent = await gql(`{ reserves(first: 5, filter: { unitCode: "ZZ" }) { totalCount } }`, {}, asA);
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outside.errors?.[0]?.message).toBe('unit "B" does not exist or is outside your scope');
    expect(absent.errors?.[0]?.message).toBe('unit "ZZ" does not exist or is outside your scope');
    expect(outside.data).toBeNull();
  });

  it('sees its own unit as the top of the tree, with no parent above it', async () => {
    const data = await gqlOk<{ rootUnits: unknown[]; unit: unknown }>(
      `{ rootUnits { code parent { code } } unit(code: "A1") { ancestors { code } parent { code } } }`,
      {},
      asA,
    );
    expect(data).toEqual({
      rootUnits: [{ code: 'A', parent: null }],
      unit: { ancestors: [{ code: 'A' }], parent: { code: 'A' } },
    });
  });

  it('cannot move entries outside its scope, nor import', async () => {
    const move = await gql(
      `mutation { transitionReserve(input: { reserveId: "R03", to: PROMOTED, on: "2026-06-01" }) { status } }`,
      {},
      asA,
    );
    expect(move.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await db.reserveEntry.findUniqueOrThrow({ where: { code: 'R03' } })).status).toBe('ACTIVE');
    const importing = await gql(`mutation { importDataset(input: { dataset: "{}" }) { units } }`, {}, asA);
    expect(importing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an account of a township sees only the township', async () => {
    const a1 = await gqlOk<{ people: { totalCount: number } }>(
      `{ people(first: 1) { totalCount } }`,
      {},
      { viewerUnit: 'A1' },
    );
    expect(a1.people.totalCount).toBe(3);
  });

  it('an account of the whole tree sees everything', async () => {
    const data = await gqlOk<{ people: { totalCount: number } }>(`{ people(first: 1) { totalCount } }`);
    expect(data.people.totalCount).toBe(12);
  });
});
