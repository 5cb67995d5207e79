// 选拔: the entries of the viewer's scope in the selection procedure (推荐, 考察, 公示), each with
// its stage, latest ballot, score and rank, notice window, pending objections and what stops its
// next step; below, one selection's ranking (a unit's team, a kind, a nomination year) with the
// round scores. An entry opens in the same drawer as on the roster, with its Procedure tab.
import {
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { POSITION_KINDS } from '../api/enums.ts';
import type { ResultOf } from '../api/graphql.ts';
import { SELECTION_COUNTS, SELECTION_ENTRIES, SELECTION_RANKING } from '../api/procedure.ts';
import { ComparativeRounds } from '../components/ComparativeRounds.tsx';
import { DocumentButtons } from '../components/DocumentButtons.tsx';
import { WindowState } from '../components/procedure/Notices.tsx';
import { RoundResult } from '../components/procedure/Recommendation.tsx';
import { keyLabel, num, pct } from '../components/procedure/shared.ts';
import { QueryState } from '../components/QueryState.tsx';
import { ReserveDrawer, STATUS_COLOR } from '../components/ReserveDrawer.tsx';

type Entry = ResultOf<typeof SELECTION_ENTRIES>['reserves']['edges'][number]['node'];
type RankRow = ResultOf<typeof SELECTION_RANKING>['selectionRanking'][number];
type Kind = (typeof POSITION_KINDS)[number];

const STAGES = ['NOMINATED', 'INSPECTING', 'PUBLICIZING'] as const;
type Stage = (typeof STAGES)[number];
const PAGE = 50;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

function withParams(params: URLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}

/** The latest round that counts (not struck out), if any. */
const latestRound = (r: Entry) => r.recommendationRounds.filter((x) => !x.struckReason).at(-1) ?? null;
/** The notice window still open, else the latest. */
const currentNotice = (r: Entry) => r.notices.find((n) => !n.closedOn) ?? r.notices.at(-1) ?? null;
const pending = (r: Entry) => r.notices.flatMap((n) => n.objections).filter((o) => o.outcome === 'PENDING').length;

function Ranking({
  units,
  unitCode,
  kind,
  year,
  onPick,
  onOpen,
}: {
  units: { code: string; name: string }[];
  unitCode: string | null;
  kind: Kind;
  year: number;
  onPick: (changes: Record<string, string | null>) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: SELECTION_RANKING,
    variables: { unitCode: unitCode ?? '', kind, year },
    pause: !unitCode,
  });
  const rows = data?.selectionRanking ?? [];
  const rounds = rows[0]?.scoreSheet.rounds ?? [];
  return (
    <Card size="small" title={t('selection.ranking')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('selection.rankUnit')}
          placeholder={t('selection.rankUnit')}
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          value={unitCode ?? undefined}
          onChange={(v) => onPick({ rankUnit: v })}
          options={units.map((u) => ({
            value: u.code,
            label: t('procedure.dateWith', { date: u.name, what: u.code }),
          }))}
        />
        <Select
          aria-label={t('selection.rankKind')}
          style={{ width: 100 }}
          value={kind}
          onChange={(v) => onPick({ rankKind: v })}
          options={POSITION_KINDS.map((k) => ({ value: k, label: t(`enum.PositionKind.${k}`) }))}
        />
        <InputNumber
          aria-label={t('selection.rankYear')}
          addonAfter={t('selection.year')}
          min={1990}
          max={2100}
          value={year}
          onChange={(v) => v && onPick({ rankYear: String(v) })}
        />
        {rows.length > 0 && (
          <DocumentButtons
            kind="DOSSIER"
            codes={rows.map((r) => r.reserve.code)}
            printLabel={t('documents.printDossier')}
            wordLabel={t('documents.dossierWord')}
          />
        )}
      </Space>
      {!unitCode ? (
        <Typography.Text type="secondary">{t('selection.pickSelection')}</Typography.Text>
      ) : (
        <QueryState fetching={fetching && !data} error={error} empty={!fetching && rows.length === 0}>
          <Table<RankRow>
            size="small"
            pagination={false}
            rowKey={(r) => r.reserve.id}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('procedure.rank'),
                key: 'rank',
                width: 60,
                render: (_, r) => r.scoreSheet.rank ?? '—',
              },
              {
                title: t('roster.name'),
                key: 'name',
                render: (_, r) => (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.reserve.id)}>
                    {r.reserve.person.name}
                  </Button>
                ),
              },
              { title: t('roster.code'), key: 'code', render: (_, r) => r.reserve.code },
              {
                title: t('selection.stage'),
                key: 'status',
                render: (_, r) => (
                  <Tag color={STATUS_COLOR[r.reserve.status]}>{t(`enum.ReserveStatus.${r.reserve.status}`)}</Tag>
                ),
              },
              ...rounds.map((round, i) => ({
                title: t('selection.roundHeader', {
                  round: keyLabel(t, 'round', round.round),
                  weight: pct(round.weight),
                  mark: round.passMark,
                }),
                key: round.round,
                align: 'right' as const,
                render: (_: unknown, r: RankRow) => {
                  const x = r.scoreSheet.rounds[i];
                  if (!x) return '—';
                  const text =
                    x.score == null
                      ? x.parts.some((p) => p.score != null)
                        ? t('selection.partial')
                        : '—'
                      : num(x.score);
                  return x.passed === false ? <Typography.Text type="danger">{text}</Typography.Text> : text;
                },
              })),
              {
                title: t('procedure.finalScore'),
                key: 'final',
                align: 'right',
                render: (_, r) => num(r.scoreSheet.finalScore),
              },
              {
                title: t('procedure.eliminated'),
                key: 'out',
                render: (_, r) =>
                  r.scoreSheet.eliminatedIn ? (
                    <Tag color="red">
                      {t('procedure.eliminatedIn', { round: keyLabel(t, 'round', r.scoreSheet.eliminatedIn) })}
                    </Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </QueryState>
      )}
    </Card>
  );
}

export function Selection({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => setParams((p) => withParams(p, changes));
  const unitCode = params.get('unit') ?? rootUnit;
  const stages = (params.get('stage') ?? '')
    .split(',')
    .map((s) => oneOf(STAGES, s))
    .filter((s): s is Stage => s !== null);
  const kind = oneOf(POSITION_KINDS, params.get('kind'));
  const search = params.get('q') ?? '';
  const filter = {
    unitCode,
    subtree: true,
    status: stages.length ? stages : [...STAGES],
    kind,
    search: search || null,
  };
  // Cursors of the pages before the current one (a connection is read forwards).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filterKey = JSON.stringify(filter);
  const [shownKey, setShownKey] = useState(filterKey);
  if (shownKey !== filterKey) {
    setShownKey(filterKey);
    setCursors([null]);
  }
  const after = cursors.at(-1) ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: SELECTION_ENTRIES,
    variables: { filter, after, first: PAGE },
    requestPolicy: 'cache-and-network',
  });
  const [counts] = useQuery({ query: SELECTION_COUNTS, variables: { unitCode }, requestPolicy: 'cache-and-network' });
  const rows = data?.reserves.edges.map((e) => e.node) ?? [];
  const open = (id: string) => set({ entry: id });
  const units = [...new Map(rows.map((r) => [r.unit.code, r.unit])).values()];
  const rankUnit = params.get('rankUnit');
  if (rankUnit && !units.some((u) => u.code === rankUnit)) units.unshift({ code: rankUnit, name: rankUnit });
  const rankYear = Number(params.get('rankYear')) || dayjs().year();
  const rankKind = oneOf(POSITION_KINDS, params.get('rankKind')) ?? 'DEPUTY';

  const columns = [
    { title: t('roster.code'), key: 'code', width: 100, render: (_: unknown, r: Entry) => r.code },
    {
      title: t('roster.name'),
      key: 'name',
      width: 90,
      render: (_: unknown, r: Entry) => (
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
    {
      title: t('roster.unit'),
      key: 'unit',
      ellipsis: true,
      render: (_: unknown, r: Entry) => <span title={r.unit.name}>{r.unit.name}</span>,
    },
    {
      title: t('roster.kind'),
      key: 'kind',
      width: 80,
      render: (_: unknown, r: Entry) => t(`enum.PositionKind.${r.targetKind}`),
    },
    {
      title: t('selection.stage'),
      key: 'stage',
      width: 90,
      render: (_: unknown, r: Entry) => <Tag color={STATUS_COLOR[r.status]}>{t(`enum.ReserveStatus.${r.status}`)}</Tag>,
    },
    { title: t('roster.nominatedOn'), key: 'nominatedOn', width: 104, render: (_: unknown, r: Entry) => r.nominatedOn },
    {
      title: t('selection.ballot'),
      key: 'ballot',
      width: 110,
      render: (_: unknown, r: Entry) => {
        const round = latestRound(r);
        if (!round) return '—';
        return (
          <Tooltip title={t('selection.ballotDetail', { date: round.heldOn, turnout: pct(round.tally.total.turnout) })}>
            <span>
              <RoundResult round={round} /> {pct(round.tally.total.favourShare)}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: t('selection.score'),
      key: 'score',
      width: 130,
      render: (_: unknown, r: Entry) => {
        const s = r.scoreSheet;
        if (!s) return '—';
        const pick = () =>
          set({ rankUnit: r.unit.code, rankKind: r.targetKind, rankYear: String(dayjs(r.nominatedOn).year()) });
        if (s.eliminatedIn)
          return (
            <Tag color="red" style={{ cursor: 'pointer' }} onClick={pick}>
              {t('procedure.eliminatedIn', { round: keyLabel(t, 'round', s.eliminatedIn) })}
            </Tag>
          );
        return (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={pick}>
            {s.finalScore == null ? t('selection.partial') : num(s.finalScore)}
            {s.rank != null && ` · ${t('procedure.rankOf', { rank: s.rank, cohort: s.cohort })}`}
          </Button>
        );
      },
    },
    {
      title: t('selection.notice'),
      key: 'notice',
      width: 250,
      render: (_: unknown, r: Entry) => {
        const n = currentNotice(r);
        return n ? <WindowState window={{ ...n, closedAs: null }} /> : '—';
      },
    },
    {
      title: t('selection.objections'),
      key: 'objections',
      width: 100,
      render: (_: unknown, r: Entry) => {
        const count = pending(r);
        return count > 0 ? <Tag color="gold">{t('selection.pending', { n: count })}</Tag> : '—';
      },
    },
    {
      title: t('selection.nextStep'),
      key: 'next',
      width: 130,
      render: (_: unknown, r: Entry) =>
        r.blockers.length === 0 ? (
          <Tag color="green">{t('selection.ready')}</Tag>
        ) : (
          r.blockers.map((b) => (
            <Tooltip key={`${b.to}-${b.gate}`} title={b.message}>
              <Tag color="orange">{t(`enum.ProcedureGate.${b.gate}`)}</Tag>
            </Tooltip>
          ))
        ),
    },
  ];

  const total = data?.reserves.totalCount ?? 0;
  const pageNo = cursors.length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.selection')}
      </Typography.Title>
      <Row gutter={16}>
        {STAGES.map((s) => {
          const key = s === 'NOMINATED' ? 'nominated' : s === 'INSPECTING' ? 'inspecting' : 'publicizing';
          return (
            <Col key={s} xs={24} sm={8}>
              <Card size="small" hoverable onClick={() => set({ stage: s })}>
                <Statistic
                  title={t(`enum.ReserveStatus.${s}`)}
                  value={counts.data?.[key].totalCount ?? '—'}
                  suffix={t('selection.people')}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label={t('selection.stage')}
            mode="multiple"
            allowClear
            placeholder={t('selection.allStages')}
            style={{ minWidth: 220 }}
            value={stages}
            onChange={(v: Stage[]) => set({ stage: v.join(',') || null })}
            options={STAGES.map((s) => ({ value: s, label: t(`enum.ReserveStatus.${s}`) }))}
          />
          <Select
            aria-label={t('roster.kind')}
            allowClear
            placeholder={t('roster.kind')}
            style={{ width: 120 }}
            value={kind ?? undefined}
            onChange={(v) => set({ kind: v ?? null })}
            options={POSITION_KINDS.map((k) => ({ value: k, label: t(`enum.PositionKind.${k}`) }))}
          />
          <Input.Search
            aria-label={t('roster.search')}
            placeholder={t('roster.search')}
            allowClear
            defaultValue={search}
            maxLength={100}
            onSearch={(v) => set({ q: v.trim() || null })}
            style={{ width: 200 }}
          />
        </Space>
      </Card>
      <Card size="small" title={t('selection.entries')}>
        <QueryState fetching={fetching && !data} error={error}>
          <Table<Entry>
            size="small"
            rowKey="id"
            pagination={false}
            loading={fetching}
            dataSource={rows}
            columns={columns}
            tableLayout="fixed"
            data-testid="selection-table"
          />
          <Space style={{ marginTop: 12 }}>
            <Button disabled={pageNo === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('selection.previous')}
            </Button>
            <Button
              disabled={!data?.reserves.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, data?.reserves.pageInfo.endCursor ?? null])}
            >
              {t('selection.next')}
            </Button>
            <Typography.Text type="secondary" data-testid="selection-total">
              {t('selection.pageOf', { page: pageNo, total })}
            </Typography.Text>
          </Space>
        </QueryState>
      </Card>
      <Ranking units={units} unitCode={rankUnit} kind={rankKind} year={rankYear} onPick={set} onOpen={open} />
      <ComparativeRounds unitCode={rankUnit} kind={rankKind} onOpen={open} />
      <ReserveDrawer id={params.get('entry')} onClose={() => set({ entry: null })} />
    </Space>
  );
}
