// An organization admin registers a webhook endpoint: an address on a private network is
// refused under the field; an allowed one is created and its signing secret shown once. A
// case import then reaches the receiver signed (Standard Webhooks), and the delivery log
// shows the status code; the endpoint can be disabled and enabled again.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[CREDITOR] webhooks', () => {
  test('[CREDITOR] an admin registers an endpoint, which receives a signed import.finished', async ({ page }) => {
    const secrets: string[] = [];
    const received: { type: string; isVerified: boolean }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const isVerified = (() => {
          try {
            new Webhook(secrets[0] ?? '').verify(body, headers);
            return true;
          } catch {
            return false;
          }
        })();
        received.push({ type: (JSON.parse(body) as { type: string }).type, isVerified });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    try {
      await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
      await page.getByTestId('portal-nav').getByRole('link', { name: '事件推送' }).click();
      await expect(page.getByTestId('webhook-endpoints')).toContainText('尚无端点');
      await shot(page, 'creditor-webhooks-empty.zh-CN');

      await page.getByTestId('webhook-new').click();
      const form = page.getByTestId('new-webhook-form');
      await form.locator('#wh-url').fill('https://10.0.0.5/hooks');
      await form.getByTestId('event-import.finished').check();
      await form.getByTestId('webhook-submit').click();
      await expect(form.getByTestId('wh-url-error')).toHaveText('该地址指向内网、本机或链路本地地址，Webhook 不得访问');
      await shot(page, 'creditor-webhook-private-refused.zh-CN');

      await form.locator('#wh-url').fill(url);
      await form.getByTestId('webhook-submit').click();
      const secret = (await page.getByTestId('webhook-secret').locator('code').textContent()) ?? '';
      expect(secret).toMatch(/^whsec_/);
      secrets.push(secret);
      await expect(page.getByTestId('webhook-row')).toHaveCount(1);
      await shot(page, 'creditor-webhook-created.zh-CN');

      await page.goto('/creditor/imports');
      await page.getByTestId('import-file').setInputFiles({
        name: '华信-推送测试.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${toCsv(sampleCaseRows(3, 'WHE2E'))}`),
      });
      await expect(page.getByTestId('import-succeeded')).toBeVisible();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
      expect(received[0]).toEqual({ type: 'import.finished', isVerified: true });

      await useLanguage(page, 'en');
      await page.goto('/creditor/webhooks');
      await page.getByTestId('webhook-log').click();
      const delivery = page.getByTestId('delivery-import.finished');
      await expect(delivery).toContainText('Delivered');
      await expect(delivery.getByTestId('attempt-codes')).toHaveText('200');
      await shot(page, 'creditor-webhook-log.en');
      await page.getByRole('button', { name: 'Disable' }).click();
      await expect(page.getByTestId('webhook-row')).toContainText('Disabled by an admin');
      await shot(page, 'creditor-webhook-disabled.en');
      await page.getByRole('button', { name: 'Enable' }).click();
      await expect(page.getByTestId('webhook-row')).toContainText('Active');
    } finally {
      server.close();
    }
  });
});
