// The entries behind the overview's alerts figure: every flagged entry with its reasons, filterable
// by reason, a page at a time; a name opens the entry.
import { Button, Drawer, Pagination, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { ALERT_LIST } from '../api/operations.ts';
import { QueryState } from './QueryState.tsx';
import { ReserveDrawer } from './ReserveDrawer.tsx';

type Item = ResultOf<typeof ALERT_LIST>['reserveAlerts']['items'][number];
const PAGE = 50;

export function AlertsDrawer({
  unitCode,
  asOf,
  open,
  onClose,
}: {
  unitCode: string;
  asOf: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Item['alerts'][number] | null>(null);
  const [page, setPage] = useState(1);
  const [entry, setEntry] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: ALERT_LIST,
    variables: { unitCode, asOf, kinds: kind ? [kind] : null, first: PAGE, offset: (page - 1) * PAGE },
    pause: !open,
  });
  const report = data?.reserveAlerts;
  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('overview.alerts')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag.CheckableTag
            checked={kind === null}
            onChange={() => {
              setKind(null);
              setPage(1);
            }}
          >
            {t('drill.allAlerts')}
          </Tag.CheckableTag>
          {report?.counts
            .filter((c) => c.count > 0 || c.kind === kind)
            .map((c) => (
              <Tag.CheckableTag
                key={c.kind}
                checked={kind === c.kind}
                onChange={() => {
                  setKind(c.kind);
                  setPage(1);
                }}
              >
                {t(`procedure.alert.${c.kind}`)} {c.count}
              </Tag.CheckableTag>
            ))}
        </Space>
        <QueryState fetching={fetching && !data} error={error}>
          <Table<Item>
            size="small"
            rowKey="reserveCode"
            dataSource={report?.items ?? []}
            pagination={false}
            columns={[
              {
                title: t('roster.name'),
                render: (_, r) =>
                  r.entry ? (
                    <Button type="link" size="small" onClick={() => setEntry(r.entry!.id)}>
                      {r.entry.person.name}
                    </Button>
                  ) : (
                    r.reserveCode
                  ),
              },
              { title: t('drill.reservedFor'), dataIndex: 'unitName' },
              { title: t('roster.kind'), render: (_, r) => t(`enum.PositionKind.${r.kind}`) },
              { title: t('roster.age'), dataIndex: 'age', align: 'right' },
              { title: t('drill.periodEnds'), dataIndex: 'periodEnds' },
              {
                title: t('drill.reasons'),
                render: (_, r) =>
                  r.alerts.map((a) => (
                    <Tag key={a} color={r.eliminationCandidate && a !== 'PERIOD_ENDING' ? 'red' : undefined}>
                      {t(`procedure.alert.${a}`)}
                    </Tag>
                  )),
              },
            ]}
          />
          <Pagination
            current={page}
            pageSize={PAGE}
            total={report?.total ?? 0}
            showSizeChanger={false}
            showTotal={(n) => t('drill.count', { count: n })}
            onChange={setPage}
          />
        </QueryState>
      </Space>
      <ReserveDrawer id={entry} onClose={() => setEntry(null)} />
    </Drawer>
  );
}
