// The Pothos builder: plugins, scalars and root types. Domain types live in server/schema/.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError, getNamedType, getNullableType, isListType, Kind } from 'graphql';
import { z } from 'zod';
import { DATE_MAX, DATE_MIN, isIsoDate, toIso } from '../domain/dates.ts';
import type { Role } from '../domain/enums.ts';
import { refusal } from '../domain/errors.ts';
import {
  enumParam,
  fieldParam,
  formatMessage,
  formatValue,
  listParam,
  type MessageRef,
  messageParam,
} from '../domain/messages.ts';
import { appendAudit } from './audit/log.ts';
import { canSee } from './auth/viewer.ts';
import type { Context } from './context.ts';
import { db } from './db/client.ts';
import type PrismaTypes from './db/generated/pothos-types.ts';
import { getDatamodel } from './db/generated/pothos-types.ts';
import { refusalError } from './errors.ts';
import { currentRequestLang, requestLang } from './lang.ts';
import { LIMITS, LIST_SIZES } from './limits-config.ts';

// zod words the problems of the arguments it checks (`validate`) in the request's language: in
// English as zod has them; in Chinese from the catalogue (bounds of numbers, texts and lists) or
// else zod's own Chinese. Outside a request (commands, tests of the domain) zod is left as it is.
const zodChinese = z.locales.zhCN().localeError;
z.config({
  customError: (issue) => {
    if (currentRequestLang() !== 'zh-CN') return undefined;
    const ref = zodProblem(issue);
    return ref ? formatMessage(ref.key, ref.params, 'zh-CN') : zodChinese(issue);
  },
});

function zodProblem(issue: z.core.$ZodRawIssue): MessageRef | null {
  const input = issue.input;
  if (issue.code === 'invalid_type' && issue.expected === 'int')
    return messageParam('value.notWhole', { value: String(JSON.stringify(input)) });
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.inclusive !== false) {
    const big = issue.code === 'too_big';
    const bound = Number(big ? issue.maximum : issue.minimum);
    if (typeof input === 'number')
      return big
        ? messageParam('value.atMost', { max: bound, value: input })
        : messageParam('value.atLeast', { min: bound, value: input });
    if (typeof input === 'string')
      return big
        ? messageParam('value.tooLong', { max: bound, length: input.length })
        : messageParam('value.tooShort', { min: bound, length: input.length });
    if (Array.isArray(input))
      return big
        ? messageParam('value.tooManyValues', { max: bound, count: input.length })
        : messageParam('value.tooFewValues', { min: bound, count: input.length });
  }
  return null;
}

/** Refusals already written to the audit log here (server/refusals.ts audits the others). */
export const AUDITED_REFUSALS = new WeakSet<Error>();

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  // Who may use a field (docs/decisions/013): `public` (login, me, logout), `signedIn` (any
  // account: reading), `role` (any of these roles), `wholeTree` (an account of the whole tree),
  // `units` (any of these unit paths is inside the viewer's subtree: the type-level check of
  // every record that belongs to a unit).
  AuthScopes: {
    public: boolean;
    signedIn: boolean;
    role: Role[];
    wholeTree: boolean;
    units: string[];
  };
  Scalars: {
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  // Relay before scope-auth, so that authScopes see parsed global ids; scope-auth before the rest.
  plugins: [RelayPlugin, ScopeAuthPlugin, PrismaPlugin, ValidationPlugin, ComplexityPlugin],
  // An operation's cost before it runs, from the real arguments and variables (docs/decisions/025):
  // every field costs 1 plus one per value of its list arguments (ids to load, filter values);
  // what is below a list is counted as many times as the list may hold — a page's `first` (or
  // `last`; the default page when absent), the length of `ids`, and LIMITS.listEstimate for
  // other lists. Cycles through lists (unit → positions → unit → …) grow by that factor per
  // level and are refused.
  complexity: {
    fieldComplexity: (args, _ctx, field) => {
      const given = args as Record<string, unknown>;
      const own = 1 + listValues(given);
      const has = (name: string) => field.args.some((a) => a.name === name);
      if (has('ids') && Array.isArray(given.ids)) return { field: own, multiplier: Math.max(1, given.ids.length) };
      if (has('first') || has('last')) {
        const size = [given.first, given.last].find((n) => typeof n === 'number') as number | undefined;
        return { field: own, multiplier: Math.max(1, size ?? LIMITS.defaultPage) };
      }
      const type = getNullableType(field.type);
      // A connection's edges: already counted by the connection's page.
      if (field.name === 'edges' && getNamedType(type).name.endsWith('Edge')) return { field: 1, multiplier: 1 };
      if (!isListType(type)) return { field: own, multiplier: 1 };
      const parent = (field.extensions?.pothosConfig as { parentType?: string } | undefined)?.parentType;
      return { field: own, multiplier: LIST_SIZES[`${parent}.${field.name}`] ?? LIMITS.listEstimate };
    },
    limit: { complexity: LIMITS.maxComplexity, depth: LIMITS.maxDepth, breadth: LIMITS.maxBreadth },
    complexityError: (kind, result) =>
      kind === 'Complexity'
        ? refusalError('BAD_USER_INPUT', 'limits.tooCostly', { value: result.complexity, max: result.maxComplexity })
        : kind === 'Depth'
          ? refusalError('BAD_USER_INPUT', 'limits.tooDeep', { value: result.depth, max: result.maxDepth })
          : refusalError('BAD_USER_INPUT', 'limits.tooBroad', { value: result.breadth, max: result.maxBreadth }),
  },
  scopeAuth: {
    // A type's scopes run once per object, wherever it is reached (a nested path too).
    runScopesOnType: true,
    authScopes: (ctx) => ({
      public: true,
      signedIn: ctx.viewer.userId !== null,
      role: (roles) => ctx.viewer.role !== null && ctx.viewer.userId !== null && roles.includes(ctx.viewer.role),
      wholeTree: ctx.viewer.userId !== null && ctx.viewer.path === '',
      units: (paths) => paths.some((path) => canSee(ctx.viewer, path)),
    }),
    // Not signed in: UNAUTHENTICATED. A record outside the viewer's subtree: the same answer as an
    // absent one. A role that may not: FORBIDDEN.
    unauthorizedError: (_parent, ctx, info, result) => {
      if (ctx.viewer.userId === null) return refusal('UNAUTHENTICATED', 'auth.signInFirst');
      const outside = JSON.stringify(result.failure).includes('"units"');
      // A signed-in account refused: written to the audit log (its own transaction; the answer
      // does not wait for it).
      void db
        .$transaction((tx) =>
          appendAudit(tx, {
            actor: ctx.viewer.actor,
            action: outside ? 'access.refused.scope' : 'access.refused.role',
            entity: info.parentType.name,
            entityCode: info.fieldName,
            requestId: ctx.requestId,
          }),
        )
        .catch((error) => console.error('audit of a refusal failed', error));
      const error = outside
        ? refusal('NOT_FOUND', 'auth.notFoundOrOutside')
        : refusal('FORBIDDEN', 'auth.roleMayNot', { role: ctx.viewer.role ? enumParam('Role', ctx.viewer.role) : '' });
      AUDITED_REFUSALS.add(error);
      return error;
    },
  },
  // Input bounds are zod schemas on the arguments; a refusal names the argument and the bound.
  // `extensions.field` names the first refused field (the last step of its path), as a
  // domain refusal does.
  validation: {
    validationError: (failure) => {
      const paths = failure.issues.map(
        (issue) => issue.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))) ?? [],
      );
      // The problems are worded in the request's language already (zod's by `zodMessage` below,
      // the dataset's field rules by server/schema/person-records.ts); the argument is named
      // in it too.
      const problems = failure.issues.map((issue, i) =>
        messageParam('input.problem', { field: fieldParam(paths[i]!.join('.') || 'input'), problem: issue.message }),
      );
      return new GraphQLError(formatValue(listParam(problems, 'sentences'), requestLang()), {
        extensions: { code: 'BAD_USER_INPUT', ...(paths[0]?.length ? { field: paths[0].at(-1) } : {}) },
      });
    },
  },
  defaultFieldNullability: false,
  prisma: { client: db, dmmf: getDatamodel(), filterConnectionTotalCount: true, onUnusedQuery: null },
  relay: {
    clientMutationId: 'omit',
    // Connections, edges and page info carry nothing of their own; what they hold is checked by type.
    defaultConnectionTypeOptions: { authScopes: { signedIn: true } },
    defaultEdgeTypeOptions: { authScopes: { signedIn: true } },
    pageInfoTypeOptions: { authScopes: { signedIn: true } },
    nodeQueryOptions: { authScopes: { signedIn: true } },
    nodesQueryOptions: { authScopes: { signedIn: true } },
    cursorType: 'String',
    // Readable global ids: "ReserveEntry:R0001". The part after the colon is the record's key.
    encodeGlobalID: (typename, id) => `${typename}:${id}`,
    decodeGlobalID: (globalID) => {
      const i = globalID.indexOf(':');
      if (i <= 0) throw refusalError('BAD_USER_INPUT', 'input.badId', { id: globalID });
      return { typename: globalID.slice(0, i), id: globalID.slice(i + 1) };
    },
  },
});

const badDate = (value: unknown) =>
  refusalError('BAD_USER_INPUT', 'input.badDate', {
    min: DATE_MIN,
    max: DATE_MAX,
    value: String(JSON.stringify(value)?.slice(0, 40)),
  });
const inRange = (v: string) => isIsoDate(v) && v >= DATE_MIN && v <= DATE_MAX;

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? toIso(value) : value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !inRange(value)) throw badDate(value);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !inRange(ast.value)) throw badDate(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return ast.value;
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (v) => v,
  parseValue: (v) => v,
});

builder.queryType({});
builder.mutationType({});

/** How many values the list arguments of a field hold, inside input objects too. */
function listValues(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n: number, v) => n + listValues(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value as Record<string, unknown>).reduce((n: number, v) => n + listValues(v), 0);
  return 0;
}

/**
 * The type-level check of a record that belongs to a unit, for a viewer of the whole tree: every
 * unit is inside, so no lookup is needed (a signed-in viewer of the whole tree sees everything).
 */
export const WHOLE = { signedIn: true } as const;
