// The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against `npm
// start` on the generated demo data: sign in, the overview's figures and heat map, a filter and a
// drill-down on the compliance page, a date change, an export, the language switch — with no
// console errors. Screenshots of every page go to tmp/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = path.resolve(import.meta.dirname, '../../tmp/screenshots');

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

describe('the dashboard in Chromium', () => {
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
    await page.goto(`${server.base}/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the overview’s figures and heat map in Chinese', async () => {
    await page.waitForURL(/\/overview/);
    await expect.poll(() => page.getByText('后备干部总数').count(), { timeout: 30_000 }).toBe(1);
    const pool = await page.locator('.ant-statistic').first().textContent();
    // The demo has reserves: the first figure is a positive number.
    expect(Number(pool?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect.poll(() => page.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
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
      .poll(async () => (await page.locator('.ant-table-row .ant-tag').allTextContents()).every((s) => s === '未达标'))
      .toBe(true);
    // Drill down to the first unit listed.
    const unit = (await page.locator('.ant-table-row button').first().textContent())!.trim();
    await page.locator('.ant-table-row button').first().click();
    await page.waitForURL(/unit=/);
    await expect.poll(() => page.locator('h3').filter({ hasText: unit }).count()).toBeGreaterThan(0);
    // Another date, through the URL a bookmark would hold.
    const url = new URL(page.url());
    url.searchParams.set('asOf', '2025-12-31');
    await page.goto(url.toString());
    await expect.poll(() => page.getByLabel('统计日期').inputValue()).toBe('2025-12-31');
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
    expect(sheet.getRow(3).values).toContain('单位');
    expect(sheet.rowCount).toBeGreaterThan(3);
  });

  it('shows a unit’s team, gaps and reserves on the succession page, picked from the tree', async () => {
    await page.getByRole('menuitem', { name: '接续缺口' }).click();
    await page.waitForURL(/\/succession/);
    const titles = page.locator('.ant-tree-node-content-wrapper .ant-tree-title');
    await expect.poll(() => titles.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    // The root's first child.
    const child = titles.nth(1);
    const name = (await child.textContent())!.trim();
    await child.click();
    await page.waitForURL(/unit=/);
    await expect.poll(() => page.locator('h3').filter({ hasText: name }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText('领导班子职位').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'succession.png'), fullPage: true });
  });

  it('projects, runs Monte Carlo with a band, saves a scenario and optimises on the planning page', async () => {
    await page.getByRole('menuitem', { name: '规划' }).click();
    await page.waitForURL(/\/planning/);
    await page.getByRole('button', { name: /测\s*算/ }).click();
    await expect.poll(() => page.getByText('需补充后备干部').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: /蒙特卡洛/ }).click();
    await expect.poll(() => page.getByText(/P10–P90 \d+–\d+/).count(), { timeout: 60_000 }).toBe(1);
    await page.getByLabel('情景名称').fill('浏览器测试情景');
    await page.getByRole('button', { name: '保存情景' }).click();
    await expect.poll(() => page.getByText('浏览器测试情景').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByLabel('补充名额预算').fill('50');
    await page.getByRole('button', { name: '优化分配' }).click();
    await expect.poll(() => page.getByText(/优化方案/).count(), { timeout: 30_000 }).toBe(1);
    // What binds, in the reader's language: the budget of 50 cannot cover the demo's need.
    await expect.poll(() => page.getByText(/50 个名额已分配完：仍缺后备干部 \d+ 名/).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'planning.png'), fullPage: true });
  });

  it('switches to English and back, with no console errors all along', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Compliance' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'compliance-en.png'), fullPage: true });
    await page.getByRole('button', { name: /中\s*文/ }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '配备达标' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
