// npm run bench -- load --scale city|national [--db sqlite|postgresql|both] [--seed N]
//   Imports a dataset, starts the server as `npm start` does (its own process), and sends load in
//   an open model: requests leave on schedule whether or not earlier ones have answered. Prints
//   throughput, p50/p95/p99, errors and the server's resident memory. Record results in
//   docs/benchmarks.md. Targets (issue: access control and hardening): reserves page p99 < 100 ms
//   at 100 requests/s; root compliance report p99 < 1 s at 2 requests/s; at twice the capacity a
//   fast 503 for the excess and p99 < 1 s for the admitted; memory back within 10 % of its
//   baseline a minute after the burst.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { flag } from './args.ts';
import { pct, script, startProductionServer } from './bench-server.ts';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Shot {
  status: number;
  ms: number;
  /** A 200 whose GraphQL answer carries errors (the first one's text). */
  error?: string;
}

/** Every GraphQL error seen in a run: the benchmark fails loudly on any, after printing. */
const errorsSeen: string[] = [];

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

// Unlimited sockets: an open model must not queue in the client (fetch's pool would).
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function post(base: string, token: string, body: string): Promise<Shot> {
  const sent = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      `${base}/graphql`,
      {
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - sent;
          const text = Buffer.concat(chunks).toString('utf8');
          const error = res.statusCode === 200 && text.includes('"errors"') ? text.slice(0, 500) : undefined;
          if (error) errorsSeen.push(error);
          resolve({ status: res.statusCode ?? 0, ms, error });
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: performance.now() - sent }));
    req.end(body);
  });
}

/** Sends `rate` requests a second for `seconds`, on schedule; returns every answer. */
async function openLoad(base: string, token: string, rate: number, seconds: number, body: (i: number) => string) {
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const shots: Promise<Shot>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    shots.push(post(base, token, body(i)));
  }
  const results = await Promise.all(shots);
  return { results, wallSeconds: (performance.now() - started) / 1000 };
}

function summary(name: string, rate: number, run: { results: Shot[]; wallSeconds: number }) {
  const ok = run.results.filter((r) => r.status === 200 && !r.error).map((r) => r.ms);
  const shed = run.results.filter((r) => r.status === 503).map((r) => r.ms);
  const failed = run.results.filter((r) => (r.status !== 200 || r.error) && r.status !== 503).length;
  const line = {
    name,
    rate,
    sent: run.results.length,
    ok: ok.length,
    shed: shed.length,
    failed,
    throughput: Math.round(ok.length / run.wallSeconds),
    p50: Math.round(pct(ok, 50)),
    p95: Math.round(pct(ok, 95)),
    p99: Math.round(pct(ok, 99)),
    shedP99: shed.length ? Math.round(pct(shed, 99)) : null,
  };
  console.log(
    `${name} at ${rate}/s: ${line.ok}/${line.sent} ok (${line.throughput}/s), ${line.shed} shed (503 p99 ${line.shedP99 ?? '-'} ms), ${failed} failed; p50 ${line.p50} ms, p95 ${line.p95} ms, p99 ${line.p99} ms`,
  );
  return line;
}

async function withServer(databaseUrl: string, run: (base: string, token: string, pid: number) => Promise<void>) {
  const { base, token, child } = await startProductionServer(
    databaseUrl,
    path.join(os.tmpdir(), `bench-admin-${process.pid}.txt`),
  );
  try {
    // The start's expiry job may just have rewritten tens of thousands of entries: let the
    // database settle (what autovacuum would do in the next minutes) so that the load measures
    // the server, not the clean-up after a mass update.
    if (databaseUrl.startsWith('postgres')) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const t = performance.now();
      await client.query('VACUUM ANALYZE');
      await client.end();
      console.log(`VACUUM ANALYZE after the start: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await run(base, token, child.pid!);
  } finally {
    child.kill('SIGTERM');
  }
  if (errorsSeen.length)
    throw new Error(`${errorsSeen.length} answers carried GraphQL errors; the first: ${errorsSeen[0]}`);
}

async function benchDatabase(db: string, file: string, dir: string) {
  let url = `file:${path.join(dir, 'load.db')}`;
  let drop: (() => Promise<void>) | null = null;
  if (db === 'postgresql') {
    const name = `rc_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  try {
    script('scripts/data-import.ts', [file], { DATABASE_URL: url });
    await withServer(url, async (base, token, pid) => {
      const page = JSON.stringify({
        query: `{ reserves(first: 20, filter: { unitCode: "C01" }) { totalCount edges { node {
          id code status tier person { name gender age education } unit { name } } } } }`,
      });
      const report = (asOf: string) =>
        JSON.stringify({
          query: `{ complianceReport(unitCode: "C01", asOf: "${asOf}") { totals { rule breaches status } worstUnits(first: 100) { unitCode breaches } } }`,
        });
      // Warm: the copy, the kept answer of the first date.
      await openLoad(base, token, 5, 2, () => page);
      const baseline = rssMiB(pid);
      console.log(`[${db}] server resident memory after warm-up: ${baseline.toFixed(0)} MiB`);
      summary(`[${db}] reserves page`, 100, await openLoad(base, token, 100, 30, () => page));
      // Every request a date of its own: no kept answer, the report is computed each time.
      const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      summary(`[${db}] compliance report, computed`, 2, await openLoad(base, token, 2, 30, (i) => report(day(i))));
      summary(
        `[${db}] compliance report, kept answer`,
        2,
        await openLoad(base, token, 2, 15, () => report('2026-07-01')),
      );
      const before = rssMiB(pid);
      console.log(`[${db}] resident memory just before the burst: ${before.toFixed(0)} MiB`);
      const burst = summary(`[${db}] reserves page, burst`, 400, await openLoad(base, token, 400, 20, () => page));
      const peak = rssMiB(pid);
      await new Promise((r) => setTimeout(r, 60_000));
      const after = rssMiB(pid);
      console.log(
        `[${db}] memory: just before the burst ${before.toFixed(0)} MiB, after it ${peak.toFixed(0)} MiB, a minute later ${after.toFixed(0)} MiB (${(((after - before) / before) * 100).toFixed(1)} % over the level before it)`,
      );
      void burst;
    });
  } finally {
    await drop?.();
  }
}

export async function benchLoad(argv: string[]): Promise<void> {
  const scale = flag(argv, 'scale') ?? 'city';
  const seed = flag(argv, 'seed') ?? '1';
  const dbs = (flag(argv, 'db') ?? 'both') === 'both' ? ['sqlite', 'postgresql'] : [flag(argv, 'db')!];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const file = path.join(dir, `${scale}.json`);
  try {
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );
    script('scripts/data-generate.ts', ['--scale', scale, '--seed', seed, '--out', file], {});
    for (const db of dbs) await benchDatabase(db, file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
