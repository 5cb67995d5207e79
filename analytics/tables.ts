// The analytical copy's tables: what is read from the operational database, and how.
// Dates travel as `YYYY-MM-DD` text and enums as text, so one SELECT serves both databases.

export type DuckType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface CopiedTable {
  name: string;
  source: string;
  /** DuckDB column, its type, and the operational column that feeds it (enums read as text). */
  columns: [name: string, type: DuckType, sourceColumn: string][];
  /** The key column, for incremental refresh of single records. */
  key?: string;
}

/** The operational expression for a column: dates as `YYYY-MM-DD` text, enums as text. */
export function sourceExpr(
  type: DuckType,
  column: string,
  provider: 'sqlite' | 'postgresql',
  datesAsText = true,
): string {
  if (type === 'DATE')
    return datesAsText || provider === 'sqlite' ? `substr(CAST("${column}" AS TEXT), 1, 10)` : `"${column}"`;
  if (type === 'VARCHAR') return provider === 'postgresql' ? `CAST("${column}" AS TEXT)` : `"${column}"`;
  return `"${column}"`;
}

export const TABLES: CopiedTable[] = [
  {
    name: 'units',
    source: 'Unit',
    key: 'code',
    columns: [
      ['id', 'INTEGER', 'id'],
      ['code', 'VARCHAR', 'code'],
      ['name', 'VARCHAR', 'name'],
      ['parent_code', 'VARCHAR', 'parentCode'],
      ['kind', 'VARCHAR', 'kind'],
      ['level', 'VARCHAR', 'level'],
      ['path', 'VARCHAR', 'path'],
      ['depth', 'INTEGER', 'depth'],
    ],
  },
  {
    name: 'positions',
    source: 'Position',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', 'code'],
      ['unit_code', 'VARCHAR', 'unitCode'],
      ['kind', 'VARCHAR', 'kind'],
      ['rank', 'VARCHAR', 'rank'],
      ['category', 'VARCHAR', 'category'],
      ['incumbent_code', 'VARCHAR', 'incumbentId'],
      ['term_ends', 'DATE', 'termEnds'],
    ],
  },
  {
    name: 'people',
    source: 'Person',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', 'code'],
      ['gender', 'VARCHAR', 'gender'],
      ['birth_date', 'DATE', 'birthDate'],
      ['ethnicity', 'VARCHAR', 'ethnicity'],
      ['political_status', 'VARCHAR', 'politicalStatus'],
      ['education', 'VARCHAR', 'education'],
      ['full_time_education', 'VARCHAR', 'fullTimeEducation'],
      ['title', 'VARCHAR', 'title'],
      ['rank', 'VARCHAR', 'rank'],
      ['category', 'VARCHAR', 'category'],
      ['unit_code', 'VARCHAR', 'unitCode'],
    ],
  },
  {
    name: 'reserves',
    source: 'ReserveEntry',
    key: 'code',
    columns: [
      ['code', 'VARCHAR', 'code'],
      ['person_code', 'VARCHAR', 'personCode'],
      ['unit_code', 'VARCHAR', 'unitCode'],
      ['kind', 'VARCHAR', 'targetKind'],
      ['tier', 'VARCHAR', 'tier'],
      ['direction', 'VARCHAR', 'direction'],
      ['source', 'VARCHAR', 'source'],
      ['status', 'VARCHAR', 'status'],
      ['nominated_on', 'DATE', 'nominatedOn'],
      ['entered_on', 'DATE', 'enteredOn'],
      ['exited_on', 'DATE', 'exitedOn'],
      ['exit_reason', 'VARCHAR', 'exitReason'],
    ],
  },
  {
    name: 'trainings',
    source: 'Training',
    columns: [
      ['person_code', 'VARCHAR', 'personCode'],
      ['kind', 'VARCHAR', 'kind'],
      ['start', 'DATE', 'start'],
      ['days', 'DOUBLE', 'days'],
      ['credits', 'DOUBLE', 'credits'],
      ['completed', 'BOOLEAN', 'completed'],
    ],
  },
  {
    name: 'assessments',
    source: 'Assessment',
    columns: [
      ['person_code', 'VARCHAR', 'personCode'],
      ['year', 'INTEGER', 'year'],
      ['grade', 'VARCHAR', 'grade'],
      ['incompetent_vote_share', 'DOUBLE', 'incompetentVoteShare'],
      ['dept_percentile', 'DOUBLE', 'deptPercentile'],
    ],
  },
];
