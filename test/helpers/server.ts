// Starts the server as `npm start` does (server/main.ts in a child process) and talks to it over
// HTTP, as a user's script would.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** Runs a project script to completion (a command of the public contract). */
export function runScript(script: string, args: string[], env: Record<string, string> & { input?: string }) {
  const { input, ...vars } = env;
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...vars },
    encoding: 'utf8',
    input: input === undefined ? undefined : `${input}\n`,
  });
}

export interface RunningServer {
  base: string;
  pid: number;
  databaseUrl: string;
  /** The administrator's API token. */
  token(): string;
  log(): string;
  /** Posts an operation signed in with the administrator's API token (made by `token:create`). */
  post<T = Record<string, unknown>>(
    query: string,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  health(): Promise<{ status: string; dataVersion: number | null }>;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  env = { ADMIN_PASSWORD_FILE: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-admin-')), 'password.txt'), ...env };
  let token = '';
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'pipe',
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const server: RunningServer = {
    base,
    pid: child.pid ?? 0,
    databaseUrl: env.DATABASE_URL ?? '',
    token: () => token,
    log: () => log,
    post: (query) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      }).then((r) => r.json()),
    health: () => fetch(`${base}/health`).then((r) => r.json()),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  for (let i = 0; i < 240; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const status = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) {
      // The first start made the administrator; a token for it, as a script would get one.
      const made = runScript('scripts/token-create.ts', ['admin'], env);
      if (made.status !== 0) throw new Error(`token:create failed: ${made.stderr}`);
      token = made.stdout.trim().split('\n').at(-1)!;
      return server;
    }
    if (child.exitCode !== null) break;
  }
  await server.stop();
  throw new Error(`the server did not become ready:\n${log}`);
}
