// Admission lasts one year. From 30 days before it expires the portal home asks the
// admin to renew; the renewal opens pre-filled from the application admitted last time,
// and the organization keeps working (and its way back to the portal) meanwhile. Only the
// admin reads the admission file: a collector is told the admin handles it.
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
    for (const step of ['basics', 'systems', 'trackRecord', 'compliance', 'documents'])
      await expect(page.getByTestId(`go-${step}`)).toContainText('✓');
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

  test('[AGENCY] a collector sees that the admin renews, but not the admission file (zh-CN and en)', async ({
    page,
  }) => {
    // The admin opened the renewal in the test above.
    await signInAs(page, 'collector@mingli.demo.cn', '/agency');
    const prompt = page.getByTestId('renewal-prompt');
    await expect(prompt.getByTestId('renewal-admin-only')).toHaveText('续期申请由机构管理员办理（草稿）');
    await expect(prompt.getByTestId('open-renewal')).toHaveCount(0);
    await expect(prompt.getByTestId('start-renewal')).toHaveCount(0);
    // The application's address shows who handles it, and nothing of the file.
    await page.goto('/apply');
    await expect(page.getByTestId('apply-admins-only')).toContainText('只有本机构管理员可以查看和填写');
    await expect(page.getByTestId('apply-steps')).toHaveCount(0);
    await expect(page.getByTestId('document-row')).toHaveCount(0);
    await shot(page, 'apply-collector.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('apply-admins-only')).toContainText("Only your organization's administrators");
    await shot(page, 'apply-collector.en');
    await page.goto('/agency');
    await expect(page.getByTestId('renewal-admin-only')).toHaveText(
      "Your organization's admin is handling the renewal (Draft)",
    );
    await shot(page, 'agency-renewal-prompt-collector.en');
  });
});
