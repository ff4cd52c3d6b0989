// Case import (DESIGN §6): a file lands whole or not at all. A creditor uploads a GBK file
// with bad rows, reads every reason by row and column, downloads the report, fixes the
// file and imports it; a file missing required columns is refused naming all of them.
// An imported case the creditor cannot recover is closed (核销, DESIGN §3) with a reason,
// after a confirmation; its page then shows the day and the reason, to a viewer too.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CASE_FILE_HEADERS, sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const upload = async (page: import('@playwright/test').Page, name: string, bytes: Buffer) => {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
};

test.describe('[CREDITOR] case import', () => {
  test('[CREDITOR] a file with bad rows is refused with a report; the fixed file lands', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '案件导入' }).click();
    await expect(page.getByTestId('import-required-columns')).toContainText('身份证号');
    await shot(page, 'creditor-imports.zh-CN');

    const good = [...sampleCaseRows(20, 'E2E')];
    const bad = good.map((r, i) =>
      i === 3
        ? r.map((v, c) => (c === 2 ? '110105199001011230' : v))
        : i === 8
          ? r.map((v, c) => (c === 3 ? '12345' : c === 4 ? '12.345' : v))
          : r,
    );
    await upload(page, '华信逾期案件.csv', iconv.encode(toCsv(bad), 'gbk'));
    await page.waitForURL(/\/creditor\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-rejected')).toContainText('发现 3 处错误，没有导入任何案件');
    await expect(page.getByTestId('import-error-row')).toHaveCount(3);
    await expect(page.getByTestId('import-error-row').nth(0)).toContainText('4身份证号不是有效的 18 位身份证号');
    await expect(page.getByTestId('import-error-row').nth(1)).toContainText('9手机号不是有效的大陆手机号');
    await expect(page.getByTestId('import-error-row').nth(2)).toContainText('9放款金额金额应为元，最多两位小数');
    await shot(page, 'creditor-import-rejected.zh-CN');

    const download = page.waitForEvent('download');
    await page.getByTestId('import-report').click();
    const report = await readFile((await (await download).path()) ?? '', 'utf8');
    expect(report.trim().split('\r\n')).toHaveLength(4);
    expect(report).toContain('4,身份证号,');

    await page.getByTestId('import-again').click();
    await upload(page, '华信逾期案件-已修改.csv', iconv.encode(toCsv(good), 'gbk'));
    await page.waitForURL(/\/creditor\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 20 件案件。');
    await shot(page, 'creditor-import-succeeded.zh-CN');
    await page.getByText('返回导入记录').click();
    await expect(page.getByTestId('import-row').first()).toContainText('已导入');
    await expect(page.getByTestId('import-row').nth(1)).toContainText('未导入');
  });

  test('[CREDITOR] in English: a file missing required columns names every one', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await shot(page, 'creditor-imports.en');
    const headers = CASE_FILE_HEADERS.filter((h) => h !== '身份证号' && h !== '逾期天数');
    await upload(page, 'cases.csv', Buffer.from(`\uFEFF${toCsv([headers, headers.map(() => 'x')])}`));
    await expect(page.getByTestId('import-file-error')).toHaveText(
      'Required columns missing: 身份证号 (id_number)、逾期天数 (days_overdue)',
    );
    await shot(page, 'creditor-import-file-error.en');
    // The rejected import of the first test, read in English.
    await page.goto('/creditor/imports');
    await page.getByRole('link', { name: '华信逾期案件.csv' }).click();
    await expect(page.getByTestId('import-rejected')).toContainText('3 errors; no case was imported');
    await expect(page.getByTestId('import-error-row').first()).toContainText(
      'Not a valid 18-character resident ID number',
    );
    await shot(page, 'creditor-import-rejected.en');
  });
  test('[CREDITOR] a 20,000-row GB18030 file: 200 bad rows all named; fixed, the bar rises while the rows are checked, then every case lands', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // Contract numbers of this run only, so the spec also runs against a deployment that keeps its data.
    const rows = [...sampleCaseRows(20_000, `BIG${Date.now().toString(36).toUpperCase()}`)];
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    // First with a bad ID number on every hundredth row: all 200 are named, nothing lands.
    const bad = rows.map((r, i) =>
      i > 0 && i % 100 === 0 ? r.map((v, c) => (c === 2 ? '110105199001011230' : v)) : r,
    );
    await upload(page, '华信-两万行-有错.csv', iconv.encode(toCsv(bad), 'gb18030'));
    await page.waitForURL(/\/creditor\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-rejected')).toContainText('发现 200 处错误，没有导入任何案件', {
      timeout: 180_000,
    });
    await expect(page.getByTestId('import-error-row')).toHaveCount(200);
    await expect(page.getByTestId('import-error-row').last()).toContainText('20001身份证号');
    await page.getByTestId('import-again').click();
    await upload(page, '华信-两万行.csv', iconv.encode(toCsv(rows), 'gb18030'));
    await page.waitForURL(/\/creditor\/imports\/[0-9a-f-]{36}$/);
    // The page polls: the rows read go up while the job checks them. The last figure saved while
    // checking may be the last one the page sees before writing starts: once the bar says every row
    // was checked (or the file has landed), all 20,000 have been read.
    const bar = page.getByTestId('import-progress');
    const barText = async () => (await bar.textContent({ timeout: 1_000 }).catch(() => '')) ?? '';
    const figure = (m: RegExpMatchArray | null | undefined) => Number(m?.[1]?.replace(/,/g, '') ?? 0);
    const checkedRows = async () => figure((await barText()).match(/已读 ([\d,]+) 行/));
    const readRows = async () => {
      if (await page.getByTestId('import-succeeded').isVisible()) return rows.length - 1;
      const text = await barText();
      return figure(
        text.match(/已读 ([\d,]+) 行/) ??
          text.match(/([\d,]+) 行已检查通过/) ??
          text.match(/正在写入：[\d,]+ \/ ([\d,]+) 行/),
      );
    };
    await expect.poll(checkedRows, { timeout: 120_000, intervals: [250] }).toBeGreaterThan(0);
    const first = await checkedRows();
    await shot(page, 'creditor-import-progress.zh-CN');
    await expect.poll(readRows, { timeout: 120_000, intervals: [250] }).toBeGreaterThan(first);
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('import-working').or(page.getByTestId('import-succeeded'))).toBeVisible();
    if (await page.getByTestId('import-working').isVisible()) await shot(page, 'creditor-import-progress.en');
    await expect(page.getByTestId('import-succeeded')).toHaveText('20,000 cases imported.', { timeout: 180_000 });
    await shot(page, 'creditor-import-big-succeeded.en');
  });

  test('[CREDITOR] closes an imported case as unrecoverable with a reason; a viewer reads why, without the form', async ({
    page,
    browser,
  }) => {
    const contract = 'WOE2E00000000';
    const reason = '债务人已身故，法院裁定终结执行，无遗产可供清偿';
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await upload(page, '华信-待核销.csv', Buffer.from(`\uFEFF${toCsv(sampleCaseRows(2, 'WOE2E'))}`));
    await expect(page.getByTestId('import-succeeded')).toHaveText('已导入 2 件案件。');
    await page.goto('/creditor/cases');
    await page.getByPlaceholder('合同编号').fill(contract);
    await page.getByPlaceholder('合同编号').blur();
    await page.getByRole('link', { name: contract }).click();
    await page.waitForURL(/\/creditor\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();

    await expect(page.getByTestId('close-open')).toBeDisabled();
    await page.getByTestId('close-reason').fill(reason);
    await shot(page, 'creditor-case-close.zh-CN');
    await page.getByTestId('close-open').click();
    await expect(page.getByRole('dialog')).toContainText(`确定将案件 ${contract} 核销为无法回收？`);
    await page.screenshot({ path: 'test-results/screenshots/creditor-case-close-confirm.zh-CN.png' });
    await page.getByTestId('close-confirm').click();
    await expect(page.getByTestId('case-closed-reason')).toHaveText(reason);
    await expect(page.getByTestId('case-closed-on')).toHaveText(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    await expect(page.getByTestId('close-case')).toHaveCount(0);
    await expect(page.locator('main')).toContainText('无法回收');
    await shot(page, 'creditor-case-closed.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('case-closed')).toContainText('Closed on');
    await expect(page.locator('main')).toContainText('Unrecoverable');
    await shot(page, 'creditor-case-closed.en');

    // A viewer reads the closed case, and gets no form on an open one.
    const viewer = await (await browser.newContext()).newPage();
    await signInAs(viewer, ACCOUNTS.creditorViewer, '/creditor');
    await viewer.goto(caseUrl);
    await expect(viewer.getByTestId('case-closed-reason')).toHaveText(reason);
    await viewer.goto('/creditor/cases');
    await viewer.getByPlaceholder('合同编号').fill('WOE2E00000001');
    await viewer.getByPlaceholder('合同编号').blur();
    await viewer.getByRole('link', { name: 'WOE2E00000001' }).click();
    await viewer.waitForURL(/\/creditor\/cases\/[0-9a-f-]{36}$/);
    await expect(viewer.getByTestId('record-actions')).toBeVisible();
    await expect(viewer.getByTestId('close-case')).toHaveCount(0);
  });
});
