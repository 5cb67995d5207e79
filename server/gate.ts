// Before anything executes: without credentials only `login`, `logout` and `me` may run (and
// `__typename`). A second line behind the per-field rules: however an operation is written —
// malformed arguments, introspection, fragments — an anonymous caller learns nothing but
// UNAUTHENTICATED.
import {
  type DefinitionNode,
  type DocumentNode,
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { credentialsOf } from './auth/viewer.ts';
import type { Context } from './context.ts';
import { refusalError } from './errors.ts';
import { LIMITS } from './limits-config.ts';

const OPEN = new Set(['login', 'logout', 'me', '__typename']);

function onlyOpenFields(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && OPEN.has(s.name.value));
}

export function useSignInGate(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      if (ctx.viewer.userId !== null) return;
      const operations = args.document.definitions.filter(
        (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      const chosen = args.operationName
        ? operations.filter((o: OperationDefinitionNode) => o.name?.value === args.operationName)
        : operations;
      if (chosen.length > 0 && chosen.every(onlyOpenFields)) return;
      setResultAndStopExecution({
        data: null,
        errors: [refusalError('UNAUTHENTICATED', 'auth.signInFirst')],
      });
    },
  };
}

/**
 * A cheap pass before GraphQL's validation (which is quadratic in the fields sharing a name:
 * 2 900 `username` under one `me` cost 1.2–1.6 s): a document may hold at most
 * LIMITS.maxFields fields and repeat one response name at most LIMITS.maxRepeats times in one
 * selection set. Counting the document's nodes is linear and takes microseconds; validation
 * never starts for what is refused here. (The answer does not depend on who asks: yoga keeps
 * validation answers per document. What callers without credentials may send is bounded before
 * yoga, in server/yoga.ts.)
 */
export function useCheapRefusals(): Plugin {
  return {
    onValidate({ params, setResult }) {
      const refusal = documentRefusal(params.documentAST);
      if (refusal) setResult([refusal]);
    },
  };
}

/** Whether a request carries a session cookie or a bearer token (valid or not: no lookup). */
export function hasCredentials(request: Request): boolean {
  const { session, token } = credentialsOf(request);
  return session !== null || token !== null;
}

function documentRefusal(document: DocumentNode): GraphQLError | null {
  let fields = 0;
  let worst: { name: string; times: number } = { name: '', times: 0 };
  const visit = (set: SelectionSetNode): void => {
    const seen = new Map<string, number>();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        fields++;
        const key = s.alias?.value ?? s.name.value;
        const times = (seen.get(key) ?? 0) + 1;
        seen.set(key, times);
        if (times > worst.times) worst = { name: key, times };
      }
      if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) visit(s.selectionSet);
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) visit(d.selectionSet);
  if (fields > LIMITS.maxFields)
    return refusalError('BAD_USER_INPUT', 'limits.tooManyFields', { fields, max: LIMITS.maxFields });
  if (worst.times > LIMITS.maxRepeats)
    return refusalError('BAD_USER_INPUT', 'limits.repeatedField', {
      name: worst.name,
      times: worst.times,
      max: LIMITS.maxRepeats,
    });
  return null;
}
