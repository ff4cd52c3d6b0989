// Paying the creditor directly on a phone (issue 20): the debtor of 华信's demo case
// HX202600000037 first finds no account (华信 has set none: the page says so and sends them
// to the creditor, never to an account of anyone else's); 华信's admin enters its own
// repayment account on its payment settings (a mistyped account number is named at its
// field); the debtor's page then shows that account in full, what is owed and the case's
// reference code with the instruction to write it in the transfer's remark, the same code
// on every view, in Chinese and in English. No provider is set: no "pay online" button.
import { sampleCaseRow } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';
import { verifyAs } from './debtor-helpers';

const row = sampleCaseRow(37, 'HX2026');
const ACCOUNT = { name: '华信消费金融股份有限公司', bank: '中国工商银行北京分行营业部', no: '0200001234567890123' };

test.use({ viewport: { width: 390, height: 844 } });

test.describe('[PUBLIC] paying the creditor directly', () => {
  test('[PUBLIC] the debtor sees the creditor’s own account and the case’s reference code, once the creditor has set it', async ({
    page,
    browser,
  }) => {
    await verifyAs(page, browser, row);
    const card = page.getByTestId('debtor-payment');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('debtor-pay-no-account')).toContainText('还没有在平台登记收款账户');
    await expect(page.getByTestId('debtor-pay-account-no')).toHaveCount(0);
    const ref = (await page.getByTestId('debtor-pay-ref').textContent())?.trim() ?? '';
    expect(ref).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    await expect(page.getByTestId('debtor-pay-online')).toHaveCount(0);

    // 华信's admin sets its account on a desktop; a mistyped number is named first.
    const desk = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const admin = await desk.newPage();
    await signInAs(admin, ACCOUNTS.creditorAdmin, '/creditor');
    await admin.getByRole('link', { name: '收款设置' }).click();
    await expect(admin.getByTestId('payment-settings')).toBeVisible();
    await admin.locator('#ps-account-name').fill(ACCOUNT.name);
    await admin.locator('#ps-bank').fill(ACCOUNT.bank);
    await admin.locator('#ps-account-no').fill('0200-12');
    await admin.getByTestId('payment-settings-save').click();
    await expect(admin.getByText('账号应为 8 到 32 位数字')).toBeVisible();
    await admin.locator('#ps-account-no').fill(ACCOUNT.no);
    await admin.getByTestId('payment-settings-save').click();
    await expect(admin.getByTestId('payment-settings-saved')).toBeVisible();
    await shot(admin, 'creditor-payment-settings.zh-CN');
    await useLanguage(admin, 'en');
    await admin.reload();
    await expect(admin.getByRole('heading', { name: 'Payment settings' })).toBeVisible();
    await expect(admin.locator('#ps-account-no')).toHaveValue(ACCOUNT.no);
    // Choosing Alipay asks for its APPID and keys, and says where its notifications must go.
    await admin.locator('#ps-provider').selectOption('alipay');
    await expect(admin.locator('#ps-app-id')).toBeVisible();
    await expect(admin.getByTestId('payment-notify-url')).toContainText('PAYMENTS_PUBLIC_URL');
    await shot(admin, 'creditor-payment-settings.en');
    await desk.close();

    // The debtor's page now shows the account in full and the same code, with the remark instruction.
    await page.reload();
    await expect(page.getByTestId('debtor-pay-account-name')).toHaveText(ACCOUNT.name);
    await expect(page.getByTestId('debtor-pay-bank')).toHaveText(ACCOUNT.bank);
    await expect(page.getByTestId('debtor-pay-account-no')).toHaveText(ACCOUNT.no);
    await expect(page.getByTestId('debtor-pay-ref')).toHaveText(ref);
    await expect(page.getByTestId('debtor-pay-amount')).toContainText('¥');
    await expect(page.getByTestId('debtor-pay-remark')).toContainText(`附言（备注）里填写还款识别码 ${ref}`);
    await expect(page.getByTestId('debtor-pay-no-account')).toHaveCount(0);
    await expect(page.getByTestId('debtor-pay-online')).toHaveCount(0);
    await page.getByTestId('debtor-payment').scrollIntoViewIfNeeded();
    await shot(page, 'debtor-payment.zh-CN');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Pay the creditor directly' })).toBeVisible();
    await expect(page.getByTestId('debtor-pay-account-no')).toHaveText(ACCOUNT.no);
    await expect(page.getByTestId('debtor-pay-ref')).toHaveText(ref);
    await expect(page.getByTestId('debtor-pay-remark')).toContainText(`Write the reference code ${ref}`);
    await shot(page, 'debtor-payment.en');
  });
});
