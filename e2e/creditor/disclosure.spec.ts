// The monthly collection disclosure (每月催收数据公布): the creditor reads last month's
// figures beside a chart, downloads the PDF (rendered to an image here, to be looked at)
// and the workbook, and publishes them; the public page shows the frozen report; staff
// read the platform-wide version.
import { readFile } from 'node:fs/promises';
import { ACCOUNTS, expect, pdfToPng, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe.configure({ mode: 'serial' });

const lastMonth = () => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .slice(0, 7)
    .split('-')
    .map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const AGENCY = '上海正信资产管理有限公司';

test.describe('[CREDITOR] monthly collection disclosure', () => {
  test('[CREDITOR] reads last month, downloads the PDF and the workbook, and publishes', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.getByTestId('portal-nav').getByRole('link', { name: '数据公布' }).click();
    await expect(page.locator('#disclosure-month')).toHaveValue(lastMonth());
    await expect(page.getByTestId('disclosure-agencies-row').filter({ hasText: AGENCY })).toContainText('%');
    await expect(page.getByTestId('disclosure-recovered')).toContainText('¥');
    await expect(page.getByTestId('disclosure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await shot(page, 'creditor-disclosure.zh-CN');

    const pdf = page.waitForEvent('download');
    await page.getByTestId('disclosure-pdf').click();
    const pdfBytes = await readFile((await (await pdf).path()) ?? '');
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdf).suggestedFilename()).toBe(`华信消费金融股份有限公司 ${lastMonth()} 催收数据公布.pdf`);
    const png = await pdfToPng(pdfBytes, 'disclosure-pdf.zh-CN');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    const xlsx = page.waitForEvent('download');
    await page.getByTestId('disclosure-xlsx').click();
    const xlsxBytes = await readFile((await (await xlsx).path()) ?? '');
    expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // A month that has not ended is refused.
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
    await page.locator('#disclosure-month').fill(thisMonth);
    await page.getByTestId('disclosure-show').click();
    await expect(page.getByTestId('disclosure-error')).toContainText('还没有结束');
    await page.locator('#disclosure-month').fill(lastMonth());
    await page.getByTestId('disclosure-show').click();

    await page.getByTestId('disclosure-publish').click();
    await expect(page.getByTestId('disclosure-published')).toContainText('已于');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Monthly collection disclosure' })).toBeVisible();
    await shot(page, 'creditor-disclosure.en');
    const enPdf = page.waitForEvent('download');
    await page.getByTestId('disclosure-pdf').click();
    await pdfToPng(await readFile((await (await enPdf).path()) ?? ''), 'disclosure-pdf.en');
  });

  test('[PUBLIC] the published report on the public page, as it was published', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('header-disclosures').click();
    const row = page.getByTestId('published-disclosure-row').filter({ hasText: '华信消费金融股份有限公司' });
    await expect(row).toContainText(lastMonth());
    await shot(page, 'public-disclosures.zh-CN');
    await row.getByRole('link').click();
    await expect(page.getByTestId('public-disclosure-title')).toHaveText(
      `华信消费金融股份有限公司 ${lastMonth()} 催收数据公布`,
    );
    await expect(page.getByTestId('disclosure-agencies-row').filter({ hasText: AGENCY })).toBeVisible();
    const response = await page.request.get(
      (await page.getByTestId('public-disclosure-pdf').getAttribute('href')) ?? '',
    );
    expect(response.headers()['content-type']).toBe('application/pdf');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('public-disclosure-title')).toHaveText(
      `华信消费金融股份有限公司: collection figures for ${lastMonth()}`,
    );
    await shot(page, 'public-disclosure.en');
  });

  test('[STAFF] the platform-wide figures, with a row per creditor', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAuditor, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '数据公布' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '全平台月度催收数据' })).toBeVisible();
    await expect(
      page.getByTestId('disclosure-creditors-row').filter({ hasText: '华信消费金融股份有限公司' }),
    ).toBeVisible();
    await expect(page.getByTestId('disclosure-publish')).toHaveCount(0);
    await shot(page, 'staff-disclosure.zh-CN');
    const pdf = page.waitForEvent('download');
    await page.getByTestId('disclosure-pdf').click();
    await pdfToPng(await readFile((await (await pdf).path()) ?? ''), 'staff-disclosure-pdf.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await shot(page, 'staff-disclosure.en');
  });
});
