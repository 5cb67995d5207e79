// 总览: the viewer's subtree at a date — pool size and structure, succession gap, alerts, the
// compliance counts per rule, and a unit × rule heat map to drill down from. The unit and the date
// live in the URL, so a view can be shared and bookmarked.
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { OVERVIEW } from '../api/operations.ts';
import { ComplianceHeatmap, type HeatmapUnit } from '../components/ComplianceHeatmap.tsx';
import { QueryState } from '../components/QueryState.tsx';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const STATUS_COLOR: Record<string, string> = { COMPLIANT: 'green', WARNING: 'gold', BREACH: 'red' };

export function Overview({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const [{ data, fetching, error }] = useQuery({ query: OVERVIEW, variables: { unitCode, asOf } });
  const go = useCallback((code: string, date = asOf) => setParams({ unit: code, asOf: date }), [setParams, asOf]);
  const report = data?.complianceReport;
  const rules = report?.totals.map((r) => r.rule) ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {data?.unit?.name ?? unitCode}
        </Typography.Title>
        {data?.unit?.parent && unitCode !== rootUnit && (
          <Button onClick={() => go(data.unit!.parent!.code)}>{t('common.back')}</Button>
        )}
        <span>{t('common.asOf')}</span>
        <DatePicker
          aria-label={t('common.asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && go(unitCode, d.format('YYYY-MM-DD'))}
        />
      </Space>
      <QueryState fetching={fetching && !data} error={error}>
        {data && report && (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.pool')} value={data.poolStructure.total} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.special')} value={percent(data.poolStructure.specialShare)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.nearTerm')} value={percent(data.poolStructure.nearTermShare)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.bachelor')} value={percent(data.poolStructure.bachelorShare)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.gap')} value={data.successionGaps.totalGap} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card>
                  <Statistic title={t('overview.alerts')} value={data.reserveAlerts.total} />
                </Card>
              </Col>
            </Row>
            <Card title={t('overview.compliance')}>
              <Table<ResultOf<typeof OVERVIEW>['complianceReport']['totals'][number]>
                size="small"
                rowKey="rule"
                pagination={false}
                dataSource={report.totals}
                columns={[
                  { title: t('overview.rule'), dataIndex: 'rule', render: (r: string) => t(`rule.${r}`) },
                  { title: t('overview.units'), dataIndex: 'units', align: 'right' },
                  {
                    title: t('overview.compliant'),
                    align: 'right',
                    render: (_, r) => r.units - r.breaches - r.warnings,
                  },
                  { title: t('overview.warnings'), dataIndex: 'warnings', align: 'right' },
                  { title: t('overview.breaches'), dataIndex: 'breaches', align: 'right' },
                  {
                    title: '',
                    dataIndex: 'status',
                    render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
                  },
                ]}
              />
            </Card>
            <Card title={t('overview.heatmap')} extra={t('overview.drill')}>
              <ComplianceHeatmap units={report.worstUnits} rules={rules} onUnit={go} />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}
