// Saved scenarios side by side: each one's totals and each year's intake (a year that differs is
// marked), then per unit and kind the intake and the gap under each, largest spread first.
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { COMPARE_SCENARIOS } from '../api/operations.ts';
import { QueryState } from './QueryState.tsx';

type Comparison = ResultOf<typeof COMPARE_SCENARIOS>['compareScenarios'];
type Row = Comparison['rows'][number];

export function ScenarioComparison({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: COMPARE_SCENARIOS, variables: { ids } });
  const c = data?.compareScenarios;
  const dash = (v: number | null | undefined) => (v == null ? '—' : Number.isInteger(v) ? v : v.toFixed(1));
  return (
    <Card title={t('planning.comparison')}>
      <QueryState fetching={fetching && !data} error={error}>
        {c && (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey={(s) => s.scenario.id}
              dataSource={c.scenarios}
              columns={[
                { title: t('planning.name'), render: (_, s) => s.scenario.name },
                { title: t('planning.total'), dataIndex: 'totalIntake', align: 'right' },
                {
                  title: t('planning.intakeByYear'),
                  // A year whose intake differs between the scenarios is marked.
                  render: (_, s) =>
                    s.intakeByYear
                      .map((intake, i) => ({ year: i + 1, intake }))
                      .map(({ year, intake }) => {
                        const differs = c.scenarios.some((o) => o.intakeByYear[year - 1] !== intake);
                        return (
                          <Typography.Text key={year} type={differs ? 'danger' : undefined} strong={differs}>
                            {year > 1 ? ' + ' : ''}
                            {intake}
                          </Typography.Text>
                        );
                      }),
                },
                { title: t('succession.gap'), dataIndex: 'successionGap', align: 'right', render: dash },
                { title: t('planning.pool'), dataIndex: 'pool', align: 'right', render: dash },
                { title: t('planning.horizonEnd'), dataIndex: 'horizonEnd' },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('planning.differing', { count: c.differingRows })}
            </Typography.Paragraph>
            <Table<Row>
              size="small"
              rowKey={(r) => `${r.unitCode}|${r.kind}`}
              dataSource={c.rows}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { title: t('common.unit'), dataIndex: 'unitName' },
                { title: t('roster.kind'), dataIndex: 'kind', render: (k: string) => t(`enum.PositionKind.${k}`) },
                ...c.scenarios.map((s, i) => ({
                  key: s.scenario.id,
                  title: `${s.scenario.name} ${t('planning.intake')} / ${t('succession.gap')}`,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => `${dash(r.intakes[i])} / ${dash(r.successionGaps[i])}`,
                })),
                { title: t('planning.spread'), dataIndex: 'spread', align: 'right' },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
