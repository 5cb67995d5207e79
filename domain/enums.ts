// The domain's enumerations: the values every layer shares (the Prisma schema declares the same
// lists for the databases; test/unit/enums.test.ts keeps the two equal). Order matters where the
// domain orders: EDUCATIONS and TITLES run from lowest to highest.

export const UNIT_KINDS = ['PARTY_GOV', 'INSTITUTION', 'ENTERPRISE', 'TOWNSHIP', 'VILLAGE', 'SCHOOL', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'DEPARTMENT'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const POSITION_KINDS = ['PRINCIPAL', 'DEPUTY'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export const RANKS = [
  'BUREAU_PRINCIPAL',
  'BUREAU_DEPUTY',
  'DIVISION_PRINCIPAL',
  'DIVISION_DEPUTY',
  'SECTION_PRINCIPAL',
  'SECTION_DEPUTY',
  'MIDDLE_PRINCIPAL',
  'MIDDLE_DEPUTY',
  'VILLAGE_CADRE',
  'STAFF',
] as const;
export type Rank = (typeof RANKS)[number];

export const CATEGORIES = ['PARTY_GOV', 'MANAGEMENT', 'TECHNICAL', 'ENTERPRISE_MANAGER'] as const;
export type Category = (typeof CATEGORIES)[number];

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

export const POLITICAL_STATUSES = ['CPC', 'DEMOCRATIC_PARTY', 'NON_PARTY', 'MASSES'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const EDUCATIONS = ['HIGH_SCHOOL', 'SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type Education = (typeof EDUCATIONS)[number];

export const TITLES = ['NONE', 'JUNIOR', 'INTERMEDIATE', 'SUB_SENIOR', 'SENIOR'] as const;
export type Title = (typeof TITLES)[number];

export const TIERS = ['NEAR_TERM', 'MID_TERM', 'LONG_TERM'] as const;
export type Tier = (typeof TIERS)[number];

export const DIRECTIONS = ['ECONOMY', 'LEGAL', 'SOCIAL', 'URBAN', 'AGRICULTURE', 'PARTY'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SOURCES = [
  'DEMOCRATIC_RECOMMENDATION',
  'OPEN_SELECTION',
  'EXAM_SELECTION',
  'SELF_NOMINATION',
  'ORG_NOMINATION',
  'SELECTED_GRADUATE',
  'OTHER',
] as const;
export type Source = (typeof SOURCES)[number];

export const RESERVE_STATUSES = [
  'NOMINATED',
  'INSPECTING',
  'PUBLICIZING',
  'ACTIVE',
  'PROMOTED',
  'REMOVED',
  'EXPIRED',
  'REJECTED',
] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];

export const TRAINING_KINDS = ['CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED', 'ONLINE', 'SPECIAL', 'DEGREE'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const GRADES = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const;
export type Grade = (typeof GRADES)[number];

export const PRACTICE_KINDS = ['SECONDMENT', 'ROTATION', 'PART_TIME'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

export const TALK_KINDS = ['LEADERSHIP', 'HR', 'MENTOR'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export const ROLES = ['LEADER', 'ORG_OFFICER', 'PLANNER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Statuses of an entry that is still open (pre-pool or in the pool). */
export const OPEN_STATUSES: readonly ReserveStatus[] = ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE'];
