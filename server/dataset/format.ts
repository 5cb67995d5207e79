// The interchange format, version 2 (docs/dataset-format.md), as data: each array's fields
// in the order export writes them, with their types and bounds. Validation, export and the
// GraphQL inputs that write the same records (server/schema/person-records.ts) all read this.

import {
  CATEGORIES,
  DIRECTIONS,
  EDUCATIONS,
  GENDERS,
  GRADES,
  POLITICAL_STATUSES,
  POSITION_KINDS,
  PRACTICE_KINDS,
  RANKS,
  RESERVE_STATUSES,
  SOURCES,
  TALK_KINDS,
  TIERS,
  TITLES,
  TRAINING_KINDS,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../../domain/enums.ts';
import { MAX_SHORT_TEXT } from '../../domain/text.ts';

export const FORMAT_VERSION = 2;
/** Versions read: a version 1 file has none of the person-record arrays, and reads as it did. */
export const READ_VERSIONS = [1, 2];

export type FieldType =
  | { kind: 'string' }
  | { kind: 'date' }
  | { kind: 'int' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] };

export interface FieldSpec {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** Bounds of a number (inclusive). */
  min?: number;
  max?: number;
  /** Longest text, in characters. */
  maxLength?: number;
  /** A date that cannot lie in the future (a birth date). */
  notAfterToday?: boolean;
}

type Bounds = Pick<FieldSpec, 'min' | 'max' | 'maxLength'>;
const str = (name: string, nullable = false, bounds: Bounds = {}): FieldSpec => ({
  name,
  type: { kind: 'string' },
  nullable,
  maxLength: MAX_SHORT_TEXT,
  ...bounds,
});
/** A date within DATE_MIN..DATE_MAX; `past`: not after the day of the import (a birth date). */
const date = (name: string, nullable = false, past = false): FieldSpec => ({
  name,
  type: { kind: 'date' },
  nullable,
  ...(past ? { notAfterToday: true } : {}),
});
const int = (name: string, bounds: Bounds = {}): FieldSpec => ({
  name,
  type: { kind: 'int' },
  nullable: false,
  ...bounds,
});
const num = (name: string, nullable = false, bounds: Bounds = {}): FieldSpec => ({
  name,
  type: { kind: 'number' },
  nullable,
  ...bounds,
});
const bool = (name: string): FieldSpec => ({ name, type: { kind: 'boolean' }, nullable: false });
const oneOf = (name: string, values: readonly string[], nullable = false): FieldSpec => ({
  name,
  type: { kind: 'enum', values },
  nullable,
});

export const ARRAYS = [
  'units',
  'positions',
  'people',
  'reserves',
  'trainings',
  'assessments',
  'practices',
  'mentors',
  'talks',
  'appointments',
  'profiles',
  'resumeLines',
  'rewardsPenalties',
  'familyMembers',
  'identities',
] as const;

/** The person-record arrays (version 2): each record belongs to a person of the same file. */
export const PERSON_RECORD_ARRAYS = [
  'profiles',
  'resumeLines',
  'rewardsPenalties',
  'familyMembers',
  'identities',
] as const;

/** A profile's text fields, as written on the form (PersonProfile's columns of the same names). */
export const PROFILE_TEXT = [
  'nativePlace',
  'birthPlace',
  'partyJoined',
  'health',
  'professionalTitle',
  'specialty',
  'fullTimeEducation',
  'fullTimeDegree',
  'fullTimeSchool',
  'fullTimeDegreeSchool',
  'inServiceEducation',
  'inServiceDegree',
  'inServiceSchool',
  'inServiceDegreeSchool',
  'currentPost',
] as const;

/** Photos in the dataset: base64 of at most 1 MiB (decoded). */
const PHOTO_BASE64 = Math.ceil(((1 << 20) * 4) / 3) + 4;
export type ArrayName = (typeof ARRAYS)[number];

export const FIELDS: Record<ArrayName, FieldSpec[]> = {
  units: [str('code'), str('name'), str('parentCode', true), oneOf('kind', UNIT_KINDS), oneOf('level', UNIT_LEVELS)],
  positions: [
    str('code'),
    str('unitCode'),
    str('title'),
    oneOf('kind', POSITION_KINDS),
    oneOf('rank', RANKS),
    oneOf('category', CATEGORIES),
    str('incumbentId', true),
    date('termEnds', true),
  ],
  people: [
    str('id'),
    str('name'),
    oneOf('gender', GENDERS),
    date('birthDate', false, true),
    str('ethnicity'),
    oneOf('politicalStatus', POLITICAL_STATUSES),
    oneOf('education', EDUCATIONS),
    oneOf('fullTimeEducation', EDUCATIONS, true),
    oneOf('title', TITLES),
    oneOf('rank', RANKS),
    date('rankSince', true),
    date('workStart'),
    oneOf('category', CATEGORIES),
    str('unitCode'),
  ],
  reserves: [
    str('id'),
    str('personId'),
    str('unitCode'),
    oneOf('targetKind', POSITION_KINDS),
    oneOf('targetRank', RANKS),
    oneOf('tier', TIERS),
    oneOf('direction', DIRECTIONS),
    oneOf('source', SOURCES),
    oneOf('status', RESERVE_STATUSES),
    date('nominatedOn'),
    date('enteredOn', true),
    date('exitedOn', true),
    str('exitReason', true),
  ],
  trainings: [
    str('personId'),
    str('program', false, { maxLength: 200 }),
    oneOf('kind', TRAINING_KINDS),
    date('start'),
    num('days', false, { min: 0, max: 366 }),
    num('hours', true, { min: 0, max: 8784 }),
    num('credits', true, { min: 0, max: 1000 }),
    bool('completed'),
  ],
  assessments: [
    str('personId'),
    int('year', { min: 1950, max: 2100 }),
    oneOf('grade', GRADES),
    num('incompetentVoteShare', true, { min: 0, max: 1 }),
    num('deptPercentile', true, { min: 0, max: 1 }),
  ],
  practices: [
    str('personId'),
    oneOf('kind', PRACTICE_KINDS),
    str('unitCode', true),
    date('start'),
    date('end', true),
    num('reportScore', true, { min: 0, max: 100 }),
  ],
  // Records of an entry (its `id` in reserves); optional arrays, added in version 1 files too.
  mentors: [
    str('reserveId'),
    str('mentorName', false, { maxLength: 50 }),
    str('mentorPersonId', true),
    date('since'),
    date('until', true),
  ],
  talks: [str('reserveId'), oneOf('kind', TALK_KINDS), date('on'), str('notes', true, { maxLength: 2000 })],
  // 任职 records: who was appointed to a post on which day (from the pool: the entry promoted);
  // `on` null: held since before the records begin.
  appointments: [
    str('positionCode'),
    str('personId'),
    date('on', true, true),
    date('until', true),
    date('termEnds', true),
    str('reserveId', true),
    // Who held the post before this appointment is not recorded: before `on` the post counts as
    // held by this person. Null: so for a post's first dated appointment in the file.
    { name: 'priorUnknown', type: { kind: 'boolean' }, nullable: true },
  ],
  // Version 2: the person's full record (the 干部任免审批表's fields; docs/interchange.md).
  profiles: [
    str('personId'),
    ...PROFILE_TEXT.map((f) => str(f, true, f === 'specialty' ? { maxLength: 2000 } : {})),
    date('currentPostSince', true),
    str('assessmentText', true, { maxLength: 2000 }),
    str('kept', true, { maxLength: 100_000 }),
  ],
  resumeLines: [
    str('personId'),
    int('seq', { min: 0, max: 999 }),
    str('start', true, { maxLength: 7 }),
    str('end', true, { maxLength: 7 }),
    str('text', false, { maxLength: 1000 }),
  ],
  rewardsPenalties: [str('personId'), int('seq', { min: 0, max: 999 }), str('text', false, { maxLength: 2000 })],
  familyMembers: [
    str('personId'),
    int('seq', { min: 0, max: 999 }),
    str('relation', false, { maxLength: 50 }),
    str('name', false, { maxLength: 50 }),
    str('birthMonth', true, { maxLength: 7 }),
    str('politicalStatus', true, { maxLength: 50 }),
    str('workplace', true),
  ],
  identities: [
    str('personId'),
    str('idNumber', true, { maxLength: 18 }),
    str('photo', true, { maxLength: PHOTO_BASE64 }),
    oneOf('photoType', ['image/jpeg', 'image/png'], true),
  ],
};

/** A field's spec, by array and name (the GraphQL inputs bound their fields with it). */
export function fieldSpec(array: ArrayName, name: string): FieldSpec {
  const spec = FIELDS[array].find((f) => f.name === name);
  if (!spec) throw new Error(`the dataset has no field ${array}.${name}`);
  return spec;
}

/** The key that names a record in errors and must be unique within its array. */
export const KEY_FIELD: Partial<Record<ArrayName, string>> = {
  units: 'code',
  positions: 'code',
  people: 'id',
  reserves: 'id',
};

export type DatasetRecord = Record<string, string | number | boolean | null>;

export type Dataset = { formatVersion: number } & Record<ArrayName, DatasetRecord[]>;

export function emptyDataset(): Dataset {
  return {
    formatVersion: FORMAT_VERSION,
    units: [],
    positions: [],
    people: [],
    reserves: [],
    trainings: [],
    assessments: [],
    practices: [],
    mentors: [],
    talks: [],
    appointments: [],
    profiles: [],
    resumeLines: [],
    rewardsPenalties: [],
    familyMembers: [],
    identities: [],
  };
}
