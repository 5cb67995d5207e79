// The selection procedure in a real browser (Chromium via playwright-core) against a production
// server on the demo data, as an administrator (who keeps the pool): a nominated entry found on
// the Selection page gets a ballot round (the tally says passed) and a written score, goes to
// inspection, gets a FIT inspection, goes to publicity (the notice window and its admissible
// date), and an objection is raised and dismissed; the page lists it with its stage, score and
// window. Screenshots of the page and the Procedure tab go to tmp/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = path.resolve(import.meta.dirname, '../../tmp/screenshots');

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** A date as the server and the date pickers write it, in the host's time zone (the browser's too). */
function iso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const plusDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Picks a value in an Ant Design select by its label. */
async function choose(scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Moves the drawer's entry one step: the step chosen, the button, then the confirmation. */
/**
 * Confirms the open confirmation dialog and waits until it has gone. (On a loaded host a click can
 * land while the dialog still zooms in and be lost: clicked again while the dialog stays; the
 * dialog answers once, so a second click cannot send twice.)
 */
async function confirmDialog(dialog: Locator) {
  await expect
    .poll(
      async () => {
        if ((await page.locator('.ant-modal-confirm:visible').count()) > 0)
          await dialog
            .getByRole('button', { name: '确认' })
            .click({ timeout: 2_000 })
            .catch(() => {});
        return page.locator('.ant-modal-confirm:visible').count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(0);
}

async function moveTo(drawer: Locator, status: string) {
  await choose(drawer, '变更为', status);
  await drawer.getByRole('button', { name: '确认变更' }).click();
  const dialog = page.locator('.ant-modal-confirm:visible').filter({ hasText: new RegExp(`→ ${status}`) });
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(1);
  await confirmDialog(dialog);
}

describe('the selection procedure in Chromium', { timeout: 150_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    fs.mkdirSync(shots, { recursive: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sel-'));
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
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const password = fs.readFileSync(path.join(dir, 'pw'), 'utf8').trim();
    await page.goto(`${server.base}/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/overview/);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a nominated entry through ballot, inspection and publicity, with an objection dismissed', async () => {
    const today = new Date();
    // A nominated entry from a democratic recommendation, nominated before today: every record
    // below is dated today, between its nomination and now.
    const found = await server.post<{
      reserves: {
        edges: { node: { id: string; code: string; nominatedOn: string; person: { name: string } } }[];
      };
    }>(
      `{ reserves(first: 20, filter: { status: [NOMINATED], source: DEMOCRATIC_RECOMMENDATION }, orderBy: { field: NOMINATED_ON }) {
           edges { node { id code nominatedOn person { name } } } } }`,
    );
    const entry = found.data!.reserves.edges.map((e) => e.node).find((n) => n.nominatedOn < iso(today))!;
    expect(entry).toBeDefined();

    // The Selection page lists it; its name opens the drawer.
    await page.getByRole('menuitem', { name: '选拔' }).click();
    await page.waitForURL(/\/selection/);
    await expect
      .poll(() => page.getByTestId('selection-total').textContent(), { timeout: 30_000 })
      .toMatch(/共 \d+ 人/);
    await page.getByRole('searchbox', { name: '姓名或编号' }).fill(entry.code);
    await page.getByRole('searchbox', { name: '姓名或编号' }).press('Enter');
    await page.waitForURL(new RegExp(`q=${entry.code}`));
    await expect
      .poll(() => page.getByTestId('selection-total').textContent(), { timeout: 30_000 })
      .toBe('第 1 页，共 1 人');
    const row = page.locator('.ant-table-row').filter({ hasText: entry.code });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await row.getByRole('link', { name: entry.person.name }).click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('状态变化').count(), { timeout: 30_000 }).toBe(1);
    const procedure = drawer.getByTestId('procedure');
    // On a loaded host the drawer may still be settling when the tab is first clicked: click
    // again until the procedure tab shows.
    await expect
      .poll(
        async () => {
          if ((await procedure.getByText('录入民主推荐票数').count()) === 0)
            await drawer
              .getByRole('tab', { name: '选拔程序' })
              .click({ timeout: 5_000 })
              .catch(() => {});
          return procedure.getByText('录入民主推荐票数').count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);

    // A ballot: every voter group of the policy, 10 expected, 9 cast, 8 in favour, 1 against.
    for (const group of ['班子成员', '中层干部', '普通党员', '群众']) {
      await procedure.getByLabel(`${group} 应到`).fill('10');
      await procedure.getByLabel(`${group} 实到`).fill('9');
      await procedure.getByLabel(`${group} 赞成`).fill('8');
      await procedure.getByLabel(`${group} 反对`).fill('1');
    }
    await procedure.getByRole('button', { name: '保存推荐结果' }).click();
    // The ballot is confirmed first, with its numbers.
    const ballotDialog = page.locator('.ant-modal-confirm:visible');
    await expect
      .poll(() => ballotDialog.getByText(/应到 \d+，实到 \d+，赞成 \d+/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await confirmDialog(ballotDialog);
    const round = procedure.getByTestId('recommendation-round');
    await expect.poll(() => round.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => round.locator('.ant-tag').textContent()).toBe('通过');
    // The total: 40 expected, 36 cast (90.0 %), 32 in favour (88.9 %).
    const total = await round.locator('tr.procedure-total td').allTextContents();
    expect(total).toEqual(['合计', '40', '36', '32', '4', '0', '0', '90.0%', '88.9%']);

    // A written score while nominated.
    await procedure.getByLabel('得分', { exact: true }).fill('86');
    await procedure.getByRole('button', { name: '保存评分' }).click();
    await expect.poll(() => procedure.getByRole('cell', { name: '86.00' }).count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'procedure-ballot.png') });

    // To inspection (the drawer's step, confirmed); the Procedure tab reads itself again.
    await moveTo(drawer, '考察中');
    await expect.poll(() => drawer.getByText('已变更为“考察中”').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => procedure.getByText('暂不能变更为“公示中”：缺少考察').count(), { timeout: 30_000 }).toBe(1);

    // A concluded FIT inspection.
    const inspectors = procedure.getByRole('combobox', { name: '考察组成员' });
    await inspectors.fill('王考察');
    await inspectors.press('Enter');
    await inspectors.fill('李考察');
    await inspectors.press('Enter');
    await procedure.getByLabel('个别谈话人数').fill('25');
    const concluded = procedure.getByLabel('考察结束');
    await concluded.click();
    await concluded.fill(iso(today));
    await concluded.press('Enter');
    await choose(procedure, '考察意见', '合格');
    await procedure.getByLabel('考察结论').fill('政治过硬，实绩突出，群众公认');
    await procedure.getByRole('spinbutton', { name: '优秀', exact: true }).fill('30');
    await procedure.getByRole('spinbutton', { name: '称职', exact: true }).fill('10');
    await procedure.getByLabel('纪检意见', { exact: true }).fill('经征求纪委监委意见，未发现违纪违法问题');
    const opinionOn = procedure.getByLabel('纪检意见日期');
    await opinionOn.click();
    await opinionOn.fill(iso(today));
    await opinionOn.press('Enter');
    await procedure.getByRole('button', { name: '保存考察' }).click();
    await expect
      .poll(() => procedure.getByRole('cell', { name: '王考察、李考察' }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await procedure.getByText('优秀 30、称职 10、基本称职 0、不称职 0（不称职 0.0%）').count()).toBe(1);
    await expect.poll(() => procedure.getByText('可变更为“公示中”').count(), { timeout: 30_000 }).toBe(1);

    // To publicity: the notice window opens today for the policy's 7 days.
    await moveTo(drawer, '公示中');
    await expect.poll(() => drawer.getByText('已变更为“公示中”').count(), { timeout: 30_000 }).toBe(1);
    const ends = iso(plusDays(today, 6));
    const admissible = iso(plusDays(today, 7));
    const notice = procedure.getByTestId('notice-window');
    await expect
      .poll(() => notice.getByText(`公示期 ${iso(today)} 至 ${ends}（7 天）`).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await notice.getByText(`公示中，还剩 7 天，${admissible} 起可入库`).count()).toBe(1);
    await expect.poll(() => procedure.getByText('暂不能变更为“在库”：公示期未满').count()).toBe(1);

    // An objection, then its dismissal.
    await notice.getByLabel('异议内容').fill('反映其工作作风问题');
    await notice.getByRole('button', { name: '登记异议' }).click();
    await expect.poll(() => notice.getByRole('cell', { name: '待处理' }).count(), { timeout: 30_000 }).toBe(1);
    await notice.getByLabel('核查情况').fill('经核查，反映问题不属实');
    await notice.getByRole('button', { name: '处理异议' }).click();
    const resolveDialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => resolveDialog.getByText('待处理 → 异议不成立').count(), { timeout: 10_000 }).toBe(1);
    await confirmDialog(resolveDialog);
    await expect.poll(() => notice.getByRole('cell', { name: '异议不成立' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await notice.getByRole('cell', { name: '经核查，反映问题不属实' }).count()).toBe(1);
    // The whole tab, top to bottom.
    await page.setViewportSize({ width: 1366, height: 2200 });
    await page.screenshot({ path: path.join(shots, 'procedure-tab.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('.ant-drawer-close:visible').click();

    // The page shows the entry at its new stage, with its window and ballot.
    await expect.poll(() => row.locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('公示中');
    expect(await row.getByText(`公示中，还剩 7 天，${admissible} 起可入库`).count()).toBe(1);
    expect(await row.getByText('通过').count()).toBe(1);
    expect(await row.getByText('公示期未满').count()).toBe(1);
    // The selection's ranking, from the entry's score.
    await row.getByRole('button', { name: '未评完' }).click();
    await page.waitForURL(/rankUnit=/);
    const ranking = page.locator('.ant-card').filter({ hasText: '选拔排名' });
    await expect.poll(() => ranking.getByRole('cell', { name: entry.code }).count(), { timeout: 30_000 }).toBe(1);
    expect(await ranking.getByRole('cell', { name: '86.00' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'selection.png'), fullPage: true });
  });

  it('records a comparative round of two candidates, counted per group and ranked, the best shortlisted', async () => {
    const today = iso(new Date());
    // A nominated entry, and a second candidate for its team nominated beside it (the rules waived
    // with a reason: the demo has one nominee a team).
    const found = await server.post<{
      reserves: {
        edges: {
          node: {
            code: string;
            targetKind: string;
            targetRank: string;
            tier: string;
            direction: string;
            source: string;
            nominatedOn: string;
            unit: { code: string };
            person: { code: string; name: string };
          };
        }[];
      };
    }>(
      `{ reserves(first: 50, filter: { status: [NOMINATED] }) { edges { node {
           code targetKind targetRank tier direction source nominatedOn unit { code } person { code name } } } } }`,
    );
    const base = found.data!.reserves.edges.map((e) => e.node).find((n) => n.nominatedOn < today)!;
    const staff = await server.post<{ people: { edges: { node: { code: string; name: string } }[] } }>(
      `{ people(first: 30, filter: { unitCode: "${base.unit.code}" }) { edges { node { code name } } } }`,
    );
    let second: { code: string; name: string } | null = null;
    for (const { node } of staff.data!.people.edges) {
      if (node.code === base.person.code) continue;
      const made = await server.post<{ nominateReserve: { code: string } }>(
        `mutation { nominateReserve(input: { personId: "${node.code}", unitCode: "${base.unit.code}",
           targetKind: ${base.targetKind}, targetRank: ${base.targetRank}, tier: ${base.tier},
           direction: ${base.direction}, source: ${base.source}, on: "${base.nominatedOn}",
           exception: { reason: "差额推荐人选", approver: "组织部" } }) { code } }`,
      );
      if (made.data) {
        second = { code: made.data.nominateReserve.code, name: node.name };
        break;
      }
    }
    expect(second).not.toBeNull();
    const [unit, kind] = [base.unit.code, base.targetKind];
    const first = { code: base.code, name: base.person.name };
    await page.goto(`${server.base}/selection?rankUnit=${unit}&rankKind=${kind}`);
    const card = page.locator('.ant-card').filter({ hasText: '差额推荐' }).first();
    await card.getByRole('button', { name: '登记差额推荐' }).click();
    const form = page.locator('.ant-drawer:visible').filter({ hasText: '各投票群体的票数' });
    // The voter groups come with the policy of the unit's kind (a request of their own).
    await expect.poll(() => form.getByLabel('群众 应到').count(), { timeout: 60_000 }).toBe(1);
    await form.getByLabel('群众 应到').fill('50');
    await form.getByLabel('群众 实到').fill('40');
    // Each candidate by its code, typed into the list (the dropdown's first match), until the votes
    // row for it is there.
    const pick = form.getByRole('combobox', { name: '人选' });
    for (const p of [first, second!])
      await expect
        .poll(
          async () => {
            if ((await form.getByLabel(`${p.name} 群众`).count()) === 0) {
              await pick.fill(p.code);
              await pick.press('Enter');
            }
            return form.getByLabel(`${p.name} 群众`).count();
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(1);
    await pick.press('Escape');
    await form.getByLabel(`${first.name} 群众`).fill('30');
    await form.getByLabel(`${second!.name} 群众`).fill('10');
    await form.getByRole('button', { name: '登记差额推荐' }).click();
    const dialog = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => dialog.getByText('应到 50，实到 40，废票 0').count(), { timeout: 10_000 }).toBe(1);
    await confirmDialog(dialog);
    const round = card.getByTestId('comparative-round').first();
    await expect.poll(() => round.getByText('实到 40 / 应到 50（80.0%）').count(), { timeout: 30_000 }).toBe(1);
    const top = round.locator('.ant-table-row').first();
    expect(await top.getByText(`${first.name}（${first.code}）`).count()).toBe(1);
    expect(await top.getByText('30（75.0%）').count()).toBeGreaterThan(0);
    expect(await top.getByText('入围考察').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'comparative.png'), fullPage: true });
  });

  it('shows the Selection page in English, with no console errors all along', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Selection' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Selection ranking').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'selection-en.png'), fullPage: true });
    await page.getByRole('button', { name: /中\s*文/ }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '选拔' }).count()).toBe(1);
    expect(errors.join('\n')).toBe('');
  });
});
