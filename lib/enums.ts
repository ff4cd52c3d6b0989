// Plain value lists and their types, shared by the database schema, zod schemas and the UI.
// The rules built on them live beside this file (organizations, file types, market, …).

export const ORG_TYPES = ['creditor', 'agency', 'platform'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_STATUSES = ['applicant', 'active', 'suspended', 'banned', 'expired'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ROLES = [
  'admin',
  'manager',
  'viewer',
  'supervisor',
  'collector',
  'reviewer',
  'auditor',
  'complaints',
] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

// Admission (DESIGN §3): draft → submitted → under_review → (info_requested → submitted)
// → admitted | rejected.
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'admitted',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
];

export const APPLICANT_TYPES = ['creditor', 'agency'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const CHANNELS = ['phone', 'sms', 'letter', 'visit', 'legal', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LICENCE_TYPES = ['bank', 'consumer_finance', 'small_loan', 'amc', 'other'] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

// GB/T 2260 province-level codes (first two digits), for service regions.
export const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
] as const;
export type Province = (typeof PROVINCES)[number];

// Why an organization was banned, as the public ban list shows it (CBA 2026 asks lenders
// to publish the agencies they work with; the platform publishes whom it barred).
export const BAN_CATEGORIES = ['abuse', 'fraud', 'data_breach', 'other'] as const;
export type BanCategory = (typeof BAN_CATEGORIES)[number];

/** Field evidence (催迹) of a visit: photos, audio and video. */
export const EVIDENCE_KINDS = ['photo', 'audio', 'video'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

// Documents of an admission application: the business licence (agencies), the financial
// licence (creditors), certificates (等保, ISO 27001) and anything else the reviewer asked for.
export const ADMISSION_DOCUMENT_KINDS = ['business_licence', 'financial_licence', 'certificate', 'other'] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENT_KINDS)[number];

/** Groups of admission scoring criteria (DESIGN §7), for templates and the review screen. */
export const CRITERION_GROUPS = ['basics', 'systems', 'trackRecord', 'compliance', 'licence'] as const;

// In-app notifications (issue: status changes the applicant or reviewer must act on).
export const NOTIFICATION_KINDS = [
  'admission.submitted',
  'admission.infoRequested',
  'admission.admitted',
  'admission.rejected',
  'admission.awaitingApproval',
  'admission.proposalReturned',
  'admission.expired',
  'package.cancelled',
  'package.closed',
  'bid.won',
  'bid.lost',
  'package.offered',
  'package.offerAccepted',
  'package.offerDeclined',
  'cases.recalled',
  'case.closedUnrecoverable',
  'commission.ended',
  'restructure.proposed',
  'restructure.decided',
  'restructure.debtorPlan',
  'plan.broken',
  'hold.raised',
  'hold.decided',
  'hold.withdrawn',
  'contactRequest.byDebtor',
  'template.submitted',
  'template.decided',
  'visit.evidenceMissing',
  'repayment.reported',
  'repayment.decided',
  'repayment.imported',
  'statement.drafted',
  'statement.agreed',
  'statement.paid',
  'complaint.filed',
  'complaint.responseRequested',
  'complaint.responded',
  'complaint.decided',
  'sanction.awaitingApproval',
  'sanction.decided',
  'sanction.imposed',
  'sanction.agencySuspended',
  'sanction.agencyBanned',
  'sanction.lifted',
  'sanction.appealed',
  'sanction.appealDecided',
  'commission.frozen',
  'commission.unfrozen',
  'webhook.disabled',
  'call.transcriptFlagged',
  'inspection.fatalFound',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// Background jobs (DESIGN §8).
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

// Case imports land whole or not at all (DESIGN §6).
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Lists a user can export (with the filters the screen shows), and the file formats. */
export const EXPORT_LISTS = [
  'creditor.cases',
  'agency.cases',
  'creditor.repayments',
  'visits',
  'staff.audit',
  'statements',
  'creditor.activity',
  'creditor.packages',
  'creditor.restructures',
  'creditor.imports',
  'agency.bids',
  'agency.market',
  'users',
  'complaints',
  'staff.audits',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What a creditor's file holds: cases to place, repayments from its loan system to reconcile, or changes to cases already imported. */
export const IMPORT_KINDS = ['cases', 'repayments', 'updates'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

// Case (DESIGN §3): new → commissioned → working → (ptp) → settled | closed_unrecoverable | returned | recalled.
export const CASE_STATUSES = [
  'new',
  'commissioned',
  'working',
  'ptp',
  'settled',
  'closed_unrecoverable',
  'returned',
  'recalled',
] as const;
/** Cases still owing: every status but settled and closed as unrecoverable. */
export const OPEN_CASE_STATUSES = ['new', 'commissioned', 'working', 'ptp', 'returned', 'recalled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

// Package (DESIGN §3): draft → open (bidding) → closed → awarded → active → completed | recalled;
// draft|open → cancelled; a direct offer is draft → offered → awarded (accepted) | draft (declined).
export const PACKAGE_STATUSES = [
  'draft',
  'open',
  'closed',
  'offered',
  'awarded',
  'active',
  'completed',
  'recalled',
  'cancelled',
] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];
export const BIDDER_CIRCLES = ['all', 'invited'] as const;
export type BidderCircle = (typeof BIDDER_CIRCLES)[number];
// Bid (DESIGN §3): submitted → withdrawn | won | lost.
export const BID_STATUSES = ['submitted', 'withdrawn', 'won', 'lost'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];
export const COMMISSION_STATUSES = ['active', 'ended'] as const;

// Collection actions (催记) and the rulebook's vocabulary (DESIGN §4).
export const ACTION_CHANNELS = ['call', 'sms', 'letter', 'visit', 'lawyer_letter', 'email'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];
export const ACTION_OUTCOMES = [
  'answered',
  'unanswered',
  'invalid_number',
  'refused',
  'promise_to_pay',
  'dispute',
  'hardship',
  'deceased',
  'wrong_person',
] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];
export const ACTION_TARGETS = ['debtor', 'contact'] as const;
export type ActionTarget = (typeof ACTION_TARGETS)[number];
/** A promise is withdrawn when the action that recorded it is corrected: it was never made as recorded. */
export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'withdrawn'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
// Restructuring (DESIGN §3): proposed → approved | rejected | expired.
export const RESTRUCTURE_KINDS = ['reduction', 'deferral', 'instalments'] as const;
export type RestructureKind = (typeof RESTRUCTURE_KINDS)[number];
export const RESTRUCTURE_STATUSES = ['proposed', 'approved', 'rejected', 'expired'] as const;
export type RestructureStatus = (typeof RESTRUCTURE_STATUSES)[number];
/** A repayment plan (还款计划): the one in force is active; paid off it completes; an instalment unpaid past the grace breaks it; a newer approved plan supersedes it. */
export const PLAN_STATUSES = ['active', 'completed', 'broken', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/**
 * A hold on collection (暂停催收): the debtor reported deceased, or the debt disputed. Raised by
 * the outcome of an action or visit; collection stops until the creditor decides to close the
 * case or to continue (against the estate, or the debt confirmed), with its reason. A hold
 * raised by an action later corrected to another outcome is withdrawn.
 */
export const CASE_HOLD_KINDS = ['deceased', 'dispute'] as const;
/** Who raised a hold: an agency's logged outcome, or the debtor on their own page. */
export const HOLD_ORIGINS = ['agency', 'debtor'] as const;
export type HoldOrigin = (typeof HOLD_ORIGINS)[number];
export type CaseHoldKind = (typeof CASE_HOLD_KINDS)[number];
export const CASE_HOLD_STATUSES = ['open', 'closed', 'continued', 'withdrawn'] as const;
export type CaseHoldStatus = (typeof CASE_HOLD_STATUSES)[number];
/** The creditor's answer: close the case, or continue collection. */
export const HOLD_DECISIONS = ['close', 'continue'] as const;
export type HoldDecision = (typeof HOLD_DECISIONS)[number];
/** The creditor answers a hold within this many working days (the debtor waits without calls meanwhile). */
export const HOLD_ANSWER_WORKING_DAYS = 5;
/** One instalment of a plan: missed is the one left unpaid past the grace that broke the plan. */
export const INSTALMENT_STATUSES = ['due', 'partly_paid', 'paid', 'missed'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
/** Days after an instalment's due date it may still be paid before the plan breaks, unless the package says otherwise. */
export const DEFAULT_INSTALMENT_GRACE_DAYS = 3;
export const MAX_INSTALMENT_GRACE_DAYS = 30;
// Message templates: the agency submits, the package's creditor approves or rejects.
export const TEMPLATE_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
// Repayments (回款, DESIGN §3): reported by the agency → confirmed | disputed by the
// creditor; a confirmed one may be reversed. The creditor also records payments it saw itself.
export const REPAYMENT_STATUSES = ['reported', 'confirmed', 'disputed', 'reversed'] as const;
export type RepaymentStatus = (typeof REPAYMENT_STATUSES)[number];
export const REPAYMENT_CHANNELS = ['bank_transfer', 'alipay', 'wechat_pay', 'counter', 'other'] as const;
export type RepaymentChannel = (typeof REPAYMENT_CHANNELS)[number];
export const REPAYMENT_SOURCES = ['agency', 'creditor'] as const;
export type RepaymentSource = (typeof REPAYMENT_SOURCES)[number];
// Commission lines and monthly settlement statements (结算): draft → agreed (by both) → paid.
export const COMMISSION_LINE_KINDS = ['earned', 'reversal'] as const;
export type CommissionLineKind = (typeof COMMISSION_LINE_KINDS)[number];
export const STATEMENT_STATUSES = ['draft', 'agreed', 'paid'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
// Field visits (外访, DESIGN §4): planned → visited | cancelled.
export const VISIT_STATUSES = ['planned', 'visited', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
/** What a visit may find: everything a call may, except a wrong number. */
export const VISIT_OUTCOMES = [
  'answered',
  'unanswered',
  'refused',
  'promise_to_pay',
  'dispute',
  'hardship',
  'deceased',
  'wrong_person',
] as const satisfies readonly ActionOutcome[];
/** Channels whose messages go out only from an approved template. */
export const TEMPLATE_CHANNELS = ['sms', 'letter', 'lawyer_letter'] as const;

// The audit log's actions; supervision: complaints, sanctions, scorecards and field audits.
export * from './audit-actions';
export * from './enums-supervision';

/** Kinds of forbidden saying (NIFA 2018): threats, insults, impersonating police/courts/lawyers, disclosure to others. */
export const PHRASE_CATEGORIES = ['threat', 'insult', 'impersonation', 'disclosure'] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

// Debtor data changes (失联修复): what changed on a case, and where the new value came from.
// An agency's finding names its source; a creditor's update file is `creditor_file`.
export const CASE_CHANGE_FIELDS = [
  'phone_added',
  'phone_retired',
  'address',
  'contact_added',
  'principal_outstanding',
  'amount_overdue',
] as const;
export type CaseChangeField = (typeof CASE_CHANGE_FIELDS)[number];
export const FINDING_SOURCES = ['debtor', 'contact', 'public_record', 'field_visit'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const CASE_CHANGE_SOURCES = [...FINDING_SOURCES, 'creditor_file'] as const;
export type CaseChangeSource = (typeof CASE_CHANGE_SOURCES)[number];
