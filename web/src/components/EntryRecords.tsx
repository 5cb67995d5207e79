// An entry's records on its page: its mentors and talks, and its person's trainings, annual
// assessments and practice assignments — the lists, and for an account that keeps the pool,
// forms to add a mentor, end a mentorship, record a talk, and record or correct a training, an
// assessment or a practice assignment (the server checks every value and date).
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { MAJOR_MATTER_KINDS, MATTERS_NEEDING_FINDING, type MajorMatterKind } from '../../../domain/procedure.ts';
import { GRADES, PRACTICE_KINDS, TALK_KINDS, TRAINING_KINDS } from '../api/enums.ts';
import type { ResultOf } from '../api/graphql.ts';
import {
  ASSIGN_MENTOR,
  CORRECT_ASSESSMENT,
  CORRECT_PRACTICE,
  CORRECT_TRAINING,
  END_MENTORSHIP,
  RECORD_ASSESSMENT,
  RECORD_DUTY_REPORT,
  RECORD_MAJOR_MATTER,
  RECORD_PRACTICE,
  RECORD_TALK,
  RECORD_TRAINING,
  type RESERVE_DETAIL,
  REVIEW_MAJOR_MATTER,
  STRIKE_DUTY_REPORT,
} from '../api/operations.ts';
import { useCan } from '../viewer.ts';
import { noEnterSubmit, useConfirm } from './confirm.tsx';
import { errorText } from './QueryState.tsx';

type Entry = NonNullable<ResultOf<typeof RESERVE_DETAIL>['reserve']>;
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const dash = (v: string | null | undefined) => v || '—';

/** A labelled date of an inline form (never cleared: a record always has its date). */
function DateItem({
  label,
  value,
  onChange,
}: {
  label: string;
  value: dayjs.Dayjs;
  onChange: (d: dayjs.Dayjs) => void;
}) {
  return (
    <Form.Item label={label}>
      <DatePicker aria-label={label} allowClear={false} value={value} onChange={(d) => d && onChange(d)} />
    </Form.Item>
  );
}

/** A labelled text of an inline form, bounded as the server bounds it. */
function TextItem(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  maxLength: number;
  placeholder?: string;
}) {
  return (
    <Form.Item label={props.label}>
      <Input
        aria-label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Form.Item>
  );
}

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
          onKeyDown={noEnterSubmit}
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
          onKeyDown={noEnterSubmit}
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

type Person = Entry['person'];
type TrainingRow = Person['trainings'][number];
type AssessmentRow = Person['assessments'][number];
type PracticeRow = Person['practices'][number];
const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(0)}%`);
const orNull = <T,>(v: T | null | undefined) => (v === undefined || v === null ? null : v);

/**
 * A person's records of one kind: the table, and for an account that keeps the pool a form
 * that records a new one or, after "Correct" on a row, corrects that one in place.
 */
function RecordsEditor<Row extends { id: number }, Values extends object>({
  rows,
  columns,
  toValues,
  blank,
  fields,
  submit,
  addLabel,
  onChanged,
}: {
  rows: readonly Row[];
  columns: { title: string; dataIndex: string; render?: (v: never) => React.ReactNode }[];
  toValues: (row: Row) => Values;
  blank: Partial<Values>;
  fields: (values: Partial<Values>) => React.ReactNode;
  /** Records (id null) or corrects the record; the mutation's error, if any. */
  submit: (values: Values, id: number | null) => Promise<CombinedError | undefined>;
  addLabel: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const values = Form.useWatch([], form) ?? blank;
  const reset = () => {
    setEditing(null);
    form.resetFields();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={rows as Row[]}
        columns={[
          ...(columns as { title: string; dataIndex: string }[]),
          ...(keeps
            ? [
                {
                  title: '',
                  key: 'correct',
                  render: (_: unknown, row: Row) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(row.id);
                        setError(null);
                        form.setFieldsValue(toValues(row) as Parameters<typeof form.setFieldsValue>[0]);
                      }}
                    >
                      {t('records.correct')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {keeps && (
        <Form
          onKeyDown={noEnterSubmit}
          form={form}
          layout="inline"
          initialValues={blank}
          onFinish={async (v: Values) => {
            setBusy(true);
            const failed = await submit(v, editing);
            setBusy(false);
            setError(failed ?? null);
            if (!failed) {
              reset();
              onChanged();
            }
          }}
        >
          {editing !== null && (
            <Alert
              style={{ width: '100%', marginBottom: 8 }}
              type="info"
              title={t('records.correcting', { id: editing })}
            />
          )}
          {fields(values)}
          <Space>
            <Button htmlType="submit" type={editing === null ? 'default' : 'primary'} loading={busy}>
              {editing === null ? addLabel : t('records.saveCorrection')}
            </Button>
            {editing !== null && <Button onClick={reset}>{t('records.cancel')}</Button>}
          </Space>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={errorText(error)} />}
    </Space>
  );
}

interface TrainingValues {
  program: string;
  kind: TrainingRow['kind'];
  start: dayjs.Dayjs;
  days: number;
  hours?: number | null;
  credits?: number | null;
  completed: boolean;
}

export function Trainings({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, record] = useMutation(RECORD_TRAINING);
  const [, correct] = useMutation(CORRECT_TRAINING);
  return (
    <RecordsEditor<TrainingRow, TrainingValues>
      rows={person.trainings}
      onChanged={onChanged}
      addLabel={t('records.addTraining')}
      columns={[
        { title: t('roster.program'), dataIndex: 'program' },
        { title: t('roster.trainingKind'), dataIndex: 'kind', render: (v: string) => t(`enum.TrainingKind.${v}`) },
        { title: t('roster.start'), dataIndex: 'start' },
        { title: t('roster.days'), dataIndex: 'days' },
        { title: t('records.hours'), dataIndex: 'hours', render: (v: number | null) => dash(v?.toString()) },
        { title: t('records.credits'), dataIndex: 'credits', render: (v: number | null) => dash(v?.toString()) },
        {
          title: t('roster.completed'),
          dataIndex: 'completed',
          render: (v: boolean) => t(v ? 'roster.yes' : 'roster.no'),
        },
      ]}
      blank={{ kind: 'CENTRALIZED', start: dayjs(), completed: true }}
      toValues={(r) => ({ ...r, start: dayjs(r.start) })}
      submit={async (v, id) => {
        const fields = {
          program: v.program,
          kind: v.kind,
          start: day(v.start),
          days: v.days,
          hours: orNull(v.hours),
          credits: orNull(v.credits),
          completed: v.completed,
        };
        const r =
          id === null
            ? await record({ input: { personId: person.code, ...fields } })
            : await correct({ input: { trainingId: id, ...fields } });
        return r.error;
      }}
      fields={() => (
        <>
          <Form.Item name="program" label={t('roster.program')} rules={[{ required: true }]}>
            <Input aria-label={t('roster.program')} maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('roster.trainingKind')}>
            <Select
              aria-label={t('roster.trainingKind')}
              style={{ width: 130 }}
              options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`enum.TrainingKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="start" label={t('roster.start')} rules={[{ required: true }]}>
            <DatePicker aria-label={t('roster.start')} allowClear={false} />
          </Form.Item>
          <Form.Item name="days" label={t('roster.days')} rules={[{ required: true }]}>
            <InputNumber aria-label={t('roster.days')} min={0} max={366} step={0.5} />
          </Form.Item>
          <Form.Item name="hours" label={t('records.hours')}>
            <InputNumber aria-label={t('records.hours')} min={0} max={8784} />
          </Form.Item>
          <Form.Item name="credits" label={t('records.credits')}>
            <InputNumber aria-label={t('records.credits')} min={0} max={1000} />
          </Form.Item>
          <Form.Item name="completed" valuePropName="checked">
            <Checkbox>{t('roster.completed')}</Checkbox>
          </Form.Item>
        </>
      )}
    />
  );
}

interface AssessmentValues {
  year: number;
  grade: AssessmentRow['grade'];
  incompetentVoteShare?: number | null;
  deptPercentile?: number | null;
}

export function Assessments({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, record] = useMutation(RECORD_ASSESSMENT);
  const [, correct] = useMutation(CORRECT_ASSESSMENT);
  return (
    <RecordsEditor<AssessmentRow, AssessmentValues>
      rows={person.assessments}
      onChanged={onChanged}
      addLabel={t('records.addAssessment')}
      columns={[
        { title: t('roster.year'), dataIndex: 'year' },
        { title: t('roster.grade'), dataIndex: 'grade', render: (v: string) => t(`enum.Grade.${v}`) },
        { title: t('roster.incompetentVotes'), dataIndex: 'incompetentVoteShare', render: pct },
        { title: t('roster.percentile'), dataIndex: 'deptPercentile', render: pct },
      ]}
      blank={{ year: dayjs().year() - 1, grade: 'COMPETENT' }}
      toValues={(r) => r}
      submit={async (v, id) => {
        const fields = {
          year: v.year,
          grade: v.grade,
          incompetentVoteShare: orNull(v.incompetentVoteShare),
          deptPercentile: orNull(v.deptPercentile),
        };
        const r =
          id === null
            ? await record({ input: { personId: person.code, ...fields } })
            : await correct({ input: { assessmentId: id, ...fields } });
        return r.error;
      }}
      fields={() => (
        <>
          <Form.Item name="year" label={t('roster.year')} rules={[{ required: true }]}>
            <InputNumber aria-label={t('roster.year')} min={1950} max={dayjs().year()} precision={0} />
          </Form.Item>
          <Form.Item name="grade" label={t('roster.grade')}>
            <Select
              aria-label={t('roster.grade')}
              style={{ width: 130 }}
              options={GRADES.map((g) => ({ value: g, label: t(`enum.Grade.${g}`) }))}
            />
          </Form.Item>
          <Form.Item name="incompetentVoteShare" label={t('records.incompetentVoteShare')}>
            <InputNumber aria-label={t('records.incompetentVoteShare')} min={0} max={1} step={0.01} />
          </Form.Item>
          <Form.Item name="deptPercentile" label={t('records.deptPercentile')}>
            <InputNumber aria-label={t('records.deptPercentile')} min={0} max={1} step={0.01} />
          </Form.Item>
        </>
      )}
    />
  );
}

interface PracticeValues {
  kind: PracticeRow['kind'];
  unitCode?: string | null;
  start: dayjs.Dayjs;
  end?: dayjs.Dayjs | null;
  reportScore?: number | null;
  managerScore?: number | null;
  hrScore?: number | null;
}

export function Practices({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, record] = useMutation(RECORD_PRACTICE);
  const [, correct] = useMutation(CORRECT_PRACTICE);
  return (
    <RecordsEditor<PracticeRow, PracticeValues>
      rows={person.practices}
      onChanged={onChanged}
      addLabel={t('records.addPractice')}
      columns={[
        { title: t('roster.practiceKind'), dataIndex: 'kind', render: (v: string) => t(`enum.PracticeKind.${v}`) },
        { title: t('roster.practiceUnit'), dataIndex: 'unitCode', render: dash },
        { title: t('roster.start'), dataIndex: 'start' },
        { title: t('roster.end'), dataIndex: 'end', render: dash },
        { title: t('roster.reportScore'), dataIndex: 'reportScore', render: (v: number | null) => dash(v?.toString()) },
      ]}
      blank={{ kind: 'SECONDMENT', start: dayjs() }}
      toValues={(r) => ({ ...r, start: dayjs(r.start), end: r.end ? dayjs(r.end) : null })}
      submit={async (v, id) => {
        // A rotation's report from its two parts (the server weights them by the policy), else as given.
        const parts = v.kind === 'ROTATION' && v.managerScore != null && v.hrScore != null;
        const fields = {
          kind: v.kind,
          unitCode: v.unitCode?.trim() || null,
          start: day(v.start),
          end: v.end ? day(v.end) : null,
          ...(parts ? { managerScore: v.managerScore, hrScore: v.hrScore } : { reportScore: orNull(v.reportScore) }),
        };
        const r =
          id === null
            ? await record({ input: { personId: person.code, ...fields } })
            : await correct({ input: { practiceId: id, ...fields } });
        return r.error;
      }}
      fields={(values) => (
        <>
          <Form.Item name="kind" label={t('roster.practiceKind')}>
            <Select
              aria-label={t('roster.practiceKind')}
              style={{ width: 110 }}
              options={PRACTICE_KINDS.map((k) => ({ value: k, label: t(`enum.PracticeKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="unitCode" label={t('roster.practiceUnit')}>
            <Input aria-label={t('roster.practiceUnit')} maxLength={64} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="start" label={t('roster.start')} rules={[{ required: true }]}>
            <DatePicker aria-label={t('roster.start')} allowClear={false} />
          </Form.Item>
          <Form.Item name="end" label={t('roster.end')}>
            <DatePicker aria-label={t('roster.end')} />
          </Form.Item>
          {values.kind === 'ROTATION' && (
            <>
              <Form.Item name="managerScore" label={t('records.managerScore')}>
                <InputNumber aria-label={t('records.managerScore')} min={0} max={100} />
              </Form.Item>
              <Form.Item name="hrScore" label={t('records.hrScore')}>
                <InputNumber aria-label={t('records.hrScore')} min={0} max={100} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="reportScore"
            label={t('roster.reportScore')}
            tooltip={values.kind === 'ROTATION' ? t('records.reportScoreHint') : undefined}
          >
            <InputNumber aria-label={t('roster.reportScore')} min={0} max={100} />
          </Form.Item>
        </>
      )}
    />
  );
}

type Matter = Entry['majorMatters'][number];

/**
 * 重大事项报告: the matters the reserve reported, each with the department's finding; a penalty or a
 * complaint stays an alert until its finding is recorded (once).
 */
export function MajorMatters({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [kind, setKind] = useState<MajorMatterKind>('UNIT_CHANGE');
  const [occurredOn, setOccurredOn] = useState(dayjs());
  const [reportedOn, setReportedOn] = useState(dayjs());
  const [summary, setSummary] = useState('');
  const [reviewing, setReviewing] = useState<{
    id: number;
    finding: string;
    on: dayjs.Dayjs;
    disqualifying: boolean;
  } | null>(null);
  const confirm = useConfirm();
  const [state, record] = useMutation(RECORD_MAJOR_MATTER);
  const [reviewState, review] = useMutation(REVIEW_MAJOR_MATTER);
  // A penalty or a complaint: it waits for a finding, which may hold it disqualifying.
  const findable = (m: Matter) => MATTERS_NEEDING_FINDING.includes(m.kind);
  const needsFinding = (m: Matter) => findable(m) && !m.reviewedOn;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={entry.majorMatters}
        locale={{ emptyText: t('matters.none') }}
        columns={[
          { title: t('matters.kind'), dataIndex: 'kind', render: (v) => t(`enum.MajorMatterKind.${v}`) },
          { title: t('matters.occurredOn'), dataIndex: 'occurredOn' },
          { title: t('matters.reportedOn'), dataIndex: 'reportedOn' },
          { title: t('matters.summary'), dataIndex: 'summary' },
          {
            title: t('matters.finding'),
            key: 'finding',
            render: (_: unknown, m: Matter) =>
              m.finding ? (
                <>
                  {`${m.reviewedOn}：${m.finding}（${m.reviewedBy}）`}
                  {m.disqualifying && <Tag color="red">{t('matters.disqualifying')}</Tag>}
                </>
              ) : reviewing?.id === m.id ? (
                <Space wrap>
                  <Input
                    aria-label={t('matters.finding')}
                    maxLength={2000}
                    value={reviewing.finding}
                    onChange={(e) => setReviewing({ ...reviewing, finding: e.target.value })}
                  />
                  <DatePicker
                    aria-label={t('matters.reviewedOn')}
                    allowClear={false}
                    value={reviewing.on}
                    onChange={(d) => d && setReviewing({ ...reviewing, on: d })}
                  />
                  {findable(m) && (
                    <Checkbox
                      checked={reviewing.disqualifying}
                      onChange={(e) => setReviewing({ ...reviewing, disqualifying: e.target.checked })}
                    >
                      {t('matters.disqualifyingAsk')}
                    </Checkbox>
                  )}
                  <Button
                    size="small"
                    type="primary"
                    disabled={!reviewing.finding.trim()}
                    loading={reviewState.fetching}
                    onClick={async () => {
                      // Written once: confirmed, saying whether it makes the entry an elimination candidate.
                      const ok = await confirm({
                        subject: `${entry.person.name}（${entry.code}）`,
                        action: t('matters.findingAction'),
                        facts: [
                          [t('matters.kind'), t(`enum.MajorMatterKind.${m.kind}`)],
                          [t('matters.finding'), reviewing.finding.trim()],
                          [t('matters.reviewedOn'), day(reviewing.on)],
                          [
                            t('matters.disqualifying'),
                            reviewing.disqualifying ? t('matters.disqualifyingYes') : t('matters.disqualifyingNo'),
                          ],
                        ],
                      });
                      if (!ok) return;
                      const r = await review({
                        input: {
                          matterId: m.id,
                          finding: reviewing.finding.trim(),
                          on: day(reviewing.on),
                          disqualifying: reviewing.disqualifying,
                        },
                      });
                      if (!r.error) {
                        setReviewing(null);
                        onChanged();
                      }
                    }}
                  >
                    {t('matters.saveFinding')}
                  </Button>
                </Space>
              ) : keeps ? (
                <Button
                  size="small"
                  danger={needsFinding(m)}
                  onClick={() => setReviewing({ id: m.id, finding: '', on: dayjs(), disqualifying: false })}
                >
                  {needsFinding(m) ? t('matters.findingDue') : t('matters.addFinding')}
                </Button>
              ) : needsFinding(m) ? (
                t('matters.findingDue')
              ) : (
                '—'
              ),
          },
        ]}
      />
      {keeps && (
        <Form
          onKeyDown={noEnterSubmit}
          layout="inline"
          onFinish={async () => {
            const r = await record({
              input: {
                reserveId: entry.code,
                kind,
                occurredOn: day(occurredOn),
                reportedOn: day(reportedOn),
                summary: summary.trim(),
              },
            });
            if (!r.error) {
              setSummary('');
              onChanged();
            }
          }}
        >
          <Form.Item label={t('matters.kind')}>
            <Select
              aria-label={t('matters.kind')}
              style={{ width: 170 }}
              value={kind}
              onChange={setKind}
              options={MAJOR_MATTER_KINDS.map((k) => ({ value: k, label: t(`enum.MajorMatterKind.${k}`) }))}
            />
          </Form.Item>
          <DateItem label={t('matters.occurredOn')} value={occurredOn} onChange={setOccurredOn} />
          <DateItem label={t('matters.reportedOn')} value={reportedOn} onChange={setReportedOn} />
          <TextItem label={t('matters.summary')} value={summary} maxLength={2000} onChange={setSummary} />
          <Button htmlType="submit" disabled={!summary.trim()} loading={state.fetching}>
            {t('matters.add')}
          </Button>
        </Form>
      )}
      {(state.error || reviewState.error) && (
        <Alert type="error" showIcon title={errorText((state.error ?? reviewState.error)!)} />
      )}
    </Space>
  );
}

type DutyReportRow = Entry['dutyReports'][number];

/**
 * 述职: the candidate's reports on their duties before those who vote on them. Recorded with the
 * date and the audience; one recorded by mistake is struck out with a reason (confirmed) and stays.
 */
export function DutyReports({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const confirm = useConfirm();
  const [on, setOn] = useState(dayjs());
  const [audience, setAudience] = useState('');
  const [outline, setOutline] = useState('');
  const [striking, setStriking] = useState<{ id: number; reason: string } | null>(null);
  const [state, record] = useMutation(RECORD_DUTY_REPORT);
  const [strikeState, strike] = useMutation(STRIKE_DUTY_REPORT);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('duty.hint')} />
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={entry.dutyReports}
        locale={{ emptyText: t('duty.none') }}
        columns={[
          { title: t('duty.on'), dataIndex: 'on' },
          { title: t('duty.audience'), dataIndex: 'audience' },
          { title: t('duty.outline'), dataIndex: 'outline', render: dash },
          { title: t('meetings.recordedBy'), dataIndex: 'recordedBy' },
          {
            title: t('duty.state'),
            key: 'state',
            render: (_: unknown, r: DutyReportRow) =>
              r.struckReason ? (
                <Tag>{t('duty.struck', { reason: r.struckReason, by: r.struckBy })}</Tag>
              ) : striking?.id === r.id ? (
                <Space wrap>
                  <Input
                    aria-label={t('duty.strikeReason')}
                    placeholder={t('duty.strikeReason')}
                    maxLength={500}
                    value={striking.reason}
                    onChange={(e) => setStriking({ ...striking, reason: e.target.value })}
                  />
                  <Button
                    size="small"
                    danger
                    disabled={!striking.reason.trim()}
                    loading={strikeState.fetching}
                    onClick={async () => {
                      const ok = await confirm({
                        subject: `${entry.person.name}（${entry.code}）`,
                        action: t('duty.strikeAction'),
                        facts: [
                          [t('duty.on'), r.on],
                          [t('duty.audience'), r.audience],
                          [t('duty.strikeReason'), striking.reason.trim()],
                        ],
                      });
                      if (!ok) return;
                      const x = await strike({ input: { reportId: r.id, reason: striking.reason.trim() } });
                      if (!x.error) {
                        setStriking(null);
                        onChanged();
                      }
                    }}
                  >
                    {t('duty.strike')}
                  </Button>
                </Space>
              ) : keeps ? (
                <Button size="small" onClick={() => setStriking({ id: r.id, reason: '' })}>
                  {t('duty.strike')}
                </Button>
              ) : (
                t('duty.valid')
              ),
          },
        ]}
      />
      {keeps && (
        <Form
          onKeyDown={noEnterSubmit}
          layout="inline"
          onFinish={async () => {
            const r = await record({
              input: { reserveId: entry.code, on: day(on), audience: audience.trim(), outline: outline.trim() || null },
            });
            if (!r.error) {
              setAudience('');
              setOutline('');
              onChanged();
            }
          }}
        >
          <DateItem label={t('duty.on')} value={on} onChange={setOn} />
          <TextItem
            label={t('duty.audience')}
            placeholder={t('duty.audienceHint')}
            value={audience}
            maxLength={200}
            onChange={setAudience}
          />
          <TextItem label={t('duty.outline')} value={outline} maxLength={2000} onChange={setOutline} />
          <Button htmlType="submit" disabled={!audience.trim()} loading={state.fetching}>
            {t('duty.add')}
          </Button>
        </Form>
      )}
      {(state.error || strikeState.error) && (
        <Alert type="error" showIcon title={errorText((state.error ?? strikeState.error)!)} />
      )}
    </Space>
  );
}
