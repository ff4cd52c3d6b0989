// Forms check their values in the browser with the procedure's own schema, in the reader's
// language, before anything is sent: a bad value is named under its field and no request
// reaches the API (the same words the server would answer, lib/validation-messages.ts).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, shot, test, useLanguage, type Lang } from '../fixtures';

/** The catalog's validation messages, the words the page must show. */
const validationWords = (lang: Lang) => {
  const words = (JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as { validation: Record<string, string> })
    .validation;
  return (key: string) => {
    const w = words[key];
    if (!w) throw new Error(`validation.${key} is missing from messages/${lang}.json`);
    return w;
  };
};

/** Every /api/trpc request the page makes from now on. */
const recordApiCalls = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/trpc')) calls.push(r.url());
  });
  return calls;
};

test.describe('[PUBLIC] form validation in the browser', () => {
  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const v = validationWords(lang);

    test(`[PUBLIC] the complaint form names its mistakes before sending anything (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await page.goto('/complaints');
      await expect(page.getByTestId('public-complaint-form')).toBeVisible();
      const calls = await recordApiCalls(page);
      await page.locator('#c-debtor').fill('张三');
      await page.locator('#c-last4').fill('12');
      await page.getByTestId('complaint-submit').click();
      await expect(page.getByTestId('c-contract-error')).toHaveText(v('contractNo'));
      await expect(page.getByTestId('c-last4-error')).toHaveText(v('idLast4'));
      await expect(page.getByTestId('c-category-error')).toHaveText(v('complaintCategory'));
      await expect(page.getByTestId('c-description-error')).toHaveText(v('complaintDescription'));
      await expect(page.locator('#c-contract')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('c-debtor-error')).toHaveCount(0);
      await shot(page, `form-validation-complaint.${lang}`);
      // Fixing a field clears its message as it is typed.
      await page.locator('#c-last4').fill('123X');
      await expect(page.getByTestId('c-last4-error')).toHaveCount(0);
      await page.waitForTimeout(300);
      expect(calls).toEqual([]);
    });

    test(`[PUBLIC] sign-in asks for the missing password under its field (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await page.goto('/signin');
      await expect(page.getByTestId('signin-form')).toBeVisible();
      const calls = await recordApiCalls(page);
      const auth: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/auth/callback')) auth.push(r.url());
      });
      await page.locator('#email').fill(ACCOUNTS.creditorAdmin);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('password-error')).toHaveText(v('required'));
      await expect(page.getByTestId('email-error')).toHaveCount(0);
      await expect(page.getByTestId('signin-error')).toHaveCount(0);
      await shot(page, `form-validation-signin.${lang}`);
      await page.waitForTimeout(300);
      expect(calls).toEqual([]);
      expect(auth).toEqual([]);
    });
  }
});
