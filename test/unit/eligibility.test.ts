// Each eligibility rule alone, on hand-made facts, under the default policy: principal ≤ 45,
// deputy ≤ 40, at least a bachelor's degree, 35 or under a full-time bachelor's, a principal reserve
// holds the target's rank or the one below for 2 years, 3 years of work.
import { describe, expect, it } from 'vitest';
import {
  eligibilityFailures,
  type NominationTarget,
  type Nominee,
  rankBelow,
  workYearsFor,
} from '../../domain/eligibility.ts';
import { formatMessage } from '../../domain/messages.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import { POLICY_PRESETS } from '../../domain/policy/presets.ts';
import { policyOverrideProblems } from '../../domain/policy/validate.ts';

const ok: Nominee = {
  gender: 'M',
  birthDate: '1986-06-15', // 40 on 2026-11-01
  education: 'BACHELOR',
  fullTimeEducation: 'BACHELOR',
  rank: 'DIVISION_DEPUTY',
  rankSince: '2022-01-01',
  workStart: '2010-07-01',
};
const target: NominationTarget = { kind: 'PRINCIPAL', rank: 'DIVISION_PRINCIPAL', on: '2026-11-01' };
const rules = (p: Partial<Nominee>, t: Partial<NominationTarget> = {}) =>
  eligibilityFailures({ ...ok, ...p }, { ...target, ...t }, DEFAULT_POLICY).map((f) => f.rule);

describe('eligibility at nomination', () => {
  it('passes a nominee who meets every rule', () => {
    expect(rules({})).toEqual([]);
  });

  it('checks the age limit of the kind, on the nomination date', () => {
    // Born 1980-11-02: still 45 on 2026-11-01 (allowed for a principal); born a day earlier, 46.
    expect(rules({ birthDate: '1980-11-02' })).toEqual([]);
    expect(rules({ birthDate: '1980-11-01' })).toEqual(['AGE_LIMIT']);
    // A deputy reserve: 40 is the limit; 41 fails.
    expect(rules({ birthDate: '1985-10-31' }, { kind: 'DEPUTY' })).toEqual(['AGE_LIMIT']);
    expect(rules({ birthDate: '1986-11-01' }, { kind: 'DEPUTY' })).toEqual([]);
  });

  it('checks the minimum education, and a full-time bachelor at 35 or under', () => {
    expect(rules({ education: 'ASSOCIATE' })).toEqual(['EDUCATION']);
    expect(
      eligibilityFailures({ ...ok, education: 'ASSOCIATE' }, target, { ...DEFAULT_POLICY, minEducation: 'ASSOCIATE' }),
    ).toEqual([]);
    // 「35周岁以下」 includes 35: 34 on the date (born 1992-06-15) with an associate full-time degree
    // fails, and so does 35 (born 1991-11-01, 35 that day, and born 1990-11-02, 35 for one more
    // day); 36 (born 1990-11-01) no longer needs it.
    expect(rules({ birthDate: '1992-06-15', fullTimeEducation: 'ASSOCIATE' })).toEqual(['FULL_TIME_BACHELOR']);
    expect(rules({ birthDate: '1991-11-01', fullTimeEducation: null })).toEqual(['FULL_TIME_BACHELOR']);
    expect(rules({ birthDate: '1990-11-02', fullTimeEducation: null })).toEqual(['FULL_TIME_BACHELOR']);
    expect(rules({ birthDate: '1990-11-01', fullTimeEducation: null })).toEqual([]);
  });

  it('takes the education down to 高中 and the years of work by education, as a policy says', () => {
    // A village pool: 高中 accepted.
    const village = { ...DEFAULT_POLICY, minEducation: 'HIGH_SCHOOL' as const, fullTimeBachelorMaxAge: 16 };
    expect(
      eligibilityFailures({ ...ok, education: 'HIGH_SCHOOL', fullTimeEducation: 'HIGH_SCHOOL' }, target, village).map(
        (f) => f.rule,
      ),
    ).toEqual([]);
    expect(
      eligibilityFailures({ ...ok, education: 'HIGH_SCHOOL', fullTimeEducation: 'HIGH_SCHOOL' }, target, {
        ...village,
        minEducation: 'SECONDARY',
      }).map((f) => f.rule),
    ).toEqual(['EDUCATION']);
    // 研究生 1 year, 本科 3, 专科 5 (nominated 2026-11-01): started 2025-11-01 is 1 year exactly.
    const enterprise = {
      ...DEFAULT_POLICY,
      minEducation: 'ASSOCIATE' as const,
      workYearsByEducation: [
        { atLeast: 'MASTER' as const, years: 1 },
        { atLeast: 'BACHELOR' as const, years: 3 },
        { atLeast: 'ASSOCIATE' as const, years: 5 },
      ],
    };
    const work = (education: Nominee['education'], workStart: string) =>
      eligibilityFailures({ ...ok, education, workStart }, target, enterprise)
        .filter((f) => f.rule === 'WORK_YEARS')
        .map((f) => f.message);
    expect(work('MASTER', '2025-11-01')).toEqual([]);
    expect(work('MASTER', '2025-11-02')).toEqual(['working since 2025-11-02, less than 1 years']);
    expect(work('BACHELOR', '2023-11-01')).toEqual([]);
    expect(work('BACHELOR', '2023-11-02')).toHaveLength(1);
    expect(work('ASSOCIATE', '2021-11-01')).toEqual([]);
    expect(work('ASSOCIATE', '2023-11-01')).toEqual(['working since 2023-11-01, less than 5 years']);
    // Without lines, the flat minimum (3 years) for everyone.
    expect(workYearsFor('MASTER', DEFAULT_POLICY)).toBe(3);
  });

  it('checks the rank below held long enough, for principal reserves only', () => {
    expect(rankBelow('DIVISION_PRINCIPAL')).toBe('DIVISION_DEPUTY');
    expect(rules({ rankSince: '2024-11-02' })).toEqual(['YEARS_IN_LOWER_RANK']); // a day short of 2 years
    expect(rules({ rankSince: '2024-11-01' })).toEqual([]);
    expect(rules({ rank: 'SECTION_PRINCIPAL' })).toEqual(['YEARS_IN_LOWER_RANK']);
    // The same rank also fits (a 县长 kept for 县委书记), held as long.
    expect(rules({ rank: 'DIVISION_PRINCIPAL' })).toEqual([]);
    expect(rules({ rank: 'DIVISION_PRINCIPAL', rankSince: '2024-11-02' })).toEqual(['YEARS_IN_LOWER_RANK']);
    // Above the target's rank does not.
    expect(rules({ rank: 'BUREAU_DEPUTY' })).toEqual(['YEARS_IN_LOWER_RANK']);
    expect(rules({ rank: 'SECTION_PRINCIPAL' }, { kind: 'DEPUTY' })).toEqual([]);
  });

  it('takes a deputy reserve at the target rank or below it, never above', () => {
    // 副处 reserve (DIVISION_DEPUTY): a 正科 or a 副处 in a post outside the team fits, whatever the
    // years held; a 正处 does not.
    const deputy = { kind: 'DEPUTY' as const, rank: 'DIVISION_DEPUTY' as const };
    expect(rules({ rank: 'SECTION_PRINCIPAL', rankSince: '2026-10-01' }, deputy)).toEqual([]);
    expect(rules({ rank: 'DIVISION_DEPUTY', rankSince: null }, deputy)).toEqual([]);
    const above = eligibilityFailures({ ...ok, rank: 'DIVISION_PRINCIPAL' }, { ...target, ...deputy }, DEFAULT_POLICY);
    expect(above.map((f) => f.rule)).toEqual(['RANK_ABOVE_TARGET']);
    expect(formatMessage(above[0]!.messageKey, above[0]!.params, 'zh-CN')).toBe(
      '现任正处级，高于拟任职务层次副处级；副职后备干部须任副处级或以下职级',
    );
  });

  it('applies the age limit of the nominee’s gender where the policy sets women’s apart', () => {
    // 「男45周岁以下，女40周岁以下」 for both kinds: a man of 44 fits; a woman of 41 does not; a woman of 40 does.
    const enterprise = {
      ...DEFAULT_POLICY,
      ageLimit: { PRINCIPAL: 45, DEPUTY: 45 },
      ageLimitWomen: { PRINCIPAL: 40, DEPUTY: 40 },
    };
    const deputy: NominationTarget = { kind: 'DEPUTY', rank: 'SECTION_DEPUTY', on: '2026-11-01' };
    const check = (gender: Nominee['gender'], birthDate: string) =>
      eligibilityFailures({ ...ok, rank: 'STAFF', gender, birthDate }, deputy, enterprise);
    expect(check('M', '1982-06-01')).toEqual([]); // 44
    expect(check('F', '1986-11-01')).toEqual([]); // 40 that day
    const woman = check('F', '1985-10-31'); // 41
    expect(woman.map((f) => f.rule)).toEqual(['AGE_LIMIT']);
    expect(formatMessage(woman[0]!.messageKey, woman[0]!.params, 'zh-CN')).toBe(
      '年龄 41 岁，超过女性副职后备干部 40 岁的年龄上限',
    );
    // Under the defaults women and men have the same limits: a woman of 41 is over the deputy 40
    // as a man is, named without "women".
    const same = eligibilityFailures({ ...ok, gender: 'F', birthDate: '1985-10-31' }, deputy, DEFAULT_POLICY);
    expect(same[0]!.message).toBe('aged 41, over the Deputy reserve limit of 40');
  });

  it('checks years of work, and lists every failed rule with its reason', () => {
    expect(rules({ workStart: '2023-11-02' })).toEqual(['WORK_YEARS']);
    const all = eligibilityFailures(
      {
        gender: 'M',
        birthDate: '1995-01-01',
        education: 'ASSOCIATE',
        fullTimeEducation: null,
        rank: 'STAFF',
        rankSince: null,
        workStart: '2025-01-01',
      },
      { kind: 'DEPUTY', rank: 'SECTION_DEPUTY', on: '2026-11-01' },
      { ...DEFAULT_POLICY, ageLimit: { PRINCIPAL: 45, DEPUTY: 30 } },
    );
    expect(all.map(({ rule, message }) => ({ rule, message }))).toEqual([
      { rule: 'AGE_LIMIT', message: 'aged 31, over the Deputy reserve limit of 30' },
      { rule: 'EDUCATION', message: 'education Associate, below Bachelor' },
      { rule: 'FULL_TIME_BACHELOR', message: "aged 31, 35 or under, without a full-time bachelor's degree (has none)" },
      { rule: 'WORK_YEARS', message: 'working since 2025-01-01, less than 3 years' },
    ]);
    // Each reason is keyed, to be read in Chinese too.
    expect(all.map((f) => formatMessage(f.messageKey, f.params, 'zh-CN'))).toEqual([
      '年龄 31 岁，超过副职后备干部 30 岁的年龄上限',
      '学历为大专，低于本科',
      '年龄 31 岁（35 周岁以下），不具有全日制本科及以上学历（无全日制学历）',
      '自 2025-01-01 参加工作，工作年限不满 3 年',
    ]);
  });
});

describe('the rule sets of the documents', () => {
  it('are each a valid policy override, quoting at least one clause, for known unit kinds', () => {
    for (const preset of POLICY_PRESETS) {
      expect(policyOverrideProblems(preset.overrides), preset.key).toEqual([]);
      expect(preset.clauses.length, preset.key).toBeGreaterThan(0);
      expect(preset.unitKinds.length, preset.key).toBeGreaterThan(0);
    }
  });
});
