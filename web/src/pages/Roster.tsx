// 后备库: the reserve pool of the unit's subtree as one virtualised table that loads further pages
// as it scrolls, with the API's filters and ordering (kept in the URL); a drawer with an entry's
// page and lifecycle steps; dataset import for administrators of the whole tree.
// The table is VirtualTable, not Ant Design's virtual table: see docs/decisions/019.
import { Alert, Button, Card, Empty, Input, InputNumber, Modal, Select, Space, Spin, Typography } from 'antd';
import { startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listClient } from '../api/client.ts';
import { EDUCATIONS, GENDERS, POSITION_KINDS, RESERVE_ORDER_FIELDS, RESERVE_STATUSES, TIERS } from '../api/enums.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { RESERVES, UNIT_CHILDREN } from '../api/operations.ts';
import { DatasetImport } from '../components/DatasetImport.tsx';
import { LrmxImport } from '../components/LrmxImport.tsx';
import { NominationForm } from '../components/NominationForm.tsx';
import { errorText } from '../components/QueryState.tsx';
import { ReserveDrawer } from '../components/ReserveDrawer.tsx';
import { RosterImport } from '../components/RosterImport.tsx';
import { type Column, VirtualTable } from '../components/VirtualTable.tsx';
import { printTable } from '../export/print.ts';
import { useCan, ViewerContext } from '../viewer.ts';

type Row = ResultOf<typeof RESERVES>['reserves']['edges'][number]['node'];
type Filter = NonNullable<VariablesOf<typeof RESERVES>['filter']>;
type OrderField = (typeof RESERVE_ORDER_FIELDS)[number];

/** Rows per request (the API's page limit). */
const PAGE = 100;
/** The most rows the roster prints: beyond it, a filter first (a national roster is no printout). */
const PRINT_CAP = 5000;
/** Load the next page when fewer than this many loaded rows are left below the view. */
const AHEAD = 300;
const ROW_HEIGHT = 40;
const rowKey = (r: { id: string }) => r.id;
const DOT_COLOR: Record<Row['status'], string> = {
  NOMINATED: '#8c8c8c',
  INSPECTING: '#1677ff',
  PUBLICIZING: '#1677ff',
  ACTIVE: '#52c41a',
  PROMOTED: '#2f54eb',
  REMOVED: '#fa8c16',
  EXPIRED: '#8c8c8c',
  REJECTED: '#f5222d',
};

/** The query string with one parameter set (or removed: null). */
function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
const intOrNull = (v: string | null) => (v !== null && /^\d{1,3}$/.test(v) ? Number(v) : null);

export function Roster({ rootUnit }: { rootUnit: string }) {
  const { t, i18n } = useTranslation();
  const canImport = useCan('IMPORT_DATASET');
  const canReadPersonal = useCan('READ_PERSONAL');
  const [importingForms, setImportingForms] = useState(false);
  const [importingRoster, setImportingRoster] = useState(false);
  const canKeep = useCan('KEEP_RESERVES');
  const [nominating, setNominating] = useState(false);
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
  // 后备干部名册 as a spreadsheet: every entry the filters select, in the standard columns, written
  // by the server as it reads them (a national roster too).
  const exportUrl = `/export/roster.xlsx?${new URLSearchParams(
    Object.entries({
      unit: unitCode,
      q: search,
      status: statuses.join(','),
      kind: filter.kind,
      tier: filter.tier,
      gender: filter.gender,
      edu: filter.educationAtLeast,
      ageMin: filter.ageMin,
      ageMax: filter.ageMax,
      lang: i18n.language,
    }).flatMap(([k, v]) => (v === null || v === undefined || v === '' ? [] : [[k, String(v)]])),
  )}`;

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

  // 花名册 in print: every entry the filters select (not only those scrolled to), up to PRINT_CAP.
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const viewer = useContext(ViewerContext);
  const print = async () => {
    if (total !== null && total > PRINT_CAP) return setPrintError(t('roster.printTooMany', { total, cap: PRINT_CAP }));
    setPrinting(true);
    try {
      const all: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const r = await listClient
          .query(
            RESERVES,
            { filter, orderBy: { field: orderField, direction }, after, first: PAGE },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (r.error || !r.data) return setPrintError(r.error ? errorText(r.error) : t('common.error'));
        all.push(...r.data.reserves.edges.map((e) => e.node));
        if (!r.data.reserves.pageInfo.hasNextPage) break;
        after = r.data.reserves.pageInfo.endCursor ?? null;
      }
      const which = statuses.length
        ? statuses.map((x) => t(`enum.ReserveStatus.${x}`)).join('、')
        : t('roster.allStatuses');
      const today = new Date().toISOString().slice(0, 10);
      const named = await listClient.query(UNIT_CHILDREN, { code: unitCode }).toPromise();
      const unitName = named.data?.unit?.name ?? unitCode;
      printTable(
        {
          title: t('roster.printTitle', { unit: unitName }),
          subtitle: [t('roster.printCount', { total: all.length, which })],
          footer: t('print.footer', {
            unit: unitName,
            asOf: today,
            versions: '—',
            who: viewer?.username ?? '',
            when: new Date().toLocaleString('zh-CN'),
          }),
          columns: [
            { header: t('roster.code') },
            { header: t('roster.name') },
            { header: t('roster.gender') },
            { header: t('roster.birthDate') },
            { header: t('roster.educationCol') },
            { header: t('roster.rank') },
            { header: t('roster.unit') },
            { header: t('roster.kind') },
            { header: t('roster.tier') },
            { header: t('roster.status') },
          ],
          rows: all.map((r) => [
            r.code,
            r.person.name,
            t(`enum.Gender.${r.person.gender}`),
            r.person.birthDate,
            t(`enum.Education.${r.person.education}`),
            t(`enum.Rank.${r.person.rank}`),
            `${r.unit.name}（${r.unit.code}）`,
            t(`enum.PositionKind.${r.targetKind}`),
            t(`enum.Tier.${r.tier}`),
            t(`enum.ReserveStatus.${r.status}`),
          ]),
        },
        t('print.pages', { page: '{page}', pages: '{pages}' }),
      );
    } finally {
      setPrinting(false);
    }
  };

  const set = (changes: Record<string, string | null>) =>
    setParams(Object.entries(changes).reduce((p, [k, v]) => withParam(p, k, v), params));

  const loadMore = useCallback(async () => {
    const state = page.current;
    // Before the first filter is set (a child's effect runs before this page's), or busy, or done.
    if (!state.key || state.busy || !state.hasNext) return;
    state.busy = true;
    const first = state.cursor === null;
    if (first) setLoading(true);
    const [f, by, dir] = JSON.parse(state.key) as [Filter, OrderField, 'ASC' | 'DESC'];
    const r = await listClient
      .query(
        RESERVES,
        { filter: f, orderBy: { field: by, direction: dir }, after: state.cursor, first: PAGE },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (page.current !== state) return; // the filter changed meanwhile
    state.busy = false;
    if (first) setLoading(false);
    if (r.error) return setError(errorText(r.error));
    const c = r.data!.reserves;
    state.cursor = c.pageInfo.endCursor ?? null;
    state.hasNext = c.pageInfo.hasNextPage;
    setTotal(c.totalCount);
    // Appending rows is not urgent: a scrolled frame goes first.
    startTransition(() => setRows((prev) => prev.concat(c.edges.map((e) => e.node))));
  }, []);

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
  const open = useCallback((id: string) => setParams((p) => withParam(p, 'entry', id)), [setParams]);
  // Stable while scrolling: a new array would redraw every row.
  const columns = useMemo<Column<Row>[]>(
    () => [
      { key: 'code', title: t('roster.code'), width: 100, render: (r) => r.code },
      {
        key: 'name',
        title: t('roster.name'),
        width: 110,
        render: (r) => (
          <a
            href={`?entry=${encodeURIComponent(r.id)}`}
            onClick={(e) => {
              e.preventDefault();
              open(r.id);
            }}
          >
            {r.person.name}
          </a>
        ),
      },
      { key: 'gender', title: t('roster.gender'), width: 60, render: (r) => t(`enum.Gender.${r.person.gender}`) },
      { key: 'birth', title: t('roster.birthDate'), width: 110, render: (r) => r.person.birthDate },
      {
        key: 'edu',
        title: t('roster.educationCol'),
        width: 110,
        render: (r) => t(`enum.Education.${r.person.education}`),
      },
      { key: 'rank', title: t('roster.rank'), width: 130, render: (r) => t(`enum.Rank.${r.person.rank}`) },
      {
        key: 'unit',
        title: t('roster.unit'),
        width: 210,
        render: (r) => <span title={r.unit.name}>{r.unit.name}</span>,
      },
      { key: 'kind', title: t('roster.kind'), width: 80, render: (r) => t(`enum.PositionKind.${r.targetKind}`) },
      { key: 'tier', title: t('roster.tier'), width: 100, render: (r) => t(`enum.Tier.${r.tier}`) },
      {
        key: 'status',
        title: t('roster.status'),
        width: 100,
        render: (r) => (
          <span className="roster-status">
            <span aria-hidden style={{ color: DOT_COLOR[r.status] }}>
              ●
            </span>{' '}
            {t(`enum.ReserveStatus.${r.status}`)}
          </span>
        ),
      },
      { key: 'nominated', title: t('roster.nominatedOn'), width: 110, render: (r) => r.nominatedOn },
      { key: 'entered', title: t('roster.enteredOn'), width: 110, render: (r) => r.enteredOn ?? '—' },
    ],
    [t, open],
  );

  // The filter bar changes only with the filters: appending a page of rows must not redraw it
  // (its dozen controls would cost a frame while scrolling).
  const query = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: everything it shows derives from the query string and the language
  const filterBar = useMemo(
    () => (
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
            options={POSITION_KINDS.map((v) => ({ value: v, label: t(`enum.PositionKind.${v}`) }))}
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
    ),
    [query, t],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.roster')}
        </Typography.Title>
        {canKeep && <Button onClick={() => setNominating(true)}>{t('nominate.open')}</Button>}
        {canImport && <Button onClick={() => setImporting(true)}>{t('roster.import')}</Button>}
        {canReadPersonal && <Button onClick={() => setImportingForms(true)}>{t('lrmx.import')}</Button>}
        {canKeep && <Button onClick={() => setImportingRoster(true)}>{t('rosterImport.open')}</Button>}
        <Button href={exportUrl} download>
          {t('roster.exportXlsx')}
        </Button>
        <Button onClick={print} loading={printing} disabled={total === null}>
          {t('roster.print')}
        </Button>
      </Space>
      {printError && <Alert type="warning" showIcon closable title={printError} onClose={() => setPrintError(null)} />}
      {filterBar}
      {error ? (
        <Alert type="error" showIcon title={t('common.error')} description={error} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="roster-total">
            {total === null
              ? t('common.loading')
              : t('roster.total', {
                  total,
                  loaded: rows.length,
                  // What the count counts: the statuses chosen, or every status (not only the pool).
                  which: statuses.length
                    ? statuses.map((s) => t(`enum.ReserveStatus.${s}`)).join('、')
                    : t('roster.allStatuses'),
                })}
          </Typography.Text>
          <VirtualTable<Row>
            label={t('nav.roster')}
            testId="roster-table"
            resetKey={key}
            rows={rows}
            columns={columns}
            rowKey={rowKey}
            height={height}
            rowHeight={ROW_HEIGHT}
            ahead={AHEAD}
            onNearEnd={loadMore}
          />
          {rows.length === 0 && (loading ? <Spin /> : total === 0 && <Empty description={t('common.empty')} />)}
        </>
      )}
      <ReserveDrawer
        id={openId}
        onClose={() => set({ entry: null })}
        onChanged={(id, status) => setRows((prev) => prev.map((r) => (r.id === id ? { ...r, status } : r)))}
      />
      <Modal
        open={nominating}
        title={t('nominate.title')}
        footer={null}
        width={900}
        onCancel={() => setNominating(false)}
        destroyOnHidden
      >
        <NominationForm
          onNominated={(id) => {
            setNominating(false);
            setReload((n) => n + 1);
            open(id);
          }}
        />
      </Modal>
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
      <Modal
        open={importingForms}
        title={t('lrmx.import')}
        footer={null}
        width={820}
        onCancel={() => setImportingForms(false)}
        destroyOnHidden
      >
        <LrmxImport onImported={() => setReload((n) => n + 1)} />
      </Modal>
      <Modal
        open={importingRoster}
        title={t('rosterImport.import')}
        footer={null}
        width={820}
        onCancel={() => setImportingRoster(false)}
        destroyOnHidden
      >
        <RosterImport onImported={() => setReload((n) => n + 1)} />
      </Modal>
    </Space>
  );
}
