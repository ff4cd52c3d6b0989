// Sanctions (DESIGN §3, issue 7): every sanction cites an upheld complaint. A suspension
// stops the agency's bids (its marketplace says why), lets the creditor freeze its cases,
// and is appealed once; a platform admin decides. A ban waits for a second staff member and
// takes effect with everything at once: the agency's collector is signed out on the next
// click, the creditor has its cases back, and the public ban list shows the agency.
// This file runs last: it bans 正信, which the other specs work with.
import type { Browser, Page } from '@playwright/test';
import { sampleCaseRow } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

// 正信's collector 郑磊 works 华信's case HX202600000003 in the demo data (scripts/seed-market.ts).
const [contractNo = '', debtorName = '', idNumber = ''] = sampleCaseRow(3, 'HX2026');
const AGENCY = '上海正信资产管理有限公司';

// Each test walks a whole sanction through four portals.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** A debtor files a complaint about a threatening call on the public page: its reference. */
const fileOnPublicPage = async (page: Page, description: string) => {
  await page.goto('/complaints');
  await page.locator('#c-contract').fill(contractNo);
  await page.locator('#c-debtor').fill(debtorName);
  await page.locator('#c-last4').fill(idNumber.slice(-4));
  await page.locator('#c-category').selectOption('threats');
  await page.locator('#c-description').fill(description);
  await page.getByTestId('complaint-submit').click();
  const reference = (await page.getByTestId('complaint-reference').textContent()) ?? '';
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);
  return reference;
};

/** Staff who handle complaints acknowledge it and uphold it, then open the sanction form from it. */
const upholdAndPropose = async (browser: Browser, reference: string) => {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, ACCOUNTS.platformComplaints, '/staff');
  await staff.goto('/staff/complaints');
  await staff
    .getByTestId('complaint-row')
    .filter({ hasText: reference })
    .getByRole('link', { name: reference })
    .click();
  await staff.getByTestId('step-acknowledge').click();
  await expect(staff.getByTestId('complaint-status')).toContainText('已确认');
  await staff.locator('#step-finding').fill('通话录音证实催收员以找人到借款人老家相威胁，投诉成立。');
  await staff.getByTestId('step-uphold').click();
  await expect(staff.getByTestId('complaint-status')).toContainText('投诉成立');
  await staff.getByTestId('complaint-propose-sanction').click();
  await staff.waitForURL(/\/staff\/sanctions\/new\?complaintId=/);
  await expect(staff.getByTestId('propose-citation')).toContainText(reference);
  return staff;
};

const submitProposal = async (staff: Page, kind: 'suspension' | 'ban', reason: string) => {
  await staff.getByTestId(`kind-${kind}`).check();
  await staff.locator('#propose-reason').fill(reason);
  await staff.getByTestId('propose-submit').click();
  await staff.waitForURL(/\/staff\/sanctions\/[0-9a-f-]{36}$/);
};

test.describe('[STAFF] sanctions and bans', () => {
  test('[STAFF] a suspension: the agency appeals once from its portal, the creditor freezes its cases, an admin denies the appeal and lifts it', async ({
    page,
    browser,
  }) => {
    const reference = await fileOnPublicPage(
      page,
      '催收员在电话里说再不还钱就找人天天去我单位闹，让我丢了工作，我非常害怕。',
    );
    const staff = await upholdAndPropose(browser, reference);
    // Nothing chosen but the kind: the reason is named as missing.
    await staff.getByTestId('kind-suspension').check();
    await staff.getByTestId('propose-submit').click();
    await expect(staff.getByTestId('propose-reason-error')).toHaveText('请写明处罚理由（至少 5 个字）');
    await shot(staff, 'staff-sanction-propose.zh-CN');
    await useLanguage(staff, 'en');
    await staff.reload();
    await staff.getByTestId('kind-ban').check();
    await expect(staff.getByTestId('propose-ban-note')).toContainText('another staff member approves');
    await shot(staff, 'staff-sanction-propose.en');
    await useLanguage(staff, 'zh-CN');
    await staff.reload();
    await submitProposal(staff, 'suspension', '催收员以到单位闹事相威胁，暂停投标和新委托直至整改完成。');
    await expect(staff.getByTestId('sanction-status')).toContainText('暂停');
    await expect(staff.getByTestId('sanction-status')).toContainText('生效中');

    // The agency's admin reads it, sees why its marketplace is empty, and appeals once.
    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyAdmin, '/agency');
    await agency.getByTestId('portal-nav').getByRole('link', { name: '处罚' }).click();
    await expect(agency.getByTestId('sanction-row').first()).toContainText('暂停');
    await shot(agency, 'agency-sanctions.zh-CN');
    await useLanguage(agency, 'en');
    await agency.reload();
    await expect(agency.getByTestId('sanction-row').first()).toContainText('Suspension');
    await shot(agency, 'agency-sanctions.en');
    await useLanguage(agency, 'zh-CN');
    await agency.reload();
    await agency.getByTestId('sanction-link').first().click();
    await agency.locator('#appeal-text').fill('太短');
    await agency.getByTestId('sanction-appeal-submit').click();
    await expect(agency.getByTestId('appeal-text-error')).toHaveText('请写明申诉理由（至少 10 个字）');
    await shot(agency, 'agency-sanction-appeal.zh-CN');
    await agency.locator('#appeal-text').fill('涉事催收员已于当日停岗，其后通话录音均规范，请求撤销暂停。');
    await agency.getByTestId('sanction-appeal-submit').click();
    await expect(agency.getByTestId('sanction-appeal-text')).toContainText('已于当日停岗');
    await expect(agency.getByTestId('sanction-appeal-submit')).toHaveCount(0);
    await useLanguage(agency, 'en');
    await agency.reload();
    await expect(agency.getByTestId('sanction-status')).toContainText('In force');
    await shot(agency, 'agency-sanction-detail.en');
    await agency.goto('/agency/market');
    await expect(agency.getByTestId('suspension-notice')).toContainText('suspended (until lifted)');
    await shot(agency, 'agency-market-suspended.en');
    await useLanguage(agency, 'zh-CN');
    await agency.reload();
    await expect(agency.getByTestId('suspension-notice')).toContainText('本机构处于暂停期（直至解除）');
    await shot(agency, 'agency-market-suspended.zh-CN');

    // The creditor freezes its commission with the suspended agency; the collector reads the case but cannot work it.
    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.getByTestId('portal-nav').getByRole('link', { name: '处罚' }).click();
    const row = creditor.getByTestId('suspended-commission').filter({ hasText: '华信 2026-10 M4–M6 包' });
    await expect(row).toContainText(AGENCY);
    await expect(row).toContainText('暂停中');
    await row.getByTestId('commission-freeze').click();
    await expect(row.getByTestId('commission-state')).toContainText('起冻结');
    await shot(creditor, 'creditor-sanctions.zh-CN');
    await useLanguage(creditor, 'en');
    await creditor.reload();
    await expect(
      creditor
        .getByTestId('suspended-commission')
        .filter({ hasText: '华信 2026-10 M4–M6 包' })
        .getByTestId('commission-state'),
    ).toContainText('Frozen since');
    await shot(creditor, 'creditor-sanctions.en');

    const collector = await (await browser.newContext()).newPage();
    await signInAs(collector, ACCOUNTS.agencyCollector, '/agency');
    await collector.goto('/agency/cases');
    await collector.getByTestId('queue-search').fill(contractNo);
    await collector.getByTestId('queue-search').press('Enter');
    await collector.getByRole('link', { name: contractNo }).click();
    await expect(collector.getByTestId('work-frozen')).toContainText('委托方已于');
    await expect(collector.getByTestId('action-submit')).toHaveCount(0);
    await shot(collector, 'agency-case-frozen.zh-CN');
    await useLanguage(collector, 'en');
    await collector.reload();
    await expect(collector.getByTestId('work-frozen')).toContainText('The creditor froze this case');
    await shot(collector, 'agency-case-frozen.en');
    await useLanguage(collector, 'zh-CN');

    // A platform admin denies the appeal, then lifts the suspension; the creditor unfreezes.
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, ACCOUNTS.platformAdmin, '/staff');
    // The status control offers no ban for an agency: that is a sanction's.
    await admin.goto('/staff/orgs');
    await admin.getByTestId('filter-q').fill('正信');
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.getByTestId('org-row').getByRole('link', { name: '查看' }).click();
    await admin.getByTestId('open-set-status').click();
    await expect(admin.getByTestId('ban-through-sanction')).toBeVisible();
    await expect(admin.locator('#ss-status option[value="banned"]')).toHaveCount(0);
    await shot(admin, 'staff-set-status-agency.zh-CN');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('portal-nav').getByRole('link', { name: '处罚' }).click();
    await admin
      .getByTestId('sanction-row')
      .filter({ hasText: AGENCY })
      .filter({ hasText: '申诉待裁决' })
      .getByTestId('sanction-link')
      .click();
    await expect(admin.getByTestId('sanction-appeal-text')).toContainText('已于当日停岗');
    await admin.locator('#note-appeal').fill('录音显示威胁发生在停岗前，维持暂停');
    await admin.getByTestId('appeal-deny').click();
    await expect(admin.getByTestId('sanction-appeal-outcome')).toContainText('申诉驳回');
    await expect(admin.getByTestId('sanction-appeal-outcome')).toContainText('维持暂停');
    await shot(admin, 'staff-sanction-detail.zh-CN');
    await admin.locator('#note-lift').fill('机构已完成整改并更换催收员');
    await admin.getByTestId('sanction-lift').click();
    await expect(admin.getByTestId('sanction-status')).toContainText('已解除');
    await useLanguage(admin, 'en');
    await admin.reload();
    await expect(admin.getByTestId('sanction-status')).toContainText('Lifted');
    await shot(admin, 'staff-sanction-detail.en');

    await useLanguage(creditor, 'zh-CN');
    await creditor.reload();
    await expect(row).toContainText('暂停已结束');
    await row.getByTestId('commission-unfreeze').click();
    await expect(row).toHaveCount(0);
    await collector.reload();
    await expect(collector.getByTestId('work-frozen')).toHaveCount(0);
    await expect(collector.getByTestId('action-submit')).toBeVisible();
  });

  test('[STAFF] a debtor complains about a threatening call; staff uphold it and ban the agency with a second approval; its collector is signed out, the creditor has its cases back, the ban list shows it', async ({
    page,
    browser,
  }) => {
    const collector = await (await browser.newContext()).newPage();
    await signInAs(collector, ACCOUNTS.agencyCollector, '/agency');
    await collector.goto('/agency/cases');
    await expect(collector.getByTestId('case-row').first()).toBeVisible();

    const reference = await fileOnPublicPage(
      page,
      '晚上十点多催收员打电话说不还钱就派人到我老家找我父母，还骂我是老赖，我父母吓坏了。',
    );
    const proposer = await upholdAndPropose(browser, reference);
    await submitProposal(proposer, 'ban', '催收员屡次以暴力相威胁并辱骂借款人及其家属，情节恶劣，提议永久禁入。');
    await expect(proposer.getByTestId('sanction-status')).toContainText('待第二人批准');
    // The proposer cannot approve their own ban.
    await expect(proposer.getByTestId('sanction-awaiting-second')).toBeVisible();
    await expect(proposer.getByTestId('sanction-approve')).toHaveCount(0);
    await shot(proposer, 'staff-ban-proposed.zh-CN');

    // A second staff member approves it.
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, ACCOUNTS.platformAdmin, '/staff');
    await admin.goto('/staff/sanctions');
    await admin.getByTestId('sanction-status-filter').selectOption('proposed');
    const proposed = admin.getByTestId('sanction-row').filter({ hasText: AGENCY });
    await expect(proposed).toContainText('禁入');
    await shot(admin, 'staff-sanctions.zh-CN');
    await proposed.getByTestId('sanction-link').click();
    await expect(admin.getByTestId('ban-warning')).toBeVisible();
    await admin.locator('#note-ban').fill('录音证据确凿，同意永久禁入');
    await admin.getByTestId('sanction-approve').click();
    await shot(admin, 'staff-ban-confirm.zh-CN');
    await admin.getByTestId('sanction-approve-confirm').click();
    await expect(admin.getByTestId('sanction-status')).toContainText('生效中');
    await expect(admin.getByTestId('sanction-agency-status')).toHaveText('已禁入');
    await expect(admin.getByTestId('effect-usersSignedOut')).not.toHaveText('0');
    await expect(admin.getByTestId('effect-casesRecalled')).not.toHaveText('0');
    await shot(admin, 'staff-ban-approved.zh-CN');
    await useLanguage(admin, 'en');
    await admin.reload();
    await expect(admin.getByTestId('sanction-effects')).toContainText('Cases recalled to creditors');
    await shot(admin, 'staff-ban-approved.en');
    await admin.goto('/staff/sanctions');
    await expect(admin.getByTestId('sanction-row').first()).toContainText('Ban');
    await shot(admin, 'staff-sanctions.en');

    // The collector's next click signs it out.
    await collector.getByTestId('portal-nav').getByRole('link', { name: '短信和信函模板' }).click();
    await collector.waitForURL('**/signin?error=auth.orgBlocked');
    await expect(collector.getByTestId('signin-error')).toHaveText('所属机构已被暂停或禁入，无法使用平台');

    // The creditor is told and has its cases back.
    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.getByTestId('notification-bell').click();
    await expect(
      creditor
        .getByTestId('notification-item')
        .filter({ hasText: `${AGENCY} 已被永久禁入` })
        .first(),
    ).toBeVisible();
    await shot(creditor, 'creditor-ban-notice.zh-CN');
    await creditor
      .getByTestId('notification-item')
      .filter({ hasText: `${AGENCY} 已被永久禁入` })
      .first()
      .click();
    await creditor.waitForURL('**/creditor/sanctions');
    // Other specs may have warned the agency too: the ban is the row that says so.
    await expect(
      creditor.getByTestId('sanction-row').filter({ hasText: AGENCY }).filter({ hasText: '禁入' }),
    ).toHaveCount(1);
    await shot(creditor, 'creditor-sanctions-ban.zh-CN');
    await creditor.goto('/creditor/cases');
    await creditor.getByTestId('case-status-filter').selectOption('recalled');
    // Every case of the commission came back: look this one up by its number (it may not be on the first page).
    await creditor.getByTestId('case-contract-filter').fill(contractNo);
    await creditor.getByTestId('case-contract-filter').press('Tab');
    await expect(creditor.getByTestId('case-row').filter({ hasText: contractNo })).toContainText('已召回');
    await shot(creditor, 'creditor-cases-recalled.zh-CN');

    // The public ban list shows the agency.
    await page.goto('/agencies');
    const banned = page.getByTestId('banned-row').filter({ hasText: AGENCY });
    await expect(banned).toContainText('91310115000300001K');
    await expect(banned).toContainText('暴力或辱骂催收');
    await shot(page, 'public-ban-list.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('banned-row').filter({ hasText: AGENCY })).toContainText(
      'Violent or abusive collection',
    );
    await shot(page, 'public-ban-list.en');
  });
});
