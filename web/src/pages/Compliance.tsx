// 配备达标: every unit × rule with value, target, gap and status — filters, sorting, the subtree
// switch and a date to see how it was at any day; export to .xlsx (header rows naming the unit,
// the date and the policy versions) and an A4 print layout for a meeting pack.
import { Button, Card, DatePicker, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { allComplianceRows } from '../api/compliance-rows.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { COMPLIANCE_ROWS } from '../api/operations.ts';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { printTable } from '../export/print.ts';
import { downloadSheet } from '../export/xlsx.ts';
import { number, ruleFigure } from '../format.ts';
import { ruleLabel } from '../i18n/rules.ts';
import { ViewerContext } from '../viewer.ts';

export const RULES = [
  'RATIO_PRINCIPAL',
  'RATIO_DEPUTY',
  'SPECIAL_SHARE',
  'NEAR_TERM_PRINCIPAL',
  'NEAR_TERM_DEPUTY',
  'AGE_BAND_PRINCIPAL',
  'AGE_BAND_DEPUTY',
  'YOUNG_PRINCIPAL',
  'YOUNG_DEPUTY',
  'BACHELOR_SHARE',
  'TRAINING_COVERAGE',
  'CADRE_TRAINING_RATE',
  'SUCCESSION_PRINCIPAL',
  'SUCCESSION_DEPUTY',
  'TRAINING_PROGRESS',
  'DEPARTMENT_QUOTA',
  'VILLAGE_QUOTA',
] as const;
const STATUSES = ['BREACH', 'WARNING', 'COMPLIANT'] as const;
const STATUS_COLOR: Record<string, string> = { COMPLIANT: 'green', WARNING: 'gold', BREACH: 'red' };
const PAGE = 50;

type Vars = VariablesOf<typeof COMPLIANCE_ROWS>;
type Row = ResultOf<typeof COMPLIANCE_ROWS>['complianceReport']['rows']['rows'][number];

const SORTS: Record<string, NonNullable<Vars['orderBy']>> = {
  unitName: 'UNIT',
  rule: 'RULE',
  gap: 'GAP',
  status: 'SEVERITY',
};
/** A share as a percentage, a ratio as 1:x, a count as a whole number: never one format for all. */
const figure = (r: { rule: string; denominator: number | null }, x: number, part: 'value' | 'gap' = 'value') =>
  ruleFigure(r.rule, r, x, part);
const fromUrl = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

export function Compliance({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const subtree = params.get('subtree') !== '0';
  // The overview's links name a rule and a status in the URL.
  // The filters live in the URL with the unit and the date: a view can be shared and bookmarked.
  const rules: NonNullable<Vars['rules']> = fromUrl(params.get('rule'), RULES);
  const statuses: NonNullable<Vars['statuses']> = fromUrl(params.get('status'), STATUSES);
  const setRules = (v: string[]) => set({ rule: v.join(',') });
  const setStatuses = (v: string[]) => set({ status: v.join(',') });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // The sort lives in the URL too (order, dir); severity first by default.
  const ORDERS = ['SEVERITY', 'GAP', 'UNIT', 'RULE'] as const;
  const order: { by: NonNullable<Vars['orderBy']>; direction: 'ASC' | 'DESC' } = {
    by: fromUrl(params.get('order'), ORDERS)[0] ?? 'SEVERITY',
    direction: params.get('dir') === 'ASC' ? 'ASC' : 'DESC',
  };
  /** The header arrow of a sortable column, from the URL's sort. */
  const sortOrderOf = (field: string) =>
    SORTS[field] === order.by ? (order.direction === 'ASC' ? ('ascend' as const) : ('descend' as const)) : null;
  const setOrder = (o: { by: NonNullable<Vars['orderBy']>; direction: 'ASC' | 'DESC' }) =>
    set(o.by === 'SEVERITY' && o.direction === 'DESC' ? { order: '', dir: '' } : { order: o.by, dir: o.direction });
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);
  const viewer = useContext(ViewerContext);
  const variables = {
    unitCode,
    subtree,
    asOf,
    rules: rules.length ? rules : null,
    statuses: statuses.length ? statuses : null,
    orderBy: order.by,
    direction: order.direction,
  };
  const [{ data, fetching, error }] = useQuery({
    query: COMPLIANCE_ROWS,
    variables: { ...variables, first: PAGE, offset: (page - 1) * PAGE },
  });
  const set = (next: Record<string, string>) => {
    setPage(1);
    const all: Record<string, string> = {
      unit: unitCode,
      asOf,
      subtree: subtree ? '1' : '0',
      rule: rules.join(','),
      status: statuses.join(','),
      order: params.get('order') ?? '',
      dir: params.get('dir') ?? '',
      ...next,
    };
    setParams(Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')));
  };
  const report = data?.complianceReport;
  const label = (rule: string) => ruleLabel(t, rule, report?.policy);
  const open = (r: Row, measure: string | null, part: string) =>
    measure &&
    setDrill({
      measure,
      unitCode: r.unitCode,
      subtree: r.subtree,
      asOf,
      trainingYear: report?.trainingYear,
      title: `${r.unitName} · ${label(r.rule)} · ${part}`,
    });
  const versions = report?.policyVersions.length ? report.policyVersions.join(', ') : t('compliance.defaultPolicy');
  const header = t('compliance.header', { unit: data?.unit?.name ?? unitCode, asOf, versions });

  /** The count a ratio's target is taken of: posts (职数), or departments for the department quota. */
  const baseText = (r: Row) =>
    r.base === null
      ? null
      : r.rule === 'DEPARTMENT_QUOTA'
        ? t('compliance.baseDepartments', { count: r.base })
        : number(r.base);
  const judgedText = (r: Row) =>
    r.judged ? (r.subtree ? t('compliance.judgedPool') : t('compliance.judgedTeam')) : t('compliance.notJudged');
  /** What a printout or a spreadsheet says about its rows: how many, the filters, and the footer's facts. */
  const factsOf = (rows: unknown[]) => ({
    subtitle: [
      t('compliance.printCount', { count: rows.length }),
      t('compliance.trainingYear', { year: report?.trainingYear }),
      ...(rules.length ? [`${t('compliance.rules')}：${rules.map(label).join('、')}`] : []),
      ...(statuses.length ? [`${t('compliance.statuses')}：${statuses.map((s) => t(`status.${s}`)).join('、')}`] : []),
    ],
    footer: t('print.footer', {
      unit: data?.unit?.name ?? unitCode,
      asOf,
      versions,
      who: viewer?.username ?? '',
      when: dayjs().format('YYYY-MM-DD HH:mm'),
    }),
  });
  const print = async () => {
    setPrinting(true);
    try {
      const rows = await allComplianceRows(client, variables);
      printTable(
        {
          title: header,
          ...factsOf(rows),
          columns: [
            { header: t('common.unit') },
            { header: t('compliance.unitCode') },
            { header: t('overview.rule') },
            { header: t('compliance.numerator'), align: 'right' },
            { header: t('compliance.denominator'), align: 'right' },
            { header: t('compliance.base'), align: 'right' },
            { header: t('compliance.value'), align: 'right' },
            { header: t('compliance.target'), align: 'right' },
            { header: t('compliance.gap'), align: 'right' },
            { header: t('compliance.status') },
            { header: t('compliance.judged') },
          ],
          rows: rows.map((r) => [
            r.unitPath,
            r.unitCode,
            label(r.rule),
            number(r.numerator),
            r.denominator === null ? null : number(r.denominator),
            baseText(r),
            figure(r, r.value),
            figure(r, r.target),
            figure(r, r.gap, 'gap'),
            t(`status.${r.status}`),
            judgedText(r),
          ]),
        },
        t('print.pages', { page: '{page}', pages: '{pages}' }),
      );
    } finally {
      setPrinting(false);
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const rows = await allComplianceRows(client, variables);
      const facts = factsOf(rows);
      await downloadSheet({
        fileName: `compliance-${unitCode}-${asOf}.xlsx`,
        sheetName: t('compliance.sheet'),
        title: [header, ...facts.subtitle, facts.footer],
        columns: [
          { header: t('common.unit'), width: 36 },
          { header: t('compliance.unitCode'), width: 14 },
          { header: t('overview.rule'), width: 22 },
          { header: t('compliance.numerator'), width: 12 },
          { header: t('compliance.denominator'), width: 12 },
          { header: t('compliance.base'), width: 12 },
          { header: t('compliance.value'), width: 12 },
          { header: t('compliance.target'), width: 12 },
          { header: t('compliance.gap'), width: 12 },
          { header: t('compliance.status'), width: 12 },
          { header: t('compliance.judged'), width: 12 },
        ],
        rows: rows.map((r) => [
          r.unitPath,
          r.unitCode,
          label(r.rule),
          r.numerator,
          r.denominator,
          r.rule === 'DEPARTMENT_QUOTA' ? baseText(r) : r.base,
          figure(r, r.value),
          figure(r, r.target),
          figure(r, r.gap, 'gap'),
          t(`status.${r.status}`),
          judgedText(r),
        ]),
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="print-only" style={{ margin: 0 }}>
        {header}
      </Typography.Title>
      <Space wrap className="no-print">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {data?.unit?.name ?? unitCode}
        </Typography.Title>
        <span>{t('common.asOf')}</span>
        <DatePicker
          aria-label={t('common.asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && set({ asOf: d.format('YYYY-MM-DD') })}
        />
        <Switch
          checked={subtree}
          onChange={(on) => set({ subtree: on ? '1' : '0' })}
          aria-label={t('compliance.subtree')}
        />
        <span>{t('compliance.subtree')}</span>
        <Select
          mode="multiple"
          allowClear
          aria-label={t('compliance.rules')}
          placeholder={t('compliance.rules')}
          style={{ minWidth: 220 }}
          value={rules}
          onChange={(v) => {
            setPage(1);
            setRules(v);
          }}
          options={RULES.map((r) => ({ value: r, label: label(r) }))}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('compliance.statuses')}
          placeholder={t('compliance.statuses')}
          style={{ minWidth: 160 }}
          value={statuses}
          onChange={(v) => {
            setPage(1);
            setStatuses(v);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Button onClick={exportXlsx} loading={exporting} disabled={!report}>
          {exporting ? t('compliance.exporting') : t('compliance.export')}
        </Button>
        <Button onClick={print} loading={printing} disabled={!report}>
          {t('compliance.print')}
        </Button>
      </Space>
      {report && (
        <Typography.Text type="secondary">
          {t('compliance.trainingYear', { year: report.trainingYear })} · {t('overview.judgedNote')}
        </Typography.Text>
      )}
      <Card>
        <QueryState fetching={fetching && !data} error={error}>
          {report && (
            <Table<Row>
              size="small"
              rowKey={(r) => `${r.unitCode}|${r.rule}`}
              dataSource={report.rows.rows}
              loading={fetching}
              pagination={{
                current: page,
                pageSize: PAGE,
                total: report.rows.total,
                showSizeChanger: false,
                showTotal: (total) => t('compliance.total', { total }),
                onChange: setPage,
              }}
              onChange={(_p, _f, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const by = s?.order ? SORTS[String(s.field)] : undefined;
                setPage(1);
                setOrder(
                  by
                    ? { by, direction: s?.order === 'ascend' ? 'ASC' : 'DESC' }
                    : { by: 'SEVERITY', direction: 'DESC' },
                );
              }}
              columns={[
                {
                  title: t('common.unit'),
                  dataIndex: 'unitName',
                  sorter: true,
                  sortOrder: sortOrderOf('unitName'),
                  // With the units above it (names repeat: every county has an 教育局) and its code.
                  render: (_name: string, r) => (
                    <Space size={4}>
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                        onClick={() => set({ unit: r.unitCode })}
                      >
                        {r.unitPath}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.unitCode}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('overview.rule'),
                  dataIndex: 'rule',
                  sorter: true,
                  sortOrder: sortOrderOf('rule'),
                  render: (rule: string, r) => (
                    <Space size={4} wrap>
                      {label(rule)}
                      {r.subtree && <Tag>{t('compliance.judgedPool')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('compliance.numerator'),
                  align: 'right',
                  render: (_, r) => (
                    <Typography.Link onClick={() => open(r, r.numeratorMeasure, t('compliance.numerator'))}>
                      {number(r.numerator)}
                    </Typography.Link>
                  ),
                },
                {
                  title: t('compliance.denominator'),
                  align: 'right',
                  render: (_, r) =>
                    r.denominator === null ? (
                      '—'
                    ) : (
                      <Typography.Link onClick={() => open(r, r.denominatorMeasure, t('compliance.denominator'))}>
                        {number(r.denominator)}
                      </Typography.Link>
                    ),
                },
                {
                  title: t('compliance.base'),
                  align: 'right',
                  render: (_, r) => baseText(r) ?? '—',
                },
                {
                  title: t('compliance.value'),
                  dataIndex: 'value',
                  align: 'right',
                  render: (x: number, r) => figure(r, x),
                },
                {
                  title: t('compliance.target'),
                  dataIndex: 'target',
                  align: 'right',
                  render: (x: number, r) =>
                    r.targetMeasure && r.denominator === null ? (
                      <Typography.Link onClick={() => open(r, r.targetMeasure, t('compliance.target'))}>
                        {figure(r, x)}
                      </Typography.Link>
                    ) : (
                      figure(r, x)
                    ),
                },
                {
                  title: t('compliance.gap'),
                  dataIndex: 'gap',
                  align: 'right',
                  sorter: true,
                  sortOrder: sortOrderOf('gap'),
                  render: (x: number, r) => figure(r, x, 'gap'),
                },
                {
                  title: t('compliance.status'),
                  dataIndex: 'status',
                  sorter: true,
                  sortOrder: sortOrderOf('status'),
                  render: (s: string, r) =>
                    r.judged ? (
                      <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>
                    ) : (
                      <Tag title={t('compliance.notJudgedHint')}>{t('compliance.notJudged')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
