// Case work under the daylight rulebook (DESIGN §4): a creditor places cases with an agency
// by a direct offer; the agency accepts and assigns a case; the collector logs calls until
// the daily cap and reads the refusal with the next allowed time; a forbidden phrase in a
// note is flagged. The debtors live in a time zone where it is daytime now, so the
// contact window does not depend on when the test runs.
import { CASE_FILE_HEADERS, sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const ZONES = [
  'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago',
  'America/New_York', 'America/Halifax', 'America/Sao_Paulo', 'Atlantic/South_Georgia', 'Atlantic/Cape_Verde', 'Europe/London',
  'Europe/Paris', 'Europe/Athens', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Urumqi', 'Asia/Bangkok', 'Asia/Shanghai',
  'Asia/Tokyo', 'Australia/Brisbane', 'Pacific/Noumea', 'Pacific/Auckland', 'Pacific/Tongatapu', 'Pacific/Kiritimati',
];
const hourIn = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
const ZONE = ZONES.find((z) => hourIn(z) >= 10 && hourIn(z) <= 18) ?? 'Asia/Shanghai';
const DAY = 86_400_000;
const shanghai = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const CONTRACT = 'CWE2E00000001';

test.describe.configure({ mode: 'serial' });

test.describe('[AGENCY] case work under the rulebook', () => {
  test('[CREDITOR] offers a package directly to an agency, which accepts and assigns a case', async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    const rows = [...sampleCaseRows(3, 'CWE2E')];
    const withZone = rows.map((r, i) => (i === 0 ? [...r, '时区'] : [...r, ZONE]));
    expect(withZone[0]?.length).toBe(CASE_FILE_HEADERS.length + 1);
    await page.getByTestId('import-file').setInputFiles({ name: '海外借款人.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(withZone)) });
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 3 件案件。');
    await page.goto('/creditor/packages');
    await page.locator('#package-name').fill('海外借款人定向包');
    await page.locator('#package-source').selectOption('import');
    await page.locator('#package-import').selectOption({ label: '海外借款人.csv · 3' });
    await page.getByTestId('package-create').click();
    await page.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    const now = Date.now();
    await page.locator('#closesAt').fill(shanghai(now + 2 * DAY).slice(0, 16));
    await page.locator('#commissionStart').fill(shanghai(now + 3 * DAY).slice(0, 10));
    await page.locator('#commissionEnd').fill(shanghai(now + 93 * DAY).slice(0, 10));
    await page.locator('#reserveFee').fill('30');
    await page.locator('#expectedRecovery').fill('15');
    await page.getByTestId('channel-letter').check();
    await page.locator('#maxReduction').fill('20');
    await page.locator('#maxInstalments').fill('12');
    await page.getByTestId('terms-save').click();
    await expect(page.getByTestId('terms-saved')).toBeVisible();
    await page.getByTestId('offer-agency').selectOption({ label: '上海正信资产管理有限公司 (A)' });
    await page.getByTestId('offer-fee').fill('25');
    await page.getByTestId('offer-send').click();
    await expect(page.getByTestId('package-status')).toHaveText('定向委托待答复');

    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyAdmin, '/agency');
    await agency.goto('/agency/market');
    await agency.getByRole('link', { name: '海外借款人定向包' }).click();
    await expect(agency.getByTestId('offer-terms')).toContainText('25%');
    await agency.getByTestId('offer-accept').click();
    await agency.waitForURL(/\/agency\/cases$/);
    await agency.getByPlaceholder('完整合同编号').fill(CONTRACT);
    await agency.getByPlaceholder('完整合同编号').blur();
    await expect(agency.getByTestId('case-row')).toHaveCount(1);
    await agency.getByTestId('case-select').check();
    await agency.getByTestId('assign-collector').selectOption({ label: '郑磊' });
    await agency.getByTestId('assign-selected').click();
    await expect(agency.getByTestId('assign-done')).toHaveText('已分配 1 件');

    // SMS templates: one with a threat is refused outright; a clean one is approved by the creditor.
    await agency.goto('/agency/templates');
    await agency.locator('#tpl-package').selectOption({ label: '海外借款人定向包' });
    await agency.locator('#tpl-title').fill('最后通牒');
    await agency.locator('#tpl-body').fill('再不还款就爆通讯录，通知你单位');
    await agency.getByTestId('template-submit').click();
    await expect(agency.getByTestId('tpl-body-error')).toHaveText('模板含禁用语：爆通讯录、通知你单位，不能提交');
    await agency.locator('#tpl-title').fill('还款提醒');
    await agency.locator('#tpl-body').fill('您好，您的借款已逾期，请尽快与我们联系协商还款方案。');
    await agency.getByTestId('template-submit').click();
    await expect(agency.getByTestId('template-submitted')).toBeVisible();
    await shot(agency, 'agency-templates.zh-CN');
    await page.getByTestId('portal-nav').getByRole('link', { name: '短信和信函模板' }).click();
    await page.getByTestId('template-row').filter({ hasText: '还款提醒' }).getByTestId('template-approve').click();
    await page.getByTestId('template-status-filter').selectOption('approved');
    await expect(page.getByTestId('template-row').filter({ hasText: '还款提醒' })).toContainText('已批准');
    await shot(page, 'creditor-templates.zh-CN');
  });

  test('[AGENCY] a collector logs calls until the daily cap and reads when the next call is allowed', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    // The queue: the new case is among the due, found by its contract number.
    await page.getByTestId('queue-search').fill(CONTRACT);
    await page.getByTestId('queue-search').press('Enter');
    await expect(page.getByTestId('case-row')).toHaveCount(1);
    await expect(page.getByTestId('case-row')).toContainText('新案件');
    await shot(page, 'agency-collector-queue.zh-CN');
    await page.getByRole('link', { name: CONTRACT }).click();
    await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(CONTRACT);
    await expect(page.locator('main')).toContainText(ZONE);
    await expect(page.getByTestId('verdict-allowed')).toBeVisible();
    for (let i = 1; i <= 3; i += 1) {
      await page.locator('#action-outcome').selectOption('answered');
      await page.locator('#action-note').fill(`第 ${i} 次通话：债务人表示月底前筹款`);
      await page.getByTestId('action-submit').click();
      await expect(page.getByTestId('action-row')).toHaveCount(i);
    }
    const refusal = page.getByTestId('verdict-refused');
    await expect(refusal).toContainText('今天已与债务人有效通话 3 次，达到上限：');
    await expect(refusal).toContainText('08:00 起才能再打');
    await expect(page.getByTestId('action-submit')).toBeDisabled();
    await shot(page, 'agency-case-cap.zh-CN');

    // An SMS goes out only from an approved template; a forbidden phrase in the note is flagged before and after saving.
    await page.locator('#action-channel').selectOption('sms');
    await page.locator('#action-template').selectOption({ label: '还款提醒' });
    await expect(page.getByTestId('template-preview')).toContainText('请尽快与我们联系');
    await page.locator('#action-outcome').selectOption('unanswered');
    await page.locator('#action-note').fill('已发短信，债务人此前扬言要我们爆通讯录也不怕');
    await expect(page.getByTestId('verdict-flag')).toContainText('爆通讯录');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-row')).toHaveCount(4);
    await expect(page.getByTestId('action-row').first()).toContainText('爆通讯录');

    // A full number needs a reason.
    await page.getByTestId('reveal-phone-0').click();
    await page.getByTestId('reveal-phone-0-reason').fill('债务人要求回拨');
    await page.getByTestId('reveal-phone-0-confirm').click();
    await expect(page.getByTestId('reveal-phone-0-value')).toHaveText(/^1[3-9]\d{9}$/);
    await shot(page, 'agency-case-work.zh-CN');

    // Restructuring: 10% off is inside the creditor's bands (20%) and takes effect at once;
    // 24 instalments are outside (12) and wait for the creditor.
    const future = shanghai(Date.now() + 10 * DAY).slice(0, 10);
    await page.locator('#rs-kind').selectOption('reduction');
    await page.locator('#rs-reduction').fill('10');
    await page.locator('#rs-first').fill(future);
    await page.locator('#rs-reason').fill('债务人失业，一次性结清可减免');
    await page.getByTestId('restructure-submit').click();
    await expect(page.getByTestId('restructure-result')).toHaveText('在授权范围内，已立即生效');
    await page.locator('#rs-kind').selectOption('instalments');
    await page.locator('#rs-instalments').fill('24');
    await page.locator('#rs-first').fill(future);
    await page.locator('#rs-reason').fill('收入下降，申请分 24 期');
    await page.getByTestId('restructure-submit').click();
    await expect(page.getByTestId('restructure-result')).toHaveText('超出授权范围，已提交委托方决定');
    await expect(page.getByTestId('restructure-row')).toHaveCount(2);
    await shot(page, 'agency-case-restructure.zh-CN');
  });

  test('[AGENCY] the case page in English', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await shot(page, 'agency-collector-queue.en');
    await page.getByRole('link', { name: CONTRACT }).click();
    await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('verdict-refused')).toContainText('3 effective calls with the debtor today');
    await expect(page.getByTestId('stage-hint')).toBeVisible();
    await shot(page, 'agency-case-work.en');
    await page.goto('/agency/templates');
    await expect(page.getByTestId('template-row').first()).toContainText('Approved');
    await shot(page, 'agency-templates.en');
  });

  test('[CREDITOR] sees the agency’s work live, flagged actions included, in Chinese and English', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '催收动态' }).click();
    await expect(page.getByTestId('intensity-row').filter({ hasText: '上海正信资产管理有限公司' })).toContainText('3 次电话，接通 3 次');
    await page.getByTestId('flagged-only').check();
    await expect(page.getByTestId('activity-row').first()).toContainText('禁用语：爆通讯录');
    await shot(page, 'creditor-activity.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Collection activity' })).toBeVisible();
    await expect(page.getByTestId('activity-row').first()).toBeVisible();
    await shot(page, 'creditor-activity.en');
  });

  test('[CREDITOR] decides the request outside the bands', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '重组申请' }).click();
    const row = page.getByTestId('restructure-request').filter({ hasText: CONTRACT });
    await expect(row).toContainText('分 24 期');
    await shot(page, 'creditor-restructures.zh-CN');
    await row.getByTestId('restructure-approve').click();
    await page.getByTestId('restructure-status-filter').selectOption('approved');
    await expect(page.getByTestId('restructure-request').filter({ hasText: '分 24 期' })).toContainText('已批准');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Restructuring requests' })).toBeVisible();
    await shot(page, 'creditor-restructures.en');
    await page.goto('/creditor/templates');
    await page.getByTestId('template-status-filter').selectOption('');
    await expect(page.getByTestId('template-row').first()).toBeVisible();
    await shot(page, 'creditor-templates.en');
  });
});
