// The marketplace end to end (DESIGN §3): a creditor turns an import into a package, sets
// its terms and opens bidding; an agency bids; the creditor compares the bids of a closed
// package and awards it; the agency assigns cases to a collector, who then sees them.
import { sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const DAY = 86_400_000;
const shanghai = (at: number) => new Date(at + 8 * 3_600_000).toISOString();

test.describe.configure({ mode: 'serial' });

test.describe('[CREDITOR] [AGENCY] packages, bids, award and assignment', () => {
  test('[CREDITOR] builds a package from an import, sets its terms and opens bidding', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await page.getByTestId('import-file').setInputFiles({
      name: '华信-12月新增逾期.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${toCsv(sampleCaseRows(30, 'PKE2E'))}`),
    });
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 30 件案件。');

    await page.getByTestId('portal-nav').getByRole('link', { name: '案件包' }).click();
    await expect(page.getByTestId('package-row').first()).toBeVisible();
    await page.locator('#package-name').fill('华信 2026-12 新增包');
    await page.locator('#package-source').selectOption('import');
    await page.locator('#package-import').selectOption({ label: '华信-12月新增逾期.csv · 30' });
    await expect(page.getByTestId('package-preview')).toHaveText('符合条件的未分配案件：30 件');
    await shot(page, 'creditor-packages.zh-CN');
    await page.getByTestId('package-create').click();

    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('package-status')).toHaveText('草稿');
    await expect(page.getByTestId('package-figures')).toContainText('30');
    const now = Date.now();
    await page.locator('#closesAt').fill(shanghai(now + 2 * DAY).slice(0, 16));
    await page.locator('#commissionStart').fill(shanghai(now + 3 * DAY).slice(0, 10));
    await page.locator('#commissionEnd').fill(shanghai(now + 93 * DAY).slice(0, 10));
    await page.locator('#reserveFee').fill('30');
    await page.locator('#expectedRecovery').fill('abc');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('expectedRecovery-error')).toHaveText('请输入 0–100 的百分比，最多两位小数');
    await page.locator('#expectedRecovery').fill('15');
    // A stage policy of the package's own: calls from day 3 would be earlier than the rules' day 6.
    await page.getByTestId('has-stage-policy').check();
    await expect(page.locator('#terms-call-debtor')).toHaveValue('6');
    await page.locator('#terms-call-debtor').fill('3');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('terms-stage-policy')).toContainText('案件包的阶段策略只能比平台规则更严');
    await page.locator('#terms-call-debtor').fill('10');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('terms-saved')).toBeVisible();
    await shot(page, 'creditor-package-draft.zh-CN');
    await page.getByTestId('package-open').click();
    await expect(page.getByTestId('package-status')).toHaveText('竞标中');
    await expect(page.getByTestId('terms-summary')).toContainText('30%');
    await expect(page.getByTestId('package-stage-policy').getByTestId('stage-call')).toContainText('逾期第 10 天起');
    await shot(page, 'creditor-package-open.zh-CN');
  });

  test('[AGENCY] finds the package in the marketplace, masked, and bids', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '案件市场' }).click();
    await page.getByRole('link', { name: '华信 2026-12 新增包' }).click();
    await page.waitForURL(/\/agency\/market\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('market-sample').locator('tbody tr')).toHaveCount(10);
    await expect(page.locator('main')).not.toContainText('30%');
    await page.locator('#bid-fee').fill('24.5');
    await page.locator('#bid-recovery').fill('18');
    await page.locator('#bid-team').fill('35');
    await page.locator('#bid-plan').fill('电话和短信为主，M3 以上发函；每周向委托方报送回款、投诉与合规情况。');
    await page.getByTestId('bid-submit').click();
    await expect(page.getByTestId('bid-saved')).toBeVisible();
    await shot(page, 'agency-market-bid.zh-CN');
    await page.getByTestId('bid-submit').click();
    await expect(page.getByTestId('bid-saved')).toBeVisible();
    await page.goto('/agency/market');
    await expect(page.getByTestId('my-bid-row').filter({ hasText: '华信 2026-12 新增包' })).toContainText('24.5%');
    await shot(page, 'agency-market.zh-CN');
  });

  test('[CREDITOR] compares the bids of a closed package and awards it', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/packages');
    await page.getByRole('link', { name: '华信 2026-11 M7+ 包' }).click();
    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('package-status')).toHaveText('竞标截止');
    await expect(page.getByTestId('bid-row')).toHaveCount(2);
    await expect(page.getByTestId('bid-row').first()).toContainText('上海正信资产管理有限公司');
    await expect(page.getByTestId('bid-row').nth(1)).toContainText('高于保留价');
    await shot(page, 'creditor-package-bids.zh-CN');
    await page.getByTestId('award-winner').selectOption({ index: 0 });
    await page.getByTestId('award-submit').click();
    await expect(page.getByTestId('package-status')).toHaveText('已定标');
    await expect(page.getByTestId('bid-row').first()).toContainText('中标');
    await expect(page.getByTestId('bid-row').nth(1)).toContainText('未中标');
    await shot(page, 'creditor-package-awarded.zh-CN');
    await page.getByTestId('package-cases-link').click();
    await expect(page.getByTestId('case-row').first()).toContainText('上海正信资产管理有限公司');
    await expect(page.getByTestId('case-row').first()).toContainText('***');
    await shot(page, 'creditor-cases.zh-CN');
  });

  test('[AGENCY] the admin assigns cases to a collector, who then sees them', async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '委托案件' }).click();
    await page.getByTestId('only-unassigned').check();
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    const rows = page.getByTestId('case-row');
    const contracts = [
      await rows.nth(0).locator('td').nth(1).textContent(),
      await rows.nth(1).locator('td').nth(1).textContent(),
    ];
    await rows.nth(0).getByTestId('case-select').check();
    await rows.nth(1).getByTestId('case-select').check();
    await page.getByTestId('assign-collector').selectOption({ label: '何静' });
    await page.getByTestId('assign-selected').click();
    await expect(page.getByTestId('assign-done')).toHaveText('已分配 2 件');
    await shot(page, 'agency-cases.zh-CN');

    const collector = await (await browser.newContext()).newPage();
    await signInAs(collector, ACCOUNTS.agencyCollector2, '/agency');
    await collector.getByTestId('portal-nav').getByRole('link', { name: '委托案件' }).click();
    await expect(collector.getByRole('heading', { name: '我的案件' })).toBeVisible();
    await expect(collector.getByTestId('case-row')).toHaveCount(2);
    for (const c of contracts) await expect(collector.getByTestId('cases-table')).toContainText(c ?? '');
    await expect(collector.getByTestId('assign-bar')).toHaveCount(0);
    await shot(collector, 'agency-collector-cases.zh-CN');
  });

  test('[AGENCY] [CREDITOR] the new screens in English', async ({ page, browser }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.goto('/agency/market');
    await expect(page.getByRole('heading', { name: 'Marketplace' })).toBeVisible();
    await shot(page, 'agency-market.en');
    await page.getByRole('link', { name: '华信 2026-11 M1–M3 包' }).first().click();
    await page.waitForURL(/\/agency\/market\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('market-sample')).toBeVisible();
    await shot(page, 'agency-market-package.en');
    await page.goto('/agency/cases');
    await expect(page.getByRole('heading', { name: 'Commissioned cases' })).toBeVisible();
    // By province: the unassigned Sichuan cases go to one collector.
    await page.getByTestId('assign-collector').selectOption({ label: '郑磊' });
    await page.getByTestId('rule-province').selectOption('51');
    await page.getByTestId('assign-province').click();
    await expect(page.getByTestId('assign-done')).toContainText('assigned');
    await page.getByTestId('only-unassigned').check();
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await expect(page.getByTestId('cases-table')).not.toContainText('Sichuan');
    await shot(page, 'agency-cases.en');

    const creditor = await (await browser.newContext()).newPage();
    await useLanguage(creditor, 'en');
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.goto('/creditor/packages');
    await creditor.getByRole('link', { name: '华信 2026-12 新增包' }).click();
    await creditor.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    await expect(creditor.getByTestId('package-status')).toHaveText('Open for bids');
    await expect(creditor.getByTestId('bid-row')).toHaveCount(1);
    await shot(creditor, 'creditor-package-open.en');
    await creditor.goto('/creditor/cases');
    await expect(creditor.getByTestId('case-row').first()).toBeVisible();
    await shot(creditor, 'creditor-cases.en');
    await creditor.goto('/creditor/packages');
    await expect(creditor.getByTestId('package-row').first()).toBeVisible();
    await shot(creditor, 'creditor-packages.en');
    await creditor.getByRole('link', { name: '华信 2026-11 M7+ 包' }).click();
    await creditor.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    await expect(creditor.getByTestId('package-status')).toHaveText('Awarded');
    await shot(creditor, 'creditor-package-awarded.en');
  });
});
