// Lenders' and agencies' developers read how to call the public API at /developers, without an
// account and in either language: what it is for, keys, errors, limits, idempotency, worked
// examples, then the interactive reference of /api/v1/openapi.json in the page's language. The
// reference is served from this app alone and runs under the page's security policy.
import type { Page } from '@playwright/test';
import { expect, shot, test, useLanguage } from '../fixtures';

/** Records CSP violations and requests to any other origin, from the page's first script on. */
const watch = async (page: Page) => {
  const violations: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost') && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { violations, elsewhere };
};

test.describe('[PUBLIC] developers', () => {
  test('[PUBLIC] the API reference at /developers, in Chinese and English', async ({ page }) => {
    const seen = await watch(page);
    await page.goto('/');
    await page.getByTestId('header-developers').click();
    await expect(page.getByTestId('developers-title')).toHaveText('开放接口');
    await expect(page.getByTestId('developers-lead')).toContainText('债权人的贷后系统');
    await expect(page.getByTestId('developers-scopes')).toContainText('POST /api/v1/creditor/cases/batch');
    const refusal = page.getByTestId('example-refusal-answer');
    await expect(refusal).toContainText('"code": "rules.window"');
    await expect(refusal).toContainText('最早 2026-12-04 08:00 可以联系');
    const reference = page.getByTestId('api-reference');
    await expect(reference.getByText('批量导入案件').first()).toBeVisible({ timeout: 30_000 });
    // The operation itself, opened from the reference's own list: its operationId and path.
    await reference.locator('a[href$="/POST/creditor/cases/batch"]').first().click();
    await expect(reference.getByText('placeCases', { exact: true }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot(page, 'developers-zh');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('developers-title')).toHaveText('Developer API');
    await expect(page.getByTestId('developers-lead')).toContainText("lenders' loan systems");
    await expect(refusal).toContainText('next allowed 2026-12-04 08:00');
    await expect(reference.getByText('Place a batch of cases').first()).toBeVisible({ timeout: 30_000 });
    await reference.locator('a[href$="/POST/creditor/cases/batch"]').first().click();
    await expect(reference.getByText('placeCases', { exact: true }).first()).toBeVisible();
    await expect(reference.getByText('批量导入案件')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await shot(page, 'developers-en');

    expect(seen.violations).toEqual([]);
    expect(seen.elsewhere).toEqual([]);
  });
});
