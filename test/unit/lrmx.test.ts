// The 干部任免审批表 file: hand-written files in both encodings read field by field, malformed
// ones refused naming the element, and what is written read back exactly — for generated
// records with every field filled.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idCheckCharacter, idNumberIssue } from '../../domain/identity.ts';
import { formatMessage } from '../../domain/messages.ts';
import { rng } from '../../server/dataset/synthetic.ts';
import { LrmxError, type LrmxRecord, parseMonth, readLrmx, writeLrmx } from '../../server/interchange/lrmx.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/lrmx', name));
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/** The refusal of reading `bytes`: its element and its message in Chinese. */
function refusalOf(bytes: Buffer): { element: string | null; zh: string } {
  try {
    readLrmx(bytes);
  } catch (e) {
    if (!(e instanceof LrmxError)) throw e;
    return { element: e.element, zh: formatMessage(e.messageKey, e.params, 'zh-CN') };
  }
  throw new Error('read without a refusal');
}

describe('the 干部任免审批表 file', () => {
  it('reads a UTF-8 file as the standard program writes it, field by field', () => {
    const r = readLrmx(fixture('zhang-jianhua-utf8.lrmx'));
    expect(r).toMatchObject({
      name: '张建华',
      gender: 'M',
      birthMonth: '1978-03',
      ethnicity: '汉族',
      nativePlace: '江苏南京',
      partyJoined: '2001-06',
      workStartMonth: '1998-07',
      professionalTitle: '高级经济师',
      fullTimeEducation: '大学',
      fullTimeDegree: '经济学学士',
      inServiceEducation: '研究生',
      inServiceDegree: '管理学硕士',
      inServiceDegreeSchool: null,
      currentPost: '示范市发展和改革委员会副主任（副处级）',
      idNumber: '110102197803150615',
      assessmentText: '2022年度考核称职；2023年度考核优秀；2024年度考核称职。',
    });
    // Periods with their months; the 其间 note as a line of its own; an open period without an end.
    expect(r.resume).toEqual([
      { start: '1994-09', end: '1998-07', text: '南京大学经济学院国民经济管理专业学习' },
      { start: '1998-07', end: '2005-03', text: '示范市计划委员会科员' },
      { start: '2005-03', end: '2012-06', text: '示范市发展和改革委员会综合科副科长、科长' },
      { start: null, end: null, text: '（其间：2008.09--2011.07 在中央党校研究生院经济管理专业学习）' },
      { start: '2012-06', end: null, text: '示范市发展和改革委员会副主任' },
    ]);
    expect(r.rewards).toEqual(['2015年被评为全省发展改革系统先进工作者', '2019年记三等功一次']);
    expect(r.family).toEqual([
      {
        relation: '妻子',
        name: '王丽',
        birthMonth: '1979-05',
        politicalStatus: '中共党员',
        workplace: '示范市第一中学教师',
      },
      { relation: '儿子', name: '张晨', birthMonth: '2006-10', politicalStatus: '共青团员', workplace: '南京大学学生' },
    ]);
    expect(r.photo?.type).toBe('image/jpeg');
    expect(r.photo?.bytes.equals(JPEG)).toBe(true);
    // The form's other elements and an unknown one are kept, to be written back.
    expect(r.kept).toMatchObject({
      NiRenZhiWu: '示范市发展和改革委员会主任',
      TianBiaoRen: '李明',
      BeiZhu: '本地程序扩展字段',
    });
  });

  it('reads a GB2312 file with dotted dates, CRLF lines, another party in 入党时间 and 无 for no rewards', () => {
    const r = readLrmx(fixture('li-hongmei-gbk.lrmx'));
    expect(r).toMatchObject({
      name: '李红梅',
      gender: 'F',
      birthMonth: '1985-07',
      ethnicity: '回族',
      partyJoined: '九三学社',
      workStartMonth: '2008-07',
      fullTimeEducation: '研究生',
      idNumber: null,
      photo: null,
      rewards: [],
      family: [],
    });
    expect(r.resume.at(-1)).toEqual({ start: '2016-04', end: null, text: '示范市住房和城乡建设局副局长' });
  });

  it('refuses a malformed file naming the element and the problem, in Chinese', () => {
    expect(refusalOf(fixture('broken-xml.lrmx'))).toEqual({ element: null, zh: '不是有效的 XML（第 6 行附近）' });
    expect(refusalOf(fixture('bad-month.lrmx'))).toEqual({
      element: 'ChuShengNianYue',
      zh: '不是年月（应为 yyyymm 或 yyyy.mm），收到“1978年春”',
    });
    const utf8 = fixture('zhang-jianhua-utf8.lrmx').toString('utf8');
    const variant = (from: string, to: string) => Buffer.from(utf8.replace(from, to), 'utf8');
    expect(refusalOf(variant('<XingBie>男</XingBie>', '<XingBie>M</XingBie>')).element).toBe('XingBie');
    expect(refusalOf(variant('<XingMing>张建华</XingMing>', '<XingMing></XingMing>')).element).toBe('XingMing');
    expect(refusalOf(variant(/<ZhaoPian>.*<\/ZhaoPian>/.exec(utf8)![0], '<ZhaoPian>aGVsbG8=</ZhaoPian>'))).toEqual({
      element: 'ZhaoPian',
      zh: '照片应为 JPEG 或 PNG 图像',
    });
    expect(refusalOf(Buffer.from('<?xml version="1.0"?><Root><XingMing>x</XingMing></Root>')).element).toBe('Person');
    // A document type could expand entities without bound: refused before parsing.
    const bomb = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Person><XingMing>&a;</XingMing></Person>';
    expect(refusalOf(Buffer.from(bomb)).zh).toMatch(/文档类型声明/);
  });

  it('writes the standard program’s elements in its order, yyyymm dates, the photo as base64 and its Version', () => {
    const written = writeLrmx(readLrmx(fixture('li-hongmei-gbk.lrmx'))).toString('utf8');
    const elements = [...written.matchAll(/^ {2}<(\w+)>/gm)].map((m) => m[1]);
    expect(elements.slice(0, 5)).toEqual(['XingMing', 'XingBie', 'ChuShengNianYue', 'MinZu', 'JiGuan']);
    expect(elements.slice(-3)).toEqual(['ShenFenZheng', 'ZhaoPian', 'Version']);
    expect(written).toContain('<ChuShengNianYue>198507</ChuShengNianYue>');
    expect(written).toContain('<JianLi>2001.09--2008.07  东南大学土木工程学院结构工程专业学习\n');
    expect(written).toContain('<JiangChengQingKuang>无</JiangChengQingKuang>');
    expect(written).toContain('<Version>3.2.1.16</Version>');
    const zhang = writeLrmx(readLrmx(fixture('zhang-jianhua-utf8.lrmx'))).toString('utf8');
    expect(zhang).toContain(`<ZhaoPian>${JPEG.toString('base64')}</ZhaoPian>`);
    expect(zhang.indexOf('<BeiZhu>')).toBeGreaterThan(zhang.indexOf('<Version>'));
  });

  it('reads back exactly what it writes, for generated records with every field', () => {
    const rand = rng(20261205);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const words = '示范市发展改革委员会教育局科员副主任学习工作中央党校大学经济管理专业<>&"\'';
    const text = (n: number) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => pick([...words])).join('');
    const month = () => `${1950 + Math.floor(rand() * 70)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    for (let i = 0; i < 200; i++) {
      const record: LrmxRecord = {
        name: text(4),
        gender: pick(['M', 'F', null] as const),
        birthMonth: month(),
        ethnicity: pick(['汉族', '回族', '壮族']),
        nativePlace: text(6),
        birthPlace: text(6),
        partyJoined: pick([month(), '九三学社', null]),
        workStartMonth: month(),
        health: pick(['健康', '良好', null]),
        professionalTitle: text(6),
        specialty: text(20),
        fullTimeEducation: pick(['大学', '研究生', '大专']),
        fullTimeDegree: pick(['学士', '硕士', null]),
        fullTimeSchool: text(15),
        fullTimeDegreeSchool: text(15),
        inServiceEducation: pick(['研究生', null]),
        inServiceDegree: pick(['硕士', null]),
        inServiceSchool: text(15),
        inServiceDegreeSchool: text(15),
        currentPost: text(15),
        resume: Array.from({ length: Math.floor(rand() * 6) }, () =>
          rand() < 0.2
            ? { start: null, end: null, text: `（其间：${text(10)}）` }
            : { start: month(), end: pick([month(), null]), text: text(20) },
        ),
        rewards: Array.from({ length: Math.floor(rand() * 3) }, () => text(20)),
        assessmentText: text(30),
        family: Array.from({ length: Math.floor(rand() * 4) }, () => ({
          relation: pick(['妻子', '丈夫', '儿子', '女儿', '父亲', '母亲']),
          name: text(3),
          birthMonth: pick([month(), null]),
          politicalStatus: pick(['中共党员', '群众', null]),
          workplace: pick([text(12), null]),
        })),
        idNumber: pick([null, '110102197803150615']),
        photo: rand() < 0.5 ? { bytes: Buffer.concat([JPEG, Buffer.from(text(30))]), type: 'image/jpeg' } : null,
        kept: rand() < 0.5 ? { NiRenZhiWu: text(10), ZiDingYi: text(5) } : {},
      };
      const back = readLrmx(writeLrmx(record));
      expect({ ...back, photo: back.photo?.bytes.toString('hex') }, `record ${i}`).toEqual({
        ...record,
        photo: record.photo?.bytes.toString('hex'),
      });
    }
  });

  it('reads months as the forms write them', () => {
    for (const [text, month] of [
      ['198703', '1987-03'],
      ['1987.03', '1987-03'],
      ['1987.3', '1987-03'],
      ['1987-03', '1987-03'],
      ['1987年3月', '1987-03'],
      ['19870315', '1987-03'],
      ['198713', null],
      ['九三学社', null],
    ] as const)
      expect(parseMonth(text), text).toBe(month);
  });
});

describe('the identity number', () => {
  it('checks its length, birth date, check character and agreement with the birth date', () => {
    // 11010219780315061: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the digits give
    // 7+9+0+5+0+8+2+9+42+24+0+27+10+25+0+24+2 = 194, 194 mod 11 = 7, and "10X98765432"[7] = 5.
    expect(idCheckCharacter('11010219780315061')).toBe('5');
    expect(idNumberIssue('110102197803150615')).toBeNull();
    expect(idNumberIssue('110102197803150615', '1978-03-15')).toBeNull();
    expect(idNumberIssue('11010219780315061X')?.key).toBe('identity.checksum');
    expect(idNumberIssue('110102197803150614')?.params).toEqual({ expected: '5', found: '4' });
    expect(idNumberIssue('1101021978031506')?.key).toBe('identity.shape');
    expect(idNumberIssue('110102197802300615')?.key).toBe('identity.birthDate');
    expect(idNumberIssue('110102197803150615', '1978-03-16')?.key).toBe('identity.birthMismatch');
  });
});
