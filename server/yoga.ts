// The HTTP app: /graphql (yoga), /health, and the dashboard (web/dist) at every other path.
// Tests drive `handle` in process; main.ts only listens (and bounds bodies and concurrency).

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga } from 'graphql-yoga';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { formatMessage, type MessageKey, type MessageParams } from '../domain/messages.ts';
import { aheadStatus, useComputeAheadAfterChanges } from './ahead.ts';
import { analyticsHealth, dataVersion } from './analytics.ts';
import { capabilitiesOf } from './auth/capabilities.ts';
import { resolveViewer } from './auth/viewer.ts';
import { createContext } from './context.ts';
import { db } from './db/client.ts';
import { repoRoot } from './db/migrations.ts';
import { isExpected, maskError } from './errors.ts';
import { rosterDownload, statisticsDownload } from './exports.ts';
import { hasCredentials, useCheapRefusals, useSignInGate } from './gate.ts';
import { useIdempotencyKeys } from './idempotency.ts';
import { inRequestLang, requestLang } from './lang.ts';
import {
  armorPlugins,
  jsonDepth,
  useErrorCodes,
  useInputHygiene,
  useNoIntrospectionInProduction,
  usePersistedOperationsForSessions,
} from './limits.ts';
import { LIMITS } from './limits-config.ts';
import { useRefusalAudit } from './refusals.ts';
import { schema } from './schema/index.ts';

/** What the HTTP layer knows of a request beyond the Request itself. */
export interface RequestMeta {
  /** The client's address (the socket's; not a header anyone could set). */
  address?: string;
}

interface ServerContext {
  address: string;
  requestId: string;
  cookies: string[];
}

/** Origins (scheme://host[:port]) allowed to call the API from a browser besides the server's own. */
const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);

export const yoga = createYoga<ServerContext>({
  schema,
  graphqlEndpoint: '/graphql',
  graphiql: process.env.NODE_ENV !== 'production',
  // Masking stays on: only errors with an extensions.code reach clients; others become
  // "Unexpected error." and are logged.
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
  // One body limit (MAX_BODY_BYTES), enforced by main.ts and route() before the body is read;
  // yoga's own (25 000 000 bytes by default) is set to the same number, never a second one.
  maxRequestBodySize: LIMITS.maxBodyBytes,
  // No file uploads, so no multipart bodies: a form on another site cannot post an operation.
  multipart: false,
  // Cross-origin browsers get no CORS grant unless the origin is listed; cookies are SameSite.
  cors: ALLOWED_ORIGINS.length ? { origin: ALLOWED_ORIGINS, credentials: true } : false,
  plugins: [
    // Requests a browser sends without a preflight (GET, forms) must carry this header.
    useCSRFPrevention({ requestHeaders: ['x-graphql-csrf'] }),
    ...armorPlugins(),
    useCheapRefusals(),
    useNoIntrospectionInProduction(),
    usePersistedOperationsForSessions(),
    useSignInGate(),
    useInputHygiene(),
    useIdempotencyKeys(),
    useRefusalAudit(),
    useErrorCodes(),
    useComputeAheadAfterChanges(),
  ],
  context: async ({ request, address, requestId, cookies }) =>
    createContext({
      signed: await resolveViewer(db, request),
      requestId,
      address,
      setCookie: (cookie) => cookies.push(cookie),
    }),
});

let ready = false;
export function markReady(): void {
  ready = true;
}

const dist = path.join(repoRoot, 'web', 'dist');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Text assets are sent gzip-compressed to browsers that accept it (compressed once, kept). */
const COMPRESSIBLE = /\.(js|css|svg|json)$/;
const compressed = new Map<string, Buffer<ArrayBuffer>>();
function gzipped(file: string): Buffer<ArrayBuffer> {
  let body = compressed.get(file);
  if (!body) {
    body = gzipSync(fs.readFileSync(file), { level: 9 }) as Buffer<ArrayBuffer>;
    compressed.set(file, body);
  }
  return body;
}

/**
 * The dashboard (web/dist, built by `npm install`): hashed assets cached for good, any other
 * path the application page (the client routes it). Nothing outside web/dist/assets is served.
 */
function dashboard(pathname: string, acceptsGzip: boolean): Response {
  if (pathname.startsWith('/assets/')) {
    const name = path.basename(pathname);
    const file = path.join(dist, 'assets', name);
    const type = TYPES[path.extname(name)];
    if (!/^[\w.-]+$/.test(name) || !type || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const headers = {
      'content-type': type,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
    };
    if (acceptsGzip && COMPRESSIBLE.test(name))
      return new Response(gzipped(file), { headers: { ...headers, 'content-encoding': 'gzip' } });
    return new Response(fs.readFileSync(file), { headers });
  }
  const index = path.join(dist, 'index.html');
  const page = fs.existsSync(index) ? index : path.join(repoRoot, 'web', 'placeholder.html');
  return new Response(fs.readFileSync(page), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** An answer refusing the request before GraphQL sees it, worded in the request's language. */
const refusal = (
  status: number,
  code: string,
  key: MessageKey,
  params: MessageParams = {},
  headers: Record<string, string> = {},
) =>
  json(
    status,
    { errors: [{ message: formatMessage(key, params, requestLang()), extensions: { code, messageKey: key, params } }] },
    headers,
  );

/** A browser request from a page of another origin that is not allowed. */
function foreignOrigin(request: Request, url: URL): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return origin === 'null';
  return origin !== url.origin && !ALLOWED_ORIGINS.includes(origin);
}

/**
 * Security headers on every answer (docs/decisions/025): the dashboard runs only its own scripts
 * (no inline script; styles inline, as Ant Design writes them at run time), loads nothing from
 * elsewhere, and cannot be framed; no answer is sniffed as another type or sends a referrer.
 * Written here, not by a library: the well-kept ones (helmet) are middleware for Node's
 * response objects, and these answers are fetch Responses.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const anonymousBody = () =>
  refusal(413, 'PAYLOAD_TOO_LARGE', 'http.anonymousBody', { max: LIMITS.maxAnonymousBodyBytes });
const largeBody = () => refusal(413, 'PAYLOAD_TOO_LARGE', 'http.largeBodyForImport', { max: LIMITS.maxPlainBodyBytes });
const tooLarge = () => refusal(413, 'PAYLOAD_TOO_LARGE', 'http.bodyTooLarge', { max: LIMITS.maxBodyBytes });

/**
 * Whether the request's account may import: a dataset, 干部任免审批表 files (photos make them
 * large) or a roster spreadsheet — the only operations that need a large body.
 */
async function mayImport(request: Request): Promise<boolean> {
  const { viewer } = await resolveViewer(db, request);
  if (viewer.role === null) return false;
  const may = capabilitiesOf(viewer.role, viewer.unitCode);
  return may.includes('IMPORT_DATASET') || may.includes('READ_PERSONAL') || may.includes('KEEP_RESERVES');
}

const anonymousLimiter = new RateLimiterMemory({
  points: LIMITS.anonymousRequests,
  duration: LIMITS.anonymousWindowSeconds,
});
const anonymousBudget = (address: string) =>
  anonymousLimiter.consume(address).then(
    () => true,
    () => false,
  );

/** Routes a request: the API, the readiness probe, the dashboard — each answer with the security headers. */
export async function handle(request: Request, meta: RequestMeta = {}): Promise<Response> {
  const response = await inRequestLang(request, () => route(request, meta));
  const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // GraphiQL (outside production only) is an HTML page with inline scripts from its own CDN:
    // it keeps every header but the content policy.
    if (name === 'content-security-policy' && html && new URL(request.url).pathname.startsWith('/graphql')) continue;
    response.headers.set(name, value);
  }
  return response;
}

async function route(request: Request, meta: RequestMeta): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/health') {
    // `degraded`: the analytical copy could not catch up and answers from its last good data
    // version (`analytics` says since when and why); 503 once its background reload failed too.
    const copy = analyticsHealth();
    const status = !ready ? 'starting' : copy.state === 'ready' || copy.state === 'catching up' ? 'ok' : 'degraded';
    return json(ready && copy.ok ? 200 : 503, {
      status,
      dataVersion: dataVersion(),
      analytics: copy.state,
      // The data version whose first screen is computed ahead (server/ahead.ts).
      computedAhead: aheadStatus()?.version ?? null,
    });
  }
  if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
    if (request.method === 'POST') {
      // Operations come as JSON only: a form-encoded or multipart post (what a foreign page can
      // send without asking) is refused before it is read.
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql-response+json')
        return refusal(415, 'BAD_USER_INPUT', 'http.jsonOnly');
    }
    if (foreignOrigin(request, url)) return refusal(403, 'FORBIDDEN', 'http.foreignOrigin');
    // Callers without credentials have a small budget of their own, per address, and a small
    // body (sign-in and `me` need little): both refused before the body is read, so that
    // nothing they send reaches GraphQL's parser or validation at size.
    const anonymous = !hasCredentials(request);
    if (anonymous && Number(request.headers.get('content-length') ?? 0) > LIMITS.maxAnonymousBodyBytes)
      return anonymousBody();
    if (anonymous && !(await anonymousBudget(meta.address ?? 'local')))
      return refusal(
        429,
        'RATE_LIMITED',
        'http.anonymousRate',
        {},
        { 'retry-after': String(LIMITS.anonymousWindowSeconds) },
      );
    if (request.method === 'POST') {
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (declared > LIMITS.maxBodyBytes) return tooLarge();
      // Bodies above LIMITS.maxPlainBodyBytes are for dataset imports only (parsing 20 MB of
      // JSON holds the event loop ~0.3 s): refused before they are parsed unless the caller may
      // import.
      if (declared > LIMITS.maxPlainBodyBytes && !(await mayImport(request))) return largeBody();
      const text = await request.text();
      if (text.length > LIMITS.maxPlainBodyBytes && declared <= LIMITS.maxPlainBodyBytes && !(await mayImport(request)))
        return largeBody();
      if (anonymous && Buffer.byteLength(text) > LIMITS.maxAnonymousBodyBytes) return anonymousBody();
      if (text.length > LIMITS.maxBodyBytes) return tooLarge();
      // JSON nested deeper than any operation needs would exhaust the parser's stack.
      if (jsonDepth(text, LIMITS.maxJsonDepth) > LIMITS.maxJsonDepth)
        return refusal(400, 'BAD_USER_INPUT', 'http.tooDeep', { max: LIMITS.maxJsonDepth });
      request = new Request(request.url, { method: 'POST', headers: request.headers, body: text });
    }
    const server: ServerContext = { address: meta.address ?? 'local', requestId: randomUUID(), cookies: [] };
    const response = await yoga.fetch(request, server);
    // A body that is not JSON is refused without echoing it back (yoga's answer quotes it whole).
    if (response.status === 400 && (await response.clone().text()).includes('POST body sent invalid JSON'))
      return refusal(400, 'BAD_USER_INPUT', 'http.badJson');
    response.headers.set('x-request-id', server.requestId);
    for (const cookie of server.cookies) response.headers.append('set-cookie', cookie);
    return response;
  }
  if (url.pathname === '/export/roster.xlsx' && request.method === 'GET') {
    if (foreignOrigin(request, url)) return refusal(403, 'FORBIDDEN', 'http.foreignOrigin');
    return rosterDownload(request, url, refusal);
  }
  if (url.pathname === '/export/statistics.xlsx' && request.method === 'GET') {
    if (foreignOrigin(request, url)) return refusal(403, 'FORBIDDEN', 'http.foreignOrigin');
    return statisticsDownload(request, url, refusal);
  }
  if (request.method === 'GET' || request.method === 'HEAD')
    return dashboard(url.pathname, /\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''));
  return new Response('Not found', { status: 404 });
}
