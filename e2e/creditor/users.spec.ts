// Organization admins manage their own users: an invitation link lets the new user set
// a password once; a disabled user is refused on the next request; readers see no
// management actions. Mobile numbers show masked, one's own whole; an admin reveals one
// for a reason (audited).
import { ACCOUNTS, expect, shot, signIn, signInAs, test, useLanguage } from '../fixtures';

test.describe('[CREDITOR] users', () => {
  test('[CREDITOR] an admin invites a user, who sets a password and signs in; then is disabled', async ({
    browser,
  }) => {
    const adminCtx = await browser.newContext();
    const page = await adminCtx.newPage();
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '成员管理' }).click();
    await expect(page.getByTestId('user-row')).toHaveCount(3);
    await shot(page, 'creditor-users.zh-CN');

    await page.getByTestId('invite-open').click();
    const form = page.getByTestId('new-user-form');
    await form.locator('#nu-email').fill('not-an-email');
    await form.locator('#nu-name').fill('王小明');
    await form.locator('#nu-phone').fill('12345');
    await form.getByTestId('new-user-submit').click();
    await expect(form.getByTestId('nu-email-error')).toHaveText('邮箱格式不正确');
    await expect(form.getByTestId('nu-phone-error')).toHaveText('请输入 11 位中国大陆手机号');
    await shot(page, 'creditor-invite-errors.zh-CN');
    await form.locator('#nu-email').fill('xiaoming.wang@huaxin.demo.cn');
    await form.locator('#nu-phone').fill('13912345678');
    await form.locator('#nu-role').selectOption('manager');
    await form.getByTestId('new-user-submit').click();
    const url = (await page.getByTestId('invite-url').textContent()) ?? '';
    expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    await expect(page.getByTestId('user-row')).toHaveCount(4);
    await expect(page.getByTestId('user-row').filter({ hasText: '王小明' })).toContainText('待接受邀请');
    await shot(page, 'creditor-invited.zh-CN');
    // Numbers are masked but the admin's own; the admin reveals one for a reason.
    await expect(page.getByTestId('phone-xiaoming.wang@huaxin.demo.cn')).toHaveText('139****5678');
    await expect(page.getByTestId('phone-viewer@huaxin.demo.cn')).toHaveText('139****0003');
    await expect(page.getByTestId('phone-admin@huaxin.demo.cn')).toHaveText('13911000001');
    const reveal = 'reveal-phone-xiaoming.wang@huaxin.demo.cn';
    await page.getByTestId(reveal).click();
    await page.getByTestId(`${reveal}-reason`).fill('核实新成员联系方式');
    await page.getByTestId(`${reveal}-confirm`).click();
    await expect(page.getByTestId(`${reveal}-value`)).toHaveText('13912345678');
    await shot(page, 'creditor-users-phone-revealed.zh-CN');

    const inviteeCtx = await browser.newContext();
    const invitee = await inviteeCtx.newPage();
    await invitee.goto(new URL(url).pathname);
    await expect(invitee.getByTestId('invite-summary')).toContainText('华信消费金融股份有限公司');
    await invitee.locator('#password').fill('short');
    await invitee.locator('#confirmPassword').fill('short');
    await invitee.getByRole('button', { name: '设置密码' }).click();
    await expect(invitee.getByTestId('password-error')).toHaveText('密码至少 12 个字符');
    await invitee.locator('#password').fill('A-long-enough-password');
    await invitee.locator('#confirmPassword').fill('A-long-enough-password');
    await invitee.getByRole('button', { name: '设置密码' }).click();
    await expect(invitee.getByTestId('invite-accepted')).toBeVisible();
    await shot(invitee, 'invite-accepted.zh-CN');
    await signIn(invitee, 'xiaoming.wang@huaxin.demo.cn', 'A-long-enough-password');
    await invitee.waitForURL('**/creditor');

    // A second use of the link is refused.
    await invitee.goto(new URL(url).pathname);
    await expect(invitee.getByTestId('invite-invalid')).toBeVisible();

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('disable-xiaoming.wang@huaxin.demo.cn').click();
    await expect(page.getByTestId('user-row').filter({ hasText: '王小明' })).toContainText('已停用');
    await invitee.goto('/creditor');
    await invitee.waitForURL('**/signin?error=auth.accountDisabled');
    await expect(invitee.getByTestId('signin-error')).toHaveText('该账号已停用，请联系本机构管理员');
    await adminCtx.close();
    await inviteeCtx.close();
  });

  test('[CREDITOR] users screen in English; a viewer has no users screen', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/users');
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await page.getByTestId('invite-open').click();
    await shot(page, 'creditor-invite-dialog.en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await shot(page, 'creditor-users.en');
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/signin**');
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await expect(page.getByTestId('portal-nav').getByRole('link', { name: 'Users' })).toHaveCount(0);
    await page.goto('/creditor/users');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});

test.describe('[AGENCY] users', () => {
  test('[AGENCY] a supervisor reads the team but cannot invite', async ({ page }) => {
    await signInAs(page, 'supervisor@zhengxin.demo.cn', '/agency');
    await page.goto('/agency/users');
    await expect(page.getByTestId('user-row')).toHaveCount(4);
    await expect(page.getByTestId('invite-open')).toHaveCount(0);
    // A reader sees colleagues' numbers masked and cannot reveal them.
    await expect(page.getByTestId('phone-admin@zhengxin.demo.cn')).toHaveText(/^1\d{2}\*{4}\d{4}$/);
    await expect(page.getByTestId('reveal-phone-admin@zhengxin.demo.cn')).toHaveCount(0);
    await shot(page, 'agency-users.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await expect(page.getByTestId('user-row').filter({ hasText: 'admin@zhengxin.demo.cn' })).toContainText(
      'Administrator',
    );
    await shot(page, 'agency-users.en');
  });

  test('[AGENCY] an agency admin invites a collector; the invitation page in English', async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.goto('/agency/users');
    await page.getByTestId('invite-open').click();
    const form = page.getByTestId('new-user-form');
    await expect(form.locator('#nu-role option')).toHaveText(['管理员', '催收主管', '催收员']);
    await form.locator('#nu-email').fill('chen.gang@zhengxin.demo.cn');
    await form.locator('#nu-name').fill('陈刚');
    await form.getByTestId('new-user-submit').click();
    const url = (await page.getByTestId('invite-url').textContent()) ?? '';
    const invitee = await browser.newContext();
    const p2 = await invitee.newPage();
    await useLanguage(p2, 'en');
    await p2.goto(new URL(url).pathname);
    await expect(p2.getByTestId('invite-summary')).toContainText('you are invited to join 上海正信资产管理有限公司');
    await p2.locator('#password').fill('A-long-enough-password');
    await p2.locator('#confirmPassword').fill('A-different-password!');
    await p2.getByRole('button', { name: 'Set password' }).click();
    await expect(p2.getByTestId('confirmPassword-error')).toHaveText('The passwords do not match');
    await shot(p2, 'invite-mismatch.en');
    await p2.goto('/invite/this-token-does-not-exist-anywhere-at-all');
    await expect(p2.getByTestId('invite-invalid')).toHaveText('This invitation link is invalid, used or expired');
    await ctx.close();
    await invitee.close();
  });
});
