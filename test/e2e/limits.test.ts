// The server as production runs it: bodies bounded while they stream in, excess load shed with a
// fast 503, and in production no introspection, no field suggestions, and browser sessions
// limited to registered operations.

import fs from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';
import { type RunningServer, root, runScript, startServer } from '../helpers/server.ts';

let server: RunningServer;
let pid = 0;

const rssMiB = () => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

beforeAll(async () => {
  const env = {
    DATABASE_URL: `file:${tempFile('limits.db')}`,
    NODE_ENV: 'production',
    MAX_BODY_BYTES: String(1024 * 1024),
    MAX_CONCURRENT_REQUESTS: '2',
    MAX_QUEUED_REQUESTS: '2',
    QUEUE_TIMEOUT_MS: '200',
  };
  expect(runScript('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env).status).toBe(0);
  server = await startServer(env);
  pid = server.pid;
}, 120_000);
afterAll(() => server?.stop());

describe('in production', () => {
  it('answers no introspection and suggests no field names', async () => {
    const intro = await server.post('{ __schema { types { name } } }');
    expect(intro.errors?.[0]?.extensions?.code).toBeDefined();
    expect(JSON.stringify(intro)).not.toMatch(/"types"/);
    const typo = await server.post('{ reservs { totalCount } }');
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
  });

  it('lets a browser session run only registered operations; a script’s token runs any', async () => {
    const password = 'a-long-password-1';
    const added = runScript('scripts/user-add.ts', ['leader1', '--role', 'LEADER'], {
      DATABASE_URL: server.databaseUrl,
      input: password,
    });
    expect(added.status, added.stderr).toBe(0);
    const login = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(username: "leader1", password: "${password}") { role } }` }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const adHoc = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ rootUnits { code } }' }),
    }).then((r) => r.json());
    expect(adHoc.errors[0].extensions.code).toBe('FORBIDDEN');
    // Another credential beside the cookie gains nothing: a stray bearer header once let the
    // cookie's user run any operation, e.g. mint a token that outlives logout.
    for (const authorization of ['Bearer x', `Bearer ${server.token()}`]) {
      const beside = await fetch(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, authorization },
        body: JSON.stringify({ query: 'mutation { createApiToken(days: 366) { token } }' }),
      }).then((r) => r.json());
      expect(beside.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(beside.data ?? null).toBeNull();
    }
    // The dashboard's operations go by hash (web/persisted-operations.json, written by its build).
    const registered = JSON.parse(fs.readFileSync(path.join(root, 'web/persisted-operations.json'), 'utf8'));
    const byHash = (sha256Hash: string, variables = {}) =>
      fetch(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      }).then((r) => r.json());
    const meHash = Object.keys(registered).find((h) => registered[h].startsWith('query Me '))!;
    expect((await byHash(meHash)).data).toMatchObject({ me: { username: 'leader1', role: 'LEADER', unitCode: null } });
    expect((await byHash('0'.repeat(64))).errors[0].message).toBe('PersistedQueryNotFound');
    expect((await server.post('{ rootUnits { code } }')).data).toEqual({ rootUnits: [{ code: 'C01' }] });
  });
});

describe('security headers', () => {
  it('sends a strict content policy, no framing, no sniffing and no referrer on every answer', async () => {
    for (const [path, init] of [
      ['/', {}],
      ['/overview', {}],
      ['/health', {}],
      [
        '/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { username } }"}' },
      ],
      ['/nothing-here.txt', {}],
    ] as const) {
      const r = await fetch(`${server.base}${path}`, init as RequestInit);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect({ path, csp }).toMatchObject({ path, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The page runs no inline script: every script it names is a file of its own.
    const page = await (await fetch(`${server.base}/`)).text();
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});

describe('bodies and load', () => {
  it('refuses an endless chunked body at the limit, without holding it in memory', async () => {
    const before = rssMiB();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no answer')), 30_000);
    });
    // 413 (or the connection cut after it) long before 200 MiB were read.
    expect([413, -1]).toContain(status);
    expect(rssMiB() - before).toBeLessThan(100);
  });

  it('sheds a burst beyond capacity with a fast 503 and Retry-After, and still answers after', async () => {
    const query = '{ complianceReport(unitCode: "C01") { totals { rule status } } }';
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${server.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token()}` },
          body: JSON.stringify({ query }),
        }).then((r) => ({ status: r.status, retry: r.headers.get('retry-after') })),
      ),
    );
    const shed = answers.filter((a) => a.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(shed.every((a) => a.retry === '1')).toBe(true);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(30_000);
    // Once the burst has drained (the shedder may still see the lag of its last second for a
    // moment), the server answers again.
    await expect
      .poll(async () => (await server.post('{ me { username } }')).data, { timeout: 5000, interval: 250 })
      .toEqual({ me: { username: 'admin' } });
    expect((await server.health()).status).toBe('ok');
  });
});
