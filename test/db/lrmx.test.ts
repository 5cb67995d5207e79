// 干部任免审批表 files through the API: imported into a unit's subtree (created or matched and
// updated), all files or none; exported as the standard program writes them and imported back
// without a change; personal data only for the roles that keep the pool, every read audited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../server/dataset/export.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { datasetText, smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { type As, gql } from '../helpers/graphql.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/lrmx', name));
const file = (name: string, bytes: Buffer = fixture(name)) => ({ name, base64: bytes.toString('base64') });
const ZHANG = 'zhang-jianhua-utf8.lrmx';
const LI = 'li-hongmei-gbk.lrmx';

type Outcome = { file: string; personId: string; name: string };
type Result = { created: Outcome[]; updated: Outcome[]; unchanged: Outcome[] };

const IMPORT = `mutation($unit: String!, $files: [LrmxFileInput!]!, $dryRun: Boolean) {
  importLrmx(unitCode: $unit, files: $files, dryRun: $dryRun) {
    created { file personId name } updated { file personId name } unchanged { file personId name } } }`;
const importFiles = (unit: string, files: { name: string; base64: string }[], as: As = {}, dryRun = false) =>
  gql<{ importLrmx: Result }>(IMPORT, { unit, files, dryRun }, as);
const exportFiles = (personIds: string[], as: As = {}) =>
  gql<{ exportLrmx: { fileName: string; base64: string }[] }>(
    'mutation($ids: [String!]!) { exportLrmx(personIds: $ids) { fileName base64 } }',
    { ids: personIds },
    as,
  );
const personOf = (id: string, as: As = {}) =>
  gql<{ node: Record<string, unknown> | null }>(
    `query($id: ID!) { node(id: $id) { ... on Person { code name gender birthDate ethnicity politicalStatus education
      fullTimeEducation rank title workStart unit { code }
      profile { nativePlace partyJoined fullTimeEducation fullTimeDegree inServiceEducation currentPost assessmentText }
      resume { start end text } rewardsAndPenalties } } }`,
    { id: `Person:${id}` },
    as,
  );
const countPeople = () => db.person.count();

describe('干部任免审批表 files through the API', () => {
  let zhang = '';
  let li = '';

  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('creates the people of new files in the unit, deriving what the rules read from the form’s words', async () => {
    const before = await countPeople();
    // A dry run says the same and writes nothing.
    const dry = await importFiles('A', [file(ZHANG), file(LI)], {}, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importLrmx.created.map((c) => c.name)).toEqual(['张建华', '李红梅']);
    expect(await countPeople()).toBe(before);

    const r = await importFiles('A', [file(ZHANG), file(LI)]);
    expect(r.errors).toBeUndefined();
    const { created, updated, unchanged } = r.data!.importLrmx;
    expect([created.length, updated.length, unchanged.length]).toEqual([2, 0, 0]);
    [zhang, li] = created.map((c) => c.personId) as [string, string];
    expect(await countPeople()).toBe(before + 2);
    const z = (await personOf(zhang)).data!.node!;
    expect(z).toMatchObject({
      name: '张建华',
      gender: 'M',
      // The identity number gives the day; the form only the month.
      birthDate: '1978-03-15',
      politicalStatus: 'CPC',
      // 大学 full time, 研究生 (硕士) in service: the highest is a master's.
      education: 'MASTER',
      fullTimeEducation: 'BACHELOR',
      // 副处级 in 现任职务; 高级经济师 is a sub-senior title.
      rank: 'DIVISION_DEPUTY',
      title: 'SUB_SENIOR',
      workStart: '1998-07-01',
      unit: { code: 'A' },
      profile: {
        nativePlace: '江苏南京',
        partyJoined: '2001-06',
        fullTimeDegree: '经济学学士',
        inServiceEducation: '研究生',
      },
      rewardsAndPenalties: ['2015年被评为全省发展改革系统先进工作者', '2019年记三等功一次'],
    });
    expect((z.resume as unknown[]).length).toBe(5);
    const l = (await personOf(li)).data!.node!;
    expect(l).toMatchObject({
      gender: 'F',
      birthDate: '1985-07-01',
      politicalStatus: 'DEMOCRATIC_PARTY',
      education: 'MASTER',
    });
    // One audit record names every file by its SHA-256.
    const audit = await db.auditLog.findFirst({ where: { action: 'lrmx.import' }, orderBy: { seq: 'desc' } });
    const detail = JSON.parse(audit!.detail!) as { files: { file: string; sha256: string }[] };
    expect(detail.files.map((f) => f.file)).toEqual([ZHANG, LI]);
    expect(detail.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exports a file the standard program reads, and importing it back changes nothing', async () => {
    const out = await exportFiles([zhang, li]);
    expect(out.errors).toBeUndefined();
    const [z, l] = out.data!.exportLrmx;
    expect(z!.fileName).toBe(`张建华-${zhang}.lrmx`);
    const xml = Buffer.from(z!.base64, 'base64').toString('utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Person>\n {2}<XingMing>张建华<\/XingMing>/);
    expect(xml).toContain('<ShenFenZheng>110102197803150615</ShenFenZheng>');
    expect(xml).toContain('<BeiZhu>本地程序扩展字段</BeiZhu>');
    const audits = await db.auditLog.count();
    const back = await importFiles('A', [
      { name: 'z.lrmx', base64: z!.base64 },
      { name: 'l.lrmx', base64: l!.base64 },
    ]);
    expect(back.errors).toBeUndefined();
    expect(back.data!.importLrmx.unchanged.map((u) => u.personId)).toEqual([zhang, li]);
    expect(back.data!.importLrmx.updated).toEqual([]);
    // Nothing written: only the two exports' audit records are new.
    expect(await db.auditLog.count()).toBe(audits);
    // And a person who never had a form exports one from their record, which comes back unchanged.
    const plain = await exportFiles(['E06']);
    expect(plain.errors).toBeUndefined();
    const again = await importFiles('A', [{ name: 'e06.lrmx', base64: plain.data!.exportLrmx[0]!.base64 }]);
    expect(again.data!.importLrmx.unchanged.map((u) => u.personId)).toEqual(['E06']);
  });

  it('matches by name and birth month in the subtree, updates what the form says and keeps the rest', async () => {
    // 孙后备 (E06) in 甲县, born 1986-02: her form, with a résumé and another 籍贯.
    const form = Buffer.from(
      iconvDecode(fixture(LI))
        .replace('encoding="GB2312"', 'encoding="UTF-8"')
        .replace('李红梅', '孙后备')
        .replace('1985.07', '1986.02')
        .replace('宁夏银川', '甘肃兰州'),
      'utf8',
    );
    const r = await importFiles('A', [{ name: 'sun.lrmx', base64: form.toString('base64') }]);
    expect(r.errors).toBeUndefined();
    expect(r.data!.importLrmx.updated).toEqual([{ file: 'sun.lrmx', personId: 'E06', name: '孙后备' }]);
    const p = (await personOf('E06')).data!.node!;
    // The day of birth stays (the form has the month); the rank the form does not carry stays.
    expect(p).toMatchObject({ birthDate: '1986-02-28', profile: { nativePlace: '甘肃兰州' }, unit: { code: 'A' } });
    expect(p.rank).toBe(smallDataset().people.find((x) => x.id === 'E06')!.rank);
  });

  it('refuses all files when one is bad, naming the file and the element, and changes nothing', async () => {
    const before = await countPeople();
    const audits = await db.auditLog.count();
    const fresh = Buffer.from(
      fixture(ZHANG)
        .toString('utf8')
        .replaceAll('张建华', '周新人')
        .replace(/<ShenFenZheng>.*<\/ShenFenZheng>/, '<ShenFenZheng></ShenFenZheng>'),
    );
    const r = await importFiles('B', [{ name: 'fresh.lrmx', base64: fresh.toString('base64') }, file('bad-id.lrmx')], {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      file: 'bad-id.lrmx',
      element: 'ShenFenZheng',
    });
    expect(r.errors?.[0]?.message).toBe(
      '文件“bad-id.lrmx”的 ShenFenZheng 项：公民身份号码校验位不符：应为 5，实为 4（未导入任何文件）',
    );
    for (const [name, element] of [
      ['broken-xml.lrmx', null],
      ['bad-month.lrmx', 'ChuShengNianYue'],
    ] as const) {
      const bad = await importFiles('B', [{ name: 'fresh.lrmx', base64: fresh.toString('base64') }, file(name)]);
      expect(bad.errors?.[0]?.extensions, name).toMatchObject({ file: name, element });
    }
    expect(await countPeople()).toBe(before);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it('refuses a file above its size bound before reading it', async () => {
    const big = 'A'.repeat(Math.ceil(((4 << 20) * 4) / 3) + 8);
    const r = await importFiles('A', [{ name: 'big.lrmx', base64: big }]);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'base64' });
    const roster = await gql('mutation($b: String!) { importRoster(unitCode: "A", base64: $b) { rows } }', {
      b: 'A'.repeat(28_000_004),
    });
    expect(roster.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'base64' });
  });

  it('refuses an ambiguous match, an identity number outside the subtree, and the same person twice', async () => {
    // A second 孙后备 born 1986-02, in 乙县: from the city (both counties) the name and month match two.
    const sun = iconvDecode(fixture(LI))
      .replace('encoding="GB2312"', 'encoding="UTF-8"')
      .replace('李红梅', '孙后备')
      .replace('1985.07', '1986.02');
    const made = await importFiles('B', [{ name: 'sun-b.lrmx', base64: Buffer.from(sun).toString('base64') }]);
    expect(made.data!.importLrmx.created).toHaveLength(1);
    const r = await importFiles('C01', [{ name: 'sun.lrmx', base64: Buffer.from(sun).toString('base64') }]);
    expect(r.errors?.[0]?.extensions).toMatchObject({ file: 'sun.lrmx', element: 'XingMing' });
    expect(r.errors?.[0]?.message).toMatch(/matches 2 people/);
    // 张建华's identity number belongs to a person of 甲县: not importable into 乙县.
    const outside = await importFiles('B', [file(ZHANG)]);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ file: ZHANG, element: 'ShenFenZheng' });
    const twice = await importFiles('A', [file(ZHANG), { name: 'copy.lrmx', base64: file(ZHANG).base64 }]);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ file: 'copy.lrmx' });
  });

  it('carries the full record through a dataset export and import exactly (format 2), and still reads format 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lrmx-ds-'));
    const first = path.join(dir, 'first.json');
    await exportDataset(db, first);
    const text = fs.readFileSync(first, 'utf8');
    expect(text).toMatch(/^\{\n {2}"formatVersion": 2,/);
    const exported = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
    expect(exported.identities!.find((i) => i.personId === zhang)).toMatchObject({
      idNumber: '110102197803150615',
      photoType: 'image/jpeg',
    });
    expect(exported.resumeLines!.filter((l) => l.personId === zhang)).toHaveLength(5);
    await importDataset(db, dbConfig, { file: first }, { replace: true });
    const second = path.join(dir, 'second.json');
    await exportDataset(db, second);
    expect(fs.readFileSync(second, 'utf8')).toBe(text);
    // The photo's bytes came back as they were.
    const form = await exportFiles([zhang]);
    expect(Buffer.from(form.data!.exportLrmx[0]!.base64, 'base64').toString('utf8')).toContain(
      '<ZhaoPian>/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==</ZhaoPian>',
    );
    // A version 1 file (without the record's arrays) reads as before.
    const v1 = JSON.parse(datasetText(smallDataset())) as Record<string, unknown>;
    v1.formatVersion = 1;
    for (const array of ['profiles', 'resumeLines', 'rewardsPenalties', 'familyMembers', 'identities'])
      delete v1[array];
    await importDataset(db, dbConfig, { text: JSON.stringify(v1) }, { replace: true });
    expect(await db.person.count()).toBe(smallDataset().people.length);
    // A record of a person not in the file, and a bad identity number, are refused by record and field.
    const bad = smallDataset();
    bad.identities.push({ personId: 'E01', idNumber: '110102197803150615', photo: null, photoType: null });
    bad.resumeLines.push({ personId: 'E99', seq: 0, start: '2001-13', end: null, text: 'x' });
    const error = await importDataset(db, dbConfig, { text: datasetText(bad) }, { replace: true }).catch(
      (e: Error) => e,
    );
    expect(String(error)).toMatch(
      /resumeLines\[0\], field "personId": refers to person "E99", who is not in this file/,
    );
    bad.resumeLines.pop();
    const error2 = await importDataset(db, dbConfig, { text: datasetText(bad) }, { replace: true }).catch(
      (e: Error) => e,
    );
    expect(String(error2)).toMatch(
      /identities\[0\], field "idNumber": the identity number’s birth date 1978-03-15 differs/,
    );
    // Back to the state the next test reads.
    await importDataset(db, dbConfig, { file: first }, { replace: true });
  });

  it('corrects the descriptive fields of the record from the dashboard, within the subtree, audited', async () => {
    const EDIT = `mutation($id: String!, $input: PersonProfileEdit!) {
      editPersonProfile(personId: $id, input: $input) { birthPlace currentPost specialty nativePlace } }`;
    const officerA = { role: 'ORG_OFFICER' as const, viewerUnit: 'A' };
    const r = await gql<{ editPersonProfile: Record<string, string | null> }>(
      EDIT,
      { id: zhang, input: { birthPlace: '江苏苏州', currentPost: '甲县发展和改革局局长', specialty: '' } },
      officerA,
    );
    expect(r.errors).toBeUndefined();
    // Given fields change (empty text clears); the others stay as the form had them.
    expect(r.data!.editPersonProfile).toEqual({
      birthPlace: '江苏苏州',
      currentPost: '甲县发展和改革局局长',
      specialty: null,
      nativePlace: '江苏南京',
    });
    const audit = await db.auditLog.findFirst({ where: { action: 'person.profile.edit' }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({
      before: { birthPlace: '江苏南京', specialty: '熟悉宏观经济和发展规划工作' },
      after: { birthPlace: '江苏苏州', specialty: null },
    });
    const other = await gql(EDIT, { id: zhang, input: { birthPlace: 'x' } }, { role: 'ORG_OFFICER', viewerUnit: 'B' });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const leader = await gql(EDIT, { id: zhang, input: { birthPlace: 'x' } }, { role: 'LEADER', viewerUnit: 'A' });
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The form written now carries the correction.
    const out = await exportFiles([zhang]);
    expect(Buffer.from(out.data!.exportLrmx[0]!.base64, 'base64').toString('utf8')).toContain(
      '<ChuShengDi>江苏苏州</ChuShengDi>',
    );
  });

  it('keeps personal data to the roles that keep the pool, within their subtree, and audits every read', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Person { identity { idNumber photo } family { relation name } } } }`;
    const reads = () => db.auditLog.count({ where: { action: { startsWith: 'person.read.' }, entityCode: zhang } });
    const before = await reads();
    const officer = await gql<{ node: { identity: { idNumber: string; photo: string }; family: unknown[] } }>(
      q,
      { id: `Person:${zhang}` },
      { role: 'ORG_OFFICER', viewerUnit: 'A' },
    );
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.node.identity.idNumber).toBe('110102197803150615');
    expect(officer.data!.node.identity.photo).toMatch(/^data:image\/jpeg;base64,/);
    expect(officer.data!.node.family).toHaveLength(2);
    expect(await reads()).toBe(before + 2);
    // A leader sees the person, never the personal data.
    const leader = await gql(q, { id: `Person:${zhang}` }, { role: 'LEADER', viewerUnit: 'A' });
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(leader.data)).not.toContain('110102197803150615');
    // Another county's officer does not reach the person at all, nor can export or import there.
    const other = await gql<{ node: unknown }>(q, { id: `Person:${zhang}` }, { role: 'ORG_OFFICER', viewerUnit: 'B' });
    expect(other.data?.node ?? null).toBeNull();
    expect((await exportFiles([zhang], { role: 'ORG_OFFICER', viewerUnit: 'B' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await importFiles('A', [file(LI)], { role: 'ORG_OFFICER', viewerUnit: 'B' })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await exportFiles([zhang], { role: 'LEADER', viewerUnit: 'A' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await reads()).toBe(before + 2);
  });
});

/** A GB2312 fixture as text. */
function iconvDecode(bytes: Buffer): string {
  return new TextDecoder('gbk').decode(bytes);
}
