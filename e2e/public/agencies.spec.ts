// Anyone can read which agencies the platform admitted and which it banned for good
// (CBA 2026 guideline), without an account.
import { expect, shot, test, useLanguage } from '../fixtures';

test.describe('[PUBLIC] agency disclosure', () => {
  test('[PUBLIC] admitted agencies and the ban list, in Chinese and English', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('header-agencies').click();
    await expect(page.getByTestId('public-lists-title')).toHaveText('处置机构公示');
    await expect(page.getByTestId('admitted-row').filter({ hasText: '上海正信资产管理有限公司' })).toContainText('A 级');
    await expect(page.getByTestId('admitted-row').filter({ hasText: '广州速达商务咨询有限公司' })).toHaveCount(0);
    const banned = page.getByTestId('banned-row').filter({ hasText: '济南恒远资产管理有限公司' });
    await expect(banned).toContainText('913701020003000061');
    await expect(banned).toContainText('暴力或辱骂催收');
    await shot(page, 'public-agencies.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('public-lists-title')).toHaveText('Agency disclosure');
    await expect(page.getByTestId('banned-row').first()).toContainText('Violent or abusive collection');
    await shot(page, 'public-agencies.en');
  });
});
