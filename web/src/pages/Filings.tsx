// 报批备案: the requests committees below sent up to the units of the viewer's subtree — to be
// filed (备案) or approved (审批) — and those its own units sent. An officer of the receiving
// unit acknowledges a filing, or approves an approval or returns it with the reason; each act is
// confirmed before it is sent. An approval holds the entry's admission or removal until given.
import { Alert, Button, DatePicker, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ACTION_RESULT } from '../../../domain/authority.ts';
import type { ResultOf } from '../api/graphql.ts';
import { DECIDE_FILING, FILINGS } from '../api/operations.ts';
import { useConfirm } from '../components/confirm.tsx';
import { errorText, QueryState } from '../components/QueryState.tsx';
import { ReserveDrawer } from '../components/ReserveDrawer.tsx';
import { FILING_COLORS } from '../format.ts';

type Filing = ResultOf<typeof FILINGS>['filings'][number];
type Action = 'ACKNOWLEDGE' | 'APPROVE' | 'RETURN';
type View = 'pending' | 'inbox' | 'outbox';

export function Filings() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'pending';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FILINGS,
    variables:
      view === 'outbox'
        ? { box: 'OUTBOX' }
        : { box: 'INBOX', ...(view === 'pending' ? { status: ['PENDING' as const] } : {}) },
  });
  const [entry, setEntry] = useState<string | null>(null);
  const [acting, setActing] = useState<{ filing: Filing; action: Action } | null>(null);
  const e = (type: string, v: string) => t(`enum.${type}.${v}`);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('filings.title')}
        </Typography.Title>
        <Segmented
          value={view}
          onChange={(v) => setParams({ view: String(v) })}
          options={[
            { value: 'pending', label: t('filings.pending') },
            { value: 'inbox', label: t('filings.inbox') },
            { value: 'outbox', label: t('filings.outbox') },
          ]}
        />
      </Space>
      <Typography.Text type="secondary">{t('filings.intro')}</Typography.Text>
      <QueryState fetching={fetching && !data} error={error}>
        <Table<Filing>
          size="small"
          rowKey="id"
          dataSource={data?.filings ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: view === 'pending' ? t('filings.nonePending') : t('filings.none') }}
          columns={[
            { title: t('filings.submittedOn'), dataIndex: 'submittedOn', width: 110 },
            {
              title: t('filings.kind'),
              width: 80,
              render: (_, f) => (
                <Tag color={f.kind === 'APPROVAL' ? 'purple' : 'default'}>{e('FilingKind', f.kind)}</Tag>
              ),
            },
            {
              title: t('filings.matter'),
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  <span>
                    {e('MeetingSubject', f.subject)}：
                    <Typography.Link onClick={() => setEntry(f.reserve.id)}>
                      {f.reserve.person.name}（{f.reserve.unit.name}，{f.reserve.code}）
                    </Typography.Link>
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('filings.meeting', {
                      heldOn: f.item.meeting.heldOn,
                      body: f.item.meeting.body,
                      favour: f.item.favour,
                      members: f.item.meeting.members,
                    })}
                    {f.item.meeting.struckReason ? ` · ${t('filings.meetingStruck')}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('filings.from'), width: 120, render: (_, f) => f.fromUnit.name },
            { title: t('filings.to'), width: 120, dataIndex: 'toUnitName' },
            {
              title: t('filings.status'),
              width: 200,
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={FILING_COLORS[f.status]}>{e('FilingStatus', f.status)}</Tag>
                  {f.decidedOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.decidedOn} {f.decidedBy}
                      {f.reason ? `：${f.reason}` : ''}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('filings.act'),
              width: 170,
              render: (_, f) =>
                f.canDecide ? (
                  f.kind === 'FILING' ? (
                    <Button size="small" type="primary" onClick={() => setActing({ filing: f, action: 'ACKNOWLEDGE' })}>
                      {e('FilingAction', 'ACKNOWLEDGE')}
                    </Button>
                  ) : (
                    <Space>
                      <Button size="small" type="primary" onClick={() => setActing({ filing: f, action: 'APPROVE' })}>
                        {e('FilingAction', 'APPROVE')}
                      </Button>
                      <Button size="small" danger onClick={() => setActing({ filing: f, action: 'RETURN' })}>
                        {e('FilingAction', 'RETURN')}
                      </Button>
                    </Space>
                  )
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </QueryState>
      {acting && (
        <ActForm
          filing={acting.filing}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <ReserveDrawer id={entry} onClose={() => setEntry(null)} />
    </Space>
  );
}

function ActForm({
  filing,
  action,
  onClose,
  onDone,
}: {
  filing: Filing;
  action: Action;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [on, setOn] = useState<Dayjs>(dayjs());
  const [reason, setReason] = useState('');
  const [state, decide] = useMutation(DECIDE_FILING);
  const label = t(`enum.FilingAction.${action}`);
  const needsReason = action === 'RETURN';
  const go = async () => {
    const date = on.format('YYYY-MM-DD');
    const confirmed = await confirm({
      subject: `${filing.reserve.person.name}（${filing.reserve.code}）`,
      action: `${t(`enum.FilingKind.${filing.kind}`)} · ${label}`,
      facts: [
        [t('filings.matter'), t(`enum.MeetingSubject.${filing.subject}`)],
        [t('filings.from'), filing.fromUnit.name],
        [
          t('filings.status'),
          `${t('enum.FilingStatus.PENDING')} → ${t(`enum.FilingStatus.${ACTION_RESULT[action].status}`)}`,
        ],
        [t('filings.decidedOn'), date],
        ...(reason.trim() ? [[t('roster.reason'), reason.trim()] as [string, string]] : []),
      ],
    });
    if (!confirmed) return;
    const r = await decide({
      input: { filingId: filing.id, action, on: date, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
    if (!r.error) onDone();
  };
  return (
    <Drawer open width={480} title={`${label} · ${filing.reserve.person.name}`} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>{t('filings.decidedOn')}</span>
        <DatePicker
          aria-label={t('filings.decidedOn')}
          allowClear={false}
          value={on}
          onChange={(d) => d && setOn(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(filing.submittedOn), 'day')}
        />
        <span>{needsReason ? t('filings.returnReason') : t('filings.note')}</span>
        <Input.TextArea
          aria-label={t('roster.reason')}
          maxLength={1000}
          rows={3}
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
        />
        <Button
          type="primary"
          danger={action === 'RETURN'}
          disabled={needsReason && !reason.trim()}
          loading={state.fetching}
          onClick={go}
        >
          {label}
        </Button>
        {needsReason && !reason.trim() && (
          <Typography.Text type="secondary">{t('filings.reasonFirst')}</Typography.Text>
        )}
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}
