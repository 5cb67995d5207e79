// The person's 干部任免审批表 record on the entry's page: the form's words (籍贯 … 专业技术职务,
// education with schools, 现任职务), the 简历 line by line, 奖惩 and 年度考核 as written; for the
// roles that keep the pool, the identity number, photo and family shown only when asked (each
// read is audited), and the form as an .lrmx file.
import { Alert, Button, DatePicker, Descriptions, Empty, Form, Image, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { downloadBase64 } from '../api/files.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { EDIT_PERSON_PROFILE, EXPORT_LRMX, PERSON_FORM, PERSON_PRIVATE } from '../api/operations.ts';
import { useCan } from '../viewer.ts';
import { noEnterSubmit, useDirty } from './confirm.tsx';
import { DocumentButtons } from './DocumentButtons.tsx';
import { errorText, QueryState } from './QueryState.tsx';

type Private = NonNullable<Extract<ResultOf<typeof PERSON_PRIVATE>['node'], { code: string }>>;

const dash = (x: string | null | undefined) => (x == null || x === '' ? '—' : x);
const month = (m: string | null) => (m ? m.replace('-', '.') : '');

/**
 * The fields the page corrects (the ones the rules read come with the form itself): the text
 * fields of the API's PersonProfileEdit input, which the server defines — the compiler holds the
 * two lists equal (a field added there and not here, or the reverse, fails `tsc -p web`).
 */
type TextField = Exclude<keyof VariablesOf<typeof EDIT_PERSON_PROFILE>['input'], 'currentPostSince'>;
const EDITABLE = [
  'nativePlace',
  'birthPlace',
  'health',
  'professionalTitle',
  'specialty',
  'fullTimeSchool',
  'inServiceSchool',
  'currentPost',
  'assessmentText',
] as const satisfies readonly TextField[];
type Editable = (typeof EDITABLE)[number];
const everyField: Exclude<TextField, Editable> extends never ? true : never = true;
void everyField;

function ProfileEditor({
  personCode,
  values,
  onSaved,
  onCancel,
}: {
  personCode: string;
  values: Partial<Record<Editable, string | null>> & { currentPostSince?: string | null };
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [state, edit] = useMutation(EDIT_PERSON_PROFILE);
  const [dirty, setDirty] = useState(false);
  useDirty('profile', dirty);
  const save = async () => {
    const v = form.getFieldsValue();
    const input = {
      ...Object.fromEntries(EDITABLE.map((f) => [f, (v[f] as string | undefined) ?? ''])),
      currentPostSince: v.currentPostSince ? (v.currentPostSince as dayjs.Dayjs).format('YYYY-MM-DD') : null,
    };
    const r = await edit({ personId: personCode, input });
    if (!r.error) {
      setDirty(false);
      onSaved();
    }
  };
  const labels: Record<Editable, string> = {
    nativePlace: t('form.nativePlace'),
    birthPlace: t('form.birthPlace'),
    health: t('form.health'),
    professionalTitle: t('form.professionalTitle'),
    specialty: t('form.specialty'),
    fullTimeSchool: `${t('form.fullTime')} · ${t('form.school')}`,
    inServiceSchool: `${t('form.inService')} · ${t('form.school')}`,
    currentPost: t('form.currentPost'),
    assessmentText: t('form.assessments'),
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        ...Object.fromEntries(EDITABLE.map((f) => [f, values[f] ?? ''])),
        currentPostSince: values.currentPostSince ? dayjs(values.currentPostSince) : null,
      }}
      onValuesChange={() => setDirty(true)}
      onKeyDown={noEnterSubmit}
    >
      {EDITABLE.map((f) => (
        <Form.Item key={f} name={f} label={labels[f]}>
          {f === 'specialty' || f === 'assessmentText' ? (
            <Input.TextArea rows={2} maxLength={2000} />
          ) : (
            <Input maxLength={200} />
          )}
        </Form.Item>
      ))}
      <Form.Item name="currentPostSince" label={t('form.currentPostSince')}>
        <DatePicker />
      </Form.Item>
      {state.error && <Alert type="error" showIcon title={errorText(state.error)} style={{ marginBottom: 8 }} />}
      <Space>
        <Button type="primary" onClick={save} loading={state.fetching} disabled={!dirty}>
          {t('form.save')}
        </Button>
        <Button onClick={onCancel}>{t('confirm.cancel')}</Button>
        {!dirty && <Typography.Text type="secondary">{t('form.nothingChanged')}</Typography.Text>}
      </Space>
    </Form>
  );
}

export function PersonForm({ personCode }: { personCode: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const personal = useCan('READ_PERSONAL');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PERSON_FORM,
    variables: { id: `Person:${personCode}` },
  });
  const keeps = useCan('KEEP_RESERVES');
  const [editing, setEditing] = useState(false);
  const [privateData, setPrivate] = useState<Private | null>(null);
  const [privateError, setPrivateError] = useState<string | null>(null);
  const [, exportLrmx] = useMutation(EXPORT_LRMX);
  const [exporting, setExporting] = useState(false);
  const node = data?.node && 'code' in data.node ? data.node : null;
  const p = node?.profile ?? null;
  const reveal = async () => {
    const r = await client
      .query(PERSON_PRIVATE, { id: `Person:${personCode}` }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error) setPrivateError(errorText(r.error));
    else if (r.data?.node && 'code' in r.data.node) setPrivate(r.data.node);
  };
  const exportFile = async () => {
    setExporting(true);
    try {
      const r = await exportLrmx({ personIds: [personCode] });
      if (r.error) setPrivateError(errorText(r.error));
      for (const f of r.data?.exportLrmx ?? []) downloadBase64(f.fileName, f.base64, 'application/xml');
    } finally {
      setExporting(false);
    }
  };
  const education = (
    words: string | null | undefined,
    degree: string | null | undefined,
    school: string | null | undefined,
  ) => [words, degree].filter(Boolean).join(' ') + (school ? `（${school}）` : '') || '—';
  return (
    <QueryState fetching={fetching && !data} error={error}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {personal && (
          <Space wrap>
            <Button onClick={exportFile} loading={exporting}>
              {t('lrmx.exportOne')}
            </Button>
            <DocumentButtons
              kind="APPOINTMENT_FORM"
              codes={[personCode]}
              printLabel={t('form.print')}
              wordLabel={t('form.word')}
            />
            {!privateData && <Button onClick={reveal}>{t('lrmx.reveal')}</Button>}
            <Typography.Text type="secondary">{t('lrmx.audited')}</Typography.Text>
          </Space>
        )}
        {privateError && <Alert type="error" showIcon title={privateError} />}
        {keeps && !editing && (
          <Button onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
            {t('form.edit')}
          </Button>
        )}
        {editing && (
          <ProfileEditor
            personCode={personCode}
            values={p ?? {}}
            onSaved={() => {
              setEditing(false);
              refetch({ requestPolicy: 'network-only' });
            }}
            onCancel={() => setEditing(false)}
          />
        )}
        {!p && !node?.resume.length ? <Alert type="info" showIcon title={t('lrmx.noForm')} /> : null}
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('form.nativePlace')}>{dash(p?.nativePlace)}</Descriptions.Item>
          <Descriptions.Item label={t('form.birthPlace')}>{dash(p?.birthPlace)}</Descriptions.Item>
          <Descriptions.Item label={t('form.partyJoined')}>
            {dash(p?.partyJoined && month(p.partyJoined))}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.health')}>{dash(p?.health)}</Descriptions.Item>
          <Descriptions.Item label={t('form.professionalTitle')}>{dash(p?.professionalTitle)}</Descriptions.Item>
          <Descriptions.Item label={t('form.specialty')}>{dash(p?.specialty)}</Descriptions.Item>
          <Descriptions.Item label={t('form.fullTime')} span={2}>
            {education(p?.fullTimeEducation, p?.fullTimeDegree, p?.fullTimeSchool)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.inService')} span={2}>
            {education(p?.inServiceEducation, p?.inServiceDegree, p?.inServiceSchool)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.currentPost')} span={2}>
            {dash(p?.currentPost)}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.rewards')} span={2}>
            {node?.rewardsAndPenalties.length ? node.rewardsAndPenalties.join('；') : t('form.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.assessments')} span={2}>
            {dash(p?.assessmentText)}
          </Descriptions.Item>
          {privateData && (
            <>
              <Descriptions.Item label={t('form.idNumber')}>{dash(privateData.identity?.idNumber)}</Descriptions.Item>
              <Descriptions.Item label={t('form.photo')}>
                {privateData.identity?.photo ? (
                  <Image src={privateData.identity.photo} width={90} alt={t('form.photo')} />
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
        <Typography.Title level={5}>{t('form.resume')}</Typography.Title>
        {node?.resume.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={node.resume}
            columns={[
              {
                title: t('form.period'),
                width: 160,
                render: (_, l) => (l.start ? `${month(l.start)}—${month(l.end)}` : ''),
              },
              { title: t('form.what'), dataIndex: 'text' },
            ]}
          />
        ) : (
          <Empty description={t('common.empty')} />
        )}
        {privateData && (
          <>
            <Typography.Title level={5}>{t('form.family')}</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={privateData.family}
              columns={[
                { title: t('form.relation'), dataIndex: 'relation' },
                { title: t('roster.name'), dataIndex: 'name' },
                { title: t('form.born'), dataIndex: 'birthMonth', render: (m: string | null) => dash(month(m)) },
                { title: t('roster.political'), dataIndex: 'politicalStatus', render: dash },
                { title: t('form.workplace'), dataIndex: 'workplace', render: dash },
              ]}
            />
          </>
        )}
      </Space>
    </QueryState>
  );
}
