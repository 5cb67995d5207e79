// Import: validate the whole file first, then write it in one transaction. A bad record, or a
// database error half-way, leaves the database exactly as it was, even with `replace`.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { OPEN_STATUSES, type ReserveStatus } from '../../domain/enums.ts';
import { contentHash } from '../audit/chain.ts';
import { appendAuditRaw } from '../audit/log.ts';
import { type BulkSession, type ColumnType, openBulkSession, type Value } from '../db/bulk.ts';
import { CHANGE_LOG_COLUMNS } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { DatabaseConfig } from '../db/config.ts';
import { type ArrayName, type DatasetRecord, PROFILE_TEXT } from './format.ts';
import type { ProcedureRecords, ProcedureStep } from './procedure-records.ts';
import { byFirstDay, type ExistingKeys, noExistingKeys, readDataset } from './validate.ts';

export interface ImportOptions {
  replace?: boolean;
  /** Who imports, for the audit log and the entries' history. */
  actor?: string;
  /** The GraphQL request that asked for the import, for the audit record. */
  requestId?: string | null;
  /** Told when each phase ends, with its duration: the CLI and the benchmark print these. */
  onPhase?: (phase: string, ms: number) => void;
  /**
   * The selection procedure's records of the file's entries, which the format does not carry
   * (the demo's, from the generator): written in the same transaction; an entry's steps replace
   * the one history row it would get. See procedure-records.ts.
   */
  procedure?: ProcedureRecords;
}

export type ImportCounts = Record<ArrayName, number>;

type Column = [string, ColumnType];
const e = (name: string): ColumnType => ({ enum: name });

// Database tables in insertion order (parents first), with their columns.
const UNIT: Column[] = [
  ['id', 'int'],
  ['code', 'text'],
  ['name', 'text'],
  ['parentCode', 'text'],
  ['kind', e('UnitKind')],
  ['level', e('UnitLevel')],
  ['path', 'text'],
  ['depth', 'int'],
];
const PERSON: Column[] = [
  ['code', 'text'],
  ['name', 'text'],
  ['gender', e('Gender')],
  ['birthDate', 'date'],
  ['ethnicity', 'text'],
  ['politicalStatus', e('PoliticalStatus')],
  ['education', e('Education')],
  ['fullTimeEducation', e('Education')],
  ['title', e('Title')],
  ['rank', e('Rank')],
  ['rankSince', 'date'],
  ['workStart', 'date'],
  ['category', e('Category')],
  ['unitCode', 'text'],
];
const POSITION: Column[] = [
  ['code', 'text'],
  ['unitCode', 'text'],
  ['title', 'text'],
  ['kind', e('PositionKind')],
  ['rank', e('Rank')],
  ['category', e('Category')],
  ['incumbentId', 'text'],
  ['termEnds', 'date'],
];
const RESERVE: Column[] = [
  ['code', 'text'],
  ['personCode', 'text'],
  ['unitCode', 'text'],
  ['targetKind', e('PositionKind')],
  ['targetRank', e('Rank')],
  ['tier', e('Tier')],
  ['direction', e('Direction')],
  ['source', e('Source')],
  ['status', e('ReserveStatus')],
  ['nominatedOn', 'date'],
  ['enteredOn', 'date'],
  ['exitedOn', 'date'],
  ['exitReason', 'text'],
  ['openPersonCode', 'text'],
];
const INCUMBENCY: Column[] = [
  ['positionCode', 'text'],
  ['personCode', 'text'],
  ['from', 'date'],
  ['until', 'date'],
  ['termEnds', 'date'],
  ['reserveCode', 'text'],
  ['priorUnknown', 'bool'],
  ['recordedBy', 'text'],
  ['recordedAt', 'timestamp'],
];
const HISTORY: Column[] = [
  ['reserveCode', 'text'],
  ['from', e('ReserveStatus')],
  ['to', e('ReserveStatus')],
  ['on', 'date'],
  ['reason', 'text'],
  ['actor', 'text'],
  ['recordedAt', 'timestamp'],
];
const TRAINING: Column[] = [
  ['personCode', 'text'],
  ['program', 'text'],
  ['kind', e('TrainingKind')],
  ['start', 'date'],
  ['days', 'float'],
  ['hours', 'float'],
  ['credits', 'float'],
  ['completed', 'bool'],
];
const ASSESSMENT: Column[] = [
  ['personCode', 'text'],
  ['year', 'int'],
  ['grade', e('Grade')],
  ['incompetentVoteShare', 'float'],
  ['deptPercentile', 'float'],
];
const PRACTICE: Column[] = [
  ['personCode', 'text'],
  ['kind', e('PracticeKind')],
  ['unitCode', 'text'],
  ['start', 'date'],
  ['end', 'date'],
  ['reportScore', 'float'],
];
const MENTOR: Column[] = [
  ['reserveCode', 'text'],
  ['mentorName', 'text'],
  ['mentorPersonCode', 'text'],
  ['since', 'date'],
  ['until', 'date'],
];
const ROUND: Column[] = [
  ['reserveCode', 'text'],
  ['heldOn', 'date'],
  ['note', 'text'],
  ['recordedBy', 'text'],
  ['recordedAt', 'timestamp'],
];
const INSPECTION: Column[] = [
  ['reserveCode', 'text'],
  ['startedOn', 'date'],
  ['concludedOn', 'date'],
  ['inspectors', 'text'],
  ['interviews', 'int'],
  ['conclusion', 'text'],
  ['verdict', 'text'],
  ['evaluation', 'text'],
  ['disciplineOpinion', 'text'],
  ['disciplineOpinionOn', 'date'],
  ['recordedBy', 'text'],
  ['recordedAt', 'timestamp'],
];
const NOTICE: Column[] = [
  ['reserveCode', 'text'],
  ['startsOn', 'date'],
  ['endsOn', 'date'],
  ['days', 'int'],
  ['closedOn', 'date'],
  ['closedAs', 'text'],
  ['recordedAt', 'timestamp'],
];
const TALK: Column[] = [
  ['reserveCode', 'text'],
  ['kind', e('TalkKind')],
  ['on', 'date'],
  ['notes', 'text'],
];
const PROFILE: Column[] = [
  ['personCode', 'text'],
  ...PROFILE_TEXT.map((f): Column => [f, 'text']),
  ['currentPostSince', 'date'],
  ['assessmentText', 'text'],
  ['kept', 'text'],
  ['updatedAt', 'timestamp'],
];
const RESUME_LINE: Column[] = [
  ['personCode', 'text'],
  ['seq', 'int'],
  ['start', 'text'],
  ['end', 'text'],
  ['text', 'text'],
];
const REWARD_PENALTY: Column[] = [
  ['personCode', 'text'],
  ['seq', 'int'],
  ['text', 'text'],
];
const FAMILY_MEMBER: Column[] = [
  ['personCode', 'text'],
  ['seq', 'int'],
  ['relation', 'text'],
  ['name', 'text'],
  ['birthMonth', 'text'],
  ['politicalStatus', 'text'],
  ['workplace', 'text'],
];
const IDENTITY: Column[] = [
  ['personCode', 'text'],
  ['idNumber', 'text'],
  ['photo', 'bytes'],
  ['photoType', 'text'],
];
/** Dataset field order for each table (the dataset calls a person's and an entry's key `id`). */
const pickAll = (r: DatasetRecord, fields: string[]): Value[] => fields.map((f) => r[f] ?? null);
const PERSON_FIELDS = [
  'id',
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'politicalStatus',
  'education',
  'fullTimeEducation',
  'title',
  'rank',
  'rankSince',
  'workStart',
  'category',
  'unitCode',
];
const POSITION_FIELDS = ['code', 'unitCode', 'title', 'kind', 'rank', 'category', 'incumbentId', 'termEnds'];
const RESERVE_FIELDS = [
  'id',
  'personId',
  'unitCode',
  'targetKind',
  'targetRank',
  'tier',
  'direction',
  'source',
  'status',
  'nominatedOn',
  'enteredOn',
  'exitedOn',
  'exitReason',
];
const TRAINING_FIELDS = ['personId', 'program', 'kind', 'start', 'days', 'hours', 'credits', 'completed'];
const ASSESSMENT_FIELDS = ['personId', 'year', 'grade', 'incompetentVoteShare', 'deptPercentile'];
const PRACTICE_FIELDS = ['personId', 'kind', 'unitCode', 'start', 'end', 'reportScore'];
const MENTOR_FIELDS = ['reserveId', 'mentorName', 'mentorPersonId', 'since', 'until'];
const TALK_FIELDS = ['reserveId', 'kind', 'on', 'notes'];
const PROFILE_FIELDS = ['personId', ...PROFILE_TEXT, 'currentPostSince', 'assessmentText', 'kept'];
const RESUME_LINE_FIELDS = ['personId', 'seq', 'start', 'end', 'text'];
const REWARD_PENALTY_FIELDS = ['personId', 'seq', 'text'];
const FAMILY_MEMBER_FIELDS = ['personId', 'seq', 'relation', 'name', 'birthMonth', 'politicalStatus', 'workplace'];
const IDENTITY_FIELDS = ['personId', 'idNumber', 'photo', 'photoType'];

/**
 * The appointments as incumbencies: one a record, running until its `until` or, without one, until
 * the next appointment to the same post (validated not to overlap). A post's first record, when
 * dated, is marked priorUnknown: before it the post counts as held by that person.
 */
function incumbencyRows(appointments: DatasetRecord[], actor: string, now: string): Value[][] {
  const byPost = new Map<string, DatasetRecord[]>();
  for (const a of appointments)
    byPost.set(a.positionCode as string, [...(byPost.get(a.positionCode as string) ?? []), a]);
  return [...byPost.values()].flatMap((rows) => {
    rows.sort(byFirstDay);
    return rows.map((a, k): Value[] => [
      a.positionCode as string,
      a.personId as string,
      a.on as string | null,
      (a.until as string | null) ?? (rows[k + 1]?.on as string | undefined) ?? null,
      a.termEnds as string | null,
      a.reserveId as string | null,
      // The post's first record, dated: who held it before is not in the file (unless it says).
      (a.priorUnknown as boolean | null) ?? (k === 0 && a.on !== null),
      actor,
      now,
    ]);
  });
}

/** Empties the organization's data, children first; the audit log, policy and change log stay. */
const DOMAIN_TABLES = [
  'ComparativeVote',
  'ComparativeRound',
  'MajorMatter',
  'DutyReport',
  'EligibilityException',
  'RecommendationTally',
  'RecommendationRound',
  'SelectionScore',
  'Inspection',
  'Objection',
  'PublicNotice',
  'EliminationDecision',
  'AppointmentNotice',
  'Incumbency',
  'ReserveStatusChange',
  'Filing',
  'MeetingItem',
  'Meeting',
  'Mentor',
  'Talk',
  'Training',
  'Assessment',
  'Practice',
  'PersonProfile',
  'PersonIdentity',
  'ResumeLine',
  'RewardPenalty',
  'FamilyMember',
  'QualificationExam',
  'ReserveEntry',
  'Position',
  'Person',
  'Unit',
];

export async function importDataset(
  db: Db,
  config: DatabaseConfig,
  source: { file: string } | { text: string },
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const actor = options.actor ?? 'import';
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const existing = options.replace ? noExistingKeys() : await loadExistingKeys(db);
  const data = await readDataset(source, existing);
  const procedure = options.procedure;
  const steps = procedure ? stepsByEntry(procedure, data.reserves) : null;
  phase('read and validate');
  const units = await placeUnits(db, data.units, options.replace === true);
  const counts = {} as ImportCounts;
  for (const k of Object.keys(data) as (ArrayName | 'formatVersion')[])
    if (k !== 'formatVersion') counts[k] = data[k].length;
  const now = new Date().toISOString();

  const removed: Record<string, number> = {};
  const session = await openBulkSession(config);
  try {
    if (options.replace) {
      for (const table of DOMAIN_TABLES) removed[table] = await session.deleteAll(table);
    }
    await session.insert('Unit', UNIT, units);
    await session.insert(
      'Person',
      PERSON,
      data.people.map((r) => pickAll(r, PERSON_FIELDS)),
    );
    await session.insert(
      'Position',
      POSITION,
      data.positions.map((r) => pickAll(r, POSITION_FIELDS)),
    );
    phase('write units, people, positions');
    await session.insert(
      'ReserveEntry',
      RESERVE,
      data.reserves.map((r) => [...pickAll(r, RESERVE_FIELDS), isOpen(r) ? (r.personId as string) : null]),
    );
    // An imported entry's history starts with one record of the state it arrived in (its reason
    // is read by users of the dashboard, in Chinese).
    await session.insert(
      'ReserveStatusChange',
      HISTORY,
      data.reserves.flatMap((r) =>
        (
          steps?.get(r.id as string) ?? [
            {
              from: null,
              to: r.status as ReserveStatus,
              on: (r.exitedOn ?? r.enteredOn ?? r.nominatedOn) as string,
              reason: IMPORTED_REASON,
            },
          ]
        ).map((s): Value[] => [
          r.id as string,
          s.from,
          s.to,
          s.on,
          s.reason ?? (s.from === null ? IMPORTED_REASON : null),
          actor,
          now,
        ]),
      ),
    );
    phase('write reserve entries and history');
    await session.insert('Incumbency', INCUMBENCY, incumbencyRows(data.appointments, actor, now));
    if (procedure) {
      await writeProcedure(session, procedure, actor, now);
      phase('write procedure records');
    }
    await session.insert(
      'Training',
      TRAINING,
      data.trainings.map((r) => pickAll(r, TRAINING_FIELDS)),
    );
    await session.insert(
      'Assessment',
      ASSESSMENT,
      data.assessments.map((r) => pickAll(r, ASSESSMENT_FIELDS)),
    );
    await session.insert(
      'Practice',
      PRACTICE,
      data.practices.map((r) => pickAll(r, PRACTICE_FIELDS)),
    );
    phase('write trainings, assessments, practices');
    await session.insert(
      'Mentor',
      MENTOR,
      data.mentors.map((r) => pickAll(r, MENTOR_FIELDS)),
    );
    await session.insert(
      'Talk',
      TALK,
      data.talks.map((r) => pickAll(r, TALK_FIELDS)),
    );
    phase('write mentors, talks');
    await session.insert(
      'PersonProfile',
      PROFILE,
      data.profiles.map((r) => [...pickAll(r, PROFILE_FIELDS), now]),
    );
    await session.insert(
      'ResumeLine',
      RESUME_LINE,
      data.resumeLines.map((r) => pickAll(r, RESUME_LINE_FIELDS)),
    );
    await session.insert(
      'RewardPenalty',
      REWARD_PENALTY,
      data.rewardsPenalties.map((r) => pickAll(r, REWARD_PENALTY_FIELDS)),
    );
    await session.insert(
      'FamilyMember',
      FAMILY_MEMBER,
      data.familyMembers.map((r) => pickAll(r, FAMILY_MEMBER_FIELDS)),
    );
    await session.insert(
      'PersonIdentity',
      IDENTITY,
      data.identities.map((r) => pickAll(r, IDENTITY_FIELDS)),
    );
    phase('write person records');
    // One audit record: what was imported, what it replaced, and the file's SHA-256.
    await appendAuditRaw(session, {
      actor,
      action: 'dataset.import',
      entity: 'Dataset',
      detail: {
        counts,
        replace: options.replace === true,
        removed,
        sha256: await sourceHash(source),
        ...(procedure
          ? {
              procedure: {
                rounds: procedure.rounds.length,
                inspections: procedure.inspections.length,
                notices: procedure.notices.length,
              },
            }
          : {}),
      },
      requestId: options.requestId ?? null,
    });
    // The data version moves in the same transaction: readers of the analytical copy reload.
    await session.insert('ChangeLog', CHANGE_LOG_COLUMNS, [['Dataset', null]]);
    await session.commit();
    phase('commit');
  } catch (error) {
    await session.rollback();
    throw error;
  }
  return counts;
}

/** The reason of the history step an import writes for each entry: 数据导入 (imported). */
export const IMPORTED_REASON = '数据导入';

/** The steps of each entry, checked against the file's entries (a program's records, not a user's). */
function stepsByEntry(procedure: ProcedureRecords, reserves: DatasetRecord[]): Map<string, ProcedureStep[]> {
  const ids = new Set(reserves.map((r) => r.id as string));
  const rounds = new Set<string>();
  for (const x of [...procedure.steps, ...procedure.rounds, ...procedure.inspections, ...procedure.notices])
    if (!ids.has(x.reserveId))
      throw new Error(`procedure records name reserve entry "${x.reserveId}", not in the file`);
  for (const r of procedure.rounds) {
    if (rounds.has(r.reserveId)) throw new Error(`procedure records: more than one round for "${r.reserveId}"`);
    rounds.add(r.reserveId);
  }
  const steps = new Map<string, ProcedureStep[]>();
  for (const s of procedure.steps) steps.set(s.reserveId, [...(steps.get(s.reserveId) ?? []), s]);
  return steps;
}

/** Rounds with their tallies, inspections and notices; recorded by the importer. */
async function writeProcedure(session: BulkSession, p: ProcedureRecords, actor: string, now: string): Promise<void> {
  await session.insert(
    'RecommendationRound',
    ROUND,
    p.rounds.map((r) => [r.reserveId, r.heldOn, r.note, actor, now]),
  );
  // A tally belongs to its round's id, which the database assigned: found by the entry (one
  // round per entry, see stepsByEntry).
  for (const r of p.rounds)
    for (const t of r.tallies)
      await session.exec(
        `INSERT INTO "RecommendationTally" ("roundId", "group", "expected", "cast", "favour", "against", "abstain", "invalid")
         SELECT "id", CAST($1 AS TEXT), CAST($2 AS INTEGER), CAST($3 AS INTEGER), CAST($4 AS INTEGER), CAST($5 AS INTEGER), CAST($6 AS INTEGER), CAST($7 AS INTEGER)
         FROM "RecommendationRound" WHERE "reserveCode" = $8`,
        [t.group, t.expected, t.cast, t.favour, t.against, t.abstain, t.invalid, r.reserveId],
      );
  await session.insert(
    'Inspection',
    INSPECTION,
    p.inspections.map((i) => [
      i.reserveId,
      i.startedOn,
      i.concludedOn,
      JSON.stringify(i.inspectors),
      i.interviews,
      i.conclusion,
      i.verdict,
      i.evaluation ? JSON.stringify(i.evaluation) : null,
      i.disciplineOpinion,
      i.disciplineOpinionOn,
      actor,
      now,
    ]),
  );
  await session.insert(
    'PublicNotice',
    NOTICE,
    p.notices.map((n) => [n.reserveId, n.startsOn, n.endsOn, n.days, n.closedOn, n.closedAs, now]),
  );
}

function isOpen(r: DatasetRecord): boolean {
  return OPEN_STATUSES.includes(r.status as ReserveStatus);
}

async function sourceHash(source: { file: string } | { text: string }): Promise<string> {
  if ('text' in source) return contentHash(source.text);
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(source.file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Assigns unit ids (file order, after the stored ones) and tree paths; parents come first. */
async function placeUnits(db: Db, units: DatasetRecord[], replace: boolean): Promise<Value[][]> {
  const stored = replace ? [] : await db.unit.findMany({ select: { id: true, code: true, path: true, depth: true } });
  const place = new Map<string, { id: number; path: string; depth: number }>();
  for (const u of stored) place.set(u.code, u);
  let nextId = stored.reduce((max, u) => Math.max(max, u.id), 0) + 1;
  const byCode = new Map(units.map((u) => [u.code as string, u]));
  const ids = new Map(units.map((u) => [u.code as string, nextId++]));
  const resolve = (code: string) => {
    // Walk up to a placed ancestor, then place the chain top-down (no recursion: trees can be deep).
    const chain: string[] = [];
    let cur: string | null = code;
    while (cur !== null && !place.has(cur)) {
      chain.push(cur);
      cur = (byCode.get(cur)?.parentCode as string | null) ?? null;
    }
    let parent = cur === null ? null : place.get(cur)!;
    for (const c of chain.reverse()) {
      const id = ids.get(c)!;
      const placed = { id, path: `${parent ? parent.path : ''}${id}.`, depth: parent ? parent.depth + 1 : 0 };
      place.set(c, placed);
      parent = placed;
    }
    return place.get(code)!;
  };
  return units
    .map((u) => {
      const { id, path, depth } = resolve(u.code as string);
      return [id, u.code, u.name, u.parentCode, u.kind, u.level, path, depth] as Value[];
    })
    .sort((a, b) => (a[7] as number) - (b[7] as number) || (a[0] as number) - (b[0] as number));
}

async function loadExistingKeys(db: Db): Promise<ExistingKeys> {
  const keys = noExistingKeys();
  for (const u of await db.unit.findMany({ select: { code: true, parentCode: true } })) {
    keys.units.add(u.code);
    keys.unitParents.set(u.code, u.parentCode);
  }
  for (const p of await db.position.findMany({ select: { code: true } })) keys.positions.add(p.code);
  for (const p of await db.person.findMany({ select: { code: true } })) keys.people.add(p.code);
  for (const r of await db.reserveEntry.findMany({ select: { code: true, personCode: true, status: true } })) {
    keys.reserves.add(r.code);
    keys.reservePeople.set(r.code, r.personCode);
    if (OPEN_STATUSES.includes(r.status)) keys.openPeople.add(r.personCode);
  }
  for (const a of await db.assessment.findMany({ select: { personCode: true, year: true } })) {
    keys.assessments.add(`${a.personCode}|${a.year}`);
  }
  for (const i of await db.personIdentity.findMany({ where: { idNumber: { not: null } }, select: { idNumber: true } }))
    keys.idNumbers.add(i.idNumber!);
  return keys;
}
