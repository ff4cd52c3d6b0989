// Admission from the applicant's side: an agency signs up in Chinese, sets its password
// through the mailed link, fills in the application step by step (drafts saved, bad input
// named by field), and submits it; until admitted it sees only its application. A creditor's
// lighter application; a registered email answered like a new one (its owner told by mail);
// sign-up limited per client address; a banned credit code refused at sign-up.
import type { Page } from '@playwright/test';
import { samplePdf } from '../../db/seed/sample-pdf';
import {
  ACCOUNTS,
  AGENCY_TIER_B,
  expect,
  inviteLinkIn,
  mailTo,
  score,
  shot,
  signIn,
  signInAs,
  test,
  useLanguage,
} from '../fixtures';

const upload = (page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf') =>
  page.getByTestId('document-file').setInputFiles({ name, mimeType, buffer });

const LICENCE = Buffer.from(samplePdf(['Business licence (scan)', 'Unified social credit code 913101040001234561']));

const PASSWORD = 'A-long-enough-password';

const signUp = async (
  page: Page,
  v: { type: 'agency' | 'creditor'; orgName: string; creditCode: string; email: string },
) => {
  await page.goto('/signup');
  await page.getByTestId(`signup-type-${v.type}`).check();
  await page.locator('#orgName').fill(v.orgName);
  await page.locator('#creditCode').fill(v.creditCode);
  await page.locator('#adminName').fill('郭靖');
  await page.locator('#email').fill(v.email);
  await page.getByTestId('signup-submit').click();
};

/** The administrator follows the mailed link, sets a password and signs in to the application. */
const continueFromMail = async (page: Page, email: string, submitName: string) => {
  const mail = await mailTo(email);
  const link = inviteLinkIn(mail.text);
  expect(link).not.toBeNull();
  await page.goto(link ?? '');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#confirmPassword').fill(PASSWORD);
  await page.getByRole('button', { name: submitName }).click();
  await expect(page.getByTestId('invite-accepted')).toBeVisible();
  await signIn(page, email, PASSWORD);
  await page.waitForURL('**/apply');
};

test.describe('[PUBLIC] admission application', () => {
  test('[AGENCY] an agency signs up in zh-CN, completes every step with its licence, and is admitted', async ({
    page,
    browser,
  }) => {
    await page.goto('/signup');
    await shot(page, 'signup.zh-CN');
    await signUp(page, {
      type: 'agency',
      orgName: '上海信达商务咨询有限公司',
      creditCode: '91310104000123456X',
      email: 'guojing@xinda.example.cn',
    });
    await expect(page.getByTestId('creditCode-error')).toHaveText('统一社会信用代码无效（应为 18 位，且校验位正确）');
    await page.locator('#creditCode').fill('913101040001234561');
    await page.getByTestId('signup-submit').click();
    // The page asks to check the mailbox; the mail's link sets the password.
    await expect(page.getByTestId('signup-sent')).toContainText('guojing@xinda.example.cn');
    await shot(page, 'signup-sent.zh-CN');
    await continueFromMail(page, 'guojing@xinda.example.cn', '设置密码');
    await expect(page.getByTestId('application-status')).toHaveText('草稿');

    // Until admitted, the agency portal sends the applicant back to the application.
    await page.goto('/agency/users');
    await page.waitForURL('**/apply');

    // Company basics: a bad ID number is named; then saved with the ID masked.
    await expect(page.getByTestId('step-basics')).toBeVisible();
    await page.locator('#legalRepName').fill('郭靖');
    await page.locator('#legalRepIdNumber').fill('110105194912310021');
    await page.locator('#registeredCapital').fill('1000');
    await page.locator('#foundedOn').fill('2016-03-01');
    await page.locator('#address').fill('上海市黄浦区南京东路 1 号');
    await page.locator('#staffCount').fill('85');
    await page.locator('#seatCount').fill('60');
    await page.getByLabel('电话').check();
    await page.getByLabel('短信').check();
    await page.getByLabel('上海').check();
    await page.getByLabel('江苏').check();
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('legalRepIdNumber-error')).toHaveText('身份证号无效（应为 18 位，且校验位正确）');
    await shot(page, 'apply-basics-error.zh-CN');
    await page.locator('#legalRepIdNumber').fill('11010519491231002X');
    await page.getByTestId('step-save').click();
    // Complete: the form moves on to the next step.
    await expect(page.getByTestId('step-systems')).toBeVisible();
    await expect(page.getByTestId('go-basics')).toContainText('✓');
    await page.reload();
    await page.getByTestId('go-basics').click();
    await expect(page.locator('#legalRepIdNumber')).toHaveAttribute('placeholder', '110***********002X');
    await expect(page.locator('#registeredCapital')).toHaveValue('1000');

    await page.getByTestId('go-systems').click();
    await page.getByTestId('systems-hasCallRecording').check();
    await page.getByTestId('systems-hasFieldEvidenceCapture').check();
    await page.locator('#mlpsLevel').selectOption('3');
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('go-systems')).toContainText('✓');

    await page.getByTestId('go-trackRecord').click();
    await page.getByTestId('ref-client-0').fill('华信消费金融股份有限公司');
    await page.getByTestId('ref-periodFrom-0').fill('2023-01');
    await page.getByTestId('ref-periodTo-0').fill('2024-12');
    await page.getByTestId('ref-caseCount-0').fill('12000');
    await page.getByTestId('ref-amount-0').fill('36000000');
    await page.getByTestId('ref-rate-0').fill('120');
    await page.getByTestId('step-save').click();
    await expect(page.getByText('请输入 0 到 100 之间的百分比')).toBeVisible();
    await page.getByTestId('ref-rate-0').fill('18.5');
    await page.getByTestId('add-reference').click();
    await expect(page.getByTestId('reference-row')).toHaveCount(2);
    await page.getByTestId('reference-row').nth(1).getByRole('button', { name: '删除' }).click();
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('go-trackRecord')).toContainText('✓');
    await shot(page, 'apply-compliance-step.zh-CN');

    await page.getByTestId('go-submit').click();
    await expect(page.getByTestId('summary-compliance')).toContainText('未完成');
    await expect(page.getByTestId('submit-application')).toBeDisabled();

    await page.getByTestId('go-compliance').click();
    await page.locator('#litigationCount').fill('0');
    await page.locator('#complaintCount').fill('2');
    await page.getByTestId('declare-declaresNoAbuse').check();
    await page.locator('#signedBy').fill('郭靖');
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('go-compliance')).toContainText('✓');

    // Documents: a renamed executable is refused by its bytes; the licence is stored.
    await expect(page.getByTestId('step-documents')).toBeVisible();
    await upload(page, '营业执照.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(4096)]));
    await expect(page.getByTestId('upload-error')).toHaveText(
      '不接受这种文件：只接受 PDF、JPEG、PNG、CSV、XLSX 以及录音录像（按文件内容识别，改扩展名无效）',
    );
    await expect(page.getByTestId('no-documents')).toBeVisible();
    await upload(page, '营业执照.pdf', LICENCE);
    await expect(page.getByTestId('document-row')).toHaveCount(1);
    await expect(page.getByTestId('document-row')).toContainText('营业执照');
    await expect(page.getByTestId('go-documents')).toContainText('✓');
    await shot(page, 'apply-documents.zh-CN');

    await page.getByTestId('go-submit').click();
    await shot(page, 'apply-submit.zh-CN');
    await page.getByTestId('submit-application').click();
    await expect(page.getByTestId('application-status')).toHaveText('已提交');
    await expect(page.getByTestId('under-review')).toBeVisible();
    await page.getByTestId('go-basics').click();
    await expect(page.locator('#legalRepName')).toBeDisabled();
    await page.getByTestId('go-documents').click();
    await expect(page.getByTestId('remove-document')).toHaveCount(0);
    await shot(page, 'apply-submitted.zh-CN');

    // A reviewer scores and admits it at tier B.
    const reviewer = await (await browser.newContext()).newPage();
    await signInAs(reviewer, ACCOUNTS.platformReviewer, '/staff');
    // The submission reached the reviewer's inbox; the notification leads to the application.
    await reviewer.getByTestId('notification-bell').click();
    const note = reviewer
      .getByTestId('notification-item')
      .filter({ hasText: '上海信达商务咨询有限公司 提交了准入申请，等待审核' });
    await expect(note).toBeVisible();
    await shot(reviewer, 'staff-notifications.zh-CN');
    await note.click();
    await reviewer.waitForURL('**/staff/admission/*');
    await expect(reviewer.getByTestId('document-row')).toContainText('营业执照.pdf');
    await score(reviewer, AGENCY_TIER_B);
    await expect(reviewer.getByTestId('computed-outcome')).toContainText('准入 · B 级');
    await reviewer.locator('#reason').fill('材料齐全，系统与合规达标');
    await reviewer.getByTestId('decide').click();
    await expect(reviewer.getByTestId('review-status')).toHaveText('已准入');

    // The agency's next request reaches its portal, with its tier.
    await page.goto('/agency');
    await expect(page.getByTestId('portal-name')).toHaveText('处置方');
    await expect(page.getByTestId('org-overview')).toContainText('B 级');
    await shot(page, 'apply-admitted-agency-portal.zh-CN');
  });

  test('[CREDITOR] a creditor signs up in English, submits its licence, is rejected and applies again', async ({
    page,
    browser,
  }) => {
    await useLanguage(page, 'en');
    await page.goto('/signup');
    await shot(page, 'signup.en');
    await signUp(page, {
      type: 'creditor',
      orgName: '北京长安消费金融有限公司',
      creditCode: '91110101000123457B',
      email: 'ops@changan.example.cn',
    });
    await expect(page.getByTestId('signup-sent')).toContainText('Check your email');
    await shot(page, 'signup-sent.en');
    await continueFromMail(page, 'ops@changan.example.cn', 'Set password');
    await expect(page.getByRole('heading', { name: 'Creditor admission application' })).toBeVisible();
    await page.locator('#licenceNumber').fill('B0456H211000002');
    await page.locator('#regulator').fill('NFRA Beijing Office');
    await page.locator('#signedBy').fill('Li Wei');
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('step-saved')).toBeVisible();
    await page.getByTestId('go-submit').click();
    await expect(page.getByTestId('summary-licence')).toContainText('Incomplete');
    await page.getByTestId('go-licence').click();
    await page.getByTestId('declare-declaresNoFraud').check();
    await page.getByTestId('step-save').click();
    await expect(page.getByTestId('go-licence')).toContainText('✓');
    await shot(page, 'apply-licence.en');
    await expect(page.getByTestId('step-documents')).toBeVisible();
    await upload(page, 'licence.pdf', Buffer.from(samplePdf(['Financial licence B0456H211000002'])));
    await expect(page.getByTestId('document-row')).toContainText('Financial licence');
    await shot(page, 'apply-documents.en');
    await page.getByTestId('go-submit').click();
    await page.getByTestId('submit-application').click();
    await expect(page.getByTestId('application-status')).toHaveText('Submitted');
    await shot(page, 'apply-submitted.en');

    // The reviewer rejects it with a reason.
    const ctx = await browser.newContext();
    await ctx.addCookies([{ name: 'daylight-locale', value: 'en', domain: 'localhost', path: '/' }]);
    const reviewer = await ctx.newPage();
    await signInAs(reviewer, ACCOUNTS.platformReviewer, '/staff');
    await reviewer.goto('/staff/admission');
    await reviewer
      .getByTestId('queue-row')
      .filter({ hasText: '北京长安消费金融有限公司' })
      .getByRole('link', { name: 'Review' })
      .click();
    await score(reviewer, { licence: 10, fraudRecord: 20, dataQuality: 10 });
    await expect(reviewer.getByTestId('computed-outcome')).toContainText('Reject');
    await reviewer.getByTestId('decision-reject').check();
    await reviewer.locator('#reason').fill('Licence number not found in the regulator register');
    await reviewer.getByTestId('decide').click();
    await expect(reviewer.getByTestId('review-status')).toHaveText('Rejected');

    // The creditor is told, sees the reason, stays out of the portal, and may apply again.
    await page.reload();
    await expect(page.getByTestId('notification-count')).toHaveText('1');
    await page.getByTestId('notification-bell').click();
    await expect(page.getByTestId('notification-item')).toContainText(
      'The admission application was rejected: see the reason',
    );
    await shot(page, 'apply-notification.en');
    await page.getByTestId('notification-item').click();
    await expect(page.getByTestId('notification-count')).toHaveCount(0);
    await expect(page.getByTestId('application-status')).toHaveText('Rejected');
    await expect(page.getByTestId('decision-reason')).toHaveText(
      'Reason: Licence number not found in the regulator register',
    );
    await shot(page, 'apply-rejected.en');
    await page.goto('/creditor');
    await page.waitForURL('**/apply');
    await page.getByTestId('reapply').click();
    await expect(page.getByTestId('application-status')).toHaveText('Draft');
    await page.getByTestId('go-documents').click();
    await expect(page.getByTestId('document-row')).toHaveCount(1);
  });

  test('[PUBLIC] a registered email gets the same answer as a new one; its owner is told by mail, and nothing is created', async ({
    page,
    context,
  }) => {
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '198.51.100.40' });
    const before = Date.now();
    await signUp(page, {
      type: 'agency',
      orgName: '杭州冒名商务咨询有限公司',
      creditCode: '91330106000123458C',
      email: ACCOUNTS.agencyAdmin,
    });
    await expect(page.getByTestId('signup-sent')).toContainText(`我们已向 ${ACCOUNTS.agencyAdmin} 发送了一封邮件`);
    const notice = await mailTo(ACCOUNTS.agencyAdmin, { after: before });
    expect(notice.subject).toBe('有人用您的邮箱注册机构 / Someone signed up an organization with your email');
    expect(notice.text).toContain('杭州冒名商务咨询有限公司');
    expect(inviteLinkIn(notice.text)).toBeNull();
    // The owner's account is as it was.
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
  });

  test('[PUBLIC] sign-up is limited per client address', async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '198.51.100.41' });
    for (let i = 0; i < 5; i += 1) {
      await signUp(page, {
        type: 'creditor',
        orgName: `限流测试小额贷款有限公司${i}`,
        creditCode: '91310115000300001K',
        email: `limit${i}@example.cn`,
      });
      await expect(page.getByTestId('creditCode-error')).toHaveText('该统一社会信用代码已注册');
    }
    await signUp(page, {
      type: 'creditor',
      orgName: '限流测试小额贷款有限公司',
      creditCode: '91330106000123459F',
      email: 'limit@example.cn',
    });
    await expect(page.getByTestId('signup-error')).toHaveText('注册尝试过于频繁，请 1 小时后再试');
    await shot(page, 'signup-throttled.zh-CN');
  });

  test('[PUBLIC] a banned credit code cannot sign up again', async ({ page }) => {
    await signUp(page, {
      type: 'agency',
      orgName: '济南恒远新资产管理有限公司',
      creditCode: '913701020003000061',
      email: 'new@hengyuan.example.cn',
    });
    await expect(page.getByTestId('creditCode-error')).toHaveText('该统一社会信用代码已被永久禁入，不能再次申请');
    await shot(page, 'signup-banned.zh-CN');
  });
});
