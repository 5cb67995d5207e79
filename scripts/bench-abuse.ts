// npm run bench -- abuse [--scale city] [--seed N]
//   Imports a dataset into SQLite, starts the server as `npm start` does in production mode, and
//   sends each attack shape the hardening work refuses (issue 17), timing the answer while
//   /health is polled every 50 ms: the time to refusal, the answer's status and code, and the
//   health check's worst latency meanwhile. Every shape must be refused (a non-refusal fails the
//   run). Record results in docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flag } from './args.ts';
import { script, startProductionServer } from './bench-server.ts';

export interface Shape {
  name: string;
  body: string;
  /** Sent with a read-only account's token (a LEADER of the whole tree). */
  signedIn: boolean;
  headers?: Record<string, string>;
}

const rnd = () => Math.random().toString(36).slice(2);

/** The attack shapes of the hardening issue (the e2e test sends them too). */
export function shapes(): Shape[] {
  const nested =
    '{ reserves(first:100){ edges{ node{ unit{ positions{ unit{ positions{ unit{ positions{ unit{ positions{ code }}}}}}}}}}}}';
  return [
    {
      name: 'nodes with 20 000 ids',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 20_000 }, (_, i) => `ReserveEntry:R${i}`) },
      }),
    },
    {
      name: 'nodes with 200 000 ids',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 200_000 }, (_, i) => `ReserveEntry:R${i}`) },
      }),
    },
    { name: 'nested lists under a page of 100 (145 bytes)', signedIn: true, body: JSON.stringify({ query: nested }) },
    {
      name: 'validation bomb, anonymous (2 900 fields)',
      signedIn: false,
      body: JSON.stringify({ query: `query Q${rnd()} { me { ${'username '.repeat(2900)}} }` }),
    },
    {
      name: 'validation bomb, signed in (2 900 fields)',
      signedIn: true,
      body: JSON.stringify({ query: `query Q${rnd()} { me { ${'username '.repeat(2900)}} }` }),
    },
    {
      name: 'reserveAlerts(kinds:) with 100 000 values',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($k: [AlertKind!]) { reserveAlerts(unitCode: "C01", kinds: $k) { total } }',
        variables: { k: Array.from({ length: 100_000 }, () => 'OVER_AGE') },
      }),
    },
    {
      name: 'reserves(filter: { status }) with 100 000 values',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($s: [ReserveStatus!]) { reserves(filter: { status: $s }, first: 1) { totalCount } }',
        variables: { s: Array.from({ length: 100_000 }, () => 'ACTIVE') },
      }),
    },
    {
      name: 'units(search:) of 1 MB',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($s: String) { units(search: $s) { edges { node { code } } } }',
        variables: { s: '%_'.repeat(512 * 1024) },
      }),
    },
    {
      name: 'setPolicy note of 20 MB',
      signedIn: true,
      body: JSON.stringify({
        query:
          'mutation ($n: String) { setPolicy(input: { effectiveFrom: "2030-01-01", overrides: {}, note: $n }) { id } }',
        variables: { n: 'x'.repeat(20 * 1024 * 1024) },
      }),
    },
    {
      name: 'NUL in a text (PostgreSQL failed on it)',
      signedIn: true,
      body: JSON.stringify({
        query: 'query ($s: String) { units(search: $s) { edges { node { code } } } }',
        variables: { s: 'a\u0000b' },
      }),
    },
    {
      name: 'malformed JSON, anonymous',
      signedIn: false,
      body: `{"query": "{ me { username } }", "x": ${'A'.repeat(2000)}}`,
    },
  ];
}

/**
 * Sends one shape (with `token` when it is signed in) while /health is polled every `everyMs`:
 * the answer, its time, and the health check's worst latency and failed checks meanwhile.
 */
export async function sendWhilePolling(base: string, shape: Shape, token: string, everyMs: number) {
  let worstHealthMs = 0;
  let healthFailures = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const t = performance.now();
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ok) healthFailures++;
      worstHealthMs = Math.max(worstHealthMs, performance.now() - t);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(shape.signedIn ? { authorization: `Bearer ${token}` } : {}),
      ...shape.headers,
    },
    body: shape.body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  // A poll or two after the answer, so that a stall at its end is seen too.
  await new Promise((r) => setTimeout(r, 2 * everyMs + 20));
  polling = false;
  await poll;
  return { status: response.status, text, ms, worstHealthMs, healthFailures };
}

export async function benchAbuse(argv: string[]): Promise<void> {
  const scale = flag(argv, 'scale') ?? 'city';
  const seed = flag(argv, 'seed') ?? '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-abuse-'));
  const databaseUrl = `file:${path.join(dir, 'abuse.db')}`;
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const file = path.join(dir, `${scale}.json`);
  script('scripts/data-generate.ts', ['--scale', scale, '--seed', seed, '--out', file], {});
  script('scripts/data-import.ts', [file], { DATABASE_URL: databaseUrl });
  fs.rmSync(file);
  const { base, env, child } = await startProductionServer(databaseUrl, path.join(dir, 'admin-password.txt'));
  // The attacker of the issue: a signed-in, read-only account.
  script('scripts/user-add.ts', ['abuse-leader', '--role', 'LEADER'], env, 'abuse-leader-password-1');
  const token = script('scripts/token-create.ts', ['abuse-leader'], env).trim().split('\n').at(-1)!;
  const failures: string[] = [];
  try {
    for (const shape of shapes()) {
      const { status, text, ms, worstHealthMs: worst, healthFailures } = await sendWhilePolling(base, shape, token, 50);
      if (healthFailures) failures.push(`${shape.name} (/health failed ${healthFailures}×)`);
      let code = '';
      try {
        code =
          (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? '';
      } catch {
        code = '(not JSON)';
      }
      const refused = status >= 400 || code !== '';
      if (!refused) failures.push(shape.name);
      console.log(
        `${shape.name}: ${refused ? 'refused' : 'NOT REFUSED'} in ${ms.toFixed(0)} ms (${status} ${code}, ${text.length} bytes); /health worst ${worst.toFixed(0)} ms`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`not refused, or /health failing meanwhile: ${failures.join(', ')}`);
}
