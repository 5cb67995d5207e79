// Policy as data: overrides per unit kind from a date on, with history; metrics follow them.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

const setPolicy = (input: Record<string, unknown>, viewerUnit?: string) =>
  gql<{ setPolicy: { id: number; effectiveFrom: string; overrides: unknown } }>(
    `mutation($input: SetPolicyInput!) { setPolicy(input: $input) { id unitKind effectiveFrom overrides actor } }`,
    { input },
    viewerUnit ? { viewerUnit } : {},
  );

const principalTarget = async (unitCode: string, asOf: string) =>
  (
    await gqlOk<{ reserveRatio: { kind: string; target: number }[] }>(
      `query($u: String!, $a: Date) { reserveRatio(unitCode: $u, subtree: false, asOf: $a) { kind target } }`,
      { u: unitCode, a: asOf },
    )
  ).reserveRatio.find((r) => r.kind === 'PRINCIPAL')?.target;

describe('policy', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('starts at the defaults of domain.md', async () => {
    const data = await gqlOk<{
      policy: { versions: number[]; document: { reserveRatio: unknown; managementPeriodYears: number } };
    }>(`{ policy(unitKind: TOWNSHIP) { versions document } }`);
    expect(data.policy.versions).toEqual([]);
    expect(data.policy.document.reserveRatio).toEqual({ PRINCIPAL: 2, DEPUTY: 1 });
    expect(data.policy.document.managementPeriodYears).toBe(3);
  });

  it('applies an override for one unit kind from its date on, and keeps the history', async () => {
    const set = await setPolicy({
      unitKind: 'TOWNSHIP',
      effectiveFrom: '2026-01-01',
      overrides: { reserveRatio: { PRINCIPAL: 1.5 } },
      note: '乡镇正职 1:1.5',
    });
    expect(set.errors).toBeUndefined();
    // A1 is a township with one principal post: ceil(1.5 × 1) = 2 … use a ratio that shows: 1.5 → 2.
    expect(await principalTarget('A1', '2026-06-01')).toBe(2);
    await setPolicy({
      unitKind: 'TOWNSHIP',
      effectiveFrom: '2026-07-01',
      overrides: { reserveRatio: { PRINCIPAL: 3 } },
    });
    expect(await principalTarget('A1', '2026-06-30')).toBe(2); // ceil(1.5 × 1)
    expect(await principalTarget('A1', '2026-07-01')).toBe(3); // ceil(3 × 1)
    expect(await principalTarget('A1', '2025-12-31')).toBe(2); // the default, 2 × 1
    expect(await principalTarget('A', '2026-07-01')).toBe(2); // A is PARTY_GOV: untouched
    const history = await gqlOk<{
      policyVersions: { unitKind: string; effectiveFrom: string; overrides: unknown; actor: string }[];
    }>(`{ policyVersions { unitKind effectiveFrom overrides actor } }`);
    expect(history.policyVersions).toEqual([
      {
        unitKind: 'TOWNSHIP',
        effectiveFrom: '2026-07-01',
        overrides: { reserveRatio: { PRINCIPAL: 3 } },
        actor: 'test-admin-all',
      },
      {
        unitKind: 'TOWNSHIP',
        effectiveFrom: '2026-01-01',
        overrides: { reserveRatio: { PRINCIPAL: 1.5 } },
        actor: 'test-admin-all',
      },
    ]);
    const inForce = await gqlOk<{ policy: { versions: number[]; document: { reserveRatio: unknown } } }>(
      `{ policy(unitKind: TOWNSHIP, asOf: "2026-08-01") { versions document } }`,
    );
    expect(inForce.policy.document.reserveRatio).toEqual({ PRINCIPAL: 3, DEPUTY: 1 });
    expect(inForce.policy.versions).toHaveLength(1);
  });

  it('refuses unknown settings and impossible numbers, naming them, and records nothing', async () => {
    const before = await db.policyVersion.count();
    const bad = await setPolicy({
      effectiveFrom: '2026-01-01',
      overrides: {
        reserveRatio: { CHIEF: 2, PRINCIPAL: 1e308 },
        specialStructureShare: 1.5,
        ageLimit: { DEPUTY: 'forty' },
        retirementAge: 60.5,
        degreeTargets: [{ category: 'PARTY_GOV', maxAge: null, atLeast: 'FOO', share: 0.5 }],
      },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = bad.errors?.[0]?.extensions?.problems as { path: string; message: string; messageKey: string }[];
    expect(problems[1]).toMatchObject({ messageKey: 'policy.notASetting', params: {} });
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'reserveRatio.PRINCIPAL', message: 'must be at most 10, got 1e+308' },
      { path: 'reserveRatio.CHIEF', message: 'is not a policy setting' },
      { path: 'ageLimit.DEPUTY', message: 'must be a number, got "forty"' },
      { path: 'specialStructureShare', message: 'must be at most 1, got 1.5' },
      { path: 'retirementAge', message: 'must be a whole number, got 60.5' },
      {
        path: 'degreeTargets.0.atLeast',
        message: 'must be one of HIGH_SCHOOL, SECONDARY, ASSOCIATE, BACHELOR, MASTER, DOCTORATE, got "FOO"',
      },
    ]);
    expect(await db.policyVersion.count()).toBe(before);
  });

  it('needs a viewer of the whole tree to change', async () => {
    const result = await setPolicy({ effectiveFrom: '2026-01-01', overrides: { retirementAge: 62 } }, 'A');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
