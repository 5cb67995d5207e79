// npm start: migrate, load the demo into an empty database, serve.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { formatMessage, langOf } from '../domain/messages.ts';
import { ADMISSION, Admission } from './admission.ts';
import { databaseConfig } from './db/config.ts';
import { migrate, repoRoot } from './db/migrations.ts';
import { LIMITS } from './limits-config.ts';

// The dashboard is built by `npm install`; a checkout without the build (or without the registered
// operations the build writes) gets it here.
const built = ['web/dist/index.html', 'web/persisted-operations.json'].every((f) =>
  fs.existsSync(path.join(repoRoot, f)),
);
if (!built) {
  console.log('building the dashboard (web/dist)…');
  const build = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) console.error('the dashboard did not build; / shows a notice instead');
}

const config = databaseConfig();
// Migrate before anything opens the database: the schema engine wants the SQLite file to itself.
const applied = await migrate(config);
console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'database schema is up to date');

const { db } = await import('./db/client.ts');
const { ensureAdministrator, loadDemoIfEmpty } = await import('./startup.ts');
const { handle, markReady } = await import('./yoga.ts');

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

const admission = new Admission(ADMISSION);

class TooLarge extends Error {}

const server = createServer(async (req, res) => {
  // The readiness probe is never shed: a loaded server is still alive.
  const probe = req.url === '/health';
  const release = probe ? () => {} : await admission.enter();
  if (!release) {
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
    res.end(
      JSON.stringify({
        errors: [{ message: 'the server is busy; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      }),
    );
    return;
  }
  try {
    const url = `http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`;
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
    const response = await handle(new Request(url, { method: req.method, headers: req.headers as HeadersInit, body }), {
      address: req.socket.remoteAddress ?? 'unknown',
    });
    const headers = Object.fromEntries(response.headers);
    delete headers['set-cookie'];
    res.writeHead(response.status, { ...headers, 'set-cookie': response.headers.getSetCookie() });
    // Streamed: a large download (a national roster) is not held whole in memory. (The answers
    // are the fetch API's, from Node or from GraphQL Yoga's ponyfill: read through their reader.)
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (res.destroyed) {
          await reader.cancel();
          break;
        }
        if (!res.write(value)) await once(res, 'drain');
      }
    }
    res.end();
  } catch (error) {
    if (error instanceof TooLarge) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      // Refused before the request is handled: worded in the language it asks for here.
      const lang = langOf(req.headers['accept-language']);
      const params = { max: LIMITS.maxBodyBytes };
      res.end(
        JSON.stringify({
          errors: [
            {
              message: formatMessage('http.bodyTooLarge', params, lang),
              extensions: { code: 'PAYLOAD_TOO_LARGE', messageKey: 'http.bodyTooLarge', params },
            },
          ],
        }),
      );
      req.destroy();
    } else if (res.headersSent) {
      // A download broken off midway (the client left, or writing it failed): end the connection.
      if (!res.destroyed) console.error(error);
      res.destroy();
    } else {
      console.error(error);
      res.writeHead(500).end('Internal error');
    }
  } finally {
    release();
  }
});

server.requestTimeout = 60_000; // a body that trickles in does not hold a slot forever
// Idle keep-alive connections stay open a minute (Node's default is 5 s): a client that reuses a
// pooled connection just as the server drops it gets "other side closed" — seen on busy hosts.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => console.log(`serving on http://${host}:${port} (GraphQL at /graphql)`));
// An audit log written before the chain had a key is verified and re-keyed once.
const { anchorAuditHead, rekeyUnkeyedChain } = await import('./audit/verify.ts');
const rekeyed = await rekeyUnkeyedChain(db);
if (rekeyed.startsWith('re-keyed') || rekeyed.includes('broken')) console.log(rekeyed);
console.log(await loadDemoIfEmpty(db, config));
console.log(await ensureAdministrator(db));
// The chain's head is written down outside the database now and daily (and at every backup).
const anchor = () => anchorAuditHead(db, 'server').catch((error) => console.error('audit anchor failed', error));
await anchor();
setInterval(anchor, 24 * 3600_000).unref();
// Ready means the analytical copy is loaded too: the first dashboard query must not wait for it.
const { analytics } = await import('./analytics.ts');
const copy = await analytics();
console.log(`analytics copy ${copy.started}`);
// Loading leaves hundreds of megabytes of row arrays behind: collect them now, while nothing
// waits, rather than in a long pause under the first burst of requests.
(globalThis as { gc?: () => void }).gc?.();
markReady();
// Dynamic management: entries whose management period has ended expire now and daily.
const { scheduleExpiry } = await import('./reserves/expiry.ts');
scheduleExpiry(db);
// The simulation workers load their code now, while nothing waits, not on the first run.
const { monteCarloPool } = await import('../analytics/planning/monte-carlo-runner.ts');
monteCarloPool().warm();
// The overview of every account's scope, computed now and after each change (decision 048).
const { startAhead } = await import('./ahead.ts');
startAhead();
console.log('ready');

/** The body, refused as soon as it passes the limit (never read whole first). */
async function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > LIMITS.maxBodyBytes) throw new TooLarge(`the body may have at most ${LIMITS.maxBodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.maxBodyBytes) throw new TooLarge(`the body may have at most ${LIMITS.maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.$disconnect().finally(() => process.exit(0));
  });
}
