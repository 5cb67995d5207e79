// 会议: the Party committee meetings of a unit (and the units below it) that decided on the pool —
// each with its attendance and items, the votes and whether each was adopted — and, for an account
// that keeps the pool, the form that records one (all its items at once, confirmed before it is
// sent) and the strike-out of one entered by mistake. Admission and removal need an item adopted
// here (policy); the entry's history names the item that decided it.
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
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
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ITEM_STAGES, presentNeeded, quorate, votesNeeded } from '../../../domain/decisions.ts';
import type { ResultOf } from '../api/graphql.ts';
import { ENTRY_CHOSEN, MEETINGS, RECORD_MEETING, STRIKE_MEETING } from '../api/operations.ts';
import { PROCEDURE_POLICY } from '../api/procedure.ts';
import { useConfirm } from '../components/confirm.tsx';
import { type EntryChoice, EntryPicker, entryLabel, UnitPicker, unitPath } from '../components/pickers.tsx';
import { errorText, QueryState } from '../components/QueryState.tsx';
import { ReserveDrawer } from '../components/ReserveDrawer.tsx';
import { useCan } from '../viewer.ts';

type Meeting = ResultOf<typeof MEETINGS>['meetings'][number];
type Subject = 'ADMISSION' | 'REMOVAL' | 'SELECTION_PLAN';

interface ItemValues {
  subject: Subject;
  reserveId?: string;
  title?: string;
  favour?: number;
  against?: number;
  abstain?: number;
}

interface MeetingValues {
  heldOn: Dayjs;
  body: string;
  members?: number;
  present?: number;
  note?: string;
  items: ItemValues[];
}

/** The meeting rules of the unit's kind (policy procedure): quorum and pass share. */
interface Rules {
  meetingQuorum: number;
  meetingPassShare: number;
}

const needed = (members: number, r: Rules) => votesNeeded({ members, present: members }, r);

export function Meetings({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const subtree = params.get('subtree') === '1';
  const prefill = params.get('entry');
  const set = (changes: Record<string, string>) =>
    setParams({ unit: unitCode, ...(subtree ? { subtree: '1' } : {}), ...changes });
  const [{ data, fetching, error }, refetch] = useQuery({ query: MEETINGS, variables: { unitCode, subtree } });
  const [open, setOpen] = useState(prefill !== null);
  const [entry, setEntry] = useState<string | null>(null);
  const [striking, setStriking] = useState<Meeting | null>(null);
  const unitName = data?.unit ? unitPath(data.unit) : unitCode;
  const e = (type: string, v: string) => t(`enum.${type}.${v}`);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('meetings.title')} · {unitName}
        </Typography.Title>
        <UnitPicker
          aria-label={t('common.unit')}
          style={{ width: 280 }}
          value={unitCode}
          onChange={(code) => code && setParams({ unit: code, ...(subtree ? { subtree: '1' } : {}) })}
        />
        <Checkbox
          checked={subtree}
          onChange={(ev) => setParams({ unit: unitCode, ...(ev.target.checked ? { subtree: '1' } : {}) })}
        >
          {t('meetings.subtree')}
        </Checkbox>
        {keeps && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('meetings.record')}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">{t('meetings.intro')}</Typography.Text>
      <QueryState fetching={fetching && !data} error={error}>
        <Table<Meeting>
          size="small"
          rowKey="id"
          dataSource={data?.meetings ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('meetings.none') }}
          rowClassName={(m) => (m.struckReason ? 'struck' : '')}
          columns={[
            { title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 110 },
            { title: t('common.unit'), render: (_, m) => m.unit.name, width: 140 },
            { title: t('meetings.body'), dataIndex: 'body', width: 120 },
            {
              title: t('meetings.attendance'),
              width: 150,
              render: (_, m) => t('meetings.attendanceText', { present: m.present, members: m.members }),
            },
            {
              title: t('meetings.items'),
              render: (_, m) => (
                <Space orientation="vertical" size={2}>
                  {m.items.map((i) => (
                    <span key={i.id}>
                      <Tag>{e('MeetingSubject', i.subject)}</Tag>
                      {i.reserve ? (
                        <Typography.Link onClick={() => setEntry(i.reserve!.id)}>{i.title}</Typography.Link>
                      ) : (
                        i.title
                      )}{' '}
                      {t('meetings.votes', { favour: i.favour, against: i.against, abstain: i.abstain })}{' '}
                      <Tag color={m.struckReason ? 'default' : i.adopted ? 'green' : 'red'}>
                        {i.adopted ? t('meetings.adopted') : t('meetings.notAdopted')}
                      </Tag>
                    </span>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('meetings.needed', { votes: m.votesNeeded, members: m.members })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('meetings.recordedBy'),
              width: 170,
              render: (_, m) =>
                m.struckReason ? (
                  <Typography.Text type="danger">
                    {t('meetings.struck', { reason: m.struckReason, by: m.struckBy })}
                  </Typography.Text>
                ) : (
                  <Space>
                    <span>{m.recordedBy}</span>
                    {keeps && (
                      <Button size="small" danger onClick={() => setStriking(m)}>
                        {t('meetings.strike')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </QueryState>
      {keeps && data?.unit && (
        <MeetingForm
          open={open}
          unit={data.unit}
          unitName={unitName}
          prefill={prefill}
          onClose={() => {
            setOpen(false);
            if (prefill) set({});
          }}
          onSaved={() => {
            setOpen(false);
            if (prefill) set({});
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {striking && (
        <StrikeForm
          meeting={striking}
          onClose={() => setStriking(null)}
          onDone={() => {
            setStriking(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <ReserveDrawer id={entry} onClose={() => setEntry(null)} />
    </Space>
  );
}

function MeetingForm({
  open,
  unit,
  unitName,
  prefill,
  onClose,
  onSaved,
}: {
  open: boolean;
  unit: { code: string; kind: string };
  unitName: string;
  prefill: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [form] = Form.useForm<MeetingValues>();
  // The entry the page was opened for (from its blocker), shown by name in the first item.
  const [{ data: opened, error: openedError }] = useQuery({
    query: ENTRY_CHOSEN,
    variables: { id: prefill ?? '' },
    pause: !open || !prefill,
  });
  // Entries chosen in the items, by code: their labels for the confirmation.
  const [chosen, setChosen] = useState<Record<string, EntryChoice>>({});
  const [{ data: policy }] = useQuery({
    query: PROCEDURE_POLICY,
    variables: { unitKind: unit.kind as never },
    pause: !open,
  });
  const rules = (policy?.policy.document as { procedure?: Rules } | undefined)?.procedure;
  const [state, record] = useMutation(RECORD_MEETING);
  const members = Form.useWatch('members', form) ?? 0;
  const present = Form.useWatch('present', form) ?? 0;
  const items = (Form.useWatch('items', form) ?? []) as ItemValues[];
  const prefilled = opened?.reserve ?? null;
  // The form waits for the entry it was opened for: its first item is about it (its admission,
  // or its removal if it is in the pool).
  const waiting = Boolean(prefill) && open && !opened && !openedError;
  const known = { ...(prefilled ? { [prefilled.code]: prefilled } : {}), ...chosen };
  const labelOf = (code: string) => (known[code] ? entryLabel(known[code], t) : code);
  const ok = rules ? quorate({ members, present }, rules) : false;
  const passes = (i: ItemValues) => rules !== undefined && ok && (i.favour ?? 0) >= needed(members, rules);

  const submit = async (v: MeetingValues) => {
    const heldOn = v.heldOn.format('YYYY-MM-DD');
    const confirmed = await confirm({
      subject: `${unitName} ${v.body}`,
      action: t('meetings.record'),
      facts: [
        [t('meetings.heldOn'), heldOn],
        [t('meetings.attendance'), t('meetings.attendanceText', { present: v.present, members: v.members })],
        ...v.items.map((i, n): [string, string] => [
          `${n + 1}. ${t(`enum.MeetingSubject.${i.subject}`)}`,
          `${i.reserveId ? labelOf(i.reserveId) : (i.title ?? '')} · ${t('meetings.votes', {
            favour: i.favour ?? 0,
            against: i.against ?? 0,
            abstain: i.abstain ?? 0,
          })} · ${passes(i) ? t('meetings.adopted') : t('meetings.notAdopted')}`,
        ]),
      ],
    });
    if (!confirmed) return;
    const r = await record({
      input: {
        unitCode: unit.code,
        heldOn,
        body: v.body,
        members: v.members ?? 0,
        present: v.present ?? 0,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        items: v.items.map((i) => ({
          subject: i.subject,
          ...(i.reserveId ? { reserveId: i.reserveId } : {}),
          ...(i.title?.trim() ? { title: i.title.trim() } : {}),
          favour: i.favour ?? 0,
          against: i.against ?? 0,
          abstain: i.abstain ?? 0,
        })),
      },
    });
    if (!r.error) {
      form.resetFields();
      onSaved();
    }
  };

  return (
    <Drawer
      open={open}
      width={920}
      title={`${t('meetings.record')} · ${unitName}`}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={state.fetching} onClick={() => form.submit()}>
            {t('meetings.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      {waiting ? (
        <QueryState fetching>{null}</QueryState>
      ) : (
        <Form<MeetingValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            heldOn: dayjs(),
            body: t('meetings.defaultBody'),
            items: [
              prefilled
                ? {
                    subject: prefilled.status === 'ACTIVE' ? 'REMOVAL' : 'ADMISSION',
                    reserveId: prefilled.code,
                    favour: 0,
                    against: 0,
                    abstain: 0,
                  }
                : { subject: 'ADMISSION' },
            ],
          }}
        >
          <Space wrap align="start">
            <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true }]}>
              <DatePicker aria-label={t('meetings.heldOn')} allowClear={false} />
            </Form.Item>
            <Form.Item name="body" label={t('meetings.body')} rules={[{ required: true, max: 40 }]}>
              <Input aria-label={t('meetings.body')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="members" label={t('meetings.members')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('meetings.members')} min={1} max={500} precision={0} />
            </Form.Item>
            <Form.Item name="present" label={t('meetings.present')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('meetings.present')} min={0} max={500} precision={0} />
            </Form.Item>
          </Space>
          {rules && members > 0 && (
            <Alert
              style={{ marginBottom: 12 }}
              type={ok ? 'info' : 'warning'}
              showIcon
              title={
                ok
                  ? t('meetings.quorate', { votes: needed(members, rules), members })
                  : t('meetings.inquorate', { quorum: presentNeeded(members, rules), members })
              }
            />
          )}
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field, n) => {
                  const item = items[n] ?? ({ subject: 'ADMISSION' } as ItemValues);
                  const forEntry = item.subject !== 'SELECTION_PLAN';
                  return (
                    <Space key={field.key} wrap align="start" data-testid={`meeting-item-${n + 1}`}>
                      <Form.Item name={[field.name, 'subject']} label={`${n + 1}. ${t('meetings.subject')}`}>
                        <Select
                          aria-label={`${t('meetings.subject')} ${n + 1}`}
                          style={{ width: 120 }}
                          options={(['ADMISSION', 'REMOVAL', 'SELECTION_PLAN'] as const).map((s) => ({
                            value: s,
                            label: t(`enum.MeetingSubject.${s}`),
                          }))}
                        />
                      </Form.Item>
                      {forEntry ? (
                        <Form.Item
                          name={[field.name, 'reserveId']}
                          label={t('meetings.entry')}
                          rules={[{ required: true, message: t('meetings.entryNeeded') }]}
                        >
                          <EntryPicker
                            key={`${item.subject}|${item.reserveId === prefilled?.code ? prefilled?.code : ''}`}
                            aria-label={`${t('meetings.entry')} ${n + 1}`}
                            style={{ width: 320 }}
                            unitCode={unit.code}
                            statuses={[...ITEM_STAGES[item.subject as keyof typeof ITEM_STAGES]]}
                            initial={n === 0 && prefilled?.code === item.reserveId ? prefilled : null}
                            onChosen={(e) => e && setChosen((c) => ({ ...c, [e.code]: e }))}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[field.name, 'title']}
                          label={t('meetings.itemTitle')}
                          rules={[{ required: true, max: 200 }]}
                        >
                          <Input aria-label={`${t('meetings.itemTitle')} ${n + 1}`} style={{ width: 300 }} />
                        </Form.Item>
                      )}
                      {(['favour', 'against', 'abstain'] as const).map((k) => (
                        <Form.Item key={k} name={[field.name, k]} label={t(`meetings.${k}`)} initialValue={0}>
                          <InputNumber
                            aria-label={`${t(`meetings.${k}`)} ${n + 1}`}
                            min={0}
                            max={500}
                            precision={0}
                            style={{ width: 70 }}
                          />
                        </Form.Item>
                      ))}
                      <Form.Item label=" ">
                        <Space>
                          <Tag color={passes(item) ? 'green' : 'red'}>
                            {passes(item) ? t('meetings.adopted') : t('meetings.notAdopted')}
                          </Tag>
                          {fields.length > 1 && (
                            <Button size="small" onClick={() => remove(field.name)}>
                              {t('meetings.removeItem')}
                            </Button>
                          )}
                        </Space>
                      </Form.Item>
                    </Space>
                  );
                })}
                <Button onClick={() => add({ subject: 'ADMISSION' })}>{t('meetings.addItem')}</Button>
              </Space>
            )}
          </Form.List>
          <Form.Item name="note" label={t('meetings.note')} style={{ marginTop: 12 }}>
            <Input.TextArea aria-label={t('meetings.note')} maxLength={2000} rows={2} />
          </Form.Item>
          {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
        </Form>
      )}
    </Drawer>
  );
}

function StrikeForm({ meeting, onClose, onDone }: { meeting: Meeting; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [reason, setReason] = useState('');
  const [state, strike] = useMutation(STRIKE_MEETING);
  const go = async () => {
    const confirmed = await confirm({
      subject: `${meeting.heldOn} ${meeting.body}`,
      action: t('meetings.strike'),
      facts: [
        [t('meetings.items'), meeting.items.map((i) => i.title).join('；')],
        [t('roster.reason'), reason.trim()],
      ],
    });
    if (!confirmed) return;
    const r = await strike({ input: { meetingId: meeting.id, reason: reason.trim() } });
    if (!r.error) onDone();
  };
  return (
    <Drawer open width={480} title={`${t('meetings.strike')} · ${meeting.heldOn} ${meeting.body}`} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('meetings.strikeIntro')}</Typography.Text>
        <Input.TextArea
          aria-label={t('roster.reason')}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
        />
        <Button danger disabled={!reason.trim()} loading={state.fetching} onClick={go}>
          {t('meetings.strike')}
        </Button>
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}
