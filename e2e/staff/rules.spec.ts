// The rulebook is published in versions by the platform admin (DESIGN §4): it can only be
// tightened; an attempt to loosen the national floor (the stage policy included) is refused,
// naming what would loosen.
// Forbidden phrases come as families (threats at the workplace, at home, violence, exposure,
// impersonation, insults) shown by category with an example; the admin edits a family's
// patterns and examples or adds one, and a family whose examples do not match as declared
// is refused, naming the family and the example.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] collection rulebook', () => {
  test('[STAFF] the admin cannot loosen the rulebook, and publishes a stricter version with a new phrase family', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '催收规则' }).click();
    // Version 1 as published (a plain list) and version 2, the phrase families.
    await expect(page.getByTestId('rules-version')).toHaveCount(2);
    await expect(page.getByTestId('rules-category-threat')).toContainText('到单位、公司闹事');
    await expect(page.getByTestId('rules-category-threat')).toContainText('例：不还钱就去你单位闹');
    await expect(page.getByTestId('rules-category-impersonation')).toContainText('冒充公检法、律师');

    await page.locator('#rules-end').fill('23:00');
    await page.locator('#rules-maxAnsweredCallsPerDebtorPerDay').fill('5');
    // Field visits from day 10 would open them earlier than the floor's day 31.
    await page.locator('#rules-visit-debtor').fill('10');
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId('rules-error')).toHaveText(
      '不能放宽国家标准的底线：晚间截止时间、每日有效通话上限、阶段策略（各方式最早可用的逾期天数）',
    );
    await page.locator('#rules-end').fill('22:00');
    await page.locator('#rules-maxAnsweredCallsPerDebtorPerDay').fill('3');
    await page.locator('#rules-visit-debtor').fill('31');
    // Stricter: lawyer's letters from day 45.
    await page.locator('#rules-lawyer_letter-debtor').fill('45');

    // A lawful example the workplace family would catch is refused, naming family and example.
    const lawful = page.locator('#family-0-mustNotMatch');
    const lawfulBefore = await lawful.inputValue();
    await lawful.fill(`${lawfulBefore}\n明天去你公司找你`);
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId('rules-error')).toHaveText(
      '禁用语族“到单位、公司闹事”命中了它不应命中的例句“明天去你公司找你”',
    );
    // …and under that family's field.
    await expect(page.getByTestId('family-0-mustNotMatch-error')).toHaveText(
      '禁用语族“到单位、公司闹事”命中了它不应命中的例句“明天去你公司找你”',
    );
    await shot(page, 'staff-rules-refused.zh-CN');
    await lawful.fill(lawfulBefore);

    // A new family: a pattern the language refuses is named in the browser before any request.
    await page.getByTestId('family-add').click();
    const rows = page.getByTestId('family-row');
    const n = (await rows.count()) - 1;
    await page.locator(`#family-${n}-id`).fill('prison');
    await page.locator(`#family-${n}-name`).fill('以坐牢相威胁');
    await page.locator(`#family-${n}-nameEn`).fill('Threats of prison');
    await page.locator(`#family-${n}-category`).selectOption('threat');
    await page.locator(`#family-${n}-patterns`).fill('(让|送你~2坐牢');
    await page.locator(`#family-${n}-mustMatch`).fill('再不还就让你坐牢\n送 你 去 坐 牢');
    await page.locator(`#family-${n}-mustNotMatch`).fill('逃避执行可能承担法律责任');
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId(`family-${n}-patterns-error`)).toHaveText('括号、“|”或“?”不成对');
    await page.locator(`#family-${n}-patterns`).fill('(让|送)你~2坐牢');
    await page.getByTestId('rules-publish').click();
    await expect(page.getByTestId('rules-published')).toContainText('已发布 v3');
    await expect(page.getByTestId('rules-version')).toHaveCount(3);
    await expect(page.getByTestId('rules-category-threat')).toContainText('以坐牢相威胁');
    await shot(page, 'staff-rules.zh-CN');

    // The public page shows the new version at once, the new family among the threats with its example.
    await page.goto('/');
    await expect(page.getByTestId('rules-version')).toContainText('现行第 3 版');
    await expect(page.getByTestId('rule-words-threat')).toContainText('以坐牢相威胁');
    await expect(page.getByTestId('rule-words-threat')).toContainText('如“再不还就让你坐牢”');
    await expect(page.getByTestId('rule-words')).toContainText('以下 7 类说法');
    // The stage policy of the new version: lawyer's letters from day 45, email never to third parties.
    const stages = page.getByTestId('rules-stage-policy');
    await expect(stages.getByTestId('stage-lawyer_letter')).toContainText('逾期第 45 天起');
    await expect(stages.getByTestId('stage-email')).toContainText('不允许');
    await page.getByTestId('rule-stages').scrollIntoViewIfNeeded();
    await shot(page, 'landing-stage-policy.zh-CN');
  });

  test('[STAFF] a reviewer reads the versions and families in English but cannot publish', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.goto('/staff/rules');
    await expect(page.getByRole('heading', { name: 'Collection rulebook' })).toBeVisible();
    await expect(page.getByTestId('rules-version').first()).toBeVisible();
    await expect(page.getByTestId('rules-category-threat')).toContainText('Threats to make trouble at the workplace');
    await expect(page.getByTestId('rules-category-disclosure')).toContainText('Exposure and blasting the contact list');
    await expect(page.getByTestId('rules-editor')).toHaveCount(0);
    await shot(page, 'staff-rules.en');
    await page.goto('/');
    await expect(page.getByTestId('rules-stage-policy').getByTestId('stage-sms')).toContainText('From day 1 overdue');
    await page.getByTestId('rule-stages').scrollIntoViewIfNeeded();
    await shot(page, 'landing-stage-policy.en');
  });
});
