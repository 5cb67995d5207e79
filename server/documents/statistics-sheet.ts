// The 后备干部统计表 as an .xlsx in its fixed layout: a title and the facts it was counted on, two
// header rows (the column groups of domain/statistics.ts over their columns), then for every row
// of the table (kind × target rank, each kind's total, the whole total) a line of counts and a
// line of shares of that row's reserves — A4 landscape, header rows repeated on every page,
// frozen, page numbers in the footer. The figures are the API's (server/schema/statistics.ts).
import type ExcelJS from 'exceljs';
import { type StatisticsAnswer, statisticsCells, statisticsRowLabel } from '../../analytics/statistics.ts';
import type { Lang } from '../../domain/messages.ts';
import { STAT_GROUPS } from '../../domain/statistics.ts';
import { excel } from '../interchange/lazy-libraries.ts';
import { A4_LANDSCAPE, PAGE_FOOTER } from '../interchange/roster.ts';

export interface StatisticsSheetMeta {
  lang: Lang;
  /** Who made it and when, for the title's second line. */
  actor: string;
  madeAt: Date;
}

const FIRST = 3; // columns A (row label) and B (人数 / 占比) come first

/** The statistics table as an .xlsx workbook's bytes. */
export async function statisticsWorkbook(answer: StatisticsAnswer, meta: StatisticsSheetMeta): Promise<Buffer> {
  const zh = meta.lang === 'zh-CN';
  const columns = STAT_GROUPS.flatMap((g) => g.columns);
  const width = FIRST - 1 + columns.length;
  const book = new (excel().Workbook)();
  const sheet = book.addWorksheet(zh ? '后备干部统计表' : 'Reserve statistics', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
    pageSetup: {
      ...A4_LANDSCAPE,
      printTitlesRow: '3:4',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: PAGE_FOOTER[meta.lang] },
  });
  sheet.columns = [{ width: 20 }, { width: 6 }, ...columns.map(() => ({ width: 7.5 }))];
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

  sheet.addRow([zh ? `${answer.unitName}后备干部统计表` : `Reserve cadre statistics: ${answer.unitName}`]);
  sheet.mergeCells(1, 1, 1, width);
  Object.assign(sheet.getRow(1), { height: 26 });
  sheet.getCell(1, 1).font = { bold: true, size: 15 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  const made = zh ? meta.madeAt.toLocaleString('zh-CN', { hour12: false }) : meta.madeAt.toISOString();
  sheet.addRow([
    zh
      ? `统计范围：${answer.unitName}及所属单位 · 统计日期：${answer.asOf} · 本年度变动：${answer.year}年1月1日至统计日期 · 制表：${meta.actor} · ${made}`
      : `Scope: ${answer.unitName} and its units · as of ${answer.asOf} · this year: 1 January ${answer.year} to that date · by ${meta.actor} · ${made}`,
  ]);
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).font = { size: 9 };

  // Header: groups over their columns; the row label and line name span both header rows.
  const groupRow = sheet.getRow(3);
  const columnRow = sheet.getRow(4);
  groupRow.getCell(1).value = zh ? '类别' : 'Row';
  groupRow.getCell(2).value = zh ? '项目' : 'Line';
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 4, 2);
  let at = FIRST;
  for (const g of STAT_GROUPS) {
    groupRow.getCell(at).value = g.label[meta.lang];
    g.columns.forEach((c, i) => {
      columnRow.getCell(at + i).value = c.label[meta.lang];
    });
    if (g.columns.length > 1) sheet.mergeCells(3, at, 3, at + g.columns.length - 1);
    else {
      // A one-column group (the total) is headed by its column's label over both rows.
      groupRow.getCell(at).value = g.columns[0]?.label[meta.lang] ?? '';
      sheet.mergeCells(3, at, 4, at);
    }
    at += g.columns.length;
  }
  groupRow.height = 20;
  columnRow.height = 42;
  for (const row of [groupRow, columnRow])
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true, size: 9 };
      cell.alignment = center;
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }

  for (const r of answer.rows) {
    const cells = statisticsCells(r);
    const label = statisticsRowLabel(r, meta.lang);
    const counts = sheet.addRow([label, zh ? '人数' : 'Count', ...cells.map((c) => c.count)]);
    const shares = sheet.addRow(['', zh ? '占比' : 'Share', ...cells.map((c) => c.share)]);
    sheet.mergeCells(counts.number, 1, shares.number, 1);
    const bold = r.targetRank === null;
    for (const row of [counts, shares])
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.border = border;
        cell.font = { size: 9, bold };
        cell.alignment =
          c === 1 ? { vertical: 'middle', wrapText: true } : { horizontal: 'center', vertical: 'middle' };
        if (row === shares && c >= FIRST) cell.numFmt = '0.0%';
      }
    if (bold)
      for (const row of [counts, shares])
        for (let c = 1; c <= width; c++)
          row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F7F7' } };
  }
  const note = sheet.addRow([
    zh
      ? '注：后备干部总数为统计日期在库人数；年龄按统计日期计算周岁；学历为最高学历；年龄、学历、成熟度、来源各项之和等于总数；占比为占本行后备干部总数的比例；新入库、退出为本年度1月1日至统计日期的人次。'
      : 'Note: reserves are those in the pool on the date; ages in whole years on the date; education is the highest; the age, education, readiness and source columns each add up to the total; shares are of the row’s reserves; intake and exits count 1 January to the date.',
  ]);
  sheet.mergeCells(note.number, 1, note.number, width);
  note.height = 30;
  note.getCell(1).font = { size: 9 };
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
