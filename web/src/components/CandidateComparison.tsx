// Two or three candidates side by side: age, education, tier, rank, trainings, assessments and
// practice — one column per candidate, one row per attribute.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { COMPARE_CANDIDATES } from '../api/operations.ts';
import { QueryState } from './QueryState.tsx';

type Node = NonNullable<ResultOf<typeof COMPARE_CANDIDATES>['nodes'][number]>;
type Entry = Extract<Node, { person: unknown }>;

export function CandidateComparison({ ids, asOf }: { ids: string[]; asOf: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: COMPARE_CANDIDATES, variables: { ids, asOf } });
  const entries = (data?.nodes ?? []).filter((n): n is Entry => !!n && 'person' in n);
  const e = (kind: string, v: string | null | undefined) => (v ? t(`enum.${kind}.${v}`) : '—');
  const rows: [string, (c: Entry) => React.ReactNode][] = [
    [t('roster.unit'), (c) => c.unit.name],
    [t('roster.kind'), (c) => e('PositionKind', c.targetKind)],
    [t('roster.age'), (c) => c.person.age],
    [t('roster.gender'), (c) => e('Gender', c.person.gender)],
    [t('roster.educationCol'), (c) => e('Education', c.person.education)],
    [t('roster.fullTime'), (c) => e('Education', c.person.fullTimeEducation)],
    [t('roster.political'), (c) => e('PoliticalStatus', c.person.politicalStatus)],
    [t('roster.rank'), (c) => e('Rank', c.person.rank)],
    [t('roster.rankSince'), (c) => c.person.rankSince ?? '—'],
    [t('roster.workStart'), (c) => c.person.workStart],
    [t('roster.tier'), (c) => <Tag color={c.tier === 'NEAR_TERM' ? 'green' : undefined}>{e('Tier', c.tier)}</Tag>],
    [t('roster.enteredOn'), (c) => c.enteredOn ?? '—'],
    [
      t('roster.trainings'),
      (c) => {
        const done = c.person.trainings.filter((x) => x.completed);
        return t('succession.trainingSummary', {
          count: done.length,
          days: done.reduce((s, x) => s + x.days, 0),
        });
      },
    ],
    [
      t('roster.assessments'),
      (c) =>
        [...c.person.assessments]
          .sort((a, b) => b.year - a.year)
          .slice(0, 3)
          .map((a) => `${a.year} ${e('Grade', a.grade)}`)
          .join('，') || '—',
    ],
    [
      t('roster.practices'),
      (c) => c.person.practices.map((p) => `${e('PracticeKind', p.kind)} ${p.start}`).join('，') || '—',
    ],
  ];
  return (
    <QueryState fetching={fetching && !data} error={error} empty={!!data && entries.length === 0}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(r) => r[0]}
        dataSource={rows}
        columns={[
          { title: '', width: 130, render: (_, [label]) => <strong>{label}</strong> },
          ...entries.map((c) => ({
            key: c.id,
            title: `${c.person.name}（${c.code}）`,
            render: (_: unknown, [, value]: (typeof rows)[number]) => value(c),
          })),
        ]}
      />
    </QueryState>
  );
}
