// The schema's enums the dashboard offers as choices, in display order. Each list is checked
// against schema.graphql's enum (a value the schema does not have, or a value missing from the
// list, fails `tsc -p web`); labels come from the translation files (`enum.<Name>.<VALUE>`).
import type { introspection_types } from './graphql-env.d.ts';

type EnumValues<N extends keyof introspection_types> = introspection_types[N] extends { enumValues: infer V }
  ? V
  : never;

/** A list of every value of the schema's enum N, each once (checked both ways). */
const all =
  <N extends keyof introspection_types>() =>
  <const L extends readonly EnumValues<N>[]>(list: L & ([EnumValues<N>] extends [L[number]] ? unknown : never)) =>
    list;

export const RESERVE_STATUSES = all<'ReserveStatus'>()([
  'NOMINATED',
  'INSPECTING',
  'PUBLICIZING',
  'ACTIVE',
  'PROMOTED',
  'REMOVED',
  'EXPIRED',
  'REJECTED',
]);
export const RANKS = all<'Rank'>()([
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
]);
export const DIRECTIONS = all<'Direction'>()(['ECONOMY', 'LEGAL', 'SOCIAL', 'URBAN', 'AGRICULTURE', 'PARTY']);
export const SOURCES = all<'Source'>()([
  'DEMOCRATIC_RECOMMENDATION',
  'OPEN_SELECTION',
  'EXAM_SELECTION',
  'SELF_NOMINATION',
  'ORG_NOMINATION',
  'SELECTED_GRADUATE',
  'OTHER',
]);
export const TALK_KINDS = all<'TalkKind'>()(['LEADERSHIP', 'HR']);
export const POSITION_KINDS = all<'PositionKind'>()(['PRINCIPAL', 'DEPUTY']);
export const TIERS = all<'Tier'>()(['NEAR_TERM', 'MID_TERM', 'LONG_TERM']);
export const GENDERS = all<'Gender'>()(['M', 'F']);
export const EDUCATIONS = all<'Education'>()([
  'HIGH_SCHOOL',
  'SECONDARY',
  'ASSOCIATE',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
]);
export const UNIT_KINDS = all<'UnitKind'>()([
  'PARTY_GOV',
  'INSTITUTION',
  'ENTERPRISE',
  'TOWNSHIP',
  'VILLAGE',
  'SCHOOL',
  'OTHER',
]);
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
