// Case work under the daylight rulebook (DESIGN §4): a creditor places cases with an agency
// by a direct offer; the agency accepts and assigns a case; the collector logs calls until
// the daily cap and reads the refusal with the next allowed time; a forbidden phrase in a
// note is flagged. The debtors live in a time zone where it is daytime now, so the
// contact window does not depend on when the test runs.
import { CASE_FILE_HEADERS, sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pngPhoto, wavRecording } from '../../db/seed/evidence';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const ZONES = [
  'Pacific/Pago_Pago',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Cape_Verde',
  'Europe/London',
  'Europe/Paris',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Urumqi',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Pacific/Noumea',
  'Pacific/Auckland',
  'Pacific/Tongatapu',
  'Pacific/Kiritimati',
];
const hourIn = (zone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
const ZONE = ZONES.find((z) => hourIn(z) >= 10 && hourIn(z) <= 18) ?? 'Asia/Shanghai';
const DAY = 86_400_000;
const shanghai = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const CONTRACT = 'CWE2E00000001';
// A second case of the package, for the field visit: the first is on an approved plan by then
// (current, so the stage policy allows reminders only), the second 75 days overdue.
const VISIT_CONTRACT = 'CWE2E00000002';

/** The collector finds a case in the queue by its contract number and opens it. */
const openFromQueue = async (page: Page, contractNo: string) => {
  await page.goto('/agency/cases');
  await page.getByTestId('queue-search').fill(contractNo);
  await page.getByTestId('queue-search').press('Enter');
  await page.getByRole('link', { name: contractNo }).click();
  await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
};

test.describe.configure({ mode: 'serial' });

test.describe('[AGENCY] case work under the rulebook', () => {
  test('[CREDITOR] offers a package directly to an agency, which accepts and assigns a case', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    const rows = [...sampleCaseRows(3, 'CWE2E')];
    const withZone = rows.map((r, i) => (i === 0 ? [...r, '时区'] : [...r, ZONE]));
    expect(withZone[0]?.length).toBe(CASE_FILE_HEADERS.length + 1);
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '海外借款人.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(withZone)) });
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
    await page.getByTestId('channel-visit').check();
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
    await agency.getByPlaceholder('完整合同编号').fill(VISIT_CONTRACT);
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
    await agency.locator('#tpl-body').fill('再不还款就爆通讯录，去你 單位 闹');
    await agency.getByTestId('template-submit').click();
    await expect(agency.getByTestId('tpl-body-error')).toHaveText(
      '模板含禁用语：“去你单位闹”（到单位、公司闹事）、“爆通讯录”（曝光、爆通讯录），不能提交',
    );
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

  test('[AGENCY] a collector logs calls until the daily cap and reads when the next call is allowed', async ({
    page,
  }) => {
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
    // A promise without its amount and day is refused in the browser, in the server's words, before any request.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/trpc')) requests.push(r.url());
    });
    await page.locator('#action-outcome').selectOption('promise_to_pay');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('promiseAmount-error')).toHaveText('承诺还款须填写大于 0 的金额');
    await expect(page.getByTestId('promiseDate-error')).toHaveText('必填');
    await page.locator('#promiseAmount').fill('12.345');
    await expect(page.getByTestId('promiseAmount-error')).toHaveText('请输入不小于 0 的金额（最多两位小数）');
    expect(requests).toEqual([]);
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

  test('[AGENCY] a field visit with a photo and an audio file appears on the creditor’s case page', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await openFromQueue(page, VISIT_CONTRACT);
    const plan = page.getByTestId('visit-plan');
    const dayAfterTomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
      new Date(Date.now() + 2 * DAY),
    );
    await plan.locator('#visit-date').fill(dayAfterTomorrow);
    await plan.locator('#visit-time').fill('11:00');
    await plan.locator('#visit-address').fill('上海市浦东新区张杨路 500 号 12 楼');
    await plan.locator('#visit-purpose').fill('核实居住情况，当面协商还款');
    // One person is not enough: the button waits for a second.
    await plan.getByLabel('郑磊').check();
    await expect(page.getByTestId('visit-plan-submit')).toBeDisabled();
    await plan.getByLabel('吴秀英').check();
    await page.getByTestId('visit-plan-submit').click();
    await expect(page.getByTestId('visit-planned')).toBeVisible();
    const visit = page.getByTestId('visit').first();
    await expect(visit).toHaveAttribute('data-status', 'planned');
    await expect(visit.getByTestId('visit-staff')).toContainText('郑磊');
    await visit.getByTestId('visit-outcome').selectOption('answered');
    await visit.getByTestId('visit-note').fill('见到债务人本人，称月底前筹款；全程录音');
    await visit.getByTestId('visit-record-submit').click();
    await expect(visit).toHaveAttribute('data-status', 'visited');
    await expect(page.getByTestId('action-row').first()).toContainText('外访');

    // A renamed executable is refused from its bytes; the photo and the recording are taken.
    await visit.getByTestId('evidence-input').setInputFiles([
      { name: '现场录像.mp4', mimeType: 'video/mp4', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a video') },
      { name: '门牌.png', mimeType: 'image/png', buffer: Buffer.from(pngPhoto(320, 240, 11)) },
      { name: '现场录音.wav', mimeType: 'audio/wav', buffer: Buffer.from(wavRecording(2)) },
    ]);
    await expect(visit.getByTestId('evidence-uploaded')).toHaveText('已上传 2 份证据');
    await expect(visit.getByTestId('evidence-error')).toContainText('现场录像.mp4：不接受这种文件');
    await expect(visit.getByTestId('evidence-item')).toHaveCount(2);
    await shot(page, 'agency-case-visit.zh-CN');

    // The creditor opens the case from its list and sees the visit with both files, served after their hash check.
    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorViewer, '/creditor');
    await creditor.goto('/creditor/cases');
    await creditor.getByPlaceholder('合同编号').fill(VISIT_CONTRACT);
    await creditor.getByPlaceholder('合同编号').blur();
    await creditor.getByRole('link', { name: VISIT_CONTRACT }).click();
    await creditor.waitForURL(/\/creditor\/cases\/[0-9a-f-]{36}$/);
    const seen = creditor.getByTestId('record-visits').getByTestId('visit').first();
    await expect(seen).toContainText('上海正信资产管理有限公司');
    await expect(seen.getByTestId('visit-staff')).toContainText('吴秀英');
    const photo = seen.getByTestId('evidence-photo');
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    const audio = seen.getByTestId('evidence-audio');
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState >= 1 && Math.round(a.duration)))
      .toBe(2);
    await expect(creditor.getByTestId('record-action').first()).toContainText('外访');
    await shot(creditor, 'creditor-case-record.zh-CN');
    await useLanguage(creditor, 'en');
    await creditor.reload();
    await expect(creditor.getByRole('heading', { level: 2, name: 'Visits and evidence' })).toBeVisible();
    await expect(creditor.getByTestId('evidence-item')).toHaveCount(2);
    await shot(creditor, 'creditor-case-record.en');

    // The platform's auditor reads the same record; the read is audited.
    const staffPage = await (await browser.newContext()).newPage();
    await signInAs(staffPage, ACCOUNTS.platformAuditor, '/staff');
    await staffPage.goto(new URL(creditor.url()).pathname.replace('/creditor/', '/staff/'));
    await expect(staffPage.getByTestId('evidence-item')).toHaveCount(2);
    await expect(staffPage.getByTestId('evidence-hash').first()).toContainText(/[0-9a-f]{64}/);
    await shot(staffPage, 'staff-case-record.zh-CN');
    await staffPage.getByTestId('portal-nav').getByRole('link', { name: '外访与证据' }).click();
    await expect(staffPage.getByTestId('visit-list-row').filter({ hasText: VISIT_CONTRACT })).toContainText(
      '照片 1 · 录音 1 · 录像 0',
    );
    await shot(staffPage, 'staff-visits.zh-CN');
    // The demo visit of two days ago came without video: flagged by the 24-hour check.
    await staffPage.getByTestId('visit-flagged-only').check();
    await expect(staffPage.getByTestId('visit-list-row').first().getByTestId('visit-flag')).toHaveText(
      '24 小时内缺少录像',
    );
    await expect(staffPage.getByTestId('visit-list-row').filter({ hasText: VISIT_CONTRACT })).toHaveCount(0);
    await shot(staffPage, 'staff-visits-flagged.zh-CN');
    await staffPage.getByTestId('visit-list-row').first().getByRole('link').click();
    await expect(staffPage.getByTestId('visit').filter({ hasText: '已外访' }).getByTestId('visit-flag')).toHaveText(
      '24 小时内缺少录像',
    );
    await shot(staffPage, 'staff-case-flagged-visit.zh-CN');
    await staffPage.goBack();
    await staffPage.getByTestId('visit-flagged-only').uncheck();
    await useLanguage(staffPage, 'en');
    await staffPage.reload();
    await expect(staffPage.getByTestId('visit-list-row').filter({ hasText: VISIT_CONTRACT })).toContainText(
      '1 photo · 1 audio · 0 video',
    );
    await shot(staffPage, 'staff-visits.en');
    await staffPage
      .getByTestId('visit-list-row')
      .filter({ hasText: VISIT_CONTRACT })
      .getByRole('link', { name: VISIT_CONTRACT })
      .click();
    await expect(staffPage.getByRole('heading', { level: 2, name: 'Visits and evidence' })).toBeVisible();
    await shot(staffPage, 'staff-case-record.en');
    await creditor.goto('/creditor/visits');
    await expect(creditor.getByTestId('visit-list-row').filter({ hasText: VISIT_CONTRACT })).toContainText(
      '上海正信资产管理有限公司',
    );
    await shot(creditor, 'creditor-visits.en');
    await useLanguage(creditor, 'zh-CN');
    await creditor.reload();
    await expect(creditor.getByTestId('visit-list-row').filter({ hasText: VISIT_CONTRACT })).toContainText(
      '照片 1 · 录音 1 · 录像 0',
    );
    await shot(creditor, 'creditor-visits.zh-CN');

    // In English on the agency side.
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('visit').first()).toContainText('visited');
    await shot(page, 'agency-case-visit.en');
  });

  test('[AGENCY] a long video uploads with its progress shown; one over 200 MB is refused', async ({
    page,
  }, testInfo) => {
    // Real files on disk (too large to pass as buffers): an MP4 header, then filler.
    const video = async (name: string, mb: number) => {
      const file = testInfo.outputPath(name);
      await mkdir(path.dirname(file), { recursive: true });
      const out = createWriteStream(file);
      const piece = Buffer.alloc(1024 * 1024, 7);
      out.write(
        Buffer.from([
          0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70,
          0x34, 0x32,
        ]),
      );
      for (let i = 0; i < mb; i += 1) if (!out.write(piece)) await once(out, 'drain');
      out.end();
      await once(out, 'close');
      return file;
    };
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    await page.getByTestId('queue-search').fill(VISIT_CONTRACT);
    await page.getByTestId('queue-search').press('Enter');
    await page.getByRole('link', { name: VISIT_CONTRACT }).click();
    const visit = page.getByTestId('visit').first();
    await visit.getByTestId('evidence-input').setInputFiles(await video('全程录像.mp4', 190));
    await expect(visit.getByTestId('evidence-progress')).toBeVisible();
    await shot(page, 'agency-visit-video-progress.zh-CN');
    await expect(visit.getByTestId('evidence-uploaded')).toHaveText('已上传 1 份证据', { timeout: 120_000 });
    await expect(visit.getByTestId('evidence-video')).toBeVisible();
    await visit.getByTestId('evidence-input').setInputFiles(await video('超长录像.mp4', 300));
    await expect(visit.getByTestId('evidence-error')).toHaveText('超长录像.mp4：文件超过 200 MB 上限', {
      timeout: 120_000,
    });
    await expect(visit.getByTestId('evidence-item')).toHaveCount(3);
  });

  test('[AGENCY] reports a repayment with its receipt; [CREDITOR] confirms it and the balance moves', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    await page.getByTestId('queue-search').fill(CONTRACT);
    await page.getByTestId('queue-search').press('Enter');
    await page.getByRole('link', { name: CONTRACT }).click();
    // The approved 10% reduction is what the case owes now.
    await expect(page.getByTestId('repayment-balance')).toHaveText('应还 ¥2,893.05 · 已确认 ¥0.00 · 尚欠 ¥2,893.05');
    const form = page.getByTestId('repayment-form');
    await form.locator('#rp-amount').fill('99999');
    await form.locator('#rp-payer').fill('本人');
    await page.getByTestId('repayment-submit').click();
    await expect(form.getByTestId('rp-amount-error')).toHaveText(
      '还款金额超过案件尚未结清的余额 ¥2893.05（已确认和待确认的还款已扣除）',
    );
    await form.locator('#rp-amount').fill('500');
    await form.locator('#rp-channel').selectOption('alipay');
    await form.locator('#rp-reference').fill('2026112322001400001');
    await form
      .getByTestId('rp-receipt')
      .setInputFiles({ name: '支付宝转账.png', mimeType: 'image/png', buffer: Buffer.from(pngPhoto(200, 360, 21)) });
    await page.getByTestId('repayment-submit').click();
    await expect(page.getByTestId('repayment-reported')).toBeVisible();
    await expect(page.getByTestId('repayment').first()).toContainText('¥500.00');
    await expect(page.getByTestId('repayment').first()).toContainText('待确认');
    await shot(page, 'agency-case-repayment.zh-CN');

    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.getByTestId('portal-nav').getByRole('link', { name: '还款确认' }).click();
    const row = creditor.getByTestId('repayment-row').filter({ hasText: CONTRACT });
    await expect(row).toContainText('¥500.00');
    await expect(row).toContainText('支付宝');
    await shot(creditor, 'creditor-repayments.zh-CN');
    await row.getByTestId('repayment-confirm').click();
    await expect(creditor.getByTestId('repayment-row').filter({ hasText: CONTRACT })).toHaveCount(0);
    await creditor.getByTestId('repayment-status-filter').selectOption('confirmed');
    await expect(creditor.getByTestId('repayment-row').filter({ hasText: CONTRACT })).toContainText('已确认');
    await useLanguage(creditor, 'en');
    await creditor.reload();
    await creditor.getByTestId('repayment-status-filter').selectOption('');
    await expect(creditor.getByTestId('repayment-row').filter({ hasText: CONTRACT })).toContainText('confirmed');
    await shot(creditor, 'creditor-repayments.en');
    await creditor.getByRole('link', { name: CONTRACT }).first().click();
    await expect(creditor.getByTestId('repayment-balance')).toHaveText(
      'Due ¥2,893.05 · confirmed ¥500.00 · open ¥2,393.05',
    );

    await page.reload();
    await expect(page.getByTestId('repayment-balance')).toHaveText('应还 ¥2,893.05 · 已确认 ¥500.00 · 尚欠 ¥2,393.05');
    await expect(page.getByTestId('repayment').first()).toContainText('已确认');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('repayment').first()).toContainText('confirmed');
    await shot(page, 'agency-case-repayment.en');
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
    // Two reasons: the day's cap, and the stage (on an approved plan not yet due, reminders only).
    await expect(
      page.getByTestId('verdict-refused').filter({ hasText: '3 effective calls with the debtor today' }),
    ).toBeVisible();
    await expect(
      page.getByTestId('verdict-refused').filter({ hasText: 'The stage policy allows this contact from day 6' }),
    ).toBeVisible();
    await expect(page.getByTestId('stage-hint')).toContainText('Reminders');
    await shot(page, 'agency-case-work.en');
    await page.goto('/agency/templates');
    await expect(page.getByTestId('template-row').first()).toContainText('Approved');
    await shot(page, 'agency-templates.en');
  });

  test('[CREDITOR] sees the agency’s work live, flagged actions included, in Chinese and English', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '催收动态' }).click();
    // The three calls logged above, beside the week of calls the demo's collectors logged.
    const zhengxin = page.getByTestId('intensity-row').filter({ hasText: '上海正信资产管理有限公司' });
    await expect(zhengxin).toContainText(/\d+ 次电话，接通 \d+ 次/);
    const [, calls, answered] = /(\d+) 次电话，接通 (\d+) 次/.exec((await zhengxin.textContent()) ?? '') ?? [];
    expect(Number(calls)).toBeGreaterThanOrEqual(3);
    expect(Number(answered)).toBeGreaterThanOrEqual(3);
    await page.getByTestId('flagged-only').check();
    await expect(page.getByTestId('activity-row').first()).toContainText('禁用语“曝光、爆通讯录”：爆通讯录');
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

  test('[AGENCY] records the debtor’s request for letters only; a disputed debt pauses the case', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await openFromQueue(page, VISIT_CONTRACT);
    // A request with nothing in it is refused, naming what is missing.
    const form = page.getByTestId('contact-request-form');
    await form.getByTestId('request-note').fill('债务人来电');
    await form.getByTestId('contact-request-save').click();
    await expect(page.getByTestId('contact-request-error')).toContainText('请至少选择一种停止的方式');
    // Letters only: the rulebook refuses the call from now on, for every agency holding the case.
    await form.getByTestId('letters-only').click();
    await form.getByTestId('request-note').fill('债务人来电要求今后只以信函联系');
    await form.getByTestId('contact-request-save').click();
    await expect(page.getByTestId('contact-request-in-force')).toContainText(
      '不再通过电话、短信、外访、律师函、电子邮件联系',
    );
    await expect(page.getByTestId('verdict-refused')).toContainText('债务人已要求不再通过这种方式联系');
    await shot(page, 'agency-contact-request.zh-CN');
    // The debtor withdraws it on the next call; that call disputes the debt: collection stops at once.
    await form.getByTestId('request-note').fill('债务人撤回只以信函联系的要求');
    await form.getByTestId('contact-request-save').click();
    await expect(page.getByTestId('contact-request-in-force')).toContainText('债务人撤回了此前的要求');
    await expect(page.getByTestId('verdict-allowed')).toBeVisible();
    await page.locator('#action-outcome').selectOption('dispute');
    await page.locator('#action-note').fill('债务人称该笔借款已于上月在 App 内结清，要求核实');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('hold-banner')).toContainText('催收已暂停：债务人对债务提出异议。');
    await expect(page.getByTestId('verdict-refused')).toContainText('债务人对债务提出异议，本案催收暂停至委托方答复');
    await shot(page, 'agency-case-disputed.zh-CN');
  });

  test('[CREDITOR] finds the paused case and continues collection with its reason, in Chinese and English', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '暂停催收' }).click();
    const row = page.getByTestId('hold-row').filter({ hasText: VISIT_CONTRACT });
    await expect(row).toContainText('债务人对债务提出异议');
    await expect(row).toContainText('等待委托方决定');
    await shot(page, 'creditor-holds.zh-CN');
    await row.getByRole('link', { name: VISIT_CONTRACT }).click();
    await page.waitForURL(/\/creditor\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('hold-banner')).toBeVisible();
    const hold = page.getByTestId('hold').first();
    await hold.getByTestId('hold-continue').click();
    await expect(hold.getByTestId(/hold-reason-.*-error/)).toBeVisible();
    await hold.getByTestId('hold-reason').fill('已核对还款流水，该笔借款未结清，欠款属实');
    await shot(page, 'creditor-case-hold.zh-CN');
    await hold.getByTestId('hold-continue').click();
    await expect(hold.getByTestId('hold-answer')).toContainText('欠款属实');
    await expect(page.getByTestId('hold-banner')).toHaveCount(0);
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('hold').first()).toContainText('Collection continues');
    await shot(page, 'creditor-case-hold.en');
    await page.goto('/creditor/holds');
    await page.getByTestId('holds-filter').selectOption('answered');
    await expect(page.getByTestId('hold-row').filter({ hasText: VISIT_CONTRACT })).toContainText(
      'Collection continues',
    );
    await shot(page, 'creditor-holds.en');
  });

  test('[AGENCY] reads the creditor’s answer and the debtor’s requests in English', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await openFromQueue(page, VISIT_CONTRACT);
    await expect(page.getByTestId('hold-banner')).toHaveCount(0);
    await expect(page.getByTestId('hold').first()).toContainText('Collection continues');
    await expect(page.getByTestId('contact-request-in-force')).toContainText('The debtor withdrew the earlier request');
    await expect(page.getByTestId('verdict-allowed')).toBeVisible();
    await shot(page, 'agency-contact-request.en');
  });
});
