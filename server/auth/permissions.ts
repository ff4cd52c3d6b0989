import type { OrgType, Role } from '@/lib/enums';
import type { Actor } from './actor';

// Role → permission table (DESIGN §1). A role means something only inside its kind of
// organization, so keys are `<orgType>.<role>`.
type RoleKey = `${OrgType}.${Role}`;

const ORG_ADMINS = ['creditor.admin', 'agency.admin', 'platform.admin'] as const satisfies readonly RoleKey[];

export const PERMISSIONS = {
  /** Fill in and submit the organization's admission application. */
  'admission.apply': ['creditor.admin', 'agency.admin'],
  /**
   * Read the organization's own admission file (registered capital, client references, the
   * legal representative, the licence and other documents): its admins only. Staff read
   * applications through the review ('admission.review').
   */
  'admission.read': ['creditor.admin', 'agency.admin'],
  /** Score applications, request information, decide and approve (four eyes). */
  'admission.review': ['platform.admin', 'platform.reviewer'],
  /** Upload files (admission documents now; evidence and receipts later). */
  'files.upload': ['creditor.admin', 'creditor.manager', 'agency.admin', 'agency.supervisor', 'agency.collector'],
  /** Publish a new version of an admission scoring template. */
  'admission.templates.manage': ['platform.admin'],
  /** Import case files (CSV/XLSX) into the creditor's cases. */
  'cases.import': ['creditor.admin', 'creditor.manager'],
  /** Read the creditor's cases, imports and packages. */
  'cases.read': ['creditor.admin', 'creditor.manager', 'creditor.viewer'],
  /** Build packages, set their terms, open, cancel, award, offer directly, and recall cases. */
  'packages.manage': ['creditor.admin', 'creditor.manager'],
  /** Close one of the creditor's open cases as unrecoverable (核销), with a reason. */
  'cases.close': ['creditor.admin', 'creditor.manager'],
  /** See open packages and bid on them; answer direct offers. */
  'market.bid': ['agency.admin'],
  /** See the marketplace and the agency's bids. */
  'market.read': ['agency.admin', 'agency.supervisor'],
  /** Read cases commissioned to the agency (collectors: only their own). */
  'cases.work': ['agency.admin', 'agency.supervisor', 'agency.collector'],
  /** Assign and reassign the agency's cases to collectors. */
  'cases.assign': ['agency.admin', 'agency.supervisor'],
  /** Draft SMS and letter templates for the packages the agency works. */
  'templates.manage': ['agency.admin', 'agency.supervisor'],
  /**
   * Read a case's whole record: every agency's actions, field visits and their evidence.
   * Creditors for their own cases; platform staff who audit and handle complaints for any (audited).
   */
  'cases.record': [
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
    'platform.admin',
    'platform.auditor',
    'platform.complaints',
  ],
  /** Confirm, dispute and reverse repayments on the creditor's cases. */
  'repayments.decide': ['creditor.admin', 'creditor.manager'],
  /** Read the monthly settlement statements of the organization's side. */
  'statements.read': ['creditor.admin', 'creditor.manager', 'creditor.viewer', 'agency.admin', 'agency.supervisor'],
  /** Draw up a month's statements and mark agreed ones paid. */
  'statements.manage': ['creditor.admin', 'creditor.manager'],
  /** Agree a statement for the organization's side. */
  'statements.agree': ['creditor.admin', 'creditor.manager', 'agency.admin'],
  /** Read the monthly collection disclosure: the creditor's own, or the platform-wide one for staff. */
  'disclosure.read': [
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
    'platform.admin',
    'platform.reviewer',
    'platform.auditor',
    'platform.complaints',
  ],
  /** Publish the creditor's monthly figures on the public page. */
  'disclosure.publish': ['creditor.admin'],
  /** Read the published versions of the collection rulebook. */
  'rules.read': ['platform.admin', 'platform.reviewer', 'platform.auditor', 'platform.complaints'],
  /** Publish a tighter version of the rulebook. */
  'rules.manage': ['platform.admin'],
  /** Read the working calendar (holidays and make-up working days) deadlines count by. */
  'calendar.read': ['platform.admin', 'platform.reviewer', 'platform.auditor', 'platform.complaints'],
  /** Enter the State Council's schedule for a year, or correct a day. */
  'calendar.manage': ['platform.admin'],
  /** Read the organization's users. */
  'org.users.read': [...ORG_ADMINS, 'creditor.manager', 'agency.supervisor'],
  /** Create, list and revoke the organization's API keys and webhook endpoints (/api/v1). */
  'org.apiKeys.manage': ['creditor.admin', 'agency.admin'],
  /** Set the creditor's repayment account and payment-link provider, shown on its debtors' pages. */
  'payments.manage': ['creditor.admin'],
  /** Invite and disable users of one's own organization. */
  'org.users.manage': ORG_ADMINS,
  /** List and search every organization on the platform. */
  'staff.orgs.read': ['platform.admin', 'platform.reviewer', 'platform.auditor', 'platform.complaints'],
  /** Register a creditor or agency (it starts as an applicant). */
  'staff.orgs.create': ['platform.admin'],
  /** Activate, suspend, ban or expire an organization. */
  'staff.orgs.setStatus': ['platform.admin'],
  /** Create and disable users in any organization. */
  'staff.users.manage': ['platform.admin'],
  /** Read complaints: every one for staff; a creditor's on its cases or filed by it; an agency's about it. */
  'complaints.read': [
    'platform.admin',
    'platform.complaints',
    'platform.auditor',
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
    'agency.admin',
    'agency.supervisor',
  ],
  /** File a complaint about an agency (creditors on their cases; staff about any agency). */
  'complaints.file': [
    'creditor.admin',
    'creditor.manager',
    'platform.admin',
    'platform.complaints',
    'platform.auditor',
  ],
  /** Handle complaints: acknowledge, investigate, ask the agency, extend, decide, close. */
  'complaints.handle': ['platform.admin', 'platform.complaints'],
  /** Answer a complaint about the agency when staff ask for it. */
  'complaints.respond': ['agency.admin', 'agency.supervisor'],
  /** Read field audits (稽核) and their reports. */
  'audits.read': ['platform.admin', 'platform.auditor', 'platform.complaints'],
  /** Create field audits, review the sampled records, complete them. */
  'audits.manage': ['platform.admin', 'platform.auditor'],
  /**
   * Read sanctions: staff every one; an agency its own once in force; a creditor those in
   * force on agencies it commissions or has commissioned.
   */
  'sanctions.read': [
    'platform.admin',
    'platform.reviewer',
    'platform.auditor',
    'platform.complaints',
    'agency.admin',
    'agency.supervisor',
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
  ],
  /** Propose sanctions citing an upheld complaint or an audit violation; approve or reject another's ban; lift a suspension; record an appeal sent in writing. */
  'sanctions.manage': ['platform.admin', 'platform.complaints', 'platform.auditor'],
  /** Decide an agency's appeal against a sanction. */
  'sanctions.decideAppeal': ['platform.admin'],
  /** Appeal, once, against a sanction on the agency. */
  'sanctions.appeal': ['agency.admin'],
  /** Freeze and unfreeze the creditor's commissions with a suspended agency. */
  'sanctions.freeze': ['creditor.admin', 'creditor.manager'],
  /** Rate an agency the creditor commissions, once a month (1–5 with a comment). */
  'scorecards.rate': ['creditor.admin', 'creditor.manager'],
  /** Read scorecards: the agency its own, creditors those of agencies they deal with, staff every one; and the creditor's ratings. */
  'scorecards.read': [
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
    'agency.admin',
    'agency.supervisor',
    'platform.admin',
    'platform.auditor',
    'platform.complaints',
  ],
  /** Rate the data quality of the case files of a creditor the agency works for, once a month (1–5, optional comment). */
  'scorecards.rateCreditor': ['agency.admin'],
  /** Have an ended month's scorecards computed again. */
  'scorecards.compute': ['platform.admin'],
  /** Send the agency's call records and recordings (dialer files, or an API key with calls:write). */
  'calls.write': ['agency.admin', 'agency.supervisor'],
  /**
   * Read call records (话单) and what they showed: the agency its own (collectors the calls
   * they made or made on their cases), creditors those on their cases, staff every one.
   */
  'calls.read': [
    'agency.admin',
    'agency.supervisor',
    'agency.collector',
    'creditor.admin',
    'creditor.manager',
    'creditor.viewer',
    'platform.admin',
    'platform.auditor',
    'platform.complaints',
  ],
  /** Inspect calls (质检): the agency's supervisors their own agency's, platform auditors any agency's. */
  'inspections.perform': ['agency.admin', 'agency.supervisor', 'platform.admin', 'platform.auditor'],
  /** Publish a new version of the inspection form. */
  'inspections.forms.manage': ['platform.admin'],
  /** Read the platform-wide audit trail. */
  'staff.audit.read': ['platform.admin', 'platform.auditor'],
} as const satisfies Record<string, readonly RoleKey[]>;

export type Permission = keyof typeof PERMISSIONS;

export const hasPermission = (actor: Pick<Actor, 'orgType' | 'role'>, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly string[]).includes(`${actor.orgType}.${actor.role}`);

export const permissionsOf = (actor: Pick<Actor, 'orgType' | 'role'>): Permission[] =>
  (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(actor, p));
