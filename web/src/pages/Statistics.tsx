// 后备干部统计表: what an organization department reports upward — the reserves of a unit's subtree
// at a date by kind and target rank, with their structure, ages, education, tiers, sources and
// the year's intake and exits, each kind's total and the whole total. Every count opens the
// entries it counts; the table downloads as the fixed-layout .xlsx and prints on A4 landscape.
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { STATISTICS } from '../api/operations.ts';
import { AnnualReport } from '../components/AnnualReport.tsx';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { printTable } from '../export/print.ts';
import { percent } from '../format.ts';
import { ViewerContext } from '../viewer.ts';

type StatTable = ResultOf<typeof STATISTICS>['statisticsTable'];
type Row = StatTable['rows'][number];
type Cell = Row['cells'][number];

export function Statistics({ rootUnit }: { rootUnit: string }) {
  const { t, i18n } = useTranslation();
  const viewer = useContext(ViewerContext);
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const set = (changes: Record<string, string>) => setParams({ unit: unitCode, asOf, ...changes });
  const [{ data, fetching, error }] = useQuery({ query: STATISTICS, variables: { unitCode, asOf } });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const table = data?.statisticsTable;
  const exportUrl = `/export/statistics.xlsx?${new URLSearchParams({ unit: unitCode, asOf, lang: i18n.language })}`;

  const open = (row: Row, cell: Cell, label: string) =>
    setDrill({
      measure: cell.drillMeasure,
      targetRank: cell.targetRank,
      unitCode,
      subtree: true,
      asOf,
      title: `${table?.unitName ?? unitCode} · ${row.label} · ${label}`,
    });

  const columns: ColumnsType<Row> = [
    {
      title: t('statistics.row'),
      dataIndex: 'label',
      fixed: 'left',
      width: 150,
      render: (text: string, r) => (r.total ? <strong>{text}</strong> : text),
    },
    ...(table?.groups ?? []).map((g) => {
      const leaf = (c: (typeof g.columns)[number]) => ({
        key: c.measure,
        title: c.label,
        align: 'right' as const,
        width: 76,
        render: (_: unknown, r: Row) => {
          const cell = r.cells.find((x) => x.measure === c.measure);
          if (!cell) return null;
          return (
            <div>
              {cell.count > 0 ? (
                <button
                  type="button"
                  className="figure-link"
                  onClick={() => open(r, cell, `${g.label}·${c.label}`)}
                  aria-label={`${r.label} ${c.label}`}
                >
                  {cell.count}
                </button>
              ) : (
                <span style={{ color: '#999' }}>0</span>
              )}
              {cell.share !== null && <div style={{ fontSize: 11, color: '#888' }}>{percent(cell.share)}</div>}
            </div>
          );
        },
      });
      return g.columns.length === 1 && g.columns[0]
        ? leaf(g.columns[0])
        : { key: g.key, title: g.label, children: g.columns.map(leaf) };
    }),
  ];

  const print = () => {
    if (!table) return;
    const leaves = table.groups.flatMap((g) =>
      g.columns.map((c) => ({
        header: g.columns.length > 1 ? `${g.label}·${c.label}` : c.label,
        align: 'right' as const,
      })),
    );
    printTable(
      {
        title: t('statistics.printTitle', { unit: table.unitName }),
        subtitle: [
          t('statistics.scope', { unit: table.unitName, asOf: table.asOf, year: table.year }),
          t('statistics.note'),
        ],
        footer: t('statistics.footer', {
          unit: table.unitName,
          asOf: table.asOf,
          who: viewer?.username ?? '',
          when: dayjs().format('YYYY-MM-DD HH:mm'),
        }),
        columns: [{ header: t('statistics.row') }, { header: t('statistics.line') }, ...leaves],
        rows: table.rows.flatMap((r) => [
          [r.label, t('statistics.count'), ...r.cells.map((c) => c.count)],
          ['', t('statistics.share'), ...r.cells.map((c) => (c.share === null ? '' : percent(c.share)))],
        ]),
      },
      t('statistics.title'),
    );
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('statistics.title')} · {table?.unitName ?? unitCode}
        </Typography.Title>
        <UnitPicker
          aria-label={t('common.unit')}
          style={{ width: 280 }}
          value={unitCode}
          onChange={(code) => code && set({ unit: code })}
        />
        <span>{t('common.asOf')}</span>
        <DatePicker
          aria-label={t('common.asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && set({ asOf: d.format('YYYY-MM-DD') })}
        />
        <Button href={exportUrl} disabled={!table}>
          {t('statistics.export')}
        </Button>
        <Button onClick={print} disabled={!table}>
          {t('statistics.print')}
        </Button>
      </Space>
      <QueryState fetching={fetching && !data} error={error}>
        {table && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('statistics.scope', { unit: table.unitName, asOf: table.asOf, year: table.year })}
              {' · '}
              {t('statistics.note')}
            </Typography.Paragraph>
            <Table<Row>
              size="small"
              bordered
              rowKey={(r) => `${r.kind ?? 'ALL'}:${r.targetRank ?? 'TOTAL'}`}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={table.rows}
              columns={columns}
              rowClassName={(r) => (r.total ? 'statistics-total' : '')}
            />
          </>
        )}
      </QueryState>
      <AnnualReport unitCode={unitCode} />
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
