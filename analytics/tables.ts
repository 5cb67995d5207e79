// The analytical copy's tables: what is read from the operational database, and how.
// Records are joined on integer ids in the copy (the operational tables join on string codes;
// hashing a million codes per query is what the copy avoids). Dates travel as `YYYY-MM-DD` text
// and enums as text, so one SELECT serves both operational databases; in the copy every date is
// a yyyymmdd integer (analytics/dialect.ts).
import { CENTRALIZED_TRAINING_KINDS } from '../domain/rules.ts';
import { type Dialect, yearOf } from './dialect.ts';

/** YMD: a date as a yyyymmdd INTEGER (20260701), the copy's one representation of dates. */
export type DuckType = 'VARCHAR' | 'YMD' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

/** The DuckDB column type. */
export function columnType(type: DuckType): string {
  return type === 'YMD' ? 'INTEGER' : type;
}

export interface CopiedTable {
  name: string;
  /** FROM clause on the operational database; the main table is aliased `t`. */
  from: string;
  /** Copy column, its type, and the operational expression that feeds it. */
  columns: [name: string, type: DuckType, expr: string][];
  /** The column a refresh selects by: one record's key, or the entry (mentors, talks) or the
   * person (trainings, assessments) whose records are read again together. */
  key?: string;
  /** What that key names, so a refresh can tell whose units' figures it touched (unitsNamedSql). */
  keyNames?: KeyNames;
}

/** What a refresh key names: an entry, a person, a post or a unit. */
export type KeyNames = 'entry' | 'person' | 'post' | 'unit';

/**
 * The ids of the units whose figures the named records count in, over the keys bound as the
 * VARCHAR[] parameter $keys: an entry's unit; a person's unit and the units of his or her
 * entries (the pool counts a reserve's trainings where the entry is); a post's unit.
 */
export function unitsNamedSql(names: KeyNames): string {
  const keys = 'SELECT unnest($keys::VARCHAR[])';
  switch (names) {
    case 'entry':
      return `SELECT unit_id FROM reserves WHERE code IN (${keys})`;
    case 'person':
      return `WITH pe AS (SELECT id, unit_id FROM people WHERE code IN (${keys}))
        SELECT unit_id FROM pe UNION SELECT unit_id FROM reserves WHERE person_id IN (SELECT id FROM pe)`;
    case 'post':
      return `SELECT unit_id FROM positions WHERE code IN (${keys})`;
    case 'unit':
      return `SELECT id FROM units WHERE code IN (${keys})`;
  }
}

/** The operational expression for a column: dates as `YYYY-MM-DD` text (or dates), enums as text. */
export function sourceExpr(
  type: DuckType,
  expr: string,
  provider: 'sqlite' | 'postgresql',
  datesAsText = true,
): string {
  if (type === 'YMD' && !datesAsText)
    return provider === 'sqlite'
      ? `CAST(replace(substr(CAST(${expr} AS TEXT), 1, 10), '-', '') AS INTEGER)`
      : `CAST(to_char(${expr}, 'YYYYMMDD') AS INTEGER)`;
  if (type === 'YMD') return `substr(CAST(${expr} AS TEXT), 1, 10)`;
  if (type === 'VARCHAR') return provider === 'postgresql' ? `CAST(${expr} AS TEXT)` : expr;
  return expr;
}

export const TABLES: CopiedTable[] = [
  {
    name: 'units',
    from: '"Unit" t',
    key: 'code',
    keyNames: 'unit',
    columns: [
      ['id', 'INTEGER', 't."id"'],
      ['code', 'VARCHAR', 't."code"'],
      ['name', 'VARCHAR', 't."name"'],
      ['parent_code', 'VARCHAR', 't."parentCode"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['level', 'VARCHAR', 't."level"'],
      ['path', 'VARCHAR', 't."path"'],
      ['depth', 'INTEGER', 't."depth"'],
    ],
  },
  {
    name: 'positions',
    from: '"Position" t JOIN "Unit" un ON un."code" = t."unitCode" LEFT JOIN "Person" inc ON inc."code" = t."incumbentId"',
    key: 'code',
    keyNames: 'post',
    columns: [
      ['code', 'VARCHAR', 't."code"'],
      ['unit_id', 'INTEGER', 'un."id"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['rank', 'VARCHAR', 't."rank"'],
      ['category', 'VARCHAR', 't."category"'],
      ['incumbent_id', 'INTEGER', 'inc."id"'],
      // Denormalized: the retirement rule reads it for every post.
      ['incumbent_birth_ymd', 'YMD', 'inc."birthDate"'],
      ['term_ends_ymd', 'YMD', 't."termEnds"'],
    ],
  },
  {
    name: 'people',
    from: '"Person" t JOIN "Unit" un ON un."code" = t."unitCode"',
    key: 'code',
    keyNames: 'person',
    columns: [
      ['id', 'INTEGER', 't."id"'],
      ['code', 'VARCHAR', 't."code"'],
      ['unit_id', 'INTEGER', 'un."id"'],
      ['gender', 'VARCHAR', 't."gender"'],
      ['birth_ymd', 'YMD', 't."birthDate"'],
      ['ethnicity', 'VARCHAR', 't."ethnicity"'],
      ['political_status', 'VARCHAR', 't."politicalStatus"'],
      ['education', 'VARCHAR', 't."education"'],
      ['full_time_education', 'VARCHAR', 't."fullTimeEducation"'],
      ['title', 'VARCHAR', 't."title"'],
      ['rank', 'VARCHAR', 't."rank"'],
      ['category', 'VARCHAR', 't."category"'],
    ],
  },
  {
    name: 'reserves',
    from: '"ReserveEntry" t JOIN "Unit" un ON un."code" = t."unitCode" JOIN "Person" pe ON pe."code" = t."personCode"',
    key: 'code',
    keyNames: 'entry',
    columns: [
      ['code', 'VARCHAR', 't."code"'],
      ['person_id', 'INTEGER', 'pe."id"'],
      ['unit_id', 'INTEGER', 'un."id"'],
      ['kind', 'VARCHAR', 't."targetKind"'],
      ['target_rank', 'VARCHAR', 't."targetRank"'],
      ['tier', 'VARCHAR', 't."tier"'],
      ['direction', 'VARCHAR', 't."direction"'],
      ['source', 'VARCHAR', 't."source"'],
      ['status', 'VARCHAR', 't."status"'],
      ['nominated_ymd', 'YMD', 't."nominatedOn"'],
      ['entered_ymd', 'YMD', 't."enteredOn"'],
      ['exited_ymd', 'YMD', 't."exitedOn"'],
      ['exit_reason', 'VARCHAR', 't."exitReason"'],
      // Denormalized from the person: structure rules read them for every entry.
      ['gender', 'VARCHAR', 'pe."gender"'],
      ['ethnicity', 'VARCHAR', 'pe."ethnicity"'],
      ['political_status', 'VARCHAR', 'pe."politicalStatus"'],
      ['education', 'VARCHAR', 'pe."education"'],
      ['birth_ymd', 'YMD', 'pe."birthDate"'],
    ],
  },
  {
    name: 'trainings',
    from: '"Training" t JOIN "Person" pe ON pe."code" = t."personCode"',
    key: 'person_code',
    keyNames: 'person',
    columns: [
      ['person_code', 'VARCHAR', 't."personCode"'],
      ['person_id', 'INTEGER', 'pe."id"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['start_ymd', 'YMD', 't."start"'],
      ['days', 'DOUBLE', 't."days"'],
      ['credits', 'DOUBLE', 't."credits"'],
      ['completed', 'BOOLEAN', 't."completed"'],
    ],
  },
  {
    name: 'assessments',
    from: '"Assessment" t JOIN "Person" pe ON pe."code" = t."personCode"',
    key: 'person_code',
    keyNames: 'person',
    columns: [
      ['person_code', 'VARCHAR', 't."personCode"'],
      ['person_id', 'INTEGER', 'pe."id"'],
      ['year', 'INTEGER', 't."year"'],
      ['grade', 'VARCHAR', 't."grade"'],
      ['incompetent_vote_share', 'DOUBLE', 't."incompetentVoteShare"'],
      ['dept_percentile', 'DOUBLE', 't."deptPercentile"'],
    ],
  },
  {
    // 重大事项报告: a penalty or a complaint waits for its finding (the alerts read them).
    name: 'major_matters',
    from: '"MajorMatter" t',
    key: 'reserve_code',
    keyNames: 'entry',
    columns: [
      ['reserve_code', 'VARCHAR', 't."reserveCode"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['reported_ymd', 'YMD', 't."reportedOn"'],
      ['reviewed_ymd', 'YMD', 't."reviewedOn"'],
      // The finding holds it disqualifying: an elimination ground until a decision after it.
      ['disqualifying', 'BOOLEAN', 'coalesce(t."disqualifying", false)'],
    ],
  },
  {
    // 淘汰 decisions: one to keep an entry answers the disqualifying matters found before it.
    name: 'elimination_decisions',
    from: '"EliminationDecision" t',
    key: 'reserve_code',
    keyNames: 'entry',
    columns: [
      ['reserve_code', 'VARCHAR', 't."reserveCode"'],
      ['decision', 'VARCHAR', 't."decision"'],
      ['decided_ymd', 'YMD', 't."on"'],
    ],
  },
  {
    // Practice assignments (挂职, 轮岗, 兼职): the alerts read their length and report.
    name: 'practices',
    from: '"Practice" t JOIN "Person" pe ON pe."code" = t."personCode"',
    key: 'person_code',
    keyNames: 'person',
    columns: [
      ['person_code', 'VARCHAR', 't."personCode"'],
      ['person_id', 'INTEGER', 'pe."id"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['start_ymd', 'YMD', 't."start"'],
      ['end_ymd', 'YMD', 't."end"'],
      ['report_score', 'DOUBLE', 't."reportScore"'],
    ],
  },
  {
    // Who held a post when (written by promotions); `positionsAt` reads it. Refreshed by post.
    name: 'incumbencies',
    key: 'position_code',
    keyNames: 'post',
    from: '"Incumbency" t JOIN "Person" pe ON pe."code" = t."personCode"',
    columns: [
      ['position_code', 'VARCHAR', 't."positionCode"'],
      ['person_id', 'INTEGER', 'pe."id"'],
      ['birth_ymd', 'YMD', 'pe."birthDate"'],
      ['from_ymd', 'YMD', 't."from"'],
      ['until_ymd', 'YMD', 't."until"'],
      ['term_ends_ymd', 'YMD', 't."termEnds"'],
      // An appointment from the pool: a promotion wrote the entry (the share from the pool counts it).
      ['from_pool', 'BOOLEAN', '(t."reserveCode" IS NOT NULL)'],
      // The row also covers the days before `from`: held since before the records, or the post's
      // first imported appointment (who held it before is not recorded).
      ['open_start', 'BOOLEAN', '(t."from" IS NULL OR t."priorUnknown")'],
    ],
  },
  {
    name: 'mentors',
    key: 'reserve_code',
    keyNames: 'entry',
    from: '"Mentor" t LEFT JOIN "Person" pe ON pe."code" = t."mentorPersonCode"',
    columns: [
      ['reserve_code', 'VARCHAR', 't."reserveCode"'],
      // The mentor as a person of the records (a mentor named only has none): the alerts check that
      // one of them leads the entry's unit.
      ['mentor_person_id', 'INTEGER', 'pe."id"'],
      ['since_ymd', 'YMD', 't."since"'],
      ['until_ymd', 'YMD', 't."until"'],
    ],
  },
  {
    name: 'talks',
    key: 'reserve_code',
    keyNames: 'entry',
    from: '"Talk" t',
    columns: [
      ['reserve_code', 'VARCHAR', 't."reserveCode"'],
      ['kind', 'VARCHAR', 't."kind"'],
      ['talked_ymd', 'YMD', 't."on"'],
    ],
  },
];

/**
 * `expr IN (…)` over a list handed as ONE parameter, a JSON array of text: however many keys a
 * refresh names, the statement binds one value (SQLite refuses more than 32 766 variables,
 * PostgreSQL more than 65 535 parameters).
 */
export function inJsonList(expr: string, param: string, provider: 'sqlite' | 'postgresql'): string {
  return provider === 'sqlite'
    ? `${expr} IN (SELECT value FROM json_each($${param}))`
    : `${expr} IN (SELECT jsonb_array_elements_text(CAST($${param} AS jsonb)))`;
}

/** The SELECT that reads a table for the copy (dates as text). */
export function selectSql(table: CopiedTable, provider: 'sqlite' | 'postgresql'): string {
  return `SELECT ${table.columns.map(([, type, expr]) => sourceExpr(type, expr, provider)).join(', ')} FROM ${table.from}`;
}

const CENTRALIZED_KINDS = `(${CENTRALIZED_TRAINING_KINDS.map((k) => `'${k}'`).join(', ')})`;

/**
 * Tables derived from the copied ones after every full load. Also created as views over the
 * operational tables for the baselines. `follows`: when some people's records of that table are
 * refreshed, the derived rows of those people (`by: 'person_id'`) or of their units
 * (`by: 'unit_id'`) are derived again, in this order.
 */
export const DERIVED: {
  name: string;
  sql: (d: Dialect) => string;
  follows?: { table: string; by: 'person_id' | 'unit_id' };
}[] = [
  {
    // Per person and calendar year: any completed training, and the completed centralized ones.
    name: 'person_years',
    follows: { table: 'trainings', by: 'person_id' },
    sql: (d) => `SELECT t.person_id, p.unit_id, ${yearOf(d, 't.start_ymd')} AS year,
        count(*) FILTER (WHERE t.completed) AS completed,
        count(*) FILTER (WHERE t.completed AND t.kind IN ${CENTRALIZED_KINDS}) AS central_n,
        coalesce(sum(t.days) FILTER (WHERE t.completed AND t.kind IN ${CENTRALIZED_KINDS}), 0) AS central_days,
        coalesce(sum(t.days) FILTER (WHERE t.completed), 0) AS days,
        coalesce(sum(t.credits) FILTER (WHERE t.completed), 0) AS credits
      FROM trainings t JOIN people p ON p.id = t.person_id
      GROUP BY t.person_id, p.unit_id, ${yearOf(d, 't.start_ymd')}`,
  },
  {
    name: 'unit_people',
    sql: () => 'SELECT unit_id, count(*) AS n FROM people GROUP BY unit_id',
  },
  {
    // Per unit and calendar year: people with any completed training (the cadre training rate).
    name: 'unit_years',
    follows: { table: 'trainings', by: 'unit_id' },
    sql: () => 'SELECT unit_id, year, count(*) AS trained FROM person_years WHERE completed > 0 GROUP BY unit_id, year',
  },
];
