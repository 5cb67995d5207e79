// What a client sees of an error. Expected failures (DomainError, from any layer) become GraphQL
// errors with their `extensions.code`; database constraint violations are mapped to CONFLICT or
// BAD_USER_INPUT (a race between two writers is the user's to retry, not a crash); everything
// else is masked as "Unexpected error." (yoga logs it; server/yoga.ts), with no stack trace for the client.
import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { formatMessage, type Lang, MESSAGES, type MessageKey, type MessageParams } from '../domain/messages.ts';
import { requestLang } from './lang.ts';

interface Coded {
  name?: string;
  code?: unknown;
  message?: string;
  meta?: { target?: unknown; modelName?: unknown; driverAdapterError?: { cause?: { kind?: string } } };
}

/** A database error a user can act on, as a code and message key; null for anything else. */
export function databaseError(error: unknown): { code: ErrorCode; key: MessageKey; message: string } | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as Coded;
  const code = typeof e.code === 'string' ? e.code : '';
  const as = (c: ErrorCode, key: MessageKey) => ({ code: c, key, message: formatMessage(key, {}, 'en') });
  // Prisma (known request errors) and the drivers underneath it (better-sqlite3, node-postgres).
  if (
    code === 'P2002' ||
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
    return as('CONFLICT', 'db.duplicate');
  if (code === 'P2003' || code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return as('BAD_USER_INPUT', 'db.missingReference');
  if (code === 'P2025') return as('NOT_FOUND', 'db.notFound');
  if (code === 'P2034' || code === '40001' || code === 'SQLITE_BUSY') return as('CONFLICT', 'db.busy');
  return null;
}

/**
 * A refusal made as a GraphQL error where one is expected (the request's limits, its arguments,
 * its scalars, its Idempotency-Key): worded in the request's language, with its message key and
 * parameters, as a DomainError answers.
 */
export function refusalError(
  code: ErrorCode,
  key: MessageKey,
  params: MessageParams = {},
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(formatMessage(key, params, requestLang()), {
    extensions: { ...extensions, code, messageKey: key, params },
  });
}

/** An error that is a client's answer (a DomainError, possibly wrapped), not a server fault. */
export function isExpected(error: unknown): boolean {
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  return inner instanceof DomainError || databaseError(inner) !== null;
}

/**
 * The lists an error's extensions carry (failed eligibility rules, policy problems, dataset
 * issues) with each item that has a message key worded in `lang`: its `message` is the English
 * the service wrote, `messageKey` and `params` what it says in any language.
 */
function localizedExtensions(extensions: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const localized = (item: unknown): unknown => {
    if (!item || typeof item !== 'object') return item;
    const { messageKey, params } = item as { messageKey?: unknown; params?: unknown };
    if (typeof messageKey !== 'string' || !(messageKey in MESSAGES)) return item;
    return { ...item, message: formatMessage(messageKey as MessageKey, (params ?? {}) as MessageParams, lang) };
  };
  return Object.fromEntries(
    Object.entries(extensions).map(([name, value]) => [name, Array.isArray(value) ? value.map(localized) : value]),
  );
}

/** yoga's `maskError`: expected errors pass with their code, the rest is masked. */
export function maskError(error: unknown, message: string): Error {
  const path = error instanceof GraphQLError ? error.path : undefined;
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  if (inner instanceof DomainError) {
    const lang = requestLang();
    return new GraphQLError(inner.localized(lang), {
      extensions: {
        ...localizedExtensions(inner.extensions, lang),
        code: inner.code,
        messageKey: inner.messageKey,
        params: inner.params,
      },
      path,
    });
  }
  // Errors GraphQL itself raises (parsing, validation, coercion, our scalars) are for the client.
  if (inner instanceof GraphQLError) return error as GraphQLError;
  const mapped = databaseError(inner);
  if (mapped)
    return new GraphQLError(formatMessage(mapped.key, {}, requestLang()), {
      extensions: { code: mapped.code, messageKey: mapped.key, params: {} },
      path,
    });
  const unexpected = requestLang() === 'en' ? message : formatMessage('server.unexpected', {}, requestLang());
  return new GraphQLError(unexpected, {
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'server.unexpected', params: {} },
    path,
  });
}
