// The public commands (docs/api.md) as a user runs them, in child processes.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../server/interchange/roster.ts';
import { smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';

const root = path.resolve(import.meta.dirname, '../..');

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('reserves:expire', () => {
  const env = { DATABASE_URL: `file:${tempFile('expire.db')}` };

  it('expires the entries whose management period ended, once; a bad date exits non-zero', () => {
    expect(run('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env).status).toBe(0);
    // R03 entered on 2024-03-01: its three years end on 2027-03-01.
    const first = run('scripts/reserves-expire.ts', ['--as-of', '2027-03-01'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/R03 expired on 2027-03-01\n1 entry expired as of 2027-03-01/);
    const again = run('scripts/reserves-expire.ts', ['--as-of', '2027-03-01'], env);
    expect(again.stdout).toMatch(/^0 entries expired as of 2027-03-01$/m);
    const bad = run('scripts/reserves-expire.ts', ['--as-of', '2027-13-01'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--as-of must be a date YYYY-MM-DD, got "2027-13-01"/);
  });
});

describe('lrmx commands', () => {
  const env = { DATABASE_URL: `file:${tempFile('lrmx.db')}` };
  const fixtures = path.join(import.meta.dirname, '../fixtures/lrmx');

  it('imports 干部任免审批表 files into a unit, exports one back, and a bad file exits non-zero naming it', () => {
    expect(run('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env).status).toBe(0);
    const files = ['zhang-jianhua-utf8.lrmx', 'li-hongmei-gbk.lrmx'].map((f) => path.join(fixtures, f));
    const bad = run('scripts/lrmx-import.ts', [...files, path.join(fixtures, 'bad-month.lrmx'), '--unit', 'A'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/file "bad-month.lrmx", element ChuShengNianYue: is not a month/);
    const ok = run('scripts/lrmx-import.ts', [...files, '--unit', 'A'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/imported 2 file\(s\) into A: 2 created, 0 updated, 0 unchanged/);
    const zhang = /created\tzhang-jianhua-utf8.lrmx\t(\S+)\t张建华/.exec(ok.stdout)![1]!;
    const out = tempFile('zhang.lrmx');
    expect(run('scripts/lrmx-export.ts', [zhang, out], env).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('<XingMing>张建华</XingMing>');
    const back = run('scripts/lrmx-import.ts', [out, '--unit', 'A'], env);
    expect(back.stdout).toMatch(/0 created, 0 updated, 1 unchanged/);
  });
});

describe('roster:export', () => {
  const env = { DATABASE_URL: `file:${tempFile('roster.db')}` };

  it('writes the 后备干部名册 of a unit’s subtree in the standard columns, one row per entry, titled and frozen', async () => {
    const data = smallDataset();
    expect(run('scripts/data-import.ts', [writeDatasetFile(data)], env).status).toBe(0);
    const out = tempFile('roster.xlsx');
    const r = run('scripts/roster-export.ts', [out, '--unit', 'A', '--status', 'ALL'], env);
    expect(r.status, r.stderr).toBe(0);
    // The entries reserved for 甲县 and its township, every status.
    const units = new Set(['A', 'A1']);
    const expected = data.reserves.filter((e) => units.has(e.unitCode as string));
    expect(r.stdout).toMatch(new RegExp(`wrote .*: ${expected.length} entries`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toBe('甲县后备干部名册');
    expect(sheet.getRow(3).values).toEqual([undefined, ...ROSTER_COLUMNS.map(([name]) => name)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.rowCount).toBe(3 + expected.length);
    const people = new Map(data.people.map((p) => [p.id as string, p]));
    expected.forEach((e, i) => {
      const row = sheet.getRow(4 + i).values as unknown[];
      const p = people.get(e.personId as string)!;
      const born = p.birthDate as string;
      // 序号, 后备单位 (with its place), 姓名, 性别, 出生年月（年龄）.
      expect(row[1]).toBe(i + 1);
      expect(row[2]).toMatch(e.unitCode === 'A1' ? /^甲县·甲一镇$/ : /^甲县$/);
      expect(row[3]).toBe(p.name);
      expect(row[4]).toBe(p.gender === 'M' ? '男' : '女');
      expect(row[6]).toMatch(new RegExp(`^${born.slice(0, 4)}\\.${born.slice(5, 7)}（\\d+岁）$`));
      expect(row[15]).toMatch(e.targetKind === 'PRINCIPAL' ? /^正职后备 \/ / : /^副职后备 \/ /);
    });
    const bad = run('scripts/roster-export.ts', [out, '--status', 'SLEEPING'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--status must be one of/);
  });
});

describe('data commands', () => {
  const env = { DATABASE_URL: `file:${tempFile('cli.db')}` };

  it('import exits 0 and says what it imported; a rejected file exits non-zero with the error on stderr', () => {
    const file = writeDatasetFile(smallDataset());
    const ok = run('scripts/data-import.ts', [file], env);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/imported .*: units 5, positions 6, people 12, reserves 6/);
    const again = run('scripts/data-import.ts', [file], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/units\[0\] \(code "C01"\), field "code": duplicate/);
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('export writes the same bytes that were imported; --replace swaps the data', () => {
    const out = tempFile('out.json');
    expect(run('scripts/data-export.ts', [out], env).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(writeDatasetFile(smallDataset()), 'utf8'));
    const generated = tempFile('county.json');
    const gen = run('scripts/data-generate.ts', ['--scale', 'county', '--seed', '9', '--out', generated], env);
    expect(gen.status).toBe(0);
    expect(run('scripts/data-import.ts', [generated, '--replace'], env).status).toBe(0);
    expect(run('scripts/data-export.ts', [out], env).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(generated, 'utf8'));
  });

  it('audit:verify passes on an untouched log and names the record after a hand edit', async () => {
    const ok = run('scripts/audit-verify.ts', [], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: \d+ records/);
    const Database = (await import('better-sqlite3')).default;
    const file = env.DATABASE_URL.slice('file:'.length);
    const raw = new Database(file);
    raw.prepare(`UPDATE "AuditLog" SET "actor" = 'someone-else' WHERE "seq" = 1`).run();
    raw.close();
    const broken = run('scripts/audit-verify.ts', [], env);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/audit log broken at record 1: record 1 was changed/);
  });

  it('generate refuses an unknown scale', () => {
    const bad = run('scripts/data-generate.ts', ['--scale', 'planet', '--seed', '1', '--out', tempFile('x.json')], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--scale must be one of county, city, province, national, got "planet"/);
  });
});

describe('npm start on an empty database', () => {
  let server: ChildProcess | undefined;
  const port = 42_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  afterAll(() => server?.kill());

  it('migrates, loads the demo, makes the administrator, then serves /health, /graphql and / — signed in only', async () => {
    const passwordFile = tempFile('admin-password.txt');
    const databaseUrl = `file:${tempFile('start.db')}`;
    server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NODE_ENV: 'production',
        ADMIN_PASSWORD_FILE: passwordFile,
      },
      stdio: 'pipe',
    });
    let log = '';
    server.stdout?.on('data', (d) => (log += d));
    server.stderr?.on('data', (d) => (log += d));
    let status = 0;
    for (let i = 0; i < 240 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      status = await fetch(`${base}/health`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status, log).toBe(200);
    expect(log).toMatch(/loaded the demo dataset \(city/);
    // The administrator's password: in a file only its owner can read, never in the log.
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(log).not.toContain(password);
    expect(log).toContain(`its password is in ${passwordFile}`);

    const post = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
    const anonymous = await (await post('{ rootUnits { name } }')).json();
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();

    const login = await post(
      `mutation { login(username: "admin", password: "${password}") { username role unitCode } }`,
    );
    expect((await login.json()).data.login).toEqual({ username: 'admin', role: 'ADMIN', unitCode: null });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rc_session=rcs_[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/);
    const session = { cookie: cookie.split(';')[0]! };
    // In production a browser session runs only the dashboard's registered operations…
    const adHoc = await (await post('{ me { username } }', session)).json();
    expect(adHoc.errors[0].extensions.code).toBe('FORBIDDEN');
    // …while a script signs in with an API token and may ask anything.
    const made = run('scripts/token-create.ts', ['admin'], { DATABASE_URL: databaseUrl });
    expect(made.status, made.stderr).toBe(0);
    const bearer = { authorization: `Bearer ${made.stdout.trim().split('\n').at(-1)}` };

    const data = await (
      await post(
        '{ me { username } rootUnits { name } reserves(first: 3) { totalCount edges { node { id status person { name } } } } }',
        bearer,
      )
    ).json();
    expect(data.data.me).toEqual({ username: 'admin' });
    expect(data.data.rootUnits).toEqual([{ name: '示范市' }]);
    expect(data.data.reserves.totalCount).toBeGreaterThan(5000);
    expect(data.data.reserves.edges).toHaveLength(3);

    const broken = await (
      await post('{ reserves(first: 1, filter: { unitCode: "NOPE" }) { totalCount } }', bearer)
    ).json();
    expect(broken.errors[0].extensions).toEqual({
      code: 'NOT_FOUND',
      messageKey: 'auth.unitNotFound',
      params: { unit: 'NOPE' },
    });
    expect(JSON.stringify(broken)).not.toMatch(/stack|\.ts:\d+/);

    const page = await fetch(`${base}/`).then((r) => r.text());
    expect(page).toMatch(/后备干部/);
  });
});
