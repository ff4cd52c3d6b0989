// Instalment plans are kept: the creditor sets the grace on the package's terms; an
// instalment plan inside the bands takes effect at once and the agency's case page shows
// its schedule (due date, last day of grace, amount, paid, status); a repayment the
// creditor confirms pays the first instalment, on both sides' case pages, in Chinese and
// English.
import { sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const DAY = 86_400_000;
const shanghai = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const CONTRACT = 'PLE2E00000001';

test.describe.configure({ mode: 'serial' });

test.describe('[AGENCY] an instalment plan and its schedule', () => {
  test('[CREDITOR] sets the grace on the terms and offers the package; [AGENCY] accepts and assigns', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await page.getByTestId('import-file').setInputFiles({
      name: '分期计划.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(toCsv(sampleCaseRows(2, 'PLE2E'))),
    });
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 2 件案件。');
    await page.goto('/creditor/packages');
    await page.locator('#package-name').fill('分期计划包');
    await page.locator('#package-source').selectOption('import');
    await page.locator('#package-import').selectOption({ label: '分期计划.csv · 2' });
    await page.getByTestId('package-create').click();
    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    const now = Date.now();
    await page.locator('#closesAt').fill(shanghai(now + 2 * DAY).slice(0, 16));
    await page.locator('#commissionStart').fill(shanghai(now + 3 * DAY).slice(0, 10));
    await page.locator('#commissionEnd').fill(shanghai(now + 93 * DAY).slice(0, 10));
    await page.locator('#reserveFee').fill('30');
    await page.locator('#expectedRecovery').fill('15');
    await page.locator('#maxReduction').fill('20');
    await page.locator('#maxInstalments').fill('6');
    // The grace is checked in the browser in the server's words.
    await page.locator('#instalmentGraceDays').fill('31');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('instalmentGraceDays-error')).toBeVisible();
    await page.locator('#instalmentGraceDays').fill('5');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('terms-saved')).toBeVisible();
    await shot(page, 'creditor-package-terms-grace.zh-CN');
    await page.getByTestId('offer-agency').selectOption({ label: '上海正信资产管理有限公司 (A)' });
    await page.getByTestId('offer-fee').fill('25');
    await page.getByTestId('offer-send').click();
    await expect(page.getByTestId('package-status')).toHaveText('定向委托待答复');
    await expect(page.getByTestId('terms-summary')).toContainText('分期宽限天数');

    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyAdmin, '/agency');
    await agency.goto('/agency/market');
    await agency.getByRole('link', { name: '分期计划包' }).click();
    await agency.getByTestId('offer-accept').click();
    await agency.waitForURL(/\/agency\/cases$/);
    await agency.getByPlaceholder('完整合同编号').fill(CONTRACT);
    await agency.getByPlaceholder('完整合同编号').blur();
    await expect(agency.getByTestId('case-row')).toHaveCount(1);
    await agency.getByTestId('case-select').check();
    await agency.getByTestId('assign-collector').selectOption({ label: '郑磊' });
    await agency.getByTestId('assign-selected').click();
    await expect(agency.getByTestId('assign-done')).toHaveText('已分配 1 件');
  });

  test('[AGENCY] a plan inside the bands shows its schedule at once; a repayment is reported', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    await page.getByTestId('queue-search').fill(CONTRACT);
    await page.getByTestId('queue-search').press('Enter');
    await page.getByRole('link', { name: CONTRACT }).click();
    await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('plan-none')).toBeVisible();
    const first = shanghai(Date.now() + 10 * DAY).slice(0, 10);
    await page.locator('#rs-kind').selectOption('instalments');
    await page.locator('#rs-instalments').fill('3');
    await page.locator('#rs-first').fill(first);
    await page.locator('#rs-reason').fill('收入下降，申请分 3 期');
    await page.getByTestId('restructure-submit').click();
    await expect(page.getByTestId('restructure-result')).toHaveText('在授权范围内，已立即生效');
    await expect(page.getByTestId('plan-status')).toHaveText('执行中');
    await expect(page.getByTestId('plan-instalment')).toHaveCount(3);
    await expect(page.getByTestId('plan-instalment').first()).toContainText(first);
    await expect(page.getByTestId('plan-instalment').first()).toContainText('待还');
    await expect(page.getByTestId('plan-grace')).toHaveText('每期到期后有 5 天宽限期；宽限期满仍未还清，计划即违约');

    const form = page.getByTestId('repayment-form');
    await form.locator('#rp-amount').fill('100');
    await form.locator('#rp-payer').fill('本人');
    await form.locator('#rp-channel').selectOption('alipay');
    await form.locator('#rp-reference').fill('2026120322001400777');
    await page.getByTestId('repayment-submit').click();
    await expect(page.getByTestId('repayment-reported')).toBeVisible();
  });

  test('[CREDITOR] confirms it: the first instalment is partly paid on both case pages', async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '还款确认' }).click();
    await page.getByTestId('repayment-row').filter({ hasText: CONTRACT }).getByTestId('repayment-confirm').click();
    await expect(page.getByTestId('repayment-row').filter({ hasText: CONTRACT })).toHaveCount(0);
    await page.getByTestId('repayment-status-filter').selectOption('confirmed');
    await page.getByRole('link', { name: CONTRACT }).first().click();
    await page.waitForURL(/\/creditor\/cases\/[0-9a-f-]{36}$/);
    const line = page.getByTestId('plan-instalment').first();
    await expect(line).toHaveAttribute('data-status', 'partly_paid');
    await expect(line).toContainText('¥100.00');
    await expect(line).toContainText('部分已还');
    await shot(page, 'creditor-case-plan.zh-CN');
    await page.getByTestId('plan').screenshot({ path: 'test-results/screenshots/creditor-case-plan-card.zh-CN.png' });
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('plan-status')).toHaveText('In force');
    await expect(page.getByTestId('plan-instalment').first()).toContainText('Partly paid');
    await shot(page, 'creditor-case-plan.en');
    await page.getByTestId('plan').screenshot({ path: 'test-results/screenshots/creditor-case-plan-card.en.png' });

    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyCollector, '/agency');
    await agency.goto('/agency/cases');
    await agency.getByTestId('queue-search').fill(CONTRACT);
    await agency.getByTestId('queue-search').press('Enter');
    await agency.getByRole('link', { name: CONTRACT }).click();
    await expect(agency.getByTestId('plan-instalment').first()).toContainText('部分已还');
    await shot(agency, 'agency-case-plan.zh-CN');
    await agency.getByTestId('plan').screenshot({ path: 'test-results/screenshots/agency-case-plan-card.zh-CN.png' });
    await useLanguage(agency, 'en');
    await agency.reload();
    await expect(agency.getByTestId('plan-grace')).toHaveText(
      'Each instalment may be paid up to 5 days after its due date; unpaid after that, the plan breaks',
    );
    await shot(agency, 'agency-case-plan.en');
    await agency.getByTestId('plan').screenshot({ path: 'test-results/screenshots/agency-case-plan-card.en.png' });
  });
});
