// The Pothos builder: plugins, scalars and root types. Domain types live in server/schema/.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError, Kind } from 'graphql';
import { isIsoDate, toIso } from '../domain/dates.ts';
import type { Context } from './context.ts';
import { db } from './db/client.ts';
import type PrismaTypes from './db/generated/pothos-types.ts';
import { getDatamodel } from './db/generated/pothos-types.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin, ValidationPlugin],
  // Input bounds are zod schemas on the arguments; a refusal names the argument and the bound.
  validation: {
    validationError: (failure) =>
      new GraphQLError(
        failure.issues
          .map(
            (issue) =>
              `${issue.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || 'input'} ${issue.message}`,
          )
          .join('; '),
        { extensions: { code: 'BAD_USER_INPUT' } },
      ),
  },
  defaultFieldNullability: false,
  prisma: { client: db, dmmf: getDatamodel(), filterConnectionTotalCount: true, onUnusedQuery: null },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Readable global ids: "ReserveEntry:R0001". The part after the colon is the record's key.
    encodeGlobalID: (typename, id) => `${typename}:${id}`,
    decodeGlobalID: (globalID) => {
      const i = globalID.indexOf(':');
      if (i <= 0)
        throw new GraphQLError(`"${globalID}" is not an id of this API`, { extensions: { code: 'BAD_USER_INPUT' } });
      return { typename: globalID.slice(0, i), id: globalID.slice(i + 1) };
    },
  },
});

const badDate = (value: unknown) =>
  new GraphQLError(`a Date is written YYYY-MM-DD (a real calendar date), got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? toIso(value) : value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isIsoDate(value)) throw badDate(value);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value))
      throw badDate(ast.kind === Kind.STRING ? ast.value : ast.kind);
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
