// Plain value lists shared by the database schema, zod schemas and the UI.
// Kept free of imports so every layer may use them.

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

// DESIGN §1: which roles exist inside which kind of organization.
export const ROLES_BY_ORG_TYPE = {
  creditor: ['admin', 'manager', 'viewer'],
  agency: ['admin', 'supervisor', 'collector'],
  platform: ['admin', 'reviewer', 'auditor', 'complaints'],
} as const satisfies Record<OrgType, readonly Role[]>;

export const isRoleAllowedFor = (orgType: OrgType, role: Role): boolean =>
  (ROLES_BY_ORG_TYPE[orgType] as readonly Role[]).includes(role);

// Organizations whose users may not use the product at all. A suspended agency's
// collectors are stopped at once, not when their tokens run out (DESIGN §3 sanctions).
export const BLOCKED_ORG_STATUSES: readonly OrgStatus[] = ['suspended', 'banned'];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export * from './enums-audit';

// Which statuses staff may move an organization to by hand (DESIGN §3: admitted →
// suspended → admitted | banned; a ban is permanent, so nothing leaves `banned`). Only the
// admission decision (scored, and for tier A or against the score approved by a second
// staff member) makes an applicant active, and only a renewal does so for a lapsed
// admission; the scheduler expires admissions. By hand staff suspend an admitted
// organization and lift its suspension, and ban a creditor (an agency through a sanction).
export const ORG_STATUS_TRANSITIONS: Record<OrgStatus, readonly OrgStatus[]> = {
  applicant: [],
  active: ['suspended', 'banned'],
  suspended: ['active', 'banned'],
  expired: ['banned'],
  banned: [],
};

export const canMoveOrgStatus = (from: OrgStatus, to: OrgStatus): boolean => ORG_STATUS_TRANSITIONS[from].includes(to);

// Admission (DESIGN §3): draft → submitted → under_review → (info_requested → submitted)
// → admitted | rejected.
export const APPLICATION_STATUSES = ['draft', 'submitted', 'under_review', 'info_requested', 'admitted', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'under_review', 'info_requested'];

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
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
] as const;
export type Province = (typeof PROVINCES)[number];

// Why an organization was banned, as the public ban list shows it (CBA 2026 asks lenders
// to publish the agencies they work with; the platform publishes whom it barred).
export const BAN_CATEGORIES = ['abuse', 'fraud', 'data_breach', 'other'] as const;
export type BanCategory = (typeof BAN_CATEGORIES)[number];

// Stored files are recognised by their bytes, never by name or declared type. Spreadsheets
// (case and repayment imports) are text (CSV) or a zip package (XLSX), checked again when read.
export const FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'audio/amr',
  'audio/ogg',
  'video/mp4',
  'video/quicktime',
  'video/webm',
] as const;
export type FileType = (typeof FILE_TYPES)[number];
/** Largest accepted upload per detected type, in bytes (a million-row case file is ~250 MB of CSV). */
export const FILE_MAX_BYTES: Record<FileType, number> = {
  'application/pdf': 20 * 1024 * 1024,
  'image/jpeg': 20 * 1024 * 1024,
  'image/png': 20 * 1024 * 1024,
  'text/csv': 512 * 1024 * 1024,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 256 * 1024 * 1024,
  // Field evidence: a visit's recording runs long; video is the largest.
  'audio/mpeg': 100 * 1024 * 1024,
  'audio/mp4': 100 * 1024 * 1024,
  'audio/wav': 100 * 1024 * 1024,
  'audio/amr': 100 * 1024 * 1024,
  'audio/ogg': 100 * 1024 * 1024,
  'video/mp4': 200 * 1024 * 1024,
  'video/quicktime': 200 * 1024 * 1024,
  'video/webm': 200 * 1024 * 1024,
};
/** What may be attached to an admission application. */
export const DOCUMENT_FILE_TYPES: readonly FileType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** Field evidence (催迹) of a visit: photos, audio and video. */
export const EVIDENCE_KINDS = ['photo', 'audio', 'video'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** The kind of evidence a file is, from its recognised type; null for anything else. */
export const evidenceKindOf = (mime: string): EvidenceKind | null =>
  mime === 'image/jpeg' || mime === 'image/png' ? 'photo' : mime.startsWith('audio/') ? 'audio' : mime.startsWith('video/') ? 'video' : null;
/** What a case import reads. */
export const SPREADSHEET_FILE_TYPES: readonly FileType[] = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

// Documents of an admission application: the business licence (agencies), the financial
// licence (creditors), certificates (等保, ISO 27001) and anything else the reviewer asked for.
export const ADMISSION_DOCUMENT_KINDS = ['business_licence', 'financial_licence', 'certificate', 'other'] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENT_KINDS)[number];
export const REQUIRED_DOCUMENTS: Record<ApplicantType, readonly AdmissionDocumentKind[]> = {
  agency: ['business_licence'],
  creditor: ['financial_licence'],
};
export const MAX_DOCUMENTS_PER_APPLICATION = 12;

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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// Background jobs (DESIGN §8).
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

// Case imports land whole or not at all (DESIGN §6).
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Lists a user can export (with the filters the screen shows), and the file formats. */
export const EXPORT_LISTS = ['creditor.cases', 'agency.cases', 'creditor.repayments', 'visits', 'staff.audit', 'statements', 'creditor.activity', 'creditor.packages', 'creditor.restructures', 'creditor.imports', 'agency.bids', 'agency.market', 'users', 'complaints', 'staff.audits'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What a creditor's file holds: cases to place, or repayments from its loan system to reconcile. */
export const IMPORT_KINDS = ['cases', 'repayments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

// Case (DESIGN §3): new → commissioned → working → (ptp) → settled | closed_unrecoverable | returned | recalled.
export const CASE_STATUSES = ['new', 'commissioned', 'working', 'ptp', 'settled', 'closed_unrecoverable', 'returned', 'recalled'] as const;
/** Cases still owing: every status but settled and closed as unrecoverable. */
export const OPEN_CASE_STATUSES = ['new', 'commissioned', 'working', 'ptp', 'returned', 'recalled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** How long the reason for closing a case as unrecoverable (核销) may be, trimmed. */
export const CLOSE_REASON_LENGTH = { min: 2, max: 500 } as const;
/** Overdue buckets M1 … M12+ (DESIGN §2): M1 = 1–30 days, …, M12+ = over 330 days. */
export const BUCKETS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const bucketOf = (daysOverdue: number): number => Math.min(12, Math.max(1, Math.ceil(daysOverdue / 30)));

/**
 * The case import format (DESIGN §6): the required and optional columns by Chinese header
 * and English alias; contacts 1–5 follow as 联系人n姓名 / 联系人n关系 / 联系人n电话.
 */
export const CASE_IMPORT_COLUMNS = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: true },
  { field: 'debtorName', zh: '借款人姓名', alias: 'debtor_name', required: true },
  { field: 'idNumber', zh: '身份证号', alias: 'id_number', required: true },
  { field: 'phone', zh: '手机号', alias: 'phone', required: true },
  { field: 'loanAmount', zh: '放款金额', alias: 'loan_amount', required: true },
  { field: 'principalOutstanding', zh: '剩余本金', alias: 'principal_outstanding', required: true },
  { field: 'amountOverdue', zh: '逾期本息合计', alias: 'amount_overdue', required: true },
  { field: 'daysOverdue', zh: '逾期天数', alias: 'days_overdue', required: true },
  { field: 'loanDate', zh: '放款日期', alias: 'loan_date', required: false },
  { field: 'product', zh: '产品类型', alias: 'product', required: false },
  { field: 'province', zh: '省份', alias: 'province', required: false },
  { field: 'city', zh: '城市', alias: 'city', required: false },
  { field: 'address', zh: '地址', alias: 'address', required: false },
  // The contact window follows the debtor's local time: Asia/Shanghai unless the case says otherwise.
  { field: 'timeZone', zh: '时区', alias: 'time_zone', required: false },
] as const;
export const MAX_CASE_CONTACTS = 5;

// The creditor's repayment file (its loan system's export): each row is matched to an
// agency's report by contract number, amount and day, or recorded as a direct payment.
export const REPAYMENT_IMPORT_COLUMNS = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: true },
  { field: 'amount', zh: '还款金额', alias: 'amount', required: true },
  { field: 'paidOn', zh: '还款日期', alias: 'paid_on', required: true },
  { field: 'reference', zh: '交易流水号', alias: 'reference', required: false },
  { field: 'channel', zh: '还款渠道', alias: 'channel', required: false },
  { field: 'payer', zh: '付款人', alias: 'payer', required: false },
  { field: 'note', zh: '备注', alias: 'note', required: false },
] as const;
/** A repayment file is read whole before it is matched: larger files are split by month. */
export const MAX_REPAYMENT_IMPORT_ROWS = 100_000;

// Package (DESIGN §3): draft → open (bidding) → closed → awarded → active → completed | recalled;
// draft|open → cancelled; a direct offer is draft → offered → awarded (accepted) | draft (declined).
export const PACKAGE_STATUSES = ['draft', 'open', 'closed', 'offered', 'awarded', 'active', 'completed', 'recalled', 'cancelled'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];
export const BIDDER_CIRCLES = ['all', 'invited'] as const;
export type BidderCircle = (typeof BIDDER_CIRCLES)[number];
// Bid (DESIGN §3): submitted → withdrawn | won | lost.
export const BID_STATUSES = ['submitted', 'withdrawn', 'won', 'lost'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];
export const COMMISSION_STATUSES = ['active', 'ended'] as const;
/** A bid in the last 3 minutes extends the close by 3 minutes (anti-sniping, DESIGN §3). */
export const BID_EXTENSION_MS = 3 * 60_000;
/** Rates (fee, expected recovery, reduction) are basis points: 2500 = 25.00 %. */
export const BASIS_POINTS = 10_000;
/** Tiers from best to lowest: a package open to tier B admits A and B. */
export const tierMeets = (tier: Tier | null, minimum: Tier | null): boolean =>
  minimum === null || (tier !== null && TIERS.indexOf(tier) <= TIERS.indexOf(minimum));

// Collection actions (催记) and the rulebook's vocabulary (DESIGN §4).
export const ACTION_CHANNELS = ['call', 'sms', 'letter', 'visit', 'lawyer_letter', 'email'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];
export const ACTION_OUTCOMES = ['answered', 'unanswered', 'invalid_number', 'refused', 'promise_to_pay', 'dispute', 'hardship', 'deceased', 'wrong_person'] as const;
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
/** What a receipt may be: a photo or a scan. */
export const RECEIPT_FILE_TYPES: readonly FileType[] = ['application/pdf', 'image/jpeg', 'image/png'];
// Field visits (外访, DESIGN §4): planned → visited | cancelled.
export const VISIT_STATUSES = ['planned', 'visited', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
/** What a visit may find: everything a call may, except a wrong number. */
export const VISIT_OUTCOMES = ['answered', 'unanswered', 'refused', 'promise_to_pay', 'dispute', 'hardship', 'deceased', 'wrong_person'] as const satisfies readonly ActionOutcome[];
/** Staff on a visit, at least (NIFA 2018). */
export const MIN_VISIT_STAFF = 2;
/** Audio and video of a visit are due within this time of the visit (NIFA 2018). */
export const VISIT_EVIDENCE_DUE_MS = 24 * 3_600_000;
/** Channels whose messages go out only from an approved template. */
export const TEMPLATE_CHANNELS = ['sms', 'letter', 'lawyer_letter'] as const;

// Supervision: complaints, sanctions, scorecards and field audits.
export * from './enums-supervision';
