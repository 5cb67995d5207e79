// 公示: the notice windows of an entry — from when to when, the days left, the first day it may
// be admitted — with the objections received and their findings; while the entry is publicized,
// a form records an objection, and a pending one is resolved: dismissed, or upheld with its
// action (back to inspection, or rejected).
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { RAISE_OBJECTION, RESOLVE_OBJECTION } from '../../api/procedure.ts';
import { useCan } from '../../viewer.ts';
import { noEnterSubmit, useConfirm } from '../confirm.tsx';
import { errorText } from '../QueryState.tsx';
import {
  ACTIONS,
  dash,
  type Entry,
  FINDINGS,
  failedAfterWriting,
  iso,
  keyLabel,
  noticeWindows,
  nowrap,
  outsideProcedure,
  type ProcedurePolicy,
  type Reread,
  today,
} from './shared.ts';

type Window = ReturnType<typeof noticeWindows>[number];
type Objection = Entry['notices'][number]['objections'][number];

const OUTCOME_COLOR: Record<Objection['outcome'], string> = { PENDING: 'gold', UPHELD: 'red', DISMISSED: 'green' };

// A tag's text may wrap in a narrow table cell.
const wrap = { whiteSpace: 'normal' } as const;

/** Where a window stands today: closed, open with its days left, or over (admissible from). */
export function WindowState({
  window: w,
}: {
  window: Pick<Window, 'endsOn' | 'admissibleFrom' | 'closedOn' | 'closedAs'>;
}) {
  const { t } = useTranslation();
  if (w.closedOn)
    return (
      <Tag style={wrap}>
        {t('procedure.windowClosed', { date: w.closedOn, as: w.closedAs ? keyLabel(t, 'closedAs', w.closedAs) : '' })}
      </Tag>
    );
  const left = dayjs(w.endsOn).diff(today(), 'day') + 1;
  return left > 0 ? (
    <Tag color="blue" style={wrap}>
      {t('procedure.daysLeft', { days: left, date: w.admissibleFrom })}
    </Tag>
  ) : (
    <Tag color="green" style={wrap}>
      {t('procedure.windowOver', { date: w.admissibleFrom })}
    </Tag>
  );
}

function Resolve({ objection, minDate, onDone }: { objection: Objection; minDate: string; onDone: Reread }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<(typeof FINDINGS)[number]>('DISMISSED');
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('SEND_BACK');
  const [finding, setFinding] = useState('');
  const [on, setOn] = useState(dayjs());
  const [state, resolve] = useMutation(RESOLVE_OBJECTION);
  const [error, setError] = useState<CombinedError | null>(null);
  const confirm = useConfirm();
  return (
    <Form
      onKeyDown={noEnterSubmit}
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={async () => {
        const ok = await confirm({
          subject: objection.summary,
          action: t('procedure.resolve'),
          facts: [
            [t('confirm.change'), `${t('enum.ObjectionOutcome.PENDING')} → ${t(`enum.ObjectionOutcome.${outcome}`)}`],
            ...(outcome === 'UPHELD'
              ? [[t('procedure.action'), t(`enum.ObjectionAction.${action}`)] as [string, string]]
              : []),
            [t('procedure.finding'), finding.trim()],
            [t('procedure.resolvedOn'), iso(on)],
          ],
        });
        if (!ok) return;
        const r = await resolve({
          input: {
            objectionId: objection.id,
            outcome,
            ...(outcome === 'UPHELD' ? { action } : {}),
            finding: finding.trim(),
            on: iso(on),
          },
        });
        setError(null);
        const fresh = await onDone();
        // Written though the answer failed: the objection is no longer pending.
        const found = fresh?.notices.flatMap((n) => n.objections).find((o) => o.id === objection.id);
        if (r.error && !(failedAfterWriting(r.error, 'resolveObjection') && found && found.outcome !== 'PENDING'))
          setError(r.error);
      }}
    >
      <Form.Item label={t('procedure.finding')}>
        <Radio.Group
          aria-label={t('procedure.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          options={FINDINGS.map((f) => ({ value: f, label: t(`enum.ObjectionOutcome.${f}`) }))}
        />
      </Form.Item>
      {outcome === 'UPHELD' && (
        <Form.Item label={t('procedure.action')}>
          <Select
            aria-label={t('procedure.action')}
            style={{ width: 150 }}
            value={action}
            onChange={setAction}
            options={ACTIONS.map((a) => ({ value: a, label: t(`enum.ObjectionAction.${a}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('procedure.findingText')}>
        <Input
          aria-label={t('procedure.findingText')}
          value={finding}
          maxLength={2000}
          style={{ width: 220 }}
          onChange={(e) => setFinding(e.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('procedure.resolvedOn')}>
        <DatePicker
          aria-label={t('procedure.resolvedOn')}
          allowClear={false}
          value={on}
          disabledDate={outsideProcedure(minDate)}
          onChange={(d) => d && setOn(d)}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!finding.trim()} loading={state.fetching}>
        {t('procedure.resolve')}
      </Button>
      {!finding.trim() && <Typography.Text type="secondary">{t('procedure.findingFirst')}</Typography.Text>}
      {error && <Alert style={{ marginTop: 8, width: '100%' }} type="error" showIcon title={errorText(error)} />}
    </Form>
  );
}

function RaiseForm({ entry, window: w, onDone }: { entry: Entry; window: Window; onDone: Reread }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [on, setOn] = useState(() => (dayjs(w.endsOn).isBefore(today()) ? dayjs(w.endsOn) : dayjs()));
  const [state, raise] = useMutation(RAISE_OBJECTION);
  const [error, setError] = useState<CombinedError | null>(null);
  const inWindow = (d: dayjs.Dayjs) => outsideProcedure(w.startsOn)(d) || d.isAfter(dayjs(w.endsOn), 'day');
  return (
    <Form
      onKeyDown={noEnterSubmit}
      layout="inline"
      style={{ marginTop: 8, rowGap: 8 }}
      onFinish={async () => {
        const input = { reserveId: entry.code, receivedOn: iso(on), summary: summary.trim() };
        const before = new Set(entry.notices.flatMap((n) => n.objections).map((o) => o.id));
        const r = await raise({ input });
        setError(null);
        const fresh = await onDone();
        // Written though the answer failed: a new objection with this summary and date is there.
        const added = fresh?.notices
          .flatMap((n) => n.objections)
          .some((o) => !before.has(o.id) && o.summary === input.summary && o.receivedOn === input.receivedOn);
        if (r.error && !(failedAfterWriting(r.error, 'raiseObjection') && added)) setError(r.error);
        else setSummary('');
      }}
    >
      <Form.Item label={t('procedure.objectionSummary')}>
        <Input
          aria-label={t('procedure.objectionSummary')}
          value={summary}
          maxLength={2000}
          style={{ width: 260 }}
          onChange={(e) => setSummary(e.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('procedure.receivedOn')}>
        <DatePicker
          aria-label={t('procedure.receivedOn')}
          allowClear={false}
          value={on}
          disabledDate={inWindow}
          onChange={(d) => d && setOn(d)}
        />
      </Form.Item>
      <Button htmlType="submit" disabled={!summary.trim()} loading={state.fetching}>
        {t('procedure.raiseObjection')}
      </Button>
      {!summary.trim() && <Typography.Text type="secondary">{t('procedure.summaryFirst')}</Typography.Text>}
      {error && <Alert style={{ marginTop: 8, width: '100%' }} type="error" showIcon title={errorText(error)} />}
    </Form>
  );
}

export function Notices({
  entry,
  policy,
  onChanged,
}: {
  entry: Entry;
  policy: ProcedurePolicy | null;
  onChanged: Reread;
}) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const windows = noticeWindows(entry, policy);
  const publicizing = entry.status === 'PUBLICIZING';
  if (windows.length === 0) return <Typography.Text type="secondary">{t('procedure.noNotices')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {windows.map((w) => (
        <Card
          key={w.id}
          size="small"
          data-testid="notice-window"
          title={t('procedure.window', { from: w.startsOn, to: w.endsOn, days: w.days })}
          extra={<WindowState window={w} />}
        >
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('procedure.admissibleFrom')}>{w.admissibleFrom}</Descriptions.Item>
            <Descriptions.Item label={t('procedure.closedOn')}>
              {w.closedOn
                ? t('procedure.dateWith', {
                    date: w.closedOn,
                    what: w.closedAs ? keyLabel(t, 'closedAs', w.closedAs) : '—',
                  })
                : '—'}
            </Descriptions.Item>
          </Descriptions>
          {w.derived && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('procedure.derivedWindow')}
            </Typography.Paragraph>
          )}
          {w.objections.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={w.objections}
              expandable={{
                showExpandColumn: false,
                expandedRowKeys:
                  keeps && publicizing ? w.objections.filter((o) => o.outcome === 'PENDING').map((o) => o.id) : [],
                expandedRowRender: (o) => <Resolve objection={o} minDate={o.receivedOn} onDone={onChanged} />,
              }}
              columns={[
                { title: t('procedure.receivedOn'), dataIndex: 'receivedOn', onCell: nowrap },
                { title: t('procedure.objectionSummary'), dataIndex: 'summary' },
                {
                  title: t('procedure.outcome'),
                  dataIndex: 'outcome',
                  render: (o: Objection['outcome']) => (
                    <Tag color={OUTCOME_COLOR[o]}>{t(`enum.ObjectionOutcome.${o}`)}</Tag>
                  ),
                },
                {
                  title: t('procedure.action'),
                  dataIndex: 'action',
                  render: (a: Objection['action']) => (a ? t(`enum.ObjectionAction.${a}`) : '—'),
                },
                { title: t('procedure.findingText'), dataIndex: 'finding', render: dash },
                {
                  title: t('procedure.resolvedOn'),
                  key: 'resolved',
                  render: (_: unknown, o: Objection) =>
                    o.resolvedOn ? t('procedure.dateWith', { date: o.resolvedOn, what: o.resolvedBy ?? '—' }) : '—',
                },
              ]}
            />
          )}
          {keeps && publicizing && !w.closedOn && <RaiseForm entry={entry} window={w} onDone={onChanged} />}
        </Card>
      ))}
    </Space>
  );
}
