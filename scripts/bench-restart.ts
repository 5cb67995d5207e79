// npm run bench -- restart [--database-url file:…] [--scale city] [--seed N]: the server's
// restarts with the persisted analytical copy (docs/decisions/046). On a scratch copy of the
// database (or a generated one): the first start (the copy loaded into its file), then a restart
// after the process is killed (SIGKILL, as a crash), and one after SIGTERM — each: seconds to
// /health 200, the first analytics answer, and resident memory then, and again once the first
// screen is computed ahead (today's kept figures built). Target: ready < 5 s and ≤ 1 GiB
// resident at national scale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flag } from './args.ts';
import { script, startProductionServer } from './bench-server.ts';

/** The process's resident memory now, in MiB (Linux). */
function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export async function benchRestart(argv: string[]): Promise<void> {
  const scale = flag(argv, 'scale') ?? 'city';
  const seed = flag(argv, 'seed') ?? '1';
  const given = flag(argv, 'database-url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-restart-'));
  const file = path.join(dir, 'restart.db');
  const url = `file:${file}`;
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  try {
    if (given) {
      if (!given.startsWith('file:')) throw new Error('--database-url: a SQLite file (file:…), copied before use');
      fs.copyFileSync(given.slice('file:'.length), file);
    } else {
      const json = path.join(dir, `${scale}.json`);
      script('scripts/data-generate.ts', ['--scale', scale, '--seed', seed, '--out', json], {});
      script('scripts/data-import.ts', [json], { DATABASE_URL: url });
      fs.rmSync(json);
    }
    const passwordFile = path.join(dir, 'admin.txt');
    const rows: string[] = [];
    for (const [label, signal] of [
      ['first start (the copy loaded into its file)', 'SIGKILL'],
      ['restart after SIGKILL', 'SIGTERM'],
      ['restart after SIGTERM', 'SIGTERM'],
    ] as const) {
      const server = await startProductionServer(url, passwordFile);
      const pid = server.child.pid!;
      const rss = residentMiB(pid);
      const copyLine = /analytics copy .*/.exec(server.log())?.[0] ?? '';
      // Then the first screen computed ahead (and today's kept figures built): memory once settled.
      const aheadStarted = performance.now();
      let ahead: number | null = null;
      while (performance.now() - aheadStarted < 120_000) {
        const health = (await fetch(`${server.base}/health`).then((r) => r.json())) as {
          dataVersion: number;
          computedAhead: number | null;
        };
        if (health.computedAhead !== null && health.computedAhead === health.dataVersion) {
          ahead = (performance.now() - aheadStarted) / 1000;
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      const settled = residentMiB(pid);
      rows.push(
        `${label}: ready in ${server.firstStart.readySeconds.toFixed(1)} s, first answer ${server.firstStart.firstAnswerMs.toFixed(0)} ms, resident ${rss} MiB; the first screen computed ahead ${ahead === null ? 'not within 120 s' : `${ahead.toFixed(1)} s later`}, resident then ${settled} MiB — ${copyLine}`,
      );
      console.log(rows.at(-1));
      await new Promise<void>((resolve) => {
        server.child.once('exit', () => resolve());
        server.child.kill(signal);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
