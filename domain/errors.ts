// Expected failures, raised by any layer with a stable code and a message a user can act on.
// The GraphQL layer turns them into errors with `extensions.code` (server/errors.ts), and a
// message in the request's language from the error's message key (domain/messages.ts,
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
    /** The message's key and parameters (domain/messages.ts); `message` is its English. */
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(formatMessage(messageKey, params, 'en'));
    this.name = 'DomainError';
  }

  /** The message in `lang`. */
  localized(lang: Lang): string {
    return formatMessage(this.messageKey, this.params, lang);
  }
}

/**
 * An expected failure whose message is the catalogue's `key` with `params`: every message a user
 * reads is in the catalogue, in each language (there is no way to raise one with a bare text).
 */
export function refusal(
  code: ErrorCode,
  key: MessageKey,
  params: MessageParams = {},
  extensions: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, key, params, extensions);
}
