// 接续缺口: the unit tree (children loaded as a branch opens); for the chosen unit, its team as
// post tiles (incumbent, age, term end, vacancy), the gap per kind by the horizon (posts falling
// vacant against ready reserves), and its reserves with their tier. The unit and date live in
// the URL.
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { TEAM, UNIT_CHILDREN } from '../api/operations.ts';
import { QueryState } from '../components/QueryState.tsx';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}
interface UnitBrief {
  code: string;
  name: string;
  childCount: number;
}
interface TeamData {
  unit: {
    code: string;
    name: string;
    positions: {
      code: string;
      title: string;
      kind: string;
      termEnds: string | null;
      vacant: boolean;
      incumbent: { name: string; age: number } | null;
    }[];
  } | null;
  successionGaps: {
    horizonEnd: string;
    rows: {
      kind: string;
      positions: number;
      expectedVacancies: number;
      ready: number;
      gap: number;
      benchStrength: number;
    }[];
  };
  reserves: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        targetKind: string;
        tier: string;
        enteredOn: string;
        person: { name: string; age: number; education: string };
      };
    }[];
  };
}

const node = (u: UnitBrief): TreeNode => ({ key: u.code, title: u.name, isLeaf: u.childCount === 0 });

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
  const [root] = useQuery<{ unit: UnitBrief & { children: UnitBrief[] } }>({
    query: UNIT_CHILDREN,
    variables: { code: rootUnit },
  });
  const [tree, setTree] = useState<TreeNode[] | null>(null);
  const nodes =
    tree ?? (root.data?.unit ? [{ ...node(root.data.unit), children: root.data.unit.children.map(node) }] : []);
  const [team] = useQuery<TeamData>({ query: TEAM, variables: { unitCode, asOf } });
  const loadChildren = async (key: string) => {
    const r = await client.query<{ unit: { children: UnitBrief[] } }>(UNIT_CHILDREN, { code: key }).toPromise();
    setTree(insert(nodes, key, (r.data?.unit?.children ?? []).map(node)));
  };
  const data = team.data;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card title={t('succession.tree')} styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}>
          <QueryState fetching={root.fetching} error={root.error}>
            <Tree
              treeData={nodes}
              defaultExpandedKeys={[rootUnit]}
              selectedKeys={[unitCode]}
              loadData={(n) => (n.children ? Promise.resolve() : loadChildren(String(n.key)))}
              onSelect={(keys) => keys[0] && setParams({ unit: String(keys[0]), asOf })}
            />
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <QueryState fetching={team.fetching && !data} error={team.error}>
          {data?.unit ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {data.unit.name}
              </Typography.Title>
              <Row gutter={[16, 16]}>
                {data.successionGaps.rows.map((r) => (
                  <Col key={r.kind} xs={24} md={12}>
                    <Card
                      size="small"
                      title={`${t(`planning.kind.${r.kind}`)} ${t('succession.horizon', { date: data.successionGaps.horizonEnd })}`}
                    >
                      <Space size="large">
                        <Statistic title={t('succession.vacancies')} value={r.expectedVacancies} />
                        <Statistic title={t('succession.ready')} value={r.ready} />
                        <Statistic
                          title={t('succession.gap')}
                          value={r.gap}
                          valueStyle={{ color: r.gap > 0 ? '#cf1322' : undefined }}
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
                    {data.unit.positions.map((p) => (
                      <Col key={p.code} xs={24} sm={12} xl={8}>
                        <Card size="small" title={p.title} extra={<Tag>{t(`planning.kind.${p.kind}`)}</Tag>}>
                          {p.vacant || !p.incumbent ? (
                            <Tag color="red">{t('succession.vacant')}</Tag>
                          ) : (
                            <div>
                              <strong>{p.incumbent.name}</strong> · {p.incumbent.age} {t('succession.age')}
                            </div>
                          )}
                          {p.termEnds && (
                            <div>
                              {t('succession.termEnds')} {p.termEnds}
                            </div>
                          )}
                        </Card>
                      </Col>
                    ))}
                  </Row>
                )}
              </Card>
              <Card title={`${t('succession.reserves')} (${data.reserves.totalCount})`}>
                <Table
                  size="small"
                  rowKey={(e) => e.node.id}
                  dataSource={data.reserves.edges}
                  pagination={false}
                  columns={[
                    { title: t('common.unit'), render: (_, e) => e.node.person.name },
                    { title: '', render: (_, e) => t(`planning.kind.${e.node.targetKind}`) },
                    { title: t('succession.age'), align: 'right', render: (_, e) => e.node.person.age },
                    {
                      title: '',
                      render: (_, e) => (
                        <Tag color={e.node.tier === 'NEAR_TERM' ? 'green' : undefined}>{t(`tier.${e.node.tier}`)}</Tag>
                      ),
                    },
                    { title: '', render: (_, e) => e.node.enteredOn },
                  ]}
                />
              </Card>
            </Space>
          ) : (
            <Empty description={t('succession.pick')} />
          )}
        </QueryState>
      </Col>
    </Row>
  );
}
