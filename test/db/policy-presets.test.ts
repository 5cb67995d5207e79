// The rule sets of the policy documents as policy versions per unit kind: an officer records a
// preset (as the policy page does: the preset's overrides through setPolicy) and nominations in
// units of that kind are judged by it — an enterprise takes 大专 with years of work by education
// and a lower age limit for women, a village takes 高中 — while other kinds keep theirs.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

const on = '2026-11-01';
const staff = { rank: 'STAFF', rankSince: null, category: 'MANAGEMENT', title: 'NONE' };

/** The rules a nomination would fail, as the nomination form asks, in Chinese. */
const failures = async (personId: string, unitCode: string, targetKind: string, targetRank: string) =>
  (
    await gqlOk<{ eligibility: { rule: string; message: string }[] }>(
      `query($input: NominationInput!) { eligibility(input: $input) { rule message } }`,
      {
        input: {
          personId,
          unitCode,
          targetKind,
          targetRank,
          tier: 'LONG_TERM',
          direction: 'ECONOMY',
          source: 'ORG_NOMINATION',
          on,
        },
      },
      { headers: { 'accept-language': 'zh-CN' } },
    )
  ).eligibility;

describe('rule sets recorded as policy versions', () => {
  beforeAll(async () => {
    const data = smallDataset();
    data.units.push(
      { code: 'AE', name: '甲县国有资产经营公司', parentCode: 'A', kind: 'ENTERPRISE', level: 'DEPARTMENT' },
      { code: 'A1V', name: '甲一镇东村', parentCode: 'A1', kind: 'VILLAGE', level: 'VILLAGE' },
    );
    const person = (id: string, unitCode: string, over: Record<string, unknown>) => ({
      id,
      name: `员工${id}`,
      gender: 'M',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      politicalStatus: 'CPC',
      education: 'ASSOCIATE',
      fullTimeEducation: 'ASSOCIATE',
      workStart: '2010-07-01',
      unitCode,
      ...staff,
      ...over,
    });
    data.people.push(
      // 44 on the date (born 1982-06-01), 大专 since 2022: 4 years of work, 5 needed with 大专.
      person('P44', 'AE', { birthDate: '1982-06-01', workStart: '2022-01-01' }),
      // A woman of 41 (born 1985-10-31), 大专, working since 2010.
      person('W41', 'AE', { gender: 'F', birthDate: '1985-10-31' }),
      // 研究生 working since 2025-06-01: 1 year 5 months, 1 year needed.
      person('G01', 'AE', { education: 'MASTER', fullTimeEducation: 'MASTER', workStart: '2025-06-01' }),
      // A villager of 30 with 高中.
      person('V30', 'A1V', { birthDate: '1996-03-01', education: 'HIGH_SCHOOL', fullTimeEducation: 'HIGH_SCHOOL' }),
    );
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) });
  });

  it('lists the presets with their clauses, each a valid override', async () => {
    const { policyPresets } = await gqlOk<{
      policyPresets: { key: string; name: string; unitKinds: string[]; clauses: string[] }[];
    }>(`{ policyPresets { key name unitKinds clauses } }`, {}, { headers: { 'accept-language': 'zh-CN' } });
    expect(policyPresets.map((p) => p.key)).toEqual([
      'COUNTY_DIVISION',
      'TOWNSHIP_SECTION',
      'INSTITUTION',
      'STATE_ENTERPRISE',
      'VILLAGE',
    ]);
    const enterprise = policyPresets.find((p) => p.key === 'STATE_ENTERPRISE')!;
    expect(enterprise).toMatchObject({ name: '国有企业后备干部', unitKinds: ['ENTERPRISE'] });
    expect(enterprise.clauses).toContain('年龄:男45周岁以下,女40周岁以下');
  });

  it('judges an enterprise by its rule set once recorded, and leaves other kinds as they were', async () => {
    // Under the defaults: 大专 is below 本科 and without a full-time 本科 at 35 or under; the man of 44
    // is over the deputy limit of 40.
    expect((await failures('P44', 'AE', 'DEPUTY', 'MIDDLE_DEPUTY')).map((f) => f.rule)).toEqual([
      'AGE_LIMIT',
      'EDUCATION',
    ]);
    const { policyPresets } = await gqlOk<{ policyPresets: { key: string; overrides: unknown }[] }>(
      `{ policyPresets { key overrides } }`,
    );
    const overrides = (key: string) => policyPresets.find((p) => p.key === key)!.overrides;
    for (const [unitKind, key] of [
      ['ENTERPRISE', 'STATE_ENTERPRISE'],
      ['VILLAGE', 'VILLAGE'],
    ] as const)
      expect(
        (
          await gql(`mutation($input: SetPolicyInput!) { setPolicy(input: $input) { id } }`, {
            input: { unitKind, effectiveFrom: '2026-01-01', overrides: overrides(key), note: key },
          })
        ).errors,
      ).toBeUndefined();

    // Men 45, so 44 fits; 大专 needs 5 years of work: started 2022-01-01, 4 years.
    expect(await failures('P44', 'AE', 'DEPUTY', 'MIDDLE_DEPUTY')).toEqual([
      { rule: 'WORK_YEARS', message: '自 2022-01-01 参加工作，工作年限不满 5 年' },
    ]);
    // Women 40: at 41 she is over it, named as women's limit.
    expect(await failures('W41', 'AE', 'DEPUTY', 'MIDDLE_DEPUTY')).toEqual([
      { rule: 'AGE_LIMIT', message: '年龄 41 岁，超过女性副职后备干部 40 岁的年龄上限' },
    ]);
    // 研究生: one year of work is enough.
    expect(await failures('G01', 'AE', 'DEPUTY', 'MIDDLE_DEPUTY')).toEqual([]);
    // The village takes 高中, with no full-time requirement.
    expect(await failures('V30', 'A1V', 'DEPUTY', 'VILLAGE_CADRE')).toEqual([]);
    // A township is judged as before: the villager's 高中 is below 本科 there.
    expect((await failures('V30', 'A1', 'DEPUTY', 'SECTION_DEPUTY')).map((f) => f.rule)).toEqual([
      'EDUCATION',
      'FULL_TIME_BACHELOR',
    ]);
  });
});
