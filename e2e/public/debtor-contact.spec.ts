// The debtor chooses how to be contacted, on a phone (issue 20, item 4): 正信's collector
// 郑磊 works 华信's case HX202600000036 in the demo data (scripts/seed-market.ts assigns him
// the lower half). The debtor verifies, asks for contact in writing only, and the collector's
// next call is refused with the contact-request rule; the complaint link then opens the
// complaint form with the loan named from the session (masked), no details asked again.
import { sampleCaseRow } from '../../db/seed/case-file';
import { expect, shot, test, useLanguage } from '../fixtures';
import { openAgencyCase, verifyAs } from './debtor-helpers';

const row = sampleCaseRow(36, 'HX2026');
const contractNo = row[0] ?? '';

test.use({ viewport: { width: 390, height: 844 } });

test.describe('[PUBLIC] the debtor’s contact choices', () => {
  test('[PUBLIC] a debtor asks for writing only; the collector’s next call is refused; the complaint form knows the loan', async ({
    page,
    browser,
  }) => {
    await verifyAs(page, browser, row);
    const card = page.getByTestId('debtor-contact-choice');
    // A choice left by an earlier run is changed like any other.
    if (await card.getByTestId('contact-change').isVisible()) await card.getByTestId('contact-change').click();

    // Chosen hours the wrong way round are refused, naming the end.
    await card.getByTestId('contact-option-hours').click();
    await page.locator('#contact-from').fill('21:00');
    await page.locator('#contact-to').fill('18:00');
    await card.getByTestId('contact-save').click();
    await expect(page.getByTestId('contact-to-error')).toContainText('结束时间须晚于开始时间');

    // In writing only: two taps and save.
    await card.getByTestId('contact-option-writing').click();
    await card.getByTestId('contact-save').click();
    await expect(card.getByTestId('contact-saved')).toContainText('所有催收机构都必须遵守');
    await expect(card.getByTestId('contact-in-force')).toContainText('只接受书面联系');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'debtor-contact.zh-CN');
    // The options, open, on a phone.
    await card.getByTestId('contact-change').click();
    await card.getByTestId('contact-option-oneChannel').click();
    await expect(card.getByTestId('contact-channel-sms')).toBeVisible();
    await shot(page, 'debtor-contact-options.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('contact-in-force')).toContainText('In writing only');
    await page.getByTestId('contact-change').click();
    await page.getByTestId('contact-option-notAtWork').click();
    await expect(page.locator('#contact-from')).toHaveValue('09:00');
    await shot(page, 'debtor-contact.en');

    // The collector of the case: the call is refused with the contact-request rule; the card names the debtor.
    const collector = await openAgencyCase(browser, contractNo);
    await expect(
      collector.getByTestId('verdict-refused').filter({ hasText: '债务人已要求不再通过这种方式联系' }),
    ).toBeVisible();
    const inForce = collector.getByTestId('contact-request-in-force');
    await expect(inForce).toContainText('不再通过电话、短信、外访联系');
    await expect(inForce).toContainText('债务人本人在其页面选择');
    await inForce.scrollIntoViewIfNeeded();
    await shot(collector, 'agency-case-debtor-contact.zh-CN');

    // The complaint link: the loan comes from the session, masked; no details asked.
    await page.getByTestId('debtor-complain').click();
    await page.waitForURL(/\/complaints$/);
    const loan = page.getByTestId('complaint-verified-loan');
    await expect(loan).toContainText('Which loan');
    await expect(page.getByTestId('complaint-verified-contract')).toHaveText(
      `${contractNo.slice(0, 4)}${'*'.repeat(contractNo.length - 8)}${contractNo.slice(-4)}`,
    );
    await expect(page.locator('#c-contract')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'complaint-preverified.en');
    await useLanguage(page, 'zh-CN');
    await page.reload();
    await expect(loan).toContainText('关于哪笔借款');
    await expect(loan).toContainText('上海正信资产管理有限公司');
    await shot(page, 'complaint-preverified.zh-CN');
    await page.locator('#c-category').selectOption('harassment');
    await page.locator('#c-description').fill('催收员在我上班时间连续打电话，我已经要求只用书面方式联系。');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(/^C-\d{4}-\d{6}$/);

    // The debtor withdraws the choice again: the agency may call under the platform's rules.
    await page.goto('/debtor');
    await page.getByTestId('contact-change').click();
    await page.getByTestId('contact-option-withdraw').click();
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('contact-none')).toBeVisible();
  });
});
