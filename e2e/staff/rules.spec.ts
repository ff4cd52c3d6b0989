// The rulebook is published in versions by the platform admin (DESIGN §4): it can only be
// tightened; an attempt to loosen the national floor is refused, naming what would loosen.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] collection rulebook', () => {
  test('[STAFF] the admin cannot loosen the rulebook, and publishes a stricter version', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '催收规则' }).click();
    await expect(page.getByTestId('rules-version')).toHaveCount(1);
    await page.locator('#rules-end').fill('23:00');
    await page.locator('#rules-maxAnsweredCallsPerDebtorPerDay').fill('5');
    // Field visits from day 10 would open them earlier than the floor's day 31.
    await page.locator('#rules-visit-debtor').fill('10');
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId('rules-error')).toHaveText(
      '不能放宽国家标准的底线：晚间截止时间、每日有效通话上限、阶段策略（各方式最早可用的逾期天数）',
    );
    await shot(page, 'staff-rules-refused.zh-CN');
    await page.locator('#rules-end').fill('22:00');
    await page.locator('#rules-maxAnsweredCallsPerDebtorPerDay').fill('3');
    await page.locator('#rules-visit-debtor').fill('31');
    // Stricter: lawyer's letters from day 45, email never to the debtor's contacts (blank).
    await page.locator('#rules-lawyer_letter-debtor').fill('45');
    await page.locator('#rules-phrases').press('End');
    await page.locator('#rules-phrases').evaluate((el: HTMLTextAreaElement) => el.focus());
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n让你坐牢|threat');
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId('rules-published')).toContainText('已发布 v2');
    await expect(page.getByTestId('rules-version')).toHaveCount(2);
    await shot(page, 'staff-rules.zh-CN');
    // The public page shows the new version at once, its new phrase among the forbidden ones.
    await page.goto('/');
    await expect(page.getByTestId('rules-version')).toContainText('现行第 2 版');
    await expect(page.getByTestId('rule-words')).toContainText('让你坐牢');
    await expect(page.getByTestId('rule-words')).toContainText('21 个说法');
    // The stage policy of the new version: lawyer's letters from day 45.
    await expect(page.getByTestId('rules-stage-policy').getByTestId('stage-lawyer_letter')).toContainText(
      '逾期第 45 天起',
    );
    await expect(page.getByTestId('rules-stage-policy').getByTestId('stage-email')).toContainText('不允许');
    await page.getByTestId('rule-stages').scrollIntoViewIfNeeded();
    await shot(page, 'landing-stage-policy.zh-CN');
  });

  test('[STAFF] a reviewer reads the versions in English but cannot publish', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.goto('/staff/rules');
    await expect(page.getByRole('heading', { name: 'Collection rulebook' })).toBeVisible();
    await expect(page.getByTestId('rules-version').first()).toBeVisible();
    await expect(page.getByTestId('rules-editor')).toHaveCount(0);
    await shot(page, 'staff-rules.en');
    await page.goto('/');
    await expect(page.getByTestId('rules-stage-policy').getByTestId('stage-sms')).toContainText('From day 1 overdue');
    await page.getByTestId('rule-stages').scrollIntoViewIfNeeded();
    await shot(page, 'landing-stage-policy.en');
  });
});
