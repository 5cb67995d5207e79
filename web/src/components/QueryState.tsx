// Loading, error and empty states, the same everywhere: a GraphQL error shows its message.
import { Alert, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { formatMessage, type Lang, MESSAGES, type MessageKey, type MessageParams } from '../../../domain/messages.ts';
import i18n from '../i18n/index.ts';

/**
 * What a failed operation says, in the dashboard's language: each GraphQL error from its message
 * key and parameters (the server's catalogue, domain/messages.ts), else its message (already in
 * the language the request asked for); a network failure says so.
 */
export function errorText(error: CombinedError): string {
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const messages = error.graphQLErrors.map((e) => {
    const key = e.extensions?.messageKey;
    if (typeof key === 'string' && key in MESSAGES)
      return formatMessage(key as MessageKey, (e.extensions?.params ?? {}) as MessageParams, lang);
    return e.message;
  });
  return messages.join('；') || i18n.t('common.networkError');
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
