// The 干部任免审批表 as a document: the standard A4 form on two sheets — particulars with the photo,
// education and degrees, posts and 简历 on the first; 奖惩, 年度考核, 任免理由, the family and the
// approval boxes on the second — filled from the person's form record (the record the .lrmx
// export writes, so the file, the Word document and the printout agree).
import { dotted, formatResume, type LrmxRecord } from '../interchange/lrmx.ts';
import { type DocCell, type DocModel, label, value } from './model.ts';

/** Whole years from a YYYY-MM birth month to the month of `on` (YYYY-MM-DD). */
export function ageInMonths(birthMonth: string | null, on: string): string {
  if (!birthMonth || !/^\d{4}-\d{2}$/.test(birthMonth)) return '';
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  const years = Number(on.slice(0, 4)) - y - (Number(on.slice(5, 7)) < m ? 1 : 0);
  return String(years);
}

const kept = (r: LrmxRecord, element: string) => {
  const v = r.kept[element];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

/** The photo cell: the person's photo, else the printed box saying 照片. */
export function photoCell(r: Pick<LrmxRecord, 'photo'>, rowSpan: number): DocCell {
  return r.photo
    ? {
        rowSpan,
        image: {
          type: r.photo.type === 'image/png' ? 'png' : 'jpg',
          base64: r.photo.bytes.toString('base64'),
          width: 72,
          height: 96,
        },
      }
    : { rowSpan, text: '照片', align: 'center' };
}

export function appointmentFormModel(
  r: LrmxRecord,
  meta: { asOf: string; footer: string; personCode: string },
): DocModel {
  const ageOn = /^\d{6}$/.test(kept(r, 'JiSuanNianLingShiJian'))
    ? `${kept(r, 'JiSuanNianLingShiJian').slice(0, 4)}-${kept(r, 'JiSuanNianLingShiJian').slice(4)}-01`
    : meta.asOf;
  const born = r.birthMonth ? `${dotted(r.birthMonth)}（${ageInMonths(r.birthMonth, ageOn)}岁）` : '';
  const words = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');
  const partyJoined = r.partyJoined && /^\d{4}-\d{2}$/.test(r.partyJoined) ? dotted(r.partyJoined) : r.partyJoined;
  const family = r.family.length >= 4 ? r.family : [...r.family, ...Array(4 - r.family.length).fill(null)];
  return {
    title: '干部任免审批表',
    fileName: `干部任免审批表-${r.name}-${meta.personCode}`,
    orientation: 'portrait',
    footer: meta.footer,
    blocks: [
      { kind: 'heading', level: 1, text: '干部任免审批表' },
      {
        kind: 'table',
        widths: [13, 14, 11, 13, 13, 17, 19],
        rowHeightMm: 10,
        rows: [
          [
            label('姓　名'),
            value(r.name),
            label('性　别'),
            value(r.gender === 'M' ? '男' : r.gender === 'F' ? '女' : ''),
            label('出生年月\n（岁）'),
            value(born),
            photoCell(r, 4),
          ],
          [
            label('民　族'),
            value(r.ethnicity),
            label('籍　贯'),
            value(r.nativePlace),
            label('出生地'),
            value(r.birthPlace),
          ],
          [
            label('入　党\n时　间'),
            value(partyJoined),
            label('参加工\n作时间'),
            value(dotted(r.workStartMonth)),
            label('健康状况'),
            value(r.health),
          ],
          [
            label('专业技\n术职务'),
            value(r.professionalTitle, { colSpan: 2 }),
            label('熟悉专业\n有何专长'),
            value(r.specialty, { colSpan: 2 }),
          ],
          [
            label('学　历\n学　位', { rowSpan: 2 }),
            label('全日制\n教　育'),
            value(words(r.fullTimeEducation, r.fullTimeDegree), { colSpan: 2 }),
            label('毕业院校\n系及专业'),
            value(words(r.fullTimeSchool, r.fullTimeDegreeSchool), { colSpan: 2 }),
          ],
          [
            label('在　职\n教　育'),
            value(words(r.inServiceEducation, r.inServiceDegree), { colSpan: 2 }),
            label('毕业院校\n系及专业'),
            value(words(r.inServiceSchool, r.inServiceDegreeSchool), { colSpan: 2 }),
          ],
          [label('现任职务'), value(r.currentPost, { colSpan: 6 })],
          [label('拟任职务'), value(kept(r, 'NiRenZhiWu'), { colSpan: 6 })],
          [label('拟免职务'), value(kept(r, 'NiMianZhiWu'), { colSpan: 6 })],
          [label('简\n\n\n\n历'), value(formatResume(r.resume), { colSpan: 6, minHeightMm: 125 })],
        ],
      },
      { kind: 'pageBreak' },
      {
        kind: 'table',
        widths: [13, 12, 14, 10, 16, 35],
        rowHeightMm: 9,
        rows: [
          [label('奖惩\n情况'), value(r.rewards.length ? r.rewards.join('\n') : '无', { colSpan: 5, minHeightMm: 22 })],
          [label('年度考\n核结果'), value(r.assessmentText, { colSpan: 5, minHeightMm: 16 })],
          [label('任免\n理由'), value(kept(r, 'RenMianLiYou'), { colSpan: 5, minHeightMm: 22 })],
          [
            label('家庭主要\n成员及重\n要社会关\n系', { rowSpan: family.length + 1 }),
            label('称　谓'),
            label('姓　名'),
            label('年龄'),
            label('政治面貌'),
            label('工作单位及职务'),
          ],
          ...family.map((f) =>
            f
              ? [
                  value(f.relation, { align: 'center' }),
                  value(f.name, { align: 'center' }),
                  value(ageInMonths(f.birthMonth, ageOn), { align: 'center' }),
                  value(f.politicalStatus, { align: 'center' }),
                  value(f.workplace),
                ]
              : [value(''), value(''), value(''), value(''), value('')],
          ),
          [label('呈报\n单位'), value(kept(r, 'ChengBaoDanWei'), { colSpan: 5, minHeightMm: 18 })],
          [label('审批机\n关意见'), value('（盖章）\n年　月　日', { colSpan: 5, minHeightMm: 30, align: 'right' })],
          [label('行政任免\n机关意见'), value('（盖章）\n年　月　日', { colSpan: 5, minHeightMm: 30, align: 'right' })],
        ],
      },
      {
        kind: 'paragraph',
        small: true,
        text: `填表人：${kept(r, 'TianBiaoRen') || '　　　　'}　　填表时间：${kept(r, 'TianBiaoShiJian') || '　　　　'}`,
      },
    ],
  };
}
