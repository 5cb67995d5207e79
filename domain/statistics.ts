// The 后备干部统计表 (the statistics table an organization department reports upward): its fixed
// columns, each a named entry measure (analytics/measures.ts), grouped as the printed form groups
// them. The age brackets and education groups are the form's layout, the same for every unit and
// policy version — not a rule's threshold — so they live here, once, and the analytics, the API,
// the spreadsheet and the dashboard read them by name (docs/decisions/035-statistics-table.md).
import { type Education, type ReserveStatus, SOURCES, type Source } from './enums.ts';
import { enumLabel, type Lang } from './messages.ts';

type Label = Record<Lang, string>;

/** Age brackets at the table's date, in whole years: [from, to], either end open (null). */
export const STAT_AGE_BRACKETS = [
  { measure: 'AGE_UPTO_30', from: null, to: 30, label: { 'zh-CN': '30岁及以下', en: '≤ 30' } },
  { measure: 'AGE_31_35', from: 31, to: 35, label: { 'zh-CN': '31—35岁', en: '31–35' } },
  { measure: 'AGE_36_40', from: 36, to: 40, label: { 'zh-CN': '36—40岁', en: '36–40' } },
  { measure: 'AGE_41_45', from: 41, to: 45, label: { 'zh-CN': '41—45岁', en: '41–45' } },
  { measure: 'AGE_46_50', from: 46, to: 50, label: { 'zh-CN': '46—50岁', en: '46–50' } },
  { measure: 'AGE_OVER_50', from: 51, to: null, label: { 'zh-CN': '51岁及以上', en: '> 50' } },
] as const satisfies readonly { measure: string; from: number | null; to: number | null; label: Label }[];

/** Education groups of the highest education (学历), together every education once. */
export const STAT_EDUCATION_GROUPS = [
  { measure: 'EDU_GRADUATE', educations: ['MASTER', 'DOCTORATE'], label: { 'zh-CN': '研究生', en: 'Graduate' } },
  { measure: 'EDU_UNIVERSITY', educations: ['BACHELOR'], label: { 'zh-CN': '大学', en: 'University' } },
  { measure: 'EDU_COLLEGE', educations: ['ASSOCIATE'], label: { 'zh-CN': '大专', en: 'College' } },
  {
    measure: 'EDU_SECONDARY_OR_BELOW',
    educations: ['SECONDARY', 'HIGH_SCHOOL'],
    label: { 'zh-CN': '中专及以下', en: 'Secondary or below' },
  },
] as const satisfies readonly { measure: string; educations: readonly Education[]; label: Label }[];

/** A source channel's label in each language (the enum's own). */
const sourceLabel = (source: Source): Label => ({
  'zh-CN': enumLabel('Source', source, 'zh-CN'),
  en: enumLabel('Source', source, 'en'),
});

/** The year's intake from a source channel (INTAKE_OPEN_SELECTION, …). */
export const intakeMeasure = (source: Source) => `INTAKE_${source}` as const;

/** How an entry can leave the pool: promoted, removed (调整出库) or at the end of its period. */
export const EXIT_STATUSES = ['PROMOTED', 'REMOVED', 'EXPIRED'] as const satisfies readonly ReserveStatus[];

/** The year's exits that ended so (EXITS_PROMOTED, …). */
export const exitMeasure = (status: (typeof EXIT_STATUSES)[number]) => `EXITS_${status}` as const;

/** The source channel's measure (SOURCE_DEMOCRATIC_RECOMMENDATION, …). */
export const sourceMeasure = (source: Source) => `SOURCE_${source}` as const;

/** The column groups of the table, in the printed order; `parts` marks groups whose columns add up to the total. */
export interface StatGroup {
  key: string;
  label: Label;
  /** True when the group's columns split the total: each entry in exactly one. */
  parts: boolean;
  /** False for the year's flows, which count entries not necessarily in the pool at the date. */
  shares: boolean;
  columns: readonly { measure: string; label: Label }[];
}

export const STAT_GROUPS: readonly StatGroup[] = [
  {
    key: 'total',
    label: { 'zh-CN': '合计', en: 'Total' },
    parts: false,
    shares: false,
    columns: [{ measure: 'ENTRIES', label: { 'zh-CN': '后备干部总数', en: 'Reserves' } }],
  },
  {
    key: 'structure',
    label: { 'zh-CN': '结构', en: 'Structure' },
    parts: false,
    shares: true,
    columns: [
      { measure: 'WOMEN', label: { 'zh-CN': '女性', en: 'Women' } },
      { measure: 'MINORITY', label: { 'zh-CN': '少数民族', en: 'Minorities' } },
      { measure: 'NON_CPC', label: { 'zh-CN': '非中共党员', en: 'Non-CPC' } },
    ],
  },
  {
    key: 'age',
    label: { 'zh-CN': '年龄', en: 'Age' },
    parts: true,
    shares: true,
    columns: STAT_AGE_BRACKETS.map(({ measure, label }) => ({ measure, label })),
  },
  {
    key: 'education',
    label: { 'zh-CN': '学历', en: 'Education' },
    parts: true,
    shares: true,
    columns: STAT_EDUCATION_GROUPS.map(({ measure, label }) => ({ measure, label })),
  },
  {
    key: 'tier',
    label: { 'zh-CN': '成熟度', en: 'Readiness' },
    parts: true,
    shares: true,
    columns: [
      { measure: 'NEAR_TERM', label: { 'zh-CN': '近期可用', en: 'Near term' } },
      { measure: 'MID_TERM', label: { 'zh-CN': '中期', en: 'Mid term' } },
      { measure: 'LONG_TERM', label: { 'zh-CN': '远期', en: 'Long term' } },
    ],
  },
  {
    key: 'source',
    label: { 'zh-CN': '来源', en: 'Source' },
    parts: true,
    shares: true,
    columns: SOURCES.map((s) => ({ measure: sourceMeasure(s), label: sourceLabel(s) })),
  },
  {
    key: 'flow',
    label: { 'zh-CN': '本年度变动', en: 'This year' },
    parts: false,
    shares: false,
    columns: [
      { measure: 'INTAKE', label: { 'zh-CN': '新入库', en: 'Intake' } },
      { measure: 'EXITS', label: { 'zh-CN': '退出', en: 'Exits' } },
    ],
  },
];

/** Every column's measure, in the printed order. */
export const STAT_MEASURES: readonly string[] = STAT_GROUPS.flatMap((g) => g.columns.map((c) => c.measure));
