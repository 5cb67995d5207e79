// The candidate comparison's rows, one per attribute, each a text per candidate: what the
// comparison shows on screen and what it prints are the same words.
import type { TFunction } from 'i18next';
import type { ResultOf } from '../api/graphql.ts';
import type { COMPARE_CANDIDATES } from '../api/operations.ts';

type Node = NonNullable<ResultOf<typeof COMPARE_CANDIDATES>['nodes'][number]>;
export type Candidate = Extract<Node, { person: unknown }>;

export interface ComparisonRow {
  label: string;
  value: (c: Candidate) => string;
  /** Shown as a green tag on screen when true (near-term readiness). */
  highlight?: (c: Candidate) => boolean;
}

export function comparisonRows(t: TFunction): ComparisonRow[] {
  const e = (kind: string, v: string | null | undefined) => (v ? t(`enum.${kind}.${v}`) : '—');
  return [
    { label: t('roster.unit'), value: (c) => c.unit.name },
    { label: t('roster.kind'), value: (c) => e('PositionKind', c.targetKind) },
    { label: t('roster.age'), value: (c) => String(c.person.age) },
    { label: t('roster.gender'), value: (c) => e('Gender', c.person.gender) },
    { label: t('roster.educationCol'), value: (c) => e('Education', c.person.education) },
    { label: t('roster.fullTime'), value: (c) => e('Education', c.person.fullTimeEducation) },
    { label: t('roster.political'), value: (c) => e('PoliticalStatus', c.person.politicalStatus) },
    { label: t('roster.rank'), value: (c) => e('Rank', c.person.rank) },
    { label: t('roster.rankSince'), value: (c) => c.person.rankSince ?? '—' },
    { label: t('roster.workStart'), value: (c) => c.person.workStart },
    { label: t('roster.tier'), value: (c) => e('Tier', c.tier), highlight: (c) => c.tier === 'NEAR_TERM' },
    { label: t('roster.enteredOn'), value: (c) => c.enteredOn ?? '—' },
    {
      label: t('roster.trainings'),
      value: (c) => {
        const done = c.person.trainings.filter((x) => x.completed);
        return t('succession.trainingSummary', { count: done.length, days: done.reduce((s, x) => s + x.days, 0) });
      },
    },
    {
      label: t('roster.assessments'),
      value: (c) =>
        [...c.person.assessments]
          .sort((a, b) => b.year - a.year)
          .slice(0, 3)
          .map((a) => `${a.year} ${e('Grade', a.grade)}`)
          .join('，') || '—',
    },
    {
      label: t('roster.practices'),
      value: (c) => c.person.practices.map((p) => `${e('PracticeKind', p.kind)} ${p.start}`).join('，') || '—',
    },
  ];
}
