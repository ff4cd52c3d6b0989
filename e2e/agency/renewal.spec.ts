// Admission lasts one year. From 30 days before it expires the portal home asks the
// admin to renew; the renewal opens pre-filled from the application admitted last time,
// and the organization keeps working (and its way back to the portal) meanwhile.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[AGENCY] admission renewal', () => {
  test('[AGENCY] the admin sees the renewal prompt and opens a renewal, in zh-CN and en', async ({ page }) => {
    await signInAs(page, ACCOUNTS.renewingAgencyAdmin, '/agency');
    const prompt = page.getByTestId('renewal-prompt');
    await expect(prompt).toContainText('还剩 20 天');
    await shot(page, 'agency-renewal-prompt.zh-CN');
    await prompt.getByTestId('start-renewal').click();
    await page.waitForURL('**/apply');
    await expect(page.getByTestId('application-status')).toHaveText('草稿');
    // Pre-filled from last year's application: every step is complete, licence included.
    for (const step of ['basics', 'systems', 'trackRecord', 'compliance', 'documents']) await expect(page.getByTestId(`go-${step}`)).toContainText('✓');
    await expect(page.getByTestId('portal-nav').getByRole('link', { name: '返回工作台' })).toBeVisible();

    await useLanguage(page, 'en');
    await page.goto('/agency');
    await expect(page.getByTestId('renewal-prompt')).toContainText('20 days left');
    await expect(page.getByTestId('open-renewal')).toHaveText('View renewal application (Draft)');
    await shot(page, 'agency-renewal-prompt.en');
    await page.getByTestId('open-renewal').click();
    await page.waitForURL('**/apply');
    await expect(page.getByTestId('step-submit')).toBeVisible();
    await page.getByTestId('go-documents').click();
    await expect(page.getByTestId('document-row')).toContainText('Business licence');
    await shot(page, 'agency-renewal-application.en');
  });
});
