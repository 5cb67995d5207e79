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
  'EliminationGround.OVER_AGE': { 'zh-CN': '超龄', en: 'Over age' },
  'EliminationGround.INCOMPETENT_GRADE': { 'zh-CN': '年度考核不称职', en: 'Incompetent grade' },
  'EliminationGround.INCOMPETENT_VOTES': { 'zh-CN': '不称职票超比例', en: 'Incompetent votes' },
  'EliminationGround.LOW_PERCENTILE': { 'zh-CN': '连续排名靠后', en: 'Low percentile' },
  'EliminationGround.DISQUALIFYING_MATTER': {
    'zh-CN': '重大事项经核查不宜继续培养',
    en: 'Major matter found disqualifying',
  },
  'ProcedureGate.INSPECTION_MISSING': { 'zh-CN': '缺少考察', en: 'Inspection missing' },
  'ProcedureGate.INSPECTION_UNFIT': { 'zh-CN': '考察不合格', en: 'Found unfit' },
  'ProcedureGate.NOTICE_OPEN': { 'zh-CN': '公示期未满', en: 'Notice open' },
  'ProcedureGate.OBJECTION_PENDING': { 'zh-CN': '异议待处理', en: 'Objection pending' },
  'ProcedureGate.DECISION_MISSING': { 'zh-CN': '缺少集体决定', en: 'Decision missing' },
  'ProcedureGate.DECISION_REJECTED': { 'zh-CN': '会议未通过', en: 'Not adopted' },
  'ProcedureGate.APPROVAL_PENDING': { 'zh-CN': '待上级审批', en: 'Approval pending' },
  'ProcedureGate.APPROVAL_RETURNED': { 'zh-CN': '上级退回', en: 'Returned by the higher level' },
  'ProcedureGate.APPOINTMENT_NOTICE': { 'zh-CN': '任前公示', en: 'Appointment notice' },
  'ProcedureGate.QUALIFICATION_EXAM': { 'zh-CN': '缺任职资格考试', en: 'No qualification exam' },
  'ProcedureGate.DISCIPLINE_OPINION': { 'zh-CN': '缺纪检意见', en: 'No discipline opinion' },
  'MajorMatterKind.UNIT_CHANGE': { 'zh-CN': '工作单位变动', en: 'Change of work unit' },
  'MajorMatterKind.EDUCATION': { 'zh-CN': '参加学历教育', en: 'Degree study' },
  'MajorMatterKind.HONOUR': { 'zh-CN': '获得荣誉称号', en: 'Honour' },
  'MajorMatterKind.PENALTY': { 'zh-CN': '受到党纪政纪处分', en: 'Party or administrative penalty' },
  'MajorMatterKind.COMPLAINT': { 'zh-CN': '群众来信来访反映问题', en: 'Complaint by letter or visit' },
  'ProcedureGate.DUTY_REPORT': { 'zh-CN': '推荐前未述职', en: 'No duty report before the recommendation' },
  'FilingKind.FILING': { 'zh-CN': '备案', en: 'Filing' },
  'FilingKind.APPROVAL': { 'zh-CN': '审批', en: 'Approval' },
  'FilingStatus.PENDING': { 'zh-CN': '待处理', en: 'Pending' },
  'FilingStatus.ACKNOWLEDGED': { 'zh-CN': '已备案', en: 'Filed' },
  'FilingStatus.APPROVED': { 'zh-CN': '已批准', en: 'Approved' },
  'FilingStatus.RETURNED': { 'zh-CN': '已退回', en: 'Returned' },
  'FilingStatus.WITHDRAWN': { 'zh-CN': '已撤回', en: 'Withdrawn' },
  'FilingAction.ACKNOWLEDGE': { 'zh-CN': '备案', en: 'Acknowledge' },
  'FilingAction.APPROVE': { 'zh-CN': '批准', en: 'Approve' },
  'FilingAction.RETURN': { 'zh-CN': '退回', en: 'Return' },
  'InspectionVerdict.FIT': { 'zh-CN': '合格', en: 'Fit' },
  'MeetingSubject.ADMISSION': { 'zh-CN': '确定入库', en: 'Admission' },
  'MeetingSubject.REMOVAL': { 'zh-CN': '调整出库', en: 'Removal' },
  'MeetingSubject.SELECTION_PLAN': { 'zh-CN': '选拔方案', en: 'Selection plan' },
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
  'EligibilityRule.YEARS_IN_LOWER_RANK': { 'zh-CN': '任职年限', en: 'Years in the rank or the one below' },
  'EligibilityRule.RANK_ABOVE_TARGET': { 'zh-CN': '职级高于拟任层次', en: 'Rank above the target' },
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
  'PoliticalStatus.CPC': { 'zh-CN': '中共党员', en: 'CPC member' },
  'PoliticalStatus.DEMOCRATIC_PARTY': { 'zh-CN': '民主党派', en: 'Democratic party' },
  'PoliticalStatus.NON_PARTY': { 'zh-CN': '无党派人士', en: 'Non-party' },
  'PoliticalStatus.MASSES': { 'zh-CN': '群众', en: 'Masses' },
  'Title.NONE': { 'zh-CN': '无', en: 'None' },
  'Title.JUNIOR': { 'zh-CN': '初级', en: 'Junior' },
  'Title.INTERMEDIATE': { 'zh-CN': '中级', en: 'Intermediate' },
  'Title.SUB_SENIOR': { 'zh-CN': '副高级', en: 'Sub-senior' },
  'Title.SENIOR': { 'zh-CN': '正高级', en: 'Senior' },
  'Direction.ECONOMY': { 'zh-CN': '经济', en: 'Economy' },
  'Direction.LEGAL': { 'zh-CN': '政法', en: 'Legal' },
  'Direction.SOCIAL': { 'zh-CN': '社会', en: 'Social' },
  'Direction.URBAN': { 'zh-CN': '城建', en: 'Urban' },
  'Direction.AGRICULTURE': { 'zh-CN': '农业农村', en: 'Agriculture' },
  'Direction.PARTY': { 'zh-CN': '党务', en: 'Party affairs' },
  'Source.DEMOCRATIC_RECOMMENDATION': { 'zh-CN': '民主推荐', en: 'Democratic recommendation' },
  'Source.OPEN_SELECTION': { 'zh-CN': '公开选拔', en: 'Open selection' },
  'Source.EXAM_SELECTION': { 'zh-CN': '竞争性选拔', en: 'Exam selection' },
  'Source.SELF_NOMINATION': { 'zh-CN': '个人自荐', en: 'Self-nomination' },
  'Source.ORG_NOMINATION': { 'zh-CN': '组织推荐', en: 'Organization nomination' },
  'Source.SELECTED_GRADUATE': { 'zh-CN': '选调生', en: 'Selected graduate' },
  'Source.OTHER': { 'zh-CN': '其他', en: 'Other' },
  'TrainingKind.CENTRALIZED': { 'zh-CN': '集中培训', en: 'Centralized' },
  'TrainingKind.PARTY_SCHOOL': { 'zh-CN': '党校培训', en: 'Party school' },
  'TrainingKind.ASSIGNED': { 'zh-CN': '调训', en: 'Assigned' },
  'TrainingKind.ONLINE': { 'zh-CN': '网络培训', en: 'Online' },
  'TrainingKind.SPECIAL': { 'zh-CN': '专题培训', en: 'Special' },
  'TrainingKind.DEGREE': { 'zh-CN': '学历教育', en: 'Degree' },
  'Grade.EXCELLENT': { 'zh-CN': '优秀', en: 'Excellent' },
  'Grade.COMPETENT': { 'zh-CN': '称职', en: 'Competent' },
  'Grade.BASICALLY_COMPETENT': { 'zh-CN': '基本称职', en: 'Basically competent' },
  'Grade.INCOMPETENT': { 'zh-CN': '不称职', en: 'Incompetent' },
  'PracticeKind.SECONDMENT': { 'zh-CN': '挂职', en: 'Secondment' },
  'PracticeKind.ROTATION': { 'zh-CN': '轮岗', en: 'Rotation' },
  'PracticeKind.PART_TIME': { 'zh-CN': '兼职', en: 'Part-time post' },
  // The compliance rules (the age rules' labels carry the policy's ages as {{from}}, {{to}}, {{under}}).
  'ComplianceRule.RATIO_PRINCIPAL': { 'zh-CN': '正职后备配备比例', en: 'Principal ratio' },
  'ComplianceRule.RATIO_DEPUTY': { 'zh-CN': '副职后备配备比例', en: 'Deputy ratio' },
  'ComplianceRule.SPECIAL_SHARE': { 'zh-CN': '特殊结构占比', en: 'Special structure' },
  'ComplianceRule.NEAR_TERM_PRINCIPAL': { 'zh-CN': '正职近期可用占比', en: 'Principal near-term' },
  'ComplianceRule.NEAR_TERM_DEPUTY': { 'zh-CN': '副职近期可用占比', en: 'Deputy near-term' },
  'ComplianceRule.AGE_BAND_PRINCIPAL': {
    'zh-CN': '正职年龄主体（{{from}}–{{to}}岁）',
    en: 'Principal age band ({{from}}–{{to}})',
  },
  'ComplianceRule.AGE_BAND_DEPUTY': {
    'zh-CN': '副职年龄主体（{{from}}–{{to}}岁）',
    en: 'Deputy age band ({{from}}–{{to}})',
  },
  'ComplianceRule.YOUNG_PRINCIPAL': { 'zh-CN': '正职不满{{under}}岁', en: 'Principal under {{under}}' },
  'ComplianceRule.YOUNG_DEPUTY': { 'zh-CN': '副职不满{{under}}岁', en: 'Deputy under {{under}}' },
  'ComplianceRule.BACHELOR_SHARE': { 'zh-CN': '本科及以上占比', en: 'Bachelor or above' },
  'ComplianceRule.TRAINING_COVERAGE': { 'zh-CN': '培训覆盖率', en: 'Training coverage' },
  'ComplianceRule.CADRE_TRAINING_RATE': { 'zh-CN': '干部培训率', en: 'Cadre training rate' },
  'ComplianceRule.SUCCESSION_PRINCIPAL': { 'zh-CN': '正职接续', en: 'Principal succession' },
  'ComplianceRule.SUCCESSION_DEPUTY': { 'zh-CN': '副职接续', en: 'Deputy succession' },
  'ComplianceRule.TRAINING_PROGRESS': { 'zh-CN': '本年培训进度', en: 'Training this year so far' },
  'ComplianceRule.DEPARTMENT_QUOTA': { 'zh-CN': '按部门数配备', en: 'Reserves per department' },
  'ComplianceRule.VILLAGE_QUOTA': { 'zh-CN': '村（社区）后备人数', en: 'Reserves per village' },
  // The default policy's voter groups, score rounds and their parts (policy keys, labelled as the
  // dashboard labels them; a key a policy adds is shown as it is).
  'VoterGroup.LEADERSHIP_TEAM': { 'zh-CN': '班子成员', en: 'Leadership team' },
  'VoterGroup.MIDDLE_MANAGERS': { 'zh-CN': '中层干部', en: 'Middle managers' },
  'VoterGroup.MEMBERS': { 'zh-CN': '普通党员', en: 'Party members' },
  'VoterGroup.MASSES': { 'zh-CN': '群众', en: 'The public' },
  'ScoreRound.WRITTEN': { 'zh-CN': '笔试', en: 'Written test' },
  'ScoreRound.SPEECH': { 'zh-CN': '演讲答辩', en: 'Speech and defence' },
  'ScoreRound.INSPECTION': { 'zh-CN': '组织考察', en: 'Inspection' },
  'ScorePart.LEADERSHIP': { 'zh-CN': '领导评价', en: 'Leadership' },
  'ScorePart.MIDDLE_MANAGERS': { 'zh-CN': '中层干部评价', en: 'Middle managers' },
  'ScorePart.STAFF': { 'zh-CN': '职工评价', en: 'Staff' },
};

/**
 * Names of the input fields a message may name (see `fieldParam`): in English the field as the
 * API spells it, in Chinese what it is.
 */
export const FIELD_LABELS: Record<string, Templates> = {
  // Dates of the records around an entry.
  'Field.on': { 'zh-CN': '日期', en: 'on' },
  'Field.heldOn': { 'zh-CN': '民主推荐日期', en: 'heldOn' },
  'Field.startedOn': { 'zh-CN': '考察开始日期', en: 'startedOn' },
  'Field.concludedOn': { 'zh-CN': '考察结束日期', en: 'concludedOn' },
  'Field.disciplineOpinionOn': { 'zh-CN': '纪检意见日期', en: 'disciplineOpinionOn' },
  'Field.since': { 'zh-CN': '带培开始日期', en: 'since' },
  'Field.until': { 'zh-CN': '带培结束日期', en: 'until' },
  // Texts.
  'Field.note': { 'zh-CN': '备注', en: 'note' },
  'Field.certificateNo': { 'zh-CN': '证书编号', en: 'certificateNo' },
  'Field.disciplineOpinion': { 'zh-CN': '纪检意见', en: 'disciplineOpinion' },
  'Field.notes': { 'zh-CN': '谈话要点', en: 'notes' },
  'Field.reason': { 'zh-CN': '理由', en: 'reason' },
  'Field.mentorName': { 'zh-CN': '导师姓名', en: 'mentorName' },
  'Field.conclusion': { 'zh-CN': '考察意见', en: 'conclusion' },
  'Field.summary': { 'zh-CN': '异议内容', en: 'summary' },
  'Field.finding': { 'zh-CN': '核查结论', en: 'finding' },
  'Field.audience': { 'zh-CN': '述职范围', en: 'audience' },
  'Field.outline': { 'zh-CN': '述职要点', en: 'outline' },
  'Field.reportId': { 'zh-CN': '述职记录', en: 'reportId' },
  'Field.disqualifying': { 'zh-CN': '不宜继续培养', en: 'disqualifying' },
  // A person's records (trainings, assessments, practice assignments).
  'Field.personId': { 'zh-CN': '人员编号', en: 'personId' },
  'Field.program': { 'zh-CN': '培训项目', en: 'program' },
  'Field.kind': { 'zh-CN': '类别', en: 'kind' },
  'Field.start': { 'zh-CN': '开始日期', en: 'start' },
  'Field.end': { 'zh-CN': '结束日期', en: 'end' },
  'Field.days': { 'zh-CN': '天数', en: 'days' },
  'Field.hours': { 'zh-CN': '学时', en: 'hours' },
  'Field.credits': { 'zh-CN': '学分', en: 'credits' },
  'Field.completed': { 'zh-CN': '是否结业', en: 'completed' },
  'Field.year': { 'zh-CN': '年度', en: 'year' },
  'Field.grade': { 'zh-CN': '考核等次', en: 'grade' },
  'Field.incompetentVoteShare': { 'zh-CN': '不称职票比例', en: 'incompetentVoteShare' },
  'Field.deptPercentile': { 'zh-CN': '部门内排名百分位', en: 'deptPercentile' },
  'Field.unitCode': { 'zh-CN': '单位', en: 'unitCode' },
  'Field.reportScore': { 'zh-CN': '鉴定评分', en: 'reportScore' },
  'Field.managerScore': { 'zh-CN': '部门负责人评分', en: 'managerScore' },
  'Field.hrScore': { 'zh-CN': '人力资源部门评分', en: 'hrScore' },
  // Ballots of a voter group.
  'Field.expected': { 'zh-CN': '应到人数', en: 'expected' },
  'Field.cast': { 'zh-CN': '实到人数', en: 'cast' },
  'Field.favour': { 'zh-CN': '赞成票', en: 'favour' },
  'Field.against': { 'zh-CN': '反对票', en: 'against' },
  'Field.abstain': { 'zh-CN': '弃权票', en: 'abstain' },
  // A meeting's attendance.
  'Field.members': { 'zh-CN': '应到会成员', en: 'members' },
  'Field.present': { 'zh-CN': '实到会成员', en: 'present' },
  'Field.body': { 'zh-CN': '会议名称', en: 'body' },
  'Field.items': { 'zh-CN': '议题', en: 'items' },
  'Field.meetingId': { 'zh-CN': '会议编号', en: 'meetingId' },
  'Field.invalid': { 'zh-CN': '废票', en: 'invalid' },
  'Field.votes': { 'zh-CN': '得票', en: 'votes' },
  // Arguments.
  'Field.first': { 'zh-CN': '每页条数', en: 'first' },
  'Field.last': { 'zh-CN': '每页条数', en: 'last' },
  'Field.after': { 'zh-CN': '翻页位置', en: 'after' },
  'Field.search': { 'zh-CN': '搜索文字', en: 'search' },
  'Field.ids': { 'zh-CN': '编号列表', en: 'ids' },
  'Field.code': { 'zh-CN': '编码', en: 'code' },
  'Field.name': { 'zh-CN': '名称', en: 'name' },
  'Field.title': { 'zh-CN': '职务名称', en: 'title' },
  'Field.status': { 'zh-CN': '状态', en: 'status' },
  'Field.kinds': { 'zh-CN': '类别', en: 'kinds' },
  'Field.measure': { 'zh-CN': '统计指标', en: 'measure' },
  'Field.horizonYears': { 'zh-CN': '预测年数', en: 'horizonYears' },
  'Field.username': { 'zh-CN': '用户名', en: 'username' },
  'Field.password': { 'zh-CN': '密码', en: 'password' },
  'Field.approver': { 'zh-CN': '批准人', en: 'approver' },
  'Field.reserveId': { 'zh-CN': '后备干部记录编号', en: 'reserveId' },
  'Field.positionCode': { 'zh-CN': '职位编码', en: 'positionCode' },
};

/** An enum value as a message parameter: shown through its label in each language. */
export function enumParam(type: string, value: string): string {
  return `${type}.${value}`;
}

/**
 * An input field as a message parameter: its name (or path, `input.reason`) in English, what it
 * is in Chinese (the label of the path's last name; the path itself when it has none).
 */
export function fieldParam(name: string): string {
  return `Field.${name}`;
}

/** Another message as a parameter: formatted in the language of the message it is part of. */
export function messageParam(key: MessageKey, params: MessageParams = {}): MessageRef {
  return { key, params };
}

/**
 * Several values as one parameter, joined as the language joins them: a list ("A, B" / "A、B"),
 * alternatives ("A or B" / "A或B") or sentences ("x; y" / "x；y").
 */
export function listParam(items: readonly MessageParam[], join: MessageList['join'] = 'list'): MessageList {
  return { items: [...items], join };
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
  // Accounts and API tokens (server/auth/accounts.ts, server/schema/auth.ts).
  'account.passwordLength': {
    'zh-CN': '密码应为 {{min}} 至 {{max}} 个字符，当前为 {{length}} 个',
    en: 'a password has {{min}} to {{max}} characters, got {{length}}',
  },
  'account.usernameFormat': {
    'zh-CN': '用户名应为 2 至 64 个字符，只能包含字母、数字及 . _ @ - 符号',
    en: 'a username has 2 to 64 letters, digits, or . _ @ -',
  },
  'account.roleUnknown': { 'zh-CN': '角色应为以下之一：{{roles}}', en: 'role must be one of {{roles}}' },
  'account.unitUnknown': { 'zh-CN': '单位“{{unit}}”不存在', en: 'unit "{{unit}}" does not exist' },
  'account.userExists': { 'zh-CN': '用户“{{user}}”已存在', en: 'user "{{user}}" already exists' },
  'account.userUnknown': { 'zh-CN': '用户“{{user}}”不存在', en: 'user "{{user}}" does not exist' },
  'account.userNotFound': {
    'zh-CN': '用户“{{user}}”不存在，或不在您的管辖范围内',
    en: 'user "{{user}}" does not exist or is outside your scope',
  },
  'account.tokenDays': { 'zh-CN': '令牌有效期应为 1 至 366 天', en: 'a token lasts 1 to 366 days' },
  'account.currentPasswordWrong': { 'zh-CN': '当前密码不正确', en: 'the current password is wrong' },
  'account.wholeTreeOnly': {
    'zh-CN': '只有管辖全部单位的管理员才能创建管辖全部单位的账户',
    en: 'only an administrator of the whole tree creates accounts of the whole tree',
  },
  'account.cannotDisableSelf': { 'zh-CN': '不能停用自己的账户', en: 'you cannot disable your own account' },
  'account.tokenNotFound': {
    'zh-CN': '令牌 {{token}} 不存在，或不属于您',
    en: 'token {{token}} does not exist or is not yours',
  },
  // People, positions and their records.
  'person.notFound': {
    'zh-CN': '人员“{{person}}”不存在，或不在您的管辖范围内',
    en: 'person "{{person}}" does not exist or is outside your scope',
  },
  'position.notFound': {
    'zh-CN': '职位“{{position}}”不存在，或不在您的管辖范围内',
    en: 'position "{{position}}" does not exist or is outside your scope',
  },
  'training.notFound': {
    'zh-CN': '培训记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'training {{id}} does not exist or is outside your scope',
  },
  'assessment.notFound': {
    'zh-CN': '年度考核记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'assessment {{id}} does not exist or is outside your scope',
  },
  'practice.notFound': {
    'zh-CN': '实践锻炼记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'practice {{id}} does not exist or is outside your scope',
  },
  'record.trainingOf': { 'zh-CN': '人员“{{person}}”的培训记录', en: 'training of person "{{person}}"' },
  'record.training': { 'zh-CN': '培训记录 {{id}}', en: 'training {{id}}' },
  'record.assessmentOf': { 'zh-CN': '人员“{{person}}”的年度考核记录', en: 'assessment of person "{{person}}"' },
  'record.assessment': { 'zh-CN': '年度考核记录 {{id}}', en: 'assessment {{id}}' },
  'record.practiceOf': { 'zh-CN': '人员“{{person}}”的实践锻炼记录', en: 'practice of person "{{person}}"' },
  'record.practice': { 'zh-CN': '实践锻炼记录 {{id}}', en: 'practice {{id}}' },
  'record.fieldProblem': {
    'zh-CN': '{{record}}，“{{field}}”一项：{{problem}}',
    en: '{{record}}, field "{{field}}": {{problem}}',
  },
  'training.completedInFuture': {
    'zh-CN': '开始日期 {{start}} 晚于今天，培训尚不能记为已结业',
    en: '{{start}} is in the future, so the training cannot be completed yet',
  },
  'assessment.yearNotBegun': { 'zh-CN': '{{year}} 年度尚未开始', en: '{{year}} has not begun yet' },
  'assessment.yearTaken': {
    'zh-CN': '人员“{{person}}”已有 {{year}} 年度考核记录，请更正该记录',
    en: 'person "{{person}}" already has an assessment for {{year}}; correct that one instead',
  },
  'practice.endBeforeStart': {
    'zh-CN': '结束日期 {{end}} 早于开始日期 {{start}}',
    en: '{{end}} is before start {{start}}',
  },
  'practice.scoresOnlyRotation': {
    'zh-CN': '只有轮岗才由部门负责人评分和人力资源部门评分合成鉴定评分',
    en: "only a rotation has a report from a manager's and HR's scores",
  },
  'practice.bothScores': {
    'zh-CN': '请同时填写部门负责人评分和人力资源部门评分，或只填写鉴定评分',
    en: 'give both managerScore and hrScore, or reportScore alone',
  },
  'practice.scoresNotBoth': {
    'zh-CN': '鉴定评分与部门负责人评分、人力资源部门评分不能同时填写',
    en: 'give reportScore or managerScore and hrScore, not both',
  },
  'practice.scoreNeedsEnd': {
    'zh-CN': '鉴定评分在实践锻炼结束时给出：请填写结束日期',
    en: 'a report score is given at the end of the assignment: give its end',
  },
  'practice.endInFuture': {
    'zh-CN': '结束日期 {{end}} 晚于今天：鉴定须在实践锻炼结束后作出',
    en: '{{end}} is in the future: the report comes after the assignment ends',
  },
  // A value against its field's rules (the dataset format's, also for the API's inputs).
  'value.notNull': { 'zh-CN': '不能为空', en: 'must not be null' },
  'value.missing': { 'zh-CN': '缺失', en: 'is missing' },
  'value.atLeast': { 'zh-CN': '应不小于 {{min}}，收到 {{value}}', en: 'must be at least {{min}}, got {{value}}' },
  'value.atMost': { 'zh-CN': '应不大于 {{max}}，收到 {{value}}', en: 'must be at most {{max}}, got {{value}}' },
  'value.tooLong': {
    'zh-CN': '最多 {{max}} 个字符，收到 {{length}} 个',
    en: 'must be at most {{max}} characters, got {{length}}',
  },
  'value.dateRange': {
    'zh-CN': '应为 {{min}} 至 {{max}} 之间的日期，收到 {{value}}',
    en: 'must be a date from {{min}} to {{max}}, got {{value}}',
  },
  'value.afterToday': {
    'zh-CN': '不能晚于今天（{{today}}），收到 {{value}}',
    en: 'must not be after today ({{today}}), got {{value}}',
  },
  'value.notText': { 'zh-CN': '应为非空文本，收到 {{value}}', en: 'must be a non-empty string, got {{value}}' },
  'value.notDate': {
    'zh-CN': '应为“年-月-日”格式的日期（如 2026-01-31），收到 {{value}}',
    en: 'must be a date YYYY-MM-DD, got {{value}}',
  },
  'value.notWhole': { 'zh-CN': '应为整数，收到 {{value}}', en: 'must be a whole number, got {{value}}' },
  'value.notNumber': { 'zh-CN': '应为数字，收到 {{value}}', en: 'must be a number, got {{value}}' },
  'value.notBoolean': { 'zh-CN': '应为 true 或 false，收到 {{value}}', en: 'must be true or false, got {{value}}' },
  'value.notOneOf': {
    'zh-CN': '应为以下之一：{{values}}，收到 {{value}}',
    en: 'must be one of {{values}}, got {{value}}',
  },
  'text.control': {
    'zh-CN': '第 {{position}} 个字符是控制字符（{{char}}）',
    en: 'holds a control character ({{char}}) at position {{position}}',
  },
  'text.bidi': {
    'zh-CN': '第 {{position}} 个字符是双向文本控制字符（{{char}}）',
    en: 'holds a bidirectional control character ({{char}}) at position {{position}}',
  },
  'text.surrogate': {
    'zh-CN': '第 {{position}} 个字符不完整（孤立的代理码元 {{char}}）',
    en: 'holds half a character (a lone surrogate, {{char}}) at position {{position}}',
  },
  'input.textLength': { 'zh-CN': '{{field}}应为 1 至 {{max}} 个字符', en: '{{field}} must be 1 to {{max}} characters' },
  // Reserve entries.
  // Reasons the program writes into an entry's history (stored by key, read in the reader's language).
  'reason.promotedTo': { 'zh-CN': '提拔任用为{{post}}（{{code}}）', en: 'promoted to {{post}} ({{code}})' },
  'reason.appointedTo': { 'zh-CN': '任命为{{post}}（{{code}}）', en: 'appointed {{post}} ({{code}})' },
  'reason.periodEnded': {
    'zh-CN': '入库满 {{years}} 年，管理期届满',
    en: 'management period of {{years}} years ended',
  },
  'reason.elimination': {
    'zh-CN': '淘汰调整（{{grounds}}）：{{reason}}',
    en: 'elimination ({{grounds}}): {{reason}}',
  },
  'reason.objectionUpheld': {
    'zh-CN': '异议 {{objection}} 经核查成立：{{finding}}',
    en: 'objection {{objection}} upheld: {{finding}}',
  },
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
  'reserve.problem': { 'zh-CN': '后备干部记录“{{entry}}”：{{problem}}', en: 'reserve entry "{{entry}}": {{problem}}' },
  'reserve.onInFuture': {
    'zh-CN': '后备干部记录“{{entry}}”：日期 {{on}} 晚于今天',
    en: 'reserve entry "{{entry}}": on {{on}} is in the future',
  },
  'label.recommendationRound': { 'zh-CN': '民主推荐记录 {{id}}', en: 'recommendation round {{id}}' },
  'label.mentorship': { 'zh-CN': '导师带培记录 {{id}}', en: 'mentorship {{id}}' },
  'label.objection': { 'zh-CN': '异议 {{id}}', en: 'objection {{id}}' },
  // Nomination and eligibility (server/reserves/nomination.ts, domain/eligibility.ts).
  'nomination.ineligible': {
    'zh-CN': '人员“{{person}}”不符合提名条件：{{failures}}',
    en: 'person "{{person}}" is not eligible: {{failures}}',
  },
  'nomination.failedRule': { 'zh-CN': '{{rule}}条件不符：{{reason}}', en: '{{rule}} ({{reason}})' },
  'nomination.exceptionIncomplete': {
    'zh-CN': '申请例外须同时填写理由和批准人',
    en: 'an exception needs both a reason and an approver',
  },
  'nomination.exceptionNeedless': {
    'zh-CN': '人员“{{person}}”符合全部提名条件，无需申请例外',
    en: 'person "{{person}}" is eligible: there is no rule to make an exception to',
  },
  'nomination.openEntry': {
    'zh-CN': '已有一条进行中的后备干部记录：{{entry}}（{{status}}）',
    en: 'already has an open entry, {{entry}} ({{status}})',
  },
  'nomination.openEntryElsewhere': {
    'zh-CN': '已在您管辖范围以外的单位有一条进行中的后备干部记录',
    en: 'already has an open entry, in a unit outside your scope',
  },
  'eligibility.ageLimit': {
    'zh-CN': '年龄 {{age}} 岁，超过{{kind}}后备干部 {{limit}} 岁的年龄上限',
    en: 'aged {{age}}, over the {{kind}} reserve limit of {{limit}}',
  },
  'eligibility.ageLimitWomen': {
    'zh-CN': '年龄 {{age}} 岁，超过女性{{kind}}后备干部 {{limit}} 岁的年龄上限',
    en: 'aged {{age}}, over the limit of {{limit}} for women {{kind}} reserves',
  },
  'eligibility.rankAboveTarget': {
    'zh-CN': '现任{{rank}}，高于拟任职务层次{{target}}；副职后备干部须任{{target}}或以下职级',
    en: 'holds {{rank}}, above the target rank {{target}}; a deputy reserve holds {{target}} or a rank below it',
  },
  'eligibility.education': {
    'zh-CN': '学历为{{education}}，低于{{min}}',
    en: 'education {{education}}, below {{min}}',
  },
  'eligibility.fullTimeBachelor': {
    'zh-CN': '年龄 {{age}} 岁（{{max}} 周岁以下），不具有全日制本科及以上学历（全日制学历为{{has}}）',
    en: "aged {{age}}, {{max}} or under, without a full-time bachelor's degree (has {{has}})",
  },
  'eligibility.fullTimeBachelorNone': {
    'zh-CN': '年龄 {{age}} 岁（{{max}} 周岁以下），不具有全日制本科及以上学历（无全日制学历）',
    en: "aged {{age}}, {{max}} or under, without a full-time bachelor's degree (has none)",
  },
  'eligibility.rankHeld': {
    'zh-CN': '现任{{rank}}；{{target}}正职后备干部须任{{target}}或{{below}}满 {{years}} 年',
    en: 'holds {{rank}}; a principal reserve for {{target}} needs {{target}} or {{below}} held {{years}} years',
  },
  'eligibility.rankYears': {
    'zh-CN': '自 {{since}} 起任{{below}}，不满 {{years}} 年',
    en: 'has held {{below}} since {{since}}, less than {{years}} years',
  },
  'eligibility.rankYearsUnknown': {
    'zh-CN': '任{{below}}的起始日期不详，无法认定已满 {{years}} 年',
    en: 'has held {{below}} since an unknown date, less than {{years}} years',
  },
  'eligibility.workYears': {
    'zh-CN': '自 {{since}} 参加工作，工作年限不满 {{years}} 年',
    en: 'working since {{since}}, less than {{years}} years',
  },
  // The lifecycle (server/reserves/lifecycle.ts).
  'lifecycle.notAllowed': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{from}}，可转为{{allowed}}，不能转为{{to}}',
    en: 'reserve entry "{{entry}}" is {{from}}; from {{from}} it can go to {{allowed}}, not to {{to}}',
  },
  'lifecycle.final': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{from}}，已是最终状态，不能再转为{{to}}',
    en: 'reserve entry "{{entry}}" is {{from}}, which is final; it cannot go to {{to}}',
  },
  'lifecycle.beforeLastStep': {
    'zh-CN': '后备干部记录“{{entry}}”：转为{{to}}的日期 {{on}} 早于上一次状态变更日期 {{last}}',
    en: 'reserve entry "{{entry}}": {{to}} on {{on}} is before its last step, on {{last}}',
  },
  'lifecycle.removeNeedsReason': {
    'zh-CN': '后备干部记录“{{entry}}”：调整出库须填写理由',
    en: 'reserve entry "{{entry}}": removing an entry from the pool needs a reason',
  },
  'lifecycle.sendBackNeedsReason': {
    'zh-CN': '后备干部记录“{{entry}}”：从公示退回考察须填写理由',
    en: 'reserve entry "{{entry}}": sending an entry back from its public notice needs a reason',
  },
  'lifecycle.cultivation': {
    'zh-CN': '后备干部记录“{{entry}}”于 {{entered}} 入库，最短培养期至 {{until}} 届满，届满前不能提拔',
    en: 'reserve entry "{{entry}}" entered the pool on {{entered}}; it cannot be promoted before its minimum cultivation ends on {{until}}',
  },
  'lifecycle.periodNotEnded': {
    'zh-CN': '后备干部记录“{{entry}}”：管理期至 {{until}} 届满；届满前出库，请选择“{{removed}}”并填写理由',
    en: 'reserve entry "{{entry}}": its management period ends on {{until}}; before then take it out with {{removed}} and a reason',
  },
  'lifecycle.stepRace': {
    'zh-CN': '登记本次状态变更期间，后备干部记录“{{entry}}”已被他人修改，请刷新后重试',
    en: 'reserve entry "{{entry}}" changed while this step was being recorded; reload and try again',
  },
  // The selection procedure's conditions on a step (server/reserves/gates.ts).
  'gate.recommendationVoid': {
    'zh-CN': '后备干部记录“{{entry}}”：{{heldOn}} 的民主推荐无效，实到率 {{turnout}} 低于规定的 {{quorum}}',
    en: 'reserve entry "{{entry}}": its recommendation round of {{heldOn}} is void: turnout {{turnout}} is below the quorum of {{quorum}}',
  },
  'gate.recommendationFailed': {
    'zh-CN': '后备干部记录“{{entry}}”：{{heldOn}} 的民主推荐未通过，赞成票占 {{favour}}，未超过 {{passShare}}',
    en: 'reserve entry "{{entry}}": its recommendation round of {{heldOn}} did not pass: {{favour}} in favour, not more than {{passShare}}',
  },
  'gate.recommendationMissing': {
    'zh-CN': '后备干部记录“{{entry}}”：该人选由民主推荐产生，考察前须登记 {{on}} 及以前进行的民主推荐',
    en: 'reserve entry "{{entry}}": nominated by democratic recommendation, it needs a recommendation round recorded by {{on}} before inspection',
  },
  'gate.eliminated': {
    'zh-CN':
      '后备干部记录“{{entry}}”：在“{{round}}”环节被淘汰（得分 {{score}}，低于合格线 {{passMark}}），只能作“{{rejected}}”处理',
    en: 'reserve entry "{{entry}}": eliminated in round {{round}} ({{score}} below the pass mark of {{passMark}}); it can only be {{rejected}}',
  },
  'gate.inspectionUnfit': {
    'zh-CN': '后备干部记录“{{entry}}”：{{concludedOn}} 结束的考察结论为“{{unfit}}”，只能作“{{rejected}}”处理',
    en: 'reserve entry "{{entry}}": its inspection concluded on {{concludedOn}} found it {{unfit}}; it can only be {{rejected}}',
  },
  'gate.inspectionOpen': {
    'zh-CN': '后备干部记录“{{entry}}”：{{startedOn}} 开始的考察截至 {{on}} 尚无结论',
    en: 'reserve entry "{{entry}}": its inspection started on {{startedOn}} has no conclusion by {{on}}',
  },
  'gate.inspectionAfterSendBack': {
    'zh-CN': '后备干部记录“{{entry}}”：已于 {{sentBackOn}} 从公示退回，须重新考察并作出结论',
    en: 'reserve entry "{{entry}}": sent back from its public notice on {{sentBackOn}}, it needs a new concluded inspection',
  },
  'gate.inspectionMissing': {
    'zh-CN': '后备干部记录“{{entry}}”：公示前须完成考察并登记考察结论',
    en: 'reserve entry "{{entry}}": it needs a concluded inspection (recordInspection) before the public notice',
  },
  'gate.noticeOpen': {
    'zh-CN': '后备干部记录“{{entry}}”：公示期为 {{startsOn}} 至 {{endsOn}}，{{from}} 起方可入库',
    en: 'reserve entry "{{entry}}": its public notice runs from {{startsOn}} to {{endsOn}}; it can be admitted from {{from}}',
  },
  'gate.objectionPending': {
    'zh-CN': '后备干部记录“{{entry}}”：公示期间收到的异议（编号 {{objections}}）尚未处理完毕',
    en: 'reserve entry "{{entry}}": objection {{objections}} to its public notice is not resolved',
  },
  'gate.decisionMissing': {
    'zh-CN': '后备干部记录“{{entry}}”：{{what}}须经党委（党组）会议集体研究决定，{{on}} 及以前尚无通过的议题',
    en: 'reserve entry "{{entry}}": {{what}} needs a Party committee decision; no item adopted by {{on}}',
  },
  'gate.decisionRejected': {
    'zh-CN':
      '后备干部记录“{{entry}}”：{{heldOn}} {{body}}未通过“{{what}}”议题（赞成 {{favour}} 票，须超过应到会成员 {{members}} 人的半数）',
    en: 'reserve entry "{{entry}}": the {{body}} of {{heldOn}} did not adopt its {{what}} ({{favour}} in favour of {{members}} members)',
  },
  'gate.approvalPending': {
    'zh-CN': '后备干部记录“{{entry}}”：{{what}}须经{{unit}}审批，{{submittedOn}} 报送后尚未批复',
    en: 'reserve entry "{{entry}}": its {{what}} needs the approval of {{unit}}, asked on {{submittedOn}} and not yet given',
  },
  'gate.approvalReturned': {
    'zh-CN': '后备干部记录“{{entry}}”：{{unit}}于 {{decidedOn}} 退回“{{what}}”（{{reason}}），须重新研究决定',
    en: 'reserve entry "{{entry}}": {{unit}} returned its {{what}} on {{decidedOn}} ({{reason}}); it needs a new decision',
  },
  'gate.comparativeVoid': {
    'zh-CN': '后备干部记录“{{entry}}”：{{heldOn}} 差额推荐投票率 {{turnout}}，未达到 {{quorum}}，推荐无效',
    en: 'reserve entry "{{entry}}": the comparative round of {{heldOn}} had a turnout of {{turnout}}, below the quorum of {{quorum}}; it is void',
  },
  'gate.notShortlisted': {
    'zh-CN':
      '后备干部记录“{{entry}}”：{{heldOn}} 差额推荐得票 {{votes}}，在 {{candidates}} 名人选中排第 {{rank}} 名，考察对象须在得票前 {{shortlist}} 名中确定',
    en: 'reserve entry "{{entry}}": in the comparative round of {{heldOn}} it got {{votes}} votes and ranked {{rank}} of {{candidates}}; inspection takes the top {{shortlist}}',
  },
  'matter.kind': {
    'zh-CN': '后备干部记录“{{entry}}”：重大事项类别“{{kind}}”无效',
    en: 'reserve entry "{{entry}}": {{kind}} is not a kind of major matter',
  },
  'matter.exited': {
    'zh-CN': '后备干部记录“{{entry}}”状态为“{{status}}”，不再登记重大事项',
    en: 'reserve entry "{{entry}}" is {{status}}: no more matters are recorded on it',
  },
  'matter.dates': {
    'zh-CN': '后备干部记录“{{entry}}”：发生日期 {{occurredOn}} 须不晚于报告日期 {{reportedOn}}，报告日期不能晚于今天',
    en: 'reserve entry "{{entry}}": the matter of {{occurredOn}} is reported on {{reportedOn}}; it cannot be reported before it occurred or after today',
  },
  'matter.beforeNominated': {
    'zh-CN': '后备干部记录“{{entry}}”：报告日期 {{on}} 早于提名日期 {{nominated}}',
    en: 'reserve entry "{{entry}}": reported on {{on}}, before it was nominated on {{nominated}}',
  },
  'matter.notFound': {
    'zh-CN': '重大事项报告 {{id}} 不存在，或不在您的管辖范围内',
    en: 'major-matter report {{id}} does not exist or is outside your scope',
  },
  'matter.reviewDate': {
    'zh-CN': '重大事项报告 {{id}}：核查日期 {{on}} 须在报告日期 {{reportedOn}} 至今天之间',
    en: 'major-matter report {{id}}: the finding of {{on}} must fall between the report, {{reportedOn}}, and today',
  },
  'matter.reviewed': {
    'zh-CN': '重大事项报告 {{id}} 已有核查意见',
    en: 'major-matter report {{id}} already has its finding',
  },
  'matter.notDisqualifiable': {
    'zh-CN': '重大事项报告 {{id}} 是“{{kind}}”，只有处分和信访事项可认定为不宜继续培养',
    en: 'major-matter report {{id}} is {{kind}}: only a penalty or a complaint can be found disqualifying',
  },
  'duty.dates': {
    'zh-CN': '后备干部记录“{{entry}}”：述职日期 {{on}} 须在提名日期 {{nominated}} 至今天之间',
    en: 'reserve entry "{{entry}}": the duty report of {{on}} must fall between the nomination, {{nominated}}, and today',
  },
  'duty.exited': {
    'zh-CN': '后备干部记录“{{entry}}”状态为“{{status}}”，不再登记述职',
    en: 'reserve entry "{{entry}}" is {{status}}: no more duty reports are recorded on it',
  },
  'duty.notFound': {
    'zh-CN': '述职记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'duty report {{id}} does not exist or is outside your scope',
  },
  'duty.alreadyStruck': {
    'zh-CN': '述职记录 {{id}} 已作废',
    en: 'duty report {{id}} is already struck out',
  },
  'comparative.inFuture': {
    'zh-CN': '{{unit}}：差额推荐日期 {{on}} 晚于今天',
    en: '{{unit}}: the comparative round’s date {{on}} is after today',
  },
  'comparative.noGroups': {
    'zh-CN': '{{unit}}：差额推荐须至少登记一个投票群体',
    en: '{{unit}}: a comparative round needs at least one voter group',
  },
  'comparative.unknownGroup': {
    'zh-CN': '{{unit}}：投票群体“{{group}}”不在政策规定的群体（{{known}}）之中',
    en: '{{unit}}: voter group {{group}} is not one of the policy’s ({{known}})',
  },
  'comparative.groupTwice': {
    'zh-CN': '{{unit}}：投票群体“{{group}}”登记了两次',
    en: '{{unit}}: voter group {{group}} is given twice',
  },
  'comparative.candidateCount': {
    'zh-CN': '{{unit}}：差额推荐须有 2 至 {{max}} 名人选，现为 {{count}} 名（单一人选请登记民主推荐票）',
    en: '{{unit}}: a comparative round has 2 to {{max}} candidates, not {{count}} (one candidate: record a recommendation round)',
  },
  'comparative.candidateTwice': {
    'zh-CN': '{{unit}}：后备干部记录“{{entry}}”列入了两次',
    en: '{{unit}}: reserve entry "{{entry}}" is listed twice',
  },
  'comparative.notCandidate': {
    'zh-CN': '{{unit}}：后备干部记录“{{entry}}”不是本单位处于{{nominated}}状态的{{kind}}后备人选',
    en: '{{unit}}: reserve entry "{{entry}}" is not one of this unit’s {{kind}} candidates in status {{nominated}}',
  },
  'comparative.beforeNominated': {
    'zh-CN': '{{unit}}：差额推荐日期 {{on}} 早于后备干部记录“{{entry}}”的提名日期 {{nominated}}',
    en: '{{unit}}: the round on {{on}} is before reserve entry "{{entry}}" was nominated, on {{nominated}}',
  },
  'comparative.votesGroup': {
    'zh-CN': '{{unit}}：后备干部记录“{{entry}}”的得票来自未登记的投票群体“{{group}}”',
    en: '{{unit}}: reserve entry "{{entry}}" has votes from {{group}}, a group the round does not list',
  },
  'comparative.numbers': { 'zh-CN': '{{unit}}：票数有误，{{problem}}', en: '{{unit}}: {{problem}}' },
  'comparative.notFound': {
    'zh-CN': '差额推荐记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'comparative round {{id}} does not exist or is outside your scope',
  },
  'comparative.alreadyStruck': {
    'zh-CN': '差额推荐记录 {{id}} 已作废',
    en: 'comparative round {{id}} is already struck out',
  },
  'gate.disciplineOpinion': {
    'zh-CN': '后备干部记录“{{entry}}”：考察须征求纪检监察机关意见，{{concludedOn}} 结束的考察尚未记录纪检意见',
    en: 'reserve entry "{{entry}}": an inspection asks the discipline-inspection body for its opinion, and the inspection concluded on {{concludedOn}} records none',
  },
  'gate.dutyReport': {
    'zh-CN':
      '后备干部记录“{{entry}}”：民主推荐前选拔对象应当述职，{{heldOn}} 的推荐之前（提名 {{nominated}} 以来）没有述职记录',
    en: 'reserve entry "{{entry}}": a candidate reports on their duties before the recommendation, and none is recorded between the nomination on {{nominated}} and the round of {{heldOn}}',
  },
  'inspection.evaluation': {
    'zh-CN': '后备干部记录“{{entry}}”：民主测评票数 {{value}} 不是 0 至 100000 之间的整数',
    en: 'reserve entry "{{entry}}": the evaluation count {{value}} is not a whole number from 0 to 100000',
  },
  'inspection.opinionAndDate': {
    'zh-CN': '后备干部记录“{{entry}}”：纪检意见与其日期须同时填写',
    en: 'reserve entry "{{entry}}": the discipline opinion and its date go together',
  },
  'inspection.opinionBeforeStart': {
    'zh-CN': '后备干部记录“{{entry}}”：纪检意见日期 {{on}} 早于考察开始日期 {{startedOn}}',
    en: 'reserve entry "{{entry}}": the discipline opinion of {{on}} is before the inspection started, on {{startedOn}}',
  },
  'gate.examMissing': {
    'zh-CN': '后备干部记录“{{entry}}”：{{rank}}后备干部须取得任职资格证书，截至 {{on}} 没有合格的任职资格考试记录',
    en: 'reserve entry "{{entry}}": a {{rank}} reserve needs a qualification certificate, and no passed qualification exam is recorded by {{on}}',
  },
  'gate.examLapsed': {
    'zh-CN':
      '后备干部记录“{{entry}}”：{{rank}}后备干部须持有效的任职资格证书；{{heldOn}} 的考试合格证书有效期 {{years}} 年，至 {{on}} 已失效',
    en: 'reserve entry "{{entry}}": a {{rank}} reserve needs a valid qualification certificate; the one from the exam of {{heldOn}} is valid for {{years}} years and has lapsed by {{on}}',
  },
  'appointment.examMissing': {
    'zh-CN': '{{person}}（{{code}}）任{{rank}}职务须取得任职资格证书，截至 {{on}} 没有合格的任职资格考试记录',
    en: '{{person}} ({{code}}) needs a qualification certificate for a {{rank}} post, and no passed qualification exam is recorded by {{on}}',
  },
  'appointment.examLapsed': {
    'zh-CN':
      '{{person}}（{{code}}）任{{rank}}职务须持有效的任职资格证书；{{heldOn}} 的考试合格证书有效期 {{years}} 年，至 {{on}} 已失效',
    en: '{{person}} ({{code}}) needs a valid qualification certificate for a {{rank}} post; the one from the exam of {{heldOn}} is valid for {{years}} years and has lapsed by {{on}}',
  },
  // Filing and approval (server/reserves/filings.ts, domain/authority.ts).
  'filing.notFound': { 'zh-CN': '未找到报送事项 {{id}}', en: 'filing {{id}} not found' },
  'filing.wrongAction': {
    'zh-CN': '报送事项 {{id}} 为{{kind}}，不能“{{action}}”',
    en: 'filing {{id}} is a {{kind}}: it cannot be given {{action}}',
  },
  'filing.alreadyDecided': {
    'zh-CN': '报送事项 {{id}} 已处理（{{status}}）',
    en: 'filing {{id}} was already dealt with ({{status}})',
  },
  'filing.beforeSubmitted': {
    'zh-CN': '报送事项 {{id}}：处理日期 {{on}} 早于报送日期 {{submitted}}',
    en: 'filing {{id}}: {{on}} is before it was sent, on {{submitted}}',
  },
  'filing.meetingStruck': {
    'zh-CN': '报送事项 {{id}} 所依据的会议已作废，无需处理',
    en: 'the meeting behind filing {{id}} was struck out: nothing to decide',
  },
  'filing.inFuture': { 'zh-CN': '处理日期 {{on}} 晚于今天', en: 'the date {{on}} is after today' },
  'filing.returnNeedsReason': {
    'zh-CN': '退回报送事项 {{id}} 须写明理由',
    en: 'returning filing {{id}} needs a reason',
  },
  'filing.race': {
    'zh-CN': '报送事项 {{id}} 已被他人处理，请刷新后查看',
    en: 'filing {{id}} was dealt with meanwhile; reload to see it',
  },
  // Collective decisions (server/reserves/meetings.ts, domain/decisions.ts).
  'meeting.countRange': {
    'zh-CN': '{{field}}须为 0 至 500 的整数，收到 {{value}}',
    en: '{{field}} must be a whole number from 0 to 500, got {{value}}',
  },
  'meeting.noMembers': { 'zh-CN': '应到会成员不能为 0', en: 'a meeting needs at least one member expected' },
  'meeting.presentOverMembers': {
    'zh-CN': '实到会成员 {{present}} 人，多于应到会成员 {{members}} 人',
    en: '{{present}} present, more than the {{members}} members expected',
  },
  'meeting.votesOverPresent': {
    'zh-CN': '赞成 {{favour}}、反对 {{against}}、弃权 {{abstain}}，合计 {{cast}} 票，多于实到会成员 {{present}} 人',
    en: '{{favour}} for, {{against}} against, {{abstain}} abstaining: {{cast}} votes, more than the {{present}} present',
  },
  'meeting.inquorate': {
    'zh-CN': '实到会成员 {{present}} 人，不足应到会成员 {{members}} 人的 {{quorum}}，会议不能作出决定',
    en: '{{present}} of {{members}} members present, below the quorum of {{quorum}}: the meeting cannot decide',
  },
  'meeting.invalid': { 'zh-CN': '会议记录有误：{{problem}}', en: 'the meeting record is wrong: {{problem}}' },
  'meeting.itemInvalid': {
    'zh-CN': '第 {{n}} 项议题有误：{{problem}}',
    en: 'item {{n}}: {{problem}}',
  },
  'meeting.noItems': { 'zh-CN': '会议至少须有一项议题', en: 'a meeting needs at least one item' },
  'meeting.tooManyItems': { 'zh-CN': '一次会议最多登记 {{max}} 项议题', en: 'at most {{max}} items a meeting' },
  'meeting.entryNeeded': {
    'zh-CN': '“{{subject}}”议题须指明后备干部记录',
    en: 'a {{subject}} item names the reserve entry it decides',
  },
  'meeting.titleNeeded': { 'zh-CN': '“{{subject}}”议题须填写议题名称', en: 'a {{subject}} item needs a title' },
  'meeting.entryOutside': {
    'zh-CN': '后备干部记录“{{entry}}”不属于{{unit}}及其下级单位，不能由该会议决定',
    en: 'reserve entry "{{entry}}" is not in the subtree of {{unit}}: this meeting cannot decide on it',
  },
  'meeting.entryStage': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{status}}：“{{subject}}”议题只能针对{{statuses}}状态的记录',
    en: 'reserve entry "{{entry}}" is {{status}}: a {{subject}} item is for an entry that is {{statuses}}',
  },
  'meeting.entryTwice': {
    'zh-CN': '后备干部记录“{{entry}}”在本次会议中列了两项“{{subject}}”议题',
    en: 'reserve entry "{{entry}}" has two {{subject}} items in this meeting',
  },
  'meeting.beforeNomination': {
    'zh-CN': '会议日期 {{on}} 早于后备干部记录“{{entry}}”的提名日期 {{nominated}}',
    en: 'the meeting of {{on}} is before reserve entry "{{entry}}" was nominated, on {{nominated}}',
  },
  'meeting.beforeEntered': {
    'zh-CN': '会议日期 {{on}} 早于后备干部记录“{{entry}}”的入库日期 {{entered}}，不能作为调整出库的决定',
    en: 'the meeting of {{on}} is before reserve entry "{{entry}}" entered the pool, on {{entered}}: it cannot decide its removal',
  },
  'meeting.strikeDecided': {
    'zh-CN': '会议 {{id}} 报送的事项（编号 {{filings}}）上级已处理，不能作废',
    en: 'meeting {{id}} cannot be struck out: the higher level has acted on what it sent up ({{filings}})',
  },
  'meeting.inFuture': { 'zh-CN': '会议日期 {{on}} 晚于今天', en: 'the meeting date {{on}} is after today' },
  'meeting.notFound': { 'zh-CN': '未找到会议 {{id}}', en: 'meeting {{id}} not found' },
  'meeting.alreadyStruck': { 'zh-CN': '会议 {{id}} 已作废', en: 'meeting {{id}} is already struck out' },
  'meeting.strikeUsed': {
    'zh-CN': '会议 {{id}} 的议题已作为后备干部记录 {{entries}} 状态变更的依据，不能作废',
    en: 'meeting {{id}} cannot be struck out: steps of {{entries}} rest on its items',
  },
  // The selection procedure's records (server/reserves/procedure.ts, domain/procedure.ts).
  'procedure.wrongStage': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{status}}：{{what}}只能在{{statuses}}状态下登记',
    en: 'reserve entry "{{entry}}" is {{status}}: {{what}} is recorded while it is {{statuses}}',
  },
  'stage.recommendation': { 'zh-CN': '民主推荐结果', en: 'a recommendation round' },
  'stage.score': { 'zh-CN': '选拔评分', en: 'a selection score' },
  'stage.inspection': { 'zh-CN': '考察情况', en: 'an inspection' },
  'stage.objection': { 'zh-CN': '公示异议', en: 'an objection to the public notice' },
  'recommendation.noGroups': {
    'zh-CN': '后备干部记录“{{entry}}”：民主推荐至少须登记一类推荐人的票数',
    en: 'reserve entry "{{entry}}": a round needs the ballots of at least one voter group',
  },
  'recommendation.unknownGroup': {
    'zh-CN': '后备干部记录“{{entry}}”：推荐人类别“{{group}}”不在政策规定的类别（{{known}}）之中',
    en: 'reserve entry "{{entry}}": voter group "{{group}}" is not one of the policy\'s groups ({{known}})',
  },
  'recommendation.groupTwice': {
    'zh-CN': '后备干部记录“{{entry}}”：推荐人类别“{{group}}”重复填写',
    en: 'reserve entry "{{entry}}": voter group {{group}} is given twice',
  },
  'recommendation.groupProblem': {
    'zh-CN': '后备干部记录“{{entry}}”，推荐人类别“{{group}}”：{{problem}}',
    en: 'reserve entry "{{entry}}", voter group {{group}}: {{problem}}',
  },
  'recommendation.notFound': {
    'zh-CN': '民主推荐记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'recommendation round {{id}} does not exist or is outside your scope',
  },
  'recommendation.alreadyStruck': {
    'zh-CN': '民主推荐记录 {{id}} 已作废',
    en: 'recommendation round {{id}} is already struck out',
  },
  'ballot.countRange': {
    'zh-CN': '{{field}}应为 0 至 100000 的整数，收到 {{value}}',
    en: '{{field}} must be a whole number from 0 to 100000, got {{value}}',
  },
  'ballot.castOverExpected': {
    'zh-CN': '实到 {{cast}} 人，超过应到人数 {{expected}}',
    en: '{{cast}} ballots cast, more than the {{expected}} voters expected',
  },
  'ballot.invalidOverCast': {
    'zh-CN': '无效票 {{invalid}} 张，超过实到人数 {{cast}}',
    en: '{{invalid}} invalid ballots, more than the {{cast}} cast',
  },
  'ballot.votesOverValid': {
    'zh-CN': '{{group}}得票 {{votes}}，超过该组有效票 {{valid}} 张',
    en: '{{votes}} votes from {{group}}, more than its {{valid}} valid ballots',
  },
  'ballot.marksMismatch': {
    'zh-CN':
      '赞成 {{favour}} + 反对 {{against}} + 弃权 {{abstain}} + 废票 {{invalid}} = {{marked}}，与收回的 {{cast}} 张选票不符',
    en: 'favour {{favour}} + against {{against}} + abstain {{abstain}} + invalid {{invalid}} = {{marked}}, not the {{cast}} ballots cast',
  },
  'score.unknownRound': {
    'zh-CN': '评分环节“{{round}}”不在政策规定的环节（{{rounds}}）之中',
    en: 'round "{{round}}" is not one of the policy\'s rounds ({{rounds}})',
  },
  'score.noParts': {
    'zh-CN': '“{{round}}”环节不分项评分，登记得分时请勿指定评分项',
    en: 'round {{round}} has no parts; record its score without a part',
  },
  'score.unknownPart': {
    'zh-CN': '“{{round}}”环节分项评分（{{parts}}），“{{part}}”不是其中之一',
    en: 'round {{round}} is scored in parts ({{parts}}); "{{part}}" is not one of them',
  },
  'score.range': {
    'zh-CN': '后备干部记录“{{entry}}”：得分应在 0 至 {{max}} 之间，收到 {{score}}',
    en: 'reserve entry "{{entry}}": score must be from 0 to {{max}}, got {{score}}',
  },
  'score.afterElimination': {
    'zh-CN': '后备干部记录“{{entry}}”已在“{{round}}”环节被淘汰，后续环节不再评分',
    en: 'reserve entry "{{entry}}" was eliminated in round {{round}}; no later round is scored',
  },
  'inspection.concludedBeforeStart': {
    'zh-CN': '后备干部记录“{{entry}}”：考察结束日期 {{concludedOn}} 早于开始日期 {{startedOn}}',
    en: 'reserve entry "{{entry}}": concludedOn {{concludedOn}} is before startedOn {{startedOn}}',
  },
  'inspection.inspectors': {
    'zh-CN': '后备干部记录“{{entry}}”：考察组成员应为 1 至 20 人，每人姓名不超过 50 个字符',
    en: 'reserve entry "{{entry}}": an inspection names 1 to 20 inspectors of at most 50 characters each',
  },
  'inspection.interviews': {
    'zh-CN': '后备干部记录“{{entry}}”：个别谈话人数应为 0 至 10000 的整数，收到 {{value}}',
    en: 'reserve entry "{{entry}}": interviews must be a whole number from 0 to 10000, got {{value}}',
  },
  'inspection.verdictNeedsConclusion': {
    'zh-CN': '后备干部记录“{{entry}}”：作出考察结论须同时填写考察结束日期和考察意见',
    en: 'reserve entry "{{entry}}": a verdict needs the date the inspection concluded and its conclusion',
  },
  'inspection.needsVerdict': {
    'zh-CN': '后备干部记录“{{entry}}”：考察已结束的，须填写考察结论（{{fit}}或{{unfit}}）',
    en: 'reserve entry "{{entry}}": a concluded inspection needs its verdict ({{fit}} or {{unfit}})',
  },
  'inspection.notFound': {
    'zh-CN': '考察记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'inspection {{id}} does not exist or is outside your scope',
  },
  'inspection.correctStage': {
    'zh-CN':
      '考察记录 {{id}}：后备干部记录“{{entry}}”当前状态为{{status}}，只有在“{{inspecting}}”状态下才能更正考察记录',
    en: 'inspection {{id}}: reserve entry "{{entry}}" is {{status}}; an inspection is corrected while it is {{inspecting}}',
  },
  'notice.none': {
    'zh-CN': '后备干部记录“{{entry}}”当前没有正在进行的公示',
    en: 'reserve entry "{{entry}}" has no public notice open',
  },
  'objection.outsideNotice': {
    'zh-CN': '后备干部记录“{{entry}}”：异议受理日期 {{receivedOn}} 不在公示期（{{startsOn}} 至 {{endsOn}}）内',
    en: 'reserve entry "{{entry}}": receivedOn {{receivedOn}} is outside its public notice, {{startsOn}} to {{endsOn}}',
  },
  'objection.receivedInFuture': {
    'zh-CN': '后备干部记录“{{entry}}”：异议受理日期 {{receivedOn}} 晚于今天',
    en: 'reserve entry "{{entry}}": receivedOn {{receivedOn}} is in the future',
  },
  'objection.notFound': {
    'zh-CN': '异议 {{id}} 不存在，或不在您的管辖范围内',
    en: 'objection {{id}} does not exist or is outside your scope',
  },
  'objection.alreadyResolved': {
    'zh-CN': '异议 {{id}} 已有处理结论：{{outcome}}',
    en: 'objection {{id}} was already found {{outcome}}',
  },
  'objection.dateRange': {
    'zh-CN': '异议 {{id}}：处理日期 {{on}} 应在受理日期 {{received}} 至今天之间',
    en: 'objection {{id}}: on {{on}} must be from its receipt on {{received}} to today',
  },
  'objection.upheldNeedsAction': {
    'zh-CN': '异议 {{id}}：异议成立的，须选择处理方式（{{sendBack}}或{{reject}}）',
    en: 'objection {{id}}: an upheld objection needs its action, {{sendBack}} or {{reject}}',
  },
  'objection.dismissedNoAction': {
    'zh-CN': '异议 {{id}}：异议不成立的，无需选择处理方式',
    en: 'objection {{id}}: a dismissed objection takes no action',
  },
  // Records around an entry (server/reserves/records.ts).
  'records.entryClosed': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{status}}：只有{{open}}状态的后备干部记录才能添加相关记录',
    en: 'reserve entry "{{entry}}" is {{status}}: records are added only to open entries ({{open}})',
  },
  'records.dateBeforeNomination': {
    'zh-CN': '后备干部记录“{{entry}}”：{{field}} {{on}} 早于提名日期 {{nominated}}',
    en: 'reserve entry "{{entry}}": {{field}} {{on}} is before its nomination on {{nominated}}',
  },
  'records.dateInFuture': {
    'zh-CN': '后备干部记录“{{entry}}”：{{field}} {{on}} 晚于今天',
    en: 'reserve entry "{{entry}}": {{field}} {{on}} is in the future',
  },
  'mentor.self': {
    'zh-CN': '后备干部记录“{{entry}}”：后备干部本人不能担任自己的导师',
    en: 'reserve entry "{{entry}}": a reserve cannot mentor themself',
  },
  'mentor.notFound': {
    'zh-CN': '导师带培记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'mentorship {{id}} does not exist or is outside your scope',
  },
  'mentor.alreadyEnded': {
    'zh-CN': '导师带培记录 {{id}} 已于 {{until}} 结束',
    en: 'mentorship {{id}} already ended on {{until}}',
  },
  'mentor.untilBeforeSince': {
    'zh-CN': '导师带培记录 {{id}}：结束日期 {{until}} 早于开始日期 {{since}}',
    en: 'mentorship {{id}}: until {{until}} is before since {{since}}',
  },
  'mentor.untilInFuture': {
    'zh-CN': '导师带培记录 {{id}}：结束日期 {{until}} 晚于今天',
    en: 'mentorship {{id}}: until {{until}} is in the future',
  },
  'talk.notFound': {
    'zh-CN': '谈心谈话记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'talk {{id}} does not exist or is outside your scope',
  },
  // Promotion and elimination (server/reserves/promotion.ts, elimination.ts).
  'promotion.noticeMissing': {
    'zh-CN': '后备干部记录“{{entry}}”：任用到职位“{{position}}”前须进行不少于 {{days}} 个工作日的任前公示',
    en: 'reserve entry "{{entry}}": an appointment to position "{{position}}" needs a notice of {{days}} working days first (announceAppointment)',
  },
  'promotion.noticeOpen': {
    'zh-CN':
      '后备干部记录“{{entry}}”：任前公示期为 {{startsOn}} 至 {{endsOn}}（{{days}} 个工作日），{{from}} 起方可任用',
    en: 'reserve entry "{{entry}}": its appointment notice runs from {{startsOn}} to {{endsOn}} ({{days}} working days); it can be appointed from {{from}}',
  },
  'exam.inFuture': {
    'zh-CN': '{{person}}：考试日期 {{on}} 晚于今天',
    en: '{{person}}: the exam date {{on}} is after today',
  },
  'exam.score': {
    'zh-CN': '{{person}}：考试成绩 {{score}} 不在 0–1000 之间',
    en: '{{person}}: the exam score {{score}} is not between 0 and 1000',
  },
  'exam.certificateWithoutPass': {
    'zh-CN': '{{person}}：考试不合格，不能登记任职资格证书编号',
    en: '{{person}}: a failed exam has no certificate number',
  },
  'exam.notFound': {
    'zh-CN': '任职资格考试记录 {{id}} 不存在，或不在您的管辖范围内',
    en: 'qualification exam {{id}} does not exist or is outside your scope',
  },
  'exam.alreadyStruck': {
    'zh-CN': '任职资格考试记录 {{id}} 已作废',
    en: 'qualification exam {{id}} is already struck out',
  },
  'appointment.inPoolElsewhere': {
    'zh-CN':
      '{{person}}（{{code}}）已在后备干部库中，其后备方向与职位“{{position}}”相符，应由管理该后备干部的单位提拔任用',
    en: '{{person}} ({{code}}) is in the pool for a post like "{{position}}": the unit that keeps that entry appoints them (promoteReserve)',
  },
  'appointment.holdsOutside': {
    'zh-CN': '{{person}}（{{code}}）现任职位“{{position}}”不在您的管辖范围内，任职后该职位将空缺，须由其所在单位办理',
    en: '{{person}} ({{code}}) holds position "{{position}}" outside your scope, which the appointment would leave vacant: its unit acts on it',
  },
  'appointment.onInFuture': {
    'zh-CN': '{{person}}（{{code}}）：日期 {{on}} 晚于今天',
    en: '{{person}} ({{code}}): {{on}} is after today',
  },
  'appointment.whoRequired': {
    'zh-CN': '任前公示须指明一名后备干部（reserveId）或一名干部（personCode），二者选其一',
    en: 'an appointment notice names either a reserve entry (reserveId) or a person (personCode), one of the two',
  },
  'appointment.inPool': {
    'zh-CN':
      '{{person}}（{{code}}）是后备干部记录“{{entry}}”的在库后备干部，职位“{{position}}”与其后备方向相符：请在该后备干部记录中提拔任用，以计入从后备干部中选拔的任职',
    en: '{{person}} ({{code}}) is in the pool as reserve entry "{{entry}}", which position "{{position}}" fits: appoint through the entry (promoteReserve), so the appointment counts as one from the pool',
  },
  'appointment.alreadyHolds': {
    'zh-CN': '干部 {{code}} 已担任职位“{{position}}”',
    en: 'person {{code}} already holds position "{{position}}"',
  },
  'appointment.heldSince': {
    'zh-CN': '{{person}}（{{code}}）：职位“{{position}}”自 {{since}} 起由“{{holder}}”担任，任职日期 {{on}} 须晚于该日',
    en: '{{person}} ({{code}}): position "{{position}}" has been held by "{{holder}}" since {{since}}, after {{on}}',
  },
  'appointment.termEndsBefore': {
    'zh-CN': '{{person}}（{{code}}）：任期届满日期 {{termEnds}} 不晚于任职日期 {{on}}',
    en: '{{person}} ({{code}}): termEnds {{termEnds}} is not after the appointment on {{on}}',
  },
  'appointment.noticeMissing': {
    'zh-CN': '{{person}}（{{code}}）：任用到职位“{{position}}”前须进行不少于 {{days}} 个工作日的任前公示',
    en: '{{person}} ({{code}}): an appointment to position "{{position}}" needs a notice of {{days}} working days first (announceAppointment)',
  },
  'appointment.noticeOpen': {
    'zh-CN':
      '{{person}}（{{code}}）：任前公示期为 {{startsOn}} 至 {{endsOn}}（{{days}} 个工作日），{{from}} 起方可任用',
    en: '{{person}} ({{code}}): the appointment notice runs from {{startsOn}} to {{endsOn}} ({{days}} working days); the appointment can be made from {{from}}',
  },
  'appointment.notActive': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{status}}，只有{{active}}的后备干部可以进行任前公示',
    en: 'reserve entry "{{entry}}" is {{status}}: only an entry that is {{active}} is announced for appointment',
  },
  'appointment.beforeEntered': {
    'zh-CN': '后备干部记录“{{entry}}”：公示开始日期 {{on}} 早于入库日期 {{entered}}',
    en: 'reserve entry "{{entry}}": the notice starting {{on}} is before it entered the pool, on {{entered}}',
  },
  'appointment.notFound': { 'zh-CN': '未找到任前公示 {{id}}', en: 'appointment notice {{id}} not found' },
  'appointment.alreadyWithdrawn': {
    'zh-CN': '任前公示 {{id}} 已撤回',
    en: 'appointment notice {{id}} is already withdrawn',
  },
  'promotion.rankMismatch': {
    'zh-CN': '后备干部记录“{{entry}}”拟任{{target}}，职位“{{position}}”为{{rank}}，职级不符',
    en: 'reserve entry "{{entry}}" is for {{target}}; position "{{position}}" is {{rank}}',
  },
  'promotion.otherUnit': {
    'zh-CN': '后备干部记录“{{entry}}”为{{unit}}的后备干部，职位“{{position}}”属于{{positionUnit}}；交流任职须注明',
    en: 'reserve entry "{{entry}}" is reserved for {{unit}}; position "{{position}}" is in {{positionUnit}} (an appointment across units must say so: acrossUnits)',
  },
  'promotion.kindMismatch': {
    'zh-CN': '后备干部记录“{{entry}}”为{{kind}}后备，职位“{{position}}”为{{positionKind}}职位',
    en: 'reserve entry "{{entry}}" is a {{kind}} reserve; position "{{position}}" is a {{positionKind}} post',
  },
  'promotion.alreadyHolds': {
    'zh-CN': '后备干部记录“{{entry}}”：本人已担任职位“{{position}}”',
    en: 'reserve entry "{{entry}}": its person already holds position "{{position}}"',
  },
  'promotion.heldSince': {
    'zh-CN': '后备干部记录“{{entry}}”：职位“{{position}}”自 {{since}} 起由“{{holder}}”担任，提拔日期 {{on}} 须晚于该日',
    en: 'reserve entry "{{entry}}": position "{{position}}" has been held by "{{holder}}" since {{since}}, after {{on}}',
  },
  'promotion.termEndsBefore': {
    'zh-CN': '后备干部记录“{{entry}}”：任期届满日期 {{termEnds}} 不晚于提拔日期 {{on}}',
    en: 'reserve entry "{{entry}}": termEnds {{termEnds}} is not after the promotion on {{on}}',
  },
  'elimination.notActive': {
    'zh-CN': '后备干部记录“{{entry}}”当前状态为{{status}}：只能对在库的后备干部作出淘汰处理决定',
    en: 'reserve entry "{{entry}}" is {{status}}: only an entry in the pool is decided on',
  },
  'elimination.notCandidate': {
    'zh-CN': '后备干部记录“{{entry}}”在 {{on}} 不属于淘汰对象',
    en: 'reserve entry "{{entry}}" is not an elimination candidate on {{on}}',
  },
  // Policy (server/schema/policy.ts, domain/policy/validate.ts).
  'policy.overrideRejected': {
    'zh-CN': '政策参数调整未通过：{{problems}}',
    en: 'policy override rejected: {{problems}}',
  },
  'policy.problem': { 'zh-CN': '参数“{{path}}”{{problem}}', en: '{{path}} {{problem}}' },
  'policy.notASetting': { 'zh-CN': '不是政策参数', en: 'is not a policy setting' },
  // The rule sets of domain/policy/presets.ts, by key.
  'preset.COUNTY_DIVISION': {
    'zh-CN': '党政机关 · 县处级后备干部',
    en: 'Party and government · county/division level',
  },
  'preset.TOWNSHIP_SECTION': { 'zh-CN': '乡镇 · 乡科级后备干部', en: 'Township · township/section level' },
  'preset.INSTITUTION': { 'zh-CN': '事业单位（学校等）后备干部', en: 'Public institutions (schools and others)' },
  'preset.STATE_ENTERPRISE': { 'zh-CN': '国有企业后备干部', en: 'State-owned enterprises' },
  'preset.VILLAGE': { 'zh-CN': '村（社区）“两委”后备干部', en: 'Village (community) committees' },
  'policy.tooBig': { 'zh-CN': '应不大于 {{max}}，收到 {{got}}', en: 'must be at most {{max}}, got {{got}}' },
  'policy.tooSmall': { 'zh-CN': '应不小于 {{min}}，收到 {{got}}', en: 'must be at least {{min}}, got {{got}}' },
  'policy.notFinite': { 'zh-CN': '应为有限数值，收到 {{got}}', en: 'must be a finite number, got {{got}}' },
  'policy.notWhole': { 'zh-CN': '应为整数，收到 {{got}}', en: 'must be a whole number, got {{got}}' },
  'policy.notObject': { 'zh-CN': '应为对象，收到 {{got}}', en: 'must be an object, got {{got}}' },
  'policy.notList': { 'zh-CN': '应为列表，收到 {{got}}', en: 'must be a list, got {{got}}' },
  'policy.notNumber': { 'zh-CN': '应为数字，收到 {{got}}', en: 'must be a number, got {{got}}' },
  'policy.notText': { 'zh-CN': '应为文本，收到 {{got}}', en: 'must be a string, got {{got}}' },
  'policy.notBoolean': { 'zh-CN': '应为 true 或 false，收到 {{got}}', en: 'must be a boolean, got {{got}}' },
  'policy.wrongType': {
    'zh-CN': '类型不正确（应为 {{expected}}），收到 {{got}}',
    en: 'must be a {{expected}}, got {{got}}',
  },
  'policy.notOneOf': {
    'zh-CN': '应为以下之一：{{values}}，收到 {{got}}',
    en: 'must be one of {{values}}, got {{got}}',
  },
  'policy.upperCaseKey': {
    'zh-CN': '应为大写英文字母开头的代码（如 {{example}}），收到 {{got}}',
    en: 'must be an upper-case key such as {{example}}, got {{got}}',
  },
  'policy.groupTwice': {
    'zh-CN': '同一推荐人类别不能出现两次，收到 {{got}}',
    en: 'must not name a group twice, got {{got}}',
  },
  'policy.roundTwice': {
    'zh-CN': '同一评分环节不能出现两次，收到 {{got}}',
    en: 'must not name a round twice, got {{got}}',
  },
  'policy.weightsSum': { 'zh-CN': '各环节权重之和应为 1，收到 {{got}}', en: 'weights must add up to 1, got {{got}}' },
  'policy.invalid': { 'zh-CN': '取值无效（{{problem}}），收到 {{got}}', en: '{{problem}}, got {{got}}' },
  // Request limits and arguments (server/gate.ts, server/limits.ts, server/builder.ts, server/idempotency.ts).
  'input.problem': { 'zh-CN': '“{{field}}”一项：{{problem}}', en: '{{field}} {{problem}}' },
  'value.tooManyValues': {
    'zh-CN': '最多 {{max}} 项，收到 {{count}} 项',
    en: 'must hold at most {{max}} values, got {{count}}',
  },
  'value.tooFewValues': {
    'zh-CN': '至少 {{min}} 项，收到 {{count}} 项',
    en: 'must hold at least {{min}} values, got {{count}}',
  },
  'value.tooShort': {
    'zh-CN': '至少 {{min}} 个字符，收到 {{length}} 个',
    en: 'must be at least {{min}} characters, got {{length}}',
  },
  'input.badDate': {
    'zh-CN': '日期应写作“年-月-日”（如 2026-01-31），且为 {{min}} 至 {{max}} 之间的真实日期，收到 {{value}}',
    en: 'a Date is written YYYY-MM-DD (a real calendar date from {{min}} to {{max}}), got {{value}}',
  },
  'input.badId': { 'zh-CN': '“{{id}}”不是本系统的编号', en: '"{{id}}" is not an id of this API' },
  'limits.tooCostly': {
    'zh-CN': '查询过于复杂：{{value}} > {{max}}（请减少行数或嵌套的列表）',
    en: 'the operation is too costly: {{value}} > {{max}} (ask for fewer rows or fewer nested lists)',
  },
  'limits.tooDeep': {
    'zh-CN': '查询嵌套过深：{{value}} > {{max}}（请减少行数或嵌套的列表）',
    en: 'the operation is too deep: {{value}} > {{max}} (ask for fewer rows or fewer nested lists)',
  },
  'limits.tooBroad': {
    'zh-CN': '查询范围过宽：{{value}} > {{max}}（请减少行数或嵌套的列表）',
    en: 'the operation is too broad: {{value}} > {{max}} (ask for fewer rows or fewer nested lists)',
  },
  'limits.tooManyFields': {
    'zh-CN': '查询请求了 {{fields}} 个字段，最多允许 {{max}} 个',
    en: 'the operation asks for {{fields}} fields; at most {{max}}',
  },
  'limits.repeatedField': {
    'zh-CN': '查询在同一层级请求“{{name}}”{{times}} 次，最多允许 {{max}} 次',
    en: 'the operation asks for "{{name}}" {{times}} times in one selection; at most {{max}}',
  },
  'idempotency.badKey': {
    'zh-CN': '幂等键（Idempotency-Key）应为 1 至 128 个可见字符',
    en: 'an Idempotency-Key has 1 to 128 visible characters',
  },
  'idempotency.inUse': {
    'zh-CN': '此幂等键正被另一请求使用，请重试',
    en: 'this Idempotency-Key is being used; try again',
  },
  'idempotency.otherRequest': {
    'zh-CN': '此幂等键已用于另一个不同的请求',
    en: 'this Idempotency-Key was used for a different request',
  },
  'idempotency.running': {
    'zh-CN': '使用此幂等键的请求仍在处理中',
    en: 'the request with this Idempotency-Key is still running',
  },
  'idempotency.secretShown': {
    'zh-CN': '此请求已完成；其结果含有只显示一次的密钥（如已遗失，请将其撤销）',
    en: 'this request was already done; its answer held a secret, which is shown only once (revoke it if it was lost)',
  },
  // HTTP refusals before GraphQL (server/yoga.ts, server/main.ts).
  'http.jsonOnly': {
    'zh-CN': '请以 application/json 格式发送 GraphQL 请求',
    en: 'send GraphQL operations as application/json',
  },
  'http.foreignOrigin': {
    'zh-CN': '不接受来自此来源（Origin）的请求',
    en: 'requests from this origin are not allowed',
  },
  'http.anonymousBody': {
    'zh-CN': '未登录时请求体最多 {{max}} 字节；请先登录',
    en: 'without credentials a request may have at most {{max}} bytes; sign in first',
  },
  'http.anonymousRate': {
    'zh-CN': '未登录的请求过于频繁，请稍后再试',
    en: 'too many requests without credentials; retry shortly',
  },
  'http.bodyTooLarge': { 'zh-CN': '请求体最多 {{max}} 字节', en: 'the body may have at most {{max}} bytes' },
  'http.largeBodyForImport': {
    'zh-CN': '超过 {{max}} 字节的请求体仅用于导入数据集（须由管辖全部单位的管理员操作）',
    en: 'a body above {{max}} bytes is for importing a dataset (an administrator of the whole tree)',
  },
  'http.tooDeep': { 'zh-CN': '请求体嵌套超过 {{max}} 层', en: 'the body nests deeper than {{max}} levels' },
  'http.badJson': { 'zh-CN': '请求体不是有效的 JSON', en: 'the body is not valid JSON' },
  // Lists, searches and pages.
  'input.pageRange': {
    'zh-CN': '{{name}}应在 0 到 {{max}} 之间，收到 {{value}}',
    en: '{{name}} must be between 0 and {{max}}, got {{value}}',
  },
  'input.inFuture': { 'zh-CN': '{{what}}：日期 {{on}} 晚于今天', en: '{{what}}: {{on}} is in the future' },
  'input.badCursor': { 'zh-CN': '翻页位置无效：不是本列表的分页标记', en: 'after is not a cursor of this list' },
  'search.tooManyMatches': {
    'zh-CN': '搜索：名称包含“{{text}}”的记录超过 {{max}} 条，请输入更多文字',
    en: 'search: more than {{max}} names contain "{{text}}"; add to the text',
  },
  'report.scenarioOfOtherUnit': {
    'zh-CN': '情景“{{scenario}}”测算的是单位 {{unit}}（含下级），不能用于本单位的年度报告',
    en: 'scenario "{{scenario}}" plans unit {{unit}} (with its subtree), not the unit of this report',
  },
  'drill.rankOfEntries': {
    'zh-CN': '拟任职务层次只能用于后备干部指标，{{measure}} 不是',
    en: 'a target rank narrows reserve-entry measures only; {{measure}} is not one',
  },
  'drill.unknownMeasure': {
    'zh-CN':
      '没有名为 {{measure}} 的统计指标；可用指标：{{known}}，以及政策学历目标对应的 DEGREE_PEOPLE_i / DEGREE_MEETING_i',
    en: "measure {{measure}} is not a measure; known: {{known}}, and DEGREE_PEOPLE_i / DEGREE_MEETING_i for the policy's degree targets",
  },
  // Planning (server/planning/*, server/schema/scenarios.ts).
  'planning.scenarioNotFound': { 'zh-CN': '规划方案 {{id}} 不存在', en: 'no scenario {{id}}' },
  'planning.scenarioArchived': {
    'zh-CN': '规划方案 {{id}} 已归档：请另存为新方案',
    en: 'scenario {{id}} is archived: save it as a new one',
  },
  'planning.simulationRunning': {
    'zh-CN': '您已有一项模拟测算正在运行：请等待其完成或将其取消',
    en: 'you already have a simulation running: wait for it or cancel it',
  },
  'planning.serverBusy': {
    'zh-CN': '服务器最多同时运行 {{max}} 项模拟测算，请稍后再试',
    en: 'the server runs {{max}} simulations at most: try again shortly',
  },
  'planning.simulationNotFound': { 'zh-CN': '模拟测算 {{id}} 不存在', en: 'no simulation {{id}}' },
  'planning.unfinishedComparison': {
    'zh-CN': '您还有一项方案比较尚未完成，请等待其完成',
    en: 'you already have an unfinished comparison: wait for it',
  },
  'planning.unfinishedOptimisation': {
    'zh-CN': '您还有一项名额优化测算尚未完成，请等待其完成',
    en: 'you already have an unfinished optimisation: wait for it',
  },
  'planning.inputOrScenario': {
    'zh-CN': '请提供测算参数或已保存的规划方案，二者只能选其一',
    en: 'give either input or scenarioId',
  },
  'planning.budgetMissing': { 'zh-CN': '缺少补充名额预算', en: 'the intake budget (intakeBudget) is missing' },
  // Dataset imports (server/schema/dataset.ts; the issues themselves: server/dataset/validate.ts).
  'dataset.rejected': {
    'zh-CN': '数据集未导入，未写入任何数据：{{issue}}',
    en: 'dataset rejected, nothing was written: {{issue}}',
  },
  'dataset.rejectedOneMore': {
    'zh-CN': '数据集未导入，未写入任何数据：{{issue}}（另有 1 个问题）',
    en: 'dataset rejected, nothing was written: {{issue}} (and 1 more problem)',
  },
  'dataset.rejectedMore': {
    'zh-CN': '数据集未导入，未写入任何数据：{{issue}}（另有 {{more}} 个问题）',
    en: 'dataset rejected, nothing was written: {{issue}} (and {{more}} more problems)',
  },
  // 公民身份号码
  'identity.shape': {
    'zh-CN': '公民身份号码应为 18 位（17 位数字加 1 位数字或 X），收到 {{length}} 位',
    en: 'an identity number has 18 characters (17 digits, then a digit or X); got {{length}}',
  },
  'identity.birthDate': {
    'zh-CN': '公民身份号码中的出生日期 {{date}} 不是有效日期',
    en: 'the birth date {{date}} in the identity number is not a date',
  },
  'identity.checksum': {
    'zh-CN': '公民身份号码校验位不符：应为 {{expected}}，实为 {{found}}',
    en: 'the identity number’s check character is {{found}}, expected {{expected}}',
  },
  'identity.birthMismatch': {
    'zh-CN': '公民身份号码中的出生日期 {{born}} 与出生日期 {{birthDate}} 不一致',
    en: 'the identity number’s birth date {{born}} differs from the birth date {{birthDate}}',
  },
  // 干部任免审批表 (.lrmx) files: which file, which element, what is wrong.
  'lrmx.refused': {
    'zh-CN': '文件“{{file}}”{{where}}：{{problem}}（未导入任何文件）',
    en: 'file "{{file}}"{{where}}: {{problem}} (no file was imported)',
  },
  'lrmx.element': { 'zh-CN': '的 {{element}} 项', en: ', element {{element}}' },
  'lrmx.tooLarge': {
    'zh-CN': '文件过大（{{size}} 字节，上限 {{max}} 字节）',
    en: 'the file is too large ({{size}} bytes, at most {{max}})',
  },
  'lrmx.doctype': {
    'zh-CN': '文件含有文档类型声明（DOCTYPE/ENTITY），不予读取',
    en: 'the file declares a document type (DOCTYPE/ENTITY), which is not read',
  },
  'lrmx.notXml': { 'zh-CN': '不是有效的 XML（第 {{line}} 行附近）', en: 'not well-formed XML (near line {{line}})' },
  'lrmx.noPerson': {
    'zh-CN': '缺少根元素 Person，不是干部任免审批表文件',
    en: 'no Person root element: not an appointment form',
  },
  'lrmx.twice': { 'zh-CN': '出现了不止一次', en: 'appears more than once' },
  'lrmx.required': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'lrmx.gender': {
    'zh-CN': '应为“男”或“女”，收到“{{value}}”',
    en: 'must be the character for male or for female, got "{{value}}"',
  },
  'lrmx.month': {
    'zh-CN': '不是年月（应为 yyyymm 或 yyyy.mm），收到“{{value}}”',
    en: 'is not a month (yyyymm or yyyy.mm), got "{{value}}"',
  },
  'lrmx.familyShape': { 'zh-CN': '家庭成员应为若干 Item 元素', en: 'family members must be Item elements' },
  'lrmx.photoNotBase64': { 'zh-CN': '照片不是 base64 编码', en: 'the photo is not base64' },
  'lrmx.photoTooLarge': {
    'zh-CN': '照片过大（{{size}} 字节，上限 {{max}} 字节）',
    en: 'the photo is too large ({{size}} bytes, at most {{max}})',
  },
  'lrmx.photoType': { 'zh-CN': '照片应为 JPEG 或 PNG 图像', en: 'the photo must be a JPEG or PNG image' },
  'lrmx.education': {
    'zh-CN': '无法识别的学历“{{value}}”（可用：研究生、大学、大专、中专、高中）',
    en: 'unknown education "{{value}}" (the words for postgraduate, university, college, secondary or high school)',
  },
  'lrmx.newPersonNeeds': {
    'zh-CN': '新增人员“{{name}}”需要此项',
    en: 'a new person ("{{name}}") needs this element',
  },
  'lrmx.ambiguous': {
    'zh-CN':
      '“{{name}}”（出生年月 {{month}}）在本单位及下级中有 {{count}} 人同名同出生年月，无法确定是哪一位；请在文件中填写公民身份号码',
    en: '"{{name}}" (born {{month}}) matches {{count}} people in the unit’s subtree; give the identity number to tell them apart',
  },
  'lrmx.outsideUnit': {
    'zh-CN': '公民身份号码对应的人员“{{person}}”不在单位“{{unit}}”及其下级中',
    en: 'the identity number belongs to person "{{person}}", who is not in unit "{{unit}}" or below',
  },
  'lrmx.sameTwice': {
    'zh-CN': '与文件“{{other}}”是同一人',
    en: 'is the same person as file "{{other}}"',
  },
  'lrmx.noFiles': { 'zh-CN': '没有选择任何文件', en: 'no files given' },
  'lrmx.tooManyFiles': { 'zh-CN': '一次最多导入 {{max}} 个文件', en: 'at most {{max}} files at once' },
  // 后备干部名册 spreadsheets: which row, which column, what is wrong.
  'roster.refused': {
    'zh-CN': '名册{{where}}：{{problem}}（未导入任何一行）',
    en: 'roster{{where}}: {{problem}} (no row was imported)',
  },
  'roster.row': { 'zh-CN': '第 {{row}} 行', en: ', row {{row}}' },
  'roster.rowColumn': { 'zh-CN': '第 {{row}} 行“{{column}}”列', en: ', row {{row}}, column "{{column}}"' },
  'roster.notXlsx': { 'zh-CN': '不是 Excel 工作簿（.xlsx）', en: 'not an Excel workbook (.xlsx)' },
  'roster.noSheet': { 'zh-CN': '工作簿中没有工作表', en: 'the workbook has no sheet' },
  'roster.tooManyRows': { 'zh-CN': '行数超过 {{max}}，请分批导入', en: 'more than {{max}} rows; import in parts' },
  'roster.noHeader': {
    'zh-CN': '前 20 行中找不到表头（需有“姓名”列和至少三个可识别的列）',
    en: 'no header row in the first 20 rows (a name column and at least three known columns)',
  },
  'roster.required': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'roster.gender': {
    'zh-CN': '应为“男”或“女”，收到“{{value}}”',
    en: 'must be the character for male or for female, got "{{value}}"',
  },
  'roster.month': { 'zh-CN': '不是日期或年月，收到“{{value}}”', en: 'is not a date or month, got "{{value}}"' },
  'roster.rank': { 'zh-CN': '无法识别的职级“{{value}}”', en: 'unknown rank "{{value}}"' },
  'roster.reserveKind': {
    'zh-CN': '应为“正职后备 / 职级”或“副职后备 / 职级”，收到“{{value}}”',
    en: 'must name the principal or deputy kind and a rank, got "{{value}}"',
  },
  'roster.tier': {
    'zh-CN': '应为近期可用、中期或远期，收到“{{value}}”',
    en: 'must be near term, mid term or long term, got "{{value}}"',
  },
  'roster.education': { 'zh-CN': '无法识别的学历“{{value}}”', en: 'unknown education "{{value}}"' },
  'roster.unknownUnit': {
    'zh-CN': '单位“{{value}}”不在“{{unit}}”及其下级中',
    en: 'unit "{{value}}" is not in "{{unit}}" or below it',
  },
  'roster.ambiguousUnit': {
    'zh-CN': '单位“{{value}}”对应 {{count}} 个单位，请写出上级单位（如“某县·教育局”）',
    en: 'unit "{{value}}" names {{count}} units; give the units above it (County·Bureau)',
  },
  'roster.ambiguous': {
    'zh-CN': '“{{name}}”（出生年月 {{month}}）对应 {{count}} 名同名同出生年月人员，无法确定是哪一位',
    en: '"{{name}}" (born {{month}}) matches {{count}} people of the same name and birth month',
  },
  'roster.sameTwice': { 'zh-CN': '与第 {{other}} 行是同一人', en: 'is the same person as row {{other}}' },
  'roster.newPersonNeeds': {
    'zh-CN': '新增人员“{{name}}”需要填写此列',
    en: 'a new person ("{{name}}") needs this column',
  },
  'roster.newEntryNeeds': {
    'zh-CN': '“{{name}}”尚未入库，新建后备干部记录需要填写此列',
    en: '"{{name}}" is not in the pool yet; a new entry needs this column',
  },
  'roster.future': { 'zh-CN': '日期 {{value}} 晚于今天', en: 'the date {{value}} is after today' },
  // A dataset file that is not well-formed JSON: where, by byte offset.
  'json.truncated': {
    'zh-CN': 'JSON 格式错误：文件在文档结束之前就结束了',
    en: 'invalid JSON: the file ends before the document is complete',
  },
  'json.invalidIn': {
    'zh-CN': 'JSON 格式错误：{{where}} 中第 {{byte}} 字节附近无法解析',
    en: 'invalid JSON in {{where}} at byte {{byte}}',
  },
  'json.fieldTwice': {
    'zh-CN': '{{record}}：字段“{{field}}”出现了两次',
    en: '{{record}}: field "{{field}}" appears twice',
  },
  'json.expected': {
    'zh-CN': 'JSON 格式错误：第 {{byte}} 字节处不符合要求，应为：{{what}}',
    en: 'invalid JSON at byte {{byte}}: expected {{what}}',
  },
  'json.expectStart': { 'zh-CN': '文档开头的“{”', en: 'the document to start with "{"' },
  'json.expectField': { 'zh-CN': '字段名', en: 'a field name' },
  'json.expectColon': { 'zh-CN': '冒号“:”', en: '":"' },
  'json.expectCommaBrace': { 'zh-CN': '逗号“,”或右花括号“}”', en: '"," or "}"' },
  'json.expectCommaBracket': { 'zh-CN': '逗号“,”或右方括号“]”', en: '"," or "]"' },
  'json.expectEnd': { 'zh-CN': '结束的“}”之后不应再有内容', en: 'nothing after the closing "}"' },
  'dataset.personNotInFile': {
    'zh-CN': '所指人员“{{key}}”不在本文件中（人员的任免审批表信息须与人员一并导入）',
    en: 'refers to person "{{key}}", who is not in this file (a person’s record comes with the person)',
  },
  'dataset.month': { 'zh-CN': '应为年月 YYYY-MM，收到“{{value}}”', en: 'must be a month YYYY-MM, got "{{value}}"' },
  'dataset.photoAndType': {
    'zh-CN': '照片和照片类型须同时给出或同时为空',
    en: 'a photo and its type are given together or not at all',
  },
  'dataset.photo': {
    'zh-CN': '照片不是 base64 编码的 {{type}} 图像',
    en: 'the photo is not a base64 {{type}} image',
  },
  'dataset.appearsTwice': { 'zh-CN': '出现了两次', en: 'appears twice' },
  'dataset.formatVersion': {
    'zh-CN': '格式版本应为 {{version}}，收到 {{value}}',
    en: 'must be {{version}}, got {{value}}',
  },
  'dataset.notArray': { 'zh-CN': '应为数组，收到 {{value}}', en: 'must be an array, got {{value}}' },
  'dataset.unknownField': { 'zh-CN': '不是可识别的字段', en: 'unknown field' },
  'dataset.noArrays': { 'zh-CN': '文件中没有任何数据数组（{{arrays}}）', en: 'has none of the arrays {{arrays}}' },
  'dataset.notObject': { 'zh-CN': '应为一个对象', en: 'must be an object' },
  'dataset.duplicateInFile': {
    'zh-CN': '编号重复：“{{key}}”与 {{other}} 相同',
    en: 'duplicate: "{{key}}" is also {{other}}',
  },
  'dataset.duplicateInDatabase': {
    'zh-CN': '编号重复：“{{key}}”已在数据库中',
    en: 'duplicate: "{{key}}" is already in the database',
  },
  'dataset.missingUnit': { 'zh-CN': '所指单位“{{key}}”不存在', en: 'refers to unit "{{key}}", which does not exist' },
  'dataset.missingPerson': {
    'zh-CN': '所指人员“{{key}}”不存在',
    en: 'refers to person "{{key}}", which does not exist',
  },
  'dataset.missingEntry': {
    'zh-CN': '所指后备干部记录“{{key}}”不存在',
    en: 'refers to reserve entry "{{key}}", which does not exist',
  },
  'dataset.cycle': { 'zh-CN': '单位树中形成了循环：{{chain}}', en: 'makes a cycle in the unit tree: {{chain}}' },
  'dataset.openEntryInFile': {
    'zh-CN': '人员“{{person}}”已有一条进行中的后备干部记录：{{other}}',
    en: 'person "{{person}}" already has an open entry, {{other}}',
  },
  'dataset.openEntryInDatabase': {
    'zh-CN': '人员“{{person}}”在数据库中已有一条进行中的后备干部记录',
    en: 'person "{{person}}" already has an open entry in the database',
  },
  'dataset.assessmentInFile': {
    'zh-CN': '重复：人员“{{person}}”已有 {{year}} 年度考核，见 {{other}}',
    en: 'duplicate: person "{{person}}" already has an assessment for {{year}}, {{other}}',
  },
  'dataset.assessmentInDatabase': {
    'zh-CN': '重复：人员“{{person}}”在数据库中已有 {{year}} 年度考核',
    en: 'duplicate: person "{{person}}" already has an assessment for {{year}} in the database',
  },
  'dataset.missingPosition': {
    'zh-CN': '所指职位“{{key}}”不存在',
    en: 'refers to position "{{key}}", which does not exist',
  },
  'dataset.appointmentEntry': {
    'zh-CN': '后备干部记录“{{entry}}”不是人员“{{person}}”的记录',
    en: 'reserve entry "{{entry}}" is not person "{{person}}"’s',
  },
  'dataset.appointmentsOverlap': {
    'zh-CN': '职位“{{position}}”的任职记录与 {{other}} 时间重叠',
    en: 'this appointment to position "{{position}}" overlaps {{other}}',
  },
  'dataset.appointmentEndedHeld': {
    'zh-CN': '职位“{{position}}”最近一次任职已结束，但该职位现任为“{{incumbent}}”，缺少其任职记录',
    en: 'the latest appointment to position "{{position}}" has ended, but the post’s incumbent is "{{incumbent}}", whose appointment is missing',
  },
  'dataset.appointmentNotIncumbent': {
    'zh-CN': '职位“{{position}}”最近一次任职为人员“{{person}}”且未结束，但该职位现任为“{{incumbent}}”',
    en: 'the latest appointment to position "{{position}}" is of person "{{person}}" and has not ended, but the post’s incumbent is "{{incumbent}}"',
  },
  'dataset.untilBeforeSince': {
    'zh-CN': '结束日期 {{until}} 早于开始日期 {{since}}',
    en: '{{until}} is before since {{since}}',
  },
  'dataset.selfMentor': {
    'zh-CN': '人员“{{person}}”是后备干部记录“{{entry}}”本人，不能担任自己的导师',
    en: 'person "{{person}}" is the reserve of entry "{{entry}}": nobody mentors themself',
  },
  'dataset.issue': { 'zh-CN': '记录 {{record}}：{{problem}}', en: '{{record}}: {{problem}}' },
  'dataset.fieldIssue': {
    'zh-CN': '{{record}}，字段“{{field}}”：{{problem}}',
    en: '{{record}}, field "{{field}}": {{problem}}',
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

/** A message as another's parameter (`messageParam`). */
export interface MessageRef {
  key: MessageKey;
  params: MessageParams;
}
/** Values joined into one parameter (`listParam`). */
export interface MessageList {
  items: MessageParam[];
  join: 'list' | 'or' | 'sentences';
}
/** A parameter: a plain value (an enum value or a field by its `Type.VALUE`), a message, a list. */
export type MessageParam = string | number | null | undefined | MessageRef | MessageList;
export type MessageParams = { [name: string]: MessageParam };

/** The types of the labelled values: a value of one of them without a label is shown bare. */
const LABELLED_TYPES = new Set(Object.keys(ENUM_LABELS).map((k) => k.slice(0, k.indexOf('.'))));

const JOINS: Record<MessageList['join'], Templates> = {
  list: { 'zh-CN': '、', en: ', ' },
  or: { 'zh-CN': '或', en: ' or ' },
  sentences: { 'zh-CN': '；', en: '; ' },
};

/** A parameter's value in `lang`: a message formatted, a list joined, a labelled value by its label. */
export function formatValue(value: MessageParam, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('items' in value) return value.items.map((item) => formatValue(item, lang)).join(JOINS[value.join][lang]);
    return value.key in MESSAGES ? formatMessage(value.key, value.params ?? {}, lang) : '';
  }
  const text = String(value);
  if (text.startsWith('Field.')) {
    const path = text.slice('Field.'.length);
    const name =
      path
        .split('.')
        .filter((p) => !/^\d+$/.test(p))
        .at(-1) ?? path;
    return lang === 'en' ? path : (FIELD_LABELS[`Field.${name}`]?.[lang] ?? path);
  }
  const label = ENUM_LABELS[text]?.[lang];
  if (label) return label;
  // An enum value (or a policy key) without a label of its own: the value itself.
  const dot = text.indexOf('.');
  return dot > 0 && LABELLED_TYPES.has(text.slice(0, dot)) ? text.slice(dot + 1) : text;
}

/** The message `key` in `lang`, its parameters filled in (enum values by their labels). */
/** An enum value's label in a language ('' for none): what tables, files and documents print. */
export function enumLabel(type: string, value: string | null | undefined, lang: Lang): string {
  return value ? formatValue(enumParam(type, value), lang) : '';
}

export function formatMessage(key: MessageKey, params: MessageParams, lang: Lang): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => formatValue(params[name], lang));
}

/**
 * Text the program writes for people to read later (a history step's reason), kept as its key and
 * parameters so that each reader sees it in their own language. The mark that opens it is a
 * control character no input can hold (the edge refuses them, domain/text.ts), so a user's own words
 * are never taken for one.
 */
const STORED_MARK = '\u0001';

/** The message as stored text (`readStored` turns it back into words). */
export function storedMessage(key: MessageKey, params: MessageParams = {}): string {
  return `${STORED_MARK}${JSON.stringify({ key, params })}`;
}

/** Stored text as `lang` reads it: a stored message in that language, anything else as it is. */
export function readStored(text: string, lang: Lang): string;
export function readStored(text: string | null, lang: Lang): string | null;
export function readStored(text: string | null, lang: Lang): string | null {
  if (text === null || !text.startsWith(STORED_MARK)) return text;
  const message = storedRef(text);
  return message ? formatMessage(message.key, message.params, lang) : text.slice(STORED_MARK.length);
}

/** The message stored in `text`; null when it is not one (a user's words, or a damaged one). */
function storedRef(text: string): { key: MessageKey; params: MessageParams } | null {
  if (!text.startsWith(STORED_MARK)) return null;
  try {
    const { key, params } = JSON.parse(text.slice(STORED_MARK.length)) as { key: unknown; params: unknown };
    if (typeof key === 'string' && key in MESSAGES && typeof params === 'object' && params !== null)
      return { key: key as MessageKey, params: params as MessageParams };
  } catch {
    // Not JSON: not a stored message.
  }
  return null;
}

/** Whether `text` is a stored message (a dataset written by the export holds them as they are). */
export function isStoredMessage(text: string): boolean {
  return storedRef(text) !== null;
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
