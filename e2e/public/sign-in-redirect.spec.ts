// After signing in, the browser goes back to the page it was sent from, but never to
// another site: a callback written with a backslash, a tab, percent-encoding or as an
// absolute address of another host lands on the portal home of this site instead.
import { ACCOUNTS, DEMO_PASSWORD, expect, shot, test } from '../fixtures';

// Raw query strings, exactly as a link in a phishing mail would carry them.
const FOREIGN = [
  ['a backslash', '/%5Cevil.example/x'],
  ['a literal backslash', '/\\evil.example/x'],
  ['a tab', '/%09/evil.example/x'],
  ['a double percent-encoded backslash', '/%255Cevil.example/x'],
  ['a protocol-relative address', '//evil.example/x'],
  ['an absolute address', 'https://evil.example/x'],
] as const;

test.describe('[PUBLIC] sign-in stays on this site', () => {
  for (const [why, callback] of FOREIGN) {
    test(`[PUBLIC] a callback with ${why} does not leave the site`, async ({ page, context, baseURL }) => {
      const origin = new URL(baseURL ?? '').origin;
      // Were the browser sent off, it would land here (never the real network).
      await context.route((u) => u.hostname === 'evil.example', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1 data-testid="evil">evil</h1>' }));
      await page.goto(`/signin?callbackUrl=${callback}`);
      await page.locator('#email').fill(ACCOUNTS.platformReviewer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.waitForURL((u) => u.pathname !== '/signin');
      // Settle: a client-side navigation may follow the first one.
      await page.waitForLoadState('networkidle');
      expect(new URL(page.url()).origin).toBe(origin);
      await expect(page.getByTestId('evil')).toHaveCount(0);
    });
  }

  test('[PUBLIC] a callback to a page of this site is followed', async ({ page, baseURL }) => {
    await page.goto('/staff/orgs');
    await page.waitForURL('**/signin?callbackUrl=%2Fstaff**');
    await page.goto('/signin?callbackUrl=%2Fstaff%2Forgs%3Ftype%3Dagency');
    await page.locator('#email').fill(ACCOUNTS.platformReviewer);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((u) => u.pathname === '/staff/orgs');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
    await expect(page.getByTestId('org-row').first()).toBeVisible();
    await shot(page, 'signin-callback-followed.zh-CN');
  });
});
