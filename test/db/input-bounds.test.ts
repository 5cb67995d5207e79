// Walks the schema: every text and every list a request can hand in — each argument of each root
// field, and each field of its input objects — is refused above its bound, with the argument
// named, before anything runs. A new argument without a bound fails here.
import {
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../domain/text.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { LIMITS } from '../../server/limits-config.ts';
import { schema } from '../../server/schema/index.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';

/**
 * Texts bounded otherwise: the dataset document (by the body's size; its texts by the import), and
 * the files an import hands in as base64 (by their own bound, the file's size: test/db/lrmx.test.ts,
 * test/db/roster.test.ts).
 */
const BOUNDED_ELSEWHERE = new Set([
  'ImportDatasetInput.dataset',
  'LrmxFileInput.base64',
  'Mutation.importRoster.base64',
]);

/** A valid-looking value of a type (what the request needs besides the value under test). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  const name = (type as { name: string }).name;
  return { Int: 1, Float: 0.5, Boolean: true, Date: '2026-11-21', JSON: {}, ID: 'ReserveEntry:R01' }[name] ?? 'x';
}

/** A value over the bound for a text or list type; null for other types. */
function oversized(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.from({ length: LIMITS.maxListValues + 1 }, () => sample(inner.ofType));
  if (isScalarType(inner) && (inner.name === 'String' || inner.name === 'ID')) return 'x'.repeat(MAX_TEXT + 1);
  return null;
}

interface Case {
  field: string;
  operation: 'query' | 'mutation';
  /** Where the oversized value goes: the argument, then input fields. */
  path: string[];
  args: readonly GraphQLArgument[];
  value: unknown;
  returns: GraphQLObjectType | null;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      const named = getNamedType(field.type);
      const returns = isLeafType(named) ? null : (named as GraphQLObjectType);
      const visit = (path: string[], type: GraphQLInputType, owner: string) => {
        const big = oversized(type);
        if (big !== null && !BOUNDED_ELSEWHERE.has(`${owner}.${path.at(-1)}`))
          out.push({ field: field.name, operation, path, args: field.args, value: big, returns });
        const inner = isNonNullType(type) ? type.ofType : type;
        if (isInputObjectType(inner))
          for (const f of Object.values(inner.getFields()) as GraphQLInputField[])
            visit([...path, f.name], f.type, inner.name);
      };
      for (const arg of field.args) visit([arg.name], arg.type, `${root.name}.${field.name}`);
    }
  }
  return out;
}

describe('every text and list handed in', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('is bounded, for every argument and input field of the schema', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(60);
    const unbounded: string[] = [];
    for (const c of all) {
      const variables: Record<string, unknown> = {};
      const defs: string[] = [];
      const uses: string[] = [];
      for (const arg of c.args) {
        const isTarget = arg.name === c.path[0];
        if (!isTarget && !isNonNullType(arg.type)) continue;
        let value = sample(arg.type);
        if (isTarget) {
          if (c.path.length === 1) value = c.value;
          else {
            let holder = value as Record<string, unknown>;
            for (const step of c.path.slice(1, -1)) {
              holder[step] ??= {};
              holder = holder[step] as Record<string, unknown>;
            }
            holder[c.path.at(-1)!] = c.value;
          }
        }
        variables[arg.name] = value;
        defs.push(`$${arg.name}: ${arg.type.toString()}`);
        uses.push(`${arg.name}: $${arg.name}`);
      }
      const selection = c.returns ? ' { __typename }' : '';
      const query = `${c.operation} (${defs.join(', ')}) { ${c.field}(${uses.join(', ')})${selection} }`;
      const r = await gql(query, variables);
      const error = r.errors?.[0];
      if (error?.extensions?.code !== 'BAD_USER_INPUT' || error.extensions.field !== c.path.at(-1))
        unbounded.push(`${c.field}(${c.path.join('.')}): ${JSON.stringify(error ?? r.data).slice(0, 200)}`);
    }
    expect(unbounded).toEqual([]);
  });
});
