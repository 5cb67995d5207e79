// The 后备干部名册 (roster) spreadsheet: one row per reserve entry with the columns organization
// departments use (序号, 姓名, 性别, 民族, 出生年月（年龄）, 籍贯 … 备注), a title row saying what
// it holds, the header frozen with filters, A4 landscape fitted to the width with the header
// repeated. Written as a stream, a page of entries at a time, so a national roster (hundreds of
// thousands of rows) keeps memory bounded.
import type { Writable } from 'node:stream';
import { ageAt, todayIso, toIso } from '../../domain/dates.ts';
import { enumLabel, type Lang } from '../../domain/messages.ts';
import { PATH_SEPARATOR } from '../../domain/text.ts';
import { under } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import { excel } from './lazy-libraries.ts';

/** The roster's columns, in order, with their widths. */
export const ROSTER_COLUMNS = [
  ['序号', 6],
  ['后备单位', 28],
  ['姓名', 10],
  ['性别', 6],
  ['民族', 8],
  ['出生年月（年龄）', 16],
  ['籍贯', 12],
  ['入党时间', 10],
  ['参加工作时间', 12],
  ['全日制学历学位及院校专业', 30],
  ['在职学历学位及院校专业', 30],
  ['现任职务', 30],
  ['任现职时间', 12],
  ['职级及任职时间', 18],
  ['后备类别 / 拟任职务层次', 20],
  ['成熟度', 10],
  ['入库时间', 12],
  ['备注', 16],
] as const;

/** Entries read per query. */
const PAGE = 500;

const zh = (type: string, value: string | null) => enumLabel(type, value, 'zh-CN');
/** YYYY-MM(-DD) as the forms write months: 1987.03. */
const dotted = (iso: string | null | undefined) => (iso ? iso.slice(0, 7).replace('-', '.') : '');

const INCLUDE = {
  unit: { select: { name: true, path: true } },
  person: {
    include: {
      profile: true,
      positions: { select: { title: true, unit: { select: { name: true } } } },
    },
  },
} as const;

type Entry = Awaited<ReturnType<typeof readPage>>[number];
const readPage = (db: Db, where: object, after: number) =>
  db.reserveEntry.findMany({
    where: { AND: [where, { id: { gt: after } }] },
    orderBy: { id: 'asc' },
    take: PAGE,
    include: INCLUDE,
  });

/** The row of one entry (without its 序号). */
export function rosterRow(e: Entry, asOf: string, unitPlace: string): string[] {
  const p = e.person;
  const pr = p.profile;
  const education = (
    words: string | null | undefined,
    degree: string | null | undefined,
    school: string | null | undefined,
    fallback: string | null,
  ) => [[words, degree].filter(Boolean).join(''), school].filter(Boolean).join(' ') || zh('Education', fallback);
  const currentPost = pr?.currentPost ?? p.positions.map((x) => `${x.unit.name}${x.title}`).join('、');
  return [
    unitPlace,
    p.name,
    p.gender === 'M' ? '男' : '女',
    p.ethnicity,
    `${dotted(toIso(p.birthDate))}（${ageAt(toIso(p.birthDate), asOf)}岁）`,
    pr?.nativePlace ?? '',
    pr?.partyJoined ? (/^\d{4}-\d{2}$/.test(pr.partyJoined) ? dotted(pr.partyJoined) : pr.partyJoined) : '',
    dotted(toIso(p.workStart)),
    pr
      ? education(pr.fullTimeEducation, pr.fullTimeDegree, pr.fullTimeSchool, null)
      : zh('Education', p.fullTimeEducation),
    pr
      ? education(pr.inServiceEducation, pr.inServiceDegree, pr.inServiceSchool, null)
      : p.fullTimeEducation === p.education
        ? ''
        : zh('Education', p.education),
    currentPost,
    pr?.currentPostSince ? dotted(toIso(pr.currentPostSince)) : '',
    `${zh('Rank', p.rank)}${p.rankSince ? `（${dotted(toIso(p.rankSince))}）` : ''}`,
    `${zh('PositionKind', e.targetKind)}后备 / ${zh('Rank', e.targetRank)}`,
    zh('Tier', e.tier),
    e.enteredOn ? toIso(e.enteredOn) : '',
    e.status === 'ACTIVE' ? '' : zh('ReserveStatus', e.status),
  ];
}

export interface RosterExport {
  /** The entries to list (a Prisma where on ReserveEntry, already bounded to the reader's scope). */
  where: object;
  /** Lines above the table: what it holds, for which unit, as of when, who exported it. */
  title: string[];
  /** The units' places (示范市·某县·教育局), by unit path; a unit not in it shows its name. */
  places?: (path: string, name: string) => string;
  asOf?: string;
}

/**
 * The places of units (示范市·某县·教育局) from `top` (a unit path: the reader's scope) down, by
 * unit path: one read of the unit names below it.
 */
export async function unitPlaces(db: Db, top: string): Promise<(path: string, name: string) => string> {
  const units = await db.unit.findMany({
    where: top ? { path: under(top) } : {},
    select: { id: true, name: true, path: true },
  });
  const names = new Map(units.map((u) => [String(u.id), u.name]));
  const skip = top ? top.split('.').filter(Boolean).length - 1 : 0;
  return (path, name) =>
    path
      .split('.')
      .filter(Boolean)
      .slice(skip)
      .map((id) => names.get(id) ?? '')
      .filter(Boolean)
      .join(PATH_SEPARATOR) || name;
}

/** The print setup of every sheet this service writes: A4 landscape, fitted to the width. */
export const A4_LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/** The footer of a printed sheet: its name, and 第 n 页，共 N 页. */
export const PAGE_FOOTER: Record<Lang, string> = { 'zh-CN': '&L&A&R第 &P 页，共 &N 页', en: '&L&A&RPage &P of &N' };

/** Writes the roster to `out` (a file name or a stream); returns the number of entries. */
export async function writeRoster(db: Db, spec: RosterExport, out: string | Writable): Promise<number> {
  const asOf = spec.asOf ?? todayIso();
  const book = new (excel().stream.xlsx.WorkbookWriter)({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useSharedStrings: false,
    useStyles: true,
  });
  const headerRow = spec.title.length + 1;
  const sheet = book.addWorksheet('后备干部名册', {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: `${headerRow}:${headerRow}` },
    headerFooter: { oddFooter: PAGE_FOOTER['zh-CN'] },
  });
  sheet.columns = ROSTER_COLUMNS.map(([, width]) => ({ width }));
  spec.title.forEach((line, i) => {
    const row = sheet.addRow([line]);
    row.font = { bold: true, size: i === 0 ? 14 : 10 };
    sheet.mergeCells(i + 1, 1, i + 1, ROSTER_COLUMNS.length);
    row.commit();
  });
  const header = sheet.addRow(ROSTER_COLUMNS.map(([name]) => name));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: ROSTER_COLUMNS.length } };
  let n = 0;
  for (let after = 0; ; ) {
    const page = await readPage(db, spec.where, after);
    for (const e of page) {
      n += 1;
      const place = spec.places ? spec.places(e.unit.path, e.unit.name) : e.unit.name;
      sheet.addRow([n, ...rosterRow(e, asOf, place)]).commit();
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  sheet.commit();
  await book.commit();
  return n;
}
