// 选拔程序: the entry's selection procedure on its page — where it stands, what stops its next
// step today (`blockers`), and its records: recommendation rounds, scores, inspections, notice
// windows with objections, promotion and elimination decisions. Each section offers its forms
// to an account that keeps the pool; after a change the procedure is read again from the server
// (through Graphcache, so the drawer's own fields — status, history — follow).
import { Alert, Button, Card, Empty, Space, Steps, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { PROCEDURE, PROCEDURE_POLICY } from '../../api/procedure.ts';
import { errorText, QueryState } from '../QueryState.tsx';
import { Inspections } from './Inspections.tsx';
import { Notices } from './Notices.tsx';
import { Outcome } from './Outcome.tsx';
import { Recommendation } from './Recommendation.tsx';
import { Scores } from './Scores.tsx';
import { type Entry, noticeWindows, procedurePolicy, type Reread } from './shared.ts';

type Status = Entry['status'];
const STAGES = ['NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE'] as const;

/** What stops each next step today, or that nothing does. */
export function Blockers({
  entry,
}: {
  entry: Pick<Entry, 'blockers' | 'nextStatuses' | 'status' | 'code'> & { unit: { code: string } };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The steps along the procedure (not a rejection, nor the way back to inspection).
  const stage = (s: Status) => STAGES.indexOf(s as (typeof STAGES)[number]);
  const forward = entry.nextStatuses.filter((s) => stage(s) > stage(entry.status));
  if (forward.length === 0) return null;
  const blocked = new Map(entry.blockers.map((b) => [b.to, b]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="procedure-blockers">
      {forward.map((to) => {
        const b = blocked.get(to);
        const status = t(`enum.ReserveStatus.${to}`);
        return b ? (
          <Alert
            key={to}
            type="warning"
            showIcon
            title={t('procedure.blockedTo', { status, gate: t(`enum.ProcedureGate.${b.gate}`) })}
            description={<span title={b.message}>{t(`procedure.gateHint.${b.gate}`)}</span>}
            action={
              b.gate === 'APPROVAL_PENDING' || b.gate === 'APPROVAL_RETURNED' ? (
                <Button size="small" onClick={() => navigate('/filings?view=outbox')}>
                  {t('procedure.toFilings')}
                </Button>
              ) : b.gate === 'DECISION_MISSING' || b.gate === 'DECISION_REJECTED' ? (
                <Button
                  size="small"
                  onClick={() =>
                    navigate(`/meetings?${new URLSearchParams({ unit: entry.unit.code, entry: entry.code })}`)
                  }
                >
                  {t('procedure.toMeetings')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Alert key={to} type="success" showIcon title={t('procedure.readyTo', { status })} />
        );
      })}
    </Space>
  );
}

export function Procedure({
  id,
  status,
  onChanged,
}: {
  id: string;
  /** The entry's status as the drawer knows it: a step taken there reads the procedure again. */
  status: Status;
  onChanged?: (status: Status) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROCEDURE, variables: { id } });
  const entry = data?.reserve;
  const [policyResult] = useQuery({
    query: PROCEDURE_POLICY,
    variables: { unitKind: entry?.unit.kind ?? null },
    pause: !entry,
  });
  const policy = policyResult.data ? procedurePolicy(policyResult.data.policy.document) : null;
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new status (a step taken in the drawer) is the reason to read again
  useEffect(() => {
    if (first.current) first.current = false;
    else refetch({ requestPolicy: 'network-only' });
  }, [status]);

  const changed = async () => {
    const r = await client.query(PROCEDURE, { id }, { requestPolicy: 'network-only' }).toPromise();
    const fresh = r.data?.reserve ?? null;
    if (fresh) onChanged?.(fresh.status);
    return fresh;
  };

  return (
    <QueryState fetching={fetching && !data} error={error} empty={!fetching && !!data && !entry}>
      {entry && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="procedure">
          <Steps
            size="small"
            current={STAGES.indexOf(entry.status as (typeof STAGES)[number])}
            status={entry.status === 'REJECTED' ? 'error' : undefined}
            items={STAGES.map((s) => ({ title: t(`enum.ReserveStatus.${s}`) }))}
          />
          {!STAGES.includes(entry.status as (typeof STAGES)[number]) && (
            <Typography.Text>
              {t('procedure.closedStatus')} <Tag>{t(`enum.ReserveStatus.${entry.status}`)}</Tag>
            </Typography.Text>
          )}
          <Blockers entry={entry} />
          {policyResult.error && <Alert type="error" showIcon title={errorText(policyResult.error)} />}
          <Sections entry={entry} policy={policy} onChanged={changed} />
        </Space>
      )}
    </QueryState>
  );
}

function Sections({
  entry,
  policy,
  onChanged,
}: {
  entry: Entry;
  policy: ReturnType<typeof procedurePolicy> | null;
  onChanged: Reread;
}) {
  const { t } = useTranslation();
  const s = entry.status;
  const shown = {
    recommendation: entry.recommendationRounds.length > 0 || s === 'NOMINATED',
    scores: !!entry.scoreSheet || s === 'NOMINATED' || s === 'INSPECTING',
    inspections: entry.inspections.length > 0 || s === 'INSPECTING',
    notices: noticeWindows(entry, policy).length > 0 || s === 'PUBLICIZING',
    outcome: s === 'ACTIVE' || entry.eliminationDecisions.length > 0,
  };
  if (!Object.values(shown).some(Boolean)) return <Empty description={t('procedure.noRecords')} />;
  return (
    <>
      {shown.recommendation && (
        <Card size="small" title={t('procedure.recommendation')} type="inner">
          <Recommendation entry={entry} policy={policy} onChanged={onChanged} />
        </Card>
      )}
      {shown.scores && (
        <Card size="small" title={t('procedure.scores')} type="inner">
          <Scores entry={entry} policy={policy} onChanged={onChanged} />
        </Card>
      )}
      {shown.inspections && (
        <Card size="small" title={t('procedure.inspections')} type="inner">
          <Inspections entry={entry} onChanged={onChanged} />
        </Card>
      )}
      {shown.notices && (
        <Card size="small" title={t('procedure.notices')} type="inner">
          <Notices entry={entry} policy={policy} onChanged={onChanged} />
        </Card>
      )}
      {shown.outcome && <Outcome entry={entry} onChanged={onChanged} />}
    </>
  );
}
