// The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against `npm
// start` on the generated demo data: sign in, the overview's figures and heat map, a filter and a
// drill-down on the compliance page, a date change, an export, the language switch — with no
// console errors. Screenshots of every page go to tmp/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, workingDaysEnd } from '../../domain/calendar.ts';
import { addDays } from '../../domain/dates.ts';
import { ruleFigure } from '../../web/src/format.ts';
import { datasetText, smallDataset } from '../fixtures/small.ts';
import { type RunningServer, runScript, startServer } from '../helpers/server.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = path.resolve(import.meta.dirname, '../../tmp/screenshots');
/** The compliance table's gap column. */
const GAP_HEADER = '差距';

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
let tmpDir = '';

// Each test is a user's whole errand; on a loaded 2-core CI host it can take over a minute.
/**
 * Clicks a print button with the browser's print dialog stubbed out, and waits until the page
 * asked to print: the print area is then in the page, as the printer would get it.
 */
async function printWith(button: string, timeout: number) {
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    // No print dialog opens, so nothing ends the printing: the print area stays for the PDF below
    // (Chromium's printToPDF fires beforeprint and afterprint, and the page would clear it). A PDF
    // is laid out for print only with no media emulated (emulateMedia({ media: null })).
    const add = window.addEventListener.bind(window) as (...args: unknown[]) => void;
    (window as unknown as { addEventListener: (...args: unknown[]) => void }).addEventListener = (
      type: unknown,
      ...rest: unknown[]
    ) => (type === 'afterprint' ? undefined : add(type, ...rest));
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed?: boolean }).printed === true), { timeout })
    .toBe(true);
}

/**
 * Opens a tab of the entry drawer and waits for what it shows. On a loaded host a tab's first
 * click can land while the drawer still settles, so it clicks again until `shows` is there.
 */
async function openTab(drawer: Locator, tab: RegExp | string, shows: Locator) {
  await expect
    .poll(
      async () => {
        if ((await shows.count()) === 0) await drawer.getByRole('tab', { name: tab }).click();
        return shows.count();
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBeGreaterThan(0);
}

/**
 * Confirms a confirmation dialog. On a loaded host a click can land while the dialog still zooms
 * in and be lost, so it clicks again while the dialog stays (it answers once, so a second click
 * cannot send twice).
 */
async function confirmUntilClosed(dialog: Locator, button: RegExp | string = /确\s*认/) {
  await expect
    .poll(
      async () => {
        if ((await dialog.count()) > 0)
          await dialog
            .getByRole('button', { name: button })
            .click({ timeout: 2_000 })
            .catch(() => {});
        return dialog.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(0);
}

describe('the dashboard in Chromium', { timeout: 150_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    fs.mkdirSync(shots, { recursive: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-web-'));
    server = await startServer({
      DATABASE_URL: `file:${path.join(dir, 'web.db')}`,
      ADMIN_PASSWORD_FILE: path.join(dir, 'pw'),
      // As deployed: the session may run only the operations the build registered.
      NODE_ENV: 'production',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const password = fs.readFileSync(path.join(dir, 'pw'), 'utf8').trim();
    tmpDir = dir;
    await page.goto(`${server.base}/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders Chinese with a CJK font, not as boxes', async () => {
    // Two different characters drawn alike can only be the missing-glyph box.
    const alike = await page.evaluate(() => {
      const draw = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const context = canvas.getContext('2d')!;
        context.font = '32px sans-serif';
        context.fillText(ch, 2, 34);
        return canvas.toDataURL();
      };
      return draw('中') === draw('国');
    });
    expect(alike, 'Chinese renders as boxes: install fonts-noto-cjk (.ci/run does)').toBe(false);
  });

  it('shows the overview’s figures and heat map in Chinese', async () => {
    await page.waitForURL(/\/overview/);
    await expect.poll(() => page.getByText('后备干部总数').count(), { timeout: 30_000 }).toBe(1);
    const pool = await page.locator('.ant-statistic').first().textContent();
    // The demo has reserves: the first figure is a positive number.
    expect(Number(pool?.replace(/\D/g, ''))).toBeGreaterThan(0);
    // The heat map: a table of the worst units, each judged rule a coloured cell named for what it is.
    const heatmap = page.getByRole('table', { name: '最需关注的单位（已评判的指标）' });
    await expect
      .poll(() => heatmap.getByRole('button', { name: /：(达标|预警|未达标)$/ }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  });

  it('opens the people behind a figure and exports them, and ranks the worst units', async () => {
    // The special-structure card says "N / M 人"; its number opens the N people it counts.
    const card = page.locator('.ant-card').filter({ hasText: '特殊结构占比' }).first();
    const special = Number((await card.textContent())!.match(/(\d+) \/ \d+ 人/)![1]);
    await card.locator('button.figure-link').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '特殊结构占比' });
    await expect.poll(() => drawer.getByText(`共 ${special} 条`).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => drawer.locator('.ant-table-row').count()).toBe(Math.min(special, 100));
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await drawer.getByRole('button', { name: '导出 Excel' }).click();
    const file = path.join(shots, 'drill.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    // Two title lines, a blank line, the header, then one row per person.
    expect(sheet.getRow(4).values).toContain('姓名');
    expect(sheet.rowCount).toBe(4 + special);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    await page.screenshot({ path: path.join(shots, 'overview-drill.png') });
    await page.keyboard.press('Escape');
    // The ranked view, one click away.
    await page.getByRole('button', { name: '单位排名' }).click();
    await page.waitForURL(/\/ranking/);
    await expect.poll(() => page.getByText('接续缺口最大的班子').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'ranking.png'), fullPage: true });
    await page.getByRole('menuitem', { name: '总览' }).click();
    await page.waitForURL(/\/overview/);
  });

  it('filters, drills down and changes the date on the compliance page, keeping them in the URL', async () => {
    await page.getByRole('menuitem', { name: '配备达标' }).click();
    await page.waitForURL(/\/compliance/);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Only breaches.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('未达标').click();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () =>
        (await page.locator('.ant-table-row td:last-child .ant-tag').allTextContents()).every((s) => s === '未达标'),
      )
      .toBe(true);
    // The sort goes into the URL too: a bookmarked view keeps it.
    await page.locator('th').filter({ hasText: GAP_HEADER }).click();
    await page.waitForURL(/order=GAP/);
    // Drill down to the first unit listed (shown with the units above it: 示范市·…·name).
    // (The name read and the click in one step: the sorted rows may still be arriving.)
    const unit = (
      await page
        .locator('.ant-table-row button')
        .first()
        .evaluate((b) => {
          (b as HTMLElement).click();
          return b.textContent ?? '';
        })
    )
      .trim()
      .split('·')
      .pop()!;
    await page.waitForURL(/unit=/);
    await expect.poll(() => page.locator('h3').filter({ hasText: unit }).count()).toBeGreaterThan(0);
    // Another date, through the URL a bookmark would hold.
    const url = new URL(page.url());
    url.searchParams.set('asOf', '2025-12-31');
    await page.goto(url.toString());
    await expect.poll(() => page.getByLabel('统计日期').inputValue()).toBe('2025-12-31');
    // The page as a reader sees it: once the rows (or the empty state) are in.
    await expect
      .poll(async () => (await page.locator('.ant-table-row').count()) + (await page.getByText('暂无数据').count()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'compliance.png'), fullPage: true });
  });

  it('exports the compliance rows to a spreadsheet headed by the unit and the date', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = path.join(shots, 'compliance.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(/配备达标情况（统计日期 2025-12-31/);
    // The title lines say what the print footer says: the filter, who exported it and when.
    const titles = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => String(sheet.getCell(`A${i}`).value ?? ''));
    expect(
      titles.some((l) => /统计日期 2025-12-31 · 政策版本 .* · admin 打印于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(l)),
    ).toBe(true);
    const header = titles.indexOf('') + 2; // the title lines, a blank line, then the header row
    expect(sheet.getRow(header).getCell(1).value).toBe('单位');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    // Read back against the API: the same rows, in the same order, with the same figures.
    const url = new URL(page.url());
    const statuses = url.searchParams.get('status');
    const statusLabel = { COMPLIANT: '达标', WARNING: '预警', BREACH: '未达标' };
    const api = await server.post<{
      complianceReport: {
        rows: {
          total: number;
          rows: {
            unitPath: string;
            unitCode: string;
            rule: string;
            numerator: number;
            denominator: number | null;
            base: number | null;
            value: number;
            target: number;
            gap: number;
            status: 'COMPLIANT' | 'WARNING' | 'BREACH';
          }[];
        };
      };
    }>(`{ complianceReport(unitCode: "${url.searchParams.get('unit')}", asOf: "${url.searchParams.get('asOf')}") {
      rows(${statuses ? `statuses: [${statuses}], ` : ''}orderBy: ${url.searchParams.get('order') ?? 'SEVERITY'}, direction: ${url.searchParams.get('dir') ?? 'DESC'}, first: 1000) {
        total rows { unitPath unitCode rule numerator denominator base value target gap status } } } }`);
    const { total, rows } = api.data!.complianceReport.rows;
    expect(sheet.rowCount).toBe(header + total);
    rows.forEach((r, i) => {
      const cells = sheet.getRow(header + 1 + i).values as unknown[];
      // values[0] is empty (ExcelJS counts columns from 1).
      expect(cells.slice(1, 3), `row ${i + 1}`).toEqual([r.unitPath, r.unitCode]);
      expect(cells.slice(4, 11), `row ${i + 1}`).toEqual([
        r.numerator,
        r.denominator ?? '',
        r.base ?? '',
        ruleFigure(r.rule, r, r.value),
        ruleFigure(r.rule, r, r.target),
        ruleFigure(r.rule, r, r.gap, 'gap'),
        statusLabel[r.status],
      ]);
    });
  });

  it('prints every row of the compliance table, with the units’ places, a footer and page numbers', async () => {
    await page.goto(`${server.base}/compliance`);
    const shown = page.getByText(/^共 \d+ 条$/);
    await expect.poll(() => shown.count(), { timeout: 30_000 }).toBe(1);
    const total = Number((await shown.textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(50); // more than the page on screen
    await printWith('打印', 30_000);
    // All rows, each unit with its place in the tree and its code; no controls.
    expect(await page.locator('#print-area tbody tr').count()).toBe(total);
    expect(await page.locator('#print-area button, #print-area input').count()).toBe(0);
    expect(await page.locator('#print-area tbody tr').first().locator('td').first().textContent()).toContain('·');
    // The footer and page numbers of every sheet.
    const rules = (await page.locator('#print-page').textContent())!;
    expect(rules).toMatch(/统计日期 \d{4}-\d{2}-\d{2} · 政策版本 .* · admin 打印于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rules).toContain('counter(pages)');
    // Looked at as printed (before the PDF: printing ends with afterprint, which clears the area).
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'compliance-print.png') });
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ path: path.join(shots, 'compliance-print.pdf'), preferCSSPageSize: true });
    const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(sheets).toBeGreaterThan(1);
  });

  it('prints a meeting pack for the unit: figures, rules, every breach and warning, gaps and worst units', async () => {
    await page.goto(`${server.base}/overview`);
    await expect.poll(() => page.getByText('后备干部总数').count(), { timeout: 30_000 }).toBe(1);
    const pool = (await page.locator('.ant-statistic').first().textContent())!.replace(/\D/g, '');
    await printWith('打印会议材料', 60_000);
    const area = page.locator('#print-area');
    expect(await area.locator('section').count()).toBe(5);
    // Each section after the first starts a new sheet.
    expect(
      await area.evaluate((a) =>
        [...a.querySelectorAll('section')].map((x) => getComputedStyle(x as HTMLElement).breakBefore),
      ),
    ).toEqual(['auto', 'page', 'page', 'page', 'page']);
    expect(await area.locator('h3').allTextContents()).toEqual([
      '一、基本情况',
      '二、配备达标情况（按规则）',
      expect.stringMatching(/^三、未达标和预警明细（共 \d+ 项）$/),
      '四、接续缺口较大的班子',
      '五、问题较多的单位',
    ]);
    // The pack's figures are the page's.
    expect(await area.locator('section').first().locator('tbody tr').first().textContent()).toContain(pool);
    const count = Number((await area.locator('h3').nth(2).textContent())!.match(/共 (\d+) 项/)![1]);
    expect(await area.locator('section').nth(2).locator('tbody tr').count()).toBe(count);
    // Looked at as printed (before the PDF: printing ends with afterprint, which clears the area).
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'meeting-pack.png') });
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ path: path.join(shots, 'meeting-pack.pdf'), preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  });

  it('shows a unit’s team, gaps and reserves on the succession page, picked from the tree', async () => {
    await page.getByRole('menuitem', { name: '接续缺口' }).click();
    await page.waitForURL(/\/succession/);
    const titles = page.locator('.ant-tree-node-content-wrapper .ant-tree-title');
    await expect.poll(() => titles.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    // The root's first child.
    const child = titles.nth(1);
    // The title carries the subtree's gap as a badge after the name.
    const name = (await child.textContent())!.replace(/\s*(含下级无缺口|含下级缺 \d+)$/, '').trim();
    await child.click();
    await page.waitForURL(/unit=/);
    await expect.poll(() => page.locator('h3').filter({ hasText: name }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText('领导班子职位').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'succession.png'), fullPage: true });
    // Printed: the gaps per kind, the team post by post, the reserves — the page's figures.
    const posts = await page
      .locator('.ant-card-small .ant-card-head-title')
      .filter({ hasNotText: /至 \d{4}-/ })
      .count();
    const reserves = Number((await page.getByText(/^后备干部 \(\d+\)$/).textContent())!.match(/\d+/)![0]);
    const gaps = await page
      .locator('.ant-card-small .ant-card-head-title')
      .filter({ hasText: /至 \d{4}-/ })
      .count();
    await printWith('打印接续情况', 30_000);
    const area = page.locator('#print-area');
    expect(await area.locator('h2').textContent()).toMatch(
      new RegExp(`·${name}领导班子接续情况（统计日期 \\d{4}-\\d{2}-\\d{2}）$`),
    );
    expect(await area.locator('h3').allTextContents()).toEqual([
      '一、接续缺口',
      '二、领导班子职位',
      `三、后备干部（共 ${reserves} 人）`,
    ]);
    expect(await area.locator('section').nth(0).locator('tbody tr').count()).toBe(gaps);
    expect(await area.locator('section').nth(1).locator('tbody tr').count()).toBe(posts);
    expect(await area.locator('section').nth(2).locator('tbody tr').count()).toBe(Math.min(reserves, 100));
    expect(await area.locator('button, input').count()).toBe(0);
    expect((await page.locator('#print-page').textContent())!).toMatch(/政策版本 .* · admin 打印于 /);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'succession-print.png') });
    await page.emulateMedia({ media: null });
    await page.pdf({ path: path.join(shots, 'succession-print.pdf'), preferCSSPageSize: true });
  });

  it('compares two candidates side by side on the succession page', async () => {
    // The unit picked above: its reserves, two of them ticked.
    const boxes = page.locator('.ant-table-row .ant-checkbox-input');
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const names = await page.locator('.ant-table-row .ant-btn-link').allTextContents();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: /对比所选（2\/3）/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('后备干部对比').count(), { timeout: 30_000 }).toBe(1);
    // The candidates' columns, once their records are read.
    await expect.poll(() => dialog.getByText('年度考核').count(), { timeout: 30_000 }).toBe(1);
    for (const name of names.slice(0, 2))
      expect(await dialog.getByText(new RegExp(name.trim())).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'succession-compare.png') });
    // Printed as shown: one column per candidate, the same rows.
    const shown = await dialog.locator('.ant-table-row').count();
    await printWith('打印对比表', 30_000);
    const area = page.locator('#print-area');
    expect(await area.locator('h2').textContent()).toMatch(/后备干部对比表（统计日期 /);
    expect(await area.locator('thead th').count()).toBe(3);
    expect(await area.locator('tbody tr').count()).toBe(shown);
    for (const name of names.slice(0, 2)) expect(await area.locator('thead').textContent()).toContain(name.trim());
    await page.emulateMedia({ media: 'print' });
    // Nothing but the print area is printed: the dialog it was printed from is hidden too.
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(shots, 'succession-compare-print.png') });
    await page.emulateMedia({ media: null });
    await page.pdf({ path: path.join(shots, 'succession-compare-print.pdf'), preferCSSPageSize: true });
    await page.keyboard.press('Escape');
  });

  it('scrolls the roster, filters it, opens an entry and moves it one step along its lifecycle', async () => {
    await page.getByRole('menuitem', { name: '后备库' }).click();
    await page.waitForURL(/\/roster/);
    const total = page.getByTestId('roster-total');
    const loaded = async () => Number((await total.textContent())?.match(/已加载 (\d+)$/)?.[1] ?? 0);
    await expect.poll(loaded, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
    await page.waitForTimeout(1000);
    const first = await loaded();
    // Scrolling towards the end of what is loaded loads further pages.
    await page.getByTestId('roster-table').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(loaded, { timeout: 30_000 }).toBeGreaterThan(first);
    await page.screenshot({ path: path.join(shots, 'roster.png') });
    // Only nominated entries: the filter is kept in the URL.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('已提名').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=NOMINATED/);
    await expect
      .poll(async () => {
        const tags = await page.locator('.vt-row .roster-status').allTextContents();
        return tags.length > 0 && tags.every((s) => s.trim() === '● 已提名');
      })
      .toBe(true);
    const nominated = Number((await total.textContent())!.match(/共 (\d+) 人/)![1]);
    // The first one's page, then the step to inspection.
    const row = page.locator('.vt-row').first();
    const code = (await row.locator('td').first().textContent())!.trim();
    await row.locator('a').click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    // Nothing is chosen for the user: the button waits for a step and says so.
    const move = drawer.getByRole('button', { name: '确认变更' });
    expect(await move.isDisabled()).toBe(true);
    expect(await drawer.getByText('请先选择要变更到的状态').count()).toBe(1);
    // The step, chosen (on a loaded host the list can take a moment to take the click).
    const chosen = drawer.locator('.ant-select-content[title="考察中"]');
    await expect
      .poll(
        async () => {
          if ((await chosen.count()) === 0) {
            await drawer.getByRole('combobox', { name: '变更为', exact: true }).click();
            await page.locator('.ant-select-dropdown:visible').getByTitle('考察中', { exact: true }).click();
          }
          return chosen.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    // Enter in a field sends nothing.
    await drawer.getByLabel('原因', { exact: true }).fill('按程序进入考察');
    await drawer.getByLabel('原因', { exact: true }).press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await drawer.getByText('已变更为“考察中”').count()).toBe(0);
    // Esc closes the innermost layer only: the drawer stays, and so does the input.
    await page.keyboard.press('Escape');
    expect(await drawer.isVisible()).toBe(true);
    // The button asks first, saying what changes; 取消 changes nothing.
    await move.click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => dialog.getByText('已提名 → 考察中').count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog.getByText('按程序进入考察').count()).toBe(1);
    await page.waitForTimeout(500); // the dialog's fade-in
    await page.screenshot({ path: path.join(shots, 'roster-confirm.png') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm:visible').count(), { timeout: 10_000 }).toBe(0);
    expect(await drawer.getByText('已变更为“考察中”').count()).toBe(0);
    // Closing with the step half chosen asks before discarding it.
    await page.locator('.ant-drawer-close:visible').click();
    const discard = page.locator('.ant-modal-confirm:visible').filter({ hasText: '放弃未保存的内容？' });
    await expect.poll(() => discard.count(), { timeout: 10_000 }).toBe(1);
    await discard.getByRole('button', { name: '继续编辑' }).click();
    // (Each dialog gone before the next: on a loaded host the fade-outs overlap.)
    await expect.poll(() => page.locator('.ant-modal-confirm:visible').count(), { timeout: 10_000 }).toBe(0);
    await move.click();
    const confirmStep = page.locator('.ant-modal-confirm:visible').filter({ hasText: '已提名 → 考察中' });
    await expect.poll(() => confirmStep.count(), { timeout: 10_000 }).toBe(1);
    await confirmUntilClosed(confirmStep);
    await expect.poll(() => drawer.getByText('已变更为“考察中”').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'roster-entry.png') });
    await page.locator('.ant-drawer-close:visible').click();
    // The list shows the entry's new status without a reload.
    const moved = page.locator('.vt-row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
    await expect.poll(() => moved.locator('.roster-status').textContent()).toBe('● 考察中');
    expect(nominated).toBeGreaterThan(0);
  });

  it('records a mentor and a talk on an entry’s page', async () => {
    // The entry moved above is still listed (its status changed in place).
    await page.locator('.vt-row a').first().click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    await openTab(drawer, /导师/, drawer.getByLabel('导师', { exact: true }));
    await drawer.getByLabel('导师', { exact: true }).fill('浏览器导师');
    await drawer.getByRole('button', { name: '添加导师' }).click();
    await expect.poll(() => drawer.getByRole('cell', { name: '浏览器导师' }).count(), { timeout: 30_000 }).toBe(1);
    await openTab(drawer, /谈话/, drawer.getByRole('button', { name: '记录谈话' }));
    await drawer.getByRole('button', { name: '记录谈话' }).click();
    await expect.poll(() => drawer.getByRole('cell', { name: '领导谈话' }).count(), { timeout: 30_000 }).toBe(1);
    // 重大事项报告: a change of work unit, then the department's finding on it.
    await openTab(drawer, /重大事项/, drawer.getByLabel('事项内容', { exact: true }));
    await drawer.getByLabel('事项内容', { exact: true }).fill('调任县发改局副局长');
    await drawer.getByRole('button', { name: '登记报告' }).click();
    const matter = drawer.getByRole('row', { name: /调任县发改局副局长/ });
    await expect.poll(() => matter.count(), { timeout: 30_000 }).toBe(1);
    await matter.getByRole('button', { name: '填写意见' }).click();
    await matter.getByLabel('核查意见').fill('已核实，岗位变动不影响培养');
    await matter.getByRole('button', { name: '保存意见' }).click();
    // Written once, so confirmed first; a change of unit cannot be found disqualifying.
    const findingDialog = page.locator('.ant-modal-confirm:visible').filter({ hasText: '只能登记一次' });
    await expect.poll(() => findingDialog.count(), { timeout: 10_000 }).toBe(1);
    expect(await findingDialog.textContent()).toContain('不宜继续培养否');
    await confirmUntilClosed(findingDialog);
    await expect
      .poll(() => matter.getByText(/已核实，岗位变动不影响培养（admin）/).count(), { timeout: 30_000 })
      .toBe(1);
    // 述职: recorded with its audience, listed as valid.
    await openTab(drawer, /述职/, drawer.getByLabel('述职范围', { exact: true }));
    await drawer.getByLabel('述职范围', { exact: true }).fill('全体干部职工大会');
    await drawer.getByRole('button', { name: '登记述职' }).click();
    const duty = drawer.getByRole('row', { name: /全体干部职工大会/ });
    await expect.poll(() => duty.count(), { timeout: 30_000 }).toBe(1);
    expect(await duty.getByRole('button', { name: /作\s*废/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'roster-records.png') });
    // The entry drawer closes by its button (Esc closes only a dropdown or a dialog inside it).
    await page.locator('.ant-drawer-close:visible').click();
  });

  it('records a training on an entry’s page and corrects it in place', async () => {
    await page.locator('.vt-row a').first().click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    await openTab(drawer, /培训/, drawer.getByLabel('项目', { exact: true }));
    await drawer.getByLabel('项目', { exact: true }).fill('浏览器培训班');
    await drawer.getByLabel('天数', { exact: true }).fill('3');
    await drawer.getByRole('button', { name: '登记培训' }).click();
    const row = drawer.getByRole('row', { name: /浏览器培训班/ });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await row.getByRole('button', { name: /更\s*正/ }).click();
    await drawer.getByLabel('天数', { exact: true }).fill('4.5');
    await drawer.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => row.getByRole('cell', { name: '4.5', exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => drawer.getByRole('row', { name: /浏览器培训班/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'roster-person-records.png') });
    // The entry drawer closes by its button (Esc closes only a dropdown or a dialog inside it).
    await page.locator('.ant-drawer-close:visible').click();
  });

  it('prints the roster as filtered, and asks for a filter before printing thousands', async () => {
    await page.goto(`${server.base}/roster`);
    const total = page.getByTestId('roster-total');
    await expect.poll(() => total.textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 人/);
    const all = Number((await total.textContent())!.match(/共 (\d+) 人/)![1]);
    if (all > 5000) {
      await page.getByRole('button', { name: '打印名册' }).click();
      await expect.poll(() => page.getByText(/超过一次可打印的 5000 人，请先按单位、状态等筛选/).count()).toBe(1);
    }
    await page.goto(`${server.base}/roster?status=NOMINATED`);
    await expect.poll(() => total.textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 人（已提名）/);
    const nominated = Number((await total.textContent())!.match(/共 (\d+) 人/)![1]);
    await printWith('打印名册', 30_000);
    expect(await page.locator('#print-area h2').textContent()).toMatch(/^后备干部名册（.+）$/);
    expect(await page.locator('#print-area tbody tr').count()).toBe(nominated);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'roster-print.png') });
    await page.emulateMedia({ media: null });
    // The same view as the 后备干部名册 spreadsheet: every entry, the standard columns, the title.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: '导出名册 Excel' }).click();
    const file = path.join(shots, 'roster.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(/后备干部名册$/);
    expect(String(sheet.getCell('A2').value)).toMatch(/状态：已提名 · 导出：admin/);
    expect(sheet.getRow(3).getCell(3).value).toBe('姓名');
    expect(sheet.rowCount).toBe(3 + nominated);
    const names = (await page.locator('#print-area tbody tr td:nth-child(2)').allTextContents()).sort();
    const sheetNames = Array.from({ length: nominated }, (_, i) => String(sheet.getRow(4 + i).getCell(3).value)).sort();
    expect(sheetNames).toEqual(names);
  });

  it('imports a roster spreadsheet: an unusual header mapped in the preview, then every row on confirmation', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['示范市后备干部名册（补充）']);
    sheet.addRow(['姓名', '性别', '民族', '生日', '参加工作时间', '全日制学历', '后备类别', '成熟度', '入库时间']);
    sheet.addRow(['名册新人', '女', '汉族', '1991.05', '2013.07', '大学', '副职后备 / 正科级', '远期', '2025-06-01']);
    const file = path.join(tmpDir, '补充名册.xlsx');
    await book.xlsx.writeFile(file);
    await page.goto(`${server.base}/roster`);
    await page.getByRole('button', { name: '导入名册' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '任一行有误则全部不导入' });
    await dialog.getByRole('combobox', { name: '导入到单位' }).fill('示范市');
    // The city itself (示范市（C01）), not whichever option a slow search shows first.
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '（C01）' });
    await expect.poll(() => option.count(), { timeout: 30_000 }).toBe(1);
    await option.click();
    await dialog.locator('.ant-modal-title').click();
    await expect
      .poll(() => dialog.locator('.ant-select-content').filter({ hasText: '（C01）' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '预览' }).click();
    // 生日 is not a usual name: the new person lacks a birth month, and the refusal says where.
    await expect
      .poll(() => dialog.locator('.ant-alert-error').textContent(), { timeout: 30_000 })
      .toContain('名册第 3 行“出生年月（年龄）”列：新增人员“名册新人”需要填写此列');
    await dialog.getByRole('combobox', { name: '生日' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('出生年月', { exact: true }).click();
    await expect.poll(() => dialog.locator('.ant-alert-error').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => dialog.getByText('新增 1，更新 0').count(), { timeout: 30_000 }).toBe(2);
    await page.screenshot({ path: path.join(shots, 'roster-import.png') });
    await dialog.getByRole('button', { name: '导入名册' }).click();
    const confirmDialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => confirmDialog.count()).toBe(1);
    await confirmUntilClosed(confirmDialog);
    await expect
      .poll(() => dialog.getByText(/导入完成：1 行；新增人员 1 人，新建后备记录 1 条/).count(), { timeout: 60_000 })
      .toBe(1);
    await expect.poll(() => page.locator('.ant-modal-confirm:visible').count()).toBe(0);
    await page.keyboard.press('Escape');
    const found = await server.post<{ reserves: { totalCount: number } }>(
      '{ reserves(filter: { search: "名册新人" }) { totalCount } }',
    );
    expect(found.data!.reserves.totalCount).toBe(1);
  });

  it('nominates by name and unit from pickers; eligibility names the open entry; the refusal is in Chinese', async () => {
    const found = await server.post<{
      reserves: { edges: { node: { person: { code: string; name: string }; unit: { code: string; name: string } } }[] };
    }>(
      '{ reserves(first: 1, filter: { status: [ACTIVE] }) { edges { node { person { code name } unit { code name } } } } }',
    );
    const { person, unit } = found.data!.reserves.edges[0]!.node;
    await page.goto(`${server.base}/roster`);
    await page.getByRole('button', { name: '提名', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // No codes to type: a name finds the person (with unit, age and post), a name finds the unit.
    await dialog.getByRole('combobox', { name: '提名人选' }).fill(person.name);
    const personOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({
      hasText: `（${person.code}）`,
    });
    await expect.poll(() => personOption.count(), { timeout: 30_000 }).toBe(1);
    expect(await personOption.textContent()).toMatch(/\d+岁/);
    await personOption.click();
    await expect.poll(() => dialog.getByTestId('person-chosen').textContent()).toContain(person.name);
    await dialog.getByRole('combobox', { name: '后备单位' }).fill(unit.name);
    const unitOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({
      hasText: `（${unit.code}）`,
    });
    await expect.poll(() => unitOption.count(), { timeout: 30_000 }).toBe(1);
    await unitOption.click();
    await dialog.getByLabel('拟任职级').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('正科级', { exact: true }).click();
    // The list closes before the next click (on a loaded host it can linger over the button).
    await expect
      .poll(
        async () => {
          if ((await page.locator('.ant-select-dropdown:visible').count()) > 0)
            await dialog
              .locator('.ant-modal-title')
              .click({ timeout: 2_000 })
              .catch(() => {});
          return page.locator('.ant-select-dropdown:visible').count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(0);
    await dialog.getByRole('button', { name: '资格审查' }).click();
    // The person is in the pool already: the check says so before the nomination is tried.
    await expect.poll(() => dialog.getByText('已在库或提名中').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'nomination.png') });
    await dialog.getByRole('button', { name: '确认提名' }).click();
    const refusal = dialog.locator('.ant-alert-error');
    await expect.poll(() => refusal.count(), { timeout: 30_000 }).toBe(1);
    const text = (await refusal.textContent())!;
    expect(text).toContain('已有一条进行中的后备干部记录');
    // Chinese throughout: no Latin word beyond the ids it quotes.
    expect(text.replace(/[A-Z]?\d+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    await page.keyboard.press('Escape');
  });

  it('exports an entry’s 干部任免审批表, imports forms back by unit (preview, confirm), and shows the record', async () => {
    const found = await server.post<{
      reserves: { edges: { node: { id: string; person: { code: string; name: string }; unit: { name: string } } }[] };
    }>(
      '{ reserves(first: 1, filter: { status: [ACTIVE] }) { edges { node { id person { code name } unit { name } } } } }',
    );
    const { id, person } = found.data!.reserves.edges[0]!.node;
    await page.goto(`${server.base}/roster?entry=${encodeURIComponent(id)}`);
    const drawer = page.locator('.ant-drawer');
    await openTab(drawer, '任免审批表信息', drawer.getByText('尚未导入此人的任免审批表', { exact: false }));
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await drawer.getByRole('button', { name: '导出任免审批表（.lrmx）' }).click();
    const exported = path.join(tmpDir, 'exported.lrmx');
    await (await download).saveAs(exported);
    const xml = fs.readFileSync(exported, 'utf8');
    expect(xml).toContain(`<XingMing>${person.name}</XingMing>`);
    // The officer fills in the 籍贯 in the form program and brings it back with a new person's form.
    const edited = path.join(tmpDir, `${person.name}.lrmx`);
    fs.writeFileSync(edited, xml.replace('<JiGuan></JiGuan>', '<JiGuan>江苏南京</JiGuan>'));
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByRole('button', { name: '导入任免审批表' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '任一文件有误则全部不导入' });
    // Nothing to send before a unit and files are chosen, and the button says so.
    await expect.poll(() => dialog.getByText('请先选择单位').count(), { timeout: 30_000 }).toBe(1);
    await dialog.getByRole('combobox', { name: '导入到单位' }).fill('示范市');
    // The city itself (示范市（C01）), not whichever option a slow search shows first.
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '（C01）' });
    await expect.poll(() => option.count(), { timeout: 30_000 }).toBe(1);
    await option.click();
    await dialog.locator('.ant-modal-title').click(); // the list closes as an officer moves on
    await expect.poll(() => dialog.getByText('请先选择单位').count(), { timeout: 30_000 }).toBe(0);
    const fixtures = path.join(import.meta.dirname, '../fixtures/lrmx');
    await dialog.locator('input[type=file]').setInputFiles([edited, path.join(fixtures, 'li-hongmei-gbk.lrmx')]);
    await dialog.getByRole('button', { name: '预览' }).click();
    // The preview's rows, or the refusal it shows instead (named, so a failure says why).
    await expect
      .poll(
        async () =>
          (await dialog.locator('.ant-alert-error').count())
            ? `refused: ${await dialog.locator('.ant-alert-error').first().textContent()}`
            : await dialog.locator('.ant-table-row').count(),
        { timeout: 30_000 },
      )
      .toBe(2);
    expect(await dialog.locator('.ant-table-row').filter({ hasText: '李红梅' }).textContent()).toContain('新增');
    expect(await dialog.locator('.ant-table-row').filter({ hasText: person.name }).textContent()).toContain('更新');
    await page.screenshot({ path: path.join(shots, 'lrmx-preview.png') });
    await dialog.getByRole('button', { name: '导入任免审批表' }).click();
    const confirmDialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => confirmDialog.count()).toBe(1);
    expect(await confirmDialog.textContent()).toContain('李红梅');
    await confirmUntilClosed(confirmDialog);
    await expect.poll(() => dialog.getByText(/导入完成：新增 1 人，更新 1 人/).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('.ant-modal-confirm:visible').count()).toBe(0);
    // A bad file: refused naming the file and the element, in Chinese; nothing imported.
    await dialog.locator('input[type=file]').setInputFiles([path.join(fixtures, 'bad-month.lrmx')]);
    await dialog.getByRole('button', { name: '预览' }).click();
    await expect
      .poll(() => dialog.locator('.ant-alert-error').textContent(), { timeout: 30_000 })
      .toContain('文件“bad-month.lrmx”的 ChuShengNianYue 项：不是年月');
    await page.keyboard.press('Escape');
    // The entry's page shows the form's record; personal data on request.
    await page.goto(`${server.base}/roster?entry=${encodeURIComponent(id)}`);
    await expect.poll(() => drawer.getByText(`${person.name}（`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await openTab(drawer, '任免审批表信息', drawer.getByText('江苏南京'));
    expect(await drawer.getByText('江苏南京').count()).toBe(1);
    // A correction on the page: the birthplace, saved, shown.
    await drawer.getByRole('button', { name: '修改任免审批表信息' }).click();
    await drawer.getByLabel('出生地').fill('江苏苏州');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => drawer.getByText('江苏苏州').count(), { timeout: 30_000 }).toBe(1);
    await drawer.getByRole('button', { name: '查看身份证号、照片和家庭成员' }).click();
    await expect.poll(() => drawer.getByText('公民身份号码').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'person-form.png') });
    // The 干部任免审批表 in print: two sheets of ruled boxes filled from the same record.
    await printWith('打印任免审批表', 30_000);
    const form = page.locator('#print-area');
    expect(await form.locator('h2').textContent()).toBe('干部任免审批表');
    expect(await form.locator('table').count()).toBe(2);
    expect(await form.textContent()).toContain(person.name);
    expect(await form.textContent()).toContain('江苏南京');
    await page.emulateMedia({ media: 'print' });
    // The second sheet starts on a page of its own.
    expect(await form.locator('.doc-break').evaluate((d) => getComputedStyle(d).breakAfter)).toBe('page');
    await page.screenshot({ path: path.join(shots, 'appointment-form-print.png'), fullPage: true });
    await page.emulateMedia({ media: null });
    // As PDF: two A4 sheets, the CJK font embedded (not left to the reader's machine).
    const pdf = (await page.pdf({ path: path.join(shots, 'appointment-form.pdf'), preferCSSPageSize: true })).toString(
      'latin1',
    );
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2);
    expect(pdf).toMatch(/\/Subtype\s*\/Type3|\/FontFile[23]?\b/);
    // The same form as an editable Word file.
    const wordDownload = page.waitForEvent('download', { timeout: 60_000 });
    await drawer.getByRole('button', { name: '任免审批表 Word' }).click();
    const word = path.join(shots, 'appointment-form.docx');
    await (await wordDownload).saveAs(word);
    const zip = await JSZip.loadAsync(fs.readFileSync(word));
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(body).toContain(person.name);
    expect(body).toContain('江苏南京');
    // 一人一卡: the card of the same person, on one sheet.
    await printWith('打印一人一卡', 30_000);
    expect(await form.locator('h2').textContent()).toBe('后备干部简要情况登记表');
    expect(await form.textContent()).toContain(person.name);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'card-print.png'), fullPage: true });
    await page.emulateMedia({ media: null });
    const card = (await page.pdf({ path: path.join(shots, 'card.pdf'), preferCSSPageSize: true })).toString('latin1');
    expect((card.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.locator('.ant-drawer-close:visible').click();
  });

  it('refuses an import with a bad record, listing the record and the field, and changes nothing', async () => {
    const bad = smallDataset();
    bad.people[0]!.birthDate = '1985-13-45';
    const file = path.join(tmpDir, 'bad.json');
    fs.writeFileSync(file, datasetText(bad));
    await page.goto(`${server.base}/roster`);
    const total = page.getByTestId('roster-total');
    const count = async () => (await total.textContent())?.match(/共 (\d+) 人/)?.[1];
    await expect.poll(count, { timeout: 30_000 }).toMatch(/^\d+$/);
    const before = await count();
    await page.getByRole('button', { name: '导入数据' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByRole('button', { name: '选择数据文件（JSON）' }).count(), { timeout: 30_000 })
      .toBe(1);
    // The file straight into the upload's input (a click's file chooser once never came on CI's loaded host).
    await dialog.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => dialog.getByText(/导入未执行，数据未作任何改动/).count(), { timeout: 30_000 }).toBe(1);
    expect(await dialog.getByRole('cell', { name: String(bad.people[0]!.id) }).count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('cell', { name: 'birthDate' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'roster-import-error.png') });
    await page.keyboard.press('Escape');
    await page.reload();
    await expect.poll(count, { timeout: 30_000 }).toBe(before);
  });

  it('records a policy version from the policy page and lists it in the history', async () => {
    await page.getByRole('menuitem', { name: '政策' }).click();
    await page.waitForURL(/\/policy/);
    const ratio = page.getByLabel('正职后备与职数比');
    await expect.poll(() => ratio.inputValue(), { timeout: 30_000 }).toBe('2');
    await ratio.fill('2.5');
    await ratio.press('Tab');
    await page.getByLabel('说明').fill('浏览器测试');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByText(/已保存版本 \d+/).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '浏览器测试' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: /正职后备与职数比: 2.5/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'policy.png'), fullPage: true });
    // A rule set of the documents, loaded for its unit kind with its clauses; saving would record it.
    await page.getByRole('combobox', { name: '预设规则集' }).click();
    await page.getByTitle('国有企业后备干部').click();
    await expect.poll(() => page.getByText('「年龄:男45周岁以下,女40周岁以下」').count()).toBe(1);
    await page.getByRole('button', { name: '载入到修改（保存后生效）' }).click();
    await expect
      .poll(() => page.getByLabel('副职后备年龄上限（女性，0=同上）').inputValue(), { timeout: 30_000 })
      .toBe('40');
    expect(await page.getByLabel('副职后备年龄上限', { exact: true }).inputValue()).toBe('45');
    expect(await page.getByText('硕士研究生及以上 1 年；本科及以上 3 年；大专及以上 5 年').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-select').filter({ hasText: '国有企业' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'policy-preset.png'), fullPage: true });
    await page.getByRole('button', { name: '撤销修改' }).click();
    await expect.poll(() => page.getByLabel('副职后备年龄上限', { exact: true }).inputValue()).toBe('40');
  });

  it('projects, runs Monte Carlo with a band, saves a scenario and optimises on the planning page', async () => {
    await page.getByRole('menuitem', { name: '规划' }).click();
    await page.waitForURL(/\/planning/);
    // Before the first run the page says what it will answer; the form starts from history, in percent.
    await expect.poll(() => page.getByText('补充规划测算').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText(/历史数据测算: \d/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /测\s*算/ })
      .first()
      .click();
    await expect.poll(() => page.getByText('需补充后备干部').count(), { timeout: 30_000 }).toBe(1);
    // Each row says how its intake is worked out.
    await expect.poll(() => page.getByText(/个职数，目标 \d+ 人；期末预计留存/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /蒙特卡洛/ }).click();
    await expect.poll(() => page.getByText(/P10–P90：\d+–\d+ 人/).count(), { timeout: 60_000 }).toBe(1);
    await page.getByLabel('情景名称').fill('浏览器测试情景');
    await page.getByRole('button', { name: '保存情景' }).click();
    await expect.poll(() => page.getByText('浏览器测试情景').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // A second scenario with a lower promotion probability, and the two side by side.
    await page.getByLabel('提拔概率').fill('50');
    await page.getByLabel('情景名称').fill('浏览器测试情景二');
    await page.getByRole('button', { name: '保存情景' }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name: '浏览器测试情景二' }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('checkbox', { name: '浏览器测试情景', exact: true }).check();
    await page.getByRole('checkbox', { name: '浏览器测试情景二' }).check();
    await page.getByRole('button', { name: /对比所选情景（2）/ }).click();
    await expect.poll(() => page.getByText('情景对比').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '浏览器测试情景二' }).count()).toBe(1);
    await page.getByLabel('每年补充名额预算').fill('50');
    await page.getByRole('button', { name: '优化分配' }).click();
    await expect.poll(() => page.getByText(/优化方案/).count(), { timeout: 30_000 }).toBe(1);
    // What binds, in the reader's language and by year: the budget of 50 cannot cover the demo's need.
    await expect.poll(() => page.getByText(/优化方案 — 第1年已分配 50 \/ 50/).count()).toBe(1);
    await expect.poll(() => page.getByText(/第1年 50 个名额已分配完：仍缺后备干部 \d+ 名/).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'planning.png'), fullPage: true });
  });

  it('ends the wait for a Monte Carlo job the server no longer knows, with its message', async () => {
    // The job's polls ask for an id the server never gave (as after a restart): it answers NOT_FOUND.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('"SimulationJob"')) return route.continue();
      const request = JSON.parse(body);
      request.variables.id = 'job-gone';
      await route.continue({ postData: JSON.stringify(request) });
    });
    try {
      await page.getByRole('button', { name: /蒙特卡洛/ }).click();
      await expect.poll(() => page.getByText('模拟测算 job-gone 不存在').count(), { timeout: 15_000 }).toBe(1);
    } finally {
      await page.unroute('**/graphql');
    }
  });

  it('shows the statistics table: a cell opens its people, the sheet holds the same figures, and it prints', async () => {
    await page.getByRole('menuitem', { name: '统计表' }).click();
    await page.waitForURL(/\/statistics/);
    // The whole total's women: the number opens exactly that many entries.
    const women = page.getByRole('button', { name: '总计 女性', exact: true });
    await expect.poll(() => women.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(shots, 'statistics.png'), fullPage: true });
    const n = Number((await women.first().textContent())?.trim());
    expect(n).toBeGreaterThan(0);
    await women.first().click();
    const drawer = page.getByRole('dialog').filter({ hasText: '女性' });
    await expect.poll(() => drawer.getByText(`共 ${n} 条`).count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'statistics-drill.png') });
    await page.keyboard.press('Escape');
    // The spreadsheet: the same unit and date, the same whole total as the API.
    // The page opened on the account's scope root, today (nothing in the URL yet).
    const me = await server.post<{ me: { scopeRoot: string } }>('{ me { scopeRoot } }');
    const api = await server.post<{
      statisticsTable: { unitName: string; asOf: string; rows: { label: string; cells: { count: number }[] }[] };
    }>(`{ statisticsTable(unitCode: "${me.data!.me.scopeRoot}") { unitName asOf rows { label cells { count } } } }`);
    const table = api.data!.statisticsTable;
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: '导出 Excel' }).click();
    const file = path.join(shots, 'statistics.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`${table.unitName}后备干部统计表`);
    const last = 5 + 2 * (table.rows.length - 1);
    expect(sheet.getRow(last).getCell(1).value).toBe('总计');
    expect((sheet.getRow(last).values as unknown[]).slice(3)).toEqual(table.rows.at(-1)!.cells.map((c) => c.count));
    // Printed: every row with its count and share lines, on landscape sheets with a footer.
    await printWith('打印统计表', 30_000);
    expect(await page.locator('#print-area tbody tr').count()).toBe(2 * table.rows.length);
    expect(await page.locator('#print-page').textContent()).toMatch(
      /后备干部统计表 · 统计日期 \d{4}-\d{2}-\d{2} · admin 打印于/,
    );
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'statistics-print.png') });
    await page.emulateMedia({ media: null });
    const sheets = (await page.pdf({ path: path.join(shots, 'statistics.pdf'), preferCSSPageSize: true })).toString(
      'latin1',
    );
    expect(sheets).toMatch(/\/Subtype\s*\/Type3|\/FontFile[23]?\b/);
    // The annual analysis report of last year, printed with its charts, and as Word.
    const year = new Date().getFullYear() - 1;
    await page.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await printWith('打印年度报告', 90_000);
    const report = page.locator('#print-area');
    expect(await report.locator('h2').textContent()).toBe(`${table.unitName}${year}年度后备干部队伍建设分析报告`);
    expect(await report.locator('.doc-figure img').count()).toBe(3);
    expect(await report.textContent()).toMatch(/年初（\d{4}年12月31日）在库后备干部 \d+ 人/);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'annual-report-print.png'), fullPage: true });
    await page.emulateMedia({ media: null });
    const reportPdf = (
      await page.pdf({ path: path.join(shots, 'annual-report.pdf'), preferCSSPageSize: true })
    ).toString('latin1');
    expect((reportPdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
    const reportDownload = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: '年度报告 Word' }).click();
    const reportFile = path.join(shots, 'annual-report.docx');
    await (await reportDownload).saveAs(reportFile);
    const reportZip = await JSZip.loadAsync(fs.readFileSync(reportFile));
    expect(Object.keys(reportZip.files).filter((n) => n.endsWith('.svg'))).toHaveLength(3);
  });

  it('records a committee meeting on the 会议 page, and the removal it adopted names it in the history', async () => {
    const found = await server.post<{
      reserves: { edges: { node: { code: string; person: { name: string }; unit: { code: string; name: string } } }[] };
    }>(
      '{ reserves(first: 1, filter: { status: [ACTIVE] }) { edges { node { code person { name } unit { code name } } } } }',
    );
    const { code, person, unit } = found.data!.reserves.edges[0]!.node;
    // From the entry's blocker or by hand: the form opens on the unit, the entry's item filled in.
    await page.goto(`${server.base}/meetings?${new URLSearchParams({ unit: unit.code, entry: code })}`);
    const form = page.locator('.ant-drawer:visible');
    await expect
      .poll(
        () =>
          form
            .locator('.ant-select-content')
            .filter({ hasText: `${person.name}（` })
            .count(),
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await form.locator('.ant-select-content[title="调整出库"]').count()).toBe(1);
    await form.getByLabel('应到会成员').fill('9');
    await form.getByLabel('实到会成员').fill('5');
    await expect.poll(() => form.getByText('到会人数不足：应到 9 人须至少 6 人到会，会议不能作出决定').count()).toBe(1);
    await form.getByLabel('实到会成员').fill('8');
    await expect.poll(() => form.getByText(/每项议题须赞成 5 票以上方为通过/).count()).toBe(1);
    await form.getByLabel('赞成 1').fill('4');
    await expect.poll(() => form.getByTestId('meeting-item-1').getByText('未通过').count()).toBe(1);
    await form.getByLabel('赞成 1').fill('7');
    await form.getByLabel('反对 1').fill('1');
    await expect.poll(() => form.getByTestId('meeting-item-1').getByText('通过', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'meeting-form.png') });
    // Saved only once confirmed, with what the meeting decided.
    await form.getByRole('button', { name: '保存会议记录' }).click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => dialog.getByText('应到 9 人，实到 8 人').count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog.getByText(/赞成 7 · 反对 1 · 弃权 0 · 通过/).count()).toBe(1);
    await confirmUntilClosed(dialog);
    const row = page.locator('.ant-table-row').filter({ hasText: '应到 9 人，实到 8 人' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.getByText('通过', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'meetings.png'), fullPage: true });
    // The entry, from the item: removed with a reason, confirmed; its history names the meeting.
    await row.getByText(`${person.name}（${unit.name}）`).click();
    const drawer = page.locator('.ant-drawer:visible');
    await expect.poll(() => drawer.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    const chosen = drawer.locator('.ant-select-content[title="已调出"]');
    await expect
      .poll(
        async () => {
          if ((await chosen.count()) === 0) {
            await drawer.getByRole('combobox', { name: '变更为', exact: true }).click();
            await page.locator('.ant-select-dropdown:visible').getByTitle('已调出', { exact: true }).click();
          }
          return chosen.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await drawer.getByLabel('原因', { exact: true }).fill('党委会研究决定调整');
    await drawer.getByRole('button', { name: '确认变更' }).click();
    const step = page.locator('.ant-modal-confirm:visible').filter({ hasText: '在库 → 已调出' });
    await expect.poll(() => step.count(), { timeout: 10_000 }).toBe(1);
    await confirmUntilClosed(step);
    await expect.poll(() => drawer.getByText('已变更为“已调出”').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => drawer.getByText(/党委会：调整出库（赞成 7 票，应到 9 人）/).count(), { timeout: 30_000 })
      .toBe(1);
    await page.screenshot({ path: path.join(shots, 'meeting-history.png') });
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-close:visible').first().click();
  });

  it('sends a village decision up for the township’s approval, given from the 报批备案 inbox', async () => {
    // A village reserve in the pool, and its party branch's decision to remove it (through the API).
    const villages = await server.post<{ units: { edges: { node: { code: string } }[] } }>(
      '{ units(level: VILLAGE, first: 30) { edges { node { code } } } }',
    );
    let picked: { code: string; person: { name: string }; unit: { code: string } } | null = null;
    for (const { node } of villages.data!.units.edges) {
      const r = await server.post<{
        reserves: {
          edges: { node: { code: string; targetRank: string; person: { name: string }; unit: { code: string } } }[];
        };
      }>(
        `{ reserves(first: 5, filter: { unitCode: "${node.code}", subtree: false, status: [ACTIVE] }) {
           edges { node { code targetRank person { name } unit { code } } } } }`,
      );
      picked = r.data!.reserves.edges.map((e) => e.node).find((n) => n.targetRank === 'VILLAGE_CADRE') ?? null;
      if (picked) break;
    }
    expect(picked).not.toBeNull();
    const decided = await server.post<{ recordMeeting: { items: { filings: { kind: string; status: string }[] }[] } }>(
      `mutation { recordMeeting(input: { unitCode: "${picked!.unit.code}", heldOn: "${new Date().toISOString().slice(0, 10)}",
         body: "村党支部委员会", members: 5, present: 5,
         items: [{ subject: REMOVAL, reserveId: "${picked!.code}", favour: 5, against: 0, abstain: 0 }] }) {
         items { filings { kind status } } } }`,
    );
    expect(decided.data!.recordMeeting.items[0]!.filings).toEqual([
      { kind: 'APPROVAL', status: 'PENDING' },
      { kind: 'FILING', status: 'PENDING' },
    ]);
    await page.goto(`${server.base}/filings`);
    const row = page
      .locator('.ant-table-row')
      .filter({ hasText: `${picked!.person.name}（` })
      .filter({ hasText: '审批' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'filings.png'), fullPage: true });
    await row.getByRole('button', { name: '批准' }).click();
    const form = page.locator('.ant-drawer:visible');
    await form.getByRole('button', { name: '批准' }).click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => dialog.getByText('待处理 → 已批准').count(), { timeout: 10_000 }).toBe(1);
    await confirmUntilClosed(dialog);
    // Gone from what waits; among all received, approved.
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    await page.getByText('收到的全部').click();
    const done = page
      .locator('.ant-table-row')
      .filter({ hasText: `${picked!.person.name}（` })
      .filter({ hasText: '已批准' });
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBe(1);
    // The entry says where its removal stands.
    await done.getByText(`${picked!.person.name}（`).click();
    const drawer = page.locator('.ant-drawer:visible');
    await expect
      .poll(() => drawer.getByTestId('entry-filings').textContent(), { timeout: 30_000 })
      .toMatch(/调整出库 · 审批 · .+：已批准/);
    await page.screenshot({ path: path.join(shots, 'filing-entry.png') });
    await page.locator('.ant-drawer-close:visible').first().click();
  });

  it('announces an appointment on working days from the entry’s page, and says from when it may be made', async () => {
    // An entry in the pool whose unit has a post of its kind and rank.
    const found = await server.post<{
      reserves: {
        edges: {
          node: { code: string; targetRank: string; targetPositions: { code: string; rank: string; title: string }[] };
        }[];
      };
    }>(
      '{ reserves(first: 50, filter: { status: [ACTIVE] }) { edges { node { code targetRank targetPositions { code rank title } } } } }',
    );
    const entry = found
      .data!.reserves.edges.map((e) => e.node)
      .find((n) => n.targetPositions.some((p) => p.rank === n.targetRank))!;
    const post = entry.targetPositions.find((p) => p.rank === entry.targetRank)!;
    await page.goto(`${server.base}/roster?q=${entry.code}`);
    await expect.poll(() => page.locator('.vt-row a').count(), { timeout: 30_000 }).toBe(1);
    await page.locator('.vt-row a').first().click();
    const drawer = page.locator('.ant-drawer:visible');
    await openTab(drawer, '选拔程序', drawer.getByLabel('拟任职位'));
    // The post chosen (the list may take a moment to take the click).
    const chosen = drawer.locator('.ant-select-content').filter({ hasText: post.title });
    await expect
      .poll(
        async () => {
          if ((await chosen.count()) === 0) {
            await drawer.getByLabel('拟任职位').click();
            await page
              .locator('.ant-select-dropdown:visible .ant-select-item-option')
              .filter({ hasText: post.title })
              .first()
              .click();
          }
          return chosen.count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() => drawer.getByText('任用前须进行任前公示（按工作日计算）').count(), { timeout: 30_000 })
      .toBe(1);
    await drawer.getByRole('button', { name: '发布任前公示' }).click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect
      .poll(() => dialog.getByText(post.title, { exact: false }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await confirmUntilClosed(dialog);
    // Five working days from today on the calendar (worked out by hand in test/unit/calendar.test.ts).
    const today = new Date().toISOString().slice(0, 10);
    const ends = workingDaysEnd(today, 5, CHINA_CALENDAR);
    await expect
      .poll(() => drawer.getByTestId('appointment-notice').textContent(), { timeout: 30_000 })
      .toBe(`任前公示：${today} 至 ${ends}（5 个工作日），${addDays(ends, 1)} 起方可任用`);
    await page.screenshot({ path: path.join(shots, 'appointment-notice.png') });
    await page.locator('.ant-drawer-close:visible').first().click();
  });

  it('appoints someone from outside the pool on the 任职 page once the notice is over, and counts the share', async () => {
    // A vacant post and, in its unit, someone the pool does not hold for it; the notice a month ago.
    const posts = await server.post<{
      positions: { edges: { node: { code: string; title: string; unit: { code: string; name: string } } }[] };
    }>('{ positions(vacant: true, first: 20) { edges { node { code title unit { code name } } } } }');
    const start = addDays(new Date().toISOString().slice(0, 10), -30);
    let chosen: { post: string; title: string; unit: string; person: { code: string; name: string } } | null = null;
    for (const { node } of posts.data!.positions.edges) {
      const people = await server.post<{ people: { edges: { node: { code: string; name: string } }[] } }>(
        `{ people(first: 10, filter: { unitCode: "${node.unit.code}", subtree: false }) { edges { node { code name } } } }`,
      );
      for (const { node: who } of people.data!.people.edges) {
        const r = await server.post(
          `mutation { announceAppointment(input: { personCode: "${who.code}", positionCode: "${node.code}", startsOn: "${start}" }) { id } }`,
        );
        if (!r.errors) {
          chosen = { post: node.code, title: node.title, unit: node.unit.name, person: who };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen).not.toBeNull();
    await page.goto(`${server.base}/appointments`);
    const notice = page
      .locator('.ant-card')
      .filter({ hasText: '进行中的任前公示' })
      .locator('.ant-table-row')
      .filter({ hasText: `${chosen!.person.name}（${chosen!.person.code}）` });
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => notice.getByText('非后备干部').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'appointments.png'), fullPage: true });
    await notice.getByRole('button', { name: '任职' }).click();
    const form = page.locator('.ant-drawer:visible');
    await form.getByRole('button', { name: '任职' }).click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => dialog.getByText(`空缺 → ${chosen!.person.name}`).count(), { timeout: 10_000 }).toBe(1);
    await confirmUntilClosed(dialog);
    // Listed among the year's appointments, not from the pool; the notice is done.
    const year = new Date().getUTCFullYear();
    const listed = page
      .locator('.ant-card')
      .filter({ hasText: `${year} 年的任职` })
      .locator('.ant-table-row')
      .filter({ hasText: chosen!.person.name });
    await expect.poll(() => listed.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => listed.getByText('非后备干部').count()).toBe(1);
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(0);
    // The overview's figure counts it this year.
    await page.goto(`${server.base}/overview`);
    await expect
      .poll(() => page.getByText(new RegExp(`${year} 年至今 \\d+ / \\d+`)).count(), { timeout: 30_000 })
      .toBe(1);
    await page.getByText(new RegExp(`${year} 年至今 \\d+ / \\d+`)).click();
    const drill = page.locator('.ant-drawer:visible');
    await expect
      .poll(() => drill.locator('.ant-table-row').filter({ hasText: chosen!.person.name }).count(), { timeout: 30_000 })
      .toBe(1);
    await page.screenshot({ path: path.join(shots, 'appointments-drill.png') });
    await page.locator('.ant-drawer-close:visible').first().click();
  });

  it('offers a leader only what a leader may do', async () => {
    const added = runScript('scripts/user-add.ts', ['leader-web', '--role', 'LEADER'], {
      DATABASE_URL: server.databaseUrl,
      input: 'a-long-password-1',
    });
    expect(added.status, added.stderr).toBe(0);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const leader = await context.newPage();
    leader.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await leader.goto(`${server.base}/`);
    await leader.getByLabel('用户名').fill('leader-web');
    await leader.getByLabel('密码').fill('a-long-password-1');
    await leader.getByRole('button', { name: /登\s*录/ }).click();
    await leader.waitForURL(/\/overview/);
    await leader.goto(`${server.base}/roster`);
    await expect.poll(() => leader.getByTestId('roster-total').textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 人/);
    expect(await leader.getByRole('button', { name: '导入数据' }).count()).toBe(0);
    await leader.locator('.vt-row a').first().click();
    await expect.poll(() => leader.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    expect(await leader.getByText('状态变更').count()).toBe(0);
    await leader.goto(`${server.base}/policy`);
    await expect.poll(() => leader.getByText('仅管理员（全辖）可修改政策').count(), { timeout: 30_000 }).toBe(1);
    expect(await leader.getByLabel('正职后备与职数比').isDisabled()).toBe(true);
    await leader.goto(`${server.base}/planning`);
    await expect.poll(() => leader.getByText('仅规划人员和管理员可保存情景').count(), { timeout: 30_000 }).toBe(1);
    await leader.goto(`${server.base}/overview`);
    await expect.poll(() => leader.getByText('后备干部总数').count(), { timeout: 30_000 }).toBe(1);
    await leader.screenshot({ path: path.join(shots, 'overview-1920.png') });
    await context.close();
  });

  it('switches to English and back, with no console errors all along', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Compliance' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'compliance-en.png'), fullPage: true });
    await page.getByRole('button', { name: /中\s*文/ }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '配备达标' }).count()).toBe(1);
    expect(errors.join('\n')).toBe('');
  });
});
