// Paying the creditor directly on a phone (issue 20): the debtor of 华信's demo case
// HX202600000037 first finds no account (华信 has set none: the page says so and sends them
// to the creditor, never to an account of anyone else's); 华信's admin enters its own
// repayment account on its payment settings (a mistyped account number is named at its
// field); the debtor's page then shows that account in full, what is owed and the case's
// reference code with the instruction to write it in the transfer's remark, the same code
// on every view, in Chinese and in English. No provider is set: no "pay online" button.
// Then 华信's admin sets up its Alipay app (against a stand-in gateway on the port the
// server's PAYMENTS_ALIPAY_GATEWAY names, scripts/e2e-server.sh): the debtor of HX…38 asks to
// pay online and gets the link and its QR code; Alipay's signed notification of the paid
// trade is recorded as the creditor's confirmed payment, the debtor sees nothing more owed
// and 华信's repayment list shows it; the provider is switched off again.
import { sampleCaseRow } from '../../db/seed/case-file';
import { startFakeAlipay } from '../../server/testing/fake-alipay';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';
import { verifyAs } from './debtor-helpers';

const row = sampleCaseRow(37, 'HX2026');
const paidRow = sampleCaseRow(38, 'HX2026');
/** Where the server under test reaches "Alipay" (scripts/e2e-server.sh: the port after the server's). */
const GATEWAY_PORT = Number(process.env.E2E_ALIPAY_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const ACCOUNT = { name: '华信消费金融股份有限公司', bank: '中国工商银行北京分行营业部', no: '0200001234567890123' };

test.use({ viewport: { width: 390, height: 844 } });

test.describe.configure({ mode: 'serial' });

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
    await expect(admin.getByTestId('payment-notify-url')).toContainText('/api/payments/alipay/notify');
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

  test('[PUBLIC] the debtor pays online through the creditor’s Alipay; the signed notification settles it', async ({
    page,
    browser,
  }) => {
    const fake = await startFakeAlipay({ port: GATEWAY_PORT });
    const desk = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const admin = await desk.newPage();
    try {
      await signInAs(admin, ACCOUNTS.creditorAdmin, '/creditor');
      await admin.goto('/creditor/payments');
      await admin.locator('#ps-provider').selectOption('alipay');
      await admin.locator('#ps-app-id').fill(fake.appId);
      await admin.locator('#ps-private-key').fill(fake.merchantPrivateKey);
      await admin.locator('#ps-public-key').fill(fake.alipayPublicKey);
      await admin.getByTestId('payment-settings-save').click();
      await expect(admin.getByTestId('payment-settings-saved')).toBeVisible();

      await verifyAs(page, browser, paidRow);
      const owed = (await page.getByTestId('debtor-pay-amount').textContent())?.trim() ?? '';
      expect(owed).toMatch(/^¥[\d,]+\.\d{2}$/);
      await page.getByTestId('debtor-pay-online').click();
      const link = page.getByTestId('debtor-pay-link');
      await expect(link).toContainText(owed);
      await expect(page.getByTestId('debtor-pay-open')).toHaveAttribute('href', /^https:\/\/qr\.alipay\.com\//);
      await expect(page.getByTestId('debtor-pay-qr')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await link.scrollIntoViewIfNeeded();
      await shot(page, 'debtor-pay-online.zh-CN');

      // The precreate the server sent, signed with the creditor's key, for what is owed.
      const sent = fake.received.at(-1);
      expect(sent?.isSignatureValid).toBe(true);
      const biz = JSON.parse(sent?.fields.biz_content ?? '{}') as { out_trade_no: string; total_amount: string };
      expect(biz.total_amount).toBe(owed.replace(/[¥,]/g, ''));

      // Alipay posts the paid trade to the platform: a forged one is refused, the signed one recorded.
      const base = { out_trade_no: biz.out_trade_no, trade_no: '2026120422001400038', total_amount: biz.total_amount };
      const post = (form: Record<string, string>) => page.request.post('/api/payments/alipay/notify', { form });
      expect(await (await post(fake.notice(base, { forged: true }))).text()).toBe('failure');
      expect(await (await post(fake.notice(base))).text()).toBe('success');

      // "I have paid": paid in full, the loan is settled, the payment card gone, the repaid amount shown.
      await page.getByTestId('debtor-pay-refresh').click();
      await expect(page.getByTestId('debtor-closed')).toContainText('逾期欠款已还清');
      await expect(page.getByTestId('debtor-payment')).toHaveCount(0);
      await expect(page.getByTestId('debtor-repaid')).toHaveText(owed);
      await shot(page, 'debtor-paid-online.zh-CN');
      await useLanguage(page, 'en');
      await page.reload();
      await expect(page.getByTestId('debtor-closed')).toContainText('The overdue amount is repaid');
      await shot(page, 'debtor-paid-online.en');

      // The creditor's repayments: confirmed, by Alipay's trade number, recorded by the provider.
      await admin.goto('/creditor/repayments');
      await admin.getByRole('combobox', { name: '状态' }).selectOption('confirmed');
      const paid = admin.getByRole('row').filter({ hasText: paidRow[0] ?? '' });
      await expect(paid).toContainText('2026120422001400038');
      await expect(paid).toContainText('已确认');
      await expect(paid).toContainText('支付宝在线支付通知');
      await shot(admin, 'creditor-repayment-online.zh-CN');
    } finally {
      // Later specs meet 华信 as the demo sets it: no provider.
      await admin.goto('/creditor/payments');
      await admin.locator('#ps-provider').selectOption('');
      await admin.getByTestId('payment-settings-save').click();
      await expect(admin.getByTestId('payment-settings-saved')).toBeVisible();
      await desk.close();
      await fake.close();
    }
  });
});
