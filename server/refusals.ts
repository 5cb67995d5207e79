// Refused access is audited however it is reached. The type-level checks (server/builder.ts)
// audit their own refusals; this plugin audits the rest: a signed-in request naming a record by
// argument that is absent or outside its subtree (NOT_FOUND — the two are one answer, so both
// are written), or refused for its role (FORBIDDEN). One record a request, in its own
// transaction after the answer is made; the answer never waits for it.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './audit/log.ts';
import { AUDITED_REFUSALS } from './builder.ts';
import type { Context } from './context.ts';
import { db } from './db/client.ts';

const AUDITED_CODES: Record<string, string> = {
  NOT_FOUND: 'access.refused.argument',
  FORBIDDEN: 'access.refused.role',
};

function domainErrorOf(error: unknown): DomainError | null {
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  return inner instanceof DomainError ? inner : null;
}

export function useRefusalAudit(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      if (ctx.viewer.userId === null) return;
      return {
        onExecuteDone({ result }) {
          const errors = (result as { errors?: readonly GraphQLError[] }).errors ?? [];
          for (const error of errors) {
            const refusal = domainErrorOf(error);
            if (!refusal || AUDITED_REFUSALS.has(refusal)) continue;
            const action = AUDITED_CODES[refusal.code];
            if (!action) continue;
            void db
              .$transaction((tx) =>
                appendAudit(tx, {
                  actor: ctx.viewer.actor,
                  action,
                  entity: 'Query',
                  entityCode: String(error.path?.[0] ?? ''),
                  detail: { message: refusal.message },
                  requestId: ctx.requestId,
                }),
              )
              .catch((e) => console.error('audit of a refusal failed', e));
            return;
          }
        },
      };
    },
  };
}
