// The schema's enums the dashboard offers as choices, in display order: the domain's own lists
// (domain/enums.ts, the ones the schema is built from), each checked against schema.graphql's enum
// (a value the schema does not have, or a value missing from the list, fails `tsc -p web`).
// Labels come from the translation files (`enum.<Name>.<VALUE>`).
import * as E from '../../../domain/enums.ts';
import type { introspection_types } from './graphql-env.d.ts';

type EnumValues<N extends keyof introspection_types> = introspection_types[N] extends { enumValues: infer V }
  ? V
  : never;

/** A list of every value of the schema's enum N, each once (checked both ways). */
const all =
  <N extends keyof introspection_types>() =>
  <const L extends readonly EnumValues<N>[]>(list: L & ([EnumValues<N>] extends [L[number]] ? unknown : never)) =>
    list;

export const RESERVE_STATUSES = all<'ReserveStatus'>()(E.RESERVE_STATUSES);
export const RANKS = all<'Rank'>()(E.RANKS);
export const DIRECTIONS = all<'Direction'>()(E.DIRECTIONS);
export const SOURCES = all<'Source'>()(E.SOURCES);
export const TALK_KINDS = all<'TalkKind'>()(E.TALK_KINDS);
export const TRAINING_KINDS = all<'TrainingKind'>()(E.TRAINING_KINDS);
export const GRADES = all<'Grade'>()(E.GRADES);
export const PRACTICE_KINDS = all<'PracticeKind'>()(E.PRACTICE_KINDS);
export const POSITION_KINDS = all<'PositionKind'>()(E.POSITION_KINDS);
export const TIERS = all<'Tier'>()(E.TIERS);
export const GENDERS = all<'Gender'>()(E.GENDERS);
export const EDUCATIONS = all<'Education'>()(E.EDUCATIONS);
export const UNIT_KINDS = all<'UnitKind'>()(E.UNIT_KINDS);
/** The roster's orderings, in the order the dashboard offers them (the schema's own enum). */
export const RESERVE_ORDER_FIELDS = all<'ReserveOrderField'>()([
  'CODE',
  'NAME',
  'BIRTH_DATE',
  'NOMINATED_ON',
  'ENTERED_ON',
]);

export type ReserveStatus = (typeof RESERVE_STATUSES)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];
export type ReserveOrderField = (typeof RESERVE_ORDER_FIELDS)[number];
