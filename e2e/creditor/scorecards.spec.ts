// Monthly agency scorecards (DESIGN §7): a creditor rates the agency it commissions; staff
// compute last month's scorecards again and export a card's inputs; the agency reads its
// breakdown and trend; the creditor compares bids by score, opens a bidder's breakdown,
// and requires a minimum score that keeps a lower-scored agency from seeing its package.
import { readFile } from 'node:fs/promises';
import { sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const DAY = 86_400_000;
const ZHENGXIN = '上海正信资产管理有限公司';
const beijing = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const lastMonth = () => {
  const d = new Date(beijing(Date.now()).slice(0, 7) + '-01T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

test.describe.configure({ mode: 'serial' });

test.describe('[CREDITOR] [STAFF] [AGENCY] monthly scorecards', () => {
  test('[CREDITOR] rates 正信 for last month', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '机构评价' }).click();
    await expect(page.getByRole('heading', { name: ZHENGXIN })).toBeVisible();
    const cell = page.locator(`[data-testid$="-${lastMonth()}"]`).first();
    // The demo's rating of last month: 4, with its comment.
    await expect(cell).toContainText('4 分');
    await expect(cell).toContainText('回款稳定');
    await shot(page, 'creditor-ratings.zh-CN');
    await cell.getByRole('button', { name: '修改评价' }).click();
    const form = page.locator(`[data-testid$="-${lastMonth()}-form"]`);
    await form.getByRole('radio', { name: '5 分' }).click();
    await form.getByRole('textbox').fill('');
    await form.getByRole('button', { name: '保存评价' }).click();
    await expect(form).toContainText('必填');
    await form.getByRole('textbox').fill('回款进度好于预期，外访证据齐全，投诉答复及时。');
    await shot(page, 'creditor-rating-form.zh-CN');
    await form.getByRole('button', { name: '保存评价' }).click();
    await expect(cell).toContainText('5 分');
    await expect(cell).toContainText('回款进度好于预期');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Agency ratings' })).toBeVisible();
    await expect(page.locator(`[data-testid$="-${lastMonth()}"]`).first()).toContainText('5 of 5');
    await shot(page, 'creditor-ratings.en');
  });

  test('[STAFF] computes last month again, lists every agency and exports a card', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '评分卡' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '月度评分卡' })).toBeVisible();
    await expect(page.locator('#scorecard-month')).toHaveValue(lastMonth());
    await expect(page.getByTestId('scorecard-row').first()).toBeVisible();
    // A month that has not ended is refused, the field named.
    await page.locator('#scorecard-month').fill(beijing(Date.now()).slice(0, 7));
    await page.getByTestId('scorecards-recompute').click();
    await expect(page.getByTestId('scorecard-month-error')).toContainText('还没有结束（北京时间）');
    await page.locator('#scorecard-month').fill(lastMonth());
    // The creditor's late rating queued last month again: the page follows that run to its end first.
    await expect(page.getByTestId('scorecards-status')).toContainText('最近计算于', { timeout: 20_000 });
    const before = await page.getByTestId('scorecards-status').textContent();
    await page.getByTestId('scorecards-recompute').click();
    await expect(page.getByTestId('scorecards-status')).not.toHaveText(before ?? '', { timeout: 20_000 });
    await expect(page.getByTestId('scorecards-status')).toContainText('最近计算于', { timeout: 20_000 });
    await expect(page.getByTestId('scorecards-recompute')).toBeEnabled();
    const row = page.getByTestId('scorecard-row').filter({ hasText: ZHENGXIN });
    await expect(row).toBeVisible();
    await shot(page, 'staff-scorecards.zh-CN');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('scorecard-export').click()]);
    expect(download.suggestedFilename()).toBe(`评分卡-${ZHENGXIN}-${lastMonth()}.json`);
    const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      formulaVersion: number;
      month: string;
      inputs: { ratings: number[] };
      result: { scoreBp: number };
    };
    expect(file).toMatchObject({
      formulaVersion: 3,
      month: lastMonth(),
      inputs: { ratings: [5], calls: { shadowContacts: 3, phantomActions: 2 } },
    });
    await expect(row).toContainText((Math.round(file.result.scoreBp / 10) / 10).toFixed(1));
    await row.getByRole('link', { name: ZHENGXIN }).click();
    await page.waitForURL(/\/staff\/scorecards\/[0-9a-f-]{36}\?month=/);
    await expect(page.getByTestId('component-ratings')).toContainText('1 条评价，平均 5.0 分');
    await shot(page, 'staff-scorecard-agency.zh-CN');
    await useLanguage(page, 'en');
    await page.goto('/staff/scorecards');
    await expect(page.getByRole('heading', { level: 1, name: 'Monthly scorecards' })).toBeVisible();
    await expect(page.getByTestId('scorecard-row').first()).toBeVisible();
    await shot(page, 'staff-scorecards.en');
  });

  test('[AGENCY] reads its breakdown and its trend', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '评分卡' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '本机构评分卡' })).toBeVisible();
    await expect(page.getByTestId('scorecard-components').locator('tbody tr')).toHaveCount(5);
    await expect(page.getByTestId('component-ratings')).toContainText('1 条评价，平均 5.0 分');
    await expect(page.getByTestId('component-reporting')).toContainText('外访');
    // Formula v3: the dialer's records of the month beside the visits, violations per 1,000 calls and inspections.
    await expect(page.getByTestId('component-reporting')).toContainText('没有对应催记的影子通话 3 条');
    await expect(page.getByTestId('component-reporting')).toContainText('没有对应话单的 2 条');
    await expect(page.getByTestId('component-compliance')).toContainText('机器发现违规 1 条，每千通');
    await expect(page.getByTestId('component-compliance')).toContainText('平台质检 2 通');
    await expect(page.getByTestId('scorecard-formula')).toContainText('公式第 3 版');
    // The demo holds the last three months; the chart draws them and the table beside it lists them.
    await expect(page.getByTestId('trend-row')).toHaveCount(3);
    await expect(page.getByTestId('scorecard-trend').locator('.recharts-line')).toHaveCount(2);
    await shot(page, 'agency-scorecard.zh-CN');
    // An earlier month from the trend.
    await page.getByTestId('trend-row').nth(2).getByRole('button').click();
    await expect(page.getByTestId('component-ratings')).toContainText('本月没有委托方评价');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Our scorecard' })).toBeVisible();
    await expect(page.getByTestId('component-ratings')).toContainText('1 rating, averaging 5.0');
    await expect(page.getByTestId('component-compliance')).toContainText('1 machine-detected violation:');
    await expect(page.getByTestId('component-reporting')).toContainText('3 with no logged action: shadow contacts');
    await expect(page.getByTestId('scorecard-formula')).toContainText('Formula version 3');
    await shot(page, 'agency-scorecard.en');
  });

  test('[CREDITOR] compares bids by score and opens a bidder’s breakdown', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/packages');
    await page.getByRole('link', { name: '华信 2026-11 M7+ 包' }).click();
    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    const bid = page.getByTestId('bid-row').filter({ hasText: ZHENGXIN });
    await expect(bid.getByTestId('bid-score')).toHaveText(/^\d{1,3}\.\d$/);
    await expect(page.getByTestId('bid-row').filter({ hasText: '明理' }).getByTestId('bid-score')).toHaveText('70.0');
    await shot(page, 'creditor-bids-scores.zh-CN');
    await bid.getByTestId('bid-score').click();
    await page.waitForURL(/\/creditor\/scorecards\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: `${ZHENGXIN} · 评分卡` })).toBeVisible();
    await expect(page.getByTestId('component-ratings')).toContainText('1 条评价，平均 5.0 分');
    await shot(page, 'creditor-scorecard-agency.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('scorecard-score')).toBeVisible();
    await shot(page, 'creditor-scorecard-agency.en');
    await page.goto('/creditor/packages');
    await page.getByRole('link', { name: '华信 2026-11 M7+ 包' }).click();
    await expect(page.getByTestId('bid-row').first()).toBeVisible();
    await shot(page, 'creditor-bids-scores.en');
  });

  test('[CREDITOR] [AGENCY] a minimum score keeps a lower-scored agency from seeing the package', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await page.getByTestId('import-file').setInputFiles({
      name: '华信-评分门槛.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${toCsv(sampleCaseRows(8, 'SCE2E'))}`),
    });
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 8 件案件。');
    await page.goto('/creditor/packages');
    await page.locator('#package-name').fill('华信 高分机构专享包');
    await page.locator('#package-source').selectOption('import');
    await page.locator('#package-import').selectOption({ label: '华信-评分门槛.csv · 8' });
    await page.getByTestId('package-create').click();
    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    const now = Date.now();
    await page.locator('#closesAt').fill(beijing(now + 2 * DAY).slice(0, 16));
    await page.locator('#commissionStart').fill(beijing(now + 3 * DAY).slice(0, 10));
    await page.locator('#commissionEnd').fill(beijing(now + 93 * DAY).slice(0, 10));
    await page.locator('#reserveFee').fill('30');
    await page.locator('#expectedRecovery').fill('15');
    await page.locator('#minScore').fill('101');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('minScore-error')).toHaveText('请输入 0 到 100 的整数，或留空');
    await page.locator('#minScore').fill('95');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('terms-saved')).toBeVisible();
    await expect(page.getByTestId('minScore-error')).toHaveCount(0);
    await shot(page, 'creditor-package-min-score.zh-CN');
    await page.getByTestId('package-open').click();
    await expect(page.getByTestId('terms-summary')).toContainText('95 分及以上');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('terms-summary')).toContainText('95 or more');
    await shot(page, 'creditor-package-min-score.en');

    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyAdmin, '/agency');
    await agency.goto('/agency/market');
    await expect(agency.getByRole('link', { name: '华信 2026-11 M1–M3 包' }).first()).toBeVisible();
    await expect(agency.getByRole('link', { name: '华信 高分机构专享包' })).toHaveCount(0);
  });
});
