// First paint from the server: with JavaScript off, the creditor's case list arrives with its
// rows (the page prefetched the screen's query on the server), and the public complaint page
// with its form. Screenshots in both languages.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, shot, test, useLanguage, type Lang } from '../fixtures';

test.use({ javaScriptEnabled: false });

type Catalog = Record<string, Record<string, string>>;
const catalog = (lang: Lang): Catalog =>
  JSON.parse(readFileSync(`messages/${lang === 'en' ? 'en' : 'zh-CN'}.json`, 'utf8')) as Catalog;

/** Signs in through the sign-in endpoint itself: the sign-in form needs JavaScript. */
const signInWithoutScript = async (page: Page, email: string) => {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' },
    // A client address of its own, as a load balancer would add it (scripts/e2e-server.sh).
    headers: { 'x-forwarded-for': '10.61.0.7' },
  });
  expect(res.ok()).toBe(true);
};

for (const lang of ['zh-CN', 'en'] as const) {
  test(`[CREDITOR] without JavaScript the case list shows its first rows (${lang})`, async ({ page }) => {
    const m = catalog(lang);
    await useLanguage(page, lang);
    await signInWithoutScript(page, ACCOUNTS.creditorAdmin);
    await page.goto('/creditor/cases');
    await expect(page.getByRole('heading', { level: 1, name: m.cases?.title })).toBeVisible();
    const rows = page.getByTestId('case-row');
    // The first page of 华信's cases (160 in the demo data, more once other specs imported theirs), in the HTML itself.
    await expect(rows).toHaveCount(50);
    for (const row of [rows.first(), rows.nth(1), rows.nth(49)]) {
      await expect(row.getByRole('link')).toHaveText(/^[A-Z][A-Z0-9]{7,}$/);
      await expect(row.getByRole('link')).toHaveAttribute('href', /^\/creditor\/cases\/[0-9a-f-]{36}$/);
    }
    await expect(page.getByTestId('cases-table')).not.toContainText(m.common?.loading ?? '加载中');
    await shot(page, `first-paint-cases.${lang}`);
  });

  test(`[PUBLIC] without JavaScript the complaint page shows its form (${lang})`, async ({ page }) => {
    await useLanguage(page, lang);
    await page.goto('/complaints');
    await expect(page.getByTestId('public-complaint-title')).toBeVisible();
    await expect(page.getByTestId('public-complaint-form')).toBeVisible();
    await expect(page.locator('#c-contract')).toBeVisible();
    await expect(page.getByTestId('complaint-submit')).toBeVisible();
    await shot(page, `first-paint-complaints.${lang}`);
  });
}
