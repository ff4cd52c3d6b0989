// Debtors and their families reach the public pages on phones (issue 20): at 390 px every page
// without an account fits the screen's width (no sideways scroll of the page; a wide table
// scrolls inside its own box), the product name stays on one line, and the navigation folds
// behind a menu button that opens it as a list, the language switch and sign-in at its foot.
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage, type Lang } from '../fixtures';

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

const NAV = [
  'header-agencies',
  'header-disclosures',
  'header-complaints',
  'header-developers',
  'header-signup',
  'header-signin',
  'lang-zh-CN',
  'lang-en',
];

/** Each public page, and what shows once its content is in (lists load in the browser). */
const PAGES: { name: string; path: () => string; ready: string; isTall?: boolean }[] = [
  { name: 'home', path: () => '/', ready: 'rules-in-force' },
  { name: 'agencies', path: () => '/agencies', ready: 'banned-row' },
  { name: 'disclosures', path: () => '/disclosures', ready: 'published-disclosure-row' },
  { name: 'disclosure', path: () => disclosurePath, ready: 'disclosure-agencies-row' },
  { name: 'complaints', path: () => '/complaints', ready: 'public-complaint-form' },
  { name: 'complaint-status', path: () => '/complaints/status', ready: 'follow-form' },
  { name: 'signin', path: () => '/signin', ready: 'signin-submit' },
  { name: 'signup', path: () => '/signup', ready: 'signup-submit' },
  // The API reference makes /developers some 30,000 px tall on a phone: two screens of it instead.
  { name: 'developers', path: () => '/developers', ready: 'developers-scopes', isTall: true },
  { name: 'invite', path: () => '/invite/no-such-invitation-token-0000', ready: 'invite-invalid' },
];

let disclosurePath = '';

/** The page is no wider than the phone, and the product name takes one line. */
const expectFits = async (page: Page, what: string) => {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what}: page width`).toBeLessThanOrEqual(
    WIDTH,
  );
  const lines = await page
    .getByTestId('header-product')
    .evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
  expect(lines, `${what}: product name lines`).toBeLessThan(1.5);
};

test.describe('[PUBLIC] public pages on a phone', () => {
  test.beforeAll(async ({ browser }) => {
    // The disclosure page needs a published report: 华信 publishes last month's unless it has
    // (the creditor's own spec publishes it when the whole suite runs).
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto('/disclosures');
    const row = page.getByTestId('published-disclosure-row').filter({ hasText: '华信消费金融股份有限公司' });
    await expect(row.or(page.getByText('还没有委托方公布数据')).first()).toBeVisible();
    if ((await row.count()) === 0) {
      await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
      await page.goto('/creditor/disclosure');
      await page.getByTestId('disclosure-publish').click();
      await expect(page.getByTestId('disclosure-published')).toBeVisible();
      await page.goto('/disclosures');
    }
    disclosurePath = (await row.first().getByRole('link').getAttribute('href')) ?? '';
    expect(disclosurePath).toMatch(/^\/disclosures\/.+/);
    await page.close();
  });

  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    test(`[PUBLIC] every public page fits 390 px with the navigation folded (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      await useLanguage(page, lang);
      for (const { name, path, ready, isTall } of PAGES) {
        const what = `${name} (${lang})`;
        await page.goto(path());
        await expect(page.getByTestId(ready).first()).toBeVisible();
        await expectFits(page, what);
        if (!isTall) {
          // Whole on the screen: a list's row is a card, not a table row running off the right edge.
          const box = await page.getByTestId(ready).first().boundingBox();
          expect((box?.x ?? 0) + (box?.width ?? Infinity), `${what}: ${ready} on the screen`).toBeLessThanOrEqual(WIDTH);
        }
        // Folded: the menu button shows, the links do not.
        const menu = page.getByTestId('header-menu');
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect(menu).toHaveText(lang === 'en' ? 'Menu' : '菜单');
        for (const id of NAV) await expect(page.getByTestId(id), `${what}: ${id} folded`).toBeHidden();
        if (isTall) {
          await page.screenshot({ path: `test-results/screenshots/public-mobile-${name}.${lang}.png` });
          await page.getByTestId(ready).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `test-results/screenshots/public-mobile-${name}-${ready}.${lang}.png` });
          await page.evaluate(() => window.scrollTo(0, 0));
        } else await shot(page, `public-mobile-${name}.${lang}`);
        // Opened: every link, the language switch and sign-in, the links a full row each.
        await menu.click();
        await expect(menu).toHaveAttribute('aria-expanded', 'true');
        await expect(page.locator(`#${await menu.getAttribute('aria-controls')}`)).toBeVisible();
        for (const id of NAV) await expect(page.getByTestId(id), `${what}: ${id} opened`).toBeVisible();
        const navWidth = (await page.getByTestId('public-nav').boundingBox())?.width ?? 0;
        expect(navWidth).toBeGreaterThan(WIDTH - 40);
        expect((await page.getByTestId('header-complaints').boundingBox())?.width).toBeCloseTo(navWidth, 0);
        await expectFits(page, `${what}, menu open`);
        if (name === 'home') await page.screenshot({ path: `test-results/screenshots/public-mobile-menu.${lang}.png` });
        // Escape folds it again, and gives the focus back to the button.
        await page.keyboard.press('Escape');
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect(menu).toBeFocused();
        await expect(page.getByTestId('header-agencies')).toBeHidden();
      }
    });
  }

  test('[PUBLIC] a link in the opened menu leads on and folds the menu', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('header-menu').click();
    await page.getByTestId('header-complaints').click();
    await expect(page.getByTestId('public-complaint-title')).toHaveText('投诉催收行为');
    await expect(page.getByTestId('header-menu')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('header-complaints')).toBeHidden();
    // The language switch works from inside the menu.
    await page.getByTestId('header-menu').click();
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('public-complaint-title')).toHaveText('Complain about collection');
    await expectFits(page, 'complaints after the switch');
  });
});
