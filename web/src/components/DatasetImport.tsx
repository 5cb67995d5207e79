// Dataset import (all or nothing): the file is read with its progress shown, checked as JSON, then
// sent; the server's refusal lists every problem by record and field, and nothing is changed.
import { Alert, Button, Checkbox, Progress, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { IMPORT_DATASET } from '../api/operations.ts';
import { errorText } from './QueryState.tsx';

interface Issue {
  record: string;
  field?: string;
  message: string;
}
type Phase = 'idle' | 'reading' | 'sending' | 'done' | 'failed';

/** Reads a file as text, reporting the share read so far. */
function readText(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export function DatasetImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [, importDataset] = useMutation(IMPORT_DATASET);
  const [replace, setReplace] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [read, setRead] = useState(0);
  const [counts, setCounts] = useState<ResultOf<typeof IMPORT_DATASET>['importDataset'] | null>(null);
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] } | null>(null);

  const run = async (file: File) => {
    setCounts(null);
    setFailure(null);
    setRead(0);
    setPhase('reading');
    const text = await readText(file, setRead);
    try {
      JSON.parse(text);
    } catch (e) {
      setPhase('failed');
      setFailure({ message: t('roster.importNotJson', { message: (e as Error).message }), issues: [] });
      return;
    }
    setRead(1);
    setPhase('sending');
    const r = await importDataset({ input: { dataset: text, replace } });
    if (r.error) {
      const issues = (r.error.graphQLErrors[0]?.extensions?.issues as Issue[] | undefined) ?? [];
      setPhase('failed');
      setFailure({ message: errorText(r.error), issues });
    } else if (r.data) {
      setPhase('done');
      setCounts(r.data.importDataset);
      onImported();
    }
  };

  const percent = phase === 'reading' ? Math.round(read * 50) : phase === 'sending' ? 50 : phase === 'idle' ? 0 : 100;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void run(file);
            return false;
          }}
        >
          <Button loading={phase === 'reading' || phase === 'sending'}>{t('roster.importFile')}</Button>
        </Upload>
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
          {t('roster.importReplace')}
        </Checkbox>
      </Space>
      {phase !== 'idle' && (
        <div>
          <Progress
            percent={percent}
            status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : 'active'}
            aria-label={t('roster.import')}
          />
          {(phase === 'reading' || phase === 'sending') && (
            <span>{t(phase === 'reading' ? 'roster.importReading' : 'roster.importSending')}</span>
          )}
        </div>
      )}
      {counts && <Alert type="success" showIcon title={t('roster.importDone', counts)} />}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.issues.length ? t('roster.importFailed', { count: failure.issues.length }) : failure.message}
          description={
            failure.issues.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.record}|${r.field ?? ''}|${r.message}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={failure.issues}
                columns={[
                  { title: t('roster.record'), dataIndex: 'record' },
                  { title: t('roster.field'), dataIndex: 'field', render: (v) => v ?? '—' },
                  { title: t('roster.problem'), dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
    </Space>
  );
}
