// Plain value lists of supervision (DESIGN §3, §7), shared by the schema, zod schemas and
// the UI; re-exported by lib/enums.ts.

// Complaints (DESIGN §3): received → acknowledged → investigating → (awaiting_response) → upheld | dismissed → closed.
/** What a complaint is about; `threats` (threats or violence) is abuse and zeroes the agency's month (DESIGN §7). */
export const COMPLAINT_CATEGORIES = [
  'threats',
  'harassment',
  'third_parties',
  'impersonation',
  'privacy',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'awaiting_response',
  'upheld',
  'dismissed',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/**
 * Complaint categories that are abusive collection (暴力催收, DESIGN §2 `abuse`): threats or
 * violence, the "soft violence" of harassment by time or frequency and of pressing third
 * parties, and impersonating police, courts or lawyers (冒充公检法) to frighten a debtor.
 * Upheld, one zeroes the agency's month (DESIGN §7, scorecard formula v2 on) and a ban
 * citing it is listed as abuse.
 */
export const ABUSE_CATEGORIES = [
  'threats',
  'harassment',
  'third_parties',
  'impersonation',
] as const satisfies readonly ComplaintCategory[];
/** Still to be decided: the resolution deadline runs. */
export const OPEN_COMPLAINT_STATUSES = ['received', 'acknowledged', 'investigating', 'awaiting_response'] as const;
export const COMPLAINT_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
/** Who filed it: a debtor or family member on the public page, a creditor, or platform staff. */
export const COMPLAINT_SOURCES = ['public', 'creditor', 'staff'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export const COMPLAINANT_RELATIONS = ['self', 'family', 'contact', 'other'] as const;
export type ComplainantRelation = (typeof COMPLAINANT_RELATIONS)[number];
/** The steps of a complaint's timeline (append-only). */
export const COMPLAINT_EVENT_KINDS = [
  'filed',
  'acknowledged',
  'investigating',
  'response_requested',
  'responded',
  'extended',
  'upheld',
  'dismissed',
  'closed',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

// Sanctions (DESIGN §3): warning, penalty points, suspension (no new bids or commissions),
// ban (permanent). A ban waits for a second staff member's approval; every sanction can
// be appealed once, decided by a platform admin.
export const SANCTION_KINDS = ['warning', 'points', 'suspension', 'ban'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_STATUSES = ['proposed', 'active', 'rejected', 'lifted', 'revoked'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];
export const APPEAL_OUTCOMES = ['granted', 'denied'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

// Field audits (稽核): a sample of an agency's visits and actions, each reviewed.
export const AUDIT_METHODS = ['random', 'chosen'] as const;
export type AuditMethod = (typeof AUDIT_METHODS)[number];
export const AUDIT_STATUSES = ['open', 'completed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_ITEM_KINDS = ['visit', 'action'] as const;
export type AuditItemKind = (typeof AUDIT_ITEM_KINDS)[number];
export const AUDIT_FINDINGS = ['pass', 'issue', 'violation'] as const;
export type AuditFinding = (typeof AUDIT_FINDINGS)[number];
