// Deterministic synthetic datasets that read like a real organization (the demo of `npm start`
// and `npm run data:generate`):
// - a unit tree city → county/district → township/street → village/community, with departments
//   under the city and county levels; names from lists of real-sounding 县/区, 镇/乡/街道, 村/社区
//   and department names, distinct among a parent's children; posts with the titles such a team
//   has (市委书记, 县长, 副镇长, 局长, 村党组织书记、村委会主任 …);
// - people whose rank fits their age and years of work, who started work at 18–29 after their
//   full-time schooling, and whose rank-held-since date follows from both;
// - reserve entries held by people who were eligible when nominated (age limit, 本科, full-time
//   本科 at 35 or under, ≥ 3 years of work, a principal reserve 2 years in the rank just below the
//   team's principal post); nearly every team at its reserve ratio (some above) and with a
//   ready reserve for each post falling vacant within the succession horizon (vacant, its holder
//   turning 60, its term ending); the teams short of either mostly in a few hot spots (a county,
//   some of its departments and townships, a few townships and villages elsewhere); a few
//   reserves over age by now;
// - most active reserves with two mentors, the policy's talks of the last 12 months and, for the
//   last complete calendar year, the centralized trainings of the coverage rule.
// The same seed and reference date give the same bytes. The selection procedure's records of
// the entries still in procedure are made by `generateProcedure` (the file format has no place
// for them; the demo loader hands them to the import).
import { addDays, addYears, ageAt, lastCompleteQuarter } from '../../domain/dates.ts';
import { rankAbove, rankBelow } from '../../domain/eligibility.ts';
import type {
  Category,
  Education,
  PositionKind,
  Rank,
  ReserveStatus,
  UnitKind,
  UnitLevel,
} from '../../domain/enums.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import type { GroupBallots } from '../../domain/procedure.ts';
import { type Dataset, type DatasetRecord, emptyDataset } from './format.ts';
import type { ProcedureRecords, ProcedureStep } from './procedure-records.ts';

export const SCALES = { county: 2_000, city: 20_000, province: 200_000, national: 1_000_000 } as const;
export type Scale = keyof typeof SCALES;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** The date the data describes; ages, terms and pool periods are set around it. */
  refDate?: string;
}

export const DEFAULT_REF_DATE = '2026-07-01';

/** Why a REJECTED entry left: its recommendation round failed, or its inspection found it unfit. */
export const REJECTION_REASONS = { votes: '民主推荐得票未过半数', inspection: '考察未通过' } as const;

/** sfc32, seeded through splitmix32: small, fast and the same on every platform. */
export function rng(seed: number): () => number {
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

// ── Days: the generator counts in whole days since 1970-01-01 ────────────────────────────────

const DAY_MS = 86_400_000;
/** The mean calendar year in days: ages and periods are whole years of it, with margins. */
const YEAR = 365.2425;
export const dayOf = (iso: string) =>
  Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
const isoCache = new Map<number, string>();
export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

// ── Names ────────────────────────────────────────────────────────────────────────────────────

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
/** Characters of given names: men's, women's, and either. */
const GIVEN_M = [...'伟强磊军洋勇杰涛超刚鹏辉健峰建国志海波斌宇浩凯俊博瑞泽轩航'];
const GIVEN_F = [...'芳娜敏静丽艳娟秀霞桂英玉兰萍红燕琳婷雪慧颖欣思倩莉'];
const GIVEN_X = [...'明华平春晨晓文宁新佳然雨远林清'];
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
const PROVINCE_STEMS = ['东海', '西岭', '南江', '北原', '中川', '云梦', '青川', '临海', '江淮', '燕山', '秦川', '岭南'];
const CITY_STEMS = [
  ...['江城', '临川', '安阳', '永州', '清源', '云州', '龙城', '金州', '石城', '桃江', '凤城', '平阳', '兴安', '长宁'],
  ...['白水', '青州', '明州', '泰和', '华容', '宁川', '汉阳', '柳州', '信陵', '梧城', '嘉陵', '洛川', '沅陵', '湘潭'],
];
const DISTRICT_STEMS = [
  ...['城东', '城西', '城南', '城北', '江南', '江北', '河东', '河西', '湖滨', '新城', '高新', '经开', '老城', '江滨'],
];
const COUNTY_STEMS = [
  ...['青山', '临江', '安平', '永宁', '长乐', '兴华', '清河', '云岭', '龙泉', '白沙', '金川', '石门', '桃源', '凤阳'],
  ...['平乐', '宁远', '新田', '江华', '武陵', '泸溪', '汉寿', '慈利', '桑植', '安化', '通道', '会同', '芷江', '麻阳'],
  ...['辰溪', '溆浦', '洞口', '绥宁', '新宁', '城步', '隆回', '祁东', '衡山', '茶陵', '炎陵', '汝城', '桂东', '嘉禾'],
  ...['临武', '宜章', '资兴', '永兴', '安仁', '道县', '蓝山', '双牌', '东安', '祁阳', '新化', '涟源', '双峰', '平江'],
];
const STREET_STEMS = [
  ...['城关', '东城', '西城', '南城', '北城', '城东', '城西', '城南', '城北', '新城', '江滨', '湖滨', '河滨', '站前'],
  ...['滨江', '龙山', '金桥', '五里牌', '八一路', '人民路', '解放路', '花园', '望城', '白云', '凤凰', '文昌'],
];
const COMMUNITY_STEMS = [
  ...['新华', '建设', '人民', '解放', '和平', '幸福', '胜利', '东风', '红旗', '朝阳', '光明', '友谊', '团结', '民主'],
  ...['繁荣', '文化', '育才', '花园', '春晖', '锦绣', '滨河', '翠湖', '紫荆', '丽景', '长安', '振兴', '新村', '工农'],
];
const PLACE_FIRST = [
  ...'东西南北上下大小新前后高平安永长太三双马龙凤金石白黄青红花桃柳杨松柏梅竹云山河湖江溪泉林田清明兴和福宁丰',
];
const PLACE_SECOND = [...'家庄坪湾沟河山岭坡塘桥集店铺营堡寨口岗坝园台田湖滩埠峪洲港渡庙寺门关冲垸'];
const CN_DIGITS = [...'零一二三四五六七八九'];
/** 1..99 in Chinese numerals. */
function cn(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

// ── Departments: name, kind, head titles (a second head: 党组书记 and the like), deputy title ──

interface DeptSpec {
  name: string;
  kind: UnitKind;
  /** A party organ: named 示范市委组织部, not 示范市组织部. */
  party: boolean;
  heads: string[];
  deputy: string;
  direction: string;
  /** The name at county level, when it differs (发展和改革局 for 发展和改革委员会). */
  county?: string;
  countyHeads?: string[];
  countyDeputy?: string;
}
const DIR = { E: 'ECONOMY', L: 'LEGAL', S: 'SOCIAL', U: 'URBAN', A: 'AGRICULTURE', P: 'PARTY' } as const;
/** [name, kind (G organ, P party organ, I institution, S school, E enterprise), direction, heads|…, deputy, county name] */
const DEPTS: DeptSpec[] = (
  [
    ['纪律检查委员会', 'G', 'P', '书记', '副书记'],
    ['组织部', 'P', 'P', '部长', '副部长'],
    ['宣传部', 'P', 'P', '部长', '副部长'],
    ['发展和改革委员会', 'G', 'E', '主任|党组书记', '副主任', '发展和改革局'],
    ['财政局', 'G', 'E'],
    ['教育局', 'G', 'S'],
    ['公安局', 'G', 'L', '局长|政委'],
    ['人民医院', 'I', 'S', '院长|党委书记', '副院长'],
    ['民政局', 'G', 'S'],
    ['人力资源和社会保障局', 'G', 'S'],
    ['自然资源和规划局', 'G', 'U', '', '', '自然资源局'],
    ['住房和城乡建设局', 'G', 'U'],
    ['农业农村局', 'G', 'A'],
    ['卫生健康委员会', 'G', 'S', '主任|党组书记', '副主任', '卫生健康局'],
    ['第一中学', 'S', 'S', '校长|党委书记', '副校长'],
    ['市场监督管理局', 'G', 'E'],
    ['交通运输局', 'G', 'U'],
    ['城市建设投资集团有限公司', 'E', 'U', '董事长|总经理', '副总经理'],
    ['统战部', 'P', 'P', '部长', '副部长'],
    ['政法委员会', 'P', 'L', '书记', '副书记'],
    ['司法局', 'G', 'L'],
    ['生态环境局', 'G', 'U'],
    ['水利局', 'G', 'A'],
    ['商务局', 'G', 'E'],
    ['文化广电旅游局', 'G', 'S'],
    ['审计局', 'G', 'E'],
    ['统计局', 'G', 'E'],
    ['应急管理局', 'G', 'U'],
    ['退役军人事务局', 'G', 'S'],
    ['医疗保障局', 'G', 'S'],
    ['中医医院', 'I', 'S', '院长|党委书记', '副院长'],
    ['职业技术学校', 'S', 'S', '校长|党委书记', '副校长'],
    ['交通投资集团有限公司', 'E', 'U', '董事长|总经理', '副总经理'],
    ['林业局', 'G', 'A'],
    ['信访局', 'G', 'P'],
    ['机关事务管理局', 'G', 'P'],
    ['政务服务和数据管理局', 'G', 'E'],
    ['科学技术局', 'G', 'E'],
    ['工业和信息化局', 'G', 'E'],
    ['实验中学', 'S', 'S', '校长|党委书记', '副校长'],
    ['妇幼保健院', 'I', 'S', '院长|党委书记', '副院长'],
    ['融媒体中心', 'I', 'P', '主任|党委书记', '副主任'],
    ['疾病预防控制中心', 'I', 'S', '主任|党委书记', '副主任'],
    ['农业发展集团有限公司', 'E', 'A', '董事长|总经理', '副总经理'],
    ['城市管理局', 'G', 'U'],
    ['国有资产监督管理委员会', 'G', 'E', '主任|党委书记', '副主任', '国有资产事务中心'],
    ['档案馆', 'I', 'P', '馆长', '副馆长'],
    ['住房公积金管理中心', 'I', 'U', '主任', '副主任'],
    ['第二中学', 'S', 'S', '校长|党委书记', '副校长'],
    ['民族宗教事务局', 'G', 'P'],
    ['粮食和物资储备局', 'G', 'A'],
    ['乡村振兴局', 'G', 'A'],
  ] as string[][]
).map(([name, k, dir, heads, deputy, county]) => {
  const kind = ({ G: 'PARTY_GOV', P: 'PARTY_GOV', I: 'INSTITUTION', S: 'SCHOOL', E: 'ENTERPRISE' } as const)[
    k as 'G' | 'P' | 'I' | 'S' | 'E'
  ];
  const spec: DeptSpec = {
    name: name!,
    kind,
    party: k === 'P',
    heads: heads ? heads.split('|') : ['局长', '党组书记'],
    deputy: deputy || '副局长',
    direction: DIR[dir as keyof typeof DIR],
  };
  if (county) {
    spec.county = county;
    if (county.endsWith('局')) {
      spec.countyHeads = ['局长', '党组书记'];
      spec.countyDeputy = '副局长';
    } else if (county.endsWith('中心')) {
      spec.countyHeads = ['主任'];
      spec.countyDeputy = '副主任';
    }
  }
  return spec;
});

// ── Ranks: the career model ──────────────────────────────────────────────────────────────────

/**
 * The youngest age at which a rank is reached and the years of work it takes: nobody is 正处
 * before 35 or after fewer than 12 years of work. Every person's rank and rank-held-since date
 * respect these floors.
 */
export const RANK_FLOOR: Record<Rank, { age: number; work: number }> = {
  BUREAU_PRINCIPAL: { age: 42, work: 18 },
  BUREAU_DEPUTY: { age: 38, work: 15 },
  DIVISION_PRINCIPAL: { age: 35, work: 12 },
  DIVISION_DEPUTY: { age: 31, work: 9 },
  SECTION_PRINCIPAL: { age: 28, work: 6 },
  SECTION_DEPUTY: { age: 25, work: 3 },
  MIDDLE_PRINCIPAL: { age: 28, work: 6 },
  MIDDLE_DEPUTY: { age: 25, work: 3 },
  VILLAGE_CADRE: { age: 20, work: 1 },
  STAFF: { age: 18, work: 0 },
};

/** A team's posts by rank band: 0 a city (正厅/副厅), 1 a county or a city department, … */
const RANK_BANDS: [Rank, Rank][] = [
  ['BUREAU_PRINCIPAL', 'BUREAU_DEPUTY'],
  ['DIVISION_PRINCIPAL', 'DIVISION_DEPUTY'],
  ['SECTION_PRINCIPAL', 'SECTION_DEPUTY'],
  ['MIDDLE_PRINCIPAL', 'MIDDLE_DEPUTY'],
];

/** Ranks of the staff without a post in a band's team, with their shares (the rest 科员及以下). */
const STAFF_LADDERS: [Rank, number][][] = [
  [
    ['DIVISION_PRINCIPAL', 0.05],
    ['DIVISION_DEPUTY', 0.1],
    ['SECTION_PRINCIPAL', 0.18],
    ['SECTION_DEPUTY', 0.2],
  ],
  [
    ['DIVISION_DEPUTY', 0.03],
    ['SECTION_PRINCIPAL', 0.14],
    ['SECTION_DEPUTY', 0.22],
  ],
  [['SECTION_DEPUTY', 0.12]],
  [
    ['MIDDLE_PRINCIPAL', 0.08],
    ['MIDDLE_DEPUTY', 0.15],
  ],
  [],
];

/** Age (years, fractional) at which work starts after full-time schooling of each level. */
const WORK_AGE: Record<Education, number> = {
  HIGH_SCHOOL: 18,
  SECONDARY: 18.5,
  ASSOCIATE: 20.5,
  BACHELOR: 22.2,
  MASTER: 24.9,
  DOCTORATE: 27.9,
};
const BACHELOR_UP = new Set<string>(['BACHELOR', 'MASTER', 'DOCTORATE']);
const LIMIT: Record<PositionKind, number> = { PRINCIPAL: 45, DEPUTY: 40 };

const PROGRAMS: [string, string][] = [
  ['CENTRALIZED', '中青年干部培训班'],
  ['PARTY_SCHOOL', '党校主体班'],
  ['ASSIGNED', '上级调训专题班'],
  ['CENTRALIZED', '后备干部集中轮训'],
  ['PARTY_SCHOOL', '党校中青年干部进修班'],
  ['CENTRALIZED', '乡村振兴专题培训班'],
  ['ONLINE', '网络学院专题学习'],
  ['SPECIAL', '专业化能力提升班'],
];
const CENTRALIZED_PROGRAMS = PROGRAMS.slice(0, 6);
const DIRECTIONS = ['ECONOMY', 'LEGAL', 'SOCIAL', 'URBAN', 'AGRICULTURE', 'PARTY'];
const SOURCES = [
  'DEMOCRATIC_RECOMMENDATION',
  'DEMOCRATIC_RECOMMENDATION',
  'DEMOCRATIC_RECOMMENDATION',
  'ORG_NOMINATION',
  'ORG_NOMINATION',
  'OPEN_SELECTION',
  'EXAM_SELECTION',
  'SELF_NOMINATION',
  'SELECTED_GRADUATE',
  'OTHER',
];
const REMOVAL_REASONS = ['年度考核不称职', '超过年龄界限', '工作调动', '本人申请退出', '受到组织处理'];
const LEADERSHIP_TALKS = ['了解近期思想和工作情况', '谈培养方向和努力目标', '年度考核结果反馈', '交流分管工作思路'];
const MENTOR_TALKS = ['导师季度沟通交流', '了解思想工作情况', '肯定成绩指出不足', '辅导专业知识'];
const HR_TALKS = ['组织人事部门跟踪了解', '听取个人成长诉求', '反馈民主测评情况', '谈实践锻炼安排'];

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
const ROOT_NAMES: Record<Scale, string> = {
  county: '示范县',
  city: '示范市',
  province: '示范省',
  national: '全国示范区',
};

/** What sort of area a unit is, for its name and its posts' titles. */
type AreaSort =
  | 'national'
  | 'province'
  | 'city'
  | 'district'
  | 'county'
  | 'street'
  | 'town'
  | 'xiang'
  | 'village'
  | 'community';
const AREA_TITLES: Record<AreaSort, { heads: string[]; deputies: string[] }> = {
  national: { heads: ['书记', '主任'], deputies: ['副书记', '常务副主任', '副主任'] },
  province: {
    heads: ['省委书记', '省长'],
    deputies: [
      '省委副书记',
      '常务副省长',
      '副省长',
      '省委常委、组织部部长',
      '副省长',
      '省委常委、宣传部部长',
      '副省长',
    ],
  },
  city: {
    heads: ['市委书记', '市长'],
    deputies: ['市委副书记', '常务副市长', '副市长', '市委常委、组织部部长', '副市长', '市委常委、纪委书记', '副市长'],
  },
  district: {
    heads: ['区委书记', '区长'],
    deputies: ['区委副书记', '常务副区长', '副区长', '区委常委、组织部部长', '副区长', '区委常委、纪委书记', '副区长'],
  },
  county: {
    heads: ['县委书记', '县长'],
    deputies: ['县委副书记', '常务副县长', '副县长', '县委常委、组织部部长', '副县长', '县委常委、纪委书记', '副县长'],
  },
  street: {
    heads: ['街道党工委书记', '街道办事处主任'],
    deputies: ['街道党工委副书记', '街道办事处副主任', '街道纪工委书记', '街道办事处副主任', '街道人民武装部部长'],
  },
  town: {
    heads: ['镇党委书记', '镇长'],
    deputies: ['镇党委副书记', '副镇长', '镇纪委书记', '副镇长', '镇人民武装部部长', '镇党委组织委员'],
  },
  xiang: {
    heads: ['乡党委书记', '乡长'],
    deputies: ['乡党委副书记', '副乡长', '乡纪委书记', '副乡长', '乡人民武装部部长', '乡党委组织委员'],
  },
  village: { heads: ['村党组织书记、村委会主任'], deputies: ['村党组织副书记', '村委会副主任', '村务监督委员会主任'] },
  community: {
    heads: ['社区党组织书记、居委会主任'],
    deputies: ['社区党组织副书记', '居委会副主任', '居务监督委员会主任'],
  },
};

interface GenUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  sort: AreaSort | null;
  depth: number;
  parent: GenUnit | null;
  children: GenUnit[];
  /** Index into RANK_BANDS; 4 for a village (村两委). */
  band: number;
  pRank: Rank;
  dRank: Rank;
  heads: string[];
  deputyTitles: string[];
  direction: string | null;
  /** A hot spot (a county, some of its departments and townships, a few townships elsewhere, half
   * the villages of a hot township): teams below their ratios or without a ready successor for
   * a post falling vacant, more entries without mentors or talks, fewer near-term reserves. */
  hot: boolean;
  /** Below a hot county: also reserves without the year's trainings, some with a 大专 diploma. */
  hotCounty: boolean;
  nP: number;
  nD: number;
  /** Posts of each kind falling vacant by the horizon (no incumbent, retirement, term's end). */
  vacant: Record<PositionKind, number>;
  principals: GenPerson[];
  deputies: GenPerson[];
  /** People who work here so far. */
  headcount: number;
}

interface GenPerson {
  rec: DatasetRecord;
  unit: GenUnit;
  birth: number;
  work: number;
  since: number | null;
  rank: Rank;
  edu: Education;
  ft: Education | null;
  /** Has an open entry. */
  open: boolean;
  hasEntry: boolean;
  activeNow: boolean;
  /** Active on 31 December of the last complete year (the training coverage year). */
  activeYearEnd: boolean;
  hot: boolean;
  hotCounty: boolean;
}

interface PersonOptions {
  /** Whole years of age at `at` (default: the reference date). */
  age: number;
  at?: number;
  rank?: Rank;
  /** Draw the rank from the ladder of the unit's staff instead. */
  ladder?: [Rank, number][];
  /** Education at least 本科: 'ft' full-time too, 'any' possibly in-service. */
  bachelor?: 'ft' | 'any';
  /** The rank held since this day at the latest. */
  holdBy?: number;
  /** Working since this day at the latest. */
  workBy?: number;
  female?: number;
  cpc?: number;
  /** A 科员 whose rank-held-since date may be unknown. */
  nullSince?: boolean;
  /** At most this many years in the rank. */
  span?: number;
}

export function generateDataset(options: GenerateOptions): Dataset {
  const rand = rng(options.seed);
  const ref = options.refDate ?? DEFAULT_REF_DATE;
  const refDay = dayOf(ref);
  const refYear = Number(ref.slice(0, 4));
  /** The succession horizon's end: posts falling vacant by then want a ready reserve. */
  const horizon = addYears(ref, DEFAULT_POLICY.successionHorizonYears);
  const horizonDay = dayOf(horizon);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number) => rand() < p;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const years = (y: number) => Math.round(y * YEAR);
  const data = emptyDataset();
  const layout = LAYOUTS[options.scale];
  const areaLevels = AREA_LEVELS[options.scale];

  // 1. The unit tree, breadth first so that parents precede children.
  const units: GenUnit[] = [];
  const namesUsed = new Map<GenUnit, Set<string>>();
  /** A name not yet used among the parent's children: drawn, else made distinct with a numeral. */
  const distinct = (parent: GenUnit, draw: () => string, suffix: string): string => {
    const used = namesUsed.get(parent) ?? new Set<string>();
    namesUsed.set(parent, used);
    for (let i = 0; i < 40; i++) {
      const name = `${draw()}${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    const stem = draw();
    for (let k = 1; ; k++) {
      const name = `${stem}${cn(k % 100)}${k >= 100 ? k : ''}${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const placeStem = () => {
    const a = pick(PLACE_FIRST);
    let b = pick(PLACE_SECOND);
    while (b === a) b = pick(PLACE_SECOND);
    return a + b;
  };
  const villageStem = () => (chance(0.4) ? `${pick(SURNAMES)}家${pick(PLACE_SECOND)}` : placeStem());
  const makeUnit = (
    parent: GenUnit | null,
    code: string,
    name: string,
    level: UnitLevel,
    kind: UnitKind,
    sort: AreaSort | null,
    band: number,
    heads: string[],
    deputyTitles: string[],
    direction: string | null,
    hot: boolean,
  ): GenUnit => {
    const [pRank, dRank] = band === 4 ? (['VILLAGE_CADRE', 'VILLAGE_CADRE'] as Rank[]) : RANK_BANDS[band]!;
    const u: GenUnit = {
      code,
      name,
      level,
      kind,
      sort,
      depth: parent ? parent.depth + 1 : 0,
      parent,
      children: [],
      band,
      pRank: pRank!,
      dRank: dRank!,
      heads,
      deputyTitles,
      direction,
      hot,
      hotCounty: (parent?.hotCounty ?? false) || (level === 'COUNTY' && hot),
      nP: 0,
      nD: 0,
      vacant: { PRINCIPAL: 0, DEPUTY: 0 },
      principals: [],
      deputies: [],
      headcount: 0,
    };
    parent?.children.push(u);
    units.push(u);
    data.units.push({ code, name, parentCode: parent?.code ?? null, kind, level });
    return u;
  };

  const rootSort: AreaSort =
    options.scale === 'county'
      ? 'county'
      : options.scale === 'city'
        ? 'city'
        : options.scale === 'province'
          ? 'province'
          : 'national';
  const rootBand = layout.rootLevel === 'COUNTY' ? 1 : 0;
  const root = makeUnit(
    null,
    'C01',
    ROOT_NAMES[options.scale],
    layout.rootLevel,
    'PARTY_GOV',
    rootSort,
    rootBand,
    AREA_TITLES[rootSort].heads,
    AREA_TITLES[rootSort].deputies,
    null,
    false,
  );
  const queue: GenUnit[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const parent = queue[q]!;
    const nDepts = layout.depts[parent.depth] ?? 0;
    const nAreas = parent.level === 'VILLAGE' || parent.level === 'DEPARTMENT' ? 0 : (layout.areas[parent.depth] ?? 0);
    const atCounty = parent.sort === 'county' || parent.sort === 'district';
    const provincial = parent.sort === 'province' || parent.sort === 'national';
    let n = 0;
    for (let i = 0; i < nDepts; i++) {
      const code = `${parent.code}-${pad(++n, 2)}`;
      const spec = DEPTS[i];
      let name: string;
      let heads: string[];
      let deputy: string;
      let kind: UnitKind;
      let direction: string;
      if (spec) {
        const base = atCounty && spec.county ? spec.county : spec.name;
        heads = (atCounty && spec.countyHeads) || spec.heads;
        deputy = (atCounty && spec.countyDeputy) || spec.deputy;
        if (provincial && base.endsWith('局') && !spec.party) {
          name = `${parent.name}${base.slice(0, -1)}厅`;
          heads = heads.map((h) => h.replace('局长', '厅长'));
          deputy = deputy.replace('局长', '厅长');
        } else name = spec.party ? `${parent.name}委${base}` : `${parent.name}${base}`;
        kind = spec.kind;
        direction = spec.direction;
      } else {
        // Past the list: more schools, numbered on from 第一中学 and 第二中学.
        name = `${parent.name}第${cn(i - DEPTS.length + 3)}中学`;
        heads = ['校长', '党委书记'];
        deputy = '副校长';
        kind = 'SCHOOL';
        direction = 'SOCIAL';
      }
      namesUsed.get(parent)?.add(name) ?? namesUsed.set(parent, new Set([name]));
      makeUnit(
        parent,
        code,
        name,
        'DEPARTMENT',
        kind,
        null,
        Math.min(parent.band + 1, 3),
        heads,
        [deputy],
        direction,
        // A hot spot's departments: some of them share its thin pools.
        parent.hot && chance(0.3),
      );
    }
    const level = areaLevels[parent.depth];
    const districts = int(1, 3);
    // Hot spots, drawn among the areas: a tenth of a city's counties (at least one); in a
    // county-scale tree a tenth of the root's townships (at least one).
    const hotAreas = new Set<number>();
    if ((level === 'COUNTY' || (level === 'TOWNSHIP' && parent === root)) && !parent.hot)
      while (hotAreas.size < Math.max(1, Math.round(nAreas * 0.1))) hotAreas.add(int(0, nAreas - 1));
    for (let i = 0; i < nAreas; i++) {
      const code = `${parent.code}-${pad(++n, 2)}`;
      let sort: AreaSort;
      let name: string;
      let kind: UnitKind = 'PARTY_GOV';
      let band: number;
      let hotP: number;
      if (level === 'CITY') {
        const province = areaLevels[parent.depth + 1] === 'CITY';
        sort = province ? 'province' : 'city';
        name = distinct(parent, () => pick(province ? PROVINCE_STEMS : CITY_STEMS), province ? '省' : '市');
        band = 0;
        hotP = 0;
      } else if (level === 'COUNTY') {
        sort = i < districts ? 'district' : 'county';
        name =
          sort === 'district'
            ? distinct(parent, () => pick(DISTRICT_STEMS), '区')
            : distinct(parent, () => pick(COUNTY_STEMS), '县');
        band = 1;
        hotP = hotAreas.has(i) ? 1 : 0;
      } else if (level === 'TOWNSHIP') {
        const r = rand();
        sort =
          parent.sort === 'district'
            ? r < 0.7
              ? 'street'
              : 'town'
            : (i === 0 && r < 0.5) || r < 0.05
              ? 'street'
              : r < 0.75
                ? 'town'
                : 'xiang';
        name =
          sort === 'street'
            ? distinct(parent, () => pick(STREET_STEMS), '街道')
            : distinct(parent, placeStem, sort === 'town' ? '镇' : '乡');
        kind = 'TOWNSHIP';
        band = 2;
        // A third of a hot county's townships, a few elsewhere.
        hotP = hotAreas.has(i) ? 1 : parent.hot ? 0.35 : 0.03;
      } else {
        sort = parent.sort === 'street' || (parent.sort === 'town' && chance(0.15)) ? 'community' : 'village';
        name =
          sort === 'community'
            ? distinct(parent, () => pick(COMMUNITY_STEMS), '社区')
            : distinct(parent, villageStem, '村');
        kind = 'VILLAGE';
        band = 4;
        // Half the villages of a hot township.
        hotP = parent.hot ? 0.5 : 0;
      }
      const u = makeUnit(
        parent,
        code,
        name,
        level!,
        kind,
        sort,
        band,
        AREA_TITLES[sort].heads,
        AREA_TITLES[sort].deputies,
        null,
        level === 'COUNTY' || level === 'CITY' ? parent.hot || chance(hotP) : chance(hotP),
      );
      queue.push(u);
    }
  }

  // 2. Posts per unit and their incumbents.
  const holders = new Map<string, GenPerson>();
  for (const u of units) {
    u.nP = u.heads.length === 1 ? 1 : u.level === 'DEPARTMENT' ? (chance(0.25) ? 2 : 1) : 2;
    u.nD =
      u.level === 'VILLAGE'
        ? int(1, 3)
        : u.level === 'DEPARTMENT'
          ? int(2, 4)
          : u.level === 'TOWNSHIP'
            ? int(3, 6)
            : int(4, 8);
  }
  const target = SCALES[options.scale];
  const totalSlots = units.reduce((s, u) => s + u.nP + u.nD, 0);
  const perSlot = target / totalSlots;

  let personSeq = 0;
  let reserveSeq = 0;
  const people: GenPerson[] = [];
  const categoryOf = (u: GenUnit): Category =>
    u.kind === 'ENTERPRISE'
      ? 'ENTERPRISE_MANAGER'
      : u.kind === 'SCHOOL' || u.kind === 'INSTITUTION'
        ? chance(0.5)
          ? 'TECHNICAL'
          : 'MANAGEMENT'
        : 'PARTY_GOV';

  const ORDER: Education[] = ['HIGH_SCHOOL', 'SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE'];
  const educationFor = (age: number, village: boolean): [Education, Education | null] => {
    const r = rand() + (age < 35 ? 0.25 : age > 50 ? -0.2 : 0) - (village ? 0.3 : 0);
    const edu: Education =
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
    const idx = ORDER.indexOf(edu);
    // In-service degrees are common: full-time education is often one step lower.
    const ft = chance(0.05) ? null : ORDER[Math.max(0, idx - (age > 40 && chance(0.5) ? 1 : chance(0.15) ? 1 : 0))]!;
    return [edu, ft];
  };
  const bachelorUp = (fullTime: boolean, age: number): [Education, Education | null] => {
    const r = rand();
    const edu: Education = r < 0.66 ? 'BACHELOR' : r < 0.97 || age < 31 ? 'MASTER' : 'DOCTORATE';
    let ft: Education | null;
    if (fullTime) ft = edu === 'BACHELOR' || chance(0.55) ? 'BACHELOR' : edu === 'DOCTORATE' ? 'MASTER' : 'MASTER';
    else if (chance(0.03)) ft = null;
    else if (edu === 'BACHELOR') ft = age >= 35 && chance(0.3) ? 'ASSOCIATE' : 'BACHELOR';
    else ft = chance(0.6) ? 'BACHELOR' : 'MASTER';
    return [edu, ft];
  };
  const given = (female: boolean) => (chance(0.25) ? pick(GIVEN_X) : pick(female ? GIVEN_F : GIVEN_M));
  const personName = (female: boolean) => `${pick(SURNAMES)}${given(female)}${chance(0.6) ? given(female) : ''}`;
  const titleFor = (age: number, category: Category) => {
    const r = rand() + (age - 40) / 50 + (category === 'TECHNICAL' ? 0.15 : 0);
    return r < 0.25 ? 'NONE' : r < 0.45 ? 'JUNIOR' : r < 0.85 ? 'INTERMEDIATE' : r < 1.05 ? 'SUB_SENIOR' : 'SENIOR';
  };

  /** A person of unit `u` whose rank, rank date, education and work start hold together. */
  const person = (u: GenUnit, o: PersonOptions): GenPerson => {
    const at = o.at ?? refDay;
    let birth = at - years(o.age + 0.03 + 0.94 * rand());
    const [edu, ft] = o.bachelor ? bachelorUp(o.bachelor === 'ft', o.age) : educationFor(o.age, u.band === 4);
    let work = birth + years(WORK_AGE[ft ?? edu] + 0.8 * rand());
    // Schooling that would end after today: the person is older than drawn.
    const lastStart = Math.min(at, refDay) - 60;
    if (work > lastStart) {
      const late = work - lastStart + int(0, 300);
      birth -= late;
      work -= late;
    }
    let rank: Rank = o.rank ?? 'STAFF';
    if (o.ladder) {
      const age = (refDay - birth) / YEAR;
      const worked = (refDay - work) / YEAR;
      let r = rand() * (age < 30 ? 1.6 : age < 40 ? 1 : 0.8);
      for (const [candidate, share] of o.ladder) {
        r -= share;
        if (r < 0) {
          const floor = RANK_FLOOR[candidate];
          if (age >= floor.age + 1 && worked >= floor.work + 1) {
            rank = candidate;
            break;
          }
          r = 0; // fall to the next rank down
        }
      }
    }
    const floor = RANK_FLOOR[rank];
    const latest = Math.min(refDay, o.holdBy ?? refDay);
    let earliest = rank === 'STAFF' ? work : Math.max(work + years(floor.work), birth + years(floor.age)) + 20;
    // Constraints the draw misses move the whole life earlier (the person is older).
    const shift = Math.max(0, earliest - latest, o.workBy === undefined ? 0 : work - o.workBy);
    birth -= shift;
    work -= shift;
    earliest -= shift;
    const since: number | null =
      o.nullSince && chance(0.03)
        ? null
        : rank === 'STAFF'
          ? Math.min(work + int(0, 365), latest)
          : latest - Math.floor(rand() ** 1.5 * Math.min(latest - earliest, years(o.span ?? 8)));
    const age = Math.floor((refDay - birth) / YEAR);
    const category = categoryOf(u);
    const female = chance(o.female ?? (u.level === 'VILLAGE' ? 0.22 : 0.32));
    const r = rand();
    const cpc = o.cpc ?? 0.8;
    const rec: DatasetRecord = {
      id: `E${pad(++personSeq, 7)}`,
      name: personName(female),
      gender: female ? 'F' : 'M',
      birthDate: isoOf(birth),
      ethnicity: chance(0.08) ? pick(MINORITIES) : '汉族',
      politicalStatus:
        r < cpc
          ? 'CPC'
          : r < cpc + (1 - cpc) * 0.35
            ? 'DEMOCRATIC_PARTY'
            : r < cpc + (1 - cpc) * 0.6
              ? 'NON_PARTY'
              : 'MASSES',
      education: edu,
      fullTimeEducation: ft,
      title: titleFor(age, category),
      rank,
      rankSince: since === null ? null : isoOf(since),
      workStart: isoOf(work),
      category,
      unitCode: u.code,
    };
    data.people.push(rec);
    u.headcount++;
    const p: GenPerson = {
      rec,
      unit: u,
      birth,
      work,
      since,
      rank,
      edu,
      ft,
      open: false,
      hasEntry: false,
      activeNow: false,
      activeYearEnd: false,
      hot: false,
      hotCounty: false,
    };
    people.push(p);
    return p;
  };

  const incumbentAge = (rank: Rank, principal: boolean) => {
    if (chance(0.12)) return int(58, 59);
    const floor = RANK_FLOOR[rank].age + (principal ? 4 : 2);
    return int(rank === 'VILLAGE_CADRE' ? 28 : floor, 57);
  };
  for (const u of units) {
    const kinds: PositionKind[] = [
      ...Array<PositionKind>(u.nP).fill('PRINCIPAL'),
      ...Array<PositionKind>(u.nD).fill('DEPUTY'),
    ];
    kinds.forEach((kind, i) => {
      const principal = kind === 'PRINCIPAL';
      const title = principal ? u.heads[i]! : u.deputyTitles[Math.min(i - u.nP, u.deputyTitles.length - 1)]!;
      const rank = principal ? u.pRank : u.dRank;
      let incumbent: GenPerson | null = null;
      if (!chance(u.hot ? 0.1 : 0.04)) {
        incumbent = person(u, {
          age: incumbentAge(rank, principal),
          rank,
          bachelor: u.band < 4 ? 'any' : undefined,
          female: 0.2,
          cpc: title.includes('书记') || title.includes('组织部') ? 1 : 0.9,
          span: 10,
        });
        (principal ? u.principals : u.deputies).push(incumbent);
      }
      const termEnds = chance(0.4) ? isoOf(refDay + int(1, years(5))) : null;
      if (incumbent) holders.set(`${u.code}-P${i + 1}`, incumbent);
      data.positions.push({
        code: `${u.code}-P${i + 1}`,
        unitCode: u.code,
        title,
        kind,
        rank,
        category: categoryOf(u),
        incumbentId: incumbent ? (incumbent.rec.id as string) : null,
        termEnds,
      });
      if (
        incumbent === null ||
        (termEnds !== null && termEnds <= horizon) ||
        ageAt(isoOf(incumbent.birth), horizon) >= DEFAULT_POLICY.retirementAge
      )
        u.vacant[kind]++;
    });
  }

  // 3. Reserve entries, team by team, then the rest of each unit's staff.
  /** The PROMOTED entry of an incumbent who came from the pool, by the person's id. */
  const promotedEntry = new Map<string, string>();
  const yearEnd = dayOf(`${refYear - 1}-12-31`);
  interface Active {
    rec: DatasetRecord;
    unit: GenUnit;
    person: GenPerson;
    entered: number;
  }
  const actives: Active[] = [];
  const addEntry = (
    p: GenPerson,
    u: GenUnit,
    kind: PositionKind,
    status: ReserveStatus,
    nominated: number,
    entered: number | null,
    exited: string | null,
    exitReason: string | null,
    ageAtNomination: number,
    /** The tier, when the team's succession decides it; else drawn. */
    tier?: string,
  ) => {
    const t = rand();
    const near = u.hot ? 0.3 : 0.5;
    let source = pick(SOURCES);
    if (source === 'SELECTED_GRADUATE' && ageAtNomination > 32) source = 'ORG_NOMINATION';
    const rec: DatasetRecord = {
      id: `R${pad(++reserveSeq, 7)}`,
      personId: p.rec.id as string,
      unitCode: u.code,
      targetKind: kind,
      targetRank: kind === 'PRINCIPAL' ? u.pRank : u.dRank,
      tier: tier ?? (t < near ? 'NEAR_TERM' : t < near + 0.35 ? 'MID_TERM' : 'LONG_TERM'),
      direction:
        u.direction && chance(0.7)
          ? u.direction
          : (u.band >= 2 || u.level === 'VILLAGE') && chance(0.4)
            ? 'AGRICULTURE'
            : pick(DIRECTIONS),
      source,
      status,
      nominatedOn: isoOf(nominated),
      enteredOn: entered === null ? null : isoOf(entered),
      exitedOn: exited,
      exitReason,
    };
    data.reserves.push(rec);
    if (status === 'PROMOTED') promotedEntry.set(p.rec.id as string, rec.id as string);
    p.hasEntry = true;
    p.hot ||= u.hot;
    p.hotCounty ||= u.hotCounty;
    if (status === 'NOMINATED' || status === 'INSPECTING' || status === 'PUBLICIZING' || status === 'ACTIVE')
      p.open = true;
    if (entered !== null && entered <= yearEnd && (exited === null || exited > isoOf(yearEnd))) p.activeYearEnd = true;
    if (status === 'ACTIVE') {
      p.activeNow = true;
      actives.push({ rec, unit: u, person: p, entered: entered! });
    }
  };

  /** Whole years of age at `day`, with a margin of a few days around birthdays. */
  const ageOn = (p: GenPerson, day: number) => (day - p.birth) / YEAR;
  /** Whether someone already in the data could have been nominated on `day` (eligibility). */
  const eligible = (p: GenPerson, kind: PositionKind, targetRank: Rank, day: number) => {
    if (p.open) return false;
    const age = ageOn(p, day);
    if (age > LIMIT[kind] + 0.97) return false;
    if (!BACHELOR_UP.has(p.edu)) return false;
    if (age < 36.03 && !(p.ft && BACHELOR_UP.has(p.ft))) return false;
    if (p.work > day - years(3) - 5) return false;
    if (kind === 'PRINCIPAL' && (p.rank !== rankBelow(targetRank) || p.since === null || p.since > day - years(2) - 5))
      return false;
    if (kind === 'DEPUTY' && rankAbove(p.rank, targetRank)) return false;
    return true;
  };
  const deputyReserveRank = (u: GenUnit): Rank =>
    u.band === 4
      ? 'STAFF'
      : u.band === 0
        ? chance(0.8)
          ? 'DIVISION_PRINCIPAL'
          : 'DIVISION_DEPUTY'
        : u.band === 1
          ? chance(0.75)
            ? 'SECTION_PRINCIPAL'
            : 'SECTION_DEPUTY'
          : u.band === 2
            ? chance(0.7)
              ? 'STAFF'
              : 'SECTION_DEPUTY'
            : chance(0.7)
              ? 'STAFF'
              : 'MIDDLE_DEPUTY';
  /**
   * Age at nomination: the main body of the kind's band, some younger, a few near the limit; at
   * most `cap` when the rank's floor allows it.
   */
  const nominationAge = (kind: PositionKind, rank: Rank, cap = LIMIT[kind]) => {
    const floor = RANK_FLOOR[rank].age;
    const lo = Math.max(kind === 'PRINCIPAL' ? floor + 3 : floor + 1, 24);
    const [young, from, to] = kind === 'PRINCIPAL' ? [34, 35, 42] : [29, 30, 37];
    const r = rand();
    const age =
      r < 0.25 && lo <= young
        ? int(lo, young)
        : r < 0.93
          ? int(Math.max(lo, from), Math.max(lo, to))
          : int(Math.max(lo, to + 1), LIMIT[kind]);
    return Math.min(age, Math.max(lo, cap));
  };
  /** Within the kind's age limit at the horizon (whole years, with a margin of days). */
  const withinLimitAtHorizon = (p: GenPerson, kind: PositionKind) => ageOn(p, horizonDay) < LIMIT[kind] + 0.95;
  const YOUNG_UNDER = DEFAULT_POLICY.ageBands.DEPUTY.youngUnder;
  /** Under the deputy band's young age today (with a margin of days). */
  const youngNow = (p: GenPerson) => ageOn(p, refDay) < YOUNG_UNDER - 0.05;
  /** The highest age at nomination that keeps the nominee (≤ age + 0.97 then) below `limit` on `day`. */
  const capFor = (limit: number, day: number, nominated: number) => Math.floor(limit - 1.05 - (day - nominated) / YEAR);
  /** A new person eligible on `nominated` for the kind's reserve of `u`, aged at most `cap` then. */
  const nominee = (u: GenUnit, kind: PositionKind, nominated: number, cap = LIMIT[kind]): [GenPerson, number] => {
    const rank = kind === 'PRINCIPAL' ? rankBelow(u.pRank)! : deputyReserveRank(u);
    const age = nominationAge(kind, rank, cap);
    const p = person(u, {
      age,
      at: nominated,
      rank,
      bachelor: age <= 35 ? 'ft' : 'any',
      holdBy: kind === 'PRINCIPAL' ? nominated - years(2) - 15 : undefined,
      workBy: nominated - years(3) - 15,
      female: 0.3,
      cpc: 0.93,
      span: 6,
    });
    if (u.hotCounty && u.band === 4 && chance(0.08)) {
      // A village reserve with a 大专 diploma: what the bachelor-share rule catches.
      p.edu = 'ASSOCIATE';
      p.ft = 'ASSOCIATE';
      p.rec.education = 'ASSOCIATE';
      p.rec.fullTimeEducation = 'ASSOCIATE';
    }
    return [p, age];
  };
  const lead = () => int(35, 110);

  for (const u of units) {
    // Promotions: incumbents who reached their post's rank in the last years came from the pool.
    for (const [kind, holders] of [
      ['PRINCIPAL', u.principals],
      ['DEPUTY', u.deputies],
    ] as const) {
      for (const p of holders) {
        if (p.since === null || p.since < refDay - years(3.5) || !chance(0.6)) continue;
        const entered = p.since - years(1.05 + 1.9 * rand());
        const nominated = entered - lead();
        const age = ageOn(p, nominated);
        if (age > LIMIT[kind] + 0.97 || p.work > nominated - years(3) - 5 || !BACHELOR_UP.has(p.edu)) continue;
        if (age < 36.03 && !(p.ft && BACHELOR_UP.has(p.ft))) continue;
        addEntry(p, u, kind, 'PROMOTED', nominated, entered, isoOf(p.since), '提拔任用', age);
      }
    }
    for (const kind of ['PRINCIPAL', 'DEPUTY'] as const) {
      const posts = kind === 'PRINCIPAL' ? u.nP : u.nD;
      const goal = Math.ceil((kind === 'PRINCIPAL' ? 2 : 1) * posts);
      // Nearly every team holds its ratio, some a surplus; in hot spots some teams are short.
      const short = u === root ? 0 : u.hot ? (u.band === 4 ? 0.2 : 0.55) : 0.003;
      const over = u.hot ? 0.05 : 0.15;
      const r = rand();
      const want = r < short ? int(0, goal - 1) : r < short + over ? goal + (chance(0.7) ? 1 : 2) : goal;
      // Succession: for each post falling vacant by the horizon the team holds a ready reserve
      // (near-term, in the pool long enough to finish the cultivation year and short enough for
      // the period to outlast the horizon, within the age limit then); a thin team, mostly in a
      // hot spot, has fewer and nobody else near-term.
      const vacant = u.vacant[kind];
      const thin = vacant > 0 && u !== root && chance(u.hot ? (u.band === 4 ? 0.35 : 0.7) : 0.01);
      const readyN = Math.min(want, thin ? int(0, vacant - 1) : vacant);
      // A township's pool has a young deputy reserve (under the band's young age), hot spots aside.
      const youngOne = kind === 'DEPUTY' && u.level === 'TOWNSHIP' && !u.hot && want > readyN;
      const targetRank = kind === 'PRINCIPAL' ? u.pRank : u.dRank;
      // Some reserves already hold a post: deputies for the principal posts of their own team,
      // heads of the units below for a county's or a city's deputy posts.
      const holders =
        kind === 'PRINCIPAL'
          ? u.deputies
          : u.band <= 1 && u.level !== 'DEPARTMENT'
            ? u.children.filter((c) => c.pRank === RANK_BANDS[u.band + 1]![0]).flatMap((c) => c.principals)
            : [];
      for (let i = 0; i < want; i++) {
        const ready = i < readyN;
        const young = youngOne && i === readyN;
        const entered = refDay - years(ready ? 0.3 + 1.6 * rand() : young ? 0.02 + 0.9 * rand() : 0.02 + 2.93 * rand());
        const nominated = entered - lead();
        let p: GenPerson | null = null;
        if (!young && holders.length && chance(kind === 'PRINCIPAL' ? 0.45 : 0.25)) {
          const start = int(0, holders.length - 1);
          for (let k = 0; k < holders.length && !p; k++) {
            const h = holders[(start + k) % holders.length]!;
            if (eligible(h, kind, targetRank, nominated) && (!ready || withinLimitAtHorizon(h, kind))) p = h;
          }
        }
        let age: number;
        if (p) age = Math.floor(ageOn(p, nominated));
        else {
          const cap = ready
            ? capFor(LIMIT[kind] + 1, horizonDay, nominated)
            : young
              ? capFor(YOUNG_UNDER, refDay, nominated)
              : LIMIT[kind];
          const fits = (x: GenPerson) => (ready ? withinLimitAtHorizon(x, kind) : young ? youngNow(x) : true);
          [p, age] = nominee(u, kind, nominated, cap);
          // A life the rank's floors made older than drawn: another nominee (this one stays on as staff).
          for (let k = 0; k < 2 && !fits(p); k++) [p, age] = nominee(u, kind, nominated, cap);
        }
        const tier = ready ? 'NEAR_TERM' : thin ? (chance(0.6) ? 'MID_TERM' : 'LONG_TERM') : undefined;
        addEntry(p, u, kind, 'ACTIVE', nominated, entered, null, null, age, tier);
      }
      // Entries in procedure now: nominated in the last weeks.
      const scale = u.hot ? 1.6 : 1;
      for (const [status, p, lo, hi] of [
        ['NOMINATED', 0.1, 3, 75],
        ['INSPECTING', 0.05, 20, 100],
        ['PUBLICIZING', 0.025, 35, 110],
      ] as const) {
        if (!chance(p * scale)) continue;
        const nominated = refDay - int(lo, hi);
        const [who, age] = nominee(u, kind, nominated);
        addEntry(who, u, kind, status, nominated, null, null, null, age);
      }
      // Entries that left: expired unpromoted, removed, or rejected in procedure.
      if (chance(0.12)) {
        const entered = refDay - years(3.05 + 1.5 * rand());
        const nominated = entered - lead();
        const [who, age] = nominee(u, kind, nominated);
        const exited = addYears(isoOf(entered), 3);
        addEntry(who, u, kind, 'EXPIRED', nominated, entered, exited, '管理期满未使用', age);
      }
      if (chance(u.hot ? 0.12 : 0.07)) {
        const entered = refDay - years(0.5 + 3 * rand());
        const nominated = entered - lead();
        const [who, age] = nominee(u, kind, nominated);
        const exited = isoOf(Math.min(entered + int(100, 900), refDay - 1));
        addEntry(who, u, kind, 'REMOVED', nominated, entered, exited, pick(REMOVAL_REASONS), age);
      }
      if (chance(0.07)) {
        const nominated = refDay - years(0.15 + 2.5 * rand());
        const [who, age] = nominee(u, kind, nominated);
        const last = data.reserves.length;
        addEntry(
          who,
          u,
          kind,
          'REJECTED',
          nominated,
          null,
          isoOf(Math.min(nominated + int(20, 60), refDay)),
          null,
          age,
        );
        const rec = data.reserves[last]!;
        rec.exitReason =
          rec.source === 'DEMOCRATIC_RECOMMENDATION' && chance(0.4)
            ? REJECTION_REASONS.votes
            : REJECTION_REASONS.inspection;
      }
    }
    // The rest of the unit's staff.
    const headcount = Math.max(u.nP + u.nD + 2, Math.round((u.nP + u.nD) * perSlot));
    const ladder = STAFF_LADDERS[u.band]!;
    while (u.headcount < headcount) {
      person(u, { age: int(u.band === 4 ? 21 : 23, 59), ladder, nullSince: true });
    }
  }

  // 4. Trainings, assessments and practices: reserves most, everyone a little.
  const lastYear = refYear - 1;
  const refMonth = Number(ref.slice(5, 7));
  const elapsed = (refDay - dayOf(`${refYear}-01-01`)) / (dayOf(`${refYear + 1}-01-01`) - dayOf(`${refYear}-01-01`));
  const trainingDay = (year: number) =>
    `${year}-${pad(int(1, year === refYear ? refMonth : 12), 2)}-${pad(int(1, year === refYear ? Math.min(28, Number(ref.slice(8, 10))) : 28), 2)}`;
  const train = (p: GenPerson, year: number, program: [string, string], completed: boolean | null) => {
    const [kind, name] = program;
    const days = kind === 'ONLINE' ? 0.5 : int(2, 7);
    const start = trainingDay(year);
    data.trainings.push({
      personId: p.rec.id as string,
      program: name,
      kind,
      start,
      days,
      hours: days * 8,
      credits: days,
      completed: completed ?? (start < ref ? chance(0.93) : false),
    });
  };
  for (const p of people) {
    // The last complete year: who was in the pool on its last day had the policy's trainings.
    if (p.activeYearEnd) {
      const covered = !p.hotCounty || chance(0.8);
      const n = covered ? (chance(0.6) ? 2 : 3) : 1;
      for (let i = 0; i < n; i++) train(p, lastYear, pick(CENTRALIZED_PROGRAMS), true);
      if (chance(0.3)) train(p, lastYear, PROGRAMS[6]!, true);
    } else if (chance(0.3)) train(p, lastYear, pick(PROGRAMS), null);
    // This year so far: on plan, the share of the year gone by has had its trainings already.
    if (p.activeNow) {
      const onPlan = chance(elapsed * (p.hotCounty ? 0.8 : 1));
      const n = onPlan ? (chance(0.6) ? 2 : 3) : int(0, 1);
      for (let i = 0; i < n; i++) train(p, refYear, pick(CENTRALIZED_PROGRAMS), onPlan ? true : null);
      if (chance(0.3)) train(p, refYear, PROGRAMS[6]!, null);
    } else if (chance(0.3)) train(p, refYear, pick(PROGRAMS), null);
    if (p.hasEntry) {
      for (const year of [refYear - 2, refYear - 1]) {
        const g = rand() - (p.hot ? 0.02 : 0);
        const grade =
          g < 0.01 ? 'INCOMPETENT' : g < 0.03 ? 'BASICALLY_COMPETENT' : g < 0.75 ? 'COMPETENT' : 'EXCELLENT';
        data.assessments.push({
          personId: p.rec.id as string,
          year,
          grade,
          incompetentVoteShare:
            grade === 'INCOMPETENT' ? Math.round((0.3 + rand() * 0.2) * 100) / 100 : Math.round(rand() ** 3 * 22) / 100,
          deptPercentile: Math.round((1 - rand() ** 2 * 0.75) * 100) / 100,
        });
      }
    }
  }
  for (const a of actives) {
    if (!chance(0.15)) continue;
    const kind = pick(['SECONDMENT', 'ROTATION', 'PART_TIME']);
    const start = refDay - int(0, years(2));
    const months = kind === 'SECONDMENT' ? int(10, 18) : pick([3, 6, 12]);
    const end = start + months * 30;
    data.practices.push({
      personId: a.person.rec.id as string,
      kind,
      unitCode: a.unit.code,
      start: isoOf(start),
      end: end <= refDay ? isoOf(end) : null,
      reportScore: end <= refDay ? Math.round((60 + rand() * 40) * 10) / 10 : null,
    });
  }

  // 5. Mentors and talks of the active entries: the team's principal and another leader; the
  // talks of the policy in the last 12 months. A minority misses some: the alerts have work.
  for (const a of actives) {
    const { unit: u, person: p } = a;
    // Most entries are looked after as the policy says; the others miss mentors, talks or both.
    const kept = chance(u.hot ? 0.72 : 0.9);
    const miss = kept ? 0 : int(1, 3); // 1: mentors, 2: talks, 3: both
    const n = miss & 1 ? int(0, 1) : 2;
    const others = (xs: GenPerson[]) => xs.filter((x) => x !== p);
    const candidates = [
      ...others(u.principals),
      ...others(u.parent?.principals ?? []),
      ...others(u.deputies),
      ...others(u.parent?.deputies ?? []),
    ];
    const since = isoOf(Math.min(a.entered + int(7, 60), refDay));
    for (let i = 0; i < n; i++) {
      const mentor = candidates[i];
      data.mentors.push({
        reserveId: a.rec.id as string,
        mentorName: mentor ? (mentor.rec.name as string) : personName(chance(0.3)),
        mentorPersonId: mentor ? (mentor.rec.id as string) : null,
        since,
        until: null,
      });
    }
    const from = Math.max(refDay - 364, a.entered);
    const complete = !(miss & 2);
    const leadership = complete ? int(1, 2) : int(0, 1);
    const hr = complete ? int(2, 3) : leadership === 0 ? int(0, 3) : int(0, 1);
    // Kind, day, and the notes where they are not drawn.
    const days: [string, number, string?][] = [
      ...Array.from({ length: leadership }, () => ['LEADERSHIP', int(from, refDay)] as [string, number]),
      ...Array.from({ length: hr }, () => ['HR', int(from, refDay)] as [string, number]),
    ];
    // 导师沟通交流: the mentors talk with the entry in the last complete quarter and in this one so
    // far, where they mentored it from the quarter's start, on a day taken from the entry's code —
    // no draw, so the rest of the data is as it was. Those who miss their talks miss these too.
    const code = a.rec.id as string;
    const spread = [...code].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7);
    const last = lastCompleteQuarter(isoOf(refDay));
    const quarters = [last.from, addDays(last.to, 1)];
    if (n > 0 && !(miss & 2))
      for (const [i, from] of quarters.entries()) {
        const day = dayOf(from) + ((spread + i * 17) % 80);
        if (dayOf(since) > dayOf(from) || day > refDay) continue;
        days.push(['MENTOR', day, MENTOR_TALKS[(spread + i) % MENTOR_TALKS.length]!]);
      }
    days.sort((x, y) => x[1] - y[1]);
    for (const [kind, day, note] of days)
      data.talks.push({
        reserveId: code,
        kind,
        on: isoOf(day),
        notes: note ?? pick(kind === 'LEADERSHIP' ? LEADERSHIP_TALKS : HR_TALKS),
      });
  }

  // 6. The recent appointments (任职): incumbents who reached their post's rank in the last three
  // and a half years were appointed that day, from the pool where a promotion entry says so —
  // except the last weeks', where the draw of rank dates piles up at the reference day. No draw:
  // the rest of the data is the same with or without them.
  for (const post of data.positions) {
    const p = post.incumbentId === null ? undefined : holders.get(post.code as string);
    if (!p || p.since === null || p.since < refDay - years(3.5) || p.since > refDay - 45) continue;
    data.appointments.push({
      positionCode: post.code as string,
      personId: post.incumbentId as string,
      on: isoOf(p.since),
      until: null,
      termEnds: (post.termEnds as string | null) ?? null,
      reserveId: promotedEntry.get(post.incumbentId as string) ?? null,
      // Who held the post before is not drawn: before that day it counts as held by this person.
      priorUnknown: true,
    });
  }
  return data;
}

const VOTERS: Record<string, [number, number]> = {
  LEADERSHIP_TEAM: [7, 11],
  MIDDLE_MANAGERS: [12, 30],
  MEMBERS: [20, 60],
  MASSES: [10, 40],
};
const FIT = [
  '政治素质好，工作实绩突出，群众公认度高，同意作为后备干部人选。',
  '理想信念坚定，敢于担当，熟悉基层工作，考察组同意列为后备干部人选。',
  '综合素质较好，民主测评优秀率较高，同意作为后备干部人选。',
];
const UNFIT = [
  '考察中反映工作作风方面问题较多，群众认可度不高，不宜列为后备干部人选。',
  '民主测评结果偏低，考察组认为暂不宜列为后备干部人选。',
];

/**
 * The selection procedure's records of a generated dataset's entries, which the file format does
 * not carry (procedure-records.ts): for an entry in 考察 (INSPECTING) an inspection under way or
 * concluded FIT; for one in 公示 (PUBLICIZING) a concluded FIT inspection and the notice whose
 * window covers the reference date; for a REJECTED one the failed round or the UNFIT inspection
 * its reason names; before any inspection, for an entry from 民主推荐, a passed round. Each such
 * entry's history lists the steps. A NOMINATED entry has no record yet. Deterministic for the
 * seed and the dataset.
 */
export function generateProcedure(data: Dataset, options: { seed: number; refDate?: string }): ProcedureRecords {
  const rand = rng((options.seed ^ 0x5a17c0de) >>> 0);
  const refDay = dayOf(options.refDate ?? DEFAULT_REF_DATE);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const out: ProcedureRecords = { steps: [], rounds: [], inspections: [], notices: [] };
  const name = () => `${pick(SURNAMES)}${pick(chance(0.5) ? GIVEN_M : GIVEN_F)}${chance(0.6) ? pick(GIVEN_X) : ''}`;
  const ballots = (group: string, passed: boolean): GroupBallots => {
    const [lo, hi] = VOTERS[group] ?? [10, 30];
    const expected = int(lo, hi);
    const cast = expected - int(0, Math.floor(expected * 0.12));
    const favour = Math.round(cast * (passed ? 0.68 + 0.27 * rand() : 0.25 + 0.2 * rand()));
    const rest = cast - favour;
    const invalid = rest > 0 && chance(0.3) ? 1 : 0;
    const against = Math.round((rest - invalid) * 0.6);
    return { group, expected, cast, favour, against, abstain: rest - invalid - against, invalid };
  };
  const round = (reserveId: string, heldOn: number, passed: boolean) =>
    out.rounds.push({
      reserveId,
      heldOn: isoOf(heldOn),
      note: chance(0.5) ? '民主推荐会议' : null,
      tallies: DEFAULT_POLICY.recommendation.groups.map((g) => ballots(g, passed)),
    });
  const inspection = (reserveId: string, started: number, concluded: number | null, fit: boolean) =>
    out.inspections.push({
      reserveId,
      startedOn: isoOf(started),
      concludedOn: concluded === null ? null : isoOf(concluded),
      inspectors: Array.from({ length: int(2, 3) }, name),
      interviews: int(12, 40),
      conclusion: concluded === null ? null : pick(fit ? FIT : UNFIT),
      verdict: concluded === null ? null : fit ? 'FIT' : 'UNFIT',
      // 民主测评 and the discipline body's opinion, derived without a draw (the rest of the data
      // stays as it was): 60 people rate, mostly 称职 and above; the opinion the day before the end.
      evaluation:
        concluded === null
          ? null
          : fit
            ? { excellent: 38, competent: 19, basicallyCompetent: 3, incompetent: 0 }
            : { excellent: 9, competent: 25, basicallyCompetent: 16, incompetent: 10 },
      disciplineOpinion: concluded === null ? null : '经征求纪委监委意见，未发现违纪违法问题',
      disciplineOpinionOn: concluded === null ? null : isoOf(Math.max(started, concluded - 1)),
    });
  for (const r of data.reserves) {
    const status = r.status as string;
    if (status !== 'INSPECTING' && status !== 'PUBLICIZING' && status !== 'REJECTED') continue;
    const id = r.id as string;
    const nominated = dayOf(r.nominatedOn as string);
    const byVotes = r.source === 'DEMOCRATIC_RECOMMENDATION';
    const steps: Omit<ProcedureStep, 'reserveId'>[] = [
      { from: null, to: 'NOMINATED', on: r.nominatedOn as string, reason: null },
    ];
    /** To inspection on `started`; a round of 民主推荐 passed before it. */
    const inspect = (started: number) => {
      if (byVotes) round(id, nominated + 1 + int(0, Math.max(0, started - nominated - 2)), true);
      steps.push({ from: 'NOMINATED', to: 'INSPECTING', on: isoOf(started), reason: null });
    };
    if (status === 'REJECTED') {
      const exited = dayOf(r.exitedOn as string);
      if (r.exitReason === REJECTION_REASONS.votes) {
        round(id, Math.max(nominated, exited - int(0, 5)), false);
        steps.push({ from: 'NOMINATED', to: 'REJECTED', on: r.exitedOn as string, reason: r.exitReason });
      } else {
        const started = Math.min(nominated + int(3, Math.max(3, Math.floor((exited - nominated) / 2))), exited);
        inspect(started);
        inspection(id, started, exited, false);
        steps.push({ from: 'INSPECTING', to: 'REJECTED', on: r.exitedOn as string, reason: r.exitReason as string });
      }
    } else if (status === 'INSPECTING') {
      const started = Math.min(nominated + int(7, 30), refDay);
      inspect(started);
      const concluded = started + int(7, 20);
      inspection(id, started, chance(0.4) && concluded <= refDay ? concluded : null, true);
    } else {
      // 公示 now: the window covers the reference date; a FIT inspection concluded before it.
      const opened = refDay - int(0, 6);
      const concluded = opened - int(1, 8);
      const started = Math.max(concluded - int(7, 20), nominated + 3);
      inspect(started);
      inspection(id, started, concluded, true);
      const days = DEFAULT_POLICY.publicityDays;
      out.notices.push({
        reserveId: id,
        startsOn: isoOf(opened),
        endsOn: isoOf(opened + days - 1),
        days,
        closedOn: null,
        closedAs: null,
      });
      steps.push({ from: 'INSPECTING', to: 'PUBLICIZING', on: isoOf(opened), reason: null });
    }
    for (const step of steps) out.steps.push({ reserveId: id, ...step });
  }
  return out;
}
