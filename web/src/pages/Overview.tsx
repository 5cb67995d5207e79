// 总览: the viewer's subtree at a date — pool size and structure, succession gap, alerts, the
// compliance counts per rule, and a unit × rule heat map to drill down from. The unit and the date
// live in the URL, so a view can be shared and bookmarked.
import { Button, Card, Col, DatePicker, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { OVERVIEW } from '../api/operations.ts';
import { ComplianceHeatmap } from '../components/ComplianceHeatmap.tsx';
import type { DrillTarget } from '../components/DrillDrawer.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { printMeetingPack } from '../export/meeting-pack.ts';
import { ruleLabel } from '../i18n/rules.ts';
import { ViewerContext } from '../viewer.ts';

// The drawers (lists of entries: Ant Design's table, the entry's own drawer) are fetched when one
// is first opened, not with the page: the overview's first load carries only what it shows.
type AlertsDrawerType = typeof import('../components/AlertsDrawer.tsx')['AlertsDrawer'];
type DrillDrawerType = typeof import('../components/DrillDrawer.tsx')['DrillDrawer'];

function useLoadedWhen<C>(when: boolean, load: () => Promise<C>): C | null {
  const [loaded, setLoaded] = useState<C | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched once, when first asked for.
  useEffect(() => {
    if (!when || loaded) return;
    let live = true;
    load().then((c) => live && setLoaded(() => c));
    return () => {
      live = false;
    };
  }, [when]);
  return loaded;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const STATUS_COLOR: Record<string, string> = { COMPLIANT: 'green', WARNING: 'gold', BREACH: 'red' };

/** A figure that opens what it counts. */
function Figure({
  title,
  value,
  color,
  onOpen,
  children,
}: {
  title: string;
  value: string | number;
  color?: string;
  onOpen: () => void;
  children?: React.ReactNode;
}) {
  return (
    <Card size="small" hoverable onClick={onOpen} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value}
        styles={color ? { content: { color } } : undefined}
        valueRender={(node) => (
          <button type="button" className="figure-link" aria-label={`${title} ${value}`}>
            {node}
          </button>
        )}
      />
      {children}
    </Card>
  );
}

/** A part of a figure's detail line that opens its own rows. */
function Part({ text, onOpen }: { text: string; onOpen: () => void }) {
  return (
    <Typography.Link
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {text}
    </Typography.Link>
  );
}

export function Overview({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const [{ data, fetching, error }] = useQuery({ query: OVERVIEW, variables: { unitCode, asOf } });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [alertsOpen, setAlertsOpen] = useState(false);
  const AlertsDrawer = useLoadedWhen<AlertsDrawerType>(alertsOpen, () =>
    import('../components/AlertsDrawer.tsx').then((m) => m.AlertsDrawer),
  );
  const DrillDrawer = useLoadedWhen<DrillDrawerType>(drill !== null, () =>
    import('../components/DrillDrawer.tsx').then((m) => m.DrillDrawer),
  );
  const go = useCallback((code: string, date = asOf) => setParams({ unit: code, asOf: date }), [setParams, asOf]);
  const [packing, setPacking] = useState(false);
  const client = useClient();
  const viewer = useContext(ViewerContext);
  const report = data?.complianceReport;
  // The heat map's columns: the rules judged somewhere (a figure only shown has no cells).
  const rules = useMemo(() => report?.totals.filter((r) => r.units > 0).map((r) => r.rule) ?? [], [report]);
  const unitName = data?.unit?.name ?? unitCode;
  const open = (measure: string, label: string, extra: Partial<DrillTarget> = {}) =>
    setDrill({ measure, unitCode, subtree: true, asOf, title: `${unitName} · ${label}`, ...extra });
  const total = (rule: string) => report?.totals.find((r) => r.rule === rule);
  const judgedBreaches = report?.totals.reduce((n, r) => n + r.breaches, 0) ?? 0;
  const judgedWarnings = report?.totals.reduce((n, r) => n + r.warnings, 0) ?? 0;
  const judgedRows = report?.totals.reduce((n, r) => n + r.units, 0) ?? 0;
  const toCompliance = (extra: Record<string, string>) =>
    navigate(`/compliance?${new URLSearchParams({ unit: unitCode, asOf, ...extra })}`);
  const policy = report?.policy;
  const label = useCallback((rule: string) => ruleLabel(t, rule, policy), [t, policy]);
  const trainingYear = report?.trainingYear;
  const onCell = useCallback(
    (
      unit: {
        unitCode: string;
        unitName: string;
        rules: { rule: string; numeratorMeasure: string; subtree: boolean }[];
      },
      rule: string,
    ) => {
      const row = unit.rules.find((x) => x.rule === rule);
      if (row)
        setDrill({
          measure: row.numeratorMeasure,
          unitCode: unit.unitCode,
          subtree: row.subtree,
          asOf,
          trainingYear,
          title: `${unit.unitName} · ${label(rule)}`,
        });
    },
    [asOf, trainingYear, label],
  );
  const coverage = total('TRAINING_COVERAGE');
  const progress = total('TRAINING_PROGRESS');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {unitName}
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
        <Button onClick={() => navigate(`/ranking?${new URLSearchParams({ unit: unitCode, asOf })}`)}>
          {t('ranking.open')}
        </Button>
        <Button
          disabled={!data}
          loading={packing}
          onClick={async () => {
            if (!data) return;
            setPacking(true);
            try {
              await printMeetingPack({ client, t, unitCode, asOf, overview: data, label, who: viewer?.username ?? '' });
            } finally {
              setPacking(false);
            }
          }}
        >
          {t('pack.print')}
        </Button>
      </Space>
      <QueryState fetching={fetching && !data} error={error}>
        {data && report && (
          <>
            <Typography.Text type="secondary">{t('overview.clickHint')}</Typography.Text>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.pool')}
                  value={data.poolStructure.total}
                  onOpen={() => open('ENTRIES', t('overview.pool'))}
                >
                  <Typography.Text type="secondary">
                    <Part
                      text={t('overview.principalCount', { count: data.principal.total })}
                      onOpen={() =>
                        open('ENTRIES_PRINCIPAL', t('overview.principalCount', { count: data.principal.total }))
                      }
                    />
                    {' · '}
                    <Part
                      text={t('overview.deputyCount', { count: data.deputy.total })}
                      onOpen={() => open('ENTRIES_DEPUTY', t('overview.deputyCount', { count: data.deputy.total }))}
                    />
                  </Typography.Text>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.nearTerm')}
                  value={data.poolStructure.nearTerm}
                  onOpen={() => open('NEAR_TERM', t('overview.nearTerm'))}
                >
                  <Typography.Text type="secondary">
                    <Part
                      text={t('overview.midCount', { count: data.poolStructure.midTerm })}
                      onOpen={() => open('MID_TERM', t('enum.Tier.MID_TERM'))}
                    />
                    {' · '}
                    <Part
                      text={t('overview.longCount', { count: data.poolStructure.longTerm })}
                      onOpen={() => open('LONG_TERM', t('enum.Tier.LONG_TERM'))}
                    />
                  </Typography.Text>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.gap')}
                  value={data.successionGaps.totalGap}
                  color={data.successionGaps.totalGap > 0 ? '#cf1322' : undefined}
                  onOpen={() => navigate(`/ranking?${new URLSearchParams({ unit: unitCode, asOf })}`)}
                >
                  <Typography.Text type="secondary">
                    <Part
                      text={t('overview.vacancies', { count: data.successionGaps.totalExpectedVacancies })}
                      onOpen={() => open('VACANCIES', t('succession.vacancies'))}
                    />
                    {' · '}
                    <Part
                      text={t('overview.readyCount', { count: data.successionGaps.totalReady })}
                      onOpen={() => open('READY', t('succession.ready'))}
                    />
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{t('overview.gapNotNetted')}</Typography.Text>
                  </div>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.alerts')}
                  value={data.reserveAlerts.total}
                  onOpen={() => setAlertsOpen(true)}
                >
                  <Typography.Text type="secondary">
                    {data.reserveAlerts.counts
                      .filter((c) => c.count > 0)
                      .map((c) => `${t(`procedure.alert.${c.kind}`)} ${c.count}`)
                      .join(' · ') || t('overview.noAlerts')}
                  </Typography.Text>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.special')}
                  value={percent(data.poolStructure.specialShare)}
                  onOpen={() => open('SPECIAL', t('overview.special'))}
                >
                  <Typography.Text type="secondary">
                    {t('overview.ofPool', { part: data.poolStructure.special, whole: data.poolStructure.total })}
                  </Typography.Text>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.bachelor')}
                  value={percent(data.poolStructure.bachelorShare)}
                  onOpen={() => open('BACHELOR', t('overview.bachelor'))}
                >
                  <Typography.Text type="secondary">
                    {t('overview.ofPool', {
                      part: data.poolStructure.bachelorOrAbove,
                      whole: data.poolStructure.total,
                    })}
                  </Typography.Text>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.training', { year: report.trainingYear })}
                  value={coverage ? percent(coverage.value) : '—'}
                  onOpen={() =>
                    open('TRAINING_COVERED', t('overview.training', { year: report.trainingYear }), {
                      trainingYear: report.trainingYear,
                    })
                  }
                >
                  {progress && (
                    <Part
                      text={t('overview.trainingProgress', {
                        year: dayjs(asOf).year(),
                        value: percent(progress.value),
                        plan: percent(progress.target),
                      })}
                      onOpen={() => open('TRAINING_PROGRESS', t('rule.TRAINING_PROGRESS'))}
                    />
                  )}
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.fromPool', { year: data.appointmentShare.year })}
                  value={data.appointmentShare.share === null ? '—' : percent(data.appointmentShare.share)}
                  onOpen={() =>
                    open('APPOINTMENTS', t('overview.fromPool', { year: data.appointmentShare.year }), {
                      trainingYear: data.appointmentShare.year,
                    })
                  }
                >
                  <Typography.Text type="secondary">
                    {data.appointmentShare.appointments === 0 ? (
                      t('overview.noAppointments')
                    ) : (
                      <Part
                        text={t('overview.fromPoolOf', {
                          part: data.appointmentShare.fromPool,
                          whole: data.appointmentShare.appointments,
                        })}
                        onOpen={() =>
                          open(
                            'APPOINTMENTS_FROM_POOL',
                            t('overview.fromPoolList', { year: data.appointmentShare.year }),
                            {
                              trainingYear: data.appointmentShare.year,
                            },
                          )
                        }
                      />
                    )}
                  </Typography.Text>
                  <div>
                    <Part
                      text={t('overview.fromPoolNow', {
                        year: data.appointmentShare.currentYear,
                        part: data.appointmentShare.fromPoolNow,
                        whole: data.appointmentShare.appointmentsNow,
                      })}
                      onOpen={() =>
                        open(
                          'APPOINTMENTS_NOW',
                          t('overview.appointmentsNow', { year: data.appointmentShare.currentYear }),
                        )
                      }
                    />
                  </div>
                </Figure>
              </Col>
              <Col xs={12} md={8} xl={6}>
                <Figure
                  title={t('overview.breachCount')}
                  value={judgedBreaches}
                  color="#cf1322"
                  onOpen={() => toCompliance({ status: 'BREACH' })}
                >
                  <Typography.Text type="secondary">
                    {t('overview.judgedDetail', { judged: judgedRows, warnings: judgedWarnings })}
                  </Typography.Text>
                </Figure>
              </Col>
            </Row>
            <Card title={t('overview.compliance')} extra={t('overview.judgedNote')}>
              <Descriptions size="small" bordered column={{ xs: 1, md: 2, xxl: 3 }}>
                {report.totals.map((r) => (
                  <Descriptions.Item
                    key={r.rule}
                    label={
                      <Space size={4} wrap>
                        {label(r.rule)}
                        {r.judgedAt === 'POOL' && <Tag>{t('overview.poolRule')}</Tag>}
                      </Space>
                    }
                  >
                    <Space size={4} wrap>
                      {r.units === 0 ? (
                        <Tag>
                          {t('overview.notJudged', { value: r.measure === 'SHARE' ? percent(r.value) : r.value })}
                        </Tag>
                      ) : (
                        <Tag color={STATUS_COLOR.COMPLIANT}>
                          {t('overview.compliant')} {r.units - r.breaches - r.warnings}
                        </Tag>
                      )}
                      {r.warnings > 0 && (
                        <Tag
                          color={STATUS_COLOR.WARNING}
                          style={{ cursor: 'pointer' }}
                          onClick={() => toCompliance({ rule: r.rule, status: 'WARNING' })}
                        >
                          {t('overview.warnings')} {r.warnings}
                        </Tag>
                      )}
                      {r.breaches > 0 && (
                        <Tag
                          color={STATUS_COLOR.BREACH}
                          style={{ cursor: 'pointer' }}
                          onClick={() => toCompliance({ rule: r.rule, status: 'BREACH' })}
                        >
                          {t('overview.breaches')} {r.breaches}
                        </Tag>
                      )}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            <Card title={t('overview.heatmap')} extra={t('overview.drill')}>
              {report.worstUnits.length === 0 ? (
                <Typography.Text>{t('overview.noBreaches')}</Typography.Text>
              ) : (
                <ComplianceHeatmap units={report.worstUnits} rules={rules} label={label} onUnit={go} onCell={onCell} />
              )}
            </Card>
          </>
        )}
      </QueryState>
      {DrillDrawer && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
      {AlertsDrawer && (
        <AlertsDrawer unitCode={unitCode} asOf={asOf} open={alertsOpen} onClose={() => setAlertsOpen(false)} />
      )}
    </Space>
  );
}
