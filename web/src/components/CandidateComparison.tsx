// Two or three candidates side by side: age, education, tier, rank, trainings, assessments and
// practice — one column per candidate, one row per attribute; printable as it is shown.
import { Button, Space, Table, Tag } from 'antd';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { COMPARE_CANDIDATES } from '../api/operations.ts';
import { printComparison } from '../export/succession.ts';
import { ViewerContext } from '../viewer.ts';
import { type Candidate, type ComparisonRow, comparisonRows } from './comparison-rows.ts';
import { QueryState } from './QueryState.tsx';

export function CandidateComparison({
  ids,
  asOf,
  unit,
}: {
  ids: string[];
  asOf: string;
  /** The unit whose reserves these are (the printout's title and footer). */
  unit: { place: string; kind: string };
}) {
  const { t } = useTranslation();
  const client = useClient();
  const viewer = useContext(ViewerContext);
  const [{ data, fetching, error }] = useQuery({ query: COMPARE_CANDIDATES, variables: { ids, asOf } });
  const [printing, setPrinting] = useState(false);
  const entries = (data?.nodes ?? []).filter((n): n is Candidate => !!n && 'person' in n);
  const rows = comparisonRows(t);
  const print = async () => {
    setPrinting(true);
    try {
      await printComparison({ client, t, asOf, who: viewer?.username ?? '' }, unit, entries, rows);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <QueryState fetching={fetching && !data} error={error} empty={!!data && entries.length === 0}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button onClick={print} loading={printing} disabled={entries.length === 0}>
          {t('succession.printCompare')}
        </Button>
        <Table<ComparisonRow>
          size="small"
          bordered
          pagination={false}
          rowKey={(r) => r.label}
          dataSource={rows}
          columns={[
            { title: '', width: 130, render: (_, row) => <strong>{row.label}</strong> },
            ...entries.map((c) => ({
              key: c.id,
              title: `${c.person.name}（${c.code}）`,
              render: (_: unknown, row: ComparisonRow) =>
                row.highlight ? <Tag color={row.highlight(c) ? 'green' : undefined}>{row.value(c)}</Tag> : row.value(c),
            })),
          ]}
        />
      </Space>
    </QueryState>
  );
}
