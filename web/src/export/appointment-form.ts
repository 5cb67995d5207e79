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
  const L = (key: string): Cell => ({ text: t(key), label: true });
  const V = (value: string, colSpan?: number): Cell => ({ text: value, colSpan });

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
    L('roster.name'),
    V(text('XingMing')),
    L('roster.gender'),
    V(text('XingBie')),
    L('form.bornAge'),
    V(born ? `${dotted(born)}（${age(born)}岁）` : ''),
    { node: picture, rowSpan: 4, className: 'form-photo-cell' },
  ]);
  row(first, [
    L('roster.ethnicity'),
    V(text('MinZu')),
    L('form.nativePlace'),
    V(text('JiGuan')),
    L('form.birthPlace'),
    V(text('ChuShengDi')),
  ]);
  row(first, [
    L('form.partyJoined'),
    V(dotted(text('RuDangShiJian'))),
    L('roster.workStart'),
    V(dotted(text('CanJiaGongZuoShiJian'))),
    L('form.health'),
    V(text('JianKangZhuangKuang')),
  ]);
  row(first, [
    L('form.professionalTitle'),
    V(text('ZhuanYeJiShuZhiWu'), 2),
    L('form.specialty'),
    V(text('ShuXiZhuanYeYouHeZhuanChang'), 2),
  ]);
  const words = (a: string, b: string) => [text(a), text(b)].filter(Boolean).join(' ');
  row(first, [
    { text: t('form.educationDegree'), label: true, rowSpan: 2 },
    L('form.fullTime'),
    V(words('QuanRiZhiJiaoYu_XueLi', 'QuanRiZhiJiaoYu_XueWei'), 2),
    L('form.school'),
    V(words('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'), 2),
  ]);
  row(first, [
    L('form.inService'),
    V(words('ZaiZhiJiaoYu_XueLi', 'ZaiZhiJiaoYu_XueWei'), 2),
    L('form.school'),
    V(words('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'), 2),
  ]);
  row(first, [L('form.currentPost'), V(text('XianRenZhiWu'), 6)]);
  row(first, [L('form.proposedPost'), V(text('NiRenZhiWu'), 6)]);
  row(first, [L('form.proposedRemoval'), V(text('NiMianZhiWu'), 6)]);
  row(first, [
    { text: t('form.resume'), label: true },
    { text: text('JianLi'), colSpan: 6, className: 'form-resume' },
  ]);
  area.append(first);

  // Second sheet.
  const second = document.createElement('table');
  second.className = 'form-second';
  row(second, [L('form.rewards'), V(text('JiangChengQingKuang') || t('form.none'), 5)]);
  row(second, [L('form.assessments'), V(text('NianDuKaoHeJieGuo'), 5)]);
  row(second, [L('form.reason'), V(text('RenMianLiYou'), 5)]);
  const members = Math.max(family.length, 4);
  row(second, [
    { text: t('form.family'), label: true, rowSpan: members + 1 },
    L('form.relation'),
    L('roster.name'),
    L('roster.age'),
    L('roster.political'),
    L('form.workplace'),
  ]);
  for (let i = 0; i < members; i++) {
    const f = family[i];
    row(
      second,
      f ? [V(f.relation), V(f.name), V(age(f.born)), V(f.political), V(f.work)] : [V(''), V(''), V(''), V(''), V('')],
    );
  }
  row(second, [L('form.reportingUnit'), V(text('ChengBaoDanWei'), 5)]);
  row(second, [L('form.approvalOpinion'), { text: '', colSpan: 5, className: 'form-opinion' }]);
  row(second, [L('form.appointingOpinion'), { text: '', colSpan: 5, className: 'form-opinion' }]);
  area.append(second);
  area.append(
    element('p', t('form.filledBy', { who: text('TianBiaoRen') || '—', on: text('TianBiaoShiJian') || '—' })),
  );
}
