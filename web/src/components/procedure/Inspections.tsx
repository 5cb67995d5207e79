// 考察: the inspections of an entry (inspectors, people interviewed, dates, conclusion, verdict);
// while the entry is being inspected, a form records one, and an open one is concluded or a
// recorded one corrected with the same form (the audit keeps the earlier values).
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CORRECT_INSPECTION, RECORD_INSPECTION } from '../../api/procedure.ts';
import { useCan } from '../../viewer.ts';
import { noEnterSubmit, useDirty } from '../confirm.tsx';
import { errorText } from '../QueryState.tsx';
import { dash, type Entry, iso, nowrap, outsideProcedure, VERDICTS } from './shared.ts';

type Inspection = Entry['inspections'][number];
type Verdict = (typeof VERDICTS)[number];

interface Values {
  startedOn: Dayjs;
  concludedOn: Dayjs | null;
  inspectors: string[];
  interviews: number | null;
  conclusion: string;
  verdict: Verdict | null;
  /** 民主测评: 优秀, 称职, 基本称职, 不称职 (all null: not held). */
  evaluation: [number | null, number | null, number | null, number | null];
  disciplineOpinion: string;
  disciplineOpinionOn: Dayjs | null;
}

const GRADES = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;

export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const { t } = useTranslation();
  if (!verdict) return <Tag>{t('procedure.inProgress')}</Tag>;
  return <Tag color={verdict === 'FIT' ? 'green' : 'red'}>{t(`enum.InspectionVerdict.${verdict}`)}</Tag>;
}

function InspectionForm({ entry, editing, onDone }: { entry: Entry; editing: Inspection | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(() =>
    editing
      ? {
          startedOn: dayjs(editing.startedOn),
          concludedOn: editing.concludedOn ? dayjs(editing.concludedOn) : null,
          inspectors: editing.inspectors,
          interviews: editing.interviews,
          conclusion: editing.conclusion ?? '',
          verdict: editing.verdict ?? null,
          evaluation: editing.evaluation
            ? (GRADES.map((g) => editing.evaluation![g]) as Values['evaluation'])
            : [null, null, null, null],
          disciplineOpinion: editing.disciplineOpinion ?? '',
          disciplineOpinionOn: editing.disciplineOpinionOn ? dayjs(editing.disciplineOpinionOn) : null,
        }
      : {
          startedOn: dayjs(),
          concludedOn: null,
          inspectors: [],
          interviews: null,
          conclusion: '',
          verdict: null,
          evaluation: [null, null, null, null],
          disciplineOpinion: '',
          disciplineOpinionOn: null,
        },
  );
  const set = (changes: Partial<Values>) => setV((prev) => ({ ...prev, ...changes }));
  useDirty(
    `inspection:${editing?.id ?? 'new'}`,
    !editing && (v.inspectors.length > 0 || v.interviews != null || v.conclusion.trim() !== '' || v.verdict !== null),
  );
  const [recordState, record] = useMutation(RECORD_INSPECTION);
  const [correctState, correct] = useMutation(CORRECT_INSPECTION);
  const error = editing ? correctState.error : recordState.error;
  const disabled = outsideProcedure(entry.nominatedOn);
  const submit = async () => {
    const fields = {
      startedOn: iso(v.startedOn),
      ...(v.concludedOn ? { concludedOn: iso(v.concludedOn) } : {}),
      inspectors: v.inspectors.map((s) => s.trim()).filter(Boolean),
      interviews: v.interviews ?? 0,
      ...(v.conclusion.trim() ? { conclusion: v.conclusion.trim() } : {}),
      ...(v.verdict ? { verdict: v.verdict } : {}),
      ...(v.evaluation.some((n) => n !== null)
        ? {
            evaluation: Object.fromEntries(GRADES.map((g, i) => [g, v.evaluation[i] ?? 0])) as Record<
              (typeof GRADES)[number],
              number
            >,
          }
        : {}),
      ...(v.disciplineOpinion.trim()
        ? {
            disciplineOpinion: v.disciplineOpinion.trim(),
            ...(v.disciplineOpinionOn ? { disciplineOpinionOn: iso(v.disciplineOpinionOn) } : {}),
          }
        : editing?.disciplineOpinion
          ? { disciplineOpinion: null, disciplineOpinionOn: null }
          : {}),
    };
    const r = editing
      ? await correct({ input: { inspectionId: editing.id, ...fields } })
      : await record({ input: { reserveId: entry.code, ...fields } });
    if (!r.error) onDone();
  };
  return (
    <Card size="small" title={t(editing ? 'procedure.correctInspection' : 'procedure.recordInspection')}>
      <Form onKeyDown={noEnterSubmit} layout="vertical" onFinish={submit}>
        <Space wrap align="start">
          <Form.Item label={t('procedure.startedOn')}>
            <DatePicker
              aria-label={t('procedure.startedOn')}
              allowClear={false}
              value={v.startedOn}
              disabledDate={disabled}
              onChange={(d) => d && set({ startedOn: d })}
            />
          </Form.Item>
          <Form.Item label={t('procedure.concludedOn')}>
            <DatePicker
              aria-label={t('procedure.concludedOn')}
              value={v.concludedOn}
              disabledDate={disabled}
              onChange={(d) => set({ concludedOn: d })}
            />
          </Form.Item>
          <Form.Item label={t('procedure.interviews')}>
            <InputNumber
              aria-label={t('procedure.interviews')}
              min={0}
              max={100_000}
              precision={0}
              value={v.interviews}
              onChange={(n) => set({ interviews: n })}
            />
          </Form.Item>
          <Form.Item label={t('procedure.verdict')}>
            <Select
              aria-label={t('procedure.verdict')}
              style={{ width: 120 }}
              allowClear
              value={v.verdict}
              onChange={(x) => set({ verdict: x ?? null })}
              options={VERDICTS.map((x) => ({ value: x, label: t(`enum.InspectionVerdict.${x}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('procedure.inspectors')} extra={t('procedure.inspectorsHint')}>
          <Select
            aria-label={t('procedure.inspectors')}
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            value={v.inspectors}
            onChange={(x) => set({ inspectors: x })}
          />
        </Form.Item>
        <Form.Item label={t('procedure.conclusion')}>
          <Input.TextArea
            aria-label={t('procedure.conclusion')}
            rows={2}
            maxLength={4000}
            value={v.conclusion}
            onChange={(e) => set({ conclusion: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('procedure.evaluation')} extra={t('procedure.evaluationHint')}>
          <Space wrap>
            {GRADES.map((g, i) => (
              <InputNumber
                key={g}
                aria-label={t(`procedure.grade.${g}`)}
                addonBefore={t(`procedure.grade.${g}`)}
                min={0}
                max={100000}
                precision={0}
                value={v.evaluation[i]}
                onChange={(n) => {
                  const next = [...v.evaluation] as Values['evaluation'];
                  next[i] = n;
                  set({ evaluation: next });
                }}
                style={{ width: 150 }}
              />
            ))}
          </Space>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('procedure.disciplineOpinion')} extra={t('procedure.disciplineOpinionHint')}>
            <Input.TextArea
              aria-label={t('procedure.disciplineOpinion')}
              rows={2}
              maxLength={1000}
              style={{ width: 360 }}
              value={v.disciplineOpinion}
              onChange={(e) => set({ disciplineOpinion: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('procedure.disciplineOpinionOn')}>
            <DatePicker
              aria-label={t('procedure.disciplineOpinionOn')}
              value={v.disciplineOpinionOn}
              onChange={(d) => set({ disciplineOpinionOn: d })}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(v.startedOn, 'day')}
            />
          </Form.Item>
        </Space>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            disabled={v.inspectors.length === 0 || v.interviews == null}
            loading={recordState.fetching || correctState.fetching}
          >
            {t(editing ? 'procedure.saveCorrection' : 'procedure.saveInspection')}
          </Button>
          {(v.inspectors.length === 0 || v.interviews == null) && (
            <Typography.Text type="secondary">{t('procedure.inspectionIncomplete')}</Typography.Text>
          )}
        </Space>
      </Form>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(error)} />}
    </Card>
  );
}

export function Inspections({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const { t } = useTranslation();
  const keeps = useCan('KEEP_RESERVES');
  const [editing, setEditing] = useState<Inspection | null>(null);
  const open = entry.status === 'INSPECTING';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {entry.inspections.length === 0 ? (
        <Typography.Text type="secondary">{t('procedure.noInspections')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={entry.inspections}
          columns={[
            { title: t('procedure.startedOn'), dataIndex: 'startedOn', onCell: nowrap },
            { title: t('procedure.concludedOn'), dataIndex: 'concludedOn', render: dash, onCell: nowrap },
            { title: t('procedure.inspectors'), dataIndex: 'inspectors', render: (x: string[]) => x.join('、') },
            { title: t('procedure.interviews'), dataIndex: 'interviews', align: 'right' },
            { title: t('procedure.conclusion'), dataIndex: 'conclusion', render: dash },
            {
              title: t('procedure.evaluation'),
              key: 'evaluation',
              render: (_: unknown, i: Inspection) =>
                i.evaluation
                  ? t('procedure.evaluationText', {
                      excellent: i.evaluation.excellent,
                      competent: i.evaluation.competent,
                      basic: i.evaluation.basicallyCompetent,
                      incompetent: i.evaluation.incompetent,
                      share: `${(i.evaluation.incompetentShare * 100).toFixed(1)}%`,
                    })
                  : '—',
            },
            {
              title: t('procedure.disciplineOpinion'),
              key: 'discipline',
              render: (_: unknown, i: Inspection) =>
                i.disciplineOpinion ? `${i.disciplineOpinionOn}：${i.disciplineOpinion}` : '—',
            },
            {
              title: t('procedure.verdict'),
              dataIndex: 'verdict',
              render: (x: Verdict | null) => <VerdictTag verdict={x} />,
            },
            { title: t('procedure.recordedByCol'), dataIndex: 'recordedBy' },
            ...(keeps && open
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, i: Inspection) => (
                      <Button size="small" onClick={() => setEditing(i)}>
                        {t(i.concludedOn ? 'procedure.correct' : 'procedure.conclude')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {keeps && open && (
        <InspectionForm
          key={editing?.id ?? 'new'}
          entry={entry}
          editing={editing}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {keeps && open && editing && (
        <Button type="link" onClick={() => setEditing(null)}>
          {t('procedure.cancelCorrection')}
        </Button>
      )}
    </Space>
  );
}
