// Loading, error and empty states, the same everywhere: a GraphQL error shows its message.
import { Alert, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

/** What a failed operation says: the GraphQL errors' messages, or the network error's. */
export function errorText(error: CombinedError): string {
  return error.graphQLErrors.map((e) => e.message).join('; ') || error.message;
}

export function QueryState({
  fetching,
  error,
  empty,
  children,
}: {
  fetching: boolean;
  error?: CombinedError;
  empty?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={t('common.error')} description={errorText(error)} />;
  if (fetching) return <Spin tip={t('common.loading')} size="large" style={{ display: 'block', margin: 48 }} />;
  if (empty) return <Empty description={t('common.empty')} />;
  return <>{children}</>;
}
