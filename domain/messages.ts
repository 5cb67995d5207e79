// Every message a user may read from the server, in each language the product speaks, by key.
// A DomainError carries its key and parameters; the API answers in the request's language
// (Accept-Language, zh-CN unless English is preferred), commands in the operator's (LANG), and
// the dashboard may render the same key from `extensions.messageKey` and `extensions.params`.
// Parameters are plain values; an enum value among them is shown through its label here, never
// raw. A test walks every key and fails when a language lacks it or a template names a parameter
// the other language does not.

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

type Templates = Record<Lang, string>;

/**
 * Labels of the enum values a message may name, as `Type.VALUE` (see `enumParam`): the
 * dashboard's own labels (test/unit/messages.test.ts keeps the two the same).
 */
export const ENUM_LABELS: Record<string, Templates> = {
  'ProcedureGate.RECOMMENDATION_MISSING': { 'zh-CN': '缺少民主推荐', en: 'Recommendation missing' },
  'ProcedureGate.RECOMMENDATION_FAILED': { 'zh-CN': '民主推荐未通过', en: 'Recommendation failed' },
  'ProcedureGate.ELIMINATED': { 'zh-CN': '评分淘汰', en: 'Eliminated by score' },
  'ProcedureGate.INSPECTION_MISSING': { 'zh-CN': '缺少考察', en: 'Inspection missing' },
  'ProcedureGate.INSPECTION_UNFIT': { 'zh-CN': '考察不合格', en: 'Found unfit' },
  'ProcedureGate.NOTICE_OPEN': { 'zh-CN': '公示期未满', en: 'Notice open' },
  'ProcedureGate.OBJECTION_PENDING': { 'zh-CN': '异议待处理', en: 'Objection pending' },
  'InspectionVerdict.FIT': { 'zh-CN': '合格', en: 'Fit' },
  'InspectionVerdict.UNFIT': { 'zh-CN': '不合格', en: 'Unfit' },
  'ObjectionOutcome.PENDING': { 'zh-CN': '待处理', en: 'Pending' },
  'ObjectionOutcome.UPHELD': { 'zh-CN': '异议成立', en: 'Upheld' },
  'ObjectionOutcome.DISMISSED': { 'zh-CN': '异议不成立', en: 'Dismissed' },
  'ObjectionAction.SEND_BACK': { 'zh-CN': '退回考察', en: 'Send back to inspection' },
  'ObjectionAction.REJECT': { 'zh-CN': '不予通过', en: 'Reject' },
  'EliminationDecisionKind.KEEP': { 'zh-CN': '保留', en: 'Keep' },
  'EliminationDecisionKind.REMOVE': { 'zh-CN': '调整出库', en: 'Remove' },
  'ReserveStatus.NOMINATED': { 'zh-CN': '已提名', en: 'Nominated' },
  'ReserveStatus.INSPECTING': { 'zh-CN': '考察中', en: 'Inspecting' },
  'ReserveStatus.PUBLICIZING': { 'zh-CN': '公示中', en: 'Public notice' },
  'ReserveStatus.ACTIVE': { 'zh-CN': '在库', en: 'Active' },
  'ReserveStatus.PROMOTED': { 'zh-CN': '已提拔', en: 'Promoted' },
  'ReserveStatus.REMOVED': { 'zh-CN': '已调出', en: 'Removed' },
  'ReserveStatus.EXPIRED': { 'zh-CN': '期满退出', en: 'Expired' },
  'ReserveStatus.REJECTED': { 'zh-CN': '未通过', en: 'Rejected' },
  'PositionKind.PRINCIPAL': { 'zh-CN': '正职', en: 'Principal' },
  'PositionKind.DEPUTY': { 'zh-CN': '副职', en: 'Deputy' },
  'Tier.NEAR_TERM': { 'zh-CN': '近期可用', en: 'Near term' },
  'Tier.MID_TERM': { 'zh-CN': '中期', en: 'Mid term' },
  'Tier.LONG_TERM': { 'zh-CN': '远期', en: 'Long term' },
  'Education.HIGH_SCHOOL': { 'zh-CN': '高中', en: 'High school' },
  'Education.SECONDARY': { 'zh-CN': '中专', en: 'Secondary' },
  'Education.ASSOCIATE': { 'zh-CN': '大专', en: 'Associate' },
  'Education.BACHELOR': { 'zh-CN': '本科', en: 'Bachelor' },
  'Education.MASTER': { 'zh-CN': '硕士研究生', en: 'Master' },
  'Education.DOCTORATE': { 'zh-CN': '博士研究生', en: 'Doctorate' },
  'UnitKind.PARTY_GOV': { 'zh-CN': '党政机关', en: 'Party & government' },
  'UnitKind.INSTITUTION': { 'zh-CN': '事业单位', en: 'Public institution' },
  'UnitKind.ENTERPRISE': { 'zh-CN': '国有企业', en: 'State enterprise' },
  'UnitKind.TOWNSHIP': { 'zh-CN': '乡镇（街道）', en: 'Township' },
  'UnitKind.VILLAGE': { 'zh-CN': '村（社区）', en: 'Village' },
  'UnitKind.SCHOOL': { 'zh-CN': '学校', en: 'School' },
  'UnitKind.OTHER': { 'zh-CN': '其他', en: 'Other' },
  'Rank.BUREAU_PRINCIPAL': { 'zh-CN': '正厅（局）级', en: 'Bureau principal' },
  'Rank.BUREAU_DEPUTY': { 'zh-CN': '副厅（局）级', en: 'Bureau deputy' },
  'Rank.DIVISION_PRINCIPAL': { 'zh-CN': '正处级', en: 'Division principal' },
  'Rank.DIVISION_DEPUTY': { 'zh-CN': '副处级', en: 'Division deputy' },
  'Rank.SECTION_PRINCIPAL': { 'zh-CN': '正科级', en: 'Section principal' },
  'Rank.SECTION_DEPUTY': { 'zh-CN': '副科级', en: 'Section deputy' },
  'Rank.MIDDLE_PRINCIPAL': { 'zh-CN': '中层正职', en: 'Middle manager, principal' },
  'Rank.MIDDLE_DEPUTY': { 'zh-CN': '中层副职', en: 'Middle manager, deputy' },
  'Rank.VILLAGE_CADRE': { 'zh-CN': '村（社区）干部', en: 'Village cadre' },
  'Rank.STAFF': { 'zh-CN': '一般干部', en: 'Staff' },
  'EligibilityRule.AGE_LIMIT': { 'zh-CN': '年龄', en: 'Age limit' },
  'EligibilityRule.EDUCATION': { 'zh-CN': '学历', en: 'Education' },
  'EligibilityRule.FULL_TIME_BACHELOR': { 'zh-CN': '全日制本科', en: 'Full-time bachelor' },
  'EligibilityRule.YEARS_IN_LOWER_RANK': { 'zh-CN': '任职年限', en: 'Years in the rank below' },
  'EligibilityRule.WORK_YEARS': { 'zh-CN': '工作年限', en: 'Years of work' },
  'EligibilityRule.ONE_OPEN_ENTRY': { 'zh-CN': '已在库或提名中', en: 'Already has an open entry' },
  'UnitLevel.CITY': { 'zh-CN': '市级', en: 'City' },
  'UnitLevel.COUNTY': { 'zh-CN': '县级', en: 'County' },
  'UnitLevel.TOWNSHIP': { 'zh-CN': '乡镇', en: 'Township' },
  'UnitLevel.VILLAGE': { 'zh-CN': '村（社区）', en: 'Village' },
  'UnitLevel.DEPARTMENT': { 'zh-CN': '部门', en: 'Department' },
  'Role.LEADER': { 'zh-CN': '领导', en: 'Leader' },
  'Role.ORG_OFFICER': { 'zh-CN': '组织部门干部', en: 'Organization officer' },
  'Role.PLANNER': { 'zh-CN': '规划人员', en: 'Planner' },
  'Role.ADMIN': { 'zh-CN': '管理员', en: 'Administrator' },
};

/** An enum value as a message parameter: shown through its label in each language. */
export function enumParam(type: string, value: string): string {
  return `${type}.${value}`;
}

/** The messages, by key: `{{name}}` is a parameter. */
export const MESSAGES = {
  // Access.
  'auth.signInFirst': {
    'zh-CN': '请先登录（用户名和密码，或 API 令牌）',
    en: 'sign in first (login, or an API token)',
  },
  'auth.notFoundOrOutside': {
    'zh-CN': '记录不存在，或不在您的管辖范围内',
    en: 'the record does not exist or is outside your scope',
  },
  'auth.roleMayNot': { 'zh-CN': '您的角色（{{role}}）不能执行此操作', en: 'your role ({{role}}) may not do this' },
  'auth.unitNotFound': {
    'zh-CN': '单位“{{unit}}”不存在，或不在您的管辖范围内',
    en: 'unit "{{unit}}" does not exist or is outside your scope',
  },
  'auth.wrongPassword': { 'zh-CN': '用户名或密码错误', en: 'wrong username or password' },
  'auth.throttled': {
    'zh-CN': '登录失败次数过多，请 {{seconds}} 秒后再试',
    en: 'too many failed sign-ins; try again in {{seconds}} s',
  },
  // Reserve entries.
  'reserve.notFound': {
    'zh-CN': '后备干部记录“{{entry}}”不存在，或不在您的管辖范围内',
    en: 'reserve entry "{{entry}}" does not exist or is outside your scope',
  },
  'reserve.openEntryExists': {
    'zh-CN': '人员“{{person}}”已有一条进行中的后备干部记录：{{entry}}（{{status}}）',
    en: 'person "{{person}}" already has an open entry, {{entry}} ({{status}})',
  },
  'reserve.openEntryElsewhere': {
    'zh-CN': '人员“{{person}}”已在您管辖范围以外的单位有一条进行中的后备干部记录',
    en: 'person "{{person}}" already has an open entry, in a unit outside your scope',
  },
  'reserve.changedMeanwhile': {
    'zh-CN': '{{what}}已被他人修改，请刷新后重试',
    en: '{{what}} changed meanwhile; reload and try again',
  },
  // Input.
  'input.inFuture': { 'zh-CN': '{{what}}：日期 {{on}} 晚于今天', en: '{{what}}: {{on}} is in the future' },
  'input.pageRange': {
    'zh-CN': '{{name}} 应在 0 到 {{max}} 之间，收到 {{value}}',
    en: '{{name}} must be between 0 and {{max}}, got {{value}}',
  },
  // Database conflicts (server/errors.ts).
  'db.duplicate': {
    'zh-CN': '已有相同编号的记录（是否同时有人写入？）请刷新后重试',
    en: 'a record with the same key exists (written at the same time?); reload and try again',
  },
  'db.missingReference': {
    'zh-CN': '所引用的记录不存在（或刚被删除）',
    en: 'the record refers to a record that does not exist (or was just removed)',
  },
  'db.notFound': { 'zh-CN': '要修改的记录不存在', en: 'the record to change does not exist' },
  'db.busy': {
    'zh-CN': '数据库正忙于另一项修改，请重试',
    en: 'the database was busy with a concurrent change; try again',
  },
  'server.unexpected': { 'zh-CN': '服务器出错了，请稍后重试', en: 'Unexpected error.' },
} as const satisfies Record<string, Templates>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number | null | undefined>;

/** The message `key` in `lang`, its parameters filled in (enum values by their labels). */
export function formatMessage(key: MessageKey, params: MessageParams, lang: Lang): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === null || value === undefined) return '';
    const text = String(value);
    return ENUM_LABELS[text]?.[lang] ?? text;
  });
}

/**
 * The language of an Accept-Language header: English when an English tag comes before any
 * Chinese one, else the default (zh-CN). Weights are honoured (`en;q=0.9, zh;q=1` is Chinese).
 */
export function langOf(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const tags = acceptLanguage
    .slice(0, 512)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of tags) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  }
  return DEFAULT_LANG;
}
