// A platform admin edits a scoring template as a new version: weights must add up to 100
// (a total of 99 is refused with the sum named), every version stays readable, and the
// newest is the one new applications are scored on. Reviewers read but cannot publish.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] admission scoring templates', () => {
  test('[STAFF] the admin publishes creditor template v2; a total of 99 is refused', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '评分模板' }).click();
    await expect(page.getByTestId('template-criterion')).toHaveCount(12);
    await shot(page, 'staff-templates.zh-CN');

    await page.getByTestId('templates-kind-creditor').click();
    await expect(page.getByTestId('template-criterion')).toHaveCount(3);
    await page.getByTestId('edit-template').click();
    await page.getByTestId('weight-0').fill('44');
    await page.getByTestId('weight-2').fill('20');
    await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 99 / 100');
    await page.getByTestId('publish-template').click();
    await expect(page.getByTestId('template-error')).toHaveText('各项权重之和须为 100（当前为 99）');
    await shot(page, 'staff-template-editor-error.zh-CN');
    await page.getByTestId('weight-0').fill('45');
    await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 100 / 100');
    await page.getByTestId('publish-template').click();

    const versions = page.getByTestId('template-version');
    await expect(versions).toHaveCount(2);
    await expect(versions.first()).toContainText('v2');
    await expect(versions.first()).toContainText('当前有效');
    await expect(page.getByTestId('template-criterion').first()).toContainText('45');
    await versions.nth(1).click();
    await expect(page.getByText('历史版本（只读）')).toBeVisible();
    await expect(page.getByTestId('template-criterion').first()).toContainText('40');
  });

  test('[STAFF] a reviewer reads the templates in English but cannot edit them', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.goto('/staff/admission/templates');
    await expect(page.getByRole('heading', { name: 'Admission scoring templates' })).toBeVisible();
    await expect(page.getByTestId('template-criterion')).toHaveCount(12);
    await expect(page.getByTestId('edit-template')).toHaveCount(0);
    await shot(page, 'staff-templates.en');
  });
});
