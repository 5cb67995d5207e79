// Print and Word buttons for a document of the server (exportDocument): the 干部任免审批表 and
// the 一人一卡 card of people, the candidate dossier of entries. Printing lays out the same model
// the Word file is written from; both are audited by the server.
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { downloadBase64 } from '../api/files.ts';
import type { VariablesOf } from '../api/graphql.ts';
import { EXPORT_DOCUMENT } from '../api/operations.ts';
import { printDocument } from '../export/document.ts';
import { errorText } from './QueryState.tsx';

type Kind = VariablesOf<typeof EXPORT_DOCUMENT>['kind'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function DocumentButtons({
  kind,
  codes,
  printLabel,
  wordLabel,
  asOf,
}: {
  kind: Kind;
  codes: string[];
  printLabel: string;
  wordLabel: string;
  asOf?: string;
}) {
  const { t } = useTranslation();
  const [, exportDocument] = useMutation(EXPORT_DOCUMENT);
  const [busy, setBusy] = useState<'PRINT' | 'DOCX' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: 'PRINT' | 'DOCX') => {
    setBusy(format);
    setError(null);
    try {
      const r = await exportDocument({ kind, codes, format, asOf: asOf ?? null });
      if (r.error) return setError(errorText(r.error));
      const file = r.data?.exportDocument;
      if (format === 'DOCX' && file?.contentBase64) downloadBase64(file.fileName, file.contentBase64, DOCX);
      if (format === 'PRINT' && file?.document)
        printDocument(file.document, t('print.pages', { page: '{page}', pages: '{pages}' }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap>
        <Button onClick={() => run('PRINT')} loading={busy === 'PRINT'} disabled={codes.length === 0}>
          {printLabel}
        </Button>
        <Button onClick={() => run('DOCX')} loading={busy === 'DOCX'} disabled={codes.length === 0}>
          {wordLabel}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
