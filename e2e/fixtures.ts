import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import { decodeHeaderValue } from '../server/mail/mailer';

export const DEMO_PASSWORD = 'Daylight-demo-2026';

/** Demo accounts from db/seed/demo.ts, one per portal role used by the specs. */
export const ACCOUNTS = {
  platformAdmin: 'admin@platform.demo.cn',
  platformReviewer: 'reviewer@platform.demo.cn',
  platformAuditor: 'auditor@platform.demo.cn',
  platformComplaints: 'complaints@platform.demo.cn',
  /** Signs in from the address the throttle spec locks: used by no other spec. */
  throttleVictim: 'admin@anhe.demo.cn',
  creditorAdmin: 'admin@huaxin.demo.cn',
  creditorViewer: 'viewer@huaxin.demo.cn',
  agencyAdmin: 'admin@zhengxin.demo.cn',
  agencyCollector: 'collector@zhengxin.demo.cn',
  agencyCollector2: 'collector2@zhengxin.demo.cn',
  agencySupervisor: 'supervisor@zhengxin.demo.cn',
  suspendedAgencyAdmin: 'admin@suda.demo.cn',
  /** Admitted 345 days ago: the renewal prompt shows. */
  renewingAgencyAdmin: 'admin@mingli.demo.cn',
} as const;

export type Lang = 'zh-CN' | 'en';

/** Sets the interface language the way the switch does: the locale cookie. */
export const useLanguage = (page: Page, lang: Lang) =>
  page.context().addCookies([{ name: 'daylight-locale', value: lang, domain: 'localhost', path: '/' }]);

export const signIn = async (page: Page, email: string, password = DEMO_PASSWORD) => {
  await page.goto('/signin');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByTestId('signin-submit').click();
};

/** Signs in and waits for the portal the account belongs to. */
export const signInAs = async (page: Page, email: string, portal: '/creditor' | '/agency' | '/staff') => {
  await signIn(page, email);
  await page.waitForURL((u) => u.pathname.startsWith(portal));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
};

/** Where the e2e server writes outgoing mail (scripts/e2e-server.sh). */
const MAIL_DIR = '.data/e2e-mail';

/**
 * The newest mail the app sent to `to` (its subject and text), waiting for the job worker to
 * send it. Reads the server's mail directory, so it works against the server the specs start.
 */
export const mailTo = async (to: string, { after = 0, timeoutMs = 20_000 } = {}) => {
  const started = Date.now();
  for (;;) {
    const names = (await readdir(MAIL_DIR).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.eml') && Number(n.split('-')[0]) >= after)
      .sort()
      .reverse();
    for (const name of names) {
      const raw = await readFile(`${MAIL_DIR}/${name}`, 'utf8');
      const [head = '', ...body] = raw.split('\r\n\r\n');
      const headers = head.split(/\r\n(?! )/);
      if (!headers.includes(`To: ${to}`)) continue;
      const subject = headers.find((h) => h.startsWith('Subject: '))?.slice('Subject: '.length) ?? '';
      return { subject: decodeHeaderValue(subject), text: body.join('\r\n\r\n').replaceAll('\r\n', '\n') };
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** The app path of the one-time link in a mail (`/invite/<token>`), or null. */
export const inviteLinkIn = (text: string) => /\/invite\/[A-Za-z0-9_-]{20,}/.exec(text)?.[0] ?? null;

/** Full-page screenshot kept under test-results/screenshots for a person to look at. */
/** Saves a downloaded PDF beside the screenshots and renders its first page to a PNG there (poppler's pdftoppm), to be looked at. */
export const pdfToPng = async (bytes: Buffer, name: string) => {
  await mkdir('test-results/screenshots', { recursive: true });
  const pdf = `test-results/screenshots/${name}.pdf`;
  await writeFile(pdf, bytes);
  await promisify(execFile)('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    `test-results/screenshots/${name}`,
  ]);
  return readFile(`test-results/screenshots/${name}.png`);
};

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** Fills in the reviewer's score for each criterion and saves them. */
export const score = async (page: Page, values: Record<string, number>) => {
  for (const [key, v] of Object.entries(values)) await page.getByTestId(`score-${key}`).fill(String(v));
  await page.getByTestId('save-scores').click();
};

/** A tier-B agency score (73 points) on the v1 agency template. */
export const AGENCY_TIER_B = {
  registeredCapital: 6,
  yearsOperating: 6,
  staffAndSeats: 7,
  callRecording: 8,
  fieldEvidence: 3,
  dataSecurity: 5,
  references: 6,
  recoveryRates: 7,
  pastCooperation: 5,
  litigation: 6,
  complaints: 7,
  sanctions: 7,
};

export const test = base;
export { expect };
