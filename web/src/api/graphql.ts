// Operations typed from the committed schema.graphql (gql.tada): `graphql(...)` returns a typed
// document, so a page's data and variables are checked against the schema by `tsc -p web`.
// graphql-env.d.ts is generated with schema.graphql (`npm run schema:print`); a test fails when it is out of date.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; JSON: unknown };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
