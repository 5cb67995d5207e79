// Drives the GraphQL API in process, as a client would.
import { handle } from '../../server/yoga.ts';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { viewerUnit?: string } = {},
): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.viewerUnit) headers['x-viewer-unit'] = options.viewerUnit;
  const response = await handle(
    new Request('http://test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }),
  );
  return (await response.json()) as GqlResult<T>;
}

/** The data of a query that must succeed. */
export async function gqlOk<T = Record<string, unknown>>(...args: Parameters<typeof gql>): Promise<T> {
  const result = await gql<T>(...args);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}
