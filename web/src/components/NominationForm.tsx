// The nomination form: who, for which unit's team and post, from what source; "check" asks the
// server which eligibility rules would fail, and a nomination that fails any needs an exception
// with a reason and an approver (recorded with the entry).
import { Alert, Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { DIRECTIONS, POSITION_KINDS, RANKS, SOURCES, TIERS } from '../api/enums.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { ELIGIBILITY, NOMINATE } from '../api/operations.ts';
import { noEnterSubmit } from './confirm.tsx';
import { PersonPicker, UnitPicker } from './pickers.tsx';
import { errorText } from './QueryState.tsx';

type Nomination = VariablesOf<typeof NOMINATE>['input'];
type Failed = ResultOf<typeof ELIGIBILITY>['eligibility'];

export function NominationForm({ onNominated }: { onNominated: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm();
  const [failed, setFailed] = useState<Failed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, nominate] = useMutation(NOMINATE);
  const input = (): Nomination => {
    const v = form.getFieldsValue();
    return {
      personId: String(v.personId ?? '').trim(),
      unitCode: String(v.unitCode ?? '').trim(),
      targetKind: v.targetKind,
      targetRank: v.targetRank,
      tier: v.tier,
      direction: v.direction,
      source: v.source,
      on: (v.on ?? dayjs()).format('YYYY-MM-DD'),
      ...(v.reason?.trim() || v.approver?.trim()
        ? { exception: { reason: v.reason ?? '', approver: v.approver ?? '' } }
        : {}),
    };
  };
  const check = async () => {
    await form.validateFields();
    setError(null);
    const { exception: _, ...rest } = input();
    const r = await client.query(ELIGIBILITY, { input: rest }, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) setError(errorText(r.error));
    else setFailed(r.data!.eligibility);
  };
  const submit = async () => {
    await form.validateFields();
    setError(null);
    const r = await nominate({ input: input() });
    if (r.error) setError(errorText(r.error));
    else if (r.data) onNominated(r.data.nominateReserve.id);
  };
  const select = (name: string, values: readonly string[], prefix: string, initial?: string) => (
    <Form.Item name={name} label={t(`nominate.${name}`)} rules={[{ required: true }]} initialValue={initial}>
      <Select
        aria-label={t(`nominate.${name}`)}
        style={{ width: 180 }}
        options={values.map((v) => ({ value: v, label: t(`enum.${prefix}.${v}`) }))}
      />
    </Form.Item>
  );
  return (
    <Form onKeyDown={noEnterSubmit} form={form} layout="vertical" onValuesChange={() => setFailed(null)}>
      <Space wrap align="start">
        <Form.Item name="personId" label={t('nominate.personId')} rules={[{ required: true }]}>
          <PersonPicker aria-label={t('nominate.personId')} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('nominate.unitCode')} rules={[{ required: true }]}>
          <UnitPicker aria-label={t('nominate.unitCode')} />
        </Form.Item>
        {select('targetKind', POSITION_KINDS, 'PositionKind', 'DEPUTY')}
        {select('targetRank', RANKS, 'Rank')}
        {select('tier', TIERS, 'Tier', 'LONG_TERM')}
        {select('direction', DIRECTIONS, 'Direction', 'ECONOMY')}
        {select('source', SOURCES, 'Source', 'ORG_NOMINATION')}
        <Form.Item name="on" label={t('nominate.on')} initialValue={dayjs()}>
          <DatePicker aria-label={t('nominate.on')} allowClear={false} />
        </Form.Item>
      </Space>
      <Space>
        <Button onClick={check}>{t('nominate.check')}</Button>
      </Space>
      {failed && failed.length === 0 && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('nominate.eligible')} />
      )}
      {failed && failed.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('nominate.ineligible', { count: failed.length })}
          description={
            <Space orientation="vertical">
              {failed.map((f) => (
                <span key={f.rule}>
                  <Tag color="orange">{t(`enum.EligibilityRule.${f.rule}`)}</Tag>
                  {f.message}
                </span>
              ))}
              <span>{t('nominate.exceptionHint')}</span>
              <Space wrap>
                <Form.Item name="reason" label={t('nominate.reason')}>
                  <Input aria-label={t('nominate.reason')} maxLength={500} style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name="approver" label={t('nominate.approver')}>
                  <Input aria-label={t('nominate.approver')} maxLength={100} style={{ width: 180 }} />
                </Form.Item>
              </Space>
            </Space>
          }
        />
      )}
      {failed && (
        <Button type="primary" style={{ marginTop: 12 }} loading={state.fetching} onClick={submit}>
          {t('nominate.submit')}
        </Button>
      )}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Form>
  );
}
