// Sign-in: each demo role lands on its own portal; a wrong role is sent back to its own
// portal; a wrong password shows a translated error; 5 failures lock sign-in for 15
// minutes (per account and per IP address); suspended organizations are refused. Signing
// out or changing the password ends the session on the server: a copied cookie is refused.
import { ACCOUNTS, DEMO_PASSWORD, expect, shot, signIn, signInAs, test, useLanguage } from '../fixtures';

test.describe('[PUBLIC] sign-in', () => {
  test('[PUBLIC] landing page and the language switch', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('landing-title')).toContainText('阳光处置平台');
    // The rules are the published rulebook in force, not fixed text.
    await expect(page.getByTestId('rules-version')).toContainText('现行第');
    await expect(page.getByTestId('rule-window')).toHaveText('22:00 至次日 08:00（债务人当地时间）不得联系债务人');
    // Forbidden phrases by category: each family with an example of what it forbids.
    await expect(page.getByTestId('rule-words')).toContainText('以下 6 类说法');
    await expect(page.getByTestId('rule-words-threat')).toContainText('到单位、公司闹事 如“不还钱就去你单位闹”');
    await expect(page.getByTestId('rule-words-threat')).toContainText('暴力威胁 如“弄死你”');
    await expect(page.getByTestId('rule-words-impersonation')).toContainText('冒充公检法、律师 如“我是警察”');
    await shot(page, 'landing.zh-CN');
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('landing-title')).toContainText('Daylight');
    await expect(page.getByTestId('rule-calls')).toContainText('unanswered calls to one number a day');
    await expect(page.getByTestId('rule-words-threat')).toContainText(
      'Threats to make trouble at the workplace e.g. “不还钱就去你单位闹”',
    );
    await shot(page, 'landing.en');
    await page.getByTestId('lang-zh-CN').click();
    await expect(page.getByTestId('landing-title')).toContainText('阳光处置平台');
  });

  test('[PUBLIC] sign-in page in both languages', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await shot(page, 'signin.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await shot(page, 'signin.en');
  });

  // Every role of every portal, alternating the interface language.
  for (const [email, portal, lang] of [
    [ACCOUNTS.creditorAdmin, '/creditor', 'zh-CN'],
    ['manager@huaxin.demo.cn', '/creditor', 'zh-CN'],
    [ACCOUNTS.creditorViewer, '/creditor', 'en'],
    [ACCOUNTS.agencyAdmin, '/agency', 'zh-CN'],
    ['supervisor@zhengxin.demo.cn', '/agency', 'en'],
    [ACCOUNTS.agencyCollector, '/agency', 'en'],
    [ACCOUNTS.platformAdmin, '/staff', 'zh-CN'],
    [ACCOUNTS.platformReviewer, '/staff', 'en'],
    [ACCOUNTS.platformAuditor, '/staff', 'zh-CN'],
    ['complaints@platform.demo.cn', '/staff', 'en'],
  ] as const) {
    test(`[PUBLIC] ${email} signs in and lands on ${portal} (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await signInAs(page, email, portal);
      await expect(page.getByTestId('org-overview')).toBeVisible();
      await shot(page, `home${portal.replace('/', '.')}.${email.split('@')[0]}.${lang}`);
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/signin**');
    });
  }

  test('[PUBLIC] a wrong role is redirected to its own portal, anonymous to sign-in', async ({ page }) => {
    await page.goto('/staff/orgs');
    await page.waitForURL('**/signin?callbackUrl=%2Fstaff**');
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/staff/orgs');
    await page.waitForURL((u) => u.pathname === '/creditor');
    await page.goto('/agency/users');
    await page.waitForURL((u) => u.pathname === '/creditor');
  });

  test('[PUBLIC] a wrong password shows the error in the chosen language', async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '198.51.100.20' });
    await signIn(page, ACCOUNTS.agencyAdmin, 'not-the-password');
    await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确');
    await useLanguage(page, 'en');
    await page.reload();
    await signIn(page, ACCOUNTS.agencyAdmin, 'still-not-the-password');
    await expect(page.getByTestId('signin-error')).toHaveText('Wrong email or password');
    await shot(page, 'signin-error.en');
  });

  test('[PUBLIC] five failures lock sign-in for 15 minutes, even with the right password', async ({ page, context }) => {
    // One client address guessing: five failed attempts lock that address, so even a
    // correct password from it is refused (the per-account lock is pinned down in
    // server/domain/auth/sign-in.integration.test.ts).
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '198.51.100.21' });
    for (let i = 1; i <= 5; i += 1) {
      await signIn(page, `guess-${i}@example.cn`, `wrong-password-${i}`);
      await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确');
    }
    await signIn(page, ACCOUNTS.throttleVictim);
    await expect(page.getByTestId('signin-error')).toHaveText('登录失败次数过多，请 15 分钟后再试');
    await shot(page, 'signin-throttled.zh-CN');
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  test('[PUBLIC] a session cookie copied before sign-out is refused after it, in the browser and over HTTP', async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    const copied = (await ctx.cookies()).filter((c) => c.name.includes('next-auth.session-token'));
    expect(copied.length).toBeGreaterThan(0);
    // Another browser holding the copy is signed in as well, until the owner signs out.
    const other = await browser.newContext();
    await other.addCookies(copied);
    expect((await other.request.get('/api/trpc/me.get')).status()).toBe(200);

    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/signin**');

    const res = await other.request.get('/api/trpc/me.get');
    expect(res.status()).toBe(401);
    const thief = await other.newPage();
    await thief.goto('/creditor');
    await thief.waitForURL('**/signin?error=auth.sessionEnded');
    await expect(thief.getByTestId('signin-error')).toHaveText('登录已失效（已退出登录、修改了密码或账号状态有变化），请重新登录');
    await shot(thief, 'signin-session-ended.zh-CN');

    // Signing in again works.
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await ctx.close();
    await other.close();
  });

  test('[PUBLIC] changing the password signs out everywhere; the new password signs in', async ({ browser }) => {
    // Its own client address: the wrong passwords below count toward that address's sign-in lock only.
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.23' } });
    const page = await ctx.newPage();
    const account = ACCOUNTS.platformComplaints;
    await signInAs(page, account, '/staff');
    const elsewhere = await browser.newContext();
    await elsewhere.addCookies((await ctx.cookies()).filter((c) => c.name.includes('next-auth.session-token')));

    await page.getByTestId('change-password').click();
    const form = page.getByTestId('change-password-form');
    await form.locator('#currentPassword').fill('not-the-password');
    await form.locator('#newPassword').fill('A-new-long-passphrase');
    await form.locator('#confirmPassword').fill('A-new-long-passphrase');
    await form.getByTestId('change-password-submit').click();
    await expect(form.getByTestId('currentPassword-error')).toHaveText('当前密码不正确');
    await shot(page, 'change-password-wrong.zh-CN');
    await form.locator('#currentPassword').fill(DEMO_PASSWORD);
    await form.getByTestId('change-password-submit').click();
    await page.waitForURL('**/signin?error=auth.sessionEnded');
    expect((await elsewhere.request.get('/api/trpc/me.get')).status()).toBe(401);

    await signIn(page, account);
    await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确');
    await signIn(page, account, 'A-new-long-passphrase');
    await page.waitForURL((u) => u.pathname.startsWith('/staff'));
    // Back to the demo password, for the specs that follow.
    await page.getByTestId('change-password').click();
    await form.locator('#currentPassword').fill('A-new-long-passphrase');
    await form.locator('#newPassword').fill(DEMO_PASSWORD);
    await form.locator('#confirmPassword').fill(DEMO_PASSWORD);
    await form.getByTestId('change-password-submit').click();
    await page.waitForURL('**/signin?error=auth.sessionEnded');
    await signInAs(page, account, '/staff');
    await ctx.close();
    await elsewhere.close();
  });

  test('[PUBLIC] an address written by the client does not escape the throttle', async ({ page, context }) => {
    // The browser tests stand in for one load balancer (scripts/e2e-server.sh: TRUSTED_PROXY_HOPS=1),
    // which appends the address it saw (198.51.100.22). Each attempt the client writes a new
    // address of its own before it, and a peer header of its own: all five count against 198.51.100.22.
    for (let i = 1; i <= 5; i += 1) {
      await context.setExtraHTTPHeaders({ 'X-Forwarded-For': `203.0.113.${i}, 198.51.100.22`, 'X-Daylight-Peer': `203.0.113.${i + 50}` });
      await signIn(page, `spoof-${i}@example.cn`, `wrong-password-${i}`);
      await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确');
    }
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.99, 198.51.100.22' });
    await signIn(page, 'spoof-6@example.cn', 'wrong-password-6');
    await expect(page.getByTestId('signin-error')).toHaveText('登录失败次数过多，请 15 分钟后再试');
  });

  test('[PUBLIC] a suspended organization cannot sign in', async ({ page }) => {
    await signIn(page, ACCOUNTS.suspendedAgencyAdmin);
    await expect(page.getByTestId('signin-error')).toHaveText('所属机构已被暂停或禁入，无法使用平台');
  });
});
