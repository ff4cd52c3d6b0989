// Every portal's pages answer with the security headers: a Content Security Policy that
// runs scripts only with the response's nonce and lets no site frame the page, no type
// sniffing, and the referrer trimmed across sites; the API too. The pages still work under
// that policy (Next's scripts, next-auth's sign-in, the charts, inline styles): the browser
// reports no violation. And another site cannot show the signed-in case list in a frame.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Response } from '@playwright/test';
import { ACCOUNTS, expect, shot, signInAs, test } from '../fixtures';

/** Records CSP violations the page reports, from its first script on. */
const watchViolations = async (page: Page) => {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
};

const expectPageHeaders = (res: Response | null) => {
  expect(res, 'a document response').not.toBeNull();
  const h = res!.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Served over plain HTTP here (NEXTAUTH_URL is http://localhost): no HSTS.
  expect(h['strict-transport-security']).toBeUndefined();
  return csp;
};

test.describe('[PUBLIC] [CREDITOR] [AGENCY] [STAFF] security headers', () => {
  test('[PUBLIC] public pages and the API send them, and the pages run under them', async ({ page }) => {
    const violations = await watchViolations(page);
    const nonces = new Set<string>();
    for (const path of ['/', '/signin', '/complaints', '/agencies', '/disclosures']) {
      const csp = expectPageHeaders(await page.goto(path));
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? '');
      await page.waitForLoadState('networkidle');
    }
    // A fresh nonce for every response.
    expect(nonces.size).toBe(5);
    // Scripts run: the language switch is a client component.
    await page.goto('/');
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('landing-title')).toContainText('Daylight');
    await page.getByTestId('lang-zh-CN').click();
    await expect(page.getByTestId('landing-title')).toContainText('阳光处置平台');

    const api = await page.request.get(`/api/trpc/public.agencies.admitted?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`);
    expect(api.status()).toBe(200);
    expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers()['x-frame-options']).toBe('DENY');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    expect(api.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(violations).toEqual([]);
  });

  for (const [portal, email, path] of [
    ['/creditor', ACCOUNTS.creditorAdmin, '/creditor/dashboard'],
    ['/agency', ACCOUNTS.agencyAdmin, '/agency/money'],
    ['/staff', ACCOUNTS.platformAdmin, '/staff'],
  ] as const) {
    test(`[${portal.slice(1).toUpperCase()}] ${path} sends them and draws its charts under them`, async ({ page }) => {
      const violations = await watchViolations(page);
      await signInAs(page, email, portal);
      expectPageHeaders(await page.goto(path));
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await shot(page, `csp${path.replaceAll('/', '.')}`);
      expect(violations).toEqual([]);
    });
  }

  test('[CREDITOR] another site cannot frame the signed-in case list', async ({ page, baseURL }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    expectPageHeaders(await page.goto('/creditor/cases'));
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    // A page of another origin on the same site (another port of the same host, as a page on a
    // sibling subdomain would be): the browser sends it the session cookie, so only the
    // headers keep the signed-in list out of its frame. Served for real, from this machine.
    const app = new URL(baseURL ?? 'http://localhost:3100');
    const elsewhere = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><h1>elsewhere</h1><iframe id="f" src="${app.origin}/creditor/cases" width="1200" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, resolve));
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|X-Frame-Options/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${app.protocol}//${app.hostname}:${(elsewhere.address() as AddressInfo).port}/`);
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed, 'the iframe exists').toBeDefined();
    // The frame shows the browser's refusal, not the case list.
    expect(framed!.url()).not.toContain('/creditor/cases');
    await expect(page.frameLocator('#f').getByTestId('signed-in-user')).toHaveCount(0);
    await shot(page, 'csp.framed-case-list');
    await new Promise((resolve) => elsewhere.close(resolve));
  });
});
