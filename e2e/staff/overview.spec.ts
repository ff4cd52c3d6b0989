// The staff home is the platform's desk: what waits (admissions, complaints by deadline,
// bans awaiting a second approver) and how agencies stand, with rule flags as a chart.
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

test.describe('[STAFF] overview', () => {
  test('[STAFF] the home page shows the desk, the overdue demo complaint first (zh-CN and en)', async ({ page }) => {
    await signInAs(page, ACCOUNTS.platformAdmin, '/staff');
    const desk = page.getByTestId('staff-overview');
    await expect(desk).toBeVisible();
    // The demo family's complaint about night calls is two days old and not acknowledged.
    await expect(page.getByTestId('overview-complaints-overdue')).not.toHaveText('0');
    await expect(page.getByTestId('overview-next-due').locator('tbody tr').first()).toContainText('确认逾期');
    await expect(page.getByTestId('overview-flags-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('overview-agencies')).toContainText('A 级');
    await shot(page, 'staff-overview.zh-CN');
    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('overview-next-due').locator('tbody tr').first()).toContainText(
      'Acknowledgement overdue',
    );
    await shot(page, 'staff-overview.en');
  });
});
