import { DEBTOR_COOKIE, DEBTOR_SESSION_MS } from '@/lib/debtor';

// The debtor's session token travels in its own cookie: HttpOnly (no script reads it),
// SameSite=Strict (no other site's page sends it), Secure when the site is served over https.

const secure = () => ((process.env.NEXTAUTH_URL ?? '').startsWith('https://') ? '; Secure' : '');

/** The debtor session token a Cookie header carries, or null. */
export const debtorTokenOf = (cookieHeader: string | null | undefined): string | null => {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${DEBTOR_COOKIE}=([A-Za-z0-9_-]{1,100})(?:;|$)`));
  return match?.[1] ?? null;
};

/** The Set-Cookie value that hands a new session's token to the browser, for the session's 30 minutes. */
export const debtorCookie = (token: string) =>
  `${DEBTOR_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${DEBTOR_SESSION_MS / 1000}${secure()}`;

/** The Set-Cookie value that removes it. */
export const clearedDebtorCookie = () => `${DEBTOR_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure()}`;
