// The 后备干部简要情况登记表 (一人一卡): one sheet per reserve — the particulars of the form record,
// the entry (unit, kind and target rank, tier, direction, source, entered, period end), mentors,
// the last three years' assessments, trainings, practice, 简历, 奖惩 and the inspection's
// conclusion — and the candidate dossier: for the entries of a selection, a cover listing them
// ranked by final score, then each candidate's card with the recommendation counted per voter
// group, the score sheet and the inspection. Read from the database at a date; the photo only
// for accounts that may read personal data.
import { addYears, toIso, toIsoOrNull } from '../../domain/dates.ts';
import { enumLabel } from '../../domain/messages.ts';
import { policyOf } from '../../domain/policy/effective.ts';
import { rankByScore, scoreSheet, tallyRound } from '../../domain/procedure.ts';
import type { Db } from '../db/client.ts';

type Reader = Db;

import { dotted, formatResume, type LrmxRecord } from '../interchange/lrmx.ts';
import { FORM_INCLUDE, formOf } from '../interchange/person-form.ts';
import { readPoliciesAt } from '../policy/store.ts';
import { ageInMonths, photoCell } from './appointment-form.ts';
import { type DocBlock, type DocCell, type DocModel, label, value } from './model.ts';

const zh = (type: string, v: string | null | undefined) => enumLabel(type, v, 'zh-CN');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const INCLUDE = {
  ...FORM_INCLUDE,
  trainings: { orderBy: { start: 'asc' as const } },
  assessments: { orderBy: { year: 'asc' as const } },
  practices: { orderBy: { start: 'asc' as const }, include: { unit: { select: { name: true } } } },
} as const;

const ENTRY_INCLUDE = {
  unit: { select: { name: true, kind: true } },
  mentors: { orderBy: { since: 'asc' as const } },
  ballots: {
    where: { struckReason: null },
    orderBy: [{ heldOn: 'desc' as const }, { id: 'desc' as const }],
    include: { tallies: true },
  },
  scores: true,
  inspections: { orderBy: [{ startedOn: 'desc' as const }, { id: 'desc' as const }] },
};

async function readPeople(db: Reader, codes: string[]) {
  return db.person.findMany({ where: { code: { in: codes } }, include: INCLUDE });
}
type PersonRow = Awaited<ReturnType<typeof readPeople>>[number];

async function readEntries(db: Reader, where: object) {
  return db.reserveEntry.findMany({ where, include: ENTRY_INCLUDE, orderBy: [{ enteredOn: 'desc' }, { id: 'desc' }] });
}
type EntryRow = Awaited<ReturnType<typeof readEntries>>[number];

export interface CardOptions {
  asOf: string;
  footer: string;
  /** False: the photo box stays empty (the account may not read personal data). */
  withPhoto: boolean;
  /** The entries the reader may see (a Prisma filter on the entry's unit); {} for all. */
  entryScope: object;
}

/** The card's table for one person and their entry (null: not a reserve). */
function cardBlocks(p: PersonRow, entry: EntryRow | null, policyYears: number, opt: CardOptions): DocBlock[] {
  const r: LrmxRecord = formOf(p);
  const photo = opt.withPhoto ? photoCell(r, 4) : photoCell({ photo: null }, 4);
  const words = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');
  const year = Number(opt.asOf.slice(0, 4));
  const assessments = p.assessments
    .filter((a) => a.year >= year - 3 && a.year < year)
    .map((a) => `${a.year}年 ${zh('Grade', a.grade)}`)
    .join('；');
  const threeYears = addYears(opt.asOf, -3);
  const trainings = p.trainings
    .filter((t) => toIso(t.start) > threeYears && toIso(t.start) <= opt.asOf)
    .map(
      (t) =>
        `${toIso(t.start)}  ${t.program}（${zh('TrainingKind', t.kind)}，${t.days}天${t.completed ? '' : '，未完成'}）`,
    )
    .join('\n');
  const practices = p.practices
    .filter((x) => toIso(x.start) <= opt.asOf)
    .map(
      (x) =>
        `${toIso(x.start)}--${toIsoOrNull(x.end) ?? ''}  ${zh('PracticeKind', x.kind)}${x.unit ? `：${x.unit.name}` : ''}${x.reportScore === null ? '' : `（报告评分 ${x.reportScore}）`}`,
    )
    .join('\n');
  const mentors = entry
    ? entry.mentors
        .filter((m) => toIso(m.since) <= opt.asOf && (!m.until || toIso(m.until) > opt.asOf))
        .map((m) => `${m.mentorName}（${toIso(m.since)}起）`)
        .join('、')
    : '';
  const inspection = entry?.inspections.find((x) => toIso(x.startedOn) <= opt.asOf);
  const entered = toIsoOrNull(entry?.enteredOn ?? null);
  const partyJoined = r.partyJoined && /^\d{4}-\d{2}$/.test(r.partyJoined) ? dotted(r.partyJoined) : r.partyJoined;
  const rows: DocCell[][] = [
    [
      label('姓　名'),
      value(r.name),
      label('性　别'),
      value(r.gender === 'M' ? '男' : '女'),
      label('出生年月\n（岁）'),
      value(r.birthMonth ? `${dotted(r.birthMonth)}（${ageInMonths(r.birthMonth, opt.asOf)}岁）` : ''),
      photo,
    ],
    [
      label('民　族'),
      value(r.ethnicity),
      label('籍　贯'),
      value(r.nativePlace),
      label('政治面貌'),
      value(`${zh('PoliticalStatus', p.politicalStatus)}${partyJoined ? `\n${partyJoined}入党` : ''}`),
    ],
    [
      label('参加工\n作时间'),
      value(dotted(r.workStartMonth)),
      label('学历学位'),
      value(words(r.fullTimeEducation, r.fullTimeDegree) || zh('Education', p.education), { colSpan: 3 }),
    ],
    [label('毕业院校\n及专业'), value(words(r.fullTimeSchool, r.fullTimeDegreeSchool), { colSpan: 5 })],
    [
      label('现任职务'),
      value(r.currentPost, { colSpan: 4 }),
      label('任现职\n时　间'),
      value(
        toIsoOrNull(p.profile?.currentPostSince ?? null)
          ?.slice(0, 7)
          .replace('-', '.') ?? '',
      ),
    ],
    [
      label('现职级'),
      value(zh('Rank', p.rank)),
      label('任职级\n时　间'),
      value(toIsoOrNull(p.rankSince)?.slice(0, 7).replace('-', '.') ?? ''),
      label('专业技\n术职务'),
      value(r.professionalTitle || zh('Title', p.title), { colSpan: 2 }),
    ],
    [
      label('后备单位'),
      value(entry?.unit.name, { colSpan: 2 }),
      label('后备类别'),
      value(entry ? `${zh('PositionKind', entry.targetKind)}后备 · ${zh('Rank', entry.targetRank)}` : '', {
        colSpan: 3,
      }),
    ],
    [
      label('成熟度'),
      value(zh('Tier', entry?.tier)),
      label('培养方向'),
      value(zh('Direction', entry?.direction)),
      label('来　源'),
      value(zh('Source', entry?.source), { colSpan: 2 }),
    ],
    [
      label('入库时间'),
      value(entered ?? ''),
      label('管理期至'),
      value(entered ? addYears(entered, policyYears) : ''),
      label('现状态'),
      value(zh('ReserveStatus', entry?.status), { colSpan: 2 }),
    ],
    [label('培养导师'), value(mentors || '—', { colSpan: 6 })],
    [label('近三年\n年度考核'), value(assessments || '—', { colSpan: 6 })],
    [label('培训情况'), value(trainings || '—', { colSpan: 6, minHeightMm: 14 })],
    [label('实践锻炼'), value(practices || '—', { colSpan: 6 })],
    [label('简　历'), value(formatResume(r.resume) || '—', { colSpan: 6, minHeightMm: 50 })],
    [label('奖惩情况'), value(r.rewards.length ? r.rewards.join('\n') : '无', { colSpan: 6 })],
    [
      label('考察结论'),
      value(
        inspection
          ? `${inspection.conclusion ?? ''}${inspection.verdict ? `（${zh('InspectionVerdict', inspection.verdict)}）` : ''}`
          : '—',
        { colSpan: 6, minHeightMm: 14 },
      ),
    ],
  ];
  return [
    { kind: 'heading', level: 1, text: '后备干部简要情况登记表' },
    { kind: 'table', widths: [13, 14, 12, 14, 12, 16, 19], rowHeightMm: 9, rows },
  ];
}

/** The open entry of each person, else the latest, among the entries `scope` allows. */
async function entriesOf(db: Reader, personCodes: string[], scope: object): Promise<Map<string, EntryRow>> {
  const entries = await readEntries(db, { personCode: { in: personCodes }, ...scope });
  const out = new Map<string, EntryRow>();
  for (const e of entries) {
    const had = out.get(e.personCode);
    if (!had || (had.openPersonCode === null && e.openPersonCode !== null)) out.set(e.personCode, e);
  }
  return out;
}

/** 一人一卡 for these people, one sheet each, in the order given. */
export async function cardsModel(db: Reader, personCodes: string[], opt: CardOptions): Promise<DocModel> {
  const [people, entries, policies] = await Promise.all([
    readPeople(db, personCodes),
    entriesOf(db, personCodes, opt.entryScope),
    readPoliciesAt(db, opt.asOf),
  ]);
  const byCode = new Map(people.map((p) => [p.code, p]));
  const blocks: DocBlock[] = [];
  for (const code of personCodes) {
    const p = byCode.get(code);
    if (!p) continue;
    const entry = entries.get(code) ?? null;
    const years = policyOf(policies, entry?.unit.kind ?? null).managementPeriodYears;
    if (blocks.length) blocks.push({ kind: 'pageBreak' });
    blocks.push(...cardBlocks(p, entry, years, opt));
  }
  const one = personCodes.length === 1 ? byCode.get(personCodes[0] ?? '') : undefined;
  return {
    title: '后备干部简要情况登记表',
    fileName: one ? `一人一卡-${one.name}-${one.code}` : `一人一卡-${personCodes.length}人-${opt.asOf}`,
    orientation: 'portrait',
    footer: opt.footer,
    blocks,
  };
}

/** The candidate dossier for these entries: a ranked cover, then each candidate's card and records. */
export async function dossierModel(db: Reader, entryCodes: string[], opt: CardOptions): Promise<DocModel> {
  const [entries, policies] = await Promise.all([
    readEntries(db, { code: { in: entryCodes } }),
    readPoliciesAt(db, opt.asOf),
  ]);
  const people = new Map(
    (
      await readPeople(
        db,
        entries.map((e) => e.personCode),
      )
    ).map((p) => [p.code, p]),
  );
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const scored = rankByScore(
    entryCodes.flatMap((code) => {
      const entry = byCode.get(code);
      const person = entry ? people.get(entry.personCode) : undefined;
      if (!entry || !person) return [];
      const policy = policyOf(policies, entry.unit.kind);
      const sheet = scoreSheet(entry.scores, policy.selection);
      const round = entry.ballots.find((b) => toIso(b.heldOn) <= opt.asOf);
      const tally = round ? tallyRound(round.tallies, policy.recommendation) : null;
      return [{ entry, person, policy, sheet, round, tally, finalScore: sheet.finalScore }];
    }),
  );
  // The cover and the candidates in rank order; the unranked (no final score) after, as given.
  scored.sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: '后备干部人选材料' },
    { kind: 'paragraph', align: 'center', text: `共 ${scored.length} 人 · 材料日期 ${opt.asOf}` },
    {
      kind: 'table',
      header: true,
      widths: [6, 10, 22, 18, 10, 12, 12, 10],
      rowHeightMm: 8,
      rows: [
        ['序号', '姓名', '后备单位', '后备类别', '状态', '推荐得票率', '综合得分', '名次'].map((t) => label(t)),
        ...scored.map((c, i) => [
          value(String(i + 1), { align: 'center' }),
          value(c.person.name, { align: 'center' }),
          value(c.entry.unit.name),
          value(`${zh('PositionKind', c.entry.targetKind)} · ${zh('Rank', c.entry.targetRank)}`),
          value(zh('ReserveStatus', c.entry.status), { align: 'center' }),
          value(c.tally ? pct(c.tally.total.favourShare) : '—', { align: 'right' }),
          value(c.finalScore === null ? '—' : c.finalScore.toFixed(2), { align: 'right' }),
          value(c.rank === null ? '—' : String(c.rank), { align: 'center' }),
        ]),
      ],
    },
    {
      kind: 'paragraph',
      small: true,
      text: '推荐得票率为最近一次民主推荐各组合计的赞成票占实到票；综合得分为各轮得分按权重合计（有一轮低于及格线或未评完的不计）；名次按综合得分从高到低。',
    },
  ];
  for (const c of scored) {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(...cardBlocks(c.person, c.entry, c.policy.managementPeriodYears, opt));
    blocks.push({ kind: 'heading', level: 2, text: '民主推荐' });
    blocks.push(
      c.tally && c.round
        ? {
            kind: 'table',
            header: true,
            widths: [20, 12, 12, 12, 12, 12, 10, 12],
            rows: [
              ['投票人', '应到', '实到', '赞成', '反对', '弃权', '废票', '赞成率'].map((t) => label(t)),
              ...[...c.tally.groups, c.tally.total].map((g) => [
                value(g.group === 'ALL' ? '合计' : zh('VoterGroup', g.group)),
                ...[g.expected, g.cast, g.favour, g.against, g.abstain, g.invalid].map((n) =>
                  value(String(n), { align: 'right' }),
                ),
                value(pct(g.favourShare), { align: 'right' }),
              ]),
            ],
          }
        : { kind: 'paragraph', text: '无民主推荐记录。' },
    );
    if (c.tally && c.round)
      blocks.push({
        kind: 'paragraph',
        small: true,
        text: `推荐日期 ${toIso(c.round.heldOn)}；参会率 ${pct(c.tally.total.turnout)}，${c.tally.void ? '未达到规定人数，推荐无效' : c.tally.passed ? '得票过半数' : '得票未过半数'}。`,
      });
    blocks.push({ kind: 'heading', level: 2, text: '选拔评分' });
    blocks.push({
      kind: 'table',
      header: true,
      widths: [30, 16, 18, 18, 18],
      rows: [
        ['环节', '权重', '及格线', '得分', '结果'].map((t) => label(t)),
        ...c.sheet.rounds.map((r) => [
          value(zh('ScoreRound', r.round)),
          value(`${Math.round(r.weight * 100)}%`, { align: 'right' }),
          value(String(r.passMark), { align: 'right' }),
          value(r.score === null ? '—' : r.score.toFixed(2), { align: 'right' }),
          value(r.passed === null ? '未评完' : r.passed ? '通过' : '未通过', { align: 'center' }),
        ]),
        [
          value('综合得分'),
          value(''),
          value(''),
          value(c.finalScore === null ? '—' : c.finalScore.toFixed(2), { align: 'right' }),
          value(c.rank === null ? '' : `第 ${c.rank} 名`, { align: 'center' }),
        ],
      ],
    });
    blocks.push({ kind: 'heading', level: 2, text: '组织考察' });
    blocks.push(
      c.entry.inspections.some((x) => toIso(x.startedOn) <= opt.asOf)
        ? {
            kind: 'table',
            header: true,
            widths: [16, 16, 24, 10, 34],
            rows: [
              ['开始', '结束', '考察组', '谈话人数', '结论'].map((t) => label(t)),
              ...c.entry.inspections
                .filter((x) => toIso(x.startedOn) <= opt.asOf)
                .map((x) => [
                  value(toIso(x.startedOn)),
                  value(toIsoOrNull(x.concludedOn) ?? '进行中'),
                  value(x.inspectors),
                  value(String(x.interviews), { align: 'right' }),
                  value(`${x.conclusion ?? ''}${x.verdict ? `（${zh('InspectionVerdict', x.verdict)}）` : ''}`),
                ]),
            ],
          }
        : { kind: 'paragraph', text: '无考察记录。' },
    );
  }
  return {
    title: '后备干部人选材料',
    fileName: `后备干部人选材料-${scored.length}人-${opt.asOf}`,
    orientation: 'portrait',
    footer: opt.footer,
    blocks,
  };
}
