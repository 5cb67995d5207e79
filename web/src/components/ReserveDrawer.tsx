// An entry's page in a drawer: the person, the entry and its dated status history, trainings,
// assessments and practice, its mentors and talks — and, for an account that keeps the pool, the
// lifecycle steps the API allows from the entry's status and forms for all of those records.
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { RESERVE_DETAIL, TRANSITION_RESERVE } from '../api/operations.ts';
import { FILING_COLORS } from '../format.ts';
import { useCan } from '../viewer.ts';
import { DirtyContext, useConfirm, useDirty, useGuardedClose } from './confirm.tsx';
import { DocumentButtons } from './DocumentButtons.tsx';
import { Assessments, DutyReports, MajorMatters, Mentors, Practices, Talks, Trainings } from './EntryRecords.tsx';
import { PersonForm } from './PersonForm.tsx';
import { Procedure } from './procedure/Procedure.tsx';
import { errorText, QueryState } from './QueryState.tsx';

type Entry = NonNullable<ResultOf<typeof RESERVE_DETAIL>['reserve']>;
type Status = Entry['status'];

export const STATUS_COLOR: Record<Status, string> = {
  NOMINATED: 'default',
  INSPECTING: 'processing',
  PUBLICIZING: 'processing',
  ACTIVE: 'green',
  PROMOTED: 'blue',
  REMOVED: 'orange',
  EXPIRED: 'default',
  REJECTED: 'red',
};

const dash = (x: string | number | null | undefined) => (x == null || x === '' ? '—' : String(x));

function Transition({ entry, onChanged }: { entry: Entry; onChanged: (status: Status) => void }) {
  const { t } = useTranslation();
  // Nothing is chosen for the user: the step, like its consequences, is theirs to pick.
  const [to, setTo] = useState<Status | undefined>(undefined);
  const [on, setOn] = useState(dayjs());
  const [reason, setReason] = useState('');
  const [state, transition] = useMutation(TRANSITION_RESERVE);
  const confirm = useConfirm();
  useDirty('transition', to !== undefined || reason.trim() !== '');
  if (!entry.nextStatuses.length) return <Alert type="info" title={t('roster.noTransitions')} />;
  const submit = async () => {
    if (!to) return;
    const ok = await confirm({
      subject: `${entry.person.name}（${entry.code}）`,
      action: t('roster.transition'),
      facts: [
        [t('confirm.change'), `${t(`enum.ReserveStatus.${entry.status}`)} → ${t(`enum.ReserveStatus.${to}`)}`],
        [t('roster.transitionOn'), on.format('YYYY-MM-DD')],
        [t('roster.reason'), reason.trim() || '—'],
      ],
    });
    if (!ok) return;
    const r = await transition({
      input: {
        reserveId: entry.code,
        to,
        on: on.format('YYYY-MM-DD'),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    });
    if (!r.error && r.data) {
      setTo(undefined);
      setReason('');
      onChanged(r.data.transitionReserve.status);
    }
  };
  return (
    // No <form>: Enter in a field sends nothing; only the button (and its confirmation) does.
    <Form layout="inline" component={false}>
      <Form.Item label={t('roster.transitionTo')}>
        <Select
          aria-label={t('roster.transitionTo')}
          style={{ width: 160 }}
          placeholder={t('roster.choose')}
          value={to}
          onChange={setTo}
          options={entry.nextStatuses.map((s) => ({ value: s, label: t(`enum.ReserveStatus.${s}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('roster.transitionOn')}>
        <DatePicker
          aria-label={t('roster.transitionOn')}
          allowClear={false}
          value={on}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && setOn(d)}
        />
      </Form.Item>
      <Form.Item label={t('roster.reason')}>
        <Input
          aria-label={t('roster.reason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Form.Item>
      <Space orientation="vertical" size={2}>
        <Button type="primary" onClick={submit} disabled={!to} loading={state.fetching}>
          {t('roster.transitionSubmit')}
        </Button>
        {!to && <Typography.Text type="secondary">{t('roster.chooseStepFirst')}</Typography.Text>}
      </Space>
      {state.error && (
        <Alert style={{ marginTop: 8, width: '100%' }} type="error" showIcon title={errorText(state.error)} />
      )}
    </Form>
  );
}

export function ReserveDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged?: (id: string, status: Status) => void;
}) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  // The step just taken (kept across the form's reset for the entry's new status).
  const [moved, setMoved] = useState<{ id: string; status: Status } | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RESERVE_DETAIL,
    variables: { id: id ?? '', asOf: dayjs().format('YYYY-MM-DD') },
    pause: !id,
  });
  const entry = data?.reserve;
  const p = entry?.person;
  const e = (kind: string, v: string | null | undefined) => (v ? t(`enum.${kind}.${v}`) : '—');
  const guard = useGuardedClose(onClose);
  return (
    <Drawer
      open={id !== null}
      onClose={guard.close}
      keyboard={false}
      size="large"
      title={p ? `${p.name}（${entry.code}）` : t('roster.detail')}
    >
      <DirtyContext.Provider value={guard.report}>
        <QueryState fetching={fetching && !data} error={error} empty={!fetching && !!data && !entry}>
          {entry && p && (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <DocumentButtons
                kind="CARD"
                codes={[p.code]}
                printLabel={t('documents.printCard')}
                wordLabel={t('documents.cardWord')}
              />
              <Descriptions title={t('roster.person')} size="small" column={2} bordered>
                <Descriptions.Item label={t('roster.code')}>{p.code}</Descriptions.Item>
                <Descriptions.Item label={t('roster.gender')}>{e('Gender', p.gender)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.birthDate')}>{p.birthDate}</Descriptions.Item>
                <Descriptions.Item label={t('roster.age')}>{p.age}</Descriptions.Item>
                <Descriptions.Item label={t('roster.ethnicity')}>{p.ethnicity}</Descriptions.Item>
                <Descriptions.Item label={t('roster.political')}>
                  {e('PoliticalStatus', p.politicalStatus)}
                </Descriptions.Item>
                <Descriptions.Item label={t('roster.educationCol')}>{e('Education', p.education)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.fullTime')}>
                  {e('Education', p.fullTimeEducation)}
                </Descriptions.Item>
                <Descriptions.Item label={t('roster.rank')}>{e('Rank', p.rank)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.rankSince')}>{dash(p.rankSince)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.title')}>{e('Title', p.title)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.workStart')}>{p.workStart}</Descriptions.Item>
                <Descriptions.Item label={t('roster.category')}>{e('Category', p.category)}</Descriptions.Item>
              </Descriptions>
              <Descriptions title={t('roster.entry')} size="small" column={2} bordered>
                <Descriptions.Item label={t('roster.status')}>
                  <Tag color={STATUS_COLOR[entry.status]}>{e('ReserveStatus', entry.status)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('roster.unit')}>{entry.unit.name}</Descriptions.Item>
                <Descriptions.Item label={t('roster.kind')}>{e('PositionKind', entry.targetKind)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.targetRank')}>{e('Rank', entry.targetRank)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.tier')}>{e('Tier', entry.tier)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.direction')}>{e('Direction', entry.direction)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.source')}>{e('Source', entry.source)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.nominatedOn')}>{entry.nominatedOn}</Descriptions.Item>
                <Descriptions.Item label={t('roster.enteredOn')}>{dash(entry.enteredOn)}</Descriptions.Item>
                <Descriptions.Item label={t('roster.exitedOn')}>{dash(entry.exitedOn)}</Descriptions.Item>
                {entry.eligibilityException && (
                  <Descriptions.Item label={t('nominate.exception')} span={2}>
                    {entry.eligibilityException.rules.map((r) => (
                      <Tag key={r} color="orange">
                        {t(`enum.EligibilityRule.${r}`)}
                      </Tag>
                    ))}
                    {entry.eligibilityException.reason}（{t('nominate.approver')}：{entry.eligibilityException.approver}
                    ）
                  </Descriptions.Item>
                )}
                {entry.exitReason && (
                  <Descriptions.Item label={t('roster.exitReason')}>{entry.exitReason}</Descriptions.Item>
                )}
                {entry.filings.length > 0 && (
                  <Descriptions.Item label={t('roster.filings')} span={2}>
                    <Space wrap size={4} data-testid="entry-filings">
                      {entry.filings.map((f) => (
                        <Tag key={f.id} color={FILING_COLORS[f.status]} title={f.reason ?? undefined}>
                          {e('MeetingSubject', f.subject)} ·{' '}
                          {t('roster.filingText', {
                            kind: e('FilingKind', f.kind),
                            unit: f.toUnitName,
                            status: e('FilingStatus', f.status),
                          })}
                        </Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                )}
              </Descriptions>
              {keeps && (
                <div>
                  <h4>{t('roster.transition')}</h4>
                  {moved?.id === entry.id && (
                    <Alert
                      style={{ marginBottom: 8 }}
                      type="success"
                      showIcon
                      title={t('roster.transitionDone', { status: t(`enum.ReserveStatus.${moved.status}`) })}
                    />
                  )}
                  <Transition
                    key={entry.status}
                    entry={entry}
                    onChanged={(status) => {
                      setMoved({ id: entry.id, status });
                      refetch({ requestPolicy: 'network-only' });
                      onChanged?.(entry.id, status);
                    }}
                  />
                </div>
              )}
              <Tabs
                items={[
                  {
                    key: 'history',
                    label: t('roster.history'),
                    children: (
                      <Table
                        size="small"
                        pagination={false}
                        rowKey={(r) => `${r.on}-${r.to}-${r.recordedAt}`}
                        dataSource={entry.history}
                        columns={[
                          { title: t('roster.on'), dataIndex: 'on' },
                          { title: t('roster.from'), dataIndex: 'from', render: (v) => e('ReserveStatus', v) },
                          { title: t('roster.to'), dataIndex: 'to', render: (v) => e('ReserveStatus', v) },
                          { title: t('roster.reason'), dataIndex: 'reason', render: dash },
                          {
                            title: t('roster.decision'),
                            dataIndex: 'decision',
                            render: (d: (typeof entry.history)[number]['decision']) =>
                              d ? <DecisionText decision={d} onOpen={onClose} /> : '—',
                          },
                          { title: t('roster.actor'), dataIndex: 'actor' },
                        ]}
                      />
                    ),
                  },
                  {
                    key: 'form',
                    label: t('form.tab'),
                    children: <PersonForm personCode={p.code} />,
                  },
                  {
                    key: 'procedure',
                    label: t('procedure.tab'),
                    children: (
                      <Procedure
                        id={entry.id}
                        status={entry.status}
                        onChanged={(status) => {
                          refetch({ requestPolicy: 'network-only' });
                          if (status !== entry.status) onChanged?.(entry.id, status);
                        }}
                      />
                    ),
                  },
                  {
                    key: 'mentors',
                    label: `${t('records.mentors')} (${entry.mentors.filter((m) => !m.until).length})`,
                    children: <Mentors entry={entry} onChanged={() => refetch({ requestPolicy: 'network-only' })} />,
                  },
                  {
                    key: 'talks',
                    label: `${t('records.talks')} (${entry.talks.length})`,
                    children: <Talks entry={entry} onChanged={() => refetch({ requestPolicy: 'network-only' })} />,
                  },
                  {
                    key: 'matters',
                    label: `${t('matters.tab')} (${entry.majorMatters.length})`,
                    children: (
                      <MajorMatters entry={entry} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
                    ),
                  },
                  {
                    key: 'duty',
                    label: `${t('duty.tab')} (${entry.dutyReports.filter((r) => !r.struckReason).length})`,
                    children: (
                      <DutyReports entry={entry} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
                    ),
                  },
                  {
                    key: 'trainings',
                    label: `${t('roster.trainings')} (${p.trainings.length})`,
                    children: <Trainings person={p} onChanged={() => refetch({ requestPolicy: 'network-only' })} />,
                  },
                  {
                    key: 'assessments',
                    label: `${t('roster.assessments')} (${p.assessments.length})`,
                    children: <Assessments person={p} onChanged={() => refetch({ requestPolicy: 'network-only' })} />,
                  },
                  {
                    key: 'practices',
                    label: `${t('roster.practices')} (${p.practices.length})`,
                    children: <Practices person={p} onChanged={() => refetch({ requestPolicy: 'network-only' })} />,
                  },
                ]}
              />
            </Space>
          )}
        </QueryState>
      </DirtyContext.Provider>
    </Drawer>
  );
}

/** The meeting item that decided a step: a link to the meetings page where its unit is in scope. */
function DecisionText({
  decision: d,
  onOpen,
}: {
  decision: {
    subject: string;
    favour: number;
    heldOn: string;
    body: string;
    members: number;
    meetingUnitCode: string | null;
  };
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const text = t('roster.decisionText', {
    heldOn: d.heldOn,
    body: d.body,
    subject: t(`enum.MeetingSubject.${d.subject}`),
    favour: d.favour,
    members: d.members,
  });
  return d.meetingUnitCode ? (
    <Link to={`/meetings?${new URLSearchParams({ unit: d.meetingUnitCode })}`} onClick={onOpen}>
      {text}
    </Link>
  ) : (
    <span>{text}</span>
  );
}
