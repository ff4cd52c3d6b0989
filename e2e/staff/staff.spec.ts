// Platform staff: the organization list filters and searches; an admin suspends an
// agency with a reason, its users are refused at once, and the change shows in the
// audit log with before and after. An applicant is admitted only through the review.
import { ACCOUNTS, expect, shot, signIn, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] organizations and audit log', () => {
  test('[STAFF] lists, filters and searches organizations (zh-CN and en)', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '机构管理' }).click();
    // Other specs may have registered organizations too: check the seeded ones by name.
    await expect(page.getByTestId('org-row').filter({ hasText: '江南银行股份有限公司' })).toHaveCount(1);
    await expect(page.getByTestId('org-row').filter({ hasText: '四川明理律师事务所' })).toHaveCount(1);
    await shot(page, 'staff-orgs.zh-CN');
    await page.getByTestId('filter-type').selectOption('agency');
    await expect(page.getByTestId('org-row').filter({ hasText: '江南银行股份有限公司' })).toHaveCount(0);
    await expect(page.getByTestId('org-row').filter({ hasText: '委托方' })).toHaveCount(0);
    await expect(page.getByTestId('org-row').filter({ hasText: '四川明理律师事务所' })).toHaveCount(1);
    await page.getByTestId('filter-status').selectOption('banned');
    await expect(page.getByTestId('org-row')).toHaveCount(1);
    await expect(page.getByTestId('org-row')).toContainText('济南恒远资产管理有限公司');
    await page.getByTestId('filter-status').selectOption('');
    await page.getByTestId('filter-type').selectOption('');
    await page.getByTestId('filter-q').fill('江南');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('org-row')).toHaveCount(1);
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
    await expect(page.getByTestId('org-row').first()).toBeVisible();
    await shot(page, 'staff-orgs.en');
  });

  test('[STAFF] suspending an agency stops its users at once and is audited', async ({ browser }) => {
    const collectorCtx = await browser.newContext();
    const collector = await collectorCtx.newPage();
    await signInAs(collector, ACCOUNTS.agencyCollector, '/agency');

    const staffCtx = await browser.newContext();
    const page = await staffCtx.newPage();
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.goto('/staff/orgs');
    await page.getByTestId('filter-q').fill('正信');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('org-row')).toHaveCount(1);
    await page.getByTestId('org-row').getByRole('link', { name: '查看' }).click();
    await expect(page.getByTestId('org-profile')).toContainText('91310115000300001K');
    await expect(page.getByTestId('user-row').filter({ hasText: 'collector@zhengxin.demo.cn' })).toContainText(
      '催收员',
    );
    await shot(page, 'staff-org-detail.zh-CN');
    await page.getByTestId('open-set-status').click();
    const form = page.getByTestId('set-status-form');
    await form.locator('#ss-status').selectOption('suspended');
    await form.getByTestId('set-status-submit').click();
    await expect(form.getByTestId('ss-reason-error')).toHaveText('请填写原因（至少 2 个字）');
    await shot(page, 'staff-set-status-error.zh-CN');
    await form.locator('#ss-reason').fill('投诉核实：催收员辱骂债务人');
    await form.getByTestId('set-status-submit').click();
    await expect(page.getByTestId('org-status')).toHaveText('已暂停');
    const detailUrl = page.url();

    // The collector's existing session is refused on its next request.
    await collector.goto('/agency');
    await collector.waitForURL('**/signin?error=auth.orgBlocked');
    await expect(collector.getByTestId('signin-error')).toHaveText('所属机构已被暂停或禁入，无法使用平台');

    await page.goto('/staff/audit');
    await page.getByTestId('audit-action').selectOption('org.setStatus');
    await page.getByTestId('audit-apply').click();
    await expect(page.getByTestId('audit-row').first()).toContainText('变更机构状态');
    await page.getByTestId('audit-row').first().getByRole('button', { name: '详情' }).click();
    await expect(page.getByText('投诉核实：催收员辱骂债务人')).toBeVisible();
    await shot(page, 'staff-audit.zh-CN');

    // Restore, so the agency can be used by other specs.
    await page.goto(detailUrl);
    await page.getByTestId('open-set-status').click();
    await page.getByTestId('set-status-form').locator('#ss-status').selectOption('active');
    await page.getByTestId('set-status-form').locator('#ss-reason').fill('整改完成，恢复合作');
    await page.getByTestId('set-status-submit').click();
    await expect(page.getByTestId('org-status')).toHaveText('正常');
    await signIn(collector, ACCOUNTS.agencyCollector);
    await collector.waitForURL('**/agency');
    await collectorCtx.close();
    await staffCtx.close();
  });

  test('[STAFF] audit log in English, with a date range', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformAuditor, '/staff');
    await page.goto('/staff/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await page.getByTestId('audit-from').fill('2026-12-31');
    await page.getByTestId('audit-to').fill('2026-01-01');
    await page.getByTestId('audit-apply').click();
    await expect(page.getByTestId('audit-error')).toContainText('The end cannot be before the start');
    await page.getByTestId('audit-from').fill('');
    await page.getByTestId('audit-to').fill('');
    await page.getByTestId('audit-apply').click();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await shot(page, 'staff-audit.en');
  });

  test('[STAFF] a reviewer sees organizations but no audit log or status changes', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await expect(page.getByTestId('portal-nav').getByRole('link', { name: '审计日志' })).toHaveCount(0);
    await page.goto('/staff/audit');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await page.goto('/staff/orgs');
    await expect(page.getByTestId('org-row').first()).toBeVisible();
    await page.getByTestId('org-row').first().getByRole('link', { name: '查看' }).click();
    await expect(page.getByTestId('org-profile')).toBeVisible();
    await expect(page.getByTestId('open-set-status')).toHaveCount(0);
    await expect(page.getByTestId('open-add-user')).toHaveCount(0);
  });

  test('[STAFF] an admin adds an account to another organization and disables it (en)', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.goto('/staff/orgs');
    await page.getByTestId('filter-q').fill('91510107000300002H');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('org-row')).toHaveCount(1);
    await page.getByTestId('org-row').getByRole('link', { name: 'Open' }).click();
    await expect(page.getByTestId('user-row')).toHaveCount(3);
    await page.getByTestId('open-add-user').click();
    const form = page.getByTestId('new-user-form');
    await expect(form.locator('#nu-role option')).toHaveText(['Administrator', 'Supervisor', 'Collector']);
    await form.locator('#nu-email').fill('admin@mingli.demo.cn');
    await form.locator('#nu-name').fill('Duplicate');
    await form.getByTestId('new-user-submit').click();
    await expect(form.getByTestId('nu-email-error')).toHaveText('This email is already registered');
    await form.locator('#nu-email').fill('li.na@mingli.demo.cn');
    await form.locator('#nu-name').fill('李娜');
    await form.locator('#nu-role').selectOption('collector');
    await form.getByTestId('new-user-submit').click();
    await expect(page.getByTestId('invite-link')).toBeVisible();
    await expect(page.getByTestId('user-row')).toHaveCount(4);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('disable-li.na@mingli.demo.cn').click();
    await expect(page.getByTestId('user-row').filter({ hasText: '李娜' })).toContainText('Disabled');
    await shot(page, 'staff-org-detail.en');
  });

  test('[STAFF] an admin registers an organization; a bad or taken credit code is refused', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.goto('/staff/orgs');
    await page.getByTestId('open-register-org').click();
    const form = page.getByTestId('register-org-form');
    await form.locator('#ro-name').fill('杭州新立资产管理有限公司');
    await form.locator('#ro-creditCode').fill('91330106MA2CFXYZ1Q');
    await form.getByTestId('register-org-submit').click();
    await expect(form.getByTestId('ro-creditCode-error')).toHaveText(
      '统一社会信用代码无效（应为 18 位，且校验位正确）',
    );
    await shot(page, 'staff-register-org-error.zh-CN');
    await form.locator('#ro-creditCode').fill('91310115000300001K');
    await form.getByTestId('register-org-submit').click();
    await expect(form.getByTestId('ro-creditCode-error')).toHaveText('该统一社会信用代码已注册');
    await form.locator('#ro-creditCode').fill('91350100M000100Y43');
    await form.locator('#ro-province').fill('浙江省');
    await form.locator('#ro-city').fill('杭州市');
    await form.getByTestId('register-org-submit').click();
    await page.waitForURL(/\/staff\/orgs\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('org-status')).toHaveText('申请中');
    await expect(page.getByRole('heading', { name: '杭州新立资产管理有限公司' })).toBeVisible();
    // An applicant is admitted through the admission review only: the status control is not offered.
    await expect(page.getByTestId('status-by-admission')).toContainText('只能通过准入审核准入');
    await expect(page.getByTestId('open-set-status')).toHaveCount(0);
    await shot(page, 'staff-org-applicant.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('status-by-admission')).toContainText('admitted only through the admission review');
    await expect(page.getByTestId('open-set-status')).toHaveCount(0);
    await shot(page, 'staff-org-applicant.en');
  });

  test('[STAFF] platform staff accounts screen (zh-CN and en)', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '平台成员' }).click();
    await expect(page.getByTestId('user-row')).toHaveCount(4);
    await shot(page, 'staff-users.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await shot(page, 'staff-users.en');
  });
});
