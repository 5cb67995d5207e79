// An entry's mentors and talks on its page: the lists, and for an account that keeps the pool,
// forms to add a mentor, end a mentorship and record a talk (the server checks every date).
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { TALK_KINDS } from '../api/enums.ts';
import type { ResultOf } from '../api/graphql.ts';
import { ASSIGN_MENTOR, END_MENTORSHIP, RECORD_TALK, type RESERVE_DETAIL } from '../api/operations.ts';
import { useCan } from '../viewer.ts';
import { errorText } from './QueryState.tsx';

type Entry = NonNullable<ResultOf<typeof RESERVE_DETAIL>['reserve']>;
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const dash = (v: string | null | undefined) => v || '—';

export function Mentors({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [name, setName] = useState('');
  const [since, setSince] = useState(dayjs());
  const [error, setError] = useState<CombinedError | null>(null);
  const [assignState, assign] = useMutation(ASSIGN_MENTOR);
  const [, end] = useMutation(END_MENTORSHIP);
  const done = (r: { error?: CombinedError }) => {
    setError(r.error ?? null);
    if (!r.error) onChanged();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={entry.mentors}
        columns={[
          { title: t('records.mentor'), dataIndex: 'mentorName' },
          { title: t('records.since'), dataIndex: 'since' },
          { title: t('records.until'), dataIndex: 'until', render: dash },
          ...(keeps
            ? [
                {
                  title: '',
                  key: 'end',
                  render: (_: unknown, m: Entry['mentors'][number]) =>
                    !m.until && (
                      <Button
                        size="small"
                        onClick={async () => done(await end({ input: { mentorId: m.id, until: day(dayjs()) } }))}
                      >
                        {t('records.endToday')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {keeps && (
        <Form
          layout="inline"
          onFinish={async () => {
            const r = await assign({ input: { reserveId: entry.code, mentorName: name, since: day(since) } });
            if (!r.error) setName('');
            done(r);
          }}
        >
          <Form.Item label={t('records.mentor')}>
            <Input
              aria-label={t('records.mentor')}
              value={name}
              maxLength={50}
              onChange={(e) => setName(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('records.since')}>
            <DatePicker
              aria-label={t('records.since')}
              allowClear={false}
              value={since}
              onChange={(d) => d && setSince(d)}
            />
          </Form.Item>
          <Button htmlType="submit" loading={assignState.fetching}>
            {t('records.addMentor')}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={errorText(error)} />}
    </Space>
  );
}

export function Talks({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [kind, setKind] = useState<(typeof TALK_KINDS)[number]>('LEADERSHIP');
  const [on, setOn] = useState(dayjs());
  const [notes, setNotes] = useState('');
  const [state, record] = useMutation(RECORD_TALK);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={entry.talks}
        columns={[
          { title: t('records.talkKind'), dataIndex: 'kind', render: (v) => t(`enum.TalkKind.${v}`) },
          { title: t('records.on'), dataIndex: 'on' },
          { title: t('records.notes'), dataIndex: 'notes', render: dash },
        ]}
      />
      {keeps && (
        <Form
          layout="inline"
          onFinish={async () => {
            const r = await record({
              input: { reserveId: entry.code, kind, on: day(on), ...(notes.trim() ? { notes: notes.trim() } : {}) },
            });
            if (!r.error) {
              setNotes('');
              onChanged();
            }
          }}
        >
          <Form.Item label={t('records.talkKind')}>
            <Select
              aria-label={t('records.talkKind')}
              style={{ width: 150 }}
              value={kind}
              onChange={setKind}
              options={TALK_KINDS.map((k) => ({ value: k, label: t(`enum.TalkKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('records.on')}>
            <DatePicker aria-label={t('records.on')} allowClear={false} value={on} onChange={(d) => d && setOn(d)} />
          </Form.Item>
          <Form.Item label={t('records.notes')}>
            <Input
              aria-label={t('records.notes')}
              value={notes}
              maxLength={2000}
              onChange={(e) => setNotes(e.target.value)}
            />
          </Form.Item>
          <Button htmlType="submit" loading={state.fetching}>
            {t('records.addTalk')}
          </Button>
        </Form>
      )}
      {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
    </Space>
  );
}
