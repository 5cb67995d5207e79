// Expected failures, raised by any layer with a stable code and a message a user can act on.
// The GraphQL layer turns them into errors with `extensions.code` (server/errors.ts), and a
// message in the request's language when the error names a message key (domain/messages.ts,
// `refusal`); commands print it in the operator's. Anything else is unexpected and is masked
// for clients.
import { formatMessage, type Lang, type MessageKey, type MessageParams } from './messages.ts';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'ILLEGAL_TRANSITION'
  | 'INELIGIBLE'
  | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    /** The message's key and parameters (domain/messages.ts); the message is then its English. */
    readonly messageKey: MessageKey | null = null,
    readonly params: MessageParams = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The message in `lang` (the English text for errors not yet keyed). */
  localized(lang: Lang): string {
    return this.messageKey ? formatMessage(this.messageKey, this.params, lang) : this.message;
  }
}

/** An expected failure whose message is the catalogue's `key` with `params`. */
export function refusal(
  code: ErrorCode,
  key: MessageKey,
  params: MessageParams = {},
  extensions: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, formatMessage(key, params, 'en'), extensions, key, params);
}

export function domainError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, extensions);
}
