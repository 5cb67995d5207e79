// 干部任免审批表 files into a unit's subtree: each file is read (lrmx.ts), matched to a person —
// by 公民身份号码 when the file has one, else by 姓名 + 出生年月 among the unit's subtree, an
// ambiguous match refused — checked, and then all files are written in one transaction or none
// is. A person found is updated with what the form says (the rank, title, category and unit the
// form does not carry stay); a person not found is created in the unit. A form equal to what is
// stored is not written: an exported file imported back changes nothing.
import crypto from 'node:crypto';
import { toDate, toIso } from '../../domain/dates.ts';
import type { Category, Education, PoliticalStatus, Rank, Title, UnitKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import {
  categoryOfUnitKind,
  educationOfWords,
  higherEducation,
  politicalStatusOfPartyJoined,
  rankOfPost,
  titleOfWords,
} from '../../domain/form-words.ts';
import { birthDateOfId, idNumberIssue, normaliseIdNumber } from '../../domain/identity.ts';
import { type MessageKey, type MessageParams, messageParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { scopedUnit, under, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { LrmxError, type LrmxRecord, readLrmx, writeLrmx } from './lrmx.ts';
import { FORM_INCLUDE, formOf, sameForm, writeFormRecords } from './person-form.ts';

/** Most files in one import (a unit's whole team and its reserves fit many times over). */
export const MAX_LRMX_FILES = 500;

export interface LrmxFile {
  name: string;
  bytes: Buffer;
}

export interface LrmxImportResult {
  created: { file: string; personId: string; name: string }[];
  updated: { file: string; personId: string; name: string }[];
  unchanged: { file: string; personId: string; name: string }[];
}

/** A refusal naming the file, the element (when there is one) and the problem. */
function refuse(file: string, element: string | null, key: MessageKey, params: MessageParams = {}): never {
  throw refusal(
    'BAD_USER_INPUT',
    'lrmx.refused',
    {
      file,
      where: element ? messageParam('lrmx.element', { element }) : '',
      problem: messageParam(key, params),
    },
    { file, element },
  );
}

/** A date in `month` (YYYY-MM): the stored one when it lies in that month, else the month's first day. */
const inMonth = (stored: string | null, month: string) => (stored?.startsWith(month) ? stored : `${month}-01`);

export async function importLrmx(
  db: Db,
  viewer: Viewer,
  unitCode: string,
  files: LrmxFile[],
  options: { requestId?: string | null; dryRun?: boolean } = {},
): Promise<LrmxImportResult> {
  if (files.length === 0) throw refusal('BAD_USER_INPUT', 'lrmx.noFiles', {});
  if (files.length > MAX_LRMX_FILES) throw refusal('BAD_USER_INPUT', 'lrmx.tooManyFiles', { max: MAX_LRMX_FILES });
  const unit = await scopedUnit(db, unitCode, viewer);

  // Read every file first: a bad one refuses them all before anything is looked up.
  const read = files.map((f) => {
    try {
      const record = readLrmx(f.bytes);
      if (record.idNumber) {
        record.idNumber = normaliseIdNumber(record.idNumber);
        const issue = idNumberIssue(record.idNumber);
        if (issue) refuse(f.name, 'ShenFenZheng', issue.key, issue.params);
        const born = birthDateOfId(record.idNumber);
        if (record.birthMonth && !born.startsWith(record.birthMonth))
          refuse(f.name, 'ShenFenZheng', 'identity.birthMismatch', { born, birthDate: record.birthMonth });
        record.birthMonth ??= born.slice(0, 7);
      }
      for (const [element, words, degree] of [
        ['QuanRiZhiJiaoYu_XueLi', record.fullTimeEducation, record.fullTimeDegree],
        ['ZaiZhiJiaoYu_XueLi', record.inServiceEducation, record.inServiceDegree],
      ] as const)
        if (educationOfWords(words, degree) === undefined) refuse(f.name, element, 'lrmx.education', { value: words });
      return { file: f.name, record, sha256: crypto.createHash('sha256').update(f.bytes).digest('hex') };
    } catch (e) {
      if (e instanceof LrmxError) refuse(f.name, e.element, e.messageKey, e.params);
      throw e;
    }
  });

  // Match: by identity number anywhere (a number outside the subtree is refused, not copied), else
  // by name and birth month within the subtree.
  const ids = read.flatMap((r) => (r.record.idNumber ? [r.record.idNumber] : []));
  const byId = new Map(
    (
      await db.personIdentity.findMany({
        where: { idNumber: { in: ids } },
        select: { idNumber: true, person: { select: { code: true, unit: { select: { path: true } } } } },
      })
    ).map((i) => [i.idNumber!, i.person]),
  );
  const names = [...new Set(read.map((r) => r.record.name))];
  const namesakes = await db.person.findMany({
    where: { name: { in: names }, unit: { path: under(unit.path) } },
    select: { code: true, name: true, birthDate: true, identity: { select: { idNumber: true } } },
  });
  const planned = read.map(({ file, record }) => {
    if (record.idNumber) {
      const found = byId.get(record.idNumber);
      if (found) {
        if (!found.unit.path.startsWith(unit.path))
          refuse(file, 'ShenFenZheng', 'lrmx.outsideUnit', { person: found.code, unit: unit.code });
        return { file, record, personCode: found.code };
      }
    }
    // People already holding another identity number are not this file's person.
    const matches = namesakes.filter(
      (p) =>
        p.name === record.name &&
        record.birthMonth !== null &&
        toIso(p.birthDate).startsWith(record.birthMonth) &&
        !(record.idNumber && p.identity?.idNumber && p.identity.idNumber !== record.idNumber),
    );
    if (matches.length > 1)
      refuse(file, 'XingMing', 'lrmx.ambiguous', {
        name: record.name,
        month: record.birthMonth,
        count: matches.length,
      });
    return { file, record, personCode: matches[0]?.code ?? null };
  });
  const seen = new Map<string, string>();
  for (const p of planned) {
    const key =
      p.personCode ?? (p.record.idNumber ? `id:${p.record.idNumber}` : `new:${p.record.name}|${p.record.birthMonth}`);
    const other = seen.get(key);
    if (other) refuse(p.file, null, 'lrmx.sameTwice', { other });
    seen.set(key, p.file);
  }

  const matched = planned.flatMap((p) => (p.personCode ? [p.personCode] : []));
  // One read: the people's own fields and their forms.
  const stored = await db.person.findMany({ where: { code: { in: matched } }, include: FORM_INCLUDE });
  const storedByCode = new Map(stored.map((p) => [p.code, p]));
  const forms = new Map(stored.map((p) => [p.code, formOf(p)]));
  const result: LrmxImportResult = { created: [], updated: [], unchanged: [] };
  /** What each changed file writes: its person's own fields (created or updated) and its form. */
  const writes: { code: string; record: LrmxRecord; create?: PersonData; update?: Partial<PersonData> }[] = [];
  let coreChanged = false;

  for (const p of planned) {
    const r = p.record;
    const fullTime = educationOfWords(r.fullTimeEducation, r.fullTimeDegree) ?? null;
    const education = higherEducation(fullTime, educationOfWords(r.inServiceEducation, r.inServiceDegree) ?? null);
    const born = r.idNumber ? birthDateOfId(r.idNumber) : null;
    if (p.personCode) {
      const person = storedByCode.get(p.personCode)!;
      if (sameForm(forms.get(p.personCode)!, r)) {
        result.unchanged.push({ file: p.file, personId: person.code, name: person.name });
        continue;
      }
      const before = {
        name: person.name,
        gender: person.gender,
        birthDate: toIso(person.birthDate),
        ethnicity: person.ethnicity,
        politicalStatus: person.politicalStatus,
        education: person.education,
        fullTimeEducation: person.fullTimeEducation,
        workStart: toIso(person.workStart),
      };
      const after = {
        name: r.name,
        gender: r.gender ?? before.gender,
        birthDate: born ?? (r.birthMonth ? inMonth(before.birthDate, r.birthMonth) : before.birthDate),
        ethnicity: r.ethnicity ?? before.ethnicity,
        politicalStatus: politicalStatusOfPartyJoined(r.partyJoined) ?? before.politicalStatus,
        education: education ?? before.education,
        fullTimeEducation: education ? fullTime : before.fullTimeEducation,
        workStart: r.workStartMonth ? inMonth(before.workStart, r.workStartMonth) : before.workStart,
      };
      if (JSON.stringify(after) !== JSON.stringify(before)) coreChanged = true;
      result.updated.push({ file: p.file, personId: person.code, name: r.name });
      writes.push({ code: person.code, record: r, update: after });
    } else {
      // A new person needs what the Person record requires.
      for (const [element, value] of [
        ['XingBie', r.gender],
        ['ChuShengNianYue', r.birthMonth],
        ['MinZu', r.ethnicity],
        ['CanJiaGongZuoShiJian', r.workStartMonth],
        ['QuanRiZhiJiaoYu_XueLi', education],
      ] as const)
        if (value === null) refuse(p.file, element, 'lrmx.newPersonNeeds', { name: r.name });
      const code = `P${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
      coreChanged = true;
      result.created.push({ file: p.file, personId: code, name: r.name });
      writes.push({
        code,
        record: r,
        create: {
          code,
          name: r.name,
          gender: r.gender!,
          birthDate: born ?? `${r.birthMonth}-01`,
          ethnicity: r.ethnicity!,
          politicalStatus: politicalStatusOfPartyJoined(r.partyJoined) ?? 'MASSES',
          education: education!,
          fullTimeEducation: fullTime,
          // Not on the form: from its words (专业技术职务, 现任职务) and the unit (decision 033).
          title: titleOfWords(r.professionalTitle),
          rank: rankOfPost(r.currentPost),
          workStart: `${r.workStartMonth}-01`,
          category: categoryOfUnitKind(unit.kind as UnitKind),
          unitCode: unit.code,
        },
      });
    }
  }
  if (options.dryRun || writes.length === 0) return result;
  const dates = <T extends { birthDate?: string; workStart?: string }>(d: T) => ({
    ...d,
    ...(d.birthDate ? { birthDate: toDate(d.birthDate) } : {}),
    ...(d.workStart ? { workStart: toDate(d.workStart) } : {}),
  });
  await db.$transaction(
    async (tx) => {
      for (const w of writes) {
        if (w.create) await tx.person.create({ data: dates(w.create) });
        else await tx.person.update({ where: { code: w.code }, data: dates(w.update!) });
        await writeFormRecords(tx, w.code, w.record);
      }
      await appendAudit(tx, {
        actor: viewer.actor,
        action: 'lrmx.import',
        entity: 'Unit',
        entityCode: unit.code,
        detail: {
          files: read.map((r) => ({ file: r.file, sha256: r.sha256 })),
          created: result.created.map((c) => c.personId),
          updated: result.updated.map((c) => c.personId),
        },
        requestId: options.requestId ?? null,
      });
      // The people's own fields feed the metrics (a full catch-up); the form's records do not.
      await recordChange(
        tx,
        coreChanged ? { entity: 'Person' } : { entity: 'PersonRecord', keys: writes.map((w) => w.code) },
      );
    },
    { timeout: 120_000 },
  );
  return result;
}

type PersonData = {
  code: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  ethnicity: string;
  politicalStatus: PoliticalStatus;
  education: Education;
  fullTimeEducation: Education | null;
  title: Title;
  rank: Rank;
  workStart: string;
  category: Category;
  unitCode: string;
};

/** A person's form as a file, audited with its SHA-256 (it holds the identity number and photo). */
export async function exportLrmx(
  db: Db,
  viewer: Viewer,
  personCode: string,
  options: { requestId?: string | null } = {},
): Promise<{ fileName: string; bytes: Buffer }> {
  const person = await db.person.findFirst({
    where: { code: personCode, ...(viewer.path ? { unit: { path: under(viewer.path) } } : {}) },
    include: {
      profile: true,
      identity: true,
      resume: { orderBy: { seq: 'asc' } },
      rewards: { orderBy: { seq: 'asc' } },
      family: { orderBy: { seq: 'asc' } },
    },
  });
  if (!person) throw refusal('NOT_FOUND', 'auth.notFoundOrOutside', {});
  const bytes = writeLrmx(formOf(person));
  await db.$transaction(async (tx) => {
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'lrmx.export',
      entity: 'Person',
      entityCode: person.code,
      detail: { sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
      requestId: options.requestId ?? null,
    });
  });
  return { fileName: `${person.name}-${person.code}.lrmx`, bytes };
}
