// Field audits (稽核): an auditor samples 正信's recorded visits and actions of the day of the
// demo's visit (two days ago), finds the visit in violation and turns it into a complaint,
// passes the rest, and completes the audit; its report downloads as a PDF.
import { readFile } from 'node:fs/promises';
import { ACCOUNTS, expect, pdfToPng, shot, signInAs, test, useLanguage } from '../fixtures';

const AGENCY = '上海正信资产管理有限公司';
/** The demo's visit day (db/seed: two days ago, Beijing time). */
const visitDay = () => new Date(Date.now() + 8 * 3_600_000 - 2 * 86_400_000).toISOString().slice(0, 10);

test.describe('[STAFF] field audits', () => {
  test('[STAFF] an auditor samples an agency’s work, records a violation as a complaint, completes the audit and downloads its report', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.platformAuditor, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '稽核' }).click();
    await page.locator('#audit-agency').selectOption({ label: AGENCY });
    await page.locator('#audit-from').fill(visitDay());
    await page.locator('#audit-to').fill(visitDay());
    await page.locator('#audit-percent').fill('100');
    await shot(page, 'staff-audits.zh-CN');
    await page.getByTestId('new-audit-submit').click();
    await page.waitForURL(/\/staff\/audits\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: `${AGENCY} 稽核报告` })).toBeVisible();
    // The visit itself (its address), not the action that recorded it.
    const visit = page.getByTestId('audit-item').filter({ hasText: '北京市海淀区中关村大街' }).first();
    await expect(visit).toContainText('证据 2 件');
    await visit.getByRole('textbox').fill('外访录像缺失，现场录音中催收员称“不还钱就天天来堵门”。');
    await visit.getByTestId('review-violation').click();
    await expect(visit).toContainText('违规');
    await visit.getByTestId('audit-complain').click();
    await expect(visit.getByTestId('audit-item-complaint')).toContainText(/已转投诉 C-\d{4}-\d{6}/);
    await expect(visit.getByTestId('audit-propose-sanction')).toHaveAttribute(
      'href',
      /\/staff\/sanctions\/new\?auditItemId=[0-9a-f-]{36}$/,
    );

    // Completing with records still open is refused and says how many.
    await page.locator('#audit-summary-input').fill('抽查外访 1 次违规，已转投诉；其余记录合规。');
    await page.getByTestId('audit-complete').click();
    await expect(page.getByTestId('audit-complete-error')).toContainText('条记录未复核');
    for (;;) {
      const open = page.getByTestId('audit-item').filter({ hasText: '未复核' });
      if ((await open.count()) === 0) break;
      await open.first().getByTestId('review-pass').click();
      await expect(page.getByTestId('audit-reviewedLabel'))
        .not.toHaveText(String(await page.getByTestId('audit-reviewedLabel').textContent()), { timeout: 5_000 })
        .catch(() => undefined);
    }
    await expect(page.getByTestId('audit-violation')).toHaveText('1');
    await shot(page, 'staff-audit-review.zh-CN');
    await page.getByTestId('audit-complete').click();
    await expect(page.getByTestId('audit-summary')).toHaveText('抽查外访 1 次违规，已转投诉；其余记录合规。');

    const pdf = page.waitForEvent('download');
    await page.getByTestId('audit-report-pdf').click();
    const bytes = await readFile((await (await pdf).path()) ?? '');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfToPng(bytes, 'audit-report-pdf.zh-CN')).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The violation is cited by a warning to the agency.
    const auditUrl = page.url();
    await page.getByTestId('audit-propose-sanction').click();
    await expect(page.getByTestId('propose-citation')).toContainText('HX202600000003');
    await page.getByTestId('kind-warning').check();
    await page.locator('#propose-reason').fill('稽核发现外访录像缺失且有威胁性言语，予以警告。');
    await shot(page, 'staff-sanction-from-audit.zh-CN');
    await page.getByTestId('propose-submit').click();
    await expect(page.getByTestId('sanction-reason')).toHaveText('稽核发现外访录像缺失且有威胁性言语，予以警告。');
    await page.goto(auditUrl);

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: `Field audit of ${AGENCY}` })).toBeVisible();
    await expect(page.getByTestId('audit-item').filter({ hasText: 'Violation' })).toHaveCount(1);
    await shot(page, 'staff-audit.en');
    await page.goto('/staff/audits');
    await expect(page.getByTestId('audit-row').filter({ hasText: AGENCY })).toContainText('Completed');
    await shot(page, 'staff-audits.en');
  });
});
