// The analytical copy's tables: what is read from the operational database, and how.
// Column lists pair the DuckDB column with the operational expression that feeds it; dates
// travel as `YYYY-MM-DD` text (the same SQL works on SQLite and PostgreSQL).

export type DuckType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface CopiedTable {
  name: string;
  source: string;
  columns: [name: string, type: DuckType, sourceExpr: string][];
  /** The key column, for incremental refresh of single records. */
  key?: string;
}

const date = (col: string) => `substr(CAST("${col}" AS TEXT), 1, 10)`;
const q = (col: string) => `"${col}"`;
const enumText = (col: string) => `CAST("${col}" AS TEXT)`;

export const TABLES: CopiedTable[] = [
  {
    name: 'unit',
    source: 'Unit',
    key: 'code',
    columns: [
      ['id', 'INTEGER', q('id')],
      ['code', 'VARCHAR', q('code')],
      ['name', 'VARCHAR', q('name')],
      ['parent_code', 'VARCHAR', q('parentCode')],
      ['kind', 'VARCHAR', enumText('kind')],
      ['level', 'VARCHAR', enumText('level')],
      ['path', 'VARCHAR', q('path')],
      ['depth', 'INTEGER', q('depth')],
    ],
  },
  {
    name: 'position',
    source: 'Position',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', q('code')],
      ['unit_code', 'VARCHAR', q('unitCode')],
      ['kind', 'VARCHAR', enumText('kind')],
      ['rank', 'VARCHAR', enumText('rank')],
      ['category', 'VARCHAR', enumText('category')],
      ['incumbent_code', 'VARCHAR', q('incumbentId')],
      ['term_ends', 'DATE', date('termEnds')],
    ],
  },
  {
    name: 'person',
    source: 'Person',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', q('code')],
      ['gender', 'VARCHAR', enumText('gender')],
      ['birth_date', 'DATE', date('birthDate')],
      ['ethnicity', 'VARCHAR', q('ethnicity')],
      ['political_status', 'VARCHAR', enumText('politicalStatus')],
      ['education', 'VARCHAR', enumText('education')],
      ['full_time_education', 'VARCHAR', enumText('fullTimeEducation')],
      ['title', 'VARCHAR', enumText('title')],
      ['rank', 'VARCHAR', enumText('rank')],
      ['category', 'VARCHAR', enumText('category')],
      ['unit_code', 'VARCHAR', q('unitCode')],
    ],
  },
  {
    name: 'reserve',
    source: 'ReserveEntry',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', q('code')],
      ['person_code', 'VARCHAR', q('personCode')],
      ['unit_code', 'VARCHAR', q('unitCode')],
      ['kind', 'VARCHAR', enumText('targetKind')],
      ['tier', 'VARCHAR', enumText('tier')],
      ['direction', 'VARCHAR', enumText('direction')],
      ['source', 'VARCHAR', enumText('source')],
      ['status', 'VARCHAR', enumText('status')],
      ['nominated_on', 'DATE', date('nominatedOn')],
      ['entered_on', 'DATE', date('enteredOn')],
      ['exited_on', 'DATE', date('exitedOn')],
      ['exit_reason', 'VARCHAR', q('exitReason')],
    ],
  },
  {
    name: 'training',
    source: 'Training',
    columns: [
      ['person_code', 'VARCHAR', q('personCode')],
      ['kind', 'VARCHAR', enumText('kind')],
      ['start', 'DATE', date('start')],
      ['days', 'DOUBLE', q('days')],
      ['credits', 'DOUBLE', q('credits')],
      ['completed', 'BOOLEAN', q('completed')],
    ],
  },
  {
    name: 'assessment',
    source: 'Assessment',
    columns: [
      ['person_code', 'VARCHAR', q('personCode')],
      ['year', 'INTEGER', q('year')],
      ['grade', 'VARCHAR', enumText('grade')],
      ['incompetent_vote_share', 'DOUBLE', q('incompetentVoteShare')],
      ['dept_percentile', 'DOUBLE', q('deptPercentile')],
    ],
  },
];
