// A 后备干部名册 spreadsheet in: the unit, the file, a preview that shows how each column was read
// (and lets an unusual header be mapped to what it holds) and what would change — then,
// confirmed, every row or none. A refusal names the row and the column.
import { Alert, Button, Descriptions, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { base64Of } from '../api/files.ts';
import type { ResultOf } from '../api/graphql.ts';
import { IMPORT_ROSTER } from '../api/operations.ts';
import { useConfirm } from './confirm.tsx';
import { Elapsed } from './Elapsed.tsx';
import { UnitPicker } from './pickers.tsx';
import { errorText } from './QueryState.tsx';

type Result = ResultOf<typeof IMPORT_ROSTER>['importRoster'];
type Field = NonNullable<Result['columns'][number]['field']>;
const FIELDS: Field[] = [
  'unit',
  'name',
  'gender',
  'ethnicity',
  'birth',
  'nativePlace',
  'partyJoined',
  'workStart',
  'fullTime',
  'inService',
  'currentPost',
  'currentPostSince',
  'rank',
  'reserveKind',
  'tier',
  'enteredOn',
];

export function RosterImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [, importRoster] = useMutation(IMPORT_ROSTER);
  const confirm = useConfirm();
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, Field | null>>({});
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // How the columns were read when a preview was refused (so an unusual header can be mapped).
  const [refusedColumns, setRefusedColumns] = useState<Result['columns'] | null>(null);

  const send = async (dryRun: boolean, map = mapping) => {
    if (!unitCode || !file) return null;
    setBusy(true);
    setFailure(null);
    try {
      const r = await importRoster({
        unitCode,
        base64: await base64Of(file),
        mapping: Object.entries(map).map(([header, field]) => ({ header, field })),
        dryRun,
      });
      if (r.error) {
        setFailure(errorText(r.error));
        setRefusedColumns((r.error.graphQLErrors[0]?.extensions?.columns as Result['columns'] | undefined) ?? null);
        return null;
      }
      setRefusedColumns(null);
      return r.data?.importRoster ?? null;
    } finally {
      setBusy(false);
    }
  };
  const check = async (map = mapping) => {
    setDone(null);
    setPreview(await send(true, map));
  };
  const commit = async () => {
    if (!preview || !file) return;
    const ok = await confirm({
      subject: file.name,
      action: t('rosterImport.import'),
      facts: [
        [t('lrmx.unit'), unitCode ?? ''],
        [t('rosterImport.rows'), String(preview.rows)],
        [
          t('rosterImport.people'),
          t('rosterImport.createdUpdated', { created: preview.peopleCreated, updated: preview.peopleUpdated }),
        ],
        [
          t('rosterImport.entries'),
          t('rosterImport.createdUpdated', { created: preview.entriesCreated, updated: preview.entriesUpdated }),
        ],
      ],
    });
    if (!ok) return;
    const result = await send(false);
    if (result) {
      setDone(result);
      setPreview(null);
      onImported();
    }
  };
  const disabledReason = !unitCode ? t('lrmx.pickUnit') : !file ? t('rosterImport.pickFile') : null;
  const shown = preview ?? done;
  const columns = preview?.columns ?? refusedColumns ?? done?.columns ?? null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('rosterImport.intro')} />
      <UnitPicker
        value={unitCode}
        onChange={(v) => {
          setUnitCode(v);
          setPreview(null);
        }}
        aria-label={t('lrmx.unit')}
      />
      <Upload
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: file.name, name: file.name, status: 'done' as const }] : []}
        onRemove={() => {
          setFile(null);
          setPreview(null);
        }}
        beforeUpload={(f) => {
          setFile(f);
          setMapping({});
          setPreview(null);
          setDone(null);
          return false;
        }}
      >
        <Button>{t('rosterImport.chooseFile')}</Button>
      </Upload>
      <Space wrap>
        <Button onClick={() => check()} loading={busy && !preview} disabled={disabledReason !== null}>
          {t('lrmx.preview')}
        </Button>
        <Button type="primary" onClick={commit} loading={busy && !!preview} disabled={!preview}>
          {t('rosterImport.import')}
        </Button>
        {busy && (
          <Elapsed what={preview ? t('progress.rosterRows', { count: preview.rows }) : t('progress.rosterRead')} />
        )}
        {disabledReason && <Typography.Text type="secondary">{disabledReason}</Typography.Text>}
      </Space>
      {failure && <Alert type="error" showIcon title={t('rosterImport.refused')} description={failure} />}
      {done && (
        <Alert
          type="success"
          showIcon
          title={t('rosterImport.done', {
            rows: done.rows,
            people: done.peopleCreated,
            entries: done.entriesCreated,
            updated: done.peopleUpdated + done.entriesUpdated,
          })}
        />
      )}
      {shown && (
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('rosterImport.rows')}>{shown.rows}</Descriptions.Item>
          <Descriptions.Item label={t('rosterImport.people')}>
            {t('rosterImport.createdUpdated', { created: shown.peopleCreated, updated: shown.peopleUpdated })}
          </Descriptions.Item>
          <Descriptions.Item label={t('rosterImport.entries')}>
            {t('rosterImport.createdUpdated', { created: shown.entriesCreated, updated: shown.entriesUpdated })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {columns && (
        <>
          <Typography.Text type="secondary">{t('rosterImport.columnsRead')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="column"
            dataSource={columns}
            columns={[
              { title: t('rosterImport.header'), dataIndex: 'name' },
              {
                title: t('rosterImport.readAs'),
                render: (_, c) => (
                  <Select
                    style={{ width: 220 }}
                    size="small"
                    aria-label={c.name}
                    value={c.field ?? ''}
                    disabled={busy || !!done}
                    options={[
                      { value: '', label: t('rosterImport.notRead') },
                      ...FIELDS.map((f) => ({ value: f, label: t(`rosterImport.field.${f}`) })),
                    ]}
                    onChange={(v: string) => {
                      const next = { ...mapping, [c.name]: (v || null) as Field | null };
                      setMapping(next);
                      void check(next);
                    }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
