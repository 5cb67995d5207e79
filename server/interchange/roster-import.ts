// The 后备干部名册 spreadsheet in: columns recognised by their usual Chinese names (or mapped by
// the caller), every row checked first — a refusal names the sheet row and the column — then all
// rows written in one transaction or none. A row is a person and their place in the pool: the
// person is matched by name and birth month within the unit's subtree (two matches are refused),
// updated with what the row says, or created; an entry in the pool is created for a person
// without an open one, and an open entry takes the row's readiness. A row equal to what is
// stored writes nothing: a roster exported and imported back changes nothing.
import type ExcelJS from 'exceljs';
import { isIsoDate, toDate, todayIso, toIso } from '../../domain/dates.ts';
import {
  type Education,
  OPEN_STATUSES,
  type PositionKind,
  type Rank,
  type Tier,
  type UnitKind,
} from '../../domain/enums.ts';
import { DomainError, refusal } from '../../domain/errors.ts';
import {
  categoryOfUnitKind,
  educationOfWords,
  higherEducation,
  politicalStatusOfPartyJoined,
  titleOfWords,
} from '../../domain/form-words.ts';
import { ENUM_LABELS, type MessageKey, type MessageParams, messageParam } from '../../domain/messages.ts';
import { PATH_SEPARATOR } from '../../domain/text.ts';
import { appendAudit } from '../audit/log.ts';
import { scopedUnit, under, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { excel } from './lazy-libraries.ts';
import { parseMonth } from './lrmx.ts';

/** The fields a roster row can carry, and the usual names of their columns. */
export const ROSTER_FIELDS = {
  unit: ['后备单位', '单位', '所在单位', '工作单位'],
  name: ['姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birth: ['出生年月（年龄）', '出生年月', '出生日期', '出生年月(年龄)'],
  nativePlace: ['籍贯'],
  partyJoined: ['入党时间', '入党时间（党派）'],
  workStart: ['参加工作时间', '工作时间'],
  fullTime: ['全日制学历学位及院校专业', '全日制教育', '全日制学历学位', '全日制学历'],
  inService: ['在职学历学位及院校专业', '在职教育', '在职学历学位', '在职学历'],
  currentPost: ['现任职务', '现职务', '现任职务及职级'],
  currentPostSince: ['任现职时间', '任职时间'],
  rank: ['职级及任职时间', '职级', '现职级'],
  reserveKind: ['后备类别 / 拟任职务层次', '后备类别/拟任职务层次', '后备类别', '拟任职务层次', '后备类型'],
  tier: ['成熟度', '成熟程度'],
  enteredOn: ['入库时间', '入选时间', '进入后备库时间'],
} as const;
export type RosterField = keyof typeof ROSTER_FIELDS;

/** Most rows read from one sheet. */
export const MAX_ROSTER_ROWS = 50_000;

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
const KNOWN = new Map<string, RosterField>(
  Object.entries(ROSTER_FIELDS).flatMap(([field, names]) => names.map((n) => [norm(n), field as RosterField])),
);

export interface RosterImportResult {
  /** The header row and how each column was read (null: not used). */
  header: { row: number; columns: { column: number; name: string; field: RosterField | null }[] };
  rows: number;
  peopleCreated: number;
  peopleUpdated: number;
  entriesCreated: number;
  entriesUpdated: number;
  unchanged: number;
}

function refuse(row: number | null, column: string | null, key: MessageKey, params: MessageParams = {}): never {
  throw refusal(
    'BAD_USER_INPUT',
    'roster.refused',
    {
      where:
        row === null ? '' : messageParam(column ? 'roster.rowColumn' : 'roster.row', { row, column: column ?? '' }),
      problem: messageParam(key, params),
    },
    { row, column },
  );
}

/** A cell as text (dates as YYYY-MM-DD, rich text joined, formulas by their result). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

const labelToValue = (type: string) =>
  new Map(
    Object.entries(ENUM_LABELS)
      .filter(([k]) => k.startsWith(`${type}.`))
      .map(([k, v]) => [norm(v['zh-CN']), k.slice(type.length + 1)]),
  );
const RANK_LABELS = labelToValue('Rank');
/** A rank by its label (正处级, 副厅（局）级, 正厅级 …). */
function rankOf(text: string): Rank | null {
  const t = norm(text);
  const exact = RANK_LABELS.get(t);
  if (exact) return exact as Rank;
  const loose = t.replace('（局）', '').replace('级', '');
  for (const [label, value] of RANK_LABELS)
    if (label.replace('（局）', '').replace('级', '') === loose) return value as Rank;
  return null;
}

function tierOf(text: string): Tier | null {
  if (/近期|^成熟$/.test(text)) return 'NEAR_TERM';
  if (/中期|比较成熟/.test(text)) return 'MID_TERM';
  if (/远期|一般|长期/.test(text)) return 'LONG_TERM';
  return null;
}

/** 学历 words, degree and school as the roster writes them: "大学经济学学士 南京大学经济学院". */
function educationCell(text: string) {
  const m =
    /^(博士研究生|硕士研究生|研究生|大学本科|大学|本科|大学专科|大专|专科|中专|中技|高中)?([^\s]*?(?:学士|硕士|博士))?\s*(.*)$/.exec(
      text.trim(),
    )!;
  return { education: m[1] ?? null, degree: m[2] || null, school: m[3] || null };
}

/** A date cell: YYYY-MM-DD, or a month (its first day). */
function dateOf(text: string): string | null {
  if (isIsoDate(text.slice(0, 10))) return text.slice(0, 10);
  const month = parseMonth(text.replace(/（.*$/, ''));
  return month ? `${month}-01` : null;
}

interface ParsedRow {
  row: number;
  unitText: string;
  name: string;
  gender: 'M' | 'F' | null;
  ethnicity: string | null;
  birthMonth: string | null;
  nativePlace: string | null;
  partyJoined: string | null;
  workStart: string | null;
  fullTime: ReturnType<typeof educationCell> | null;
  inService: ReturnType<typeof educationCell> | null;
  currentPost: string | null;
  currentPostSince: string | null;
  rank: Rank | null;
  rankSince: string | null;
  kind: PositionKind | null;
  targetRank: Rank | null;
  tier: Tier | null;
  enteredOn: string | null;
}

/** Reads the sheet: the header row (the first with 姓名 and three more known columns), then every row. */
export async function readRoster(
  bytes: Buffer,
  mapping: Record<string, RosterField | null> = {},
): Promise<{ header: RosterImportResult['header']; rows: ParsedRow[]; failure: unknown }> {
  const book = new (excel().Workbook)();
  try {
    await book.xlsx.load(bytes as never);
  } catch {
    refuse(null, null, 'roster.notXlsx');
  }
  const sheet = book.worksheets[0];
  if (!sheet) refuse(null, null, 'roster.noSheet');
  if (sheet.rowCount > MAX_ROSTER_ROWS + 20) refuse(null, null, 'roster.tooManyRows', { max: MAX_ROSTER_ROWS });
  let headerRow = 0;
  let columns: RosterImportResult['header']['columns'] = [];
  for (let r = 1; r <= Math.min(20, sheet.rowCount) && !headerRow; r++) {
    const cells = (sheet.getRow(r).values as ExcelJS.CellValue[]).map((v, column) => ({ column, name: cellText(v) }));
    const read = cells
      .filter((c) => c.column > 0 && c.name !== '')
      .map((c) => ({ ...c, field: (c.name in mapping ? mapping[c.name] : KNOWN.get(norm(c.name))) ?? null }));
    if (read.some((c) => c.field === 'name') && read.filter((c) => c.field).length >= 4) {
      headerRow = r;
      columns = read;
    }
  }
  if (!headerRow) refuse(null, null, 'roster.noHeader');
  const at = new Map<RosterField, { column: number; name: string }>();
  for (const c of columns) if (c.field && !at.has(c.field)) at.set(c.field, c);
  const rows: ParsedRow[] = [];
  try {
    readRows(sheet, headerRow, columns, at, rows);
  } catch (e) {
    return { header: { row: headerRow, columns }, rows, failure: e };
  }
  return { header: { row: headerRow, columns }, rows, failure: null };
}

function readRows(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  columns: RosterImportResult['header']['columns'],
  at: Map<RosterField, { column: number; name: string }>,
  rows: ParsedRow[],
): void {
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    const get = (f: RosterField) => {
      const c = at.get(f);
      return c ? cellText(values[c.column] ?? null) : '';
    };
    const columnName = (f: RosterField) => at.get(f)?.name ?? ROSTER_FIELDS[f][0];
    const name = get('name');
    if (!name && columns.every((c) => cellText(values[c.column] ?? null) === '')) continue; // a blank line
    if (!name) refuse(r, columnName('name'), 'roster.required');
    const gender = get('gender');
    if (gender && gender !== '男' && gender !== '女')
      refuse(r, columnName('gender'), 'roster.gender', { value: gender });
    const birth = get('birth');
    const birthMonth = birth ? parseMonth(birth.replace(/（.*$/, '').replace(/\(.*$/, '').slice(0, 10)) : null;
    if (birth && !birthMonth) refuse(r, columnName('birth'), 'roster.month', { value: birth });
    const monthCell = (f: RosterField) => {
      const text = get(f);
      if (!text) return null;
      const d = dateOf(text);
      if (!d) refuse(r, columnName(f), 'roster.month', { value: text });
      return d;
    };
    const party = get('partyJoined');
    const rankText = get('rank');
    const rankMatch = /^(.*?)(?:（(.*)）)?$/.exec(norm(rankText))!;
    const rank = rankText ? rankOf(rankMatch[1]!) : null;
    if (rankText && !rank) refuse(r, columnName('rank'), 'roster.rank', { value: rankText });
    const kindText = get('reserveKind');
    let kind: PositionKind | null = null;
    let targetRank: Rank | null = null;
    if (kindText) {
      kind = /正职/.test(kindText) ? 'PRINCIPAL' : /副职/.test(kindText) ? 'DEPUTY' : null;
      const level = kindText.split(/[/／]/)[1]?.trim();
      targetRank = level ? rankOf(level) : null;
      if (!kind || (level && !targetRank))
        refuse(r, columnName('reserveKind'), 'roster.reserveKind', { value: kindText });
    }
    const tierText = get('tier');
    const tier = tierText ? tierOf(tierText) : null;
    if (tierText && !tier) refuse(r, columnName('tier'), 'roster.tier', { value: tierText });
    const education = (f: 'fullTime' | 'inService') => {
      const text = get(f);
      if (!text) return null;
      const e = educationCell(text);
      if (e.education === null && educationOfWords(text, null) === undefined)
        refuse(r, columnName(f), 'roster.education', { value: text });
      return e.education === null ? { education: text, degree: null, school: null } : e;
    };
    rows.push({
      row: r,
      unitText: get('unit'),
      name,
      gender: gender === '男' ? 'M' : gender === '女' ? 'F' : null,
      ethnicity: get('ethnicity') || null,
      birthMonth,
      nativePlace: get('nativePlace') || null,
      partyJoined: party ? (parseMonth(party) ?? party) : null,
      workStart: monthCell('workStart'),
      fullTime: education('fullTime'),
      inService: education('inService'),
      currentPost: get('currentPost') || null,
      currentPostSince: monthCell('currentPostSince'),
      rank,
      rankSince: rankMatch[2] ? (dateOf(rankMatch[2]) ?? null) : null,
      kind,
      targetRank,
      tier,
      enteredOn: monthCell('enteredOn'),
    });
  }
}

const inMonth = (stored: string, date: string) => (stored.slice(0, 7) === date.slice(0, 7) ? stored : date);

/** In chunks: IN lists stay under every engine's parameter limit. */
async function chunked<T, R>(items: T[], size: number, read: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await read(items.slice(i, i + size))));
  return out;
}

export async function importRoster(
  db: Db,
  viewer: Viewer,
  unitCode: string,
  bytes: Buffer,
  options: { dryRun?: boolean; mapping?: Record<string, RosterField | null>; requestId?: string | null } = {},
): Promise<RosterImportResult> {
  const unit = await scopedUnit(db, unitCode, viewer);
  const { header, rows, failure } = await readRoster(bytes, options.mapping);
  // A row refused: the refusal carries how each column was read, so a caller can map them.
  const withColumns = (e: unknown): never => {
    if (e instanceof DomainError)
      throw new DomainError(e.code, e.messageKey, e.params, { ...e.extensions, columns: header.columns });
    throw e;
  };
  if (failure) withColumns(failure);
  try {
    return await importRows(db, viewer, unit, header, rows, options);
  } catch (e) {
    return withColumns(e);
  }
}

async function importRows(
  db: Db,
  viewer: Viewer,
  unit: Awaited<ReturnType<typeof scopedUnit>>,
  header: RosterImportResult['header'],
  rows: ParsedRow[],
  options: { dryRun?: boolean; requestId?: string | null },
): Promise<RosterImportResult> {
  const col = (f: RosterField) => header.columns.find((c) => c.field === f)?.name ?? ROSTER_FIELDS[f][0];

  // The units below the importing one, by name and by place (示范市·甲县·教育局, from the unit down or
  // from the top).
  const units = await db.unit.findMany({
    where: { path: under(unit.path) },
    select: { id: true, code: true, name: true, path: true, kind: true },
  });
  const names = new Map(
    (
      await db.unit.findMany({
        where: { id: { in: unit.path.split('.').filter(Boolean).map(Number) } },
        select: { id: true, name: true },
      })
    ).map((u) => [String(u.id), u.name]),
  );
  for (const u of units) names.set(String(u.id), u.name);
  const byPlace = new Map<string, typeof units>();
  const add = (key: string, u: (typeof units)[number]) => byPlace.set(key, [...(byPlace.get(key) ?? []), u]);
  for (const u of units) {
    const chain = u.path
      .split('.')
      .filter(Boolean)
      .map((id) => names.get(id) ?? '');
    for (let i = 0; i < chain.length; i++) add(chain.slice(i).join(PATH_SEPARATOR), u);
  }
  const unitOf = (r: ParsedRow) => {
    if (!r.unitText) return unit;
    const found = byPlace.get(r.unitText.replace(/[（(][^）)]*[）)]$/, '').trim());
    if (!found?.length) refuse(r.row, col('unit'), 'roster.unknownUnit', { value: r.unitText, unit: unit.name });
    if (found.length > 1)
      refuse(r.row, col('unit'), 'roster.ambiguousUnit', { value: r.unitText, count: found.length });
    return found[0]!;
  };

  // People of the subtree with these names, and their open entries.
  const wanted = [...new Set(rows.map((r) => r.name))];
  const people = await chunked(wanted, 500, (part) =>
    db.person.findMany({ where: { name: { in: part }, unit: { path: under(unit.path) } }, include: { profile: true } }),
  );
  const openEntries = await chunked(
    people.map((p) => p.code),
    500,
    (part) => db.reserveEntry.findMany({ where: { personCode: { in: part }, status: { in: [...OPEN_STATUSES] } } }),
  );
  const openOf = new Map(openEntries.map((e) => [e.personCode, e]));
  const seen = new Map<string, number>();
  const result: RosterImportResult = {
    header,
    rows: rows.length,
    peopleCreated: 0,
    peopleUpdated: 0,
    entriesCreated: 0,
    entriesUpdated: 0,
    unchanged: 0,
  };
  const writes: ((tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => Promise<unknown>)[] = [];
  const stamp = Date.now().toString(36).toUpperCase();
  let created = 0;
  let coreChanged = false;
  const newPeople: Record<string, unknown>[] = [];
  const newProfiles: Record<string, unknown>[] = [];
  const newEntries: Record<string, unknown>[] = [];
  const newHistory: Record<string, unknown>[] = [];

  for (const r of rows) {
    const target = unitOf(r);
    const matches = people.filter(
      (p) => p.name === r.name && r.birthMonth !== null && toIso(p.birthDate).startsWith(r.birthMonth),
    );
    if (matches.length > 1)
      refuse(r.row, col('name'), 'roster.ambiguous', { name: r.name, month: r.birthMonth, count: matches.length });
    const person = matches[0] ?? null;
    const key = person?.code ?? `${r.name}|${r.birthMonth}`;
    const before = seen.get(key);
    if (before !== undefined) refuse(r.row, col('name'), 'roster.sameTwice', { other: before });
    seen.set(key, r.row);
    const fullTime = r.fullTime ? (educationOfWords(r.fullTime.education, r.fullTime.degree) ?? null) : null;
    const inService = r.inService ? (educationOfWords(r.inService.education, r.inService.degree) ?? null) : null;
    const education = higherEducation(fullTime, inService);
    const profile = {
      nativePlace: r.nativePlace,
      partyJoined: r.partyJoined,
      fullTimeEducation: r.fullTime?.education ?? null,
      fullTimeDegree: r.fullTime?.degree ?? null,
      fullTimeSchool: r.fullTime?.school ?? null,
      inServiceEducation: r.inService?.education ?? null,
      inServiceDegree: r.inService?.degree ?? null,
      inServiceSchool: r.inService?.school ?? null,
      currentPost: r.currentPost,
      currentPostSince: r.currentPostSince,
    };
    let personCode: string;
    let changed = false;
    if (person) {
      personCode = person.code;
      const stored = {
        gender: person.gender,
        ethnicity: person.ethnicity,
        birthDate: toIso(person.birthDate),
        politicalStatus: person.politicalStatus,
        education: person.education,
        fullTimeEducation: person.fullTimeEducation,
        workStart: toIso(person.workStart),
        rank: person.rank,
        rankSince: person.rankSince ? toIso(person.rankSince) : null,
      };
      // What the row says; an empty cell leaves the field as it is.
      const core = {
        gender: r.gender ?? stored.gender,
        ethnicity: r.ethnicity ?? stored.ethnicity,
        birthDate: stored.birthDate,
        politicalStatus: politicalStatusOfPartyJoined(r.partyJoined) ?? stored.politicalStatus,
        education: education ?? stored.education,
        fullTimeEducation: r.fullTime || r.inService ? fullTime : stored.fullTimeEducation,
        workStart: r.workStart ? inMonth(stored.workStart, r.workStart) : stored.workStart,
        rank: r.rank ?? stored.rank,
        rankSince: r.rankSince ? inMonth(stored.rankSince ?? '', r.rankSince) : stored.rankSince,
      };
      const pr = person.profile;
      const storedProfile = {
        nativePlace: pr?.nativePlace ?? null,
        partyJoined: pr?.partyJoined ?? null,
        fullTimeEducation: pr?.fullTimeEducation ?? null,
        fullTimeDegree: pr?.fullTimeDegree ?? null,
        fullTimeSchool: pr?.fullTimeSchool ?? null,
        inServiceEducation: pr?.inServiceEducation ?? null,
        inServiceDegree: pr?.inServiceDegree ?? null,
        inServiceSchool: pr?.inServiceSchool ?? null,
        currentPost: pr?.currentPost ?? null,
        currentPostSince: pr?.currentPostSince ? toIso(pr.currentPostSince) : null,
      };
      // Without a profile of its own, the roster's education cells repeat the enums: no change.
      const nextProfile = Object.fromEntries(
        Object.entries(profile).map(([k, v]) => [k, v ?? storedProfile[k as keyof typeof storedProfile]]),
      ) as typeof storedProfile;
      const educationOnly =
        !pr &&
        Object.entries(nextProfile).every(([k, v]) => v === null || /Education|Degree/.test(k)) &&
        core.education === stored.education &&
        core.fullTimeEducation === stored.fullTimeEducation;
      const profileChanged = !educationOnly && JSON.stringify(nextProfile) !== JSON.stringify(storedProfile);
      const coreDiff =
        JSON.stringify({
          ...core,
          fullTimeEducation: educationOnly ? stored.fullTimeEducation : core.fullTimeEducation,
        }) !== JSON.stringify(stored);
      if (coreDiff) {
        coreChanged = true;
        writes.push((tx) =>
          tx.person.update({
            where: { code: person.code },
            data: {
              ...core,
              birthDate: toDate(core.birthDate),
              workStart: toDate(core.workStart),
              rankSince: core.rankSince ? toDate(core.rankSince) : null,
            },
          }),
        );
      }
      if (profileChanged) {
        const data = {
          ...nextProfile,
          currentPostSince: nextProfile.currentPostSince ? toDate(nextProfile.currentPostSince) : null,
        };
        writes.push((tx) =>
          tx.personProfile.upsert({
            where: { personCode: person.code },
            create: { personCode: person.code, ...data },
            update: data,
          }),
        );
      }
      if (coreDiff || profileChanged) {
        result.peopleUpdated += 1;
        changed = true;
      }
    } else {
      for (const [field, value] of [
        ['gender', r.gender],
        ['birth', r.birthMonth],
        ['ethnicity', r.ethnicity],
        ['workStart', r.workStart],
        ['fullTime', education],
      ] as const)
        if (value === null) refuse(r.row, col(field), 'roster.newPersonNeeds', { name: r.name });
      personCode = `P${stamp}${String(++created).padStart(5, '0')}`;
      coreChanged = true;
      changed = true;
      result.peopleCreated += 1;
      newPeople.push({
        code: personCode,
        name: r.name,
        gender: r.gender!,
        birthDate: toDate(`${r.birthMonth}-01`),
        ethnicity: r.ethnicity!,
        politicalStatus: politicalStatusOfPartyJoined(r.partyJoined) ?? 'MASSES',
        education: education!,
        fullTimeEducation: fullTime,
        title: titleOfWords(null),
        rank: r.rank ?? 'STAFF',
        rankSince: r.rankSince ? toDate(r.rankSince) : null,
        workStart: toDate(r.workStart!),
        category: categoryOfUnitKind(target.kind as UnitKind),
        unitCode: target.code,
      });
      newProfiles.push({
        personCode,
        ...profile,
        currentPostSince: profile.currentPostSince ? toDate(profile.currentPostSince) : null,
      });
    }
    // The entry: a person without an open one enters the pool; an open one takes the row's readiness.
    const open = person ? openOf.get(person.code) : undefined;
    if (open) {
      if (r.tier && r.tier !== open.tier) {
        writes.push((tx) => tx.reserveEntry.update({ where: { code: open.code }, data: { tier: r.tier! } }));
        result.entriesUpdated += 1;
        coreChanged = true;
        changed = true;
      }
    } else if (r.kind) {
      for (const [field, value] of [
        ['tier', r.tier],
        ['enteredOn', r.enteredOn],
      ] as const)
        if (value === null) refuse(r.row, col(field), 'roster.newEntryNeeds', { name: r.name });
      if (r.enteredOn! > todayIso()) refuse(r.row, col('enteredOn'), 'roster.future', { value: r.enteredOn });
      const code = `R${stamp}${String(++created).padStart(5, '0')}`;
      newEntries.push({
        code,
        personCode,
        unitCode: target.code,
        targetKind: r.kind,
        targetRank: r.targetRank ?? (person?.rank as Rank | undefined) ?? 'STAFF',
        tier: r.tier!,
        direction: 'PARTY',
        source: 'OTHER',
        status: 'ACTIVE',
        nominatedOn: toDate(r.enteredOn!),
        enteredOn: toDate(r.enteredOn!),
        openPersonCode: personCode,
      });
      newHistory.push({
        reserveCode: code,
        from: null,
        to: 'ACTIVE',
        on: toDate(r.enteredOn!),
        reason: '名册导入',
        actor: viewer.actor,
      });
      result.entriesCreated += 1;
      coreChanged = true;
      changed = true;
    }
    if (!changed) result.unchanged += 1;
  }
  if (options.dryRun || (writes.length === 0 && newPeople.length === 0 && newEntries.length === 0)) return result;
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < newPeople.length; i += 500)
        await tx.person.createMany({ data: newPeople.slice(i, i + 500) as never });
      for (let i = 0; i < newProfiles.length; i += 500)
        await tx.personProfile.createMany({ data: newProfiles.slice(i, i + 500) as never });
      for (const w of writes) await w(tx);
      for (let i = 0; i < newEntries.length; i += 500)
        await tx.reserveEntry.createMany({ data: newEntries.slice(i, i + 500) as never });
      for (let i = 0; i < newHistory.length; i += 500)
        await tx.reserveStatusChange.createMany({ data: newHistory.slice(i, i + 500) as never });
      await appendAudit(tx, {
        actor: viewer.actor,
        action: 'roster.import',
        entity: 'Unit',
        entityCode: unit.code,
        detail: {
          rows: result.rows,
          peopleCreated: result.peopleCreated,
          peopleUpdated: result.peopleUpdated,
          entriesCreated: result.entriesCreated,
          entriesUpdated: result.entriesUpdated,
        },
        requestId: options.requestId ?? null,
      });
      await recordChange(tx, coreChanged ? { entity: 'Person' } : { entity: 'PersonRecord' });
    },
    { timeout: 300_000 },
  );
  return result;
}
