// 干部任免审批表 files in (several at once): the unit they go to, the files, a preview of what would
// happen to whom (created, updated, unchanged) — then, confirmed, all of them or none. A refusal
// names the file and the element, and nothing is changed.
import { Alert, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { base64Of } from '../api/files.ts';
import type { ResultOf } from '../api/graphql.ts';
import { IMPORT_LRMX } from '../api/operations.ts';
import { useConfirm } from './confirm.tsx';
import { Elapsed } from './Elapsed.tsx';
import { UnitPicker } from './pickers.tsx';
import { errorText } from './QueryState.tsx';

type Result = ResultOf<typeof IMPORT_LRMX>['importLrmx'];
type Outcome = 'created' | 'updated' | 'unchanged';
const OUTCOME_COLOR: Record<Outcome, string> = { created: 'green', updated: 'blue', unchanged: 'default' };

export function LrmxImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [, importLrmx] = useMutation(IMPORT_LRMX);
  const confirm = useConfirm();
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!unitCode || files.length === 0) return null;
    setBusy(true);
    setFailure(null);
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await base64Of(f) })));
      const r = await importLrmx({ unitCode, files: payload, dryRun });
      if (r.error) {
        setFailure(errorText(r.error));
        return null;
      }
      return r.data?.importLrmx ?? null;
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setDone(null);
    setPreview(await send(true));
  };
  const commit = async () => {
    if (!preview) return;
    const ok = await confirm({
      subject: t('lrmx.confirmSubject', { count: files.length }),
      action: t('lrmx.import'),
      facts: [
        [t('lrmx.unit'), unitCode ?? ''],
        [t('lrmx.outcome.created'), preview.created.map((c) => c.name).join('、') || '—'],
        [t('lrmx.outcome.updated'), preview.updated.map((c) => c.name).join('、') || '—'],
        [t('lrmx.outcome.unchanged'), String(preview.unchanged.length)],
      ],
    });
    if (!ok) return;
    const result = await send(false);
    if (result) {
      setDone(result);
      setPreview(null);
      setFiles([]);
      onImported();
    }
  };
  const rows = (r: Result) =>
    (['created', 'updated', 'unchanged'] as const).flatMap((outcome) => r[outcome].map((x) => ({ ...x, outcome })));
  const shown = done ?? preview;
  const disabledReason = !unitCode ? t('lrmx.pickUnit') : files.length === 0 ? t('lrmx.pickFiles') : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('lrmx.intro')} />
      <UnitPicker
        value={unitCode}
        onChange={(v) => {
          setUnitCode(v);
          setPreview(null);
        }}
        aria-label={t('lrmx.unit')}
      />
      <Upload
        accept=".lrmx,application/xml,text/xml"
        multiple
        fileList={files.map((f) => ({
          uid: `${f.name}-${f.size}-${f.lastModified}`,
          name: f.name,
          status: 'done' as const,
        }))}
        onRemove={(item) => {
          setFiles((fs) => fs.filter((f) => `${f.name}-${f.size}-${f.lastModified}` !== item.uid));
          setPreview(null);
        }}
        beforeUpload={(file) => {
          setFiles((fs) => [...fs, file]);
          setPreview(null);
          setDone(null);
          return false;
        }}
      >
        <Button>{t('lrmx.chooseFiles')}</Button>
      </Upload>
      <Space wrap>
        <Button onClick={check} loading={busy && !preview} disabled={disabledReason !== null}>
          {t('lrmx.preview')}
        </Button>
        <Button type="primary" onClick={commit} loading={busy && !!preview} disabled={!preview}>
          {t('lrmx.import')}
        </Button>
        {busy && <Elapsed what={t('progress.lrmx', { count: files.length })} />}
        {disabledReason && <Typography.Text type="secondary">{disabledReason}</Typography.Text>}
      </Space>
      {failure && <Alert type="error" showIcon title={t('lrmx.refused')} description={failure} />}
      {done && (
        <Alert
          type="success"
          showIcon
          title={t('lrmx.done', {
            created: done.created.length,
            updated: done.updated.length,
            unchanged: done.unchanged.length,
          })}
        />
      )}
      {shown && (
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r.file}
          dataSource={rows(shown)}
          columns={[
            { title: t('lrmx.file'), dataIndex: 'file' },
            { title: t('roster.name'), dataIndex: 'name' },
            { title: t('roster.code'), dataIndex: 'personId' },
            {
              title: preview ? t('lrmx.wouldBe') : t('lrmx.result'),
              dataIndex: 'outcome',
              render: (o: Outcome) => <Tag color={OUTCOME_COLOR[o]}>{t(`lrmx.outcome.${o}`)}</Tag>,
            },
          ]}
        />
      )}
    </Space>
  );
}
