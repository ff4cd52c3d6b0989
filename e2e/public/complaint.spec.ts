// A debtor reaches the platform without an account (DESIGN §3 complaints): the case is
// verified by contract number, name and the last 4 ID digits, and a mismatch says only
// that the details could not be verified. Staff acknowledge, ask the agency, which sees the
// complaint only from then on and never who filed it, and answers within 10 days; staff
// decide; the complainant follows it by reference; the creditor sees it.
import { sampleCaseRow } from '../../db/seed/case-file';
import { samplePdf } from '../../db/seed/sample-pdf';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

// 正信's collector works 华信's case HX202600000003 in the demo data (db/seed/demo.ts).
const [contractNo = '', debtorName = '', idNumber = ''] = sampleCaseRow(3, 'HX2026');
const last4 = idNumber.slice(-4);

test.describe('[PUBLIC] complaints', () => {
  test('[PUBLIC] a debtor complains about a threatening call; staff ask the agency, it answers, staff uphold; the debtor and the creditor see the outcome', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('header-complaints').click();
    await expect(page.getByTestId('public-complaint-title')).toHaveText('投诉催收行为');

    // Nothing typed: every missing field is named.
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('c-contract-error')).toHaveText('请填写合同编号');
    await expect(page.getByTestId('c-last4-error')).toBeVisible();
    await expect(page.getByTestId('c-description-error')).toContainText('至少 10 个字');
    await shot(page, 'public-complaint-errors.zh-CN');

    await page.locator('#c-contract').fill(contractNo);
    await page.locator('#c-debtor').fill(debtorName);
    await page.locator('#c-last4').fill(last4 === '0000' ? '1111' : '0000');
    await page.locator('#c-phone').fill('13912345678');
    await page.locator('#c-category').selectOption('threats');
    await page.locator('#c-description').fill('3 月 5 日晚上 10 点半，催收员打电话说再不还钱就找人到我老家，让我全家不得安宁，还骂我是老赖。');
    await page.getByTestId('evidence-input').setInputFiles({ name: '通话录音文字稿.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf(['Call transcript 2026-03-05 22:31'])) });
    await expect(page.getByTestId('evidence-done')).toBeVisible();
    // Wrong digits: the same words as for a contract that does not exist.
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('complaint-error')).toContainText('无法核实');
    await page.locator('#c-last4').fill(last4);
    await page.getByTestId('complaint-submit').click();
    const reference = (await page.getByTestId('complaint-reference').textContent()) ?? '';
    expect(reference).toMatch(/^C-\d{4}-\d{6}$/);
    await shot(page, 'public-complaint-receipt.zh-CN');

    // Staff: acknowledge, ask the agency.
    const staff = await browser.newPage();
    await signInAs(staff, ACCOUNTS.platformComplaints, '/staff');
    await staff.getByTestId('portal-nav').getByRole('link', { name: '投诉' }).click();
    const row = staff.getByTestId('complaint-row').filter({ hasText: reference });
    await expect(row).toContainText('威胁、恐吓或暴力');
    await expect(row).toContainText('上海正信资产管理有限公司');
    await shot(staff, 'staff-complaints.zh-CN');
    await row.getByRole('link', { name: reference }).click();
    await expect(staff.getByTestId('complaint-description')).toContainText('找人到我老家');
    await expect(staff.getByTestId('complaint-evidence')).toContainText('通话录音文字稿.pdf');
    // The handler reveals the complainant's number to call back, for a reason.
    await staff.getByTestId('reveal-contact').click();
    await staff.getByTestId('reveal-contact-reason').fill('回电核实投诉经过');
    await staff.getByTestId('reveal-contact-confirm').click();
    await expect(staff.getByTestId('reveal-contact-value')).toHaveText('13912345678');
    await staff.getByTestId('step-acknowledge').click();
    await expect(staff.getByTestId('complaint-status')).toContainText('已确认');

    // Until staff ask for its answer, the complaint does not exist for the agency.
    const complaintPath = new URL(staff.url()).pathname;
    const agency = await browser.newPage();
    await signInAs(agency, ACCOUNTS.agencySupervisor, '/agency');
    await agency.goto('/agency/complaints');
    await expect(agency.getByTestId('complaint-list')).not.toContainText('正在加载');
    await expect(agency.getByTestId('complaint-row').filter({ hasText: reference })).toHaveCount(0);
    await agency.goto(complaintPath.replace('/staff/', '/agency/'));
    await expect(agency.getByTestId('complaint-error')).toContainText('找不到这件投诉');

    await staff.locator('#step-note').fill('请提供 3 月 5 日 22 时左右的通话录音');
    await staff.getByTestId('step-request-response').click();
    await expect(staff.getByTestId('complaint-status')).toContainText('等待机构说明');

    // The agency answers; it never learns who complained, nor how they stand to the debtor.
    await agency.goto('/agency/complaints');
    await agency.getByTestId('complaint-row').filter({ hasText: reference }).getByRole('link', { name: reference }).click();
    await expect(agency.getByTestId('complaint-complainant')).toHaveText('不向处置机构披露');
    await expect(agency.getByTestId('complaint-title')).toHaveText(reference);
    await expect(agency.locator('main')).not.toContainText('借款人投诉');
    await agency.locator('#respond-text').fill('经调取录音核实，催收员郑磊当晚通话中有不当言语，已暂停其作业并组织合规培训。');
    await shot(agency, 'agency-complaint-respond.zh-CN');
    await agency.getByTestId('respond-submit').click();
    await expect(agency.getByTestId('complaint-agency-response')).toContainText('已暂停其作业');
    await useLanguage(agency, 'en');
    await agency.reload();
    await expect(agency.getByTestId('complaint-complainant')).toHaveText('Not disclosed to the agency');
    await shot(agency, 'agency-complaint-detail.en');

    // Staff uphold it with a finding the complainant reads.
    await staff.reload();
    await expect(staff.getByTestId('complaint-agency-response')).toContainText('已暂停其作业');
    await staff.locator('#step-finding').fill('录音证实催收员以找人到借款人老家相威胁并辱骂借款人，投诉成立。');
    await staff.getByTestId('step-uphold').click();
    await expect(staff.getByTestId('complaint-status')).toContainText('投诉成立');
    await expect(staff.getByTestId('complaint-timeline')).toContainText('处置机构作出说明');
    await shot(staff, 'staff-complaint-detail.zh-CN');
    await useLanguage(staff, 'en');
    await staff.reload();
    await expect(staff.getByTestId('complaint-status')).toContainText('Upheld');
    await shot(staff, 'staff-complaint-detail.en');

    // Staff raise a complaint of their own about another agency.
    await useLanguage(staff, 'zh-CN');
    await staff.goto('/staff/complaints');
    await staff.locator('#cc-agency').selectOption({ label: '四川明理律师事务所' });
    await staff.locator('#cc-category').selectOption('impersonation');
    await staff.locator('#cc-description').fill('监测发现该所催收短信自称“法院执行局”，涉嫌冒充司法机关。');
    await staff.getByTestId('org-complaint-submit').click();
    await expect(staff.getByTestId('org-complaint-filed')).toContainText(/C-\d{4}-\d{6}/);
    await expect(staff.getByTestId('complaint-row').filter({ hasText: '四川明理律师事务所' })).toContainText('冒充公检法、律师');
    await shot(staff, 'staff-complaint-file.zh-CN');

    // The complainant follows it by reference and ID digits.
    await page.getByTestId('follow-link').click();
    await page.locator('#f-reference').fill(reference);
    await page.locator('#f-last4').fill(last4);
    await page.getByTestId('follow-submit').click();
    await expect(page.getByTestId('complaint-status')).toContainText('投诉成立');
    await expect(page.getByTestId('follow-finding')).toContainText('投诉成立');
    await shot(page, 'public-complaint-follow.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await page.locator('#f-reference').fill(reference);
    await page.locator('#f-last4').fill(last4);
    await page.getByTestId('follow-submit').click();
    await expect(page.getByTestId('complaint-status')).toContainText('Upheld');
    await shot(page, 'public-complaint-follow.en');

    // Someone guesses the digits: each wrong guess answers as an unknown reference. The
    // reference has now been guessed at, so the complainant's next look-up brings a proof
    // of work, which the page finds by itself: the status still shows, nobody is locked out.
    const guesses = ['0001', '0002', '0003', '0004'].filter((g) => g !== last4).slice(0, 3);
    for (const guess of guesses) {
      await page.locator('#f-last4').fill(guess);
      const answered = page.waitForResponse(/complaints\.follow/);
      await page.getByTestId('follow-submit').click();
      await answered;
      await expect(page.getByTestId('f-reference-error')).toContainText('No complaint matches');
    }
    const challenged = page.waitForRequest(/complaints\.proofChallenge/);
    await page.locator('#f-last4').fill(last4);
    await page.getByTestId('follow-submit').click();
    await challenged;
    await expect(page.getByTestId('complaint-status')).toContainText('Upheld', { timeout: 30_000 });
    await page.goto('/complaints');
    await expect(page.getByTestId('public-complaint-title')).toHaveText('Complain about collection');
    await shot(page, 'public-complaint.en');

    // The creditor sees the complaint on its case, decided.
    const creditor = await browser.newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.goto('/creditor/complaints');
    await expect(creditor.getByTestId('complaint-row').filter({ hasText: reference })).toContainText('投诉成立');
    await shot(creditor, 'creditor-complaints.zh-CN');
  });
});
