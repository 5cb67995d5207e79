// 后备库: the reserve pool of the unit's subtree as one virtualised table that loads further pages
// as it scrolls, with the API's filters and ordering (kept in the URL); a drawer with an entry's
// page and lifecycle steps; dataset import for administrators of the whole tree.
import { Alert, Button, Card, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import { EDUCATIONS, GENDERS, POSITION_KINDS, RESERVE_ORDER_FIELDS, RESERVE_STATUSES, TIERS } from '../api/enums.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { RESERVES } from '../api/operations.ts';
import { DatasetImport } from '../components/DatasetImport.tsx';
import { errorText } from '../components/QueryState.tsx';
import { ReserveDrawer, STATUS_COLOR } from '../components/ReserveDrawer.tsx';
import { useCan } from '../viewer.ts';

type Row = ResultOf<typeof RESERVES>['reserves']['edges'][number]['node'];
type Filter = NonNullable<VariablesOf<typeof RESERVES>['filter']>;
type OrderField = (typeof RESERVE_ORDER_FIELDS)[number];

/** Rows per request (the API's page limit). */
const PAGE = 100;
/** Load the next page when fewer than this many loaded rows are left below the view. */
const AHEAD = 300;
const ROW_HEIGHT = 39;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
const intOrNull = (v: string | null) => (v !== null && /^\d{1,3}$/.test(v) ? Number(v) : null);

export function Roster({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const canImport = useCan('IMPORT_DATASET');
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const search = params.get('q') ?? '';
  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => oneOf(RESERVE_STATUSES, s))
    .filter((s) => s !== null);
  const filter: Filter = {
    unitCode,
    subtree: true,
    kind: oneOf(POSITION_KINDS, params.get('kind')),
    tier: oneOf(TIERS, params.get('tier')),
    status: statuses.length ? statuses : null,
    gender: oneOf(GENDERS, params.get('gender')),
    educationAtLeast: oneOf(EDUCATIONS, params.get('edu')),
    ageMin: intOrNull(params.get('ageMin')),
    ageMax: intOrNull(params.get('ageMax')),
    search: search || null,
  };
  const orderField: OrderField = oneOf(RESERVE_ORDER_FIELDS, params.get('order')) ?? 'CODE';
  const direction = params.get('dir') === 'DESC' ? 'DESC' : 'ASC';
  const key = JSON.stringify([filter, orderField, direction]);

  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reload, setReload] = useState(0);
  const page = useRef<{ key: string; cursor: string | null; hasNext: boolean; busy: boolean }>({
    key: '',
    cursor: null,
    hasNext: true,
    busy: false,
  });
  const openId = params.get('entry');

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const loadMore = useCallback(async () => {
    const state = page.current;
    if (state.busy || !state.hasNext) return;
    state.busy = true;
    setLoading(true);
    const [f, by, dir] = JSON.parse(state.key) as [Filter, OrderField, 'ASC' | 'DESC'];
    const r = await client
      .query(
        RESERVES,
        { filter: f, orderBy: { field: by, direction: dir }, after: state.cursor, first: PAGE },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (page.current !== state) return; // the filter changed meanwhile
    state.busy = false;
    setLoading(false);
    if (r.error) return setError(errorText(r.error));
    const c = r.data!.reserves;
    state.cursor = c.pageInfo.endCursor ?? null;
    state.hasNext = c.pageInfo.hasNextPage;
    setTotal(c.totalCount);
    setRows((prev) => prev.concat(c.edges.map((e) => e.node)));
  }, [client]);

  // A new filter, order or import: start again from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` restarts the list after an import
  useEffect(() => {
    page.current = { key, cursor: null, hasNext: true, busy: false };
    setRows([]);
    setTotal(null);
    setError(null);
    void loadMore();
  }, [key, reload, loadMore]);

  const height = useMemo(() => Math.max(320, window.innerHeight - 330), []);
  const kindText = (v: string) => t(`enum.PositionKind.${v}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.roster')}
        </Typography.Title>
        {canImport && <Button onClick={() => setImporting(true)}>{t('roster.import')}</Button>}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search
            aria-label={t('roster.search')}
            placeholder={t('roster.search')}
            allowClear
            defaultValue={search}
            maxLength={100}
            onSearch={(v) => set({ q: v.trim() })}
            style={{ width: 200 }}
          />
          <Select
            aria-label={t('roster.kind')}
            placeholder={t('roster.kind')}
            allowClear
            style={{ width: 110 }}
            value={filter.kind ?? undefined}
            onChange={(v) => set({ kind: v ?? null })}
            options={POSITION_KINDS.map((v) => ({ value: v, label: kindText(v) }))}
          />
          <Select
            aria-label={t('roster.tier')}
            placeholder={t('roster.tier')}
            allowClear
            style={{ width: 120 }}
            value={filter.tier ?? undefined}
            onChange={(v) => set({ tier: v ?? null })}
            options={TIERS.map((v) => ({ value: v, label: t(`enum.Tier.${v}`) }))}
          />
          <Select
            aria-label={t('roster.status')}
            placeholder={t('roster.status')}
            mode="multiple"
            allowClear
            style={{ minWidth: 160 }}
            value={statuses}
            onChange={(v) => set({ status: v.join(',') })}
            options={RESERVE_STATUSES.map((v) => ({ value: v, label: t(`enum.ReserveStatus.${v}`) }))}
          />
          <Select
            aria-label={t('roster.gender')}
            placeholder={t('roster.gender')}
            allowClear
            style={{ width: 90 }}
            value={filter.gender ?? undefined}
            onChange={(v) => set({ gender: v ?? null })}
            options={GENDERS.map((v) => ({ value: v, label: t(`enum.Gender.${v}`) }))}
          />
          <Select
            aria-label={t('roster.education')}
            placeholder={t('roster.education')}
            allowClear
            style={{ width: 140 }}
            value={filter.educationAtLeast ?? undefined}
            onChange={(v) => set({ edu: v ?? null })}
            options={EDUCATIONS.map((v) => ({ value: v, label: t(`enum.Education.${v}`) }))}
          />
          <InputNumber
            aria-label={t('roster.ageMin')}
            placeholder={t('roster.ageMin')}
            min={18}
            max={70}
            style={{ width: 100 }}
            value={filter.ageMin}
            onChange={(v) => set({ ageMin: v === null ? null : String(v) })}
          />
          <InputNumber
            aria-label={t('roster.ageMax')}
            placeholder={t('roster.ageMax')}
            min={18}
            max={70}
            style={{ width: 100 }}
            value={filter.ageMax}
            onChange={(v) => set({ ageMax: v === null ? null : String(v) })}
          />
          <Select
            aria-label={t('roster.order')}
            style={{ width: 120 }}
            value={orderField}
            onChange={(v) => set({ order: v })}
            options={RESERVE_ORDER_FIELDS.map((v) => ({ value: v, label: t(`enum.ReserveOrderField.${v}`) }))}
          />
          <Select
            aria-label={t('roster.order')}
            style={{ width: 90 }}
            value={direction}
            onChange={(v) => set({ dir: v })}
            options={[
              { value: 'ASC', label: t('roster.asc') },
              { value: 'DESC', label: t('roster.desc') },
            ]}
          />
        </Space>
      </Card>
      {error ? (
        <Alert type="error" showIcon title={t('common.error')} description={error} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="roster-total">
            {total === null ? t('common.loading') : t('roster.total', { total, loaded: rows.length })}
          </Typography.Text>
          <Table<Row>
            virtual
            size="small"
            rowKey="id"
            loading={loading && rows.length === 0}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1250, y: height }}
            onScroll={(e) => {
              const el = e.currentTarget;
              if (el.scrollHeight - el.scrollTop - el.clientHeight < AHEAD * ROW_HEIGHT) void loadMore();
            }}
            locale={{ emptyText: total === 0 ? t('common.empty') : t('common.loading') }}
            columns={[
              { title: t('roster.code'), dataIndex: 'code', width: 90 },
              {
                title: t('roster.name'),
                width: 110,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => set({ entry: r.id })}>
                    {r.person.name}
                  </Button>
                ),
              },
              { title: t('roster.gender'), width: 60, render: (_, r) => t(`enum.Gender.${r.person.gender}`) },
              { title: t('roster.birthDate'), width: 110, render: (_, r) => r.person.birthDate },
              {
                title: t('roster.educationCol'),
                width: 100,
                render: (_, r) => t(`enum.Education.${r.person.education}`),
              },
              { title: t('roster.rank'), width: 120, render: (_, r) => t(`enum.Rank.${r.person.rank}`) },
              { title: t('roster.unit'), width: 200, ellipsis: true, render: (_, r) => r.unit.name },
              { title: t('roster.kind'), dataIndex: 'targetKind', width: 70, render: kindText },
              { title: t('roster.tier'), dataIndex: 'tier', width: 100, render: (v) => t(`enum.Tier.${v}`) },
              {
                title: t('roster.status'),
                dataIndex: 'status',
                width: 100,
                render: (v: Row['status']) => <Tag color={STATUS_COLOR[v]}>{t(`enum.ReserveStatus.${v}`)}</Tag>,
              },
              { title: t('roster.nominatedOn'), dataIndex: 'nominatedOn', width: 110 },
              { title: t('roster.enteredOn'), dataIndex: 'enteredOn', width: 110, render: (v) => v ?? '—' },
            ]}
          />
        </>
      )}
      <ReserveDrawer
        id={openId}
        onClose={() => set({ entry: null })}
        onChanged={(id, status) => setRows((prev) => prev.map((r) => (r.id === id ? { ...r, status } : r)))}
      />
      <Modal
        open={importing}
        title={t('roster.import')}
        footer={null}
        width={760}
        onCancel={() => setImporting(false)}
        destroyOnHidden
      >
        <DatasetImport onImported={() => setReload((n) => n + 1)} />
      </Modal>
    </Space>
  );
}
