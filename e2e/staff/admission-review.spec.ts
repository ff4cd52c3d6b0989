// Reviewers work the admission queue oldest first: they score every criterion against
// the template, see the computed outcome, and decide; tier A needs a second staff member
// (four eyes). The admitted organization reaches its portal and sees its tier.
import { ACCOUNTS, AGENCY_TIER_B, expect, score, shot, signIn, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] admission review', () => {
  test('[STAFF] a reviewer scores and admits an agency at tier B; the agency sees its portal and tier', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '准入审核' }).click();
    const row = page.getByTestId('queue-row').filter({ hasText: '南京新禾商务服务有限公司' });
    await expect(row).toContainText('个工作日');
    await shot(page, 'staff-admission-queue.zh-CN');
    await row.getByRole('link', { name: '审核' }).click();
    await expect(page.getByTestId('summary-agency')).toContainText('320***********0026');
    await expect(page.getByTestId('summary-agency')).toContainText('¥5,000,000.00');
    // The licence opens from the review screen, checked against its hash on the way out.
    const licence = page.getByTestId('document-row').filter({ hasText: '营业执照' });
    const res = await page.request.get((await licence.getByRole('link').getAttribute('href')) ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await score(page, { registeredCapital: 9 });
    await expect(page.getByText('“注册资本”的分数须为 0 到 8 的整数')).toBeVisible();
    await score(page, AGENCY_TIER_B);
    await expect(page.getByTestId('computed-outcome')).toContainText('73');
    await expect(page.getByTestId('computed-outcome')).toContainText('准入 · B 级');
    await expect(page.getByTestId('review-status')).toHaveText('审核中');
    await shot(page, 'staff-admission-review.zh-CN');

    await page.getByTestId('decide').click();
    await expect(page.getByTestId('reason-error')).toBeVisible();
    await page.locator('#reason').fill('评分 73 分，系统与合规达标，准入 B 级');
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('review-status')).toHaveText('已准入');
    await expect(page.getByTestId('decided')).toContainText('B 级');

    const agency = await (await browser.newContext()).newPage();
    await signIn(agency, 'admin@xinhe.demo.cn');
    await agency.waitForURL('**/agency');
    await expect(agency.getByTestId('org-overview')).toContainText('B 级');
    await expect(agency.getByTestId('org-overview')).toContainText('正常');
    await shot(agency, 'agency-admitted.zh-CN');
  });

  test('[STAFF] tier A waits for a second staff member (four eyes), in English', async ({ page, browser }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.goto('/staff/admission');
    await page
      .getByTestId('queue-row')
      .filter({ hasText: '深圳鹏程小额贷款有限公司' })
      .getByRole('link', { name: 'Review' })
      .click();
    await expect(page.getByTestId('summary-licence')).toContainText('Small loan');
    await score(page, { licence: 38, fraudRecord: 33, dataQuality: 20 });
    await expect(page.getByTestId('computed-outcome')).toContainText('Admit · tier A');
    await expect(page.getByTestId('four-eyes-note')).toBeVisible();
    await page.locator('#reason').fill('Licence verified with the regulator; clean record');
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('awaiting-approval')).toBeVisible();
    await expect(page.getByText('Waiting for a second staff member.')).toBeVisible();
    await shot(page, 'staff-admission-four-eyes.en');

    const adminCtx = await browser.newContext();
    await adminCtx.addCookies([{ name: 'daylight-locale', value: 'en', domain: 'localhost', path: '/' }]);
    const second = await adminCtx.newPage();
    await signInAs(second, ACCOUNTS.platformAdmin, '/staff');
    await second.goto(page.url());
    await second.locator('#note').fill('Agreed');
    await second.getByTestId('approve-proposal').click();
    await expect(second.getByTestId('review-status')).toHaveText('Admitted');
    await expect(second.getByTestId('decided')).toContainText('tier A');
    await shot(second, 'staff-admission-approved.en');

    await page.goto('/staff/admission');
    await expect(page.getByTestId('queue-row').filter({ hasText: '深圳鹏程小额贷款有限公司' })).toHaveCount(0);
  });
});
