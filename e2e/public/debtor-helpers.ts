import { expect, type Browser, type Page } from '@playwright/test';

/** Verifies as the debtor of a demo case, reading the code from the development outbox. */
export const verifyAs = async (page: Page, browser: Browser, row: readonly string[]) => {
  const [contract = '', name = '', id = ''] = row;
  await page.goto('/debtor');
  await page.locator('#debtor-contract').fill(contract);
  await page.locator('#debtor-name').fill(name);
  await page.locator('#debtor-id4').fill(id.slice(-4));
  await page.getByTestId('debtor-details-submit').click();
  const masked = (await page.locator('label', { has: page.getByTestId('debtor-number-0') }).textContent())?.trim() ?? '';
  await page.getByTestId('debtor-send-code').click();
  await expect(page.getByTestId('debtor-code-sent')).toContainText(masked);
  const outbox = await (await browser.newContext()).newPage();
  await outbox.goto('/dev/sms');
  await outbox.getByTestId('sms-last4').fill(masked.slice(-4));
  const text = outbox
    .locator(`[data-testid="sms-row"][data-to="${masked}"][data-kind="debtor.code"]`)
    .first()
    .getByTestId('sms-text');
  await expect(text).toContainText('验证码');
  await page.locator('#debtor-code').fill(/(\d{6})/.exec((await text.textContent()) ?? '')?.[1] ?? '');
  await page.getByTestId('debtor-confirm').click();
  await expect(page.getByTestId('debtor-overview')).toBeVisible();
};
