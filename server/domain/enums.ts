// Enum value lists, read from the Prisma schema's generated enums (the schema is their source).
import * as E from '../db/generated/sqlite/enums.ts';

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as T[keyof T][];

export const UNIT_KINDS = values(E.UnitKind);
export const UNIT_LEVELS = values(E.UnitLevel);
export const POSITION_KINDS = values(E.PositionKind);
export const RANKS = values(E.Rank);
export const CATEGORIES = values(E.Category);
export const GENDERS = values(E.Gender);
export const POLITICAL_STATUSES = values(E.PoliticalStatus);
export const EDUCATIONS = values(E.Education);
export const TITLES = values(E.Title);
export const TIERS = values(E.Tier);
export const DIRECTIONS = values(E.Direction);
export const SOURCES = values(E.Source);
export const RESERVE_STATUSES = values(E.ReserveStatus);
export const TRAINING_KINDS = values(E.TrainingKind);
export const GRADES = values(E.Grade);
export const PRACTICE_KINDS = values(E.PracticeKind);

export type {
  Category,
  Direction,
  Education,
  Gender,
  Grade,
  PoliticalStatus,
  PositionKind,
  PracticeKind,
  Rank,
  ReserveStatus,
  Source,
  Tier,
  Title,
  TrainingKind,
  UnitKind,
  UnitLevel,
} from '../db/generated/sqlite/enums.ts';

/** Statuses of an entry that is still open (pre-pool or in the pool). */
export const OPEN_STATUSES: readonly E.ReserveStatus[] = ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE'];
