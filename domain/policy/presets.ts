// The eligibility rule sets the policy documents give for each kind of pool, as ready-made policy
// overrides: an officer records one as a policy version for a unit kind (the policy page loads it
// into the editor; nothing applies by itself). Each preset quotes the clauses its numbers come
// from; what a clause leaves open keeps the defaults (docs/decisions/038).
import type { UnitKind } from '../enums.ts';
import type { Policy } from './defaults.ts';

/** Only the settings a rule set decides: the rest stays as the policy in force has it. */
export type PresetOverrides = Partial<
  Pick<
    Policy,
    | 'ageLimit'
    | 'ageLimitWomen'
    | 'minEducation'
    | 'fullTimeBachelorMaxAge'
    | 'minYearsInLowerRank'
    | 'minWorkYears'
    | 'workYearsByEducation'
    | 'qualificationExamRanks'
  >
>;

export interface PolicyPreset {
  key: string;
  /** The unit kinds whose pools the rule set is written for (the version is recorded for one of them). */
  unitKinds: UnitKind[];
  overrides: PresetOverrides;
  /** The clauses, quoted as the documents word them. */
  clauses: string[];
}

/**
 * The party and government rule set: 正职 ≤ 45 and 副职 ≤ 40 for men and women alike, 本科, full-time
 * 本科 at 35 or under, the rank below held two years, three years of work. 县处级 and 乡科级 quote
 * different clauses for the same numbers.
 */
const PARTY_GOV_RULES: PresetOverrides = {
  ageLimit: { PRINCIPAL: 45, DEPUTY: 40 },
  ageLimitWomen: { PRINCIPAL: 0, DEPUTY: 0 },
  minEducation: 'BACHELOR',
  fullTimeBachelorMaxAge: 35,
  minYearsInLowerRank: 2,
  minWorkYears: 3,
  workYearsByEducation: [],
};

export const POLICY_PRESETS: PolicyPreset[] = [
  {
    // 县处级: a 正处 reserve is a serving 副处, a 副处 reserve a serving 正科; 本科; 45 / 40 included.
    key: 'COUNTY_DIVISION',
    unitKinds: ['PARTY_GOV'],
    // The qualification exam: 县处级 reserves and those promoted to 县处级 posts hold a certificate.
    overrides: { ...PARTY_GOV_RULES, qualificationExamRanks: ['DIVISION_PRINCIPAL', 'DIVISION_DEPUTY'] },
    clauses: [
      '取得任职资格证书的，方可作为县处级后备干部和提拔使用的人选',
      '正处级后备干部应为现任副处级干部。副处级后备干部应为现任正科级干部',
      '后备干部的文化程度应在大学本科以上',
      '正职后备干部年龄在45岁(含)以下,副职后备干部年龄在40岁(含)以下',
    ],
  },
  {
    // 乡科级: 正职 from 副科 and above held two years, ≤ 45; 副职 three years of work, ≤ 40.
    key: 'TOWNSHIP_SECTION',
    unitKinds: ['TOWNSHIP', 'PARTY_GOV'],
    overrides: PARTY_GOV_RULES,
    clauses: [
      '正职后备干部,一般从副科级以上、且任现职级两年以上、年龄不超过45周岁的干部中选拔;副职后备干部,一般从单位中层或表现优秀、发展潜力大,参加工作三年以上,年龄在40周岁以下的干部中选拔',
      '35周岁以下的干部须具有全日制大学本科及以上文化程度',
    ],
  },
  {
    // 事业单位 (schools and institutions): 本科, full-time 本科 at 35 or under, at most 45.
    key: 'INSTITUTION',
    unitKinds: ['INSTITUTION', 'SCHOOL'],
    overrides: {
      ageLimit: { PRINCIPAL: 45, DEPUTY: 45 },
      ageLimitWomen: { PRINCIPAL: 0, DEPUTY: 0 },
      minEducation: 'BACHELOR',
      fullTimeBachelorMaxAge: 35,
    },
    clauses: [
      '学历:具有大学本科及以上文化程度,其中,35周岁以下的干部须具有全日制大学本科及以上文化程度',
      '年龄:一般不超过35周岁,特别优秀的原则上不超过45周岁',
    ],
  },
  {
    // 国有企业: 大专, men 45 and women 40, years of work by education, no full-time requirement.
    key: 'STATE_ENTERPRISE',
    unitKinds: ['ENTERPRISE'],
    overrides: {
      ageLimit: { PRINCIPAL: 45, DEPUTY: 45 },
      ageLimitWomen: { PRINCIPAL: 40, DEPUTY: 40 },
      minEducation: 'ASSOCIATE',
      fullTimeBachelorMaxAge: 0,
      workYearsByEducation: [
        { atLeast: 'MASTER', years: 1 },
        { atLeast: 'BACHELOR', years: 3 },
        { atLeast: 'ASSOCIATE', years: 5 },
      ],
    },
    clauses: [
      '具有国家承认的大专及以上学历',
      '年龄:男45周岁以下,女40周岁以下',
      '研究生学历,参加工作1年以上;本科及以上学历,参加工作3年以上;专科及以上学历,参加工作5年以上',
    ],
  },
  {
    // 村两委: 高中 and above; no full-time requirement.
    key: 'VILLAGE',
    unitKinds: ['VILLAGE'],
    overrides: { minEducation: 'HIGH_SCHOOL', fullTimeBachelorMaxAge: 0 },
    clauses: ['年龄一般在35岁左右,高中及以上文化程度的优秀人才,特别优秀的可适当放宽条件'],
  },
];
