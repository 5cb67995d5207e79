// Documents through the API: the 干部任免审批表 and the 一人一卡 card of people and the candidate
// dossier of entries, as Word files (read back from the .docx's XML) and as print models — what
// they say, who may have them (the form and the photo need READ_PERSONAL; nothing outside the
// account's subtree), and an audit record of every export.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/lrmx', name));

interface Block {
  kind: string;
  text: string | null;
  rows: { cells: { text: string | null; label: boolean; colSpan: number; rowSpan: number }[] }[] | null;
}
type Exported = { fileName: string; contentBase64: string | null; document: { title: string; blocks: Block[] } | null };

const EXPORT = `mutation($kind: DocumentKind!, $codes: [String!]!, $format: DocumentFormat!, $asOf: Date) {
  exportDocument(kind: $kind, codes: $codes, format: $format, asOf: $asOf) {
    fileName contentBase64 document { title blocks { kind text rows { cells { text label colSpan rowSpan } } } } } }`;

const exportDoc = (kind: string, codes: string[], format: 'DOCX' | 'PRINT', as: As = {}) =>
  gql<{ exportDocument: Exported }>(EXPORT, { kind, codes, format, asOf: '2026-10-01' }, as);

/** The text of a .docx's body and footer, paragraph by paragraph. */
async function docxText(base64: string): Promise<{ body: string; footer: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const text = async (name: string) =>
    ((await zip.file(name)?.async('string')) ?? '')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g, '{$1}')
      .replace(/<[^>]+>/g, '');
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return { body: await text('word/document.xml'), footer: (await Promise.all(footers.map(text))).join('\n') };
}

/** Every cell's text of a print model's tables, in order. */
const cellsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.rows ?? []).flatMap((r) => r.cells.map((c) => c.text ?? '')));

describe('documents', () => {
  let zhang = '';
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
    const imported = await gqlOk<{ importLrmx: { created: { personId: string }[] } }>(
      `mutation($files: [LrmxFileInput!]!) { importLrmx(unitCode: "A", files: $files) { created { personId } } }`,
      { files: [{ name: 'zhang.lrmx', base64: fixture('zhang-jianhua-utf8.lrmx').toString('base64') }] },
    );
    zhang = imported.importLrmx.created[0]!.personId;
    // R02 (周后备, nominated for 副职 · 副处级 at 甲县): a recommendation, three score rounds, an inspection.
    const reserveId = 'ReserveEntry:R02';
    await gqlOk(`mutation($input: RecordRecommendationInput!) { recordRecommendation(input: $input) { id } }`, {
      input: {
        reserveId,
        heldOn: '2026-09-10',
        groups: [
          { group: 'LEADERSHIP_TEAM', expected: 9, cast: 9, favour: 8, against: 1, abstain: 0, invalid: 0 },
          { group: 'MIDDLE_MANAGERS', expected: 20, cast: 18, favour: 15, against: 2, abstain: 1, invalid: 0 },
          { group: 'MEMBERS', expected: 40, cast: 36, favour: 30, against: 4, abstain: 2, invalid: 0 },
          { group: 'MASSES', expected: 30, cast: 27, favour: 20, against: 5, abstain: 1, invalid: 1 },
        ],
      },
    });
    for (const [round, part, score] of [
      ['WRITTEN', null, 80],
      ['SPEECH', null, 75],
      ['INSPECTION', 'LEADERSHIP', 85],
      ['INSPECTION', 'MIDDLE_MANAGERS', 85],
      ['INSPECTION', 'STAFF', 85],
    ] as const)
      await gqlOk(`mutation($input: RecordScoreInput!) { recordScore(input: $input) { finalScore } }`, {
        input: { reserveId, round, part, score, on: '2026-09-20' },
      });
    await gqlOk(`mutation($input: TransitionReserveInput!) { transitionReserve(input: $input) { status } }`, {
      input: { reserveId: 'R02', to: 'INSPECTING', on: '2026-09-21' },
    });
    await gqlOk(`mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`, {
      input: {
        reserveId,
        startedOn: '2026-09-21',
        concludedOn: '2026-09-25',
        inspectors: ['组织部 王某', '组织部 李某'],
        interviews: 24,
        conclusion: '政治坚定，熟悉经济工作',
        verdict: 'FIT',
        disciplineOpinion: '未发现违纪违法问题',
        disciplineOpinionOn: '2026-09-24',
      },
    });
  });

  it('writes the 干部任免审批表 as a Word file: both sheets, the résumé, the family, page numbers', async () => {
    const r = await exportDoc('APPOINTMENT_FORM', [zhang], 'DOCX');
    expect(r.errors).toBeUndefined();
    const file = r.data!.exportDocument;
    expect(file.fileName).toBe(`干部任免审批表-张建华-${zhang}.docx`);
    const { body, footer } = await docxText(file.contentBase64!);
    for (const words of ['干部任免审批表', '张建华', '简', '奖惩', '家庭主要', '王丽', '张晨', '审批机'])
      expect(body).toContain(words);
    // The page break between the two sheets, and 第 n 页，共 N 页 in the footer.
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64!, 'base64'));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('w:type="page"');
    expect(footer).toMatch(/第 \{\s*PAGE\s*\} 页，共 \{\s*NUMPAGES\s*\} 页/);
  });

  it('gives the same form as a print model, its cells as in the Word file', async () => {
    const [print, word] = await Promise.all([
      exportDoc('APPOINTMENT_FORM', [zhang], 'PRINT'),
      exportDoc('APPOINTMENT_FORM', [zhang], 'DOCX'),
    ]);
    const doc = print.data!.exportDocument.document!;
    expect(doc.title).toBe('干部任免审批表');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'table', 'pageBreak', 'table', 'paragraph']);
    const { body } = await docxText(word.data!.exportDocument.contentBase64!);
    const flat = body.replace(/\s/g, '');
    for (const text of cellsOf(doc.blocks)) expect(flat).toContain(text.replace(/\s/g, ''));
  });

  it('writes 一人一卡 for a reserve: the entry, mentors, assessments and trainings of the last three years', async () => {
    const r = await exportDoc('CARD', ['E06'], 'PRINT');
    expect(r.errors).toBeUndefined();
    const cells = cellsOf(r.data!.exportDocument.document!.blocks);
    // 孙后备: R01, 正职后备 · 正科级 at 甲县, 近期可用, entered 2025-01-10 (period 3 years: to 2028-01-10).
    expect(cells).toEqual(
      expect.arrayContaining([
        '孙后备',
        '女',
        '1986.02（40岁）',
        '甲县',
        '正职后备 · 正科级',
        '近期可用',
        '民主推荐',
        '2025-01-10',
        '2028-01-10',
        '2024年 称职；2025年 优秀',
      ]),
    );
    expect(cells.find((c) => c.includes('中青年干部培训班'))).toContain('集中培训，5天');
  });

  it('writes the candidate dossier: ranked cover, recommendation per voter group, scores and inspection', async () => {
    // Asked in another order: the cover ranks them.
    const r = await exportDoc('DOSSIER', ['R01', 'R02'], 'PRINT');
    expect(r.errors).toBeUndefined();
    const doc = r.data!.exportDocument.document!;
    const cover = doc.blocks.find((b) => b.kind === 'table')!;
    // 周后备: favour 8+15+30+20 = 73 of 9+18+36+27 = 90 cast → 81.1 %; final 0.3×80 + 0.35×75 +
    // 0.35×85 (inspection parts 85, 85, 85) = 24 + 26.25 + 29.75 = 80.00, ranked 1st; 孙后备 has no records.
    expect(cover.rows!.slice(1).map((row) => row.cells.map((c) => c.text))).toEqual([
      ['1', '周后备', '甲县', '副职 · 副处级', '考察中', '81.1%', '80.00', '1'],
      ['2', '孙后备', '甲县', '正职 · 正科级', '在库', '—', '—', '—'],
    ]);
    const cells = cellsOf(doc.blocks);
    // The recommendation table: each group, then the total.
    const at = cells.indexOf('班子成员');
    expect(cells.slice(at, at + 8)).toEqual(['班子成员', '9', '9', '8', '1', '0', '0', '88.9%']);
    const total = cells.indexOf('合计');
    expect(cells.slice(total, total + 8)).toEqual(['合计', '99', '90', '73', '12', '4', '1', '81.1%']);
    expect(cells).toContain('政治坚定，熟悉经济工作（合格）');
    expect(doc.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(2);
  });

  it('shows on a card only the entries inside the account’s subtree', async () => {
    // 郑后备 (E09) works at 乙一镇 (B1): reserved there once (R04, promoted) and now at 乙县 (R06).
    const inB1 = await exportDoc('CARD', ['E09'], 'PRINT', { viewerUnit: 'B1', role: 'ORG_OFFICER' });
    expect(inB1.errors).toBeUndefined();
    const cells = cellsOf(inB1.data!.exportDocument.document!.blocks);
    expect(cells).toContain('乙一镇');
    expect(cells).toContain('已提拔');
    expect(cells).not.toContain('乙县');
    const inB = await exportDoc('CARD', ['E09'], 'PRINT', { viewerUnit: 'B', role: 'ORG_OFFICER' });
    expect(cellsOf(inB.data!.exportDocument.document!.blocks)).toContain('乙县');
  });

  it('lets a leader have cards but not the form, keeps other subtrees out, and audits every export', async () => {
    const leader: As = { role: 'LEADER' };
    const form = await exportDoc('APPOINTMENT_FORM', [zhang], 'DOCX', leader);
    expect(form.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await exportDoc('CARD', ['E06'], 'DOCX', leader)).errors).toBeUndefined();
    const outside = await exportDoc('CARD', ['E06'], 'PRINT', { viewerUnit: 'B' });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const dossier = await exportDoc('DOSSIER', ['R03', 'R02'], 'PRINT', { viewerUnit: 'B', role: 'ORG_OFFICER' });
    expect(dossier.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const audits = await db.auditLog.findMany({ where: { action: 'document.export' }, orderBy: { id: 'asc' } });
    const last = audits.at(-1)!;
    expect(JSON.parse(last.detail as string)).toMatchObject({ kind: 'CARD', format: 'DOCX', codes: ['E06'] });
    expect(JSON.parse(last.detail as string).sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
