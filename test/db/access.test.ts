// Access control (docs/decisions/013): every field declares who may use it; without credentials
// only login, logout and me answer; roles bound what an account may do and its unit bounds what
// it sees, wherever a record is reached — and "absent" and "not yours" answer alike. The attacks
// that worked before accounts existed are here as regression tests.
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { schema } from '../../server/schema/index.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';

type Pothos = { pothosOptions?: { authScopes?: unknown } };
const scopesOf = (x: { extensions?: unknown }) => (x.extensions as Pothos | undefined)?.pothosOptions?.authScopes;

/** A placeholder value for a required argument of an input type. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = placeholder(f.type);
    return out;
  }
  if (isScalarType(type))
    return { Int: 2026, Float: 1, Boolean: true, Date: '2026-11-21', JSON: {}, ID: 'Unit:C01' }[type.name] ?? 'C01';
  return null;
}

/** The smallest operation calling a root field, with variables for its required arguments. */
function operation(
  kind: 'query' | 'mutation',
  name: string,
  args: readonly GraphQLArgument[],
  returns: GraphQLNamedType,
) {
  const required = args.filter((a) => a.type instanceof GraphQLNonNull);
  const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const selection = isLeafType(returns) ? '' : ' { __typename }';
  return {
    text: `${kind}${vars ? `(${vars})` : ''} { ${name}${call}${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)])),
  };
}

const rootFields = (type: GraphQLObjectType | null | undefined) => Object.values(type?.getFields() ?? {});

describe('the schema', () => {
  it('gives every root field a rule, and every object type its own', () => {
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()])
      for (const f of rootFields(root)) if (!scopesOf(f)) missing.push(`${root!.name}.${f.name}`);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
      if (!scopesOf(type)) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('fails the walk for a field without a rule (the check itself)', () => {
    const bare = new GraphQLObjectType({
      name: 'Bare',
      fields: { x: { type: getNamedType(schema.getType('Date')!) as never } },
    });
    expect(scopesOf(bare)).toBeUndefined();
  });
});

describe('without credentials', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('every operation but login, logout and me is refused with UNAUTHENTICATED, and nothing changes', async () => {
    const open = new Set(['login', 'logout', 'me']);
    const audited = await db.auditLog.count();
    const answers: Record<string, string | undefined> = {};
    for (const [kind, root] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const f of rootFields(root)) {
        if (open.has(f.name)) continue;
        const op = operation(kind, f.name, f.args, getNamedType(f.type));
        const r = await gql(op.text, op.variables, { anonymous: true });
        answers[f.name] = r.errors?.[0]?.extensions?.code as string | undefined;
      }
    }
    expect(Object.keys(answers).length).toBeGreaterThan(20);
    expect(Object.entries(answers).filter(([, code]) => code !== 'UNAUTHENTICATED')).toEqual([]);
    expect(await db.auditLog.count()).toBe(audited);
    expect((await gql('{ me { username } }', {}, { anonymous: true })).data).toEqual({ me: null });
  });

  it('refuses a wrong password the same way for a known and an unknown account', async () => {
    const wrong = await gql(
      'mutation { login(username: "test-admin-all", password: "not-the-password") { role } }',
      {},
      {
        anonymous: true,
      },
    );
    const unknown = await gql(
      'mutation { login(username: "nobody-here", password: "not-the-password") { role } }',
      {},
      {
        anonymous: true,
      },
    );
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'wrong username or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    // Throttling (a delay, never a lockout): test/db/sign-in.test.ts.
  });
});

describe('roles and subtrees', () => {
  const asA = (role: 'LEADER' | 'ORG_OFFICER' | 'PLANNER' | 'ADMIN') => ({ viewerUnit: 'A', role });

  beforeAll(async () => {
    // An entry reserved for A whose person works in B: the path the attack went through.
    await db.reserveEntry.create({
      data: {
        code: 'R99',
        personCode: 'E08',
        unitCode: 'A',
        targetKind: 'DEPUTY',
        targetRank: 'DIVISION_DEPUTY',
        tier: 'MID_TERM',
        direction: 'LEGAL',
        source: 'ORG_NOMINATION',
        status: 'NOMINATED',
        nominatedOn: new Date('2026-10-01T00:00:00Z'),
      },
    });
  });

  it('gives nothing of B through a person reserved in A who works in B', async () => {
    const r = await gql(
      `{ reserve(id: "R99") { code person { name
          unit { code children { code } positions { incumbent { birthDate } } reserveRatio { unitCode } }
          reserveEntries { code } positionsHeld { code } } } }`,
      {},
      asA('LEADER'),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      reserve: {
        code: 'R99',
        person: { name: '吴后备', unit: null, reserveEntries: [{ code: 'R99' }], positionsHeld: [] },
      },
    });
  });

  it('answers "absent" and "not yours" alike, for every way of naming a unit', async () => {
    const ask = (code: string) =>
      Promise.all([
        gql(`{ unit(code: "${code}") { code } }`, {}, asA('ADMIN')),
        gql(`{ reserveRatio(unitCode: "${code}") { unitCode } }`, {}, asA('ADMIN')),
        gql(`{ complianceReport(unitCode: "${code}") { policyVersions } }`, {}, asA('ADMIN')),
        gql(`{ reserves(first: 1, filter: { unitCode: "${code}" }) { totalCount } }`, {}, asA('ADMIN')),
        gql(`{ node(id: "Unit:${code}") { id } }`, {}, asA('ADMIN')),
      ]);
    // The messages (and their parameters) name the code asked for; everything else must be the same.
    const text = async (code: string) =>
      JSON.stringify(await ask(code))
        .replaceAll(`\\"${code}\\"`, '\\"?\\"')
        .replaceAll(`"unit":"${code}"`, '"unit":"?"')
        .replaceAll(`Unit:${code}`, 'Unit:?');
    const notYours = await text('B');
    const absent = await text('ZZ');
    expect(absent).toContain('does not exist or is outside your scope');
    expect(notYours).toBe(absent);
  });

  it('lets each role do what it may, and nothing more', async () => {
    const move = (role: 'LEADER' | 'ORG_OFFICER' | 'PLANNER' | 'ADMIN', id: string) =>
      gql(
        `mutation { transitionReserve(input: { reserveId: "${id}", to: INSPECTING, on: "2026-10-15" }) { status } }`,
        {},
        asA(role),
      );
    for (const role of ['LEADER', 'PLANNER'] as const)
      expect((await move(role, 'R02')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await move('ORG_OFFICER', 'R02')).data).toEqual({ transitionReserve: { status: 'INSPECTING' } });
    // Outside the subtree: as for an entry that does not exist.
    expect((await move('ADMIN', 'R03')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The whole organization's policy and data: only an administrator of the whole tree.
    const policy = `mutation { setPolicy(input: { effectiveFrom: "2030-01-01", overrides: { alertWindowDays: 30 } }) { id } }`;
    expect((await gql(policy, {}, asA('ADMIN'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(policy, {}, { role: 'PLANNER' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const imported = await gql(`mutation { importDataset(input: { dataset: "{}" }) { units } }`, {}, asA('ADMIN'));
    expect(imported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Accounts: an administrator of A makes accounts in A, not above it.
    const inA = await gql(
      'mutation { createUser(input: { username: "a-leader", password: "a-long-password", role: LEADER, unitCode: "A1" }) { username unitCode } }',
      {},
      asA('ADMIN'),
    );
    expect(inA.data).toEqual({ createUser: { username: 'a-leader', unitCode: 'A1' } });
    const above = await gql(
      'mutation { createUser(input: { username: "a-boss", password: "a-long-password", role: ADMIN }) { username } }',
      {},
      asA('ADMIN'),
    );
    expect(above.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byLeader = await gql(
      'mutation { createUser(input: { username: "x-user", password: "a-long-password", role: LEADER, unitCode: "A" }) { username } }',
      {},
      asA('LEADER'),
    );
    expect(byLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps every aggregate inside the subtree', async () => {
    const mine = await gql<{ poolStructure: { total: number } }>(
      `{ poolStructure(unitCode: "A") { total } }`,
      {},
      asA('LEADER'),
    );
    const all = await gql<{ poolStructure: { total: number } }>(
      `{ poolStructure(unitCode: "C01") { total } }`,
      {},
      asA('LEADER'),
    );
    expect(mine.data?.poolStructure.total).toBeGreaterThan(0);
    expect(all.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const units = await gql<{ units: { edges: { node: { code: string; reserveRatio: { unitCode: string }[] } }[] } }>(
      `{ units(first: 50) { edges { node { code reserveRatio { unitCode } } } } }`,
      {},
      asA('LEADER'),
    );
    const seen = units.data!.units.edges.flatMap((e) => [e.node.code, ...e.node.reserveRatio.map((r) => r.unitCode)]);
    expect(new Set(seen)).toEqual(new Set(['A', 'A1']));
  });
});

describe('refused access', () => {
  it('is written to the audit log with who and what', async () => {
    await gql(
      'mutation { transitionReserve(input: { reserveId: "R01", to: REMOVED, on: "2026-10-15", reason: "x" }) { status } }',
      {},
      { viewerUnit: 'A', role: 'PLANNER' },
    );
    await new Promise((r) => setTimeout(r, 200)); // the record is written beside the answer
    const refusal = await db.auditLog.findFirst({ where: { action: 'access.refused.role' }, orderBy: { id: 'desc' } });
    expect(refusal).toMatchObject({ actor: 'test-planner-a', entity: 'Mutation', entityCode: 'transitionReserve' });
  });

  it('is written too when a record outside the subtree is named by argument, once per request', async () => {
    const before = await db.auditLog.count({ where: { action: 'access.refused.argument' } });
    const r = await gql('{ poolStructure(unitCode: "B") { total } }', {}, { viewerUnit: 'A', role: 'LEADER' });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const moved = await gql(
      'mutation { transitionReserve(input: { reserveId: "R03", to: REMOVED, on: "2026-10-15", reason: "x" }) { status } }',
      {},
      { viewerUnit: 'A', role: 'ADMIN' },
    );
    expect(moved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await expect.poll(() => db.auditLog.count({ where: { action: 'access.refused.argument' } })).toBe(before + 2);
    const written = await db.auditLog.findMany({
      where: { action: 'access.refused.argument' },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(written.map((w) => [w.actor, w.entityCode, JSON.parse(w.detail!).message])).toEqual([
      ['test-admin-a', 'transitionReserve', 'reserve entry "R03" does not exist or is outside your scope'],
      ['test-leader-a', 'poolStructure', 'unit "B" does not exist or is outside your scope'],
    ]);
  });
});
