// Creditors are scored too: an agency admin rates the data quality of the case files of a
// creditor it works for (this month; last month is closed once its card is computed); the
// agency sees each creditor's current score beside its packages in the marketplace and on
// a package's page; staff read every creditor's card of a month and one creditor's months
// as a chart; the creditor reads its own card, which never says which agency rated what.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const HUAXIN = '华信消费金融股份有限公司';
const ZHENGXIN = '上海正信资产管理有限公司';
const beijing = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const thisMonth = () => beijing(Date.now()).slice(0, 7);
const lastMonth = () => {
  const d = new Date(`${thisMonth()}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

test.describe.configure({ mode: 'serial' });

test.describe('[AGENCY] [STAFF] [CREDITOR] creditor scorecards', () => {
  test('[AGENCY] rates 华信’s case files for this month; last month is closed', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '委托方评价' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '委托方评价' })).toBeVisible();
    await expect(page.getByRole('heading', { name: HUAXIN })).toBeVisible();
    // The demo's rating of last month: 2, final since last month's card is computed.
    const last = page.locator(`[data-testid$="-${lastMonth()}"]`).first();
    await expect(last).toContainText('2 分');
    await expect(last).toContainText('该月评分卡已计算');
    await expect(last.getByRole('button')).toHaveCount(0);
    const current = page.locator(`[data-testid$="-${thisMonth()}"]`).first();
    await expect(current).toContainText('还没有评价');
    await current.getByRole('button', { name: '评价' }).click();
    const form = page.locator(`[data-testid$="-${thisMonth()}-form"]`);
    await form.getByRole('radio', { name: '4 分' }).click();
    await form.getByRole('textbox').fill('本月新增案件号码基本有效，仍有少量联系人缺失。');
    await shot(page, 'agency-creditor-rating-form.zh-CN');
    await form.getByRole('button', { name: '保存评价' }).click();
    await expect(current).toContainText('4 分');
    await expect(current).toContainText('少量联系人缺失');
    await shot(page, 'agency-creditor-ratings.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Creditor ratings' })).toBeVisible();
    await expect(page.locator(`[data-testid$="-${thisMonth()}"]`).first()).toContainText('4 of 5');
    await expect(page.locator(`[data-testid$="-${lastMonth()}"]`).first()).toContainText('the rating is final');
    await shot(page, 'agency-creditor-ratings.en');
  });

  test('[AGENCY] sees 华信’s current score beside its packages and on a package’s page', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '案件市场' }).click();
    const row = page.getByTestId('market-row').filter({ hasText: HUAXIN }).first();
    await expect(row.getByTestId('creditor-score')).toHaveText(/^\d{1,3}\.\d$/);
    await expect(row.getByTestId('creditor-score')).toHaveAttribute('title', new RegExp(`（${lastMonth()}）`));
    await shot(page, 'agency-market-creditor-score.zh-CN');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/agency\/market\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('market-creditor-score')).toHaveText(
      new RegExp(`^\\d{1,3}\\.\\d 分（${lastMonth()}）$`),
    );
    await shot(page, 'agency-market-package-creditor-score.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('market-creditor-score')).toHaveText(
      new RegExp(`^\\d{1,3}\\.\\d \\(${lastMonth()}\\)$`),
    );
    await shot(page, 'agency-market-package-creditor-score.en');
    await page.goto('/agency/market');
    await expect(page.getByTestId('market-row').first()).toBeVisible();
    await shot(page, 'agency-market-creditor-score.en');
  });

  test('[STAFF] reads every creditor’s card of last month and 华信’s months', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '委托方评分' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '委托方评分卡' })).toBeVisible();
    await expect(page.getByTestId('creditor-scorecards-month')).toHaveValue(lastMonth());
    await expect(page.getByTestId('creditor-scorecards-status')).toContainText('最近计算于', { timeout: 20_000 });
    const row = page.getByTestId('creditor-scorecard-row').filter({ hasText: HUAXIN });
    await expect(row).toBeVisible();
    await shot(page, 'staff-creditor-scorecards.zh-CN');
    await row.getByRole('link', { name: HUAXIN }).click();
    await page.waitForURL(/\/staff\/creditor-scorecards\/[0-9a-f-]{36}\?month=/);
    await expect(page.getByRole('heading', { level: 1, name: `${HUAXIN} · 委托方评分卡` })).toBeVisible();
    await expect(page.getByTestId('creditor-component-dataQuality')).toContainText('1 条处置机构评价，平均 2.0 分');
    // The demo holds the last three months: the chart draws them and the table beside it lists them.
    await expect(page.getByTestId('creditor-trend-row')).toHaveCount(3);
    await expect(page.getByTestId('creditor-scorecard-trend').locator('.recharts-line')).toHaveCount(2);
    await shot(page, 'staff-creditor-scorecard.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('creditor-component-dataQuality')).toContainText('1 agency rating, averaging 2.0');
    await shot(page, 'staff-creditor-scorecard.en');
    await page.goto('/staff/creditor-scorecards');
    await expect(page.getByRole('heading', { level: 1, name: 'Creditor scorecards' })).toBeVisible();
    await expect(page.getByTestId('creditor-scorecard-row').first()).toBeVisible();
    await shot(page, 'staff-creditor-scorecards.en');
  });

  test('[CREDITOR] reads its own card without learning which agency rated what', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '本机构评分' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '本机构评分卡' })).toBeVisible();
    await expect(page.getByTestId('creditor-scorecard-components').locator('tbody tr')).toHaveCount(3);
    await expect(page.getByTestId('creditor-component-dataQuality')).toContainText('1 条处置机构评价，平均 2.0 分');
    await expect(page.getByTestId('creditor-component-payments')).toContainText('结算单');
    await expect(page.locator('main')).not.toContainText(ZHENGXIN);
    await expect(page.locator('main')).not.toContainText('号码为空号');
    await expect(page.locator('main')).not.toContainText('少量联系人缺失');
    await shot(page, 'creditor-own-scorecard.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Our scorecard' })).toBeVisible();
    await expect(page.getByTestId('creditor-scorecard-score')).toHaveText(/^\d{1,3}\.\d$/);
    await shot(page, 'creditor-own-scorecard.en');
  });
});
