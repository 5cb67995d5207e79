// The meeting pack (部务会材料): for a unit and a date, one printout with the overview's figures,
// the compliance totals per rule, every judged breach and warning, the teams with the largest
// succession gaps and the units with the most problems — each section on its own sheets, the
// footer and page numbers on every sheet (print.ts). What an organization department brings to
// a meeting, from the same queries as the pages, so its figures are the pages' figures.
import type { TFunction } from 'i18next';
import type { Client } from 'urql';
import { allComplianceRows } from '../api/compliance-rows.ts';
import type { ResultOf } from '../api/graphql.ts';
import { type OVERVIEW, RANKING } from '../api/operations.ts';
import { percent, ruleFigure } from '../format.ts';
import { type PrintSection, printTable } from './print.ts';

type Overview = ResultOf<typeof OVERVIEW>;

export async function printMeetingPack(args: {
  client: Client;
  t: TFunction;
  unitCode: string;
  asOf: string;
  overview: Overview;
  label: (rule: string) => string;
  who: string;
}): Promise<void> {
  const { client, t, unitCode, asOf, overview, label, who } = args;
  const report = overview.complianceReport;
  const unitName = overview.unit?.name ?? unitCode;
  // Every judged breach and warning, most severe first.
  const rows = await allComplianceRows(client, {
    unitCode,
    asOf,
    subtree: true,
    statuses: ['BREACH', 'WARNING'],
    orderBy: 'SEVERITY',
    direction: 'DESC',
  });
  const ranking = await client.query(RANKING, { unitCode, asOf, first: 30 }).toPromise();
  if (ranking.error || !ranking.data) throw ranking.error ?? new Error('no data');
  const p = overview.poolStructure;
  const g = overview.successionGaps;
  const versions = report.policyVersions.length ? report.policyVersions.join(', ') : t('compliance.defaultPolicy');

  const sections: PrintSection[] = [
    {
      heading: t('pack.figures'),
      columns: [{ header: t('pack.figure') }, { header: t('pack.value'), align: 'right' }],
      rows: [
        [t('overview.pool'), p.total],
        [t('enum.PositionKind.PRINCIPAL'), overview.principal.total],
        [t('enum.PositionKind.DEPUTY'), overview.deputy.total],
        [t('overview.nearTerm'), `${p.nearTerm}（${p.total ? percent(p.nearTerm / p.total) : '—'}）`],
        [t('overview.special'), `${p.special}（${percent(p.specialShare)}）`],
        [t('overview.bachelor'), `${p.bachelorOrAbove}（${percent(p.bachelorShare)}）`],
        [t('succession.vacancies'), g.totalExpectedVacancies],
        [t('succession.ready'), g.totalReady],
        [t('overview.gap'), g.totalGap],
        [t('overview.alerts'), overview.reserveAlerts.total],
        [
          t('overview.fromPool', { year: overview.appointmentShare.year }),
          overview.appointmentShare.share === null
            ? t('overview.noAppointments')
            : `${overview.appointmentShare.fromPool} / ${overview.appointmentShare.appointments}（${percent(overview.appointmentShare.share)}）`,
        ],
      ],
    },
    {
      heading: t('pack.rules'),
      notes: [t('compliance.trainingYear', { year: report.trainingYear }), t('overview.judgedNote')],
      columns: [
        { header: t('overview.rule') },
        { header: t('pack.judgedUnits'), align: 'right' },
        { header: t('status.BREACH'), align: 'right' },
        { header: t('status.WARNING'), align: 'right' },
        { header: t('status.COMPLIANT'), align: 'right' },
      ],
      rows: report.totals.map((r) => [
        label(r.rule),
        r.units,
        r.breaches,
        r.warnings,
        r.units - r.breaches - r.warnings,
      ]),
    },
    {
      heading: t('pack.breaches', { count: rows.length }),
      columns: [
        { header: t('common.unit') },
        { header: t('compliance.unitCode') },
        { header: t('overview.rule') },
        { header: t('compliance.value'), align: 'right' },
        { header: t('compliance.target'), align: 'right' },
        { header: t('compliance.gap'), align: 'right' },
        { header: t('compliance.status') },
      ],
      rows: rows.map((r) => [
        r.unitPath,
        r.unitCode,
        label(r.rule),
        ruleFigure(r.rule, r, r.value),
        ruleFigure(r.rule, r, r.target),
        ruleFigure(r.rule, r, r.gap, 'gap'),
        t(`status.${r.status}`),
      ]),
    },
    {
      heading: t('pack.gaps'),
      columns: [
        { header: t('common.unit') },
        { header: t('succession.vacancies'), align: 'right' },
        { header: t('succession.ready'), align: 'right' },
        { header: t('overview.gap'), align: 'right' },
        { header: t('enum.PositionKind.PRINCIPAL'), align: 'right' },
        { header: t('enum.PositionKind.DEPUTY'), align: 'right' },
      ],
      rows: ranking.data.successionRanking.teams.map((team) => [
        team.unitPath,
        team.expectedVacancies,
        team.ready,
        team.gap,
        team.principalGap,
        team.deputyGap,
      ]),
    },
    {
      heading: t('pack.worst'),
      columns: [
        { header: t('common.unit') },
        { header: t('status.BREACH'), align: 'right' },
        { header: t('status.WARNING'), align: 'right' },
        { header: t('pack.breachedRules') },
      ],
      rows: ranking.data.complianceReport.worstUnits.map((u) => [
        u.unitPath,
        u.breaches,
        u.warnings,
        u.rules
          .filter((r) => r.status === 'BREACH')
          .map((r) => label(r.rule))
          .join('、'),
      ]),
    },
  ];
  printTable(
    {
      title: t('pack.title', { unit: unitName, asOf }),
      subtitle: [t('pack.policy', { versions })],
      footer: t('print.footer', { unit: unitName, asOf, versions, who, when: new Date().toLocaleString('zh-CN') }),
      sections,
      orientation: 'landscape',
    },
    t('print.pages', { page: '{page}', pages: '{pages}' }),
  );
}
