// The interchange format, version 1 (docs/dataset-format.md), as data: each array's fields
// in the order export writes them, with their types. Validation and export both read this.
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
  TIERS,
  TITLES,
  TRAINING_KINDS,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../../domain/enums.ts';

export const FORMAT_VERSION = 1;

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
}

const str = (name: string, nullable = false): FieldSpec => ({ name, type: { kind: 'string' }, nullable });
const date = (name: string, nullable = false): FieldSpec => ({ name, type: { kind: 'date' }, nullable });
const int = (name: string): FieldSpec => ({ name, type: { kind: 'int' }, nullable: false });
const num = (name: string, nullable = false): FieldSpec => ({ name, type: { kind: 'number' }, nullable });
const bool = (name: string): FieldSpec => ({ name, type: { kind: 'boolean' }, nullable: false });
const oneOf = (name: string, values: readonly string[], nullable = false): FieldSpec => ({
  name,
  type: { kind: 'enum', values },
  nullable,
});

export const ARRAYS = ['units', 'positions', 'people', 'reserves', 'trainings', 'assessments', 'practices'] as const;
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
    date('birthDate'),
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
    str('program'),
    oneOf('kind', TRAINING_KINDS),
    date('start'),
    num('days'),
    num('hours', true),
    num('credits', true),
    bool('completed'),
  ],
  assessments: [
    str('personId'),
    int('year'),
    oneOf('grade', GRADES),
    num('incompetentVoteShare', true),
    num('deptPercentile', true),
  ],
  practices: [
    str('personId'),
    oneOf('kind', PRACTICE_KINDS),
    str('unitCode', true),
    date('start'),
    date('end', true),
    num('reportScore', true),
  ],
};

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
  };
}
