// Print and Word buttons for a document of the server (exportDocument): the 干部任免审批表 and
// the 一人一卡 card of people, the candidate dossier of entries. Printing lays out the same model
// the Word file is written from; both are audited by the server.
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { downloadBase64 } from '../api/files.ts';
import type { ResultOf, VariablesOf } from '../api/graphql.ts';
import { type DOCUMENT_FILE, EXPORT_DOCUMENT } from '../api/operations.ts';
import { printDocument } from '../export/document.ts';
import { errorText } from './QueryState.tsx';

type Kind = VariablesOf<typeof EXPORT_DOCUMENT>['kind'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Format = 'PRINT' | 'DOCX';
type File = ResultOf<typeof DOCUMENT_FILE>;

/**
 * Asking the server for a document and handing it on: the Word file downloaded, or the layout
 * printed; which format is under way, and the refusal in the reader's language.
 */
export function useDocument(ask: (format: Format) => Promise<{ error?: CombinedError; file?: File | null }>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const { error: refused, file } = await ask(format);
      if (refused) return setError(errorText(refused));
      if (format === 'DOCX' && file?.contentBase64) downloadBase64(file.fileName, file.contentBase64, DOCX);
      if (format === 'PRINT' && file?.document)
        printDocument(file.document, t('print.pages', { page: '{page}', pages: '{pages}' }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

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
  const [, exportDocument] = useMutation(EXPORT_DOCUMENT);
  const { busy, error, run } = useDocument(async (format) => {
    const r = await exportDocument({ kind, codes, format, asOf: asOf ?? null });
    return { error: r.error, file: r.data?.exportDocument };
  });
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
