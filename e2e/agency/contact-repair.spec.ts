// Debtor data changes (失联修复, issue 17 §7). The collector records a number found in a
// public record, with a photo as evidence: sealed, masked, added after the case's numbers,
// a duplicate refused under the field. The creditor uploads an update file: one unknown
// contract number refuses the whole file, named by row and column; the fixed file retires
// that number, adds another and changes the principal. The creditor's case page shows each
// number's source, the retired one struck out, and the history with old and new values;
// the collector's page shows the same and refuses the retired number with its reason.
import { pngPhoto } from '../../db/seed/evidence';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe.configure({ mode: 'serial' });

const FOUND = '18612345678';
const ADDED = '13312345678';
let caseId = '';
let contractNo = '';
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

test.describe('[AGENCY] contact repair', () => {
  test('[AGENCY] the collector records a number found in a public record, with evidence', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto('/agency/cases');
    await page.getByTestId('case-row').first().getByRole('link').first().click();
    await page.waitForURL(/\/agency\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop() ?? '';
    const heading = page.locator('h1', { hasText: ' · ' });
    await expect(heading).toBeVisible();
    const title = (await heading.textContent()) ?? '';
    contractNo = title.split(' · ').pop()?.trim() ?? '';
    expect(contractNo).not.toBe('');
    await expect(page.getByTestId('phone-0')).toBeVisible();
    const before = await page.locator('[data-testid^="phone-"]').count();

    const form = page.getByTestId('finding-form');
    await form.locator('#finding-value').fill(FOUND);
    await form.locator('#finding-source').selectOption('public_record');
    await form.locator('#finding-note').fill('企业信用信息公示系统登记的联系电话');
    await page
      .getByTestId('finding-evidence')
      .setInputFiles({ name: '公示截图.png', mimeType: 'image/png', buffer: Buffer.from(pngPhoto()) });
    await expect(page.getByTestId('finding-evidence-uploaded')).toContainText('公示截图.png');
    await page.getByTestId('finding-submit').click();
    await expect(page.getByTestId('finding-saved')).toBeVisible();
    await expect(page.getByTestId(`phone-${before}`)).toContainText('186****5678');
    await expect(page.getByTestId(`phone-${before}`)).toContainText('公开信息');
    await expect(page.getByTestId('case-change-row').first()).toContainText('新增号码');
    await expect(page.getByTestId('change-evidence').first()).toBeVisible();

    // The same number again is refused under the field; nothing more is recorded.
    await form.locator('#finding-value').fill(FOUND);
    await page.getByTestId('finding-submit').click();
    await expect(page.getByTestId('finding-value-error')).toHaveText('债务人已有这个号码，且仍在使用');
    await expect(page.getByTestId('case-change-row')).toHaveCount(1);
    await page.getByTestId('finding-form').scrollIntoViewIfNeeded();
    await shot(page, 'agency-contact-repair.zh-CN');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('case-change-row').first()).toContainText('Number added');
    await expect(page.getByTestId(`phone-${before}`)).toContainText('Public record');
    await shot(page, 'agency-contact-repair.en');
  });

  test('[CREDITOR] an update file with an unknown contract lands nothing; the fixed one retires, adds and changes', async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.creditorAdmin, '/creditor');
    await page.goto('/creditor/imports');
    await expect(page.getByTestId('update-required-columns')).toContainText('合同编号');
    const head = ['合同编号', '剩余本金', '新增手机号', '停用号码'];
    await page.getByTestId('update-file').setInputFiles({
      name: '华信失联修复.csv',
      mimeType: 'text/csv',
      buffer: csv([head, [contractNo, '1234.56', ADDED, FOUND], ['HTNOSUCH0001', '100', '', '']]),
    });
    await page.waitForURL(/\/creditor\/imports\/updates\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-rejected')).toContainText('发现 1 处错误，没有更新任何案件');
    await expect(page.getByTestId('import-error-row')).toHaveCount(1);
    await expect(page.getByTestId('import-error-row').first()).toContainText(
      '3合同编号没有合同编号为“HTNOSUCH0001”的本机构案件',
    );
    await shot(page, 'creditor-update-rejected.zh-CN');

    await page.getByTestId('import-again').click();
    await page.getByTestId('update-file').setInputFiles({
      name: '华信失联修复-已修改.csv',
      mimeType: 'text/csv',
      buffer: csv([head, [contractNo, '1234.56', ADDED, FOUND]]),
    });
    await page.waitForURL(/\/creditor\/imports\/updates\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('import-succeeded')).toHaveText('文件共 1 行，已全部更新。');
    await shot(page, 'creditor-update-succeeded.zh-CN');
    await page.getByText('返回导入记录').click();
    await expect(page.getByTestId('update-row').first()).toContainText('已导入');
    await expect(page.getByTestId('update-row').nth(1)).toContainText('未导入');
    await page.getByTestId('updates-table').scrollIntoViewIfNeeded();
    await shot(page, 'creditor-imports-updates.zh-CN');

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('update-required-columns')).toContainText('contract_no');
    await shot(page, 'creditor-imports-updates.en');
    await page.getByRole('link', { name: '华信失联修复.csv' }).click();
    await expect(page.getByTestId('import-error-row').first()).toContainText('No case of yours has contract number');
    await shot(page, 'creditor-update-rejected.en');
  });

  test('[CREDITOR] the case page shows each number’s source, the retired one, and the history', async ({ page }) => {
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await page.goto(`/creditor/cases/${caseId}`);
    const numbers = page.getByTestId('record-numbers');
    await expect(numbers).toContainText('186****5678');
    await expect(numbers.getByTestId('number-retired')).toHaveCount(1);
    await expect(numbers).toContainText('133****5678');
    await expect(numbers).toContainText('委托方更新文件');
    const rows = page.getByTestId('case-change-row');
    await expect(rows).toHaveCount(4);
    await expect(page.getByTestId('case-changes')).toContainText('停用号码');
    await expect(page.getByTestId('case-changes')).toContainText('¥1,234.56');
    await expect(page.getByTestId('case-changes')).toContainText('公开信息');
    await page.getByTestId('case-changes').scrollIntoViewIfNeeded();
    await shot(page, 'creditor-case-changes.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('case-changes')).toContainText('Number retired');
    await shot(page, 'creditor-case-changes.en');
  });

  test('[AGENCY] the collector sees the retired number struck out and cannot use it', async ({ page }) => {
    await signInAs(page, ACCOUNTS.agencyCollector, '/agency');
    await page.goto(`/agency/cases/${caseId}`);
    const retired = page.locator('[data-testid^="phone-"]', { hasText: '186****5678' });
    await expect(retired.getByTestId('number-retired')).toBeVisible();
    const option = page.locator('#action-who option', { hasText: '186****5678' });
    await page.locator('#action-who').selectOption((await option.getAttribute('value')) ?? '');
    await page.locator('#action-channel').selectOption('sms');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-who-error')).toContainText('已停用');
    await shot(page, 'agency-retired-number.zh-CN');
  });
});
