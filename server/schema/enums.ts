// GraphQL enums, the same values as the database's.

import { z } from 'zod';
import * as E from '../../domain/enums.ts';
import { builder } from '../builder.ts';

export const UnitKindEnum = builder.enumType('UnitKind', { values: E.UNIT_KINDS });
export const UnitLevelEnum = builder.enumType('UnitLevel', { values: E.UNIT_LEVELS });
export const PositionKindEnum = builder.enumType('PositionKind', { values: E.POSITION_KINDS });
export const RankEnum = builder.enumType('Rank', { values: E.RANKS });
export const CategoryEnum = builder.enumType('Category', { values: E.CATEGORIES });
export const GenderEnum = builder.enumType('Gender', { values: E.GENDERS });
export const PoliticalStatusEnum = builder.enumType('PoliticalStatus', { values: E.POLITICAL_STATUSES });
export const EducationEnum = builder.enumType('Education', { values: E.EDUCATIONS });
export const TitleEnum = builder.enumType('Title', { values: E.TITLES });
export const TierEnum = builder.enumType('Tier', { values: E.TIERS });
export const DirectionEnum = builder.enumType('Direction', { values: E.DIRECTIONS });
export const SourceEnum = builder.enumType('Source', { values: E.SOURCES });
export const ReserveStatusEnum = builder.enumType('ReserveStatus', { values: E.RESERVE_STATUSES });
export const TrainingKindEnum = builder.enumType('TrainingKind', { values: E.TRAINING_KINDS });
export const GradeEnum = builder.enumType('Grade', { values: E.GRADES });
export const PracticeKindEnum = builder.enumType('PracticeKind', { values: E.PRACTICE_KINDS });
export const TalkKindEnum = builder.enumType('TalkKind', { values: E.TALK_KINDS });
export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

/**
 * A list argument of an enum's values: at most as many values as the enum has (each once is all
 * a filter can mean), refused at the edge with the argument named. The list becomes SQL (an
 * `IN (…)` or literals), so its length is bounded before anything reads it.
 */
export const enumList = (values: readonly string[]) =>
  z
    .array(z.unknown())
    .max(values.length, { message: `at most ${values.length} values, each of the enum's values once` });
