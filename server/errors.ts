// What a client sees of an error. Expected failures (DomainError, from any layer) become GraphQL
// errors with their `extensions.code`; database constraint violations are mapped to CONFLICT or
// BAD_USER_INPUT (a race between two writers is the user's to retry, not a crash); everything
// else is masked as "Unexpected error." (yoga logs it; server/yoga.ts), with no stack trace for the client.
import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from '../domain/errors.ts';

interface Coded {
  name?: string;
  code?: unknown;
  message?: string;
  meta?: { target?: unknown; modelName?: unknown; driverAdapterError?: { cause?: { kind?: string } } };
}

/** A database error a user can act on, as a code and message; null for anything else. */
export function databaseError(error: unknown): { code: ErrorCode; message: string } | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as Coded;
  const code = typeof e.code === 'string' ? e.code : '';
  const record = typeof e.meta?.modelName === 'string' ? `a ${e.meta.modelName} record` : 'a record';
  // Prisma (known request errors) and the drivers underneath it (better-sqlite3, node-postgres).
  if (
    code === 'P2002' ||
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
    return {
      code: 'CONFLICT',
      message: `${record} with the same key exists (written at the same time?); reload and try again`,
    };
  if (code === 'P2003' || code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return {
      code: 'BAD_USER_INPUT',
      message: `${record} refers to a record that does not exist (or was just removed)`,
    };
  if (code === 'P2025') return { code: 'NOT_FOUND', message: `${record} to change does not exist` };
  if (code === 'P2034' || code === '40001' || code === 'SQLITE_BUSY')
    return { code: 'CONFLICT', message: 'the database was busy with a concurrent change; try again' };
  return null;
}

/** An error that is a client's answer (a DomainError, possibly wrapped), not a server fault. */
export function isExpected(error: unknown): boolean {
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  return inner instanceof DomainError || databaseError(inner) !== null;
}

/** yoga's `maskError`: expected errors pass with their code, the rest is masked. */
export function maskError(error: unknown, message: string): Error {
  const path = error instanceof GraphQLError ? error.path : undefined;
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  if (inner instanceof DomainError)
    return new GraphQLError(inner.message, { extensions: { ...inner.extensions, code: inner.code }, path });
  // Errors GraphQL itself raises (parsing, validation, coercion, our scalars) are for the client.
  if (inner instanceof GraphQLError) return error as GraphQLError;
  const mapped = databaseError(inner);
  if (mapped) return new GraphQLError(mapped.message, { extensions: { code: mapped.code }, path });
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' }, path });
}
