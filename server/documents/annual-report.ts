// The 年度分析报告 of a unit's pool for a year, as a document: the pool's size and changes,
// intake by source, promotions and exits by how they ended (with the idle rate), the structure
// at the year's end, compliance with each rule at the year's end, training, and the next year's
// intake plan of a chosen scenario — tables and charts, every figure handed in (figures come
// from the measures the dashboard shows: server/schema/annual-report.ts).
import type { AnnualPool } from '../../analytics/annual.ts';
import { enumLabel } from '../../domain/messages.ts';
import { barChart } from './charts.ts';
import { type DocBlock, type DocModel, label, value } from './model.ts';

export interface ComplianceLine {
  rule: string;
  /** The rule's label, its ages filled in from the policy. */
  label: string;
  measure: 'COUNT' | 'SHARE';
  units: number;
  breaches: number;
  warnings: number;
  value: number;
  target: number;
}

export interface PlanYear {
  year: number;
  pool: number;
  target: number;
  need: number;
  intake: number;
  expectedVacancies: number;
  promoted: number;
  successionGap: number;
}

export interface AnnualFigures {
  unitCode: string;
  unitName: string;
  year: number;
  pool: AnnualPool;
  compliance: ComplianceLine[];
  training: { year: number; reserves: number; covered: number; coverage: number; people: number; trained: number };
  plan: {
    scenario: string;
    years: PlanYear[];
    units: { unitName: string; kind: string; intake: number }[];
  } | null;
}

const zh = (type: string, v: string) => enumLabel(type, v, 'zh-CN');
const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const figure = (l: ComplianceLine, x: number) => (l.measure === 'SHARE' ? `${(x * 100).toFixed(1)}%` : String(x));

/** The idle rate (备而不用): the share of the year's exits that left at the end of their period. */
export function idleRate(pool: AnnualPool): number | null {
  const expired = pool.exitsByStatus.find((e) => e.status === 'EXPIRED')?.count ?? 0;
  return pool.exits.total > 0 ? expired / pool.exits.total : null;
}

export function annualReportModel(f: AnnualFigures, meta: { footer: string }): DocModel {
  const p = f.pool;
  const promoted = p.exitsByStatus.find((e) => e.status === 'PROMOTED')?.count ?? 0;
  const idle = idleRate(p);
  const table = (header: string[], rows: string[][], widths: number[]): DocBlock => ({
    kind: 'table',
    header: true,
    widths,
    rowHeightMm: 7,
    rows: [header.map((h) => label(h)), ...rows.map((r) => r.map((c, i) => value(c, { align: i ? 'right' : 'left' })))],
  });
  const para = (text: string): DocBlock => ({ kind: 'paragraph', text });
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: `${f.unitName}${f.year}年度后备干部队伍建设分析报告` },
    {
      kind: 'paragraph',
      align: 'center',
      small: true,
      text: `统计范围：${f.unitName}及所属单位　统计期间：${f.year}年1月1日至12月31日`,
    },
    { kind: 'heading', level: 2, text: '一、队伍规模及变化' },
    para(
      `年初（${f.year - 1}年12月31日）在库后备干部 ${p.start.total} 人，本年新入库 ${p.intake.total} 人、退出 ${p.exits.total} 人，年末（${f.year}年12月31日）在库 ${p.end.total} 人（${p.start.total} + ${p.intake.total} − ${p.exits.total} = ${p.end.total}），其中正职后备 ${p.end.principal} 人、副职后备 ${p.end.deputy} 人。`,
    ),
    table(
      ['项目', '合计', '正职后备', '副职后备'],
      [
        ['年初在库', p.start, '年初'],
        ['本年新入库', p.intake, ''],
        ['本年退出', p.exits, ''],
        ['年末在库', p.end, '年末'],
      ].map(([name, k]) => {
        const c = k as AnnualPool['start'];
        return [name as string, String(c.total), String(c.principal), String(c.deputy)];
      }),
      [40, 20, 20, 20],
    ),
    {
      kind: 'image',
      image: barChart({
        title: '后备干部数量变化',
        categories: ['年初在库', '新入库', '退出', '年末在库'],
        series: [
          { name: '正职后备', data: [p.start.principal, p.intake.principal, p.exits.principal, p.end.principal] },
          { name: '副职后备', data: [p.start.deputy, p.intake.deputy, p.exits.deputy, p.end.deputy] },
        ],
      }),
      caption: '图1　后备干部数量变化（人）',
    },
    { kind: 'heading', level: 2, text: '二、新入库来源' },
    para(
      p.intake.total > 0
        ? `本年新入库 ${p.intake.total} 人，其中${p.intakeBySource
            .filter((s) => s.count > 0)
            .map((s) => `${zh('Source', s.source)} ${s.count} 人（${pct(s.count, p.intake.total)}）`)
            .join('，')}。`
        : '本年无新入库后备干部。',
    ),
    table(
      ['来源', '人数', '占比'],
      p.intakeBySource.map((s) => [zh('Source', s.source), String(s.count), pct(s.count, p.intake.total)]),
      [50, 25, 25],
    ),
    {
      kind: 'image',
      image: barChart(
        {
          title: '新入库来源',
          categories: p.intakeBySource.map((s) => zh('Source', s.source)),
          series: [{ name: '人数', data: p.intakeBySource.map((s) => s.count) }],
          horizontal: true,
        },
        480,
        220,
      ),
      caption: '图2　本年新入库来源（人）',
    },
    { kind: 'heading', level: 2, text: '三、提拔使用与退出' },
    para(
      `本年从后备干部中提拔使用 ${promoted} 人；退出共 ${p.exits.total} 人，其中${p.exitsByStatus
        .map((e) => `${zh('ReserveStatus', e.status)} ${e.count} 人`)
        .join(
          '、',
        )}。备而不用率（期满退出占退出人数的比例）${idle === null ? '—（本年无退出）' : `${(idle * 100).toFixed(1)}%`}。`,
    ),
    para(
      '说明：本系统仅登记从后备干部中提拔的任职，未登记的其他任职不在统计之内，因此暂不计算领导班子成员从后备干部中选拔的比例。',
    ),
    table(
      ['退出方式', '人数', '占退出人数'],
      p.exitsByStatus.map((e) => [zh('ReserveStatus', e.status), String(e.count), pct(e.count, p.exits.total)]),
      [50, 25, 25],
    ),
    { kind: 'heading', level: 2, text: '四、年末队伍结构' },
    table(
      ['项目', '人数', '占年末在库'],
      [
        ['女性', p.structure.women],
        ['少数民族', p.structure.minority],
        ['非中共党员', p.structure.nonCpc],
        ['特殊结构（女性、少数民族、非中共党员，一人只计一次）', p.structure.special],
        ['近期可用', p.structure.nearTerm],
        ['本科及以上学历', p.structure.bachelor],
      ].map(([name, n]) => [name as string, String(n), pct(n as number, p.end.total)]),
      [60, 20, 20],
    ),
    { kind: 'heading', level: 2, text: '五、年末配备达标情况' },
    para(
      `按年末（${f.year}年12月31日）数据与各单位当时适用的政策逐项评判（规定名称中的年龄区间为本单位适用政策的数值）：${
        f.compliance
          .filter((c) => c.breaches > 0)
          .map((c) => `${c.label}未达标 ${c.breaches} 个单位`)
          .join('，') || '各项规定均已达标'
      }。`,
    ),
    table(
      ['规定', '评判单位数', '未达标', '预警', '合计值', '目标'],
      f.compliance.map((c) => [
        c.label,
        String(c.units),
        String(c.breaches),
        String(c.warnings),
        figure(c, c.value),
        figure(c, c.target),
      ]),
      [34, 14, 12, 12, 14, 14],
    ),
    {
      kind: 'image',
      image: barChart(
        {
          title: '各项规定未达标、预警单位数',
          categories: f.compliance.map((c) => c.label),
          series: [
            { name: '未达标', data: f.compliance.map((c) => c.breaches) },
            { name: '预警', data: f.compliance.map((c) => c.warnings) },
          ],
          stacked: true,
          horizontal: true,
        },
        480,
        Math.max(200, 40 + 18 * f.compliance.length),
      ),
      caption: '图3　未达标、预警单位数',
    },
    { kind: 'heading', level: 2, text: '六、教育培训' },
    para(
      `${f.training.year}年末在库后备干部 ${f.training.reserves} 人，参加集中培训达到规定次数和天数的 ${f.training.covered} 人，培训覆盖率 ${(f.training.coverage * 100).toFixed(1)}%；所属单位干部 ${f.training.people} 人中本年参加培训 ${f.training.trained} 人。`,
    ),
    { kind: 'heading', level: 2, text: `七、${f.year + 1}年度选拔计划` },
  ];
  if (f.plan) {
    const next = f.plan.years[0];
    blocks.push(
      para(
        next
          ? `按情景“${f.plan.scenario}”测算，${next.year}年需新选拔后备干部 ${next.intake} 人；预计空缺职位 ${next.expectedVacancies} 个，预计提拔约 ${next.promoted.toFixed(1)} 人，无近期可用人选的空缺约 ${next.successionGap.toFixed(1)} 个。`
          : `情景“${f.plan.scenario}”没有测算年份。`,
      ),
      table(
        ['年度', '预计留存（补充前）', '配备目标', '需补充', '计划选拔', '预计空缺', '预计提拔', '接续缺口'],
        f.plan.years.map((y) => [
          String(y.year),
          y.pool.toFixed(1),
          String(y.target),
          y.need.toFixed(1),
          String(y.intake),
          String(y.expectedVacancies),
          y.promoted.toFixed(1),
          y.successionGap.toFixed(1),
        ]),
        [10, 13, 13, 12, 13, 13, 13, 13],
      ),
    );
    if (f.plan.units.length)
      blocks.push(
        para(`计划选拔人数最多的单位（前 ${f.plan.units.length} 个）：`),
        table(
          ['单位', '类别', '计划选拔'],
          f.plan.units.map((u) => [u.unitName, zh('PositionKind', u.kind), String(u.intake)]),
          [60, 20, 20],
        ),
      );
  } else blocks.push(para('未选择规划情景，本报告不含下一年度选拔计划。'));
  blocks.push({
    kind: 'paragraph',
    small: true,
    text: '口径：在库指当日处于后备库（已入库、未退出）；新入库、退出按本年度1月1日至12月31日的入库、退出日期统计；结构占比以年末在库人数为分母；配备达标按年末数据与当时有效的政策评判。',
  });
  return {
    title: `${f.unitName}${f.year}年度后备干部队伍建设分析报告`,
    fileName: `年度分析报告-${f.unitName}-${f.year}`,
    orientation: 'portrait',
    footer: meta.footer,
    blocks,
  };
}
