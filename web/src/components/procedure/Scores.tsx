// 选拔评分: the score sheet under the policy's rounds (weights, pass marks, parts), the final
// score and the rank within the selection, the round the candidate was eliminated in; a form
// records (or corrects) one round's or part's score while the entry is nominated or inspected.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { RECORD_SCORE } from '../../api/procedure.ts';
import { useCan } from '../../viewer.ts';
import { noEnterSubmit } from '../confirm.tsx';
import { errorText } from '../QueryState.tsx';
import { type Entry, iso, keyLabel, num, outsideProcedure, type ProcedurePolicy, pct } from './shared.ts';

type Sheet = NonNullable<Entry['scoreSheet']>;
type RoundRow = Sheet['rounds'][number];

/** A round's score: the parts' scores when it has parts, the round's, and passed or not. */
export function ScoreTable({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="round"
      dataSource={sheet.rounds}
      columns={[
        { title: t('procedure.scoreRound'), dataIndex: 'round', render: (r: string) => keyLabel(t, 'round', r) },
        { title: t('procedure.weight'), dataIndex: 'weight', align: 'right', render: (w: number) => pct(w) },
        { title: t('procedure.passMark'), dataIndex: 'passMark', align: 'right' },
        {
          title: t('procedure.parts'),
          key: 'parts',
          render: (_: unknown, r: RoundRow) =>
            r.parts.length === 0
              ? '—'
              : r.parts.map((p) => (
                  <div key={p.part}>
                    {t('procedure.partScore', {
                      part: keyLabel(t, 'part', p.part),
                      score: p.score == null ? t('procedure.notScored') : num(p.score),
                    })}
                  </div>
                )),
        },
        { title: t('procedure.score'), dataIndex: 'score', align: 'right', render: num },
        {
          title: t('procedure.result'),
          dataIndex: 'passed',
          render: (passed: boolean | null) =>
            passed == null ? (
              <Tag>{t('procedure.pending')}</Tag>
            ) : passed ? (
              <Tag color="green">{t('procedure.passed')}</Tag>
            ) : (
              <Tag color="red">{t('procedure.belowPassMark')}</Tag>
            ),
        },
      ]}
    />
  );
}

function ScoreForm({ entry, policy, onChanged }: { entry: Entry; policy: ProcedurePolicy; onChanged: () => void }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(policy.rounds[0]?.key);
  const parts = policy.rounds.find((r) => r.key === round)?.parts ?? [];
  const [part, setPart] = useState<string | undefined>(undefined);
  const [score, setScore] = useState<number | null>(null);
  const [on, setOn] = useState(dayjs());
  const [state, record] = useMutation(RECORD_SCORE);
  const partNeeded = parts.length > 0;
  const submit = async () => {
    if (!round || score == null) return;
    const r = await record({
      input: { reserveId: entry.code, round, ...(partNeeded && part ? { part } : {}), score, on: iso(on) },
    });
    if (!r.error) {
      setScore(null);
      onChanged();
    }
  };
  return (
    <Card size="small" title={t('procedure.recordScore')}>
      <Form onKeyDown={noEnterSubmit} layout="inline" style={{ rowGap: 8 }} onFinish={submit}>
        <Form.Item label={t('procedure.scoreRound')}>
          <Select
            aria-label={t('procedure.scoreRound')}
            style={{ width: 130 }}
            value={round}
            onChange={(v) => {
              setRound(v);
              setPart(undefined);
            }}
            options={policy.rounds.map((r) => ({ value: r.key, label: keyLabel(t, 'round', r.key) }))}
          />
        </Form.Item>
        {partNeeded && (
          <Form.Item label={t('procedure.part')}>
            <Select
              aria-label={t('procedure.part')}
              style={{ width: 150 }}
              value={part}
              onChange={setPart}
              options={parts.map((p) => ({
                value: p.key,
                label: t('procedure.partWeight', { part: keyLabel(t, 'part', p.key), weight: pct(p.weight) }),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('procedure.score')}>
          <InputNumber aria-label={t('procedure.score')} min={0} max={1000} value={score} onChange={setScore} />
        </Form.Item>
        <Form.Item label={t('procedure.scoredOn')}>
          <DatePicker
            aria-label={t('procedure.scoredOn')}
            allowClear={false}
            value={on}
            disabledDate={outsideProcedure(entry.nominatedOn)}
            onChange={(d) => d && setOn(d)}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          disabled={score == null || (partNeeded && !part)}
          loading={state.fetching}
        >
          {t('procedure.saveScore')}
        </Button>
        {(score == null || (partNeeded && !part)) && (
          <Typography.Text type="secondary">
            {t(score == null ? 'procedure.scoreFirst' : 'procedure.partFirst')}
          </Typography.Text>
        )}
      </Form>
      {state.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(state.error)} />}
    </Card>
  );
}

export function Scores({
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
  const sheet = entry.scoreSheet;
  const open = entry.status === 'NOMINATED' || entry.status === 'INSPECTING';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!sheet && <Typography.Text type="secondary">{t('procedure.noScores')}</Typography.Text>}
      {sheet && (
        <>
          <ScoreTable sheet={sheet} />
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('procedure.finalScore')}>{num(sheet.finalScore)}</Descriptions.Item>
            <Descriptions.Item label={t('procedure.rank')}>
              {sheet.rank == null ? '—' : t('procedure.rankOf', { rank: sheet.rank, cohort: sheet.cohort })}
            </Descriptions.Item>
            <Descriptions.Item label={t('procedure.eliminated')}>
              {sheet.eliminatedIn ? (
                <Tag color="red">
                  {t('procedure.eliminatedIn', { round: keyLabel(t, 'round', sheet.eliminatedIn) })}
                </Tag>
              ) : (
                t('roster.no')
              )}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      {keeps && open && policy && policy.rounds.length > 0 && (
        <ScoreForm entry={entry} policy={policy} onChanged={onChanged} />
      )}
    </Space>
  );
}
