// Expected failures: a GraphQL error with a stable `extensions.code` and a message a user can
// act on. yoga's masking lets these through and hides everything else.
import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'INELIGIBLE' | 'CONFLICT';

export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
