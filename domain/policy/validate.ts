// Checks a policy override against the policy's shape, with meaningful bounds for every number
// (a ratio of 1e308 or an age of -3 would break every metric for every user): known keys only,
// shares in [0, 1], ages and years as whole numbers in a human range. A zod schema, so the rules
// read as data; problems name the path ("ageLimit.PRINCIPAL") and the value given.
import { z } from 'zod';
import { FILING_KINDS } from '../authority.ts';
import { CATEGORIES, EDUCATIONS, RANKS, UNIT_LEVELS } from '../enums.ts';
import { formatMessage, listParam, type MessageKey, type MessageParams } from '../messages.ts';

const share = z.number().min(0).max(1);
const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const age = whole(16, 100);
const years = whole(0, 30);
const days = z.number().min(0).max(366);
const byKind = <T extends z.ZodType>(value: T) => z.strictObject({ PRINCIPAL: value, DEPUTY: value }).partial();
/** 1: yes, 0: no. */
const flag = whole(0, 1);
const band = z.strictObject({ from: age, to: age, share, youngUnder: age, minYoung: whole(0, 100) }).partial();

/** Every setting optional: an override names only what differs from the defaults. */
export const policyOverrideSchema = z
  .strictObject({
    reserveRatio: byKind(z.number().min(0).max(10)),
    ageLimit: byKind(age),
    // 0: as ageLimit.
    ageLimitWomen: byKind(z.union([z.literal(0), age])),
    minEducation: z.enum(EDUCATIONS),
    // 0: no full-time requirement (enterprise and village pools).
    fullTimeBachelorMaxAge: whole(0, 100),
    minYearsInLowerRank: years,
    minWorkYears: years,
    workYearsByEducation: z.array(z.strictObject({ atLeast: z.enum(EDUCATIONS), years })).max(6),
    managementPeriodYears: whole(1, 30),
    minCultivationYears: years,
    publicityDays: whole(0, 60),
    appointmentNoticeWorkingDays: whole(0, 30),
    calendar: z
      .strictObject({
        holidays: z.array(z.iso.date()).max(2000),
        workdays: z.array(z.iso.date()).max(500),
      })
      .partial(),
    qualificationExamRanks: z
      .array(z.enum(RANKS))
      .max(RANKS.length)
      .refine((r) => new Set(r).size === r.length, 'must not name a rank twice'),
    qualificationExamValidYears: years,
    poolAppointmentShare: share,
    recommendation: z
      .strictObject({
        groups: z
          .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be an upper-case key such as MASSES'))
          .min(1)
          .max(12)
          .refine((g) => new Set(g).size === g.length, 'must not name a group twice'),
        quorum: share,
        passShare: share,
        shortlist: whole(0, 100),
      })
      .partial(),
    selection: z
      .strictObject({
        maxScore: z.number().min(1).max(1000),
        rounds: z
          .array(
            z.strictObject({
              key: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be an upper-case key such as WRITTEN'),
              weight: share,
              passMark: z.number().min(0).max(1000),
              parts: z
                .array(
                  z.strictObject({
                    key: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be an upper-case key such as STAFF'),
                    weight: share,
                  }),
                )
                .max(10),
            }),
          )
          .min(1)
          .max(10)
          .refine((r) => Math.abs(r.reduce((s, x) => s + x.weight, 0) - 1) < 1e-9, 'weights must add up to 1')
          .refine((r) => new Set(r.map((x) => x.key)).size === r.length, 'must not name a round twice'),
      })
      .partial(),
    procedure: z
      .strictObject({
        requireRecommendation: z.boolean(),
        requireInspection: z.boolean(),
        requireDisciplineOpinion: z.boolean(),
        requireDutyReport: z.boolean(),
        requireCollectiveDecision: z.boolean(),
        meetingQuorum: share,
        meetingPassShare: share,
      })
      .partial(),
    authority: z
      .array(z.strictObject({ rank: z.enum(RANKS), level: z.enum(UNIT_LEVELS), mode: z.enum(FILING_KINDS) }))
      .max(50),
    mentorsPerReserve: whole(0, 10),
    mentorPrincipal: flag,
    mentorAssignDays: whole(0, 366),
    mentorContactsPerQuarter: whole(0, 13),
    talksPerYear: z.strictObject({ LEADERSHIP: whole(0, 52), HR: whole(0, 52) }).partial(),
    rotationReportWeights: z.strictObject({ manager: share, hr: share }).partial(),
    practice: z.strictObject({ secondmentMinMonths: whole(0, 60), reportDays: whole(0, 366) }).partial(),
    specialStructureShare: share,
    ageBands: z.strictObject({ PRINCIPAL: band, DEPUTY: band }).partial(),
    nearTermShare: share,
    bachelorShare: share,
    elimination: z
      .strictObject({
        incompetentVoteShare: share,
        lowPercentile: share,
        lowPercentileYears: whole(1, 10),
        potentialTestYears: years,
      })
      .partial(),
    training: z
      .strictObject({
        minCentralizedTrainings: whole(0, 100),
        minCentralizedDays: days,
        cadreTrainingRate: share,
        technicalDaysPerYear: days,
        technicalCoverage: share,
      })
      .partial(),
    retirementAge: age,
    reserveTrainingCoverage: share,
    complianceWarningTolerance: share,
    successionHorizonYears: whole(0, 30),
    alertWindowDays: whole(0, 366),
    poolLevels: z.strictObject({ CITY: flag, COUNTY: flag, TOWNSHIP: flag, VILLAGE: flag, DEPARTMENT: flag }).partial(),
    planning: z.strictObject({ intakeTier: z.enum(['NEAR_TERM', 'MID_TERM', 'LONG_TERM']) }).partial(),
    unitQuotas: z.strictObject({ perDepartment: z.number().min(0).max(10), perVillage: whole(0, 100) }).partial(),
    degreeTargets: z
      .array(
        z.strictObject({
          category: z.enum(CATEGORIES),
          maxAge: age.nullable(),
          atLeast: z.enum(EDUCATIONS),
          share,
        }),
      )
      .max(50),
  })
  .partial();

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v = root;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** What is wrong, as a message key and its parameters. */
function describe(issue: z.core.$ZodIssue, given: unknown): { key: MessageKey; params: MessageParams } {
  const got = JSON.stringify(given)?.slice(0, 40) ?? String(given);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { key: 'policy.notASetting', params: {} };
    case 'too_big':
      return { key: 'policy.tooBig', params: { max: String(issue.maximum), got } };
    case 'too_small':
      return { key: 'policy.tooSmall', params: { min: String(issue.minimum), got } };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'policy.notWhole', params: { got: `${given}` } };
      if (issue.expected === 'number' && typeof given === 'number') return { key: 'policy.notFinite', params: { got } };
      return TYPE_KEYS[issue.expected]
        ? { key: TYPE_KEYS[issue.expected]!, params: { got } }
        : { key: 'policy.wrongType', params: { expected: issue.expected, got } };
    case 'invalid_value':
      return { key: 'policy.notOneOf', params: { values: listParam(issue.values.map(String)), got } };
    default: {
      const example = /^must be an upper-case key such as (\w+)$/.exec(issue.message)?.[1];
      if (example) return { key: 'policy.upperCaseKey', params: { example, got } };
      const custom = CUSTOM_KEYS[issue.message];
      return custom
        ? { key: custom, params: { got } }
        : { key: 'policy.invalid', params: { problem: issue.message, got } };
    }
  }
}

const TYPE_KEYS: Record<string, MessageKey> = {
  object: 'policy.notObject',
  array: 'policy.notList',
  number: 'policy.notNumber',
  string: 'policy.notText',
  boolean: 'policy.notBoolean',
};

/** The schema's own refinements, by their message. */
const CUSTOM_KEYS: Record<string, MessageKey> = {
  'must not name a group twice': 'policy.groupTwice',
  'must not name a round twice': 'policy.roundTwice',
  'weights must add up to 1': 'policy.weightsSum',
};

export interface PolicyProblem {
  /** The setting's path ("ageLimit.PRINCIPAL"). */
  path: string;
  /** What is wrong, in English; `messageKey` and `params` give it in any language (domain/messages.ts). */
  message: string;
  messageKey: MessageKey;
  params: MessageParams;
}

export function policyOverrideProblems(overrides: unknown): PolicyProblem[] {
  const result = policyOverrideSchema.safeParse(overrides);
  if (result.success) return [];
  const problem = (path: string, { key, params }: { key: MessageKey; params: MessageParams }): PolicyProblem => ({
    path,
    message: formatMessage(key, params, 'en'),
    messageKey: key,
    params,
  });
  return result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) =>
        problem([...issue.path, key].join('.'), { key: 'policy.notASetting', params: {} }),
      );
    return [problem(issue.path.join('.') || '(overrides)', describe(issue, valueAt(overrides, issue.path)))];
  });
}
