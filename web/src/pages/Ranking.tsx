// 单位排名: for a leader, the worst teams first — by succession gap (the team's own posts falling
// vacant by the horizon against its ready reserves) and by judged breaches — at any level of the
// tree. A row's figures open the people and posts behind them; its name opens its overview.
import { Card, Col, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { RANKING } from '../api/operations.ts';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { ruleLabel } from '../i18n/rules.ts';

type Data = ResultOf<typeof RANKING>;
type Level = NonNullable<VariablesOf<typeof RANKING>['level']>;
const LEVELS: Level[] = ['CITY', 'COUNTY', 'TOWNSHIP', 'DEPARTMENT', 'VILLAGE'];

export function Ranking({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const level = (LEVELS as string[]).includes(params.get('level') ?? '') ? (params.get('level') as Level) : null;
  const set = (changes: Record<string, string | null>) => {
    const next = { unit: unitCode, asOf, level: level ?? '', ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  };
  const [{ data, fetching, error }] = useQuery({ query: RANKING, variables: { unitCode, asOf, level, first: 50 } });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const open = (measure: string, code: string, name: string, label: string) =>
    setDrill({ measure, unitCode: code, subtree: false, asOf, title: `${name} · ${label}` });
  const toOverview = (code: string) => navigate(`/overview?${new URLSearchParams({ unit: code, asOf })}`);
  const link = (text: string | number, onClick: () => void) => (
    <Typography.Link onClick={onClick}>{text}</Typography.Link>
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ranking.title')} · {data?.unit?.name ?? unitCode}
        </Typography.Title>
        <span>{t('common.asOf')}</span>
        <DatePicker
          aria-label={t('common.asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && set({ asOf: d.format('YYYY-MM-DD') })}
        />
        <Select<Level | ''>
          aria-label={t('ranking.level')}
          style={{ width: 160 }}
          value={level ?? ''}
          onChange={(v) => set({ level: v || null })}
          options={[
            { value: '', label: t('ranking.allLevels') },
            ...LEVELS.map((l) => ({ value: l, label: t(`enum.UnitLevel.${l}`) })),
          ]}
        />
      </Space>
      <QueryState fetching={fetching && !data} error={error}>
        {data && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('ranking.byGap')}>
                <Typography.Paragraph type="secondary">
                  {t('ranking.byGapNote', { count: data.successionRanking.total })}
                </Typography.Paragraph>
                <Table<Data['successionRanking']['teams'][number]>
                  size="small"
                  rowKey="unitCode"
                  pagination={false}
                  dataSource={data.successionRanking.teams}
                  columns={[
                    { title: t('ranking.rank'), render: (_, _r, i) => i + 1, width: 56 },
                    { title: t('common.unit'), render: (_, r) => link(r.unitPath, () => toOverview(r.unitCode)) },
                    { title: t('ranking.level'), render: (_, r) => t(`enum.UnitLevel.${r.unitLevel}`) },
                    {
                      title: t('succession.vacancies'),
                      align: 'right',
                      render: (_, r) =>
                        link(r.expectedVacancies, () =>
                          open('VACANCIES', r.unitCode, r.unitName, t('succession.vacancies')),
                        ),
                    },
                    {
                      title: t('succession.ready'),
                      align: 'right',
                      render: (_, r) =>
                        link(r.ready, () => open('READY', r.unitCode, r.unitName, t('succession.ready'))),
                    },
                    {
                      title: t('succession.gap'),
                      align: 'right',
                      render: (_, r) => (
                        <Typography.Text type="danger" strong>
                          {r.gap}
                        </Typography.Text>
                      ),
                    },
                    {
                      title: `${t('enum.PositionKind.PRINCIPAL')} / ${t('enum.PositionKind.DEPUTY')}`,
                      align: 'right',
                      render: (_, r) => `${r.principalGap} / ${r.deputyGap}`,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('ranking.byBreaches')}>
                <Typography.Paragraph type="secondary">{t('ranking.byBreachesNote')}</Typography.Paragraph>
                <Table<Data['complianceReport']['worstUnits'][number]>
                  size="small"
                  rowKey="unitCode"
                  pagination={false}
                  dataSource={data.complianceReport.worstUnits.filter((u) => u.breaches > 0)}
                  columns={[
                    { title: t('ranking.rank'), render: (_, _r, i) => i + 1, width: 56 },
                    {
                      title: t('common.unit'),
                      width: 200,
                      render: (_, r) => link(r.unitPath, () => toOverview(r.unitCode)),
                    },
                    {
                      title: t('overview.breaches'),
                      align: 'right',
                      render: (_, r) =>
                        link(r.breaches, () =>
                          navigate(
                            `/compliance?${new URLSearchParams({ unit: r.unitCode, asOf, subtree: '0', status: 'BREACH' })}`,
                          ),
                        ),
                    },
                    { title: t('overview.warnings'), align: 'right', dataIndex: 'warnings' },
                    {
                      title: t('ranking.breachRules'),
                      render: (_, r) =>
                        r.rules
                          .filter((x) => x.status === 'BREACH')
                          .map((x) => <Tag key={x.rule}>{ruleLabel(t, x.rule, data.complianceReport.policy)}</Tag>),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
