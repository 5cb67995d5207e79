// What the benchmarks that drive a running server share: running a project script to its end,
// a percentile, and starting the server as `npm start` does in production mode.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a project script to completion; its standard output (a failure throws with both streams). */
export function script(name: string, args: string[], env: Record<string, string>, input?: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, name), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    input: input === undefined ? undefined : `${input}\n`,
  });
  if (r.status !== 0) throw new Error(`${name} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The p-th percentile (nearest rank); NaN for no values. */
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** What the server's first start did before the benchmark begins. */
export interface FirstStart {
  /** Seconds from spawning the process to /health answering 200. */
  readySeconds: number;
  /** The expiry job's run at start: entries expired and its seconds. */
  expired: number;
  expirySeconds: number;
  /** The first analytics answer after the job (the copy's catch-up included), and /health then. */
  firstAnswerMs: number;
  health: { status: string; analytics: string; dataVersion: number | null };
}

/**
 * Starts server/main.ts in production mode on a random port, as `npm start` does, expiry job
 * included: waits (up to 10 minutes: a national copy takes a while to load) until /health
 * answers 200 and the expiry job has reported, then asks one analytics question and fails
 * loudly when it is answered with an error. Stop it with `child.kill()`.
 */
export async function startProductionServer(databaseUrl: string, adminPasswordFile: string) {
  const port = 41_000 + Math.floor(Math.random() * 9_000);
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: 'production',
    ADMIN_PASSWORD_FILE: adminPasswordFile,
  };
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(root, 'server/main.ts')],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const fail = (why: string) => {
    child.kill('SIGTERM');
    return new Error(`${why}\n--- server log ---\n${log.slice(-4000)}`);
  };
  let readySeconds = 0;
  for (let i = 0; i < 1200 && !readySeconds; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode !== null) throw fail(`the server exited with ${child.exitCode}`);
    const status = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) readySeconds = (performance.now() - started) / 1000;
  }
  if (!readySeconds) throw fail('the server was not ready within 10 minutes');
  // The expiry job runs right after ready; its report says how many entries and how long.
  let expiry: RegExpExecArray | null = null;
  for (let i = 0; i < 1200 && !expiry; i++) {
    expiry = /reserves:expire \S+: (\d+) entr(?:y|ies) expired \(([\d.]+) s\)/.exec(log);
    if (/reserves:expire failed/.test(log)) throw fail('the expiry job failed at start');
    if (!expiry) await new Promise((r) => setTimeout(r, 500));
  }
  if (!expiry) throw fail('the expiry job did not report within 10 minutes');
  const token = script('scripts/token-create.ts', ['admin'], env).trim().split('\n').at(-1)!;
  const t0 = performance.now();
  const answer = (await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ rootUnits { code } }' }),
  }).then((r) => r.json())) as { data?: { rootUnits: { code: string }[] }; errors?: unknown[] };
  const rootCode = answer.data?.rootUnits[0]?.code;
  if (!rootCode) throw fail(`no unit to ask about: ${JSON.stringify(answer)}`);
  const first = (await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ poolStructure(unitCode: "${rootCode}") { total } }` }),
  }).then((r) => r.json())) as { errors?: unknown[] };
  const firstAnswerMs = performance.now() - t0;
  if (first.errors?.length)
    throw fail(`the first analytics answer after start is an error: ${JSON.stringify(first.errors)}`);
  const health = (await fetch(`${base}/health`).then((r) => r.json())) as FirstStart['health'];
  if (health.analytics !== 'ready')
    throw fail(`analytics is not ready after the first answer: ${JSON.stringify(health)}`);
  const firstStart: FirstStart = {
    readySeconds,
    expired: Number(expiry[1]),
    expirySeconds: Number(expiry[2]),
    firstAnswerMs,
    health,
  };
  console.log(
    `first start: ready in ${readySeconds.toFixed(1)} s; the expiry job expired ${firstStart.expired} entries in ${firstStart.expirySeconds.toFixed(1)} s; the first analytics answer after it (the copy catching up included) ${firstAnswerMs.toFixed(0)} ms; /health ${JSON.stringify(health)}`,
  );
  return { base, env, child, token, firstStart, log: () => log };
}

/** Throws when a GraphQL answer's text carries errors: a benchmark never times failures. */
export function assertNoErrors(what: string, text: string): void {
  if (text.includes('"errors"')) throw new Error(`${what} answered with an error: ${text.slice(0, 1000)}`);
}
