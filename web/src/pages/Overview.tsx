// 总览: the viewer's subtree at a date — pool size and structure, succession gap, alerts, the
// compliance counts per rule, and a unit × rule heat map to drill down from. The unit and the date
// live in the URL, so a view can be shared and bookmarked.
import { Button, Card, Col, DatePicker, Descriptions, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { OVERVIEW } from '../api/operations.ts';

// The heat map (ECharts) comes after the figures: its code is fetched while the report is asked
// for, and it is drawn once the figures are on screen (drawing it takes a few hundred ms on a
// slow machine). Not React.lazy: a suspending child holds the figures back by React's Suspense
// throttle (about 300 ms).
type Heatmap = typeof import('../components/ComplianceHeatmap.tsx')['ComplianceHeatmap'];

function useHeatmap(ready: boolean): Heatmap | null {
  const [loaded, setLoaded] = useState<Heatmap | null>(null);
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    import('../components/ComplianceHeatmap.tsx').then((m) => live && setLoaded(() => m.ComplianceHeatmap));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!ready) return;
    // After the frame that shows the figures.
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  return painted ? loaded : null;
}

import { QueryState } from '../components/QueryState.tsx';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const STATUS_COLOR: Record<string, string> = { COMPLIANT: 'green', WARNING: 'gold', BREACH: 'red' };

export function Overview({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  // Training coverage is counted by calendar year: the year of the date shown.
  const year = dayjs(asOf).year();
  const [{ data, fetching, error }] = useQuery({ query: OVERVIEW, variables: { unitCode, asOf, year } });
  const ComplianceHeatmap = useHeatmap(!!data);
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
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.pool')} value={data.poolStructure.total} />
                  <Typography.Text type="secondary">
                    {t('overview.byKind', { principal: data.principal.total, deputy: data.deputy.total })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.nearTerm')} value={data.poolStructure.nearTerm} />
                  <Typography.Text type="secondary">
                    {t('overview.byTier', { mid: data.poolStructure.midTerm, long: data.poolStructure.longTerm })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.gap')} value={data.successionGaps.totalGap} />
                  <Typography.Text type="secondary">
                    {t('overview.gapDetail', {
                      vacancies: data.successionGaps.totalExpectedVacancies,
                      ready: data.successionGaps.totalReady,
                    })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.alerts')} value={data.reserveAlerts.total} />
                  <Typography.Text type="secondary">{t('overview.alertsDetail')}</Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.special')} value={percent(data.poolStructure.specialShare)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.bachelor')} value={percent(data.poolStructure.bachelorShare)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic title={t('overview.training', { year })} value={percent(data.trainingCoverage.coverage)} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic
                    title={t('overview.breachCount')}
                    value={report.totals.reduce((n, r) => n + r.breaches, 0)}
                    styles={{ content: { color: '#cf1322' } }}
                  />
                </Card>
              </Col>
            </Row>
            <Card title={t('overview.compliance')}>
              <Descriptions size="small" bordered column={{ xs: 1, md: 2, xxl: 3 }}>
                {report.totals.map((r) => (
                  <Descriptions.Item key={r.rule} label={t(`rule.${r.rule}`)}>
                    <Space size={4} wrap>
                      <Tag color={STATUS_COLOR.COMPLIANT}>
                        {t('overview.compliant')} {r.units - r.breaches - r.warnings}
                      </Tag>
                      {r.warnings > 0 && (
                        <Tag color={STATUS_COLOR.WARNING}>
                          {t('overview.warnings')} {r.warnings}
                        </Tag>
                      )}
                      {r.breaches > 0 && (
                        <Tag color={STATUS_COLOR.BREACH}>
                          {t('overview.breaches')} {r.breaches}
                        </Tag>
                      )}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            <Card title={t('overview.heatmap')} extra={t('overview.drill')}>
              {ComplianceHeatmap ? <ComplianceHeatmap units={report.worstUnits} rules={rules} onUnit={go} /> : <Spin />}
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}
