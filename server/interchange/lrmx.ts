// The 干部任免审批表 file (`.lrmx`, docs/interchange.md): one person per XML document, one element
// per field. Read liberally — UTF-8 or GB2312/GBK, dates as yyyymm or yyyy.mm, free text in
// 入党时间, unknown elements kept — and written exactly as the standard program writes it:
// its element names in its order, yyyymm dates, the photo as base64, `Version`.
// Pure: bytes in, a record out, and back; matching and storing are lrmx-import.ts's.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import type { MessageKey, MessageParams } from '../../domain/messages.ts';
import { formatMessage } from '../../domain/messages.ts';

/** The form's version this project writes (the standard program's 3.x format). */
export const LRMX_VERSION = '3.2.1.16';

/** Largest file read, and largest photo kept (bytes). */
export const MAX_LRMX_BYTES = 4 << 20;
export const MAX_PHOTO_BYTES = 1 << 20;

export interface ResumeLineValue {
  /** YYYY-MM; null for a line without a period (（其间：…）). */
  start: string | null;
  /** YYYY-MM; null for an open period or a line without one. */
  end: string | null;
  text: string;
}

export interface FamilyMemberValue {
  relation: string;
  name: string;
  /** YYYY-MM */
  birthMonth: string | null;
  politicalStatus: string | null;
  workplace: string | null;
}

/** A person as the form carries them. Text fields are null when the element is empty. */
export interface LrmxRecord {
  name: string;
  /** 男 / 女 as M / F; null when missing. */
  gender: 'M' | 'F' | null;
  /** YYYY-MM */
  birthMonth: string | null;
  ethnicity: string | null;
  nativePlace: string | null;
  birthPlace: string | null;
  /** YYYY-MM when a date, else the text as written. */
  partyJoined: string | null;
  /** YYYY-MM */
  workStartMonth: string | null;
  health: string | null;
  professionalTitle: string | null;
  specialty: string | null;
  fullTimeEducation: string | null;
  fullTimeDegree: string | null;
  fullTimeSchool: string | null;
  fullTimeDegreeSchool: string | null;
  inServiceEducation: string | null;
  inServiceDegree: string | null;
  inServiceSchool: string | null;
  inServiceDegreeSchool: string | null;
  currentPost: string | null;
  resume: ResumeLineValue[];
  rewards: string[];
  assessmentText: string | null;
  family: FamilyMemberValue[];
  idNumber: string | null;
  photo: { bytes: Buffer; type: 'image/jpeg' | 'image/png' } | null;
  /** The form's other elements (拟任职务, 任免理由, 填表人, unknown ones), as read, in order. */
  kept: Record<string, unknown>;
}

/** A file refused: which element, and what is wrong with it (a keyed message). */
export class LrmxError extends Error {
  constructor(
    readonly element: string | null,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(formatMessage(messageKey, params, 'en'));
    this.name = 'LrmxError';
  }
}

/** The text elements, in the order the standard program writes them, with their record field. */
const TEXT_FIELDS = [
  ['XingMing', 'name'],
  ['XingBie', 'gender'],
  ['ChuShengNianYue', 'birthMonth'],
  ['MinZu', 'ethnicity'],
  ['JiGuan', 'nativePlace'],
  ['ChuShengDi', 'birthPlace'],
  ['RuDangShiJian', 'partyJoined'],
  ['CanJiaGongZuoShiJian', 'workStartMonth'],
  ['JianKangZhuangKuang', 'health'],
  ['ZhuanYeJiShuZhiWu', 'professionalTitle'],
  ['ShuXiZhuanYeYouHeZhuanChang', 'specialty'],
  ['QuanRiZhiJiaoYu_XueLi', 'fullTimeEducation'],
  ['QuanRiZhiJiaoYu_XueWei', 'fullTimeDegree'],
  ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'fullTimeSchool'],
  ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'fullTimeDegreeSchool'],
  ['ZaiZhiJiaoYu_XueLi', 'inServiceEducation'],
  ['ZaiZhiJiaoYu_XueWei', 'inServiceDegree'],
  ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'inServiceSchool'],
  ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'inServiceDegreeSchool'],
  ['XianRenZhiWu', 'currentPost'],
] as const;

/** Where each element goes when written: the form's order (the kept ones in their places). */
const ORDER = [
  ...TEXT_FIELDS.map(([element]) => element),
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  'JiaTingChengYuan',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhaoPian',
  'Version',
];
const MONTH_ELEMENTS = new Set(['ChuShengNianYue', 'CanJiaGongZuoShiJian']);
const FAMILY_FIELDS = [
  ['ChengWei', 'relation'],
  ['XingMing', 'name'],
  ['ChuShengRiQi', 'birthMonth'],
  ['ZhengZhiMianMao', 'politicalStatus'],
  ['GongZuoDanWeiJiZhiWu', 'workplace'],
] as const;

// ——— Reading ———

/** The text of a file: UTF-8 (with or without a BOM) unless it declares or needs GB2312/GBK. */
export function decodeLrmx(bytes: Buffer): string {
  if (bytes.length > MAX_LRMX_BYTES)
    throw new LrmxError(null, 'lrmx.tooLarge', { size: bytes.length, max: MAX_LRMX_BYTES });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  if (declared && /^(gb2312|gbk|gb18030|cp936)$/i.test(declared)) return iconv.decode(bytes, 'gb18030');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 whatever it says: the older program's Chinese encoding.
    return iconv.decode(bytes, 'gb18030');
  }
}

/** A month as YYYY-MM from yyyymm, yyyy.mm, yyyy-mm, yyyy年mm月 or yyyymmdd; null if it is none. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})(?:[.\-/年]?)(\d{1,2})(?:月|[.\-/]?\d{1,2}日?)?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

const RESUME_LINE =
  /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?\s*(?:-{1,2}|—{1,2}|–|至|~)\s*(?:(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?)?\s*(.*)$/;

/** 简历 as lines: a period and what was done, or a line as it is. */
export function parseResume(value: string | null): ResumeLineValue[] {
  if (!value) return [];
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const m = RESUME_LINE.exec(line);
      if (!m) return { start: null, end: null, text: line };
      const month = (y: string, mo: string) => `${y}-${mo.padStart(2, '0')}`;
      return { start: month(m[1]!, m[2]!), end: m[3] ? month(m[3], m[4]!) : null, text: m[5]!.trim() };
    });
}

/** The photo: base64 of a JPEG or PNG, at most MAX_PHOTO_BYTES. */
function parsePhoto(value: string | null): LrmxRecord['photo'] {
  if (!value) return null;
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new LrmxError('ZhaoPian', 'lrmx.photoNotBase64');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new LrmxError('ZhaoPian', 'lrmx.photoTooLarge', { size: bytes.length, max: MAX_PHOTO_BYTES });
  const type = photoType(bytes);
  if (!type) throw new LrmxError('ZhaoPian', 'lrmx.photoType');
  return { bytes, type };
}

/** The image type by its first bytes: JPEG or PNG, else null. */
export function photoType(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  isArray: (_name, path) => path === 'Person.JiaTingChengYuan.Item',
});

/** Reads one file. Refuses (LrmxError naming the element) what cannot be a person's form. */
export function readLrmx(bytes: Buffer): LrmxRecord {
  const xml = decodeLrmx(bytes);
  // No document type: its entities could expand a small file into gigabytes.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new LrmxError(null, 'lrmx.doctype');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new LrmxError(null, 'lrmx.notXml', { line: valid.err.line });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const person = doc.Person;
  if (!person || typeof person !== 'object') throw new LrmxError('Person', 'lrmx.noPerson');
  const fields = person as Record<string, unknown>;
  for (const [element, value] of Object.entries(fields))
    if (element !== 'JiaTingChengYuan' && Array.isArray(value)) throw new LrmxError(element, 'lrmx.twice');
  const get = (element: string) => text(fields[element]);
  const name = get('XingMing');
  if (!name) throw new LrmxError('XingMing', 'lrmx.required');
  const genderText = get('XingBie');
  const gender = genderText === null ? null : genderText === '男' ? 'M' : genderText === '女' ? 'F' : undefined;
  if (gender === undefined) throw new LrmxError('XingBie', 'lrmx.gender', { value: genderText });
  const month = (element: string) => {
    const value = get(element);
    if (value === null) return null;
    const parsed = parseMonth(value);
    if (!parsed) throw new LrmxError(element, 'lrmx.month', { value });
    return parsed;
  };
  const party = get('RuDangShiJian');
  const record: LrmxRecord = {
    name,
    gender,
    birthMonth: month('ChuShengNianYue'),
    ethnicity: get('MinZu'),
    nativePlace: get('JiGuan'),
    birthPlace: get('ChuShengDi'),
    partyJoined: party === null ? null : (parseMonth(party) ?? party),
    workStartMonth: month('CanJiaGongZuoShiJian'),
    health: get('JianKangZhuangKuang'),
    professionalTitle: get('ZhuanYeJiShuZhiWu'),
    specialty: get('ShuXiZhuanYeYouHeZhuanChang'),
    fullTimeEducation: get('QuanRiZhiJiaoYu_XueLi'),
    fullTimeDegree: get('QuanRiZhiJiaoYu_XueWei'),
    fullTimeSchool: get('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
    fullTimeDegreeSchool: get('QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    inServiceEducation: get('ZaiZhiJiaoYu_XueLi'),
    inServiceDegree: get('ZaiZhiJiaoYu_XueWei'),
    inServiceSchool: get('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
    inServiceDegreeSchool: get('ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    currentPost: get('XianRenZhiWu'),
    resume: parseResume(typeof fields.JianLi === 'string' ? fields.JianLi : null),
    rewards: (get('JiangChengQingKuang') ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && l !== '无'),
    assessmentText: get('NianDuKaoHeJieGuo'),
    family: familyOf(fields.JiaTingChengYuan),
    idNumber: get('ShenFenZheng'),
    photo: parsePhoto(get('ZhaoPian')),
    kept: {},
  };
  const known = new Set<string>([
    ...TEXT_FIELDS.map(([element]) => element),
    'JianLi',
    'JiangChengQingKuang',
    'NianDuKaoHeJieGuo',
    'JiaTingChengYuan',
    'ShenFenZheng',
    'ZhaoPian',
    'Version',
  ]);
  for (const [element, value] of Object.entries(fields))
    if (!known.has(element) && !element.startsWith('#') && value !== '') record.kept[element] = value;
  return record;
}

function familyOf(value: unknown): FamilyMemberValue[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'object') throw new LrmxError('JiaTingChengYuan', 'lrmx.familyShape');
  const items = (value as { Item?: unknown }).Item;
  if (items === undefined) return [];
  return (items as unknown[]).map((item, i) => {
    if (!item || typeof item !== 'object') throw new LrmxError(`JiaTingChengYuan/Item[${i + 1}]`, 'lrmx.familyShape');
    const f = item as Record<string, unknown>;
    const relation = text(f.ChengWei);
    const name = text(f.XingMing);
    if (!relation) throw new LrmxError(`JiaTingChengYuan/Item[${i + 1}]/ChengWei`, 'lrmx.required');
    if (!name) throw new LrmxError(`JiaTingChengYuan/Item[${i + 1}]/XingMing`, 'lrmx.required');
    const born = text(f.ChuShengRiQi);
    const birthMonth = born === null ? null : parseMonth(born);
    if (born !== null && !birthMonth)
      throw new LrmxError(`JiaTingChengYuan/Item[${i + 1}]/ChuShengRiQi`, 'lrmx.month', { value: born });
    return {
      relation,
      name,
      birthMonth,
      politicalStatus: text(f.ZhengZhiMianMao),
      workplace: text(f.GongZuoDanWeiJiZhiWu),
    };
  });
}

// ——— Writing ———

/** YYYY-MM as yyyymm; text that is not a month as it is. */
const yyyymm = (month: string | null) =>
  month && /^\d{4}-\d{2}$/.test(month) ? month.replace('-', '') : (month ?? '');
/** YYYY-MM as yyyy.mm (the 简历's dates). */
export const dotted = (month: string | null) => (month ? month.replace('-', '.') : '');

/** 简历 as the form writes it: `YYYY.MM--YYYY.MM  what`, an open period with no end. */
export function formatResume(lines: ResumeLineValue[]): string {
  return lines.map((l) => (l.start ? `${dotted(l.start)}--${dotted(l.end)}  ${l.text}`.trimEnd() : l.text)).join('\n');
}

const builder = new XMLBuilder({
  ignoreAttributes: true,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

/** The file for a record: UTF-8, the standard program's elements in its order. */
export function writeLrmx(record: LrmxRecord): Buffer {
  const values: Record<string, unknown> = {};
  for (const [element, field] of TEXT_FIELDS) {
    const v = record[field];
    values[element] =
      field === 'gender'
        ? v === 'M'
          ? '男'
          : v === 'F'
            ? '女'
            : ''
        : MONTH_ELEMENTS.has(element) || field === 'partyJoined'
          ? yyyymm(v as string | null)
          : ((v as string | null) ?? '');
  }
  values.JianLi = formatResume(record.resume);
  values.JiangChengQingKuang = record.rewards.length ? record.rewards.join('\n') : '无';
  values.NianDuKaoHeJieGuo = record.assessmentText ?? '';
  values.JiaTingChengYuan = record.family.length
    ? {
        Item: record.family.map((f) =>
          Object.fromEntries(
            FAMILY_FIELDS.map(([element, field]) => [
              element,
              field === 'birthMonth' ? yyyymm(f[field]) : (f[field] ?? ''),
            ]),
          ),
        ),
      }
    : '';
  values.ShenFenZheng = record.idNumber ?? '';
  values.ZhaoPian = record.photo ? record.photo.bytes.toString('base64') : '';
  values.Version = LRMX_VERSION;
  const ordered: Record<string, unknown> = {};
  for (const element of ORDER)
    ordered[element] = element in record.kept ? record.kept[element] : (values[element] ?? '');
  // Unknown elements after the known ones, as they were read.
  for (const [element, value] of Object.entries(record.kept)) if (!(element in ordered)) ordered[element] = value;
  const xml = builder.build({ Person: ordered }) as string;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'utf8');
}
