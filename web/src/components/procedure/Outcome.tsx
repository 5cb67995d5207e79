// The way out of the pool for an entry in it: promotion into a position of its unit's team and
// kind (the position's incumbent changes from that date), and for an elimination candidate the
// decision to keep it (with the reason) or remove it; the decisions taken are listed.
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ANNOUNCE_APPOINTMENT, DECIDE_ELIMINATION, ENTRY_ALERTS, PROMOTE_RESERVE } from '../../api/procedure.ts';
import { useCan } from '../../viewer.ts';
import { noEnterSubmit, useConfirm, useDirty } from '../confirm.tsx';
import { errorText } from '../QueryState.tsx';
import { DECISIONS, type Entry, iso, today } from './shared.ts';

const notAfterToday = (from: string | null) => (d: Dayjs) =>
  d.isAfter(today(), 'day') || (from !== null && d.isBefore(dayjs(from), 'day'));

function Promotion({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const { t } = useTranslation();
  // Only a vacant post is offered first; an occupied one is never chosen for the user.
  const [position, setPosition] = useState<string | undefined>(entry.targetPositions.find((p) => p.vacant)?.code);
  const [on, setOn] = useState(dayjs());
  const [termEnds, setTermEnds] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [state, promote] = useMutation(PROMOTE_RESERVE);
  const [announceState, announce] = useMutation(ANNOUNCE_APPOINTMENT);
  const [noticeFrom, setNoticeFrom] = useState(dayjs());
  const confirm = useConfirm();
  useDirty('promotion', reason.trim() !== '' || termEnds !== null);
  // The standing 任前公示 for the chosen post (the latest not withdrawn).
  const notice =
    [...entry.appointmentNotices].reverse().find((n) => n.position.code === position && !n.withdrawnReason) ?? null;
  const announceNotice = async () => {
    const post = entry.targetPositions.find((p) => p.code === position);
    if (!post) return;
    const ok = await confirm({
      subject: entry.code,
      action: t('procedure.announce'),
      facts: [
        [t('procedure.position'), `${post.title} · ${t(`enum.Rank.${post.rank}`)}`],
        [t('procedure.noticeStarts'), iso(noticeFrom)],
      ],
    });
    if (!ok) return;
    const r = await announce({ input: { reserveId: entry.code, positionCode: post.code, startsOn: iso(noticeFrom) } });
    if (!r.error) onDone();
  };
  if (entry.targetPositions.length === 0)
    return <Typography.Text type="secondary">{t('procedure.noPositions')}</Typography.Text>;
  const submit = async () => {
    const post = entry.targetPositions.find((p) => p.code === position);
    if (!post) return;
    const ok = await confirm({
      subject: entry.code,
      action: t('procedure.promote'),
      facts: [
        [t('confirm.change'), `${t('enum.ReserveStatus.ACTIVE')} → ${t('enum.ReserveStatus.PROMOTED')}`],
        [t('procedure.position'), `${post.title} · ${t(`enum.Rank.${post.rank}`)}`],
        [
          t('confirm.incumbent'),
          post.vacant || !post.incumbent
            ? t('succession.vacant')
            : t('confirm.replaces', { name: post.incumbent.name }),
        ],
        [t('procedure.promotedOn'), iso(on)],
        [t('procedure.termEnds'), termEnds ? iso(termEnds) : '—'],
        [t('procedure.reason'), reason.trim() || '—'],
      ],
    });
    if (!ok) return;
    const r = await promote({
      input: {
        reserveId: entry.code,
        positionCode: post.code,
        on: iso(on),
        ...(termEnds ? { termEnds: iso(termEnds) } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    });
    if (!r.error) onDone();
  };
  return (
    // No <form>: Enter in a field sends nothing; only the button (and its confirmation) does.
    <Form layout="vertical" component={false}>
      <Form.Item label={t('procedure.position')}>
        <Select
          aria-label={t('procedure.position')}
          value={position}
          onChange={setPosition}
          options={entry.targetPositions.map((p) => ({
            value: p.code,
            label: `${p.title} · ${t(`enum.Rank.${p.rank}`)} · ${
              p.vacant || !p.incumbent
                ? t('succession.vacant')
                : t('procedure.heldBy', { name: p.incumbent.name, date: p.termEnds ?? '—' })
            }`,
          }))}
        />
      </Form.Item>
      {position &&
        (notice ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={notice.appointableFrom <= iso(dayjs()) ? 'success' : 'info'}
            showIcon
            data-testid="appointment-notice"
            title={t('procedure.noticeWindow', {
              startsOn: notice.startsOn,
              endsOn: notice.endsOn,
              days: notice.workingDays,
              from: notice.appointableFrom,
            })}
          />
        ) : (
          <Space wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="warning">{t('procedure.noticeNone')}</Typography.Text>
            <DatePicker
              aria-label={t('procedure.noticeStarts')}
              allowClear={false}
              value={noticeFrom}
              disabledDate={notAfterToday(entry.enteredOn ?? null)}
              onChange={(d) => d && setNoticeFrom(d)}
            />
            <Button onClick={announceNotice} loading={announceState.fetching}>
              {t('procedure.announce')}
            </Button>
            {announceState.error && <Alert type="error" showIcon title={errorText(announceState.error)} />}
          </Space>
        ))}
      <Space wrap align="start">
        <Form.Item label={t('procedure.promotedOn')}>
          <DatePicker
            aria-label={t('procedure.promotedOn')}
            allowClear={false}
            value={on}
            disabledDate={notAfterToday(entry.enteredOn ?? null)}
            onChange={(d) => d && setOn(d)}
          />
        </Form.Item>
        <Form.Item label={t('procedure.termEnds')}>
          <DatePicker
            aria-label={t('procedure.termEnds')}
            value={termEnds}
            disabledDate={(d) => d.isBefore(on, 'day')}
            onChange={setTermEnds}
          />
        </Form.Item>
        <Form.Item label={t('procedure.reason')}>
          <Input
            aria-label={t('procedure.reason')}
            value={reason}
            maxLength={500}
            style={{ width: 240 }}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Space>
      <Space orientation="vertical" size={2}>
        <Button type="primary" onClick={submit} disabled={!position} loading={state.fetching}>
          {t('procedure.promote')}
        </Button>
        {!position && <Typography.Text type="secondary">{t('procedure.choosePositionFirst')}</Typography.Text>}
      </Space>
      {state.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(state.error)} />}
    </Form>
  );
}

function Elimination({ entry, alerts, onDone }: { entry: Entry; alerts: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>('KEEP');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(dayjs());
  const [state, decide] = useMutation(DECIDE_ELIMINATION);
  const confirm = useConfirm();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        title={t('procedure.candidate')}
        description={alerts.map((a) => (
          <Tag key={a} color="orange">
            {t(`procedure.alert.${a}`, { defaultValue: a })}
          </Tag>
        ))}
      />
      <Form
        onKeyDown={noEnterSubmit}
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={async () => {
          const ok = await confirm({
            subject: entry.code,
            action: t('procedure.decision'),
            facts: [
              [
                t('confirm.change'),
                decision === 'REMOVE'
                  ? `${t('enum.ReserveStatus.ACTIVE')} → ${t('enum.ReserveStatus.REMOVED')}`
                  : t('enum.EliminationDecisionKind.KEEP'),
              ],
              [t('procedure.reason'), reason.trim()],
              [t('procedure.decidedOn'), iso(on)],
            ],
          });
          if (!ok) return;
          const r = await decide({ input: { reserveId: entry.code, decision, on: iso(on), reason: reason.trim() } });
          if (!r.error) {
            setReason('');
            onDone();
          }
        }}
      >
        <Form.Item label={t('procedure.decision')}>
          <Radio.Group
            aria-label={t('procedure.decision')}
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            options={DECISIONS.map((d) => ({ value: d, label: t(`enum.EliminationDecisionKind.${d}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('procedure.reason')}>
          <Input
            aria-label={t('procedure.decisionReason')}
            value={reason}
            maxLength={500}
            style={{ width: 240 }}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('procedure.decidedOn')}>
          <DatePicker
            aria-label={t('procedure.decidedOn')}
            allowClear={false}
            value={on}
            disabledDate={notAfterToday(entry.enteredOn ?? null)}
            onChange={(d) => d && setOn(d)}
          />
        </Form.Item>
        <Button
          type="primary"
          danger={decision === 'REMOVE'}
          htmlType="submit"
          disabled={!reason.trim()}
          loading={state.fetching}
        >
          {t('procedure.decide')}
        </Button>
      </Form>
      {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
    </Space>
  );
}

export function Decisions({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (entry.eliminationDecisions.length === 0) return null;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={entry.eliminationDecisions}
      columns={[
        { title: t('procedure.decidedOn'), dataIndex: 'on' },
        {
          title: t('procedure.decision'),
          dataIndex: 'decision',
          render: (d: (typeof DECISIONS)[number]) => (
            <Tag color={d === 'KEEP' ? 'blue' : 'orange'}>{t(`enum.EliminationDecisionKind.${d}`)}</Tag>
          ),
        },
        { title: t('procedure.reason'), dataIndex: 'reason' },
        {
          title: t('procedure.flags'),
          dataIndex: 'flags',
          render: (f: string[]) => f.map((a) => t(`procedure.alert.${a}`, { defaultValue: a })).join('、') || '—',
        },
        { title: t('procedure.decidedBy'), dataIndex: 'decidedBy' },
      ]}
    />
  );
}

/** For an entry in the pool: promotion, and the decision on an elimination candidate. */
export function Outcome({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const active = entry.status === 'ACTIVE';
  const [{ data, error }] = useQuery({
    query: ENTRY_ALERTS,
    variables: { unitCode: entry.unit.code },
    pause: !active,
    requestPolicy: 'cache-and-network',
  });
  const flagged = data?.reserveAlerts.items.find((i) => i.reserveCode === entry.code && i.eliminationCandidate);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {active && keeps && (
        <Card size="small" title={t('procedure.promotion')}>
          <Promotion entry={entry} onDone={onChanged} />
        </Card>
      )}
      {active && error && <Alert type="error" showIcon title={errorText(error)} />}
      {active && flagged && (
        <Card size="small" title={t('procedure.elimination')}>
          {keeps ? (
            <Elimination entry={entry} alerts={flagged.alerts} onDone={onChanged} />
          ) : (
            <Alert type="warning" showIcon title={t('procedure.candidate')} />
          )}
        </Card>
      )}
      {entry.eliminationDecisions.length > 0 && (
        <Card size="small" title={t('procedure.decisions')}>
          <Decisions entry={entry} />
        </Card>
      )}
    </Space>
  );
}
