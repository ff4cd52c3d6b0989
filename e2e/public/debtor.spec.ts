// The debtor's own page on a phone (issue 20): 正信 holds 华信's case HX202600000047 in the
// demo data. The debtor types the loan's details (a wrong digit answers only that they
// could not be verified), picks a number on file, reads the code the platform texted (the
// development outbox shows it), and sees the debt, the agency and its admission, the
// collector's work number and the rules, in Chinese and in English; leaving ends it.
import { sampleCaseRow } from '../../db/seed/case-file';
import { samplePdf } from '../../db/seed/sample-pdf';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';
import { asOwnClient, openAgencyCase, verifyAs } from './debtor-helpers';

const [contractNo = '', debtorName = '', idNumber = ''] = sampleCaseRow(47, 'HX2026');
const last4 = idNumber.slice(-4);

test.use({ viewport: { width: 390, height: 844 } });

test.describe('[PUBLIC] the debtor’s own page', () => {
  test('[PUBLIC] a debtor verifies by the loan’s details and a texted code, then sees the debt and who holds it', async ({
    page,
    browser,
  }) => {
    await asOwnClient(page);
    await page.goto('/debtor');
    await expect(page.getByTestId('debtor-title')).toHaveText('我的借款');
    await page.locator('#debtor-contract').fill(contractNo);
    await page.locator('#debtor-name').fill(debtorName);
    await page.locator('#debtor-id4').fill(last4 === '0000' ? '1111' : '0000');
    await page.getByTestId('debtor-details-submit').click();
    await expect(page.getByTestId('debtor-details-error')).toContainText('无法核实');
    await page.locator('#debtor-id4').fill(last4);
    await page.getByTestId('debtor-details-submit').click();

    const number = page.getByTestId('debtor-number-0');
    await expect(number).toBeChecked();
    const masked = (await page.locator('label', { has: number }).textContent())?.trim() ?? '';
    expect(masked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    await page.getByTestId('debtor-send-code').click();
    await expect(page.getByTestId('debtor-code-sent')).toContainText(masked);
    await shot(page, 'debtor-verify.zh-CN');
    // Asking again at once is refused with the wait.
    await page.getByTestId('debtor-send-code').click();
    await expect(page.getByTestId('debtor-send-error')).toContainText('秒后再重新获取');

    // The phone: the development outbox shows what was texted to that number.
    const outbox = await (await browser.newContext()).newPage();
    await outbox.goto('/dev/sms');
    await outbox.getByTestId('sms-last4').fill(masked.slice(-4));
    const sms = outbox.locator(`[data-testid="sms-row"][data-to="${masked}"][data-kind="debtor.code"]`).first();
    await expect(sms.getByTestId('sms-text')).toContainText('验证码');
    const code = /(\d{6})/.exec((await sms.getByTestId('sms-text').textContent()) ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code says how many tries are left; the right one opens the page.
    await page.locator('#debtor-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('debtor-confirm').click();
    await expect(page.getByTestId('debtor-code-error')).toContainText('还可以再试 4 次');
    await page.locator('#debtor-code').fill(code);
    await page.getByTestId('debtor-confirm').click();
    await expect(page.getByTestId('debtor-overview')).toBeVisible();
    await expect(page.getByTestId('debtor-contract')).toHaveText(contractNo);
    await expect(page.getByTestId('debtor-creditor')).toContainText('华信');
    await expect(page.getByTestId('debtor-agency')).toHaveText('上海正信资产管理有限公司');
    await expect(page.getByTestId('debtor-workno')).toHaveText(/^工号 \d{4}$/);
    await expect(page.getByTestId('debtor-rules')).toContainText('22:00');
    // Phone-sized: nothing runs off the right edge.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'debtor-overview.zh-CN');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('debtor-title')).toHaveText('My loan');
    await expect(page.getByTestId('debtor-workno')).toHaveText(/^Work no\. \d{4}$/);
    await shot(page, 'debtor-overview.en');

    // Leaving ends the session: the page asks for the details again.
    await page.getByTestId('debtor-sign-out').click();
    await expect(page.getByTestId('debtor-details-form')).toBeVisible();
    await shot(page, 'debtor-verify.en');
  });

  test('[PUBLIC] another debtor disputes the debt; the collector’s next call is refused with the dispute rule', async ({
    page,
    browser,
  }) => {
    const row = sampleCaseRow(48, 'HX2026');
    await verifyAs(page, browser, row);
    await page.locator('#debtor-dispute-reason').fill('不对');
    await page.getByTestId('debtor-dispute-submit').click();
    await expect(page.getByTestId('debtor-dispute-reason-error')).toContainText('至少 10 个字');
    await page.locator('#debtor-dispute-reason').fill('这笔借款我去年已经通过银行转账全部还清，请核实还款记录。');
    await page.getByTestId('evidence-input').setInputFiles({
      name: '还款回单.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(samplePdf(['银行转账回单 2025-11-20'])),
    });
    await expect(page.getByTestId('evidence-done')).toBeVisible();
    await page.getByTestId('debtor-dispute-submit').click();
    await expect(page.getByTestId('debtor-hold')).toContainText('您已提出异议，催收已暂停');
    await shot(page, 'debtor-disputed.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('debtor-hold')).toContainText('You have disputed the debt');
    await shot(page, 'debtor-disputed.en');

    // The collector of the case: the next call is refused with the dispute rule, and the pause is raised by the debtor.
    const collector = await openAgencyCase(browser, row[0] ?? '');
    await expect(collector.getByTestId('verdict-refused').first()).toContainText('债务人对债务提出异议');
    await expect(collector.getByTestId('hold').first()).toContainText('债务人本人');
    await shot(collector, 'agency-case-debtor-dispute.zh-CN');
    await expect(collector.getByTestId('hold-document')).toHaveCount(0);

    // The lender reads the dispute with the debtor's document.
    const lender = await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage();
    await signInAs(lender, ACCOUNTS.creditorAdmin, '/creditor');
    await lender.goto('/creditor/holds');
    const held = lender.getByRole('row', { name: new RegExp(row[0] ?? '') });
    await expect(held.getByTestId('hold-document')).toContainText('还款回单.pdf');
    const download = await lender.request.get((await held.getByTestId('hold-document').getAttribute('href')) ?? '');
    expect(download.headers()['content-type']).toBe('application/pdf');
    await shot(lender, 'creditor-holds-debtor-document.zh-CN');
  });
});

test.describe('[PUBLIC] a plan from the debtor’s page', () => {
  test('[PUBLIC] a debtor asks for six monthly instalments inside the bands; the plan is in force and the agency sees it', async ({
    page,
    browser,
  }) => {
    const row = sampleCaseRow(46, 'HX2026');
    await verifyAs(page, browser, row);
    const card = page.getByTestId('debtor-plan');
    await expect(card).toContainText('分期不超过 12 期');
    // A reason too short is named by its field; nothing is asked yet.
    await page.getByTestId('debtor-plan-count-6').click();
    await expect(page.getByTestId('debtor-plan-each')).toContainText('每月约还');
    await page.locator('#debtor-plan-reason').fill('少');
    await page.getByTestId('debtor-plan-submit').click();
    await expect(page.getByTestId('debtor-plan-reason-error')).toContainText('至少 4 个字');
    await page.locator('#debtor-plan-reason').fill('今年收入减少，希望分六个月还清。');
    await page.getByTestId('debtor-plan-submit').click();
    await expect(page.getByTestId('debtor-plan-answer')).toContainText('已于');
    await expect(page.getByTestId('debtor-plan-line')).toHaveCount(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'debtor-plan.zh-CN');

    // The SMS the debtor gets.
    const outbox = await (await browser.newContext()).newPage();
    await outbox.goto('/dev/sms');
    await outbox.getByTestId('sms-last4').fill((row[3] ?? '').split(';')[0]?.slice(-4) ?? '');
    await expect(outbox.locator('[data-testid="sms-row"][data-kind="debtor.planApproved"]').first()).toContainText(
      row[0] ?? '',
    );

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('debtor-plan-answer')).toContainText('took effect');
    await shot(page, 'debtor-plan.en');

    // The collector of the case reads the debtor's plan in force, without the debtor's reason.
    const collector = await openAgencyCase(browser, row[0] ?? '');
    await expect(collector.getByTestId('restructure-by-debtor').first()).toContainText('债务人本人在其页面申请');
    await expect(collector.getByTestId('restructure-list')).not.toContainText('今年收入减少');
    await shot(collector, 'agency-case-debtor-plan.zh-CN');
  });
});
