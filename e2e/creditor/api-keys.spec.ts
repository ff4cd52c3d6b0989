// An organization admin makes an API key for one of its systems: the secret is shown once,
// works at once against /api/v1 with only the scopes chosen (a call outside them is 403),
// the list shows when and from where it was last used, and a revoked key is refused on its
// next call. Readers of the organization do not see the screen.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[CREDITOR] API keys', () => {
  test('[CREDITOR] an admin creates a key, the loan system calls with it, the admin revokes it', async ({
    page,
    request,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '开放接口' }).click();
    await expect(page.getByRole('heading', { name: '开放接口' })).toBeVisible();

    await page.getByTestId('key-create-open').click();
    const form = page.getByTestId('new-key-form');
    await form.getByTestId('new-key-submit').click();
    await expect(form.getByTestId('key-scopes-error')).toHaveText('请至少选择一项权限');
    await form.locator('#key-name').fill('贷后系统生产环境');
    await form.getByTestId('scope-cases:read').check();
    await form.getByTestId('scope-cases:write').check();
    await form.locator('#key-rate').fill('120');
    await shot(page, 'creditor-api-key-form.zh-CN');
    await form.getByTestId('new-key-submit').click();

    const secret = (await page.getByTestId('key-secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^dl_live_[A-Za-z0-9_-]{40}$/);
    const row = page.getByTestId('key-row').filter({ hasText: '贷后系统生产环境' });
    await expect(row).toContainText('cases:read');
    await expect(row).toContainText('120 次/分钟');
    await expect(row).toContainText('尚未使用');
    await shot(page, 'creditor-api-key-created.zh-CN');

    // The loan system calls with the key: cases answer, packages (not a scope of the key) are refused.
    const auth = { authorization: `Bearer ${secret}` };
    const cases = await request.get('/api/v1/creditor/cases?limit=2', { headers: auth });
    expect(cases.status()).toBe(200);
    expect(cases.headers()['ratelimit-limit']).toBe('120');
    expect(((await cases.json()) as { items: unknown[] }).items).toHaveLength(2);
    const packages = await request.get('/api/v1/creditor/packages', {
      headers: { ...auth, 'accept-language': 'en' },
    });
    expect(packages.status()).toBe(403);
    expect(await packages.json()).toMatchObject({
      code: 'api.scopeMissing',
      detail: 'This key lacks the packages:read scope',
    });

    await page.getByTestId('key-secret-done').click();
    await page.reload();
    await expect(row).not.toContainText('尚未使用');

    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('revoke-贷后系统生产环境').click();
    await expect(row).toContainText('已吊销');
    const refused = await request.get('/api/v1/creditor/cases', { headers: auth });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'api.keyRevoked', detail: '这把 API 密钥已经吊销' });
    await shot(page, 'creditor-api-keys.zh-CN');
  });

  test('[AGENCY] the screen in English, and no screen for a collector', async ({ page, browser }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: 'API keys' }).click();
    await page.getByTestId('key-create-open').click();
    const form = page.getByTestId('new-key-form');
    await expect(form.getByTestId('scope-calls:write')).toBeVisible();
    await expect(form.getByTestId('scope-packages:read')).toHaveCount(0);
    await form.locator('#key-name').fill('Dialer');
    await form.getByTestId('scope-actions:write').check();
    await form.getByTestId('new-key-submit').click();
    await expect(page.getByTestId('key-secret')).toContainText('shown this once');
    await expect(page.getByTestId('key-row').filter({ hasText: 'Dialer' })).toContainText('600/min');
    await shot(page, 'agency-api-keys.en');

    const collector = await (await browser.newContext()).newPage();
    await signInAs(collector, ACCOUNTS.agencyCollector, '/agency');
    await expect(collector.getByTestId('portal-nav').getByRole('link', { name: '开放接口' })).toHaveCount(0);
    await collector.goto('/agency/api');
    await expect(collector.getByTestId('forbidden')).toBeVisible();
  });
});
