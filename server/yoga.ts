// The HTTP app: /graphql (yoga), /health, and / (the dashboard; a placeholder page for now).
// Tests drive `yoga.fetch` and `handle` in process; main.ts only listens.
import fs from 'node:fs';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import { dataVersion } from './analytics.ts';
import { resolveViewer } from './auth/viewer.ts';
import { createContext } from './context.ts';
import { db } from './db/client.ts';
import { repoRoot } from './db/migrations.ts';
import { isExpected, maskError } from './errors.ts';
import { schema } from './schema/index.ts';

export const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  graphiql: process.env.NODE_ENV !== 'production',
  // Masking stays on: only errors with an extensions.code reach clients; others become
  // "Unexpected error." and are logged here.
  maskedErrors: { maskError },
  // Expected failures (a DomainError: refused steps, out-of-scope units) are the client's answer,
  // not the operator's problem: the log keeps only what was masked as unexpected.
  logging: {
    debug: () => {},
    info: (...args: unknown[]) => console.info(...args),
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => {
      if (!args.some(isExpected)) console.error(...args);
    },
  },
  landingPage: false,
  context: async ({ request }) => createContext(await resolveViewer(db, request)),
});

let ready = false;
export function markReady(): void {
  ready = true;
}

const placeholder = () => fs.readFileSync(path.join(repoRoot, 'web', 'placeholder.html'));

/** Routes a request: the API, the readiness probe, the dashboard. */
export async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/health') {
    return new Response(JSON.stringify({ status: ready ? 'ok' : 'starting', dataVersion: dataVersion() }), {
      status: ready ? 200 : 503,
      headers: { 'content-type': 'application/json' },
    });
  }
  if (url.pathname.startsWith('/graphql')) return yoga.fetch(request);
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return new Response(placeholder(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  return new Response('Not found', { status: 404 });
}
