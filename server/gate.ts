// Before anything executes: without credentials only `login`, `logout` and `me` may run (and
// `__typename`). A second line behind the per-field rules: however an operation is written —
// malformed arguments, introspection, fragments — an anonymous caller learns nothing but
// UNAUTHENTICATED.
import { type DefinitionNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

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
        errors: [
          new GraphQLError('sign in first (login, or an API token)', { extensions: { code: 'UNAUTHENTICATED' } }),
        ],
      });
    },
  };
}
