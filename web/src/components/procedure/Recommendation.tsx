// 民主推荐: each recommendation round counted per voter group and in total, against the policy's
// quorum and pass share; the ballot form has one row per voter group of the policy; a round
// entered by mistake is struck out with a reason (it stays, and no longer counts).
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { RECORD_RECOMMENDATION, STRIKE_RECOMMENDATION } from '../../api/procedure.ts';
import { useCan } from '../../viewer.ts';
import { noEnterSubmit, useConfirm } from '../confirm.tsx';
import { errorText } from '../QueryState.tsx';
import { type Entry, iso, keyLabel, outsideProcedure, type ProcedurePolicy, pct } from './shared.ts';

type Round = Entry['recommendationRounds'][number];
type Tally = Round['tally']['total'];
const FIELDS = ['expected', 'cast', 'favour', 'against', 'abstain', 'invalid'] as const;
type Field = (typeof FIELDS)[number];
type Ballots = Record<Field, number | null>;

/** The round's result: struck out, void (below quorum), passed or failed. */
export function RoundResult({
  round,
}: {
  round: Pick<Round, 'struckReason'> & { tally: Pick<Round['tally'], 'void' | 'passed'> };
}) {
  const { t } = useTranslation();
  if (round.struckReason) return <Tag>{t('procedure.struck')}</Tag>;
  if (round.tally.void) return <Tag color="orange">{t('procedure.void')}</Tag>;
  return round.tally.passed ? (
    <Tag color="green">{t('procedure.passed')}</Tag>
  ) : (
    <Tag color="red">{t('procedure.failed')}</Tag>
  );
}

function RoundCard({ round, canStrike, onChanged }: { round: Round; canStrike: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [state, strike] = useMutation(STRIKE_RECOMMENDATION);
  const { tally } = round;
  const rows: (Tally & { key: string })[] = [
    ...tally.groups.map((g) => ({ ...g, key: g.group })),
    { ...tally.total, key: 'ALL' },
  ];
  return (
    <Card
      size="small"
      data-testid="recommendation-round"
      title={t('procedure.roundOn', { date: round.heldOn })}
      extra={<RoundResult round={round} />}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        rowClassName={(r) => (r.key === 'ALL' ? 'procedure-total' : '')}
        columns={[
          {
            title: t('procedure.voterGroup'),
            dataIndex: 'group',
            render: (g: string) => (g === 'ALL' ? <strong>{t('procedure.total')}</strong> : keyLabel(t, 'group', g)),
          },
          ...FIELDS.map((f) => ({ title: t(`procedure.ballot.${f}`), dataIndex: f, align: 'right' as const })),
          { title: t('procedure.turnout'), dataIndex: 'turnout', align: 'right', render: pct },
          { title: t('procedure.favourShare'), dataIndex: 'favourShare', align: 'right', render: pct },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('procedure.thresholds', { quorum: pct(tally.quorum), passShare: pct(tally.passShare) })}
        {' · '}
        {t(tally.quorate ? 'procedure.quorate' : 'procedure.notQuorate')}
        {' · '}
        {t('procedure.recordedBy', { who: round.recordedBy })}
        {round.note ? ` · ${round.note}` : ''}
      </Typography.Paragraph>
      {round.struckReason && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('procedure.struckBecause', { reason: round.struckReason })}
        </Typography.Paragraph>
      )}
      {canStrike && !round.struckReason && (
        <Space.Compact style={{ marginTop: 8 }}>
          <Input
            aria-label={t('procedure.strikeReason')}
            placeholder={t('procedure.strikeReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 260 }}
          />
          <Button
            danger
            disabled={!reason.trim()}
            loading={state.fetching}
            onClick={async () => {
              const r = await strike({ input: { roundId: round.id, reason: reason.trim() } });
              if (!r.error) onChanged();
            }}
          >
            {t('procedure.strike')}
          </Button>
        </Space.Compact>
      )}
      {state.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(state.error)} />}
    </Card>
  );
}

function BallotForm({ entry, policy, onChanged }: { entry: Entry; policy: ProcedurePolicy; onChanged: () => void }) {
  const { t } = useTranslation();
  const empty = (): Record<string, Ballots> =>
    Object.fromEntries(
      policy.groups.map((g) => [g, { expected: null, cast: null, favour: null, against: 0, abstain: 0, invalid: 0 }]),
    );
  const [ballots, setBallots] = useState(empty);
  const [heldOn, setHeldOn] = useState(dayjs());
  const [note, setNote] = useState('');
  const [state, record] = useMutation(RECORD_RECOMMENDATION);
  const set = (group: string, field: Field, value: number | null) =>
    setBallots((b) => ({ ...b, [group]: { ...b[group]!, [field]: value } }));
  const complete = policy.groups.every((g) => FIELDS.every((f) => ballots[g]?.[f] != null));
  const confirm = useConfirm();
  const submit = async () => {
    const ok = await confirm({
      subject: entry.code,
      action: t('procedure.saveBallot'),
      facts: [
        [t('procedure.heldOn'), iso(heldOn)],
        ...policy.groups.map(
          (g) =>
            [
              keyLabel(t, 'group', g),
              t('procedure.ballotLine', {
                expected: ballots[g]?.expected ?? 0,
                cast: ballots[g]?.cast ?? 0,
                favour: ballots[g]?.favour ?? 0,
              }),
            ] as [string, string],
        ),
      ],
    });
    if (!ok) return;
    const r = await record({
      input: {
        reserveId: entry.code,
        heldOn: iso(heldOn),
        ...(note.trim() ? { note: note.trim() } : {}),
        groups: policy.groups.map((group) => {
          const b = ballots[group]!;
          return {
            group,
            expected: b.expected ?? 0,
            cast: b.cast ?? 0,
            favour: b.favour ?? 0,
            against: b.against ?? 0,
            abstain: b.abstain ?? 0,
            invalid: b.invalid ?? 0,
          };
        }),
      },
    });
    if (!r.error) {
      setBallots(empty());
      setNote('');
      onChanged();
    }
  };
  return (
    <Card size="small" title={t('procedure.recordBallot')}>
      <Table
        size="small"
        pagination={false}
        rowKey={(g) => g}
        dataSource={policy.groups}
        columns={[
          {
            title: t('procedure.voterGroup'),
            key: 'group',
            render: (_: unknown, g: string) => keyLabel(t, 'group', g),
          },
          ...FIELDS.map((f) => ({
            title: t(`procedure.ballot.${f}`),
            key: f,
            render: (_: unknown, g: string) => (
              <InputNumber
                aria-label={`${keyLabel(t, 'group', g)} ${t(`procedure.ballot.${f}`)}`}
                size="small"
                min={0}
                max={100_000}
                precision={0}
                style={{ width: 64 }}
                value={ballots[g]?.[f] ?? null}
                onChange={(v) => set(g, f, v)}
              />
            ),
          })),
        ]}
      />
      <Form onKeyDown={noEnterSubmit} layout="inline" style={{ marginTop: 8, rowGap: 8 }} onFinish={submit}>
        <Form.Item label={t('procedure.heldOn')}>
          <DatePicker
            aria-label={t('procedure.heldOn')}
            allowClear={false}
            value={heldOn}
            disabledDate={outsideProcedure(entry.nominatedOn)}
            onChange={(d) => d && setHeldOn(d)}
          />
        </Form.Item>
        <Form.Item label={t('procedure.note')}>
          <Input
            aria-label={t('procedure.note')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        <Space orientation="vertical" size={2}>
          <Button type="primary" htmlType="submit" disabled={!complete} loading={state.fetching}>
            {t('procedure.saveBallot')}
          </Button>
          {!complete && (
            <Typography.Text type="secondary">
              {t('procedure.ballotIncomplete', {
                groups: policy.groups
                  .filter((g) => FIELDS.some((f) => ballots[g]?.[f] == null))
                  .map((g) => keyLabel(t, 'group', g))
                  .join('、'),
              })}
            </Typography.Text>
          )}
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('procedure.ballotHint', { quorum: pct(policy.quorum), passShare: pct(policy.passShare) })}
      </Typography.Paragraph>
      {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
    </Card>
  );
}

export function Recommendation({
  entry,
  policy,
  onChanged,
}: {
  entry: Entry;
  policy: ProcedurePolicy | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const open = entry.status === 'NOMINATED';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {entry.recommendationRounds.length === 0 && (
        <Typography.Text type="secondary">{t('procedure.noRounds')}</Typography.Text>
      )}
      {entry.recommendationRounds.map((r) => (
        <RoundCard key={r.id} round={r} canStrike={keeps} onChanged={onChanged} />
      ))}
      {keeps && open && policy && <BallotForm entry={entry} policy={policy} onChanged={onChanged} />}
    </Space>
  );
}
