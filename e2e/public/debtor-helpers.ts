// The debtor's page in the browser tests: the way in through the development outbox, and
// the collector's view of the same case.
import type { Browser, Page } from '@playwright/test';
import { ACCOUNTS, expect, signInAs } from '../fixtures';

let clients = 0;
/**
 * Each debtor in the specs comes from an address of their own (the balancer's, trusted one
 * hop): codes are limited per client, and the whole suite asks for more than one client may.
 */
export const asOwnClient = (page: Page) =>
  page.setExtraHTTPHeaders({ 'X-Forwarded-For': `192.0.2.${(process.pid % 100) + (clients += 1)}` });

/** Verifies as the debtor of a demo case, reading the code from the development outbox. */
export const verifyAs = async (
  page: Page,
  browser: Browser,
  row: readonly string[],
) => {
  const [contract = '', name = '', id = ''] = row;
  await asOwnClient(page);
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


/** The demo collector (郑磊) opens a case of theirs by its contract number, on a desktop-sized page. */
export const openAgencyCase = async (browser: Browser, contractNo: string) => {
  const collector = await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage();
  await signInAs(collector, ACCOUNTS.agencyCollector, '/agency');
  await collector.goto('/agency/cases');
  await collector.getByTestId('queue-search').fill(contractNo);
  await collector.getByTestId('queue-search').press('Enter');
  await collector.getByRole('link', { name: contractNo }).click();
  await collector.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
  return collector;
};
