// Deterministic synthetic datasets: a unit tree several levels deep, people with plausible
// ages, genders, ethnicities, political status and education, incumbents near retirement,
// units over and under their reserve quotas, trainings, assessments and practice assignments.
// The same seed and reference date give the same bytes.
import { addYears } from '../../domain/dates.ts';
import type { Category, PositionKind, Rank, ReserveStatus, UnitKind, UnitLevel } from '../../domain/enums.ts';
import { type Dataset, type DatasetRecord, emptyDataset } from './format.ts';

export const SCALES = { county: 2_000, city: 20_000, province: 200_000, national: 1_000_000 } as const;
export type Scale = keyof typeof SCALES;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** The date the data describes; ages, terms and pool periods are set around it. */
  refDate?: string;
}

export const DEFAULT_REF_DATE = '2026-07-01';

/** sfc32, seeded through splitmix32: small, fast and the same on every platform. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉健峰建国志新海波宁春燕晨晓文斌宇浩凯俊帆琳婷雪慧颖佳欣然博瑞泽轩雨思远航',
];
const MINORITIES = [
  '壮族',
  '回族',
  '满族',
  '维吾尔族',
  '苗族',
  '彝族',
  '土家族',
  '藏族',
  '蒙古族',
  '侗族',
  '布依族',
  '瑶族',
];
const PROGRAMS: [string, string][] = [
  ['CENTRALIZED', '中青年干部培训班'],
  ['PARTY_SCHOOL', '党校主体班'],
  ['ASSIGNED', '上级调训专题班'],
  ['ONLINE', '网络学院专题学习'],
  ['SPECIAL', '专业化能力提升班'],
  ['CENTRALIZED', '后备干部集中培训'],
];
const DEPT_NAMES = [
  '发展和改革局',
  '财政局',
  '教育局',
  '卫生健康委员会',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '审计局',
  '统计局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '生态环境局',
  '水利局',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '组织部',
  '宣传部',
  '统战部',
  '政法委',
  '人民医院',
  '第一中学',
  '城投集团',
  '交通投资集团',
  '农业发展集团',
  '职业技术学院',
];
const DIRECTIONS = ['ECONOMY', 'LEGAL', 'SOCIAL', 'URBAN', 'AGRICULTURE', 'PARTY'];
const SOURCES = [
  'DEMOCRATIC_RECOMMENDATION',
  'DEMOCRATIC_RECOMMENDATION',
  'ORG_NOMINATION',
  'OPEN_SELECTION',
  'EXAM_SELECTION',
  'SELF_NOMINATION',
  'SELECTED_GRADUATE',
  'OTHER',
];

interface Layout {
  /** Children per node at each depth below the root: departments and sub-areas. */
  depts: number[];
  areas: number[];
  rootLevel: UnitLevel;
}

// Sub-areas go city → county → township → village; each area level also has departments.
const LAYOUTS: Record<Scale, Layout> = {
  county: { rootLevel: 'COUNTY', depts: [24, 0], areas: [12, 8] },
  city: { rootLevel: 'CITY', depts: [36, 18, 0], areas: [10, 10, 8] },
  province: { rootLevel: 'CITY', depts: [30, 30, 16, 0], areas: [9, 10, 10, 8] },
  national: { rootLevel: 'CITY', depts: [30, 30, 24, 14, 0], areas: [5, 9, 10, 10, 8] },
};
const AREA_LEVELS: Record<Scale, UnitLevel[]> = {
  county: ['TOWNSHIP', 'VILLAGE'],
  city: ['COUNTY', 'TOWNSHIP', 'VILLAGE'],
  province: ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
  national: ['CITY', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
};

interface GenUnit {
  code: string;
  level: UnitLevel;
  kind: UnitKind;
  depth: number;
  band: number; // 0 = top of the tree: sets ranks
}

const RANK_BANDS: [Rank, Rank][] = [
  ['BUREAU_PRINCIPAL', 'BUREAU_DEPUTY'],
  ['DIVISION_PRINCIPAL', 'DIVISION_DEPUTY'],
  ['SECTION_PRINCIPAL', 'SECTION_DEPUTY'],
  ['MIDDLE_PRINCIPAL', 'MIDDLE_DEPUTY'],
];

export function generateDataset(options: GenerateOptions): Dataset {
  const rand = rng(options.seed);
  const ref = options.refDate ?? DEFAULT_REF_DATE;
  const refYear = Number(ref.slice(0, 4));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number) => rand() < p;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  /** A date `years` (fractional) before the reference date. */
  const yearsBefore = (years: number) => {
    const t = Date.UTC(refYear, Number(ref.slice(5, 7)) - 1, Number(ref.slice(8, 10))) - years * 365.25 * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const data = emptyDataset();
  const layout = LAYOUTS[options.scale];
  const areaLevels = AREA_LEVELS[options.scale];

  // 1. The unit tree, breadth first so that parents precede children.
  const units: GenUnit[] = [];
  const root: GenUnit = { code: 'C01', level: layout.rootLevel, kind: 'PARTY_GOV', depth: 0, band: 0 };
  data.units.push({
    code: root.code,
    name: options.scale === 'county' ? '示范县' : options.scale === 'city' ? '示范市' : '示范省',
    parentCode: null,
    kind: 'PARTY_GOV',
    level: root.level,
  });
  units.push(root);
  const queue: GenUnit[] = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    const nDepts = layout.depts[parent.depth] ?? 0;
    const nAreas = parent.level === 'VILLAGE' || parent.level === 'DEPARTMENT' ? 0 : (layout.areas[parent.depth] ?? 0);
    let n = 0;
    const rootName = data.units[0]!.name as string;
    for (let i = 0; i < nDepts; i++) {
      const name = DEPT_NAMES[i % DEPT_NAMES.length]!;
      const kind: UnitKind = /集团/.test(name)
        ? 'ENTERPRISE'
        : /中学|学院/.test(name)
          ? 'SCHOOL'
          : /医院/.test(name)
            ? 'INSTITUTION'
            : 'PARTY_GOV';
      const u: GenUnit = {
        code: `${parent.code}-${pad(++n, 2)}`,
        level: 'DEPARTMENT',
        kind,
        depth: parent.depth + 1,
        band: Math.min(parent.band + 1, 3),
      };
      data.units.push({
        code: u.code,
        name: parent.depth === 0 ? `${rootName}${name}` : name,
        parentCode: parent.code,
        kind,
        level: 'DEPARTMENT',
      });
      units.push(u);
    }
    for (let i = 0; i < nAreas; i++) {
      const level = areaLevels[parent.depth]!;
      const kind: UnitKind = level === 'TOWNSHIP' ? 'TOWNSHIP' : level === 'VILLAGE' ? 'VILLAGE' : 'PARTY_GOV';
      const band = level === 'VILLAGE' ? 3 : Math.min(parent.band + 1, 2);
      const u: GenUnit = { code: `${parent.code}-${pad(++n, 2)}`, level, kind, depth: parent.depth + 1, band };
      const suffix = { CITY: '市', COUNTY: '县', TOWNSHIP: '镇', VILLAGE: '村', DEPARTMENT: '' }[level];
      data.units.push({
        code: u.code,
        name: `${pick(SURNAMES)}${pick(GIVEN)}${suffix}`,
        parentCode: parent.code,
        kind,
        level,
      });
      units.push(u);
      queue.push(u);
    }
  }

  // 2. Positions per unit; 3. people per unit, scaled to the target head count.
  const target = SCALES[options.scale];
  const principalsOf = (u: GenUnit) => (u.level === 'VILLAGE' ? 1 : chance(0.25) ? 2 : 1);
  const deputiesOf = (u: GenUnit) =>
    u.level === 'VILLAGE'
      ? int(1, 3)
      : u.level === 'DEPARTMENT'
        ? int(2, 4)
        : u.level === 'TOWNSHIP'
          ? int(3, 6)
          : int(4, 8);
  const slots = units.map((u) => ({ principals: principalsOf(u), deputies: deputiesOf(u) }));
  const totalSlots = slots.reduce((s, x) => s + x.principals + x.deputies, 0);
  const perSlot = target / totalSlots;

  let personSeq = 0;
  let reserveSeq = 0;
  const categoryOf = (u: GenUnit): Category =>
    u.kind === 'ENTERPRISE'
      ? 'ENTERPRISE_MANAGER'
      : u.kind === 'SCHOOL' || u.kind === 'INSTITUTION'
        ? chance(0.5)
          ? 'TECHNICAL'
          : 'MANAGEMENT'
        : 'PARTY_GOV';

  const educationFor = (age: number): [string, string | null] => {
    const r = rand() + (age < 35 ? 0.25 : age > 50 ? -0.2 : 0);
    const edu =
      r < 0.04
        ? 'HIGH_SCHOOL'
        : r < 0.08
          ? 'SECONDARY'
          : r < 0.24
            ? 'ASSOCIATE'
            : r < 0.8
              ? 'BACHELOR'
              : r < 1.1
                ? 'MASTER'
                : 'DOCTORATE';
    const order = ['HIGH_SCHOOL', 'SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE'];
    const idx = order.indexOf(edu);
    // In-service degrees are common: full-time education is often one step lower.
    const ft = chance(0.05) ? null : order[Math.max(0, idx - (age > 40 && chance(0.5) ? 1 : chance(0.15) ? 1 : 0))]!;
    return [edu, ft];
  };

  const makePerson = (u: GenUnit, age: number, rank: Rank): DatasetRecord => {
    const id = `E${pad(++personSeq, 7)}`;
    const birthDate = yearsBefore(age + rand());
    const [education, fullTimeEducation] = educationFor(age);
    const workAge = education === 'MASTER' || education === 'DOCTORATE' ? 25 : education === 'BACHELOR' ? 22 : 20;
    const r = rand();
    const p: DatasetRecord = {
      id,
      name: `${pick(SURNAMES)}${pick(GIVEN)}${chance(0.6) ? pick(GIVEN) : ''}`,
      gender: chance(u.level === 'VILLAGE' ? 0.22 : 0.32) ? 'F' : 'M',
      birthDate,
      ethnicity: chance(0.08) ? pick(MINORITIES) : '汉族',
      politicalStatus: r < 0.8 ? 'CPC' : r < 0.84 ? 'DEMOCRATIC_PARTY' : r < 0.87 ? 'NON_PARTY' : 'MASSES',
      education,
      fullTimeEducation,
      title: pick(['NONE', 'JUNIOR', 'INTERMEDIATE', 'INTERMEDIATE', 'SUB_SENIOR', 'SENIOR']),
      rank,
      rankSince: chance(0.97) ? yearsBefore(Math.min(age - workAge, rand() * 8) + 0.1) : null,
      workStart: addYears(birthDate, workAge + int(0, 2)),
      category: categoryOf(u),
      unitCode: u.code,
    };
    data.people.push(p);
    return p;
  };

  interface Pool {
    unit: GenUnit;
    staff: DatasetRecord[];
    principals: number;
    deputies: number;
  }
  const pools: Pool[] = [];
  units.forEach((u, ui) => {
    const { principals, deputies } = slots[ui]!;
    const [pRank, dRank] = u.level === 'VILLAGE' ? (['VILLAGE_CADRE', 'VILLAGE_CADRE'] as Rank[]) : RANK_BANDS[u.band]!;
    const staff: DatasetRecord[] = [];
    const headcount = Math.max(principals + deputies + 2, Math.round((principals + deputies) * perSlot));
    // Incumbents: older, some a year or two from retirement.
    const incumbents: DatasetRecord[] = [];
    for (let i = 0; i < principals + deputies; i++) {
      const age = chance(0.12) ? int(58, 59) : int(i < principals ? 42 : 36, 57);
      incumbents.push(makePerson(u, age, i < principals ? pRank! : dRank!));
    }
    for (let i = incumbents.length; i < headcount; i++) {
      staff.push(makePerson(u, int(25, 57), chance(0.5) ? dRank! : 'STAFF'));
    }
    const kinds: PositionKind[] = [
      ...Array<PositionKind>(principals).fill('PRINCIPAL'),
      ...Array<PositionKind>(deputies).fill('DEPUTY'),
    ];
    kinds.forEach((kind, i) => {
      const vacant = chance(0.08);
      data.positions.push({
        code: `${u.code}-P${i + 1}`,
        unitCode: u.code,
        title: kind === 'PRINCIPAL' ? (i === 0 ? '主要负责人' : '党组织书记') : '副职',
        kind,
        rank: kind === 'PRINCIPAL' ? pRank! : dRank!,
        category: categoryOf(u),
        incumbentId: vacant ? null : (incumbents[i]!.id as string),
        termEnds: chance(0.4) ? yearsBefore(-rand() * 5) : null,
      });
    });
    pools.push({ unit: u, staff, principals, deputies });
  });

  // 4. Reserves: some units under quota, some over; people from the unit's own staff.
  const entered = new Set<string>();
  const addReserve = (person: DatasetRecord, u: GenUnit, kind: PositionKind, status: ReserveStatus) => {
    const inPoolYears = status === 'ACTIVE' ? rand() * 3.2 : 1 + rand() * 4;
    const enteredOn = ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'REJECTED'].includes(status)
      ? null
      : yearsBefore(inPoolYears);
    const nominatedOn = enteredOn ? addDays(enteredOn, -int(30, 120)) : yearsBefore(rand() * 0.4);
    let exitedOn: string | null = null;
    let exitReason: string | null = null;
    if (status === 'PROMOTED') {
      exitedOn = addDays(enteredOn!, int(370, 1000));
      exitReason = '提拔任用';
    } else if (status === 'EXPIRED') {
      exitedOn = addYears(enteredOn!, 3);
      exitReason = '管理期满未使用';
    } else if (status === 'REMOVED') {
      exitedOn = addDays(enteredOn!, int(100, 900));
      exitReason = pick(['年度考核不称职', '超过年龄界限', '工作调动', '本人申请退出']);
    } else if (status === 'REJECTED') {
      exitedOn = addDays(nominatedOn, int(20, 60));
      exitReason = '考察未通过';
    }
    if (exitedOn && exitedOn > ref) exitedOn = ref;
    const [pRank, dRank] = u.level === 'VILLAGE' ? ['VILLAGE_CADRE', 'VILLAGE_CADRE'] : RANK_BANDS[u.band]!;
    const t = rand();
    data.reserves.push({
      id: `R${pad(++reserveSeq, 7)}`,
      personId: person.id as string,
      unitCode: u.code,
      targetKind: kind,
      targetRank: kind === 'PRINCIPAL' ? pRank! : dRank!,
      tier: t < 0.3 ? 'NEAR_TERM' : t < 0.7 ? 'MID_TERM' : 'LONG_TERM',
      direction: pick(DIRECTIONS),
      source: pick(SOURCES),
      status,
      nominatedOn,
      enteredOn,
      exitedOn,
      exitReason,
    });
  };
  const FACTORS = [0, 0.5, 0.75, 1, 1, 1, 1.25, 1.5];
  for (const pool of pools) {
    const { unit, staff } = pool;
    const byAge = staff.map((p) => ({ p, age: refYear - Number((p.birthDate as string).slice(0, 4)) }));
    for (const [kind, posts, ratio, maxAge] of [
      ['PRINCIPAL', pool.principals, 2, 45],
      ['DEPUTY', pool.deputies, 1, 40],
    ] as const) {
      const want = Math.round(posts * ratio * pick(FACTORS));
      const candidates = byAge.filter((c) => c.age <= maxAge + 1 && !entered.has(c.p.id as string));
      for (let i = 0; i < candidates.length && i < want + 2; i++) {
        const c = candidates[i]!;
        entered.add(c.p.id as string);
        const status: ReserveStatus =
          i < want
            ? 'ACTIVE'
            : pick(['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'PROMOTED', 'EXPIRED', 'REMOVED', 'REJECTED'] as const);
        addReserve(c.p, unit, kind, status);
      }
    }
  }

  // 5. Trainings, assessments and practices: reserves most, everyone a little.
  const reservesByPerson = new Map(data.reserves.map((r) => [r.personId as string, r]));
  for (const p of data.people) {
    const reserve = reservesByPerson.get(p.id as string);
    const active = reserve?.status === 'ACTIVE';
    for (const year of [refYear - 1, refYear]) {
      const n = active ? int(0, 4) : chance(0.3) ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const [kind, program] = active && chance(0.75) ? PROGRAMS[int(0, 2)]! : pick(PROGRAMS);
        const days = kind === 'ONLINE' ? 0.5 : int(1, 7);
        const start = `${year}-${pad(int(1, year === refYear ? Number(ref.slice(5, 7)) : 12), 2)}-${pad(int(1, 28), 2)}`;
        data.trainings.push({
          personId: p.id as string,
          program,
          kind,
          start,
          days,
          hours: days * 8,
          credits: days,
          completed: start < ref ? chance(0.93) : false,
        });
      }
    }
    if (reserve) {
      for (const year of [refYear - 2, refYear - 1]) {
        const g = rand();
        data.assessments.push({
          personId: p.id as string,
          year,
          grade: g < 0.2 ? 'EXCELLENT' : g < 0.95 ? 'COMPETENT' : g < 0.985 ? 'BASICALLY_COMPETENT' : 'INCOMPETENT',
          incompetentVoteShare: Math.round(rand() ** 3 * 30) / 100,
          deptPercentile: Math.round(rand() * 100) / 100,
        });
      }
      if (active && chance(0.15)) {
        const kind = pick(['SECONDMENT', 'ROTATION', 'PART_TIME']);
        const start = yearsBefore(rand() * 2);
        const months = kind === 'SECONDMENT' ? int(10, 18) : pick([3, 6, 12]);
        const end = addDays(start, months * 30);
        data.practices.push({
          personId: p.id as string,
          kind,
          unitCode: reserve.unitCode as string,
          start,
          end: end <= ref ? end : null,
          reportScore: end <= ref ? Math.round((60 + rand() * 40) * 10) / 10 : null,
        });
      }
    }
  }
  return data;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
