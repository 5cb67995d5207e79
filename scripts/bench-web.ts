// npm run bench -- web --scale city|national [--seed N] [--database-url URL] [--runs N] [--rows N] [--step PX]
//   Imports a generated dataset into SQLite (or uses --database-url as it is), starts the server as
//   `npm start` does in production mode, and measures the dashboard in Debian's Chromium
//   (playwright-core), each run in a fresh browser context (empty cache):
//   - the time from navigation to the overview's figures on screen (target < 2 s, cold cache);
//   - after a change: how long the server takes to compute the overview ahead, and the overview
//     opened once it has and at once (target < 2 s);
//   - the JavaScript the overview loads, raw and gzip (target < 500 kB gzip);
//   - the roster's frame times while scrolling through 10 000 rows of the root's subtree (all of
//     them when it has fewer), rows loading as it goes (target: p95 frame < 20 ms).
// Record results in docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { flag } from './args.ts';
import { pct, script, startProductionServer } from './bench-server.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const median = (xs: number[]) => pct(xs, 50);

async function startServer(databaseUrl: string, dir: string) {
  const { base, env, child } = await startProductionServer(databaseUrl, path.join(dir, 'admin-password.txt'));
  // An administrator of the whole tree for the bench.
  const password = 'bench-password-1';
  const username = `web-bench-${process.pid}`;
  script('scripts/user-add.ts', [username, '--role', 'ADMIN'], env, password);
  return { base, child, username, password, env };
}

export async function benchWeb(argv: string[]): Promise<void> {
  const scale = flag(argv, 'scale') ?? 'city';
  const seed = flag(argv, 'seed') ?? '1';
  const runs = Number(flag(argv, 'runs') ?? 5);
  const scrollRows = Number(flag(argv, 'rows') ?? 10_000);
  // Pixels scrolled a frame: 100 at 60 frames a second is 6 000 px (about 150 rows) a second, a fast flick.
  const step = Number(flag(argv, 'step') ?? 100);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
  let databaseUrl = flag(argv, 'database-url');
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  if (!databaseUrl) {
    const file = path.join(dir, `${scale}.json`);
    script('scripts/data-generate.ts', ['--scale', scale, '--seed', seed, '--out', file], {});
    databaseUrl = `file:${path.join(dir, 'web.db')}`;
    script('scripts/data-import.ts', [file], { DATABASE_URL: databaseUrl });
    fs.rmSync(file);
  }
  const { base, child, username, password, env } = await startServer(databaseUrl, dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // A session cookie, as a signed-in user has.
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(username: "${username}", password: "${password}") { role } }`,
      }),
    });
    const [name, value] = login.headers.get('set-cookie')!.split(';')[0]!.split('=') as [string, string];
    const cookie = {
      name,
      value,
      domain: '127.0.0.1',
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict' as const,
    };

    // The overview, cold: a new context (empty cache) per run.
    let scripts: { url: string; raw: number; gzip: number }[] = [];
    const overviewOnce = async (): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      const loaded: { url: string; raw: number; gzip: number }[] = [];
      const failures: string[] = [];
      page.on('response', async (r) => {
        // An analytics answer that is an error fails the benchmark loudly (never a 120 s wait).
        if (new URL(r.url()).pathname === '/graphql') {
          const text = await r.text().catch(() => '');
          if (text.includes('"errors"')) failures.push(text.slice(0, 500));
          return;
        }
        if (r.request().resourceType() !== 'script') return;
        const body = await r.body().catch(() => Buffer.alloc(0));
        loaded.push({ url: new URL(r.url()).pathname, raw: body.length, gzip: gzipSync(body).length });
      });
      const started = Date.now();
      await page.goto(`${base}/overview`);
      const figures = page
        .locator('.ant-statistic-content-value')
        .first()
        .waitFor({ timeout: 120_000 })
        .then(() => true);
      for (;;) {
        if (failures.length) throw new Error(`the overview got an error from the server: ${failures[0]}`);
        if (await Promise.race([figures, new Promise((r) => setTimeout(r, 200, false))])) break;
      }
      const ms = Date.now() - started;
      // Then the heat map (a table whose judged cells are buttons named for their status), and
      // whatever else the page fetches, before its scripts are counted.
      await page.locator('table td button').first().waitFor({ timeout: 120_000 });
      await page.waitForLoadState('networkidle');
      scripts = loaded;
      await context.close();
      return ms;
    };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await overviewOnce());

    // After a change (a policy version in the future: every kept answer is for the old data
    // version): the overview opened once the server has computed it ahead, and at once.
    const token = script('scripts/token-create.ts', [username], env).trim().split('\n').pop()!;
    const health = async () => (await (await fetch(`${base}/health`)).json()) as Record<string, number | null>;
    const change = async (days: number) => {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation { setPolicy(input: { effectiveFrom: "2031-01-01", overrides: { alertWindowDays: ${days} } }) { id } }`,
        }),
      });
      const body = (await r.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`the change failed: ${JSON.stringify(body.errors)}`);
    };
    const ahead: number[] = [];
    const afterAhead: number[] = [];
    const atOnce: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The version computed before the change; the copy moves on when the server hears of it.
      const before = (await health()).computedAhead ?? 0;
      await change(40 + i);
      const started = Date.now();
      for (;;) {
        if (((await health()).computedAhead ?? 0) > before) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      ahead.push(Date.now() - started);
      afterAhead.push(await overviewOnce());
      await change(50 + i);
      atOnce.push(await overviewOnce());
    }
    console.log(
      `after a change: computed ahead in ${median(ahead)} ms (runs ${ahead.join(', ')}); the overview then ${median(afterAhead)} ms (runs ${afterAhead.join(', ')}) — target < 2000 ms; opened at once after the change ${median(atOnce)} ms (runs ${atOnce.join(', ')})`,
    );
    const raw = scripts.reduce((s, x) => s + x.raw, 0);
    const gzip = scripts.reduce((s, x) => s + x.gzip, 0);
    console.log(
      `overview figures on screen, cold cache: first ${times[0]} ms (server's first answer), then median ${median(times.slice(1))} ms, max ${Math.max(...times.slice(1))} ms (runs ${times.join(', ')}) — target < 2000 ms`,
    );
    console.log(
      `JavaScript the overview loads: ${scripts.length} files, ${(raw / 1024).toFixed(0)} kB raw, ${(gzip / 1024).toFixed(0)} kB gzip — target < 500 kB gzip`,
    );
    for (const s of scripts.sort((a, b) => b.gzip - a.gzip).slice(0, 6))
      console.log(`  ${(s.gzip / 1024).toFixed(0).padStart(4)} kB  ${s.url}`);

    // The roster: scroll through 10 000 rows, recording every frame.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(`${base}/roster`);
    await page.locator('.vt-row').first().waitFor({ timeout: 120_000 });
    const total = Number((await page.getByTestId('roster-total').textContent())?.match(/(\d+)/)?.[1] ?? 0);
    const rows = Math.min(scrollRows, total);
    const scroll = (again: boolean) =>
      page.evaluate(
        async ([target, step, again]: [number, number, boolean]) => {
          const holder = document.querySelector('[data-testid=roster-table]') as HTMLElement;
          holder.scrollTop = 0;
          await new Promise((r) => setTimeout(r, 500));
          const rowHeight = (document.querySelector('.vt-row') as HTMLElement).getBoundingClientRect().height;
          const frames: number[] = [];
          let waited = 0;
          const end = target * rowHeight;
          const started = performance.now();
          let last = started;
          while (holder.scrollTop < end) {
            await new Promise(requestAnimationFrame);
            const now = performance.now();
            frames.push(now - last);
            last = now;
            const before = holder.scrollTop;
            holder.scrollTop = before + step;
            if (holder.scrollTop === before) {
              if (again) break;
              // At the end of the loaded rows: wait for the next page (not counted as frames).
              const t0 = performance.now();
              while (holder.scrollHeight - holder.clientHeight <= holder.scrollTop + 1) {
                if (performance.now() - t0 > 30_000) throw new Error('no further rows came within 30 s');
                await new Promise((r) => setTimeout(r, 20));
              }
              waited += performance.now() - t0;
              last = performance.now();
            }
          }
          return { frames, rowHeight, seconds: (performance.now() - started) / 1000, waitedMs: waited };
        },
        [rows - 20, step, again] as [number, number, boolean],
      );
    const report = (what: string, result: Awaited<ReturnType<typeof scroll>>) => {
      const f = result.frames.slice(1);
      console.log(
        `roster, ${what}: ${rows} rows (${result.rowHeight.toFixed(0)} px, ${step} px a frame) in ${result.seconds.toFixed(1)} s${result.waitedMs ? `, waiting ${(result.waitedMs / 1000).toFixed(1)} s for pages` : ''}: ${f.length} frames, p50 ${pct(f, 50).toFixed(1)} ms, p95 ${pct(f, 95).toFixed(1)} ms, p99 ${pct(f, 99).toFixed(1)} ms, max ${Math.max(...f).toFixed(1)} ms — target p95 < 20 ms`,
      );
    };
    report('scrolling while pages load (the server on the same 2 cores)', await scroll(false));
    report('scrolling the loaded rows again', await scroll(true));
    console.log(`  (${await page.getByTestId('roster-total').textContent()})`);
    await context.close();
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
