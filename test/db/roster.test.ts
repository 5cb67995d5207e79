// The 后备干部名册 spreadsheet out and in: an exported roster read back changes nothing; a roster
// written by hand, with other column names, creates its people and their entries; edited cells
// update; a bad cell refuses every row, naming the row and the column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { formatMessage } from '../../domain/messages.ts';
import { WHOLE_TREE } from '../../server/auth/viewer.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { unitPlaces, writeRoster } from '../../server/interchange/roster.ts';
import { importRoster } from '../../server/interchange/roster-import.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-'));
const viewer = { ...WHOLE_TREE, actor: 'test' };

async function exported(statuses = ['ACTIVE']): Promise<Buffer> {
  const file = path.join(dir, `out-${Math.random()}.xlsx`);
  await writeRoster(
    db,
    { where: { status: { in: statuses } }, title: ['示范市后备干部名册', '测试'], places: await unitPlaces(db, '') },
    file,
  );
  return fs.readFileSync(file);
}

/** A sheet from rows (the first is the header). */
async function sheetOf(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(['某县后备干部名册']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The refusal of an import: its message in Chinese and its row and column. */
async function refusalOf(run: Promise<unknown>) {
  const e = await run.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { zh: formatMessage(e.messageKey, e.params, 'zh-CN'), ...e.extensions };
}

describe('the 后备干部名册 spreadsheet', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('reads back an exported roster without a change', async () => {
    const bytes = await exported(['ACTIVE', 'NOMINATED', 'INSPECTING', 'PUBLICIZING']);
    const r = await importRoster(db, viewer, 'C01', bytes);
    const active = smallDataset().reserves.filter((e) =>
      ['ACTIVE', 'NOMINATED', 'INSPECTING', 'PUBLICIZING'].includes(e.status as string),
    ).length;
    expect(r).toMatchObject({
      rows: active,
      peopleCreated: 0,
      peopleUpdated: 0,
      entriesCreated: 0,
      entriesUpdated: 0,
      unchanged: active,
    });
    // Every column of the export is recognised but 序号 and 备注.
    expect(r.header.columns.filter((c) => !c.field).map((c) => c.name)).toEqual(['序号', '备注']);
  });

  it('creates people and entries from a roster written by hand, with the usual other names of its columns', async () => {
    const before = { people: await db.person.count(), entries: await db.reserveEntry.count() };
    const bytes = await sheetOf([
      [
        '序号',
        '单位',
        '姓名',
        '性别',
        '民族',
        '出生年月',
        '籍贯',
        '入党时间',
        '工作时间',
        '全日制教育',
        '在职教育',
        '现职务',
        '职级',
        '后备类别',
        '成熟程度',
        '入选时间',
      ],
      [
        1,
        '甲县',
        '周新',
        '男',
        '汉族',
        '1986.04',
        '江苏南京',
        '2008.06',
        '2009.07',
        '大学经济学学士 南京大学经济学院',
        '',
        '甲县发改局副局长',
        '副科级（2020.03）',
        '副职后备 / 正科级',
        '近期可用',
        '2025-03-01',
      ],
      [
        2,
        '甲县·甲一镇',
        '吴丽',
        '女',
        '回族',
        new Date('1990-09-01T00:00:00Z'),
        '',
        '',
        '2012.08',
        '大专',
        '大学',
        '甲一镇党委委员',
        '副科级',
        '正职后备 / 正科级',
        '中期',
        '2024.11',
      ],
    ]);
    const dry = await importRoster(db, viewer, 'A', bytes, { dryRun: true });
    expect(dry).toMatchObject({ rows: 2, peopleCreated: 2, entriesCreated: 2 });
    expect(await db.person.count()).toBe(before.people);
    const r = await importRoster(db, viewer, 'A', bytes);
    expect(r).toMatchObject({ peopleCreated: 2, entriesCreated: 2, unchanged: 0 });
    const zhou = await db.person.findFirstOrThrow({
      where: { name: '周新' },
      include: { profile: true, reserves: true },
    });
    expect(zhou).toMatchObject({
      unitCode: 'A',
      gender: 'M',
      politicalStatus: 'CPC',
      education: 'BACHELOR',
      rank: 'SECTION_DEPUTY',
    });
    expect(zhou.profile).toMatchObject({
      nativePlace: '江苏南京',
      fullTimeDegree: '经济学学士',
      fullTimeSchool: '南京大学经济学院',
    });
    expect(zhou.reserves[0]).toMatchObject({
      unitCode: 'A',
      targetKind: 'DEPUTY',
      targetRank: 'SECTION_PRINCIPAL',
      tier: 'NEAR_TERM',
      status: 'ACTIVE',
    });
    const wu = await db.person.findFirstOrThrow({ where: { name: '吴丽' }, include: { reserves: true } });
    // 大专 full time, 大学 in service: a bachelor's; the entry for the township, entered 2024-11-01.
    expect(wu).toMatchObject({
      unitCode: 'A1',
      education: 'BACHELOR',
      fullTimeEducation: 'ASSOCIATE',
      politicalStatus: 'MASSES',
    });
    expect(wu.reserves[0]?.enteredOn?.toISOString().slice(0, 10)).toBe('2024-11-01');
    expect(await db.reserveEntry.count()).toBe(before.entries + 2);
    // The same sheet again: nothing to change.
    expect(await importRoster(db, viewer, 'A', bytes)).toMatchObject({
      unchanged: 2,
      peopleCreated: 0,
      entriesCreated: 0,
    });
    // An edited readiness updates the entry.
    const edited = await sheetOf([
      ['姓名', '性别', '民族', '出生年月', '后备类别', '成熟度'],
      ['周新', '男', '汉族', '1986.04', '副职后备 / 正科级', '中期'],
    ]);
    expect(await importRoster(db, viewer, 'A', edited)).toMatchObject({ entriesUpdated: 1 });
    expect((await db.reserveEntry.findFirstOrThrow({ where: { personCode: zhou.code } })).tier).toBe('MID_TERM');
  });

  it('refuses every row when one cell is wrong, naming the row and the column, and changes nothing', async () => {
    const before = await db.person.count();
    const header = [
      '姓名',
      '性别',
      '民族',
      '出生年月（年龄）',
      '参加工作时间',
      '全日制学历学位及院校专业',
      '后备类别 / 拟任职务层次',
      '成熟度',
      '入库时间',
    ];
    const good = [
      '新甲',
      '男',
      '汉族',
      '1988.01（38岁）',
      '2010.07',
      '大学',
      '副职后备 / 正科级',
      '远期',
      '2025-01-01',
    ];
    for (const [cell, value, column, problem] of [
      [1, '未知', '性别', '应为“男”或“女”'],
      [3, '八八年', '出生年月（年龄）', '不是日期或年月'],
      [7, '很成熟', '成熟度', '应为近期可用、中期或远期'],
      [6, '正职 / 处长', '后备类别 / 拟任职务层次', '应为“正职后备'],
      [5, '私塾', '全日制学历学位及院校专业', '无法识别的学历'],
    ] as const) {
      const bad = [...good];
      bad[cell] = value;
      const refusal = await refusalOf(
        importRoster(db, viewer, 'A', await sheetOf([header, good.map((v) => v.replace('新甲', '新乙')), bad])),
      );
      expect(refusal.zh, column).toContain(`名册第 4 行“${column}”列：${problem}`);
      expect(refusal).toMatchObject({ row: 4, column });
    }
    const outside = await refusalOf(
      importRoster(
        db,
        viewer,
        'A',
        await sheetOf([
          ['单位', ...header],
          ['乙县', ...good],
        ]),
      ),
    );
    expect(outside.zh).toContain('单位“乙县”不在“甲县”及其下级中');
    expect(await db.person.count()).toBe(before);
  });
});
