// 差额推荐 on the selection page: a unit's comparative recommendation rounds for one kind — turnout
// against the quorum, each candidate's votes per voter group and in total, the ranking and who is
// shortlisted for inspection — and recording a round (ballots per group, votes per candidate and
// group, confirmed first) or striking one out with the reason.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { COMPARATIVE_ROUNDS, PROCEDURE_POLICY, RECORD_COMPARATIVE, STRIKE_COMPARATIVE } from '../api/procedure.ts';
import { percent } from '../format.ts';
import { useCan } from '../viewer.ts';
import { useConfirm } from './confirm.tsx';
import { errorText } from './QueryState.tsx';

type Data = ResultOf<typeof COMPARATIVE_ROUNDS>;
type Round = Data['comparativeRounds'][number];
type Kind = 'PRINCIPAL' | 'DEPUTY';

export function ComparativeRounds({
  unitCode,
  kind,
  onOpen,
}: {
  unitCode: string | null;
  kind: Kind;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const can = useCan('KEEP_RESERVES');
  const [{ data, error }, refetch] = useQuery({
    query: COMPARATIVE_ROUNDS,
    variables: { unitCode: unitCode ?? '', kind },
    pause: !unitCode,
  });
  const [recording, setRecording] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const group = (g: string) => t(`procedure.group.${g}`, { defaultValue: g });
  return (
    <Card
      size="small"
      title={t('comparative.title')}
      extra={
        can && unitCode ? (
          <Button size="small" onClick={() => setRecording(true)}>
            {t('comparative.record')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('comparative.intro')}</Typography.Text>
        {!unitCode && <Typography.Text type="secondary">{t('comparative.pickUnit')}</Typography.Text>}
        {error && <Alert type="error" showIcon title={errorText(error)} />}
        {data?.comparativeRounds.length === 0 && <Typography.Text>{t('comparative.none')}</Typography.Text>}
        {data?.comparativeRounds.map((r) => (
          <RoundCard key={r.id} round={r} group={group} onOpen={onOpen} onChanged={reload} canStrike={can} />
        ))}
      </Space>
      {recording && data && unitCode && (
        <RecordForm
          unitCode={unitCode}
          unitKind={data.unit?.kind ?? null}
          kind={kind}
          candidates={data.reserves.edges.map((e) => e.node)}
          group={group}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            reload();
          }}
        />
      )}
    </Card>
  );
}

function RoundCard({
  round,
  group,
  onOpen,
  onChanged,
  canStrike,
}: {
  round: Round;
  group: (g: string) => string;
  onOpen: (id: string) => void;
  onChanged: () => void;
  canStrike: boolean;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [reason, setReason] = useState<string | null>(null);
  const [state, strike] = useMutation(STRIKE_COMPARATIVE);
  const x = round.tally;
  const doStrike = async () => {
    if (!reason?.trim()) return;
    const ok = await confirm({
      subject: t('comparative.roundOf', { heldOn: round.heldOn }),
      action: t('comparative.strike'),
      facts: [[t('roster.reason'), reason.trim()]],
    });
    if (!ok) return;
    const r = await strike({ input: { roundId: round.id, reason: reason.trim() } });
    if (!r.error) {
      setReason(null);
      onChanged();
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      data-testid="comparative-round"
      title={
        <Space wrap>
          <span>{t('comparative.roundOf', { heldOn: round.heldOn })}</span>
          {round.struckReason ? (
            <Tag>{t('comparative.struck', { reason: round.struckReason })}</Tag>
          ) : x.quorate ? (
            <Tag color="green">
              {t('comparative.turnout', { cast: x.cast, expected: x.expected, share: percent(x.turnout) })}
            </Tag>
          ) : (
            <Tag color="red">
              {t('comparative.void', { cast: x.cast, expected: x.expected, share: percent(x.turnout) })}
            </Tag>
          )}
          <Typography.Text type="secondary">{t('comparative.shortlist', { n: x.shortlist })}</Typography.Text>
        </Space>
      }
      extra={
        canStrike && !round.struckReason ? (
          reason === null ? (
            <Button size="small" onClick={() => setReason('')}>
              {t('comparative.strike')}
            </Button>
          ) : (
            <Space>
              <Input
                size="small"
                aria-label={t('roster.reason')}
                placeholder={t('roster.reason')}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button size="small" danger disabled={!reason.trim()} loading={state.fetching} onClick={doStrike}>
                {t('comparative.strike')}
              </Button>
            </Space>
          )
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="reserveCode"
        pagination={false}
        dataSource={x.standings}
        columns={[
          { title: t('comparative.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('roster.name'),
            render: (_, s) =>
              s.reserve ? (
                <Typography.Link onClick={() => onOpen(s.reserve!.id)}>
                  {s.reserve.person.name}（{s.reserveCode}）
                </Typography.Link>
              ) : (
                s.reserveCode
              ),
          },
          ...x.groups.map((g, i) => ({
            title: `${group(g.group)}（${g.valid}）`,
            key: g.group,
            render: (_: unknown, s: (typeof x.standings)[number]) =>
              `${s.groups[i]!.votes}（${percent(s.groups[i]!.share)}）`,
          })),
          {
            title: t('comparative.total', { valid: x.valid }),
            render: (_, s) => `${s.votes}（${percent(s.share)}）`,
          },
          {
            title: t('comparative.inspection'),
            render: (_, s) =>
              s.shortlisted && !round.struckReason ? <Tag color="green">{t('comparative.shortlisted')}</Tag> : '—',
          },
        ]}
      />
      {round.note && <Typography.Text type="secondary">{round.note}</Typography.Text>}
      {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
    </Card>
  );
}

function RecordForm({
  unitCode,
  unitKind,
  kind,
  candidates,
  group,
  onClose,
  onDone,
}: {
  unitCode: string;
  unitKind: string | null;
  kind: Kind;
  candidates: { id: string; code: string; person: { name: string } }[];
  group: (g: string) => string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [{ data: policy }] = useQuery({
    query: PROCEDURE_POLICY,
    variables: { unitKind: unitKind as never },
    pause: !unitKind,
  });
  const groups = ((policy?.policy.document as { recommendation?: { groups?: string[] } } | undefined)?.recommendation
    ?.groups ?? []) as string[];
  const [heldOn, setHeldOn] = useState<Dayjs>(dayjs());
  const [ballots, setBallots] = useState<Record<string, { expected: number; cast: number; invalid: number }>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [votes, setVotes] = useState<Record<string, Record<string, number>>>({});
  const [note, setNote] = useState('');
  const [state, record] = useMutation(RECORD_COMPARATIVE);
  const ballot = (g: string) => ballots[g] ?? { expected: 0, cast: 0, invalid: 0 };
  const setBallot = (g: string, field: 'expected' | 'cast' | 'invalid', v: number | null) =>
    setBallots((b) => ({ ...b, [g]: { ...ballot(g), [field]: v ?? 0 } }));
  const used = groups.filter((g) => ballot(g).expected > 0);
  const ready = used.length > 0 && chosen.length >= 2;
  const name = (code: string) => candidates.find((c) => c.code === code)?.person.name ?? code;
  const go = async () => {
    const ok = await confirm({
      subject: t('comparative.roundOf', { heldOn: heldOn.format('YYYY-MM-DD') }),
      action: t('comparative.record'),
      facts: [
        [t('roster.kind'), t(`enum.PositionKind.${kind}`)],
        ...used.map(
          (g) =>
            [
              group(g),
              t('comparative.ballots', {
                expected: ballot(g).expected,
                cast: ballot(g).cast,
                invalid: ballot(g).invalid,
              }),
            ] as [string, string],
        ),
        ...chosen.map(
          (c) => [name(c), used.map((g) => `${group(g)} ${votes[c]?.[g] ?? 0}`).join('，')] as [string, string],
        ),
      ],
    });
    if (!ok) return;
    const r = await record({
      input: {
        unitCode,
        kind,
        heldOn: heldOn.format('YYYY-MM-DD'),
        ...(note.trim() ? { note: note.trim() } : {}),
        groups: used.map((g) => ({ group: g, ...ballot(g) })),
        candidates: chosen.map((c) => ({
          reserveId: c,
          votes: used.map((g) => ({ group: g, votes: votes[c]?.[g] ?? 0 })),
        })),
      },
    });
    if (!r.error) onDone();
  };
  return (
    <Drawer open size={720} title={t('comparative.record')} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>{t('comparative.heldOn')}</span>
        <DatePicker
          aria-label={t('comparative.heldOn')}
          allowClear={false}
          value={heldOn}
          onChange={(d) => d && setHeldOn(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
        <Typography.Text strong>{t('comparative.ballotsTitle')}</Typography.Text>
        <Table
          loading={groups.length === 0}
          size="small"
          rowKey={(g) => g}
          pagination={false}
          dataSource={groups}
          columns={[
            { title: t('comparative.group'), key: 'group', render: (_: unknown, g: string) => group(g) },
            ...(['expected', 'cast', 'invalid'] as const).map((field) => ({
              title: t(`comparative.${field}`),
              key: field,
              render: (_: unknown, g: string) => (
                <InputNumber
                  aria-label={`${group(g)} ${t(`comparative.${field}`)}`}
                  min={0}
                  max={100000}
                  precision={0}
                  value={ballot(g)[field]}
                  onChange={(v) => setBallot(g, field, v)}
                />
              ),
            })),
          ]}
        />
        <Typography.Text strong>{t('comparative.candidates')}</Typography.Text>
        <Select
          mode="multiple"
          aria-label={t('comparative.candidates')}
          placeholder={t('comparative.pickCandidates')}
          value={chosen}
          onChange={setChosen}
          options={candidates.map((c) => ({ value: c.code, label: `${c.person.name}（${c.code}）` }))}
          style={{ width: '100%' }}
        />
        {chosen.length > 0 && used.length > 0 && (
          <Table
            size="small"
            rowKey={(c) => c}
            pagination={false}
            dataSource={chosen}
            columns={[
              { title: t('roster.name'), render: (_: unknown, c: string) => name(c) },
              ...used.map((g) => ({
                title: group(g),
                key: g,
                render: (_: unknown, c: string) => (
                  <InputNumber
                    aria-label={`${name(c)} ${group(g)}`}
                    min={0}
                    max={100000}
                    precision={0}
                    value={votes[c]?.[g] ?? 0}
                    onChange={(v) => setVotes((x) => ({ ...x, [c]: { ...x[c], [g]: v ?? 0 } }))}
                  />
                ),
              })),
            ]}
          />
        )}
        <span>{t('comparative.note')}</span>
        <Input.TextArea maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button type="primary" disabled={!ready} loading={state.fetching} onClick={go}>
          {t('comparative.record')}
        </Button>
        {!ready && <Typography.Text type="secondary">{t('comparative.needs')}</Typography.Text>}
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}
