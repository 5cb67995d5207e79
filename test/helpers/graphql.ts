// Drives the GraphQL API in process, as a client would: signed in with an API token of an account
// made for the test (an administrator of the whole tree unless asked otherwise).
import type { Role } from '../../domain/enums.ts';
import { createApiToken, createUser } from '../../server/auth/accounts.ts';
import { db } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface As {
  /** The account's unit (its subtree bounds what it sees); omitted: the whole tree. */
  viewerUnit?: string;
  /** The account's role; omitted: ADMIN. */
  role?: Role;
  /** No credentials at all. */
  anonymous?: boolean;
  /** More request headers (a cookie, an origin…). */
  headers?: Record<string, string>;
}

const tokens = new Map<string, Promise<string>>();

/** An API token of a test account with this role and unit (made on first use). */
export function tokenFor(role: Role, unitCode: string | null): Promise<string> {
  const key = `${role}|${unitCode ?? '*'}`;
  let token = tokens.get(key);
  if (!token) {
    // Usernames are stored in lower case (server/auth/accounts.ts).
    const username = `test-${role}-${unitCode ?? 'all'}`.replace(/[^A-Za-z0-9_.@-]/g, '_').toLowerCase();
    token = (async () => {
      if (!(await db.user.findUnique({ where: { username } })))
        await createUser(db, { username, password: 'test-password-1', role, unitCode }, 'test');
      return (await createApiToken(db, username, { actor: 'test' })).token;
    })();
    tokens.set(key, token);
  }
  return token;
}

/** Forgets the tokens made so far (after a restore ended them): the next request makes new ones. */
export function forgetTokens(): void {
  tokens.clear();
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  as: As = {},
): Promise<GqlResult<T>> {
  // The tests read the API's messages in English unless they ask for another language (the
  // API's own default, without the header, is Chinese: test/db/messages.test.ts).
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': 'en',
    ...as.headers,
  };
  if (!as.anonymous) headers.authorization = `Bearer ${await tokenFor(as.role ?? 'ADMIN', as.viewerUnit ?? null)}`;
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
