// The dialer's record as the evidence (issue 19): 正信's dialer has sent a week of calls
// (the demo seed). The agency's supervisor sees, per collector, the calls the rulebook
// found breaking a rule (a 22:01 call nobody logged), the shadow calls and the phantom
// action, and uploads the dialer's file (a bad row refused by row and column, then the file
// stored); the creditor compares its agencies on a chart in English; staff see the totals.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const HEADER = '记录编号,外呼线路,对方号码,开始时间,结果,坐席\r\n';
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

test.describe('[AGENCY] [CREDITOR] call records', () => {
  test('[AGENCY] a supervisor reads the violations, shadow calls and phantom actions, and uploads a dialer file', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.agencySupervisor, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '通话记录' }).click();
    await expect(page.getByRole('heading', { name: '通话与短信记录（话单）' })).toBeVisible();
    await expect(page.getByTestId('call-chart')).toBeVisible();
    await expect(page.getByTestId('call-summary-row').filter({ hasText: '郑磊' })).toBeVisible();
    expect(Number(await page.getByTestId('call-total-violations').textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('call-total-shadows').textContent())).toBeGreaterThanOrEqual(2);
    expect(Number(await page.getByTestId('call-total-phantoms').textContent())).toBeGreaterThanOrEqual(1);

    await page.getByTestId('call-filter').selectOption('violations');
    // The demo's 22:01 call (a browser test may have sent another at 22:01 before this one).
    const late = page.getByTestId('call-row').filter({ hasText: '22:01:00' }).filter({ hasText: '郑磊' }).first();
    await expect(late).toContainText('联系时段外');
    await expect(late).toContainText('影子通话');
    await page.getByTestId('call-filter').selectOption('flagged');
    await expect(page.getByTestId('call-row').first()).toContainText('禁用语');
    await page.getByTestId('call-filter').selectOption('shadow');
    // Nobody logged the 22:01 call (nor the recording spec's, also at 22:01): both are shadows.
    await expect(
      page.getByTestId('call-row').filter({ hasText: '22:01:00' }).filter({ hasText: '郑磊' }).first(),
    ).toBeVisible();
    expect(await page.getByTestId('call-row').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'agency-calls.zh-CN');

    await page.getByTestId('call-view-phantoms').click();
    await expect(page.getByTestId('phantom-row').filter({ hasText: '郑磊' }).first()).toBeVisible();

    // A dialer's file: the third row's number is not a mobile number; nothing is stored.
    const day = yesterday();
    const bad = `${HEADER}E2E-1,0571-86001234,13900007777,${day} 09:00:00,未接,\r\nE2E-2,0571-86001234,12345,${day} 09:05:00,未接,\r\n`;
    await page
      .getByTestId('call-file')
      .setInputFiles({ name: '话单.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const errors = page.getByTestId('call-file-errors');
    await expect(errors).toContainText('有 1 处错误，文件未保存');
    await expect(errors.locator('tbody tr')).toHaveCount(1);
    await expect(errors.locator('tbody tr').first()).toContainText('3');
    await expect(errors.locator('tbody tr').first()).toContainText('对方号码');
    await expect(errors.locator('tbody tr').first()).toContainText('对方号码不是有效的手机号码');
    await shot(page, 'agency-calls-file-refused.zh-CN');
    const good = `${HEADER}E2E-1,0571-86001234,13900007777,${day} 09:00:00,未接,\r\n`;
    await page
      .getByTestId('call-file')
      .setInputFiles({ name: '话单.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect(page.getByTestId('call-file-result')).toContainText('收到 1 条：保存 1 条');
    await expect(page.getByTestId('call-file-result')).toContainText('未匹配 1 条');
  });

  test('[CREDITOR] the creditor compares its agencies in English; staff see the platform’s totals', async ({
    page,
    browser,
  }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: 'Call records' }).click();
    await expect(page.getByRole('heading', { name: 'Call and message records' })).toBeVisible();
    await expect(page.getByTestId('call-chart')).toBeVisible();
    await expect(page.getByTestId('call-summary-row').first()).toContainText('正信');
    await page.getByTestId('call-filter').selectOption('violations');
    await expect(page.getByTestId('call-row').filter({ hasText: '22:01:00' }).first()).toContainText(
      'Outside contact hours',
    );
    await shot(page, 'creditor-calls.en');
    await page.getByTestId('call-view-phantoms').click();
    await expect(page.getByTestId('phantom-row').filter({ hasText: '郑磊' }).first()).toBeVisible();
    await shot(page, 'creditor-calls-phantoms.en');

    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, ACCOUNTS.platformAuditor, '/staff');
    await staff.getByTestId('portal-nav').getByRole('link', { name: '通话记录' }).click();
    await expect(staff.getByTestId('call-summary-row').first()).toContainText('正信');
    // The platform's months: this month (or the last, early in a month) holds the demo's week of calls.
    const months = staff.getByTestId('call-month-row');
    await expect(months).toHaveCount(6);
    const calls = [
      await months.nth(0).locator('td').nth(1).textContent(),
      await months.nth(1).locator('td').nth(1).textContent(),
    ];
    expect(calls.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(42);
    await shot(staff, 'staff-calls.zh-CN');
  });
});
