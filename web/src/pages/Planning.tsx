// 规划: the scenario form with the rates learned from history beside the planner's assumptions,
// the projection (total, year by year with the Monte Carlo band, the intake per unit with its
// profile), Monte Carlo as a background job with progress, saved scenarios, and the intake plan
// optimised for a budget.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import {
  LEARNED_RATES,
  OPTIMISE,
  type PROJECTION,
  SAVE_SCENARIO,
  SCENARIOS,
  SIMULATE,
  SIMULATION_JOB,
  START_SIMULATION,
} from '../api/operations.ts';
import { noEnterSubmit } from '../components/confirm.tsx';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { ProjectionChart } from '../components/ProjectionChart.tsx';
import { errorText, QueryState } from '../components/QueryState.tsx';
import { ScenarioComparison } from '../components/ScenarioComparison.tsx';
import { useCan } from '../viewer.ts';

interface Params {
  horizonYears: number;
  promotionProbability: number;
  attritionRate: number;
  midToNearRate: number;
  longToMidRate: number;
  intakeBudget: number | null;
}
type Projection = ResultOf<typeof PROJECTION>;
type IntakeRow = Projection['rows'][number];
type Plan = ResultOf<typeof OPTIMISE>['optimiseIntake'];

const DEFAULTS: Params = {
  horizonYears: 1,
  promotionProbability: 1,
  attritionRate: 0,
  midToNearRate: 0,
  longToMidRate: 0,
  intakeBudget: null,
};
const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
const RATE_FIELDS = ['promotionProbability', 'attritionRate', 'midToNearRate', 'longToMidRate'] as const;
/** The form shows rates in percent (one unit throughout); the API takes fractions. */
function toForm(p: Params): Params {
  const out = { ...p };
  for (const f of RATE_FIELDS) out[f] = Math.round(p[f] * 1000) / 10;
  return out;
}
function fromForm(all: Partial<Params>): Params {
  const out: Params = { ...DEFAULTS, horizonYears: all.horizonYears ?? DEFAULTS.horizonYears };
  for (const f of RATE_FIELDS) out[f] = all[f] == null ? DEFAULTS[f] : all[f] / 100;
  out.intakeBudget = all.intakeBudget ?? null;
  return out;
}
const one = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function Planning({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm<Params & { name: string }>();
  const [params, setParams] = useState<Params>(DEFAULTS);
  const [projection, setProjection] = useState<Projection | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState<string[] | null>(null);
  const touched = useRef(false);
  const canSave = useCan('SAVE_SCENARIOS');
  const [rates] = useQuery({ query: LEARNED_RATES, variables: { unitCode: rootUnit } });
  const [scenarios, refetchScenarios] = useQuery({ query: SCENARIOS });
  const [, startSimulation] = useMutation(START_SIMULATION);
  const [, saveScenario] = useMutation(SAVE_SCENARIO);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // Planning projects from today (the API's default asOf).
  const openRows = (r: IntakeRow, measure: 'POSTS' | 'STAYS', label: string) =>
    setDrill({
      measure: `${measure}_${r.kind}`,
      unitCode: r.unitCode,
      subtree: false,
      asOf: dayjs().format('YYYY-MM-DD'),
      horizonYears: params.horizonYears,
      title: `${r.unitName} · ${t(`enum.PositionKind.${r.kind}`)} · ${label}`,
    });
  const input = (p: Params, mode: 'DETERMINISTIC' | 'MONTE_CARLO' = 'DETERMINISTIC') => ({
    unitCode: rootUnit,
    ...p,
    mode,
    runs: 1000,
    seed: 1,
  });

  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await client.query(SIMULATE, { input: input(params) }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error) setError(errorText(r.error));
    else setProjection(r.data!.simulateIntake);
  };

  // A Monte Carlo job: started, then polled for its progress until it ends — quickly at first
  // (a national one-year run ends within a second), then every half second; one poll at a time.
  useEffect(() => {
    if (!jobId) return;
    let delay = 100;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    // A job the server no longer knows (ended long ago, or the server restarted) ends the wait
    // with the server's message; a poll that does not get through is tried again, a few times.
    let failures = 0;
    const poll = async () => {
      // (urql answers a network failure as an error, without throwing.)
      const r = await client.query(SIMULATION_JOB, { id: jobId }, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) return;
      const j = r.data?.simulationJob;
      if (!j && r.error && (r.error.graphQLErrors.length > 0 || ++failures > 5)) {
        setJobId(null);
        setError(errorText(r.error));
        return;
      }
      if (j && j.status !== 'RUNNING') {
        setJobId(null);
        if (j.result) setProjection(j.result);
        if (j.error) setError(j.error);
        return;
      }
      if (j) setProgress(j.progress);
      delay = Math.min(500, delay * 1.5);
      timer = setTimeout(poll, delay);
    };
    timer = setTimeout(poll, delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, client]);

  const monteCarlo = async () => {
    setError(null);
    const r = await startSimulation({ input: input(params, 'MONTE_CARLO') });
    if (r.error) setError(errorText(r.error));
    else {
      setProgress(0);
      setJobId(r.data!.startSimulation.id);
    }
  };

  const optimise = async () => {
    setBusy(true);
    setError(null);
    const r = await client.query(OPTIMISE, { input: input(params) }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error) setError(errorText(r.error));
    else setPlan(r.data!.optimiseIntake);
  };

  const save = async () => {
    const name = form.getFieldValue('name') as string | undefined;
    if (!name?.trim()) return;
    const { intakeBudget, ...rest } = params;
    const r = await saveScenario({
      input: {
        name: name.trim(),
        params: { unitCode: rootUnit, ...rest, ...(intakeBudget != null ? { intakeBudget } : {}) },
      },
    });
    if (r.error) setError(errorText(r.error));
    else refetchScenarios({ requestPolicy: 'network-only' });
  };

  const suggested = rates.data?.learnedRates.suggested;
  // The form starts from the rates learned from history (历史数据测算) until the user changes it.
  useEffect(() => {
    if (!suggested || touched.current) return;
    const p: Params = {
      ...DEFAULTS,
      promotionProbability: suggested.promotionProbability ?? DEFAULTS.promotionProbability,
      attritionRate: suggested.attritionRate,
    };
    form.setFieldsValue(toForm(p));
    setParams(p);
  }, [suggested, form]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card title={t('planning.form')}>
          <Form
            onKeyDown={noEnterSubmit}
            form={form}
            layout="vertical"
            initialValues={toForm(DEFAULTS)}
            onValuesChange={(_, all) => {
              touched.current = true;
              setParams(fromForm(all));
            }}
          >
            <Form.Item label={t('planning.horizon')} name="horizonYears">
              <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label={t('planning.promotion')}
              name="promotionProbability"
              extra={suggested && `${t('planning.fromHistory')}: ${pct(suggested.promotionProbability)}`}
            >
              <InputNumber min={0} max={100} step={1} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label={t('planning.attrition')}
              name="attritionRate"
              extra={suggested && `${t('planning.fromHistory')}: ${pct(suggested.attritionRate)}`}
            >
              <InputNumber min={0} max={100} step={0.5} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('planning.midToNear')} name="midToNearRate">
              <InputNumber min={0} max={100} step={5} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('planning.longToMid')} name="longToMidRate">
              <InputNumber min={0} max={100} step={5} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('planning.budget')} name="intakeBudget">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" onClick={run} loading={busy}>
                {t('planning.run')}
              </Button>
              <Button onClick={monteCarlo} disabled={jobId !== null}>
                {t('planning.monteCarlo')}
              </Button>
              <Button onClick={optimise} disabled={params.intakeBudget == null} loading={busy}>
                {t('planning.optimise')}
              </Button>
            </Space>
            {canSave ? (
              <Space.Compact style={{ width: '100%', marginTop: 16 }}>
                <Form.Item name="name" noStyle>
                  <Input placeholder={t('planning.name')} aria-label={t('planning.name')} maxLength={100} />
                </Form.Item>
                <Button onClick={save}>{t('planning.save')}</Button>
              </Space.Compact>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                {t('planning.readOnly')}
              </Typography.Paragraph>
            )}
          </Form>
        </Card>
        <Card title={t('planning.learned')} style={{ marginTop: 16 }}>
          <QueryState fetching={rates.fetching} error={rates.error}>
            {rates.data && (
              <Descriptions size="small" column={1}>
                {rates.data.learnedRates.kinds.map((k) => (
                  <Descriptions.Item key={k.kind} label={t(`enum.PositionKind.${k.kind}`)}>
                    {t('planning.promotion')} {pct(k.promotionShare)} · {t('planning.attrition')}{' '}
                    {pct(k.removal.yearly)} ({k.exposureYears.toFixed(0)})
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </QueryState>
        </Card>
        <Card title={t('planning.scenarios')} style={{ marginTop: 16 }}>
          <QueryState
            fetching={scenarios.fetching}
            error={scenarios.error}
            empty={scenarios.data?.scenarios.length === 0}
          >
            <List
              size="small"
              dataSource={scenarios.data?.scenarios ?? []}
              footer={
                <Button disabled={picked.length < 2} onClick={() => setComparing([...picked])}>
                  {t('planning.compare', { count: picked.length })}
                </Button>
              }
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button
                      key="use"
                      size="small"
                      onClick={() => {
                        const { unitCode: _unit, ...given } = s.params;
                        const p = {
                          ...DEFAULTS,
                          ...Object.fromEntries(Object.entries(given).filter(([, v]) => v != null)),
                        } as Params;
                        form.setFieldsValue({ ...toForm(p), name: s.name });
                        setParams(p);
                      }}
                    >
                      {t('planning.apply')}
                    </Button>,
                  ]}
                >
                  <Checkbox
                    aria-label={s.name}
                    checked={picked.includes(s.id)}
                    disabled={!picked.includes(s.id) && picked.length >= 3}
                    onChange={(e) =>
                      setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((id) => id !== s.id)))
                    }
                  >
                    {s.name}
                  </Checkbox>{' '}
                  <Typography.Text type="secondary">{s.author}</Typography.Text>
                  {s.model !== 2 && (
                    <Tag title={t('planning.oldModelHint')} style={{ marginInlineStart: 4 }}>
                      {t('planning.oldModel', { model: s.model })}
                    </Tag>
                  )}
                </List.Item>
              )}
            />
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {error && <Alert type="error" showIcon title={t('common.error')} description={error} />}
          {jobId && (
            <Card>
              {t('planning.running')} <Progress percent={Math.round(progress * 100)} />
            </Card>
          )}
          {comparing && <ScenarioComparison key={comparing.join(',')} ids={comparing} />}
          {!projection && !jobId && (
            <Card title={t('planning.introTitle')}>
              <Typography.Paragraph>{t('planning.intro')}</Typography.Paragraph>
              <Button type="primary" onClick={run} loading={busy}>
                {t('planning.run')}
              </Button>
            </Card>
          )}
          {projection && (
            <>
              <Card>
                <Statistic
                  title={`${t('planning.total')} (${t('planning.until', { date: projection.horizonEnd })})`}
                  value={projection.totalIntake}
                />
                <Typography.Text type="secondary">
                  {t('planning.byYear', { years: projection.years.map((y) => y.intake).join(' + ') })}
                </Typography.Text>
                {projection.p10 != null && (
                  <div>
                    <Typography.Text>
                      {t('planning.bandText', { p10: projection.p10, p90: projection.p90 })}
                    </Typography.Text>
                  </div>
                )}
              </Card>
              <Card title={t('planning.years')}>
                <ProjectionChart years={projection.years} />
              </Card>
              <Card title={t('planning.rows', { count: projection.intakeRows, shown: projection.rows.length })}>
                <Table<IntakeRow>
                  size="small"
                  rowKey={(r) => `${r.unitCode}|${r.kind}`}
                  dataSource={projection.rows}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: t('common.unit'), dataIndex: 'unitPath' },
                    { title: t('roster.kind'), dataIndex: 'kind', render: (k: string) => t(`enum.PositionKind.${k}`) },
                    {
                      title: t('planning.target'),
                      dataIndex: 'target',
                      align: 'right',
                      // The target is ceil(ratio × posts): the posts open.
                      render: (v: number, r) => (
                        <Typography.Link onClick={() => openRows(r, 'POSTS', t('planning.posts'))}>{v}</Typography.Link>
                      ),
                    },
                    {
                      title: t('planning.projected'),
                      dataIndex: 'projectedReserves',
                      align: 'right',
                      // Projected from the reserves who stay to the horizon: they open.
                      render: (v: number, r) => (
                        <Typography.Link onClick={() => openRows(r, 'STAYS', t('planning.stays'))}>
                          {one(v)}
                        </Typography.Link>
                      ),
                    },
                    { title: t('planning.need'), dataIndex: 'need', align: 'right', render: one },
                    { title: t('planning.intake'), dataIndex: 'intake', align: 'right' },
                    {
                      title: t('planning.why'),
                      render: (_, r) => {
                        // Years whose intake took one of the scope's rounding remainders.
                        const extra = r.years.filter((y) => y.intake > Math.floor(y.need + 1e-9)).length;
                        return (
                          t('planning.explain', {
                            posts: r.positions,
                            target: r.target,
                            stock: one(r.projectedReserves),
                            need: one(r.need),
                            intake: r.intake,
                          }) + (extra ? t('planning.remainder', { count: extra }) : '')
                        );
                      },
                    },
                    {
                      title: t('planning.profile'),
                      // Over several years: what each year's intake must contain.
                      render: (_, r) =>
                        r.years.length > 1
                          ? r.years
                              .filter((y) => y.profile.some((n) => n.required > 0))
                              .map((y) => (
                                <div key={y.year}>
                                  {t('planning.yearN', { year: y.year })}：
                                  {y.profile
                                    .filter((n) => n.required > 0)
                                    .map((n) => (
                                      <Tag key={n.rule}>
                                        {t(`profile.${n.rule}`)} ≥ {n.required}
                                      </Tag>
                                    ))}
                                </div>
                              ))
                          : r.profile
                              .filter((n) => n.required > 0)
                              .map((n) => (
                                <Tag key={n.rule} color={n.extraIntake ? 'red' : undefined}>
                                  {t(`profile.${n.rule}`)} ≥ {n.required}
                                </Tag>
                              )),
                    },
                  ]}
                />
              </Card>
            </>
          )}
          {plan && (
            <Card
              title={`${t('planning.plan')} — ${plan.years
                .map((y) => t('planning.planYear', { year: y.year, used: y.used, budget: plan.budget }))
                .join('，')}`}
            >
              {plan.binding.slice(0, 5).map((b) => (
                <Alert
                  key={`${b.year}|${b.message}`}
                  type={b.code === 'BUDGET_EXHAUSTED' ? 'warning' : 'info'}
                  title={t(`binding.${b.code}`, {
                    year: b.year,
                    budget: plan.budget,
                    shortfall: b.shortfall,
                    unit: b.unitName ?? b.unitCode,
                    kind: b.kind ? t(`enum.PositionKind.${b.kind}`) : '',
                    rule: b.rule ? t(`profile.${b.rule}`) : '',
                  })}
                  style={{ marginBottom: 8 }}
                />
              ))}
              <Table
                size="small"
                rowKey={(g) => `${g.unitCode}|${g.kind}`}
                dataSource={plan.groups}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('common.unit'), dataIndex: 'unitName' },
                  { title: t('roster.kind'), dataIndex: 'kind', render: (k: string) => t(`enum.PositionKind.${k}`) },
                  ...(plan.years.length > 1
                    ? plan.years.map((y) => ({
                        key: `y${y.year}`,
                        title: t('planning.yearN', { year: y.year }),
                        align: 'right' as const,
                        render: (_: unknown, g: (typeof plan.groups)[number]) =>
                          g.years.find((x) => x.year === y.year)?.intake ?? 0,
                      }))
                    : []),
                  { title: t('planning.intake'), dataIndex: 'intake', align: 'right' },
                  {
                    title: t('planning.profile'),
                    render: (_, g) =>
                      g.profile
                        .filter((p) => p.count > 0)
                        .map((p) => (
                          <Tag key={p.rule}>
                            {t(`profile.${p.rule}`)} {p.count}
                          </Tag>
                        )),
                  },
                ]}
              />
            </Card>
          )}
        </Space>
      </Col>
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Row>
  );
}
