// The working calendar every deadline counts by (DESIGN "Time moves"): the platform admin
// sees each year's holidays and make-up working days, enters the next year's schedule, and
// is refused a make-up day on a weekday; other staff read it.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] working calendar', () => {
  test('[STAFF] the admin reads 2026 and enters a make-up working day for 2027', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    await page.getByTestId('portal-nav').getByRole('link', { name: '工作日历' }).click();
    await page.goto('/staff/calendar?year=2026');
    await expect(page.getByTestId('calendar-year')).toHaveText('2026');
    await expect(page.locator('[data-testid="calendar-row"][data-day="2026-10-10"]')).toContainText('调休上班');
    await expect(page.locator('[data-testid="calendar-row"][data-day="2026-10-01"]')).toContainText('国庆节');
    await expect(page.getByTestId('calendar-summary')).toContainText('调休上班 6 天');
    await expect(page.getByTestId('calendar-no-make-up')).toHaveCount(0);
    await shot(page, 'staff-calendar.zh-CN');

    await page.getByTestId('calendar-next').click();
    await expect(page.getByTestId('calendar-year')).toHaveText('2027');
    await expect(page.getByTestId('calendar-no-make-up')).toContainText('2027 年还没有录入调休上班日');
    const form = page.getByTestId('calendar-day-form');
    // Checked in the browser first: an empty date is named under its field, nothing is sent.
    await form.locator('#calendar-day').fill('');
    await form.getByTestId('calendar-save').click();
    await expect(form.getByTestId('calendar-day-error')).toHaveText('日期格式应为 YYYY-MM-DD');
    // A weekday cannot be a make-up working day: the server says why, under the date.
    await form.locator('#calendar-day').fill('2027-02-10');
    await form.locator('#calendar-kind').selectOption('workday');
    await form.locator('#calendar-holiday').selectOption('springFestival');
    await form.getByTestId('calendar-save').click();
    await expect(form.getByTestId('calendar-day-error')).toHaveText('调休上班日只能是周六或周日：工作日本来就上班');
    await shot(page, 'staff-calendar-refused.zh-CN');
    await form.locator('#calendar-day').fill('2027-02-20');
    await form.getByTestId('calendar-save').click();
    await expect(form.getByTestId('calendar-saved')).toHaveText('已保存 2027-02-20');
    const row = page.locator('[data-testid="calendar-row"][data-day="2027-02-20"]');
    await expect(row).toContainText('调休上班');
    await expect(row).toContainText('春节');
    await expect(page.getByTestId('calendar-no-make-up')).toHaveCount(0);
    await page.getByTestId('calendar-remove-2027-02-20').click();
    await expect(row).toHaveCount(0);
  });

  test('[STAFF] a reviewer reads the calendar in English and cannot change it', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAs(page, ACCOUNTS.platformReviewer, '/staff');
    await page.goto('/staff/calendar?year=2026');
    await expect(page.getByRole('heading', { name: 'Working calendar' })).toBeVisible();
    await expect(page.locator('[data-testid="calendar-row"][data-day="2026-02-14"]')).toContainText(
      'Make-up working day',
    );
    await expect(page.getByTestId('calendar-summary')).toContainText('6 make-up working days');
    await expect(page.getByTestId('calendar-day-form')).toHaveCount(0);
    await expect(page.getByTestId('calendar-remove-2026-02-14')).toHaveCount(0);
    await shot(page, 'staff-calendar.en');
  });
});
