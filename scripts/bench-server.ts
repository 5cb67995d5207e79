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

/**
 * Starts server/main.ts in production mode on a random port and waits (up to 10 minutes: a
 * national copy takes a while to load) until /health answers 200. Stop it with `child.kill()`.
 */
export async function startProductionServer(databaseUrl: string, adminPasswordFile: string) {
  const port = 41_000 + Math.floor(Math.random() * 9_000);
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: 'production',
    ADMIN_PASSWORD_FILE: adminPasswordFile,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(root, 'server/main.ts')],
    { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const status = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
  }
  return { base, env, child };
}
