// The people and posts behind a figure: every number on the dashboard opens this drawer with the
// named measure it is (server: drill), for the same unit, scope and date. The list pages on
// ("load more"), a name opens the entry, and the whole list exports to .xlsx.
import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { DRILL } from '../api/operations.ts';
import { downloadSheet } from '../export/xlsx.ts';
import { ReserveDrawer } from './ReserveDrawer.tsx';

/** What a figure counts: the measure, and the unit, scope and dates it was counted for. */
export interface DrillTarget {
  measure: string;
  unitCode: string;
  subtree: boolean;
  asOf: string;
  horizonYears?: number;
  trainingYear?: number | null;
  /** Entry measures: just the entries for this target rank (the statistics table's cells). */
  targetRank?: string | null;
  /** What the user clicked, e.g. "甲县 · 特殊结构占比 · 分子". */
  title: string;
}

type Page = ResultOf<typeof DRILL>['drill'];
type Row = Page['rows'][number];
const PAGE = 100;

export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [rows, setRows] = useState<Row[]>([]);
  const [page, setPage] = useState<Pick<Page, 'source' | 'totalCount' | 'pageInfo'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const fetchPage = async (after: string | null, first = PAGE) => {
    if (!target) return null;
    const r = await client
      .query(DRILL, {
        measure: target.measure,
        unitCode: target.unitCode,
        subtree: target.subtree,
        asOf: target.asOf,
        horizonYears: target.horizonYears ?? 1,
        trainingYear: target.trainingYear ?? null,
        targetRank: (target.targetRank ?? null) as VariablesOf<typeof DRILL>['targetRank'],
        first,
        after,
      })
      .toPromise();
    if (r.error || !r.data) throw r.error ?? new Error(t('common.error'));
    return r.data.drill;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new target starts a new list
  useEffect(() => {
    setRows([]);
    setPage(null);
    setError(null);
    if (!target) return;
    let live = true;
    setLoading(true);
    fetchPage(null)
      .then((p) => {
        if (live && p) {
          setRows(p.rows);
          setPage(p);
        }
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [target]);

  const more = async () => {
    if (!page?.pageInfo.endCursor) return;
    setLoading(true);
    try {
      const p = await fetchPage(page.pageInfo.endCursor);
      if (p) {
        setRows((r) => [...r, ...p.rows]);
        setPage(p);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };

  const source = page?.source ?? 'ENTRIES';
  const enumText = (name: string, v: string | null | undefined) => (v ? t(`enum.${name}.${v}`) : '');
  // The columns of each source: what a user needs to recognise the row, and what the export writes.
  const columns: { title: string; value: (r: Row) => string | number | null; width?: number }[] =
    source === 'APPOINTMENTS'
      ? [
          { title: t('roster.name'), value: (r) => r.person?.name ?? '', width: 12 },
          { title: t('drill.post'), value: (r) => r.post?.title ?? r.code, width: 18 },
          { title: t('common.unit'), value: (r) => r.unitName, width: 24 },
          { title: t('roster.kind'), value: (r) => enumText('PositionKind', r.kind) },
          { title: t('drill.appointedOn'), value: (r) => r.enteredOn },
          { title: t('drill.ageAppointed'), value: (r) => r.age },
          { title: t('drill.source'), value: (r) => (r.fromPool ? t('drill.fromPool') : t('drill.notFromPool')) },
        ]
      : source === 'POSTS'
        ? [
            { title: t('drill.post'), value: (r) => r.post?.title ?? r.code, width: 18 },
            { title: t('common.unit'), value: (r) => r.unitName, width: 24 },
            { title: t('roster.kind'), value: (r) => enumText('PositionKind', r.kind) },
            { title: t('drill.incumbent'), value: (r) => r.person?.name ?? t('succession.vacant') },
            { title: t('roster.age'), value: (r) => r.age },
            { title: t('drill.termEnds'), value: (r) => r.termEnds },
          ]
        : source === 'UNITS'
          ? [
              { title: t('common.unit'), value: (r) => r.unitName, width: 28 },
              { title: t('drill.code'), value: (r) => r.code },
            ]
          : [
              { title: t('roster.name'), value: (r) => r.person?.name ?? r.code, width: 12 },
              { title: t('roster.gender'), value: (r) => enumText('Gender', r.person?.gender) },
              { title: t('roster.ethnicity'), value: (r) => r.person?.ethnicity ?? '' },
              { title: t('roster.political'), value: (r) => enumText('PoliticalStatus', r.person?.politicalStatus) },
              { title: t('roster.educationCol'), value: (r) => enumText('Education', r.person?.education) },
              { title: t('roster.age'), value: (r) => r.age },
              {
                title: source === 'ENTRIES' ? t('drill.reservedFor') : t('common.unit'),
                value: (r) => r.unitName,
                width: 24,
              },
              ...(source === 'ENTRIES'
                ? [
                    { title: t('roster.kind'), value: (r: Row) => enumText('PositionKind', r.kind) },
                    { title: t('roster.tier'), value: (r: Row) => enumText('Tier', r.tier) },
                    { title: t('roster.enteredOn'), value: (r: Row) => r.enteredOn },
                  ]
                : []),
            ];

  const exportAll = async () => {
    if (!target) return;
    setExporting(true);
    try {
      const all: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await fetchPage(after, 500);
        if (!p) break;
        all.push(...p.rows);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      await downloadSheet({
        fileName: `${target.measure}-${target.unitCode}-${target.asOf}.xlsx`,
        sheetName: t('drill.sheet'),
        title: [target.title, t('drill.sheetHeader', { asOf: target.asOf, count: all.length })],
        columns: columns.map((c) => ({ header: c.title, width: c.width })),
        rows: all.map((r) => columns.map((c) => c.value(r))),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={Math.min(1100, Math.max(360, window.innerWidth - 120))}
      title={target?.title}
      extra={
        <Button onClick={exportAll} loading={exporting} disabled={!page || page.totalCount === 0}>
          {t('drill.export')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" title={error} />}
        {page && (
          <Typography.Text>
            {t('drill.count', { count: page.totalCount })}{' '}
            {target?.subtree ? <Tag>{t('drill.subtree')}</Tag> : <Tag>{t('drill.unitAlone')}</Tag>}
          </Typography.Text>
        )}
        <Table<Row>
          size="small"
          rowKey="code"
          loading={loading}
          dataSource={rows}
          pagination={false}
          columns={columns.map((c, i) => ({
            title: c.title,
            key: String(i),
            render: (_: unknown, r: Row) =>
              i === 0 && r.entry ? (
                <Button type="link" size="small" onClick={() => setOpen(r.entry!.id)}>
                  {c.value(r)}
                </Button>
              ) : (
                c.value(r)
              ),
          }))}
        />
        {page?.pageInfo.hasNextPage && (
          <Button onClick={more} loading={loading}>
            {t('drill.more', { shown: rows.length, total: page.totalCount })}
          </Button>
        )}
      </Space>
      <ReserveDrawer id={open} onClose={() => setOpen(null)} />
    </Drawer>
  );
}
