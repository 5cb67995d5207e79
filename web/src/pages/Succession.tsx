// 接续缺口: the unit tree with each subtree's gap as a badge (children loaded as a branch opens);
// for the chosen unit, its team as post tiles (incumbent, age, term end or retirement, ready
// reserves of the post's kind and bench strength), the gap per kind by the horizon, and its
// reserves — two or three of whom can be compared side by side. The unit and date live in the URL.
import { Button, Card, Col, DatePicker, Empty, Modal, Row, Space, Statistic, Table, Tag, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { TEAM, UNIT_CHILDREN } from '../api/operations.ts';
import { CandidateComparison } from '../components/CandidateComparison.tsx';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { ReserveDrawer } from '../components/ReserveDrawer.tsx';
import { placeOf, printSuccession } from '../export/succession.ts';
import { ViewerContext } from '../viewer.ts';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}
type UnitBrief = { code: string; name: string; childCount: number; successionGap: number };
type Team = ResultOf<typeof TEAM>;
type Reserve = Team['reserves']['edges'][number]['node'];

/** At most this many candidates side by side. */
const COMPARE_MAX = 3;

function insert(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: insert(n.children, key, children) } : n,
  );
}

export function Succession({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const asOf = params.get('asOf') ?? dayjs().format('YYYY-MM-DD');
  const go = (changes: Record<string, string>) => setParams({ unit: unitCode, asOf, ...changes });
  const node = (u: UnitBrief): TreeNode => ({
    key: u.code,
    isLeaf: u.childCount === 0,
    title: (
      <span>
        {u.name}{' '}
        <Tag
          color={u.successionGap > 0 ? 'red' : 'green'}
          style={{ marginInlineStart: 4 }}
          title={t('succession.badgeHint')}
        >
          {u.successionGap > 0 ? t('succession.gapBadge', { gap: u.successionGap }) : t('succession.noGap')}
        </Tag>
      </span>
    ),
  });
  const [root] = useQuery({ query: UNIT_CHILDREN, variables: { code: rootUnit, asOf } });
  const [tree, setTree] = useState<{ asOf: string; nodes: TreeNode[] } | null>(null);
  const nodes =
    tree?.asOf === asOf
      ? tree.nodes
      : root.data?.unit
        ? [{ ...node(root.data.unit), children: root.data.unit.children.map(node) }]
        : [];
  const [team] = useQuery({ query: TEAM, variables: { unitCode, asOf } });
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const loadChildren = async (key: string) => {
    const r = await client.query(UNIT_CHILDREN, { code: key, asOf }).toPromise();
    setTree({ asOf, nodes: insert(nodes, key, (r.data?.unit?.children ?? []).map(node)) });
  };
  const data = team.data;
  const gapOf = (kind: string) => data?.successionGaps.rows.find((r) => r.kind === kind);
  // Ready is one definition (the READY measure: near-term, staying to the horizon, cultivation
  // year over): the tiles list exactly the people the cards count.
  const readyOf = (kind: string) => {
    const page = kind === 'PRINCIPAL' ? data?.readyPrincipal : data?.readyDeputy;
    return { count: page?.totalCount ?? 0, people: page?.rows.flatMap((r) => (r.entry ? [r.entry] : [])) ?? [] };
  };
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const openDrill = (measure: string, label: string) =>
    setDrill({ measure, unitCode, subtree: false, asOf, title: `${data?.unit?.name ?? unitCode} · ${label}` });
  const horizonEnd = data?.successionGaps.horizonEnd ?? asOf;
  const viewer = useContext(ViewerContext);
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    if (!data?.unit) return;
    setPrinting(true);
    try {
      await printSuccession({ client, t, asOf, who: viewer?.username ?? '' }, data);
    } finally {
      setPrinting(false);
    }
  };
  const kind = (k: string) => t(`enum.PositionKind.${k}`);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card
          title={t('succession.tree')}
          extra={
            <DatePicker
              aria-label={t('common.asOf')}
              size="small"
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => d && go({ asOf: d.format('YYYY-MM-DD') })}
            />
          }
          styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}
        >
          <QueryState fetching={root.fetching && !root.data} error={root.error}>
            <Tree
              treeData={nodes}
              defaultExpandedKeys={[rootUnit]}
              selectedKeys={[unitCode]}
              loadData={(n) => (n.children ? Promise.resolve() : loadChildren(String(n.key)))}
              onSelect={(keys) => {
                if (!keys[0]) return;
                setPicked([]);
                go({ unit: String(keys[0]) });
              }}
            />
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <QueryState fetching={team.fetching && !data} error={team.error}>
          {data?.unit ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {data.unit.name}
                </Typography.Title>
                <Button onClick={print} loading={printing}>
                  {t('succession.print')}
                </Button>
              </Space>
              <Row gutter={[16, 16]}>
                {data.successionGaps.rows.map((r) => (
                  <Col key={r.kind} xs={24} md={12}>
                    <Card
                      size="small"
                      title={`${kind(r.kind)} ${t('succession.horizon', { date: data.successionGaps.horizonEnd })}`}
                    >
                      <Space size="large" wrap>
                        {(['VACANCIES', 'READY'] as const).map((m) => {
                          const title = t(m === 'VACANCIES' ? 'succession.vacancies' : 'succession.ready');
                          return (
                            <Statistic
                              key={m}
                              title={title}
                              value={m === 'VACANCIES' ? r.expectedVacancies : r.ready}
                              valueRender={(n) => (
                                <button
                                  type="button"
                                  className="figure-link"
                                  onClick={() => openDrill(`${m}_${r.kind}`, `${kind(r.kind)} ${title}`)}
                                >
                                  {n}
                                </button>
                              )}
                            />
                          );
                        })}
                        <Statistic
                          title={t('succession.gap')}
                          value={r.gap}
                          styles={{ content: { color: r.gap > 0 ? '#cf1322' : undefined } }}
                        />
                        <Statistic
                          title={t('succession.bench')}
                          value={r.expectedVacancies ? r.benchStrength.toFixed(2) : '—'}
                        />
                      </Space>
                    </Card>
                  </Col>
                ))}
              </Row>
              <Card title={t('succession.team')}>
                {data.unit.positions.length === 0 ? (
                  <Empty description={t('common.empty')} />
                ) : (
                  <Row gutter={[12, 12]}>
                    {data.unit.positions.map((p) => {
                      const ready = readyOf(p.kind);
                      const g = gapOf(p.kind);
                      return (
                        <Col key={p.code} xs={24} sm={12} xl={8}>
                          <Card size="small" title={p.title} extra={<Tag>{kind(p.kind)}</Tag>}>
                            {p.vacant || !p.incumbent ? (
                              <Tag color="red">{t('succession.vacant')}</Tag>
                            ) : (
                              <div>
                                <strong>{p.incumbent.name}</strong> · {p.incumbent.age} {t('succession.age')}
                              </div>
                            )}
                            {p.termEnds && (
                              <div>
                                {t('succession.termEnds', { date: p.termEnds })}
                                {p.termEnds <= asOf && <Tag color="red">{t('succession.termOver')}</Tag>}
                              </div>
                            )}
                            {p.retiresOn && (
                              <div>
                                {t('succession.retiresOn', { date: p.retiresOn })}
                                {p.retiresOn <= asOf && <Tag color="red">{t('succession.pastRetirement')}</Tag>}
                              </div>
                            )}
                            {(p.vacant ||
                              (p.retiresOn !== null && p.retiresOn <= horizonEnd) ||
                              (p.termEnds !== null && p.termEnds <= horizonEnd)) && (
                              <Tag color="orange">{t('succession.expectedVacancy', { date: horizonEnd })}</Tag>
                            )}
                            <div>
                              {t('succession.readyFor', { count: ready.count })}
                              {ready.people.map((r) => (
                                <Tag
                                  key={r.id}
                                  color="green"
                                  style={{ marginInlineStart: 4, cursor: 'pointer' }}
                                  onClick={() => setOpen(r.id)}
                                >
                                  {r.person.name}
                                </Tag>
                              ))}
                            </div>
                            {g && g.expectedVacancies > 0 && (
                              <div>
                                {t('succession.bench')} {g.benchStrength.toFixed(2)}
                              </div>
                            )}
                          </Card>
                        </Col>
                      );
                    })}
                  </Row>
                )}
              </Card>
              <Card
                title={`${t('succession.reserves')} (${data.reserves.totalCount})`}
                extra={
                  <Button disabled={picked.length < 2} onClick={() => setComparing(true)}>
                    {t('succession.compare', { count: picked.length, max: COMPARE_MAX })}
                  </Button>
                }
              >
                <Table<Reserve>
                  size="small"
                  rowKey="id"
                  dataSource={data.reserves.edges.map((e) => e.node)}
                  pagination={false}
                  scroll={{ y: 400 }}
                  rowSelection={{
                    selectedRowKeys: picked,
                    onChange: (keys) => setPicked(keys.slice(0, COMPARE_MAX).map(String)),
                    getCheckboxProps: (r) => ({
                      disabled: picked.length >= COMPARE_MAX && !picked.includes(r.id),
                      'aria-label': r.person.name,
                    }),
                  }}
                  columns={[
                    {
                      title: t('roster.name'),
                      render: (_, r) => (
                        <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                          {r.person.name}
                        </Button>
                      ),
                    },
                    { title: t('roster.kind'), render: (_, r) => kind(r.targetKind) },
                    { title: t('roster.age'), align: 'right', render: (_, r) => r.person.age },
                    { title: t('roster.educationCol'), render: (_, r) => t(`enum.Education.${r.person.education}`) },
                    {
                      title: t('roster.tier'),
                      render: (_, r) => (
                        <Tag color={r.tier === 'NEAR_TERM' ? 'green' : undefined}>{t(`enum.Tier.${r.tier}`)}</Tag>
                      ),
                    },
                    { title: t('roster.enteredOn'), render: (_, r) => r.enteredOn ?? '—' },
                  ]}
                />
              </Card>
            </Space>
          ) : (
            <Empty description={t('succession.pick')} />
          )}
        </QueryState>
      </Col>
      <Modal
        open={comparing}
        title={t('succession.comparison')}
        footer={null}
        width={980}
        onCancel={() => setComparing(false)}
        destroyOnHidden
      >
        {data?.unit && (
          <CandidateComparison ids={picked} asOf={asOf} unit={{ place: placeOf(data.unit), kind: data.unit.kind }} />
        )}
      </Modal>
      <ReserveDrawer id={open} onClose={() => setOpen(null)} />
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Row>
  );
}
