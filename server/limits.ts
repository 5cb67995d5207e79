// What one request may ask (docs/decisions/014-limits-and-load.md): bounds on the operation's
// text (tokens, depth, aliases, directives), its cost with list multipliers (the complexity
// plugin, server/builder.ts), the body's size and nesting, and in production no introspection, no
// field suggestions, and browser sessions limited to the dashboard's persisted operations.
import fs from 'node:fs';
import path from 'node:path';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type ASTNode, GraphQLError, Kind, NoSchemaIntrospectionCustomRule, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { fieldParam, type MessageRef, messageParam } from '../domain/messages.ts';
import { MAX_TEXT, textIssue } from '../domain/text.ts';
import { credentialsOf } from './auth/viewer.ts';
import { repoRoot } from './db/migrations.ts';
import { refusalError } from './errors.ts';
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
export function persistedOperations(): Record<string, string> {
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

/**
 * Every text and list a request hands in, in the operation's text or its variables, is checked
 * before anything runs (docs/decisions/026): text holds no control, bidirectional-control or
 * half characters (domain/text.ts) and at most MAX_TEXT characters; a list holds at most
 * LIMITS.maxListValues values. A field may bound tighter (zod on its argument); the dataset
 * document of importDataset is bounded by the body's size instead, and its texts are checked by
 * the import. A refusal is BAD_USER_INPUT naming the argument (`extensions.field`).
 */
export function useInputHygiene(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // A variable is named by the argument or input field it fills (`input.reason`).
      const uses = variableUses(args.document);
      const found =
        Object.entries(args.variableValues ?? {}).reduce<Problem | null>(
          (first, [name, value]) => first ?? inputProblem(uses.get(name) ?? [name], value),
          null,
        ) ?? literalProblem(args.document);
      if (!found) return;
      // The path without list positions names the argument or input field.
      const field = found.path.filter((p) => !/^\d+$/.test(p)).at(-1);
      setResultAndStopExecution({
        data: null,
        errors: [
          refusalError(
            'BAD_USER_INPUT',
            'input.problem',
            { field: fieldParam(found.path.join('.')), problem: found.problem },
            { field },
          ),
        ],
      });
    },
  };
}

interface Problem {
  path: string[];
  problem: MessageRef;
}

/**
 * Texts bounded by something else: the dataset document of importDataset (by the body's size), a
 * 干部任免审批表 file's bytes (by its field's own bound, MAX_LRMX_BYTES).
 */
const UNBOUNDED_TEXT = new Set(['dataset', 'base64']);

/** The first problem of an input value (a variable's, or a literal argument's), with its path. */
export function inputProblem(path: string[], value: unknown): Problem | null {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT && !UNBOUNDED_TEXT.has(path.at(-1) ?? ''))
      return { path, problem: messageParam('value.tooLong', { max: MAX_TEXT, length: value.length }) };
    const problem = textIssue(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    if (value.length > LIMITS.maxListValues)
      return {
        path,
        problem: messageParam('value.tooManyValues', { max: LIMITS.maxListValues, count: value.length }),
      };
    for (const [i, v] of value.entries()) {
      const found = inputProblem([...path, String(i)], v);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const found = inputProblem([...path, k], v);
      if (found) return found;
    }
  return null;
}

/** A literal value as plain data (variables inside it are checked as given, not here). */
function literal(node: ValueNode): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(literal);
  if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
  return null;
}

/** The first problem among the literal arguments written in an operation's text. */
function literalProblem(node: ASTNode): Problem | null {
  if (node.kind === Kind.ARGUMENT) return inputProblem([node.name.value], literal(node.value));
  return eachChild(node, literalProblem);
}

/** Where each variable is used: the argument, or the argument and input fields, it fills. */
function variableUses(document: ASTNode): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const walk = (node: ASTNode, path: string[]): null => {
    if (node.kind === Kind.VARIABLE) uses.set(node.name.value, path);
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD)
      walk(node.value, [...path, node.name.value]);
    else if (node.kind === Kind.FIELD) eachChild(node, (c) => walk(c, []));
    else if (node.kind !== Kind.VARIABLE_DEFINITION) eachChild(node, (c) => walk(c, path));
    return null;
  };
  walk(document, []);
  return uses;
}

/** Visits a node's children until one answers. */
function eachChild<T>(node: ASTNode, visit: (child: ASTNode) => T | null): T | null {
  for (const child of Object.values(node)) {
    const nodes = Array.isArray(child) ? child : [child];
    for (const c of nodes)
      if (c && typeof c === 'object' && 'kind' in c) {
        const found = visit(c as ASTNode);
        if (found) return found;
      }
  }
  return null;
}
