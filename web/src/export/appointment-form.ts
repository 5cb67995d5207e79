// The 干部任免审批表 in print: the standard A4 form on two sheets — the person's particulars with
// the photo, education, posts and 简历 on the first; 奖惩, 年度考核, 任免理由, family and the
// approval boxes on the second — filled from the person's .lrmx file (the same record the
// export writes, so the printout and the file never differ), through the print layer.
import type { TFunction } from 'i18next';
import { element, openPrintArea } from './print.ts';

/** The form's fields, read from the .lrmx text. */
function fieldsOf(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const text = (name: string) => doc.querySelector(`Person > ${name}`)?.textContent?.trim() ?? '';
  const family = [...doc.querySelectorAll('Person > JiaTingChengYuan > Item')].map((item) => {
    const f = (name: string) => item.querySelector(name)?.textContent?.trim() ?? '';
    return {
      relation: f('ChengWei'),
      name: f('XingMing'),
      born: f('ChuShengRiQi'),
      political: f('ZhengZhiMianMao'),
      work: f('GongZuoDanWeiJiZhiWu'),
    };
  });
  return { text, family };
}

/** yyyymm as yyyy.mm; other text as it is. */
const dotted = (v: string) => (/^\d{6}$/.test(v) ? `${v.slice(0, 4)}.${v.slice(4)}` : v);

/** Whole years from a yyyymm birth month to today. */
function age(born: string): string {
  if (!/^\d{6}$/.test(born)) return '';
  const now = new Date();
  const years = now.getFullYear() - Number(born.slice(0, 4)) - (now.getMonth() + 1 < Number(born.slice(4)) ? 1 : 0);
  return String(years);
}

type Cell = {
  text?: string;
  label?: boolean;
  colSpan?: number;
  rowSpan?: number;
  className?: string;
  node?: HTMLElement;
};

function row(table: HTMLTableElement, cells: Cell[]): void {
  const tr = table.insertRow();
  for (const c of cells) {
    const td = document.createElement('td');
    if (c.node) td.append(c.node);
    else td.textContent = c.text ?? '';
    if (c.label) td.className = 'form-label';
    if (c.className) td.classList.add(c.className);
    if (c.colSpan) td.colSpan = c.colSpan;
    if (c.rowSpan) td.rowSpan = c.rowSpan;
    tr.append(td);
  }
}

export function printAppointmentForm(xml: string, t: TFunction, footer: string): void {
  const { text, family } = fieldsOf(xml);
  const area = openPrintArea(
    { footer, orientation: 'portrait' },
    t('print.pages', { page: '{page}', pages: '{pages}' }),
  );
  area.classList.add('appointment-form');
  const label = (key: string): Cell => ({ text: t(key), label: true });
  const value = (text: string, colSpan?: number): Cell => ({ text, colSpan });

  // First sheet.
  area.append(element('h2', t('form.printTitle')));
  const first = document.createElement('table');
  const photo = text('ZhaoPian');
  const picture = document.createElement('div');
  picture.className = 'form-photo';
  if (photo) {
    const img = document.createElement('img');
    img.src = `data:image/jpeg;base64,${photo}`;
    img.alt = t('form.photo');
    picture.append(img);
  } else picture.textContent = t('form.photo');
  const born = text('ChuShengNianYue');
  row(first, [
    label('roster.name'),
    value(text('XingMing')),
    label('roster.gender'),
    value(text('XingBie')),
    label('form.bornAge'),
    value(born ? `${dotted(born)}（${age(born)}岁）` : ''),
    { node: picture, rowSpan: 4, className: 'form-photo-cell' },
  ]);
  row(first, [
    label('roster.ethnicity'),
    value(text('MinZu')),
    label('form.nativePlace'),
    value(text('JiGuan')),
    label('form.birthPlace'),
    value(text('ChuShengDi')),
  ]);
  row(first, [
    label('form.partyJoined'),
    value(dotted(text('RuDangShiJian'))),
    label('roster.workStart'),
    value(dotted(text('CanJiaGongZuoShiJian'))),
    label('form.health'),
    value(text('JianKangZhuangKuang')),
  ]);
  row(first, [
    label('form.professionalTitle'),
    value(text('ZhuanYeJiShuZhiWu'), 2),
    label('form.specialty'),
    value(text('ShuXiZhuanYeYouHeZhuanChang'), 2),
  ]);
  const words = (a: string, b: string) => [text(a), text(b)].filter(Boolean).join(' ');
  row(first, [
    { text: t('form.educationDegree'), label: true, rowSpan: 2 },
    label('form.fullTime'),
    value(words('QuanRiZhiJiaoYu_XueLi', 'QuanRiZhiJiaoYu_XueWei'), 2),
    label('form.school'),
    value(words('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'), 2),
  ]);
  row(first, [
    label('form.inService'),
    value(words('ZaiZhiJiaoYu_XueLi', 'ZaiZhiJiaoYu_XueWei'), 2),
    label('form.school'),
    value(words('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'), 2),
  ]);
  row(first, [label('form.currentPost'), value(text('XianRenZhiWu'), 6)]);
  row(first, [label('form.proposedPost'), value(text('NiRenZhiWu'), 6)]);
  row(first, [label('form.proposedRemoval'), value(text('NiMianZhiWu'), 6)]);
  row(first, [
    { text: t('form.resume'), label: true },
    { text: text('JianLi'), colSpan: 6, className: 'form-resume' },
  ]);
  area.append(first);

  // Second sheet.
  const second = document.createElement('table');
  second.className = 'form-second';
  row(second, [label('form.rewards'), value(text('JiangChengQingKuang') || t('form.none'), 5)]);
  row(second, [label('form.assessments'), value(text('NianDuKaoHeJieGuo'), 5)]);
  row(second, [label('form.reason'), value(text('RenMianLiYou'), 5)]);
  const members = Math.max(family.length, 4);
  row(second, [
    { text: t('form.family'), label: true, rowSpan: members + 1 },
    label('form.relation'),
    label('roster.name'),
    label('roster.age'),
    label('roster.political'),
    label('form.workplace'),
  ]);
  for (let i = 0; i < members; i++) {
    const f = family[i];
    row(
      second,
      f
        ? [value(f.relation), value(f.name), value(age(f.born)), value(f.political), value(f.work)]
        : [value(''), value(''), value(''), value(''), value('')],
    );
  }
  row(second, [label('form.reportingUnit'), value(text('ChengBaoDanWei'), 5)]);
  row(second, [label('form.approvalOpinion'), { text: '', colSpan: 5, className: 'form-opinion' }]);
  row(second, [label('form.appointingOpinion'), { text: '', colSpan: 5, className: 'form-opinion' }]);
  area.append(second);
  area.append(
    element('p', t('form.filledBy', { who: text('TianBiaoRen') || '—', on: text('TianBiaoShiJian') || '—' })),
  );
}
