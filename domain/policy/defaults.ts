// The policy numbers of the domain rules (docs/domain.md), as data with defaults. Deployments
// override them per unit kind from a date on (stored versions, domain/policy/effective.ts); metric
// and lifecycle code reads them from a Policy object, never from literals.
import type { AuthorityLine } from '../authority.ts';
import { CHINA_CALENDAR, type WorkCalendar } from '../calendar.ts';
import type { Education, Rank } from '../enums.ts';

/** The main body's age band (share of entries aged from–to) and the young members wanted. */
export interface AgeBand {
  from: number;
  to: number;
  share: number;
  /** At least `minYoung` entries aged under `youngUnder`. */
  youngUnder: number;
  minYoung: number;
}

/** One round of the selection's scores (笔试, 演讲答辩, 组织考察): its weight in the final score,
 * its pass mark (below it the candidate is eliminated) and, when raters score it in groups, the
 * parts and their weights within the round. */
export interface SelectionRound {
  key: string;
  weight: number;
  passMark: number;
  parts: { key: string; weight: number }[];
}

export interface Policy {
  reserveRatio: { PRINCIPAL: number; DEPUTY: number };
  /** The age limit at nomination by kind (men's where ageLimitWomen differs): over it means age > limit. */
  ageLimit: { PRINCIPAL: number; DEPUTY: number };
  /**
   * Women's age limit by kind where it differs (「男45周岁以下，女40周岁以下」); 0: the same as
   * ageLimit (the default, so a version that changes ageLimit changes it for everyone).
   */
  ageLimitWomen: { PRINCIPAL: number; DEPUTY: number };
  /**
   * Minimum highest education at nomination, on the whole scale: 本科 for party and government
   * pools, 大专 for enterprises (「具有国家承认的大专及以上学历」), 高中 for village pools.
   */
  minEducation: Education;
  /** Aged this or under (「35周岁以下」: 以下 includes 35), a nominee needs full-time BACHELOR or above. */
  fullTimeBachelorMaxAge: number;
  minYearsInLowerRank: number;
  minWorkYears: number;
  /**
   * Years of work by highest education, replacing minWorkYears where a line fits (the first whose
   * level the nominee has): 「研究生学历，参加工作1年以上；本科及以上学历，参加工作3年以上；专科及以上
   * 学历，参加工作5年以上」. Empty: minWorkYears for everyone.
   */
  workYearsByEducation: { atLeast: Education; years: number }[];
  managementPeriodYears: number;
  minCultivationYears: number;
  publicityDays: number;
  /** 任前公示 before a promotion from the pool, in working days (「公示时间不少于5个工作日」); 0: none. */
  appointmentNoticeWorkingDays: number;
  /** The working-day calendar the notice counts on: holidays and weekend days worked (domain/calendar.ts). */
  calendar: WorkCalendar;
  /**
   * 任职资格考试: the ranks for which admission to a pool (the entry's target rank) and appointment
   * to a post (the post's rank) need a passed qualification exam held by that day (「取得任职资格
   * 证书的，方可作为县处级后备干部和提拔使用」); a certificate counts for some years after the exam
   * (qualificationExamValidYears; 0: without end). No ranks: no exam is required.
   */
  qualificationExamRanks: Rank[];
  qualificationExamValidYears: number;
  /**
   * 「党政领导班子成员一般应当从后备干部中选拔」: the share of a year's appointments to leadership
   * posts that came from the pool is always shown; above 0 it is also a target, below which a pool
   * unit is warned or in breach. 0 by default: the documents give no number (docs/decisions/042).
   */
  poolAppointmentShare: number;
  /** 民主推荐: the voter groups ballots are counted by, the turnout below which a round is void,
   * and the favour share a round must exceed (过半数: more than half) over all groups. A
   * comparative round (差额推荐) sends its `shortlist` best-ranked candidates to inspection; 0: as
   * many as the team's reserve target for the kind (ceil(ratio × posts), 「按照领导班子职数相应比例
   * 确定后备干部名单」). */
  recommendation: { groups: string[]; quorum: number; passShare: number; shortlist: number };
  /** Selection scores: the rounds in order; their weights add up to 1. */
  selection: { maxScore: number; rounds: SelectionRound[] };
  /** Which records a step needs: a passed recommendation round before inspection (for entries
   * from DEMOCRATIC_RECOMMENDATION), a concluded FIT inspection before the notice, and an item
   * adopted by a Party committee meeting before admission and removal (domain/decisions.ts): a
   * meeting decides with present / members ≥ meetingQuorum, an item passes with favour > members ×
   * meetingPassShare. */
  procedure: {
    requireRecommendation: boolean;
    requireInspection: boolean;
    /** The concluded FIT inspection records the discipline-inspection body's opinion (征求纪检意见). */
    requireDisciplineOpinion: boolean;
    /** The candidate's 述职 before the round that recommended it (「在进行民主推荐或者民意测评前，选拔对象
     * 应当述职」): the step to inspection needs one. */
    requireDutyReport: boolean;
    requireCollectiveDecision: boolean;
    meetingQuorum: number;
    meetingPassShare: number;
  };
  /**
   * Management authority (domain/authority.ts): for a target rank, the level whose organization
   * department a committee's decision below it is filed with (FILING) or needs the approval of
   * (APPROVAL). Several lines may name one rank (村级: the township approves, the county files).
   */
  authority: AuthorityLine[];
  mentorsPerReserve: number;
  /** 1: one of an entry's mentors is to hold a principal post of its unit (「其中1名为本单位的正职领导」); 0: any. */
  mentorPrincipal: number;
  /** Days from entering the pool by which the mentors are to be assigned (the alert waits for them). */
  mentorAssignDays: number;
  /** A mentor's talks (MENTOR) with the entry in each calendar quarter it was mentored through
   * (「每季度必须与后备人员进行一次沟通交流」); 0: not checked. */
  mentorContactsPerQuarter: number;
  talksPerYear: { LEADERSHIP: number; HR: number };
  rotationReportWeights: { manager: number; hr: number };
  /**
   * Practice assignments: a 挂职 lasts at least `secondmentMinMonths` (「挂职的时间不应低于10个月」),
   * and a 轮岗 or 挂职's report is due `reportDays` after it ends (「……结束，后备人才需在一个月内上交
   * 实习报告」). 0: not checked.
   */
  practice: { secondmentMinMonths: number; reportDays: number };
  specialStructureShare: number;
  ageBands: {
    PRINCIPAL: AgeBand;
    DEPUTY: AgeBand;
  };
  nearTermShare: number;
  bachelorShare: number;
  elimination: {
    incompetentVoteShare: number;
    lowPercentile: number;
    lowPercentileYears: number;
    potentialTestYears: number;
  };
  training: {
    minCentralizedTrainings: number;
    minCentralizedDays: number;
    cadreTrainingRate: number;
    technicalDaysPerYear: number;
    technicalCoverage: number;
  };
  retirementAge: number;
  /** Share of all reserves expected to be trained (covered) in a year. */
  reserveTrainingCoverage: number;
  /** A rule short of its target by at most this fraction of it is a warning, beyond it a breach. */
  complianceWarningTolerance: number;
  successionHorizonYears: number;
  alertWindowDays: number;
  /**
   * Pool levels (domain.md "Where each rule is judged"): 1 where units of that level keep a pool
   * (队伍) whose structure rules are judged over their subtree, 0 where the figure is only shown.
   */
  poolLevels: { CITY: number; COUNTY: number; TOWNSHIP: number; VILLAGE: number; DEPARTMENT: number };
  /**
   * Optional count-based quotas (0: not judged): reserves in a pool ≥ ceil(perDepartment × its
   * departments); reserves of a village or community team ≥ perVillage.
   */
  unitQuotas: { perDepartment: number; perVillage: number };
  /** Planning: the readiness tier an intake cohort starts on (domain.md "Planning — model 2"). */
  planning: { intakeTier: 'NEAR_TERM' | 'MID_TERM' | 'LONG_TERM' };
  degreeTargets: { category: string; maxAge: number | null; atLeast: string; share: number }[];
}

export const DEFAULT_POLICY: Policy = {
  reserveRatio: { PRINCIPAL: 2, DEPUTY: 1 },
  ageLimit: { PRINCIPAL: 45, DEPUTY: 40 },
  ageLimitWomen: { PRINCIPAL: 0, DEPUTY: 0 },
  minEducation: 'BACHELOR',
  fullTimeBachelorMaxAge: 35,
  minYearsInLowerRank: 2,
  minWorkYears: 3,
  workYearsByEducation: [],
  managementPeriodYears: 3,
  minCultivationYears: 1,
  publicityDays: 7,
  appointmentNoticeWorkingDays: 5,
  calendar: CHINA_CALENDAR,
  qualificationExamRanks: [],
  qualificationExamValidYears: 0,
  poolAppointmentShare: 0,
  recommendation: {
    groups: ['LEADERSHIP_TEAM', 'MIDDLE_MANAGERS', 'MEMBERS', 'MASSES'],
    quorum: 2 / 3,
    passShare: 0.5,
    shortlist: 0,
  },
  selection: {
    maxScore: 100,
    rounds: [
      { key: 'WRITTEN', weight: 0.3, passMark: 60, parts: [] },
      { key: 'SPEECH', weight: 0.35, passMark: 60, parts: [] },
      {
        key: 'INSPECTION',
        weight: 0.35,
        passMark: 60,
        // 「组织考察实行量化计分……满分35分。（其中：公司领导班子占15分，相关中层干部占10分，职工代表
        // 占10分。）」: the parts weigh 15 : 10 : 10 of the round's 35.
        parts: [
          { key: 'LEADERSHIP', weight: 15 / 35 },
          { key: 'MIDDLE_MANAGERS', weight: 10 / 35 },
          { key: 'STAFF', weight: 10 / 35 },
        ],
      },
    ],
  },
  procedure: {
    requireRecommendation: false,
    requireInspection: true,
    requireDisciplineOpinion: true,
    // One of the five documents asks for it (an article, 「应当述职」): off unless a preset says so.
    requireDutyReport: false,
    requireCollectiveDecision: true,
    meetingQuorum: 2 / 3,
    meetingPassShare: 0.5,
  },
  // 「对于正处级后备干部要上报市委组织部备案」; village reserves 「经乡党委审批同意，报县委组织部备案」.
  authority: [
    { rank: 'DIVISION_PRINCIPAL', level: 'CITY', mode: 'FILING' },
    { rank: 'VILLAGE_CADRE', level: 'TOWNSHIP', mode: 'APPROVAL' },
    { rank: 'VILLAGE_CADRE', level: 'COUNTY', mode: 'FILING' },
  ],
  mentorsPerReserve: 2,
  mentorPrincipal: 1,
  mentorAssignDays: 30,
  mentorContactsPerQuarter: 1,
  talksPerYear: { LEADERSHIP: 1, HR: 2 },
  rotationReportWeights: { manager: 0.6, hr: 0.4 },
  practice: { secondmentMinMonths: 10, reportDays: 30 },
  specialStructureShare: 0.15,
  ageBands: {
    PRINCIPAL: { from: 35, to: 45, share: 0.5, youngUnder: 35, minYoung: 1 },
    DEPUTY: { from: 30, to: 40, share: 0.5, youngUnder: 30, minYoung: 1 },
  },
  nearTermShare: 1 / 3,
  bachelorShare: 1,
  elimination: { incompetentVoteShare: 0.2, lowPercentile: 0.5, lowPercentileYears: 2, potentialTestYears: 2 },
  training: {
    minCentralizedTrainings: 2,
    minCentralizedDays: 3,
    cadreTrainingRate: 1 / 5,
    technicalDaysPerYear: 12,
    technicalCoverage: 0.9,
  },
  retirementAge: 60,
  reserveTrainingCoverage: 1,
  complianceWarningTolerance: 0.2,
  successionHorizonYears: 1,
  alertWindowDays: 90,
  poolLevels: { CITY: 1, COUNTY: 1, TOWNSHIP: 1, VILLAGE: 0, DEPARTMENT: 0 },
  unitQuotas: { perDepartment: 0, perVillage: 0 },
  planning: { intakeTier: 'MID_TERM' },
  degreeTargets: [
    { category: 'PARTY_GOV', maxAge: 50, atLeast: 'ASSOCIATE', share: 1 },
    { category: 'PARTY_GOV', maxAge: 50, atLeast: 'BACHELOR', share: 0.65 },
    { category: 'ENTERPRISE_MANAGER', maxAge: null, atLeast: 'BACHELOR', share: 0.7 },
    { category: 'MANAGEMENT', maxAge: null, atLeast: 'BACHELOR', share: 0.4 },
    { category: 'TECHNICAL', maxAge: null, atLeast: 'BACHELOR', share: 0.2 },
  ],
};

type NumberPaths<T> = {
  [K in keyof T & string]: T[K] extends number
    ? K
    : T[K] extends unknown[]
      ? never
      : T[K] extends object
        ? `${K}.${NumberPaths<T[K]>}`
        : never;
}[keyof T & string];

/** The path of a numeric policy setting, e.g. "reserveRatio.PRINCIPAL". */
export type PolicyNumberPath = NumberPaths<Policy>;

/** The number at a path of a policy. */
export function policyNumber(policy: Policy, path: PolicyNumberPath): number {
  let value: unknown = policy;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  if (typeof value !== 'number') throw new Error(`policy setting ${path} is not a number`);
  return value;
}
