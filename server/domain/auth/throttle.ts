// Sign-in throttling (issue: 5 failures within 15 minutes lock for 15 minutes), counted
// per account and per IP address. Pure so that the window arithmetic is tested alone.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** How far back failures can matter: a lock starts inside one window and lasts one more. */
export const LOOKBACK_MS = WINDOW_MS + LOCK_MS;

/**
 * Given the failure times (any order), returns when the lock ends, or null when the key
 * is not locked at `now`. Attempts refused while locked are not recorded as failures,
 * so a lock ends 15 minutes after the failure that triggered it.
 */
export const lockedUntil = (failures: readonly Date[], now: Date): Date | null => {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = MAX_FAILURES - 1; i < times.length; i += 1) {
    const last = times[i] ?? 0;
    const first = times[i - (MAX_FAILURES - 1)] ?? 0;
    if (last - first <= WINDOW_MS) until = Math.max(until ?? 0, last + LOCK_MS);
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
};
