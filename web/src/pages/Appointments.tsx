// 任职: the appointments to the leadership posts of the viewer's subtree in a year — each saying
// whether it came from the pool, with the year's share (「党政领导班子成员一般应当从后备干部中选拔」)
// — the 任前公示 under way, and the appointment of someone from outside the pool after the notice.
// Someone in the pool is appointed from the entry's page (promotion), so that it counts as from
// the pool. The qualification exams (任职资格考试) of a person are recorded here too. Every state
// change is confirmed first.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Input,
  InputNumber,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import {
  APPOINT_PERSON,
  APPOINTMENTS_PAGE,
  PERSON_EXAMS,
  RECORD_EXAM,
  STRIKE_EXAM,
  UNIT_POSITIONS,
  WITHDRAW_APPOINTMENT_NOTICE,
} from '../api/operations.ts';
import { ANNOUNCE_APPOINTMENT } from '../api/procedure.ts';
import { useConfirm } from '../components/confirm.tsx';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer.tsx';
import { PersonPicker, UnitPicker } from '../components/pickers.tsx';
import { errorText, QueryState } from '../components/QueryState.tsx';
import { percent } from '../format.ts';

type Page = ResultOf<typeof APPOINTMENTS_PAGE>;
type Notice = Page['appointmentNotices'][number];
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

export function Appointments({ rootUnit }: { rootUnit: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? rootUnit;
  const thisYear = dayjs().year();
  const year = Number(params.get('year') ?? thisYear);
  const from = `${year}-01-01`;
  const to = year === thisYear ? iso(dayjs()) : `${year}-12-31`;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: APPOINTMENTS_PAGE,
    variables: { unitCode, from, to, year },
  });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [appointing, setAppointing] = useState<Notice | null>(null);
  const [announcing, setAnnouncing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Notice | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const share = data?.appointmentShare;
  const today = iso(dayjs());
  const post = (p: { title: string; rank: string; unit: { name: string } }) =>
    `${p.unit.name} · ${p.title}（${t(`enum.Rank.${p.rank}`)}）`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('appointments.title')} · {data?.unit?.name ?? unitCode}
        </Typography.Title>
        <Select
          aria-label={t('appointments.year')}
          value={year}
          style={{ width: 110 }}
          onChange={(y) => setParams({ unit: unitCode, year: String(y) })}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <UnitPicker
          aria-label={t('common.unit')}
          style={{ width: 280 }}
          value={unitCode}
          onChange={(code) => code && setParams({ unit: code, year: String(year) })}
        />
        <Button onClick={() => setAnnouncing(true)}>{t('appointments.announce')}</Button>
      </Space>
      <Typography.Text type="secondary">{t('appointments.intro')}</Typography.Text>
      <QueryState fetching={fetching && !data} error={error}>
        {data && share && (
          <>
            <Card size="small">
              <Space size="large" wrap>
                <Statistic
                  title={t('appointments.share', { year })}
                  value={share.share === null ? '—' : percent(share.share)}
                />
                <Statistic title={t('appointments.count')} value={share.appointments} />
                <Statistic title={t('appointments.fromPoolCount')} value={share.fromPool} />
                <Space orientation="vertical" size={0}>
                  <Typography.Link
                    onClick={() =>
                      setDrill({
                        measure: 'APPOINTMENTS',
                        unitCode,
                        subtree: true,
                        asOf: to,
                        trainingYear: year,
                        title: t('appointments.share', { year }),
                      })
                    }
                  >
                    {t('appointments.drill')}
                  </Typography.Link>
                  <Typography.Text type="secondary">{t('appointments.shareNote')}</Typography.Text>
                </Space>
              </Space>
            </Card>
            <Card size="small" title={t('appointments.notices')}>
              <Table<Notice>
                size="small"
                rowKey="id"
                dataSource={data.appointmentNotices}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('appointments.noNotices') }}
                columns={[
                  { title: t('roster.name'), render: (_, n) => `${n.person.name}（${n.person.code}）` },
                  { title: t('appointments.post'), render: (_, n) => post(n.position) },
                  {
                    title: t('appointments.window'),
                    render: (_, n) => `${n.startsOn} — ${n.endsOn}（${n.workingDays} 个工作日）`,
                  },
                  {
                    title: t('appointments.source'),
                    render: (_, n) =>
                      n.reserveCode ? (
                        <Tag color="green">{t('drill.fromPool')}</Tag>
                      ) : (
                        <Tag>{t('drill.notFromPool')}</Tag>
                      ),
                  },
                  {
                    title: t('appointments.act'),
                    render: (_, n) =>
                      n.reserveCode ? (
                        <Typography.Text type="secondary">
                          {t('appointments.viaEntry', { entry: n.reserveCode })}
                        </Typography.Text>
                      ) : (
                        <Space>
                          <Button
                            size="small"
                            type="primary"
                            disabled={today < n.appointableFrom}
                            title={
                              today < n.appointableFrom
                                ? t('appointments.from', { from: n.appointableFrom })
                                : undefined
                            }
                            onClick={() => setAppointing(n)}
                          >
                            {t('appointments.appoint')}
                          </Button>
                          <Button size="small" onClick={() => setWithdrawing(n)}>
                            {t('appointments.withdraw')}
                          </Button>
                          {today < n.appointableFrom && (
                            <Typography.Text type="secondary">
                              {t('appointments.from', { from: n.appointableFrom })}
                            </Typography.Text>
                          )}
                        </Space>
                      ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('appointments.list', { year })}>
              <Table
                size="small"
                rowKey={(a) => `${a.position.code}@${a.from}`}
                dataSource={data.appointments}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('appointments.none') }}
                columns={[
                  { title: t('drill.appointedOn'), dataIndex: 'from', width: 110 },
                  { title: t('roster.name'), render: (_, a) => `${a.person.name}（${a.person.code}）` },
                  { title: t('appointments.post'), render: (_, a) => post(a.position) },
                  {
                    title: t('appointments.source'),
                    render: (_, a) =>
                      a.fromPool ? (
                        <Tag color="green">
                          {t('drill.fromPool')} {a.reserveCode}
                        </Tag>
                      ) : (
                        <Tag>{t('drill.notFromPool')}</Tag>
                      ),
                  },
                  { title: t('drill.termEnds'), dataIndex: 'termEnds', width: 110 },
                  { title: t('appointments.until'), dataIndex: 'until', width: 110 },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <Exams />
      {announcing && (
        <AnnounceForm
          unitCode={unitCode}
          onClose={() => setAnnouncing(false)}
          onDone={() => {
            setAnnouncing(false);
            reload();
          }}
        />
      )}
      {appointing && (
        <AppointForm
          notice={appointing}
          onClose={() => setAppointing(null)}
          onDone={() => {
            setAppointing(null);
            reload();
          }}
        />
      )}
      {withdrawing && (
        <WithdrawForm
          notice={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            reload();
          }}
        />
      )}
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}

/** 任前公示 for a person from outside the pool: person, unit, post, first day. */
function AnnounceForm({ unitCode, onClose, onDone }: { unitCode: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [person, setPerson] = useState<string | undefined>();
  const [unit, setUnit] = useState<string | undefined>(unitCode);
  const [position, setPosition] = useState<string | undefined>();
  const [startsOn, setStartsOn] = useState<Dayjs>(dayjs());
  const [{ data }] = useQuery({ query: UNIT_POSITIONS, variables: { unitCode: unit ?? '' }, pause: !unit });
  const [state, announce] = useMutation(ANNOUNCE_APPOINTMENT);
  const posts = data?.positions.edges.map((e) => e.node) ?? [];
  const chosen = posts.find((p) => p.code === position);
  const go = async () => {
    if (!person || !chosen) return;
    const ok = await confirm({
      subject: person,
      action: t('appointments.announce'),
      facts: [
        [t('appointments.post'), `${chosen.title}（${t(`enum.Rank.${chosen.rank}`)}）`],
        [t('appointments.incumbent'), chosen.incumbent?.name ?? t('succession.vacant')],
        [t('appointments.startsOn'), iso(startsOn)],
      ],
    });
    if (!ok) return;
    const r = await announce({ input: { personCode: person, positionCode: chosen.code, startsOn: iso(startsOn) } });
    if (!r.error) onDone();
  };
  return (
    <Drawer open size={520} title={t('appointments.announce')} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('appointments.announceIntro')}</Typography.Text>
        <span>{t('appointments.person')}</span>
        <PersonPicker value={person} onChange={setPerson} />
        <span>{t('common.unit')}</span>
        <UnitPicker
          value={unit}
          onChange={(code) => {
            setUnit(code);
            setPosition(undefined);
          }}
        />
        <span>{t('appointments.post')}</span>
        <Select
          aria-label={t('appointments.post')}
          value={position}
          onChange={setPosition}
          placeholder={t('appointments.choosePost')}
          options={posts.map((p) => ({
            value: p.code,
            label: `${p.title}（${t(`enum.Rank.${p.rank}`)}）· ${p.incumbent?.name ?? t('succession.vacant')}`,
          }))}
        />
        <span>{t('appointments.startsOn')}</span>
        <DatePicker
          aria-label={t('appointments.startsOn')}
          allowClear={false}
          value={startsOn}
          onChange={(d) => d && setStartsOn(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
        <Button type="primary" disabled={!person || !chosen} loading={state.fetching} onClick={go}>
          {t('appointments.announce')}
        </Button>
        {(!person || !chosen) && (
          <Typography.Text type="secondary">{t('appointments.choosePersonPost')}</Typography.Text>
        )}
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}

function AppointForm({ notice, onClose, onDone }: { notice: Notice; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [on, setOn] = useState<Dayjs>(dayjs());
  const [termEnds, setTermEnds] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [state, appoint] = useMutation(APPOINT_PERSON);
  const go = async () => {
    const ok = await confirm({
      subject: `${notice.person.name}（${notice.person.code}）`,
      action: t('appointments.appoint'),
      facts: [
        [t('appointments.post'), `${notice.position.unit.name} · ${notice.position.title}`],
        [
          t('appointments.incumbent'),
          `${notice.position.incumbent?.name ?? t('succession.vacant')} → ${notice.person.name}`,
        ],
        [t('drill.appointedOn'), iso(on)],
        [t('drill.termEnds'), termEnds ? iso(termEnds) : '—'],
        [t('appointments.source'), t('drill.notFromPool')],
        ...(reason.trim() ? [[t('roster.reason'), reason.trim()] as [string, string]] : []),
      ],
    });
    if (!ok) return;
    const r = await appoint({
      input: {
        personCode: notice.person.code,
        positionCode: notice.position.code,
        on: iso(on),
        ...(termEnds ? { termEnds: iso(termEnds) } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    });
    if (!r.error) onDone();
  };
  return (
    <Drawer open size={480} title={`${t('appointments.appoint')} · ${notice.person.name}`} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{`${notice.position.unit.name} · ${notice.position.title}`}</Typography.Text>
        <span>{t('drill.appointedOn')}</span>
        <DatePicker
          aria-label={t('drill.appointedOn')}
          allowClear={false}
          value={on}
          onChange={(d) => d && setOn(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(notice.appointableFrom), 'day')}
        />
        <span>{t('drill.termEnds')}</span>
        <DatePicker aria-label={t('drill.termEnds')} value={termEnds} onChange={setTermEnds} />
        <span>{t('appointments.basis')}</span>
        <Input.TextArea
          aria-label={t('roster.reason')}
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="primary" loading={state.fetching} onClick={go}>
          {t('appointments.appoint')}
        </Button>
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}

function WithdrawForm({ notice, onClose, onDone }: { notice: Notice; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [reason, setReason] = useState('');
  const [state, withdraw] = useMutation(WITHDRAW_APPOINTMENT_NOTICE);
  const go = async () => {
    const ok = await confirm({
      subject: `${notice.person.name}（${notice.person.code}）`,
      action: t('appointments.withdraw'),
      facts: [
        [t('appointments.post'), `${notice.position.unit.name} · ${notice.position.title}`],
        [t('appointments.window'), `${notice.startsOn} — ${notice.endsOn}`],
        [t('roster.reason'), reason.trim()],
      ],
    });
    if (!ok) return;
    const r = await withdraw({ input: { noticeId: notice.id, reason: reason.trim() } });
    if (!r.error) onDone();
  };
  return (
    <Drawer open size={480} title={t('appointments.withdraw')} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>{t('roster.reason')}</span>
        <Input.TextArea
          aria-label={t('roster.reason')}
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button danger disabled={!reason.trim()} loading={state.fetching} onClick={go}>
          {t('appointments.withdraw')}
        </Button>
        {state.error && <Alert type="error" showIcon title={errorText(state.error)} />}
      </Space>
    </Drawer>
  );
}

/** 任职资格考试: a person's exams, a new one recorded, one struck out with a reason. */
function Exams() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [person, setPerson] = useState<string | undefined>();
  const [{ data }, refetch] = useQuery({
    query: PERSON_EXAMS,
    variables: { id: `Person:${person ?? ''}` },
    pause: !person,
  });
  const [heldOn, setHeldOn] = useState<Dayjs>(dayjs());
  const [passed, setPassed] = useState(false);
  const [score, setScore] = useState<number | null>(null);
  const [certificate, setCertificate] = useState('');
  const [recordState, record] = useMutation(RECORD_EXAM);
  const [strikeState, strike] = useMutation(STRIKE_EXAM);
  const who = data?.node && 'name' in data.node ? data.node : null;
  const save = async () => {
    if (!who) return;
    const ok = await confirm({
      subject: `${who.name}（${who.code}）`,
      action: t('exams.record'),
      facts: [
        [t('exams.heldOn'), iso(heldOn)],
        [t('exams.result'), passed ? t('exams.passed') : t('exams.failed')],
        [t('exams.score'), score ?? '—'],
        [t('exams.certificate'), (passed && certificate.trim()) || '—'],
      ],
    });
    if (!ok) return;
    const r = await record({
      input: {
        personCode: who.code,
        heldOn: iso(heldOn),
        passed,
        ...(score === null ? {} : { score }),
        ...(certificate.trim() && passed ? { certificateNo: certificate.trim() } : {}),
      },
    });
    if (!r.error) {
      setCertificate('');
      setScore(null);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const [striking, setStriking] = useState<{ id: number; reason: string } | null>(null);
  const strikeOut = async (id: number, reason: string) => {
    if (!who || !reason.trim()) return;
    const ok = await confirm({
      subject: `${who.name}（${who.code}）`,
      action: t('exams.strike'),
      facts: [[t('roster.reason'), reason.trim()]],
    });
    if (!ok) return;
    const r = await strike({ input: { examId: id, reason: reason.trim() } });
    if (!r.error) {
      setStriking(null);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <Card size="small" title={t('exams.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('exams.intro')}</Typography.Text>
        <div style={{ maxWidth: 420 }}>
          <PersonPicker value={person} onChange={setPerson} />
        </div>
        {who && (
          <>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={who.qualificationExams}
              locale={{ emptyText: t('exams.none') }}
              columns={[
                { title: t('exams.heldOn'), dataIndex: 'heldOn', width: 110 },
                {
                  title: t('exams.result'),
                  render: (_, e) =>
                    e.struckReason ? (
                      <Tag>{t('exams.struck', { reason: e.struckReason })}</Tag>
                    ) : e.passed ? (
                      <Tag color="green">{t('exams.passed')}</Tag>
                    ) : (
                      <Tag color="red">{t('exams.failed')}</Tag>
                    ),
                },
                { title: t('exams.score'), render: (_, e) => e.score ?? '—' },
                { title: t('exams.certificate'), render: (_, e) => e.certificateNo ?? '—' },
                { title: t('exams.recordedBy'), dataIndex: 'recordedBy' },
                {
                  title: t('appointments.act'),
                  render: (_, e) =>
                    e.struckReason ? null : striking?.id === e.id ? (
                      <Space>
                        <Input
                          aria-label={t('exams.strikeReason')}
                          placeholder={t('exams.strikeReason')}
                          maxLength={500}
                          value={striking.reason}
                          onChange={(ev) => setStriking({ id: e.id, reason: ev.target.value })}
                        />
                        <Button
                          size="small"
                          danger
                          disabled={!striking.reason.trim()}
                          loading={strikeState.fetching}
                          onClick={() => void strikeOut(e.id, striking.reason)}
                        >
                          {t('exams.strike')}
                        </Button>
                      </Space>
                    ) : (
                      <Button size="small" onClick={() => setStriking({ id: e.id, reason: '' })}>
                        {t('exams.strike')}
                      </Button>
                    ),
                },
              ]}
            />
            <Space wrap>
              <DatePicker
                aria-label={t('exams.heldOn')}
                allowClear={false}
                value={heldOn}
                onChange={(d) => d && setHeldOn(d)}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
              <Checkbox checked={passed} onChange={(e) => setPassed(e.target.checked)}>
                {t('exams.passed')}
              </Checkbox>
              <InputNumber
                aria-label={t('exams.score')}
                placeholder={t('exams.score')}
                min={0}
                max={1000}
                value={score}
                onChange={(v) => setScore(v)}
              />
              <Input
                aria-label={t('exams.certificate')}
                placeholder={t('exams.certificate')}
                maxLength={64}
                disabled={!passed}
                value={certificate}
                onChange={(e) => setCertificate(e.target.value)}
                style={{ width: 180 }}
              />
              <Button type="primary" loading={recordState.fetching} onClick={save}>
                {t('exams.record')}
              </Button>
            </Space>
            {(recordState.error || strikeState.error) && (
              <Alert type="error" showIcon title={errorText((recordState.error ?? strikeState.error)!)} />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
