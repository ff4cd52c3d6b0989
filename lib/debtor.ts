// The debtor's own page (DESIGN §1, issue 20): verified without an account by the case's
// details and a one-time code sent by SMS to a number on file for the case.

/** What an SMS is for: each kind is one provider template with its own values. */
export const SMS_KINDS = ['debtor.code', 'debtor.planApproved', 'debtor.planProposed', 'debtor.planDecided'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];
export const SMS_STATUSES = ['queued', 'sent', 'failed'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** Digits of a one-time code. */
export const CODE_DIGITS = 6;
/** A code is good for 5 minutes. */
export const CODE_TTL_MS = 5 * 60_000;
/** Wrong codes before a code is spent: a new one must be asked for. */
export const CODE_TRIES = 5;
/** The wait before another code for the same case. */
export const CODE_RESEND_MS = 60_000;
/** Codes one case can be sent in a day (whoever asks). */
export const CODES_PER_CASE_PER_DAY = 10;
/** A verified session lasts 30 minutes and is bound to its case. */
export const DEBTOR_SESSION_MS = 30 * 60_000;
/** How long the details, once verified, may be used to ask for a code. */
export const DEBTOR_TICKET_MS = 10 * 60_000;
/** The cookie carrying the debtor's session token. */
export const DEBTOR_COOKIE = 'daylight-debtor';
