// Money (DESIGN §3): the agency reports a repayment paid last month on a case of its
// commission; the creditor confirms it; last month's statement shows the commission at
// the winning bid's rate beside the demo's earlier line; both sides agree it, the
// creditor marks it paid, and the statement downloads as a workbook.
import { readFile } from 'node:fs/promises';
import { ACCOUNTS, expect, pdfToPng, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe.configure({ mode: 'serial' });

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The last day of last month (Beijing), `YYYY-MM-DD`. */
const lastMonthEnd = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(new Date(`${beijingToday().slice(0, 7)}-01T12:00:00+08:00`).getTime() - 86_400_000),
  );
const REFERENCE = 'E2E-STATEMENT-0001';
const DEMO_CASE = 'HX202600000003';
const WAITING_REFERENCE = '4200001234202611230001';

test.describe('[CREDITOR] repayments and the monthly statement', () => {
  test('[AGENCY] reports a repayment paid last month; [CREDITOR] confirms it', async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    // The demo case visited two days ago: in the package 正信 has held for a month.
    await page.getByTestId('queue-search').fill(DEMO_CASE);
    await page.getByTestId('queue-search').press('Enter');
    await page.getByRole('link', { name: DEMO_CASE }).click();
    await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
    const form = page.getByTestId('repayment-form');
    await form.locator('#rp-amount').fill('100');
    await form.locator('#rp-paidOn').fill(lastMonthEnd());
    await form.locator('#rp-payer').fill('本人');
    await form.locator('#rp-reference').fill(REFERENCE);
    await page.getByTestId('repayment-submit').click();
    await expect(page.getByTestId('repayment-reported')).toBeVisible();
    // The same payment again is refused as a duplicate.
    await form.locator('#rp-amount').fill('100');
    await form.locator('#rp-paidOn').fill(lastMonthEnd());
    await form.locator('#rp-reference').fill(REFERENCE);
    await page.getByTestId('repayment-submit').click();
    await expect(form.getByTestId('rp-reference-error')).toContainText('疑似重复');

    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.goto('/creditor/repayments');
    const row = creditor.getByTestId('repayment-row').filter({ hasText: REFERENCE });
    await expect(row).toContainText('¥100.00');
    await row.getByTestId('repayment-confirm').click();
    await expect(creditor.getByTestId('repayment-row').filter({ hasText: REFERENCE })).toHaveCount(0);
  });

  test('[CREDITOR] draws up last month’s statement; both sides agree; it is paid and downloads', async ({
    page,
    browser,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '佣金结算' }).click();
    // This month has not ended.
    await page.locator('#statement-month').fill(beijingToday().slice(0, 7));
    await page.getByTestId('statement-generate').click();
    await expect(page.getByTestId('statement-month-error')).toContainText('还没有结束');
    await page.locator('#statement-month').fill(lastMonthEnd().slice(0, 7));
    await page.getByTestId('statement-generate').click();
    await expect(page.getByTestId('statement-generated')).toHaveText('已生成 1 份结算单');
    await shot(page, 'creditor-statements.zh-CN');
    await page.getByTestId('statement-row').first().getByRole('link').click();
    // The demo's ¥1,500.00 at 23% and this ¥100.00 at 23%.
    await expect(page.getByTestId('statement-sum')).toHaveText('合计 2 笔：回款 ¥1,600.00，佣金 ¥368.00');
    await expect(page.getByTestId('statement-line')).toHaveCount(2);
    await page.getByTestId('statement-agree').click();
    await expect(page.getByTestId('statement-agree')).toHaveCount(0);
    await shot(page, 'creditor-statement.zh-CN');
    const statementPath = new URL(page.url()).pathname;

    const agency = await (await browser.newContext()).newPage();
    await signInAs(agency, ACCOUNTS.agencyAdmin, '/agency');
    await agency.goto(statementPath.replace('/creditor/', '/agency/'));
    await expect(agency.getByTestId('statement-sum')).toContainText('¥368.00');
    await agency.getByTestId('statement-agree').click();
    await expect(agency.locator('main')).toContainText('双方已确认');
    await useLanguage(agency, 'en');
    await agency.reload();
    await expect(agency.getByTestId('statement-sum')).toHaveText('2 lines: repaid ¥1,600.00, commission ¥368.00');
    await shot(agency, 'agency-statement.en');

    await page.reload();
    await page.getByTestId('statement-pay').click();
    await expect(page.locator('main')).toContainText('已付款');
    const download = page.waitForEvent('download');
    await page.getByTestId('statement-export').click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of file) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    const pdf = page.waitForEvent('download');
    await page.getByTestId('statement-pdf').click();
    const pdfBytes = await readFile((await (await pdf).path()) ?? '');
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await pdfToPng(pdfBytes, 'statement-pdf.zh-CN');
    await useLanguage(page, 'en');
    await page.goto('/creditor/statements');
    await expect(page.getByTestId('statement-row').first()).toContainText('paid');
    await shot(page, 'creditor-statements.en');
    await agency.goto('/agency/statements');
    await expect(agency.getByTestId('statement-row').first()).toContainText('¥368.00');
    await useLanguage(agency, 'zh-CN');
    await agency.reload();
    await shot(agency, 'agency-statements.zh-CN');
  });

  test('[CREDITOR] the recovery dashboard: money per month by agency as a chart beside its table, and each agency’s rate', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '回收看板' }).click();
    await expect(page.getByTestId('recovery-agency').filter({ hasText: '上海正信资产管理有限公司' })).toContainText(
      '%',
    );
    await expect(page.getByTestId('recovery-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('recovery-month').filter({ hasText: lastMonthEnd().slice(0, 7) })).toContainText(
      '¥1,600.00',
    );
    // The demo commission's curve, open debts by bucket, and 正信's promises and flags.
    await expect(page.getByTestId('recovery-curves').locator('.recharts-legend-item').first()).toBeVisible();
    await expect(page.getByTestId('ageing-row').first()).toContainText('¥');
    await expect(page.getByTestId('quality-agency').filter({ hasText: '上海正信资产管理有限公司' })).toBeVisible();
    await shot(page, 'creditor-dashboard.zh-CN');
    const download = page.waitForEvent('download');
    await page.getByTestId('dashboard-export').click();
    expect((await download).suggestedFilename()).toMatch(/^回收看板 \d{4}-\d{2} 至 \d{4}-\d{2}\.xlsx$/);
    // A range that ends before it starts is refused on its field.
    await page.locator('#dash-from').fill('2030-01');
    await expect(page.getByTestId('dash-from-error')).toHaveText('开始月份不能晚于结束月份');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Recovery' })).toBeVisible();
    await shot(page, 'creditor-dashboard.en');
  });

  test('[AGENCY] its money: commission earned and paid, repayments waiting, by month as a chart', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.getByTestId('portal-nav').getByRole('link', { name: '回款与佣金' }).click();
    // The paid statement's ¥368.00 is earned and paid; nothing of it is pending.
    await expect(page.getByTestId('money-pending')).toContainText('已付款 ¥368.00');
    await expect(page.getByTestId('agency-money-month').filter({ hasText: lastMonthEnd().slice(0, 7) })).toContainText(
      '¥368.00',
    );
    await expect(page.getByTestId('agency-money-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await shot(page, 'agency-money.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Repayments and commission' })).toBeVisible();
    await shot(page, 'agency-money.en');
  });
  test('[CREDITOR] a repayment file from the loan system confirms the waiting report and records a direct payment; a bad row stops it all', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/repayments');
    // The demo's report waiting for the creditor: ¥800.00 by WeChat today.
    const waiting = page.getByTestId('repayment-row').filter({ hasText: WAITING_REFERENCE });
    const contract = (await waiting.getByRole('link').first().textContent())?.trim() ?? '';
    expect(contract).toMatch(/^HX\d+$/);
    const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    const head = ['合同编号', '还款金额', '还款日期', '交易流水号', '还款渠道'];
    const good = [contract, '800.00', beijingToday(), WAITING_REFERENCE, '微信支付'];
    const direct = [DEMO_CASE, '50', beijingToday(), 'E2E-DIRECT-0001', '支付宝'];

    await page.getByTestId('import-file').setInputFiles({
      name: '还款流水-有错.csv',
      mimeType: 'text/csv',
      buffer: csv([head, good, ['HX999999999999', '1', beijingToday(), '', '']]),
    });
    await page.waitForURL(/\/creditor\/repayments\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-rejected')).toContainText('没有确认或登记任何还款');
    await expect(page.getByTestId('import-error-row')).toHaveText([
      /3\s*合同编号\s*没有合同编号为“HX999999999999”的本机构案件/,
    ]);
    await shot(page, 'creditor-repayment-import-rejected.zh-CN');
    await page.getByTestId('import-again').click();
    await expect(page.getByTestId('repayment-row').filter({ hasText: WAITING_REFERENCE })).toBeVisible();

    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '还款流水.csv', mimeType: 'text/csv', buffer: csv([head, good, direct]) });
    await page.waitForURL(/\/creditor\/repayments\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-succeeded')).toHaveText('文件共 2 行，已全部对账入账。');
    await expect(page.getByTestId('summary-matched')).toHaveText('1');
    await expect(page.getByTestId('summary-direct')).toHaveText('1');
    await expect(page.getByTestId('summary-amount')).toHaveText('¥850.00');
    await shot(page, 'creditor-repayment-import.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('import-succeeded')).toHaveText('All 2 rows reconciled and recorded.');
    await shot(page, 'creditor-repayment-import.en');

    await page.getByRole('link', { name: 'Back to repayments' }).click();
    // Nothing waits any more; both show as confirmed, the direct one recorded by the creditor.
    await expect(page.getByTestId('repayment-row').filter({ hasText: WAITING_REFERENCE })).toHaveCount(0);
    await page.getByTestId('repayment-status-filter').selectOption('confirmed');
    await expect(page.getByTestId('repayment-row').filter({ hasText: 'E2E-DIRECT-0001' })).toContainText('¥50.00');
    await expect(page.getByTestId('imports-table').getByTestId('import-row').first()).toContainText(
      'Reports confirmed 1 · direct payments 1 · ¥850.00 in all',
    );
    await shot(page, 'creditor-repayments.en');
  });
  test('[CREDITOR] exports the confirmed repayments and the cases of a bucket in the background, then downloads them', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await page.goto('/creditor/repayments');
    await page.getByTestId('repayment-status-filter').selectOption('confirmed');
    // The page exports its repayments and, separately, its repayment files.
    const exporter = page.locator('[data-testid="export"][data-list="creditor.repayments"]');
    await exporter.getByTestId('export-format').selectOption('csv');
    await exporter.getByTestId('export-start').click();
    await expect(exporter.getByTestId('export-done')).toContainText('已导出', { timeout: 30_000 });
    const csv = page.waitForEvent('download');
    await exporter.getByTestId('export-download').click();
    const text = (await readFile((await (await csv).path()) ?? '')).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF合同编号,处置机构,金额（元）,还款日期,还款方式,付款人,交易流水号,来源,状态,报告时间',
    );
    expect(text).toContain('E2E-STATEMENT-0001');
    expect(text).not.toContain('待确认');
    await shot(page, 'creditor-repayments-export.zh-CN');

    await page.goto('/creditor/cases');
    await page.getByTestId('case-bucket-filter').selectOption('4');
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('export-done')).toContainText('已导出', { timeout: 30_000 });
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    expect((await xlsx).suggestedFilename()).toMatch(/^案件 \d{4}-\d{2}-\d{2}\.xlsx$/);
    await useLanguage(page, 'en');
    await page.reload();
    // The same bucket again (a reload clears the filters): not every case the suite imported.
    await page.getByTestId('case-bucket-filter').selectOption('4');
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('export-done')).toContainText('rows exported', { timeout: 30_000 });
    await shot(page, 'creditor-cases-export.en');
  });
});
