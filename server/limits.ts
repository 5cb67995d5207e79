// What one request may ask (docs/decisions/014-limits-and-load.md): bounds on the operation's
// text (tokens, depth, aliases, directives), its cost with list multipliers (the complexity
// plugin, server/builder.ts), the body's size and nesting, and in production no introspection, no
// field suggestions, and browser sessions limited to the dashboard's persisted operations.
import fs from 'node:fs';
import path from 'node:path';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { credentialsOf } from './auth/viewer.ts';
import { repoRoot } from './db/migrations.ts';
import { LIMITS } from './limits-config.ts';

const production = () => process.env.NODE_ENV === 'production';

/** Armor: token, depth, alias and directive limits; field suggestions off in production. */
export function armorPlugins(): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production() },
  });
  return [armor as Plugin];
}

/** In production, the schema is not introspectable (the dashboard is built from schema.graphql). */
export function useNoIntrospectionInProduction(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (production()) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** The dashboard's operations, by hash (web/persisted-operations.json, written by its build). */
function persistedOperations(): Record<string, string> {
  const file = path.join(repoRoot, 'web', 'persisted-operations.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/**
 * Trusted documents: in production a request that carries a session cookie may only run the
 * dashboard's registered operations, whatever other header comes with it (a stray
 * `Authorization: Bearer x` beside the cookie once let the cookie's user run anything); scripts
 * with an API token alone, and every caller outside production, may send any operation.
 */
export function usePersistedOperationsForSessions(): Plugin {
  const store = persistedOperations();
  return usePersistedOperations({
    getPersistedOperation: (key) => store[key] ?? null,
    allowArbitraryOperations: (request) => {
      if (!production()) return true;
      const { session } = credentialsOf(request);
      return session === null;
    },
    customErrors: {
      // The message clients know (Apollo's): they send the text along on a second try.
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: {
        message: 'a browser session may only run the dashboard’s registered operations',
        extensions: { code: 'FORBIDDEN' },
      },
      keyNotFound: { message: 'a persisted operation needs its hash', extensions: { code: 'BAD_USER_INPUT' } },
    },
  });
}

/** The nesting depth of a JSON text, counted without parsing it (strings are skipped). */
export function jsonDepth(text: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > stopAt) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * Every error a client sees carries a code. GraphQL's own and the limit plugins' refusals (parse,
 * validation, token and depth limits) come without one: they are the request's fault.
 */
export function useErrorCodes(): Plugin {
  const withCode = (error: unknown): unknown => {
    if (!(error instanceof GraphQLError) || error.extensions?.code) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
    });
  };
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result)) return;
      const errors = (result as { errors?: unknown[] }).errors;
      if (!errors?.length) return;
      setResult({ ...(result as object), errors: errors.map(withCode) } as never);
    },
  };
}
