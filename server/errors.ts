// Domain errors carry a stable code; the tRPC layer maps each to a transport code
// and a translated message (catalog key `errors.<code>`).

export const DOMAIN_ERRORS = {
  'auth.invalidCredentials': 'UNAUTHORIZED',
  'auth.throttled': 'TOO_MANY_REQUESTS',
  'auth.accountDisabled': 'UNAUTHORIZED',
  'auth.orgBlocked': 'UNAUTHORIZED',
  'auth.signInRequired': 'UNAUTHORIZED',
  'auth.sessionEnded': 'UNAUTHORIZED',
  'auth.forbidden': 'FORBIDDEN',
  'auth.inviteInvalid': 'NOT_FOUND',
  'org.notFound': 'NOT_FOUND',
  'org.creditCodeTaken': 'CONFLICT',
  'org.statusUnchanged': 'CONFLICT',
  'org.statusNotAllowed': 'CONFLICT',
  'org.admitByReview': 'CONFLICT',
  'org.platformImmutable': 'BAD_REQUEST',
  'user.notFound': 'NOT_FOUND',
  'user.emailTaken': 'CONFLICT',
  'user.roleNotAllowed': 'BAD_REQUEST',
  'user.alreadyDisabled': 'CONFLICT',
  'user.cannotDisableSelf': 'BAD_REQUEST',
  'user.wrongPassword': 'BAD_REQUEST',
  'user.noPhone': 'NOT_FOUND',
  'input.invalidCursor': 'BAD_REQUEST',
  'request.batchTooLarge': 'BAD_REQUEST',
  'request.batchNotAllowed': 'BAD_REQUEST',
  'request.csrf': 'FORBIDDEN',
  'request.contentType': 'UNSUPPORTED_MEDIA_TYPE',
  'admission.notFound': 'NOT_FOUND',
  'admission.notEditable': 'CONFLICT',
  'admission.sectionNotForKind': 'BAD_REQUEST',
  'admission.incomplete': 'BAD_REQUEST',
  'admission.legalRepBanned': 'FORBIDDEN',
  'admission.creditCodeBanned': 'FORBIDDEN',
  'admission.signUpThrottled': 'TOO_MANY_REQUESTS',
  'auth.notAdmitted': 'FORBIDDEN',
  'admission.noTemplate': 'INTERNAL_SERVER_ERROR',
  'admission.notUnderReview': 'CONFLICT',
  'admission.scoresInvalid': 'BAD_REQUEST',
  'admission.scoresIncomplete': 'BAD_REQUEST',
  'admission.notAwaitingApproval': 'CONFLICT',
  'admission.awaitingApproval': 'CONFLICT',
  'admission.sameReviewer': 'FORBIDDEN',
  'admission.renewalNotDue': 'CONFLICT',
  'admission.notRejected': 'CONFLICT',
  'admission.templateNotFound': 'NOT_FOUND',
  'admission.templateWeights': 'BAD_REQUEST',
  'admission.templateDuplicateKey': 'BAD_REQUEST',
  'admission.templateStale': 'CONFLICT',
  'admission.documentsMissing': 'BAD_REQUEST',
  'admission.tooManyDocuments': 'BAD_REQUEST',
  'admission.documentTypeNotAllowed': 'BAD_REQUEST',
  'admission.documentNotFound': 'NOT_FOUND',
  'file.empty': 'BAD_REQUEST',
  'file.typeNotAllowed': 'UNSUPPORTED_MEDIA_TYPE',
  'file.tooLarge': 'PAYLOAD_TOO_LARGE',
  'file.notFound': 'NOT_FOUND',
  'file.integrity': 'INTERNAL_SERVER_ERROR',
  'file.expired': 'BAD_REQUEST',
  'import.notFound': 'NOT_FOUND',
  'import.notSpreadsheet': 'BAD_REQUEST',
  'import.fileUsed': 'CONFLICT',
  'package.notFound': 'NOT_FOUND',
  'package.wrongStatus': 'CONFLICT',
  'package.noCases': 'BAD_REQUEST',
  'package.inviteNotAgency': 'BAD_REQUEST',
  'package.closeInPast': 'BAD_REQUEST',
  'package.startBeforeClose': 'BAD_REQUEST',
  'package.endBeforeStart': 'BAD_REQUEST',
  'package.noInvites': 'BAD_REQUEST',
  'package.stageLoosened': 'BAD_REQUEST',
  'package.termsMissing': 'BAD_REQUEST',
  'package.notClosed': 'CONFLICT',
  'package.alreadyAwarded': 'CONFLICT',
  'award.bidNotLive': 'BAD_REQUEST',
  'award.overlap': 'BAD_REQUEST',
  'award.countMismatch': 'BAD_REQUEST',
  'award.emptyShare': 'BAD_REQUEST',
  'award.agencyNotAdmitted': 'CONFLICT',
  'bid.notFound': 'NOT_FOUND',
  'bid.closed': 'CONFLICT',
  'bid.duplicate': 'CONFLICT',
  'bid.notLive': 'CONFLICT',
  'bid.agencyNotAdmitted': 'FORBIDDEN',
  'offer.notFound': 'NOT_FOUND',
  'offer.agencyNotEligible': 'BAD_REQUEST',
  'case.notFound': 'NOT_FOUND',
  'case.collectorNotFound': 'BAD_REQUEST',
  'case.notCommissioned': 'CONFLICT',
  'case.notOpen': 'CONFLICT',
  'case.inPackage': 'CONFLICT',
  'case.closeReason': 'BAD_REQUEST',
  'action.notFound': 'NOT_FOUND',
  'action.numberNotFound': 'BAD_REQUEST',
  'action.numberRetired': 'BAD_REQUEST',
  'caseChange.phone': 'BAD_REQUEST',
  'caseChange.phoneExists': 'CONFLICT',
  'caseChange.addressRequired': 'BAD_REQUEST',
  'caseChange.addressSame': 'CONFLICT',
  'caseChange.evidenceType': 'BAD_REQUEST',
  'action.promiseAmount': 'BAD_REQUEST',
  'action.promiseDate': 'BAD_REQUEST',
  'restructure.notFound': 'NOT_FOUND',
  'restructure.pending': 'CONFLICT',
  'restructure.notPending': 'CONFLICT',
  'restructure.reductionBp': 'BAD_REQUEST',
  'restructure.deferTo': 'BAD_REQUEST',
  'restructure.instalments': 'BAD_REQUEST',
  'restructure.firstDueDate': 'BAD_REQUEST',
  'restructure.nothingOwed': 'CONFLICT',
  'template.notFound': 'NOT_FOUND',
  'template.forbiddenPhrase': 'BAD_REQUEST',
  'template.decided': 'CONFLICT',
  'template.required': 'BAD_REQUEST',
  'template.notApproved': 'BAD_REQUEST',
  'rules.loosened': 'BAD_REQUEST',
  'rules.familyInvalid': 'BAD_REQUEST',
  'rules.familyPattern': 'BAD_REQUEST',
  'rules.familyMissesExample': 'BAD_REQUEST',
  'rules.familyCatchesExample': 'BAD_REQUEST',
  'rules.familyLoosened': 'BAD_REQUEST',
  'calendar.workdayOnWeekday': 'BAD_REQUEST',
  'case.notRecallable': 'CONFLICT',
  'calendar.dayNotFound': 'NOT_FOUND',
  'rules.stale': 'CONFLICT',
  'rules.window': 'PRECONDITION_FAILED',
  'rules.answeredCap': 'PRECONDITION_FAILED',
  'rules.unansweredCap': 'PRECONDITION_FAILED',
  'rules.contactTooEarly': 'PRECONDITION_FAILED',
  'rules.contactRefused': 'PRECONDITION_FAILED',
  'rules.channelNotAllowed': 'PRECONDITION_FAILED',
  'rules.stageTooEarly': 'PRECONDITION_FAILED',
  'rules.stageClosed': 'PRECONDITION_FAILED',
  'rules.wrongPerson': 'PRECONDITION_FAILED',
  'rules.caseDeceased': 'PRECONDITION_FAILED',
  'rules.caseDisputed': 'PRECONDITION_FAILED',
  'rules.debtorStoppedChannel': 'PRECONDITION_FAILED',
  'rules.debtorQuietHours': 'PRECONDITION_FAILED',
  'hold.notFound': 'NOT_FOUND',
  'hold.notOpen': 'CONFLICT',
  'hold.reason': 'BAD_REQUEST',
  'contactRequest.quietHours': 'BAD_REQUEST',
  'contactRequest.empty': 'BAD_REQUEST',
  'visit.notFound': 'NOT_FOUND',
  'visit.noCapability': 'FORBIDDEN',
  'visit.staffTooFew': 'BAD_REQUEST',
  'visit.staffNotFound': 'BAD_REQUEST',
  'visit.notFuture': 'BAD_REQUEST',
  'visit.afterCommission': 'BAD_REQUEST',
  'visit.outcome': 'BAD_REQUEST',
  'visit.notPlanned': 'CONFLICT',
  'visit.planRequired': 'BAD_REQUEST',
  'visit.notRecorded': 'CONFLICT',
  'repayment.notFound': 'NOT_FOUND',
  'repayment.future': 'BAD_REQUEST',
  'repayment.beforeCommission': 'BAD_REQUEST',
  'repayment.exceedsBalance': 'BAD_REQUEST',
  'repayment.receiptType': 'BAD_REQUEST',
  'repayment.duplicate': 'CONFLICT',
  'repayment.decided': 'CONFLICT',
  'repayment.disputeReason': 'BAD_REQUEST',
  'repayment.notConfirmed': 'CONFLICT',
  'dashboard.range': 'BAD_REQUEST',
  'statement.notFound': 'NOT_FOUND',
  'statement.monthOpen': 'BAD_REQUEST',
  'statement.notDraft': 'CONFLICT',
  'statement.alreadyAgreed': 'CONFLICT',
  'statement.notAgreed': 'CONFLICT',
  'disclosure.month': 'BAD_REQUEST',
  'disclosure.monthOpen': 'BAD_REQUEST',
  'disclosure.published': 'CONFLICT',
  'disclosure.notFound': 'NOT_FOUND',
  'report.fontMissing': 'PRECONDITION_FAILED',
  'export.notFound': 'NOT_FOUND',
  'db.busy': 'SERVICE_UNAVAILABLE',
  'db.unavailable': 'SERVICE_UNAVAILABLE',
  'export.expired': 'NOT_FOUND',
  'evidence.typeNotAllowed': 'UNSUPPORTED_MEDIA_TYPE',
  'evidence.duplicate': 'CONFLICT',
  'complaint.notFound': 'NOT_FOUND',
  'complaint.notVerified': 'BAD_REQUEST',
  'complaint.rateLimited': 'TOO_MANY_REQUESTS',
  'complaint.tooManyFailures': 'TOO_MANY_REQUESTS',
  'complaint.proofRequired': 'PRECONDITION_FAILED',
  'complaint.uploadNotFound': 'BAD_REQUEST',
  'complaint.tooManyFiles': 'BAD_REQUEST',
  'complaint.noAgency': 'BAD_REQUEST',
  'complaint.wrongStatus': 'CONFLICT',
  'complaint.alreadyExtended': 'CONFLICT',
  'complaint.agencyNotFound': 'NOT_FOUND',
  'complaint.noContact': 'BAD_REQUEST',
  'scorecard.monthOpen': 'BAD_REQUEST',
  'scorecard.notFound': 'NOT_FOUND',
  'rating.month': 'BAD_REQUEST',
  'rating.agencyNotFound': 'NOT_FOUND',
  'creditorRating.creditorNotFound': 'NOT_FOUND',
  'creditorRating.closed': 'CONFLICT',
  'creditorScorecard.notFound': 'NOT_FOUND',
  'org.banBySanction': 'CONFLICT',
  'sanction.notFound': 'NOT_FOUND',
  'sanction.citationNotFound': 'NOT_FOUND',
  'sanction.notCitable': 'BAD_REQUEST',
  'sanction.agencyBanned': 'CONFLICT',
  'sanction.banPending': 'CONFLICT',
  'sanction.wrongStatus': 'CONFLICT',
  'sanction.sameStaff': 'FORBIDDEN',
  'sanction.endsOnPast': 'BAD_REQUEST',
  'sanction.notLiftable': 'CONFLICT',
  'sanction.alreadyAppealed': 'CONFLICT',
  'sanction.noAppeal': 'CONFLICT',
  'sanction.appealDecided': 'CONFLICT',
  'bid.agencySuspended': 'FORBIDDEN',
  'award.agencySuspended': 'CONFLICT',
  'commission.notFound': 'NOT_FOUND',
  'commission.agencyNotSuspended': 'CONFLICT',
  'commission.alreadyFrozen': 'CONFLICT',
  'commission.notFrozen': 'CONFLICT',
  'case.frozen': 'PRECONDITION_FAILED',
  'audit.notFound': 'NOT_FOUND',
  'audit.itemNotFound': 'NOT_FOUND',
  'audit.period': 'BAD_REQUEST',
  'audit.periodFuture': 'BAD_REQUEST',
  'audit.periodTooLong': 'BAD_REQUEST',
  'audit.noCases': 'BAD_REQUEST',
  'audit.caseNotWorked': 'BAD_REQUEST',
  'audit.emptySample': 'BAD_REQUEST',
  'audit.completed': 'CONFLICT',
  'audit.noteRequired': 'BAD_REQUEST',
  'audit.notViolation': 'CONFLICT',
  'audit.complaintOpened': 'CONFLICT',
  'audit.unreviewed': 'CONFLICT',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;
export type TransportCode = (typeof DOMAIN_ERRORS)[DomainErrorCode];

export type DomainErrorDetails = {
  field?: string;
  values?: Record<string, string | number>;
  /** Placeholders filled with the translation of a catalog key (e.g. a status name), or a list of them. */
  labels?: Record<string, string | readonly string[]>;
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, details: DomainErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

// Busy: a limit reached, not a bug. 57014 a statement over its time, 55P03 a lock wait
// over its time, 25P03 a transaction left idle too long, 40P01 a deadlock, 40001 a
// serialization failure.
const BUSY_CODES = new Set(['57014', '55P03', '25P03', '40P01', '40001']);
// Unavailable: SQLSTATE 57P01–57P03: the server is shutting down, restarting or an
// administrator ended the session; 53300: no connection slot free; class 08: the
// connection itself failed. Then postgres-js's own codes for a connection it lost or closed.
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
// The database's socket failing. Only with the socket call that failed (`read`, `connect`…):
// a browser that hangs up mid-request raises ECONNRESET too, without one, and is no outage.
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Whether an error (or what it wraps: drizzle wraps the driver's error in `cause`) is the
 * database refusing for now rather than a fault of the request: busy (a time limit or a
 * deadlock) or unavailable (the connection went away). The same request may succeed a
 * moment later, so it answers 503 "try again" instead of a server fault, and a job
 * failing this way says so on its page.
 */
export const databaseFault = (error: unknown): 'db.busy' | 'db.unavailable' | null => {
  let e = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth += 1) {
    const { code, syscall } = e as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string') {
      if (BUSY_CODES.has(code)) return 'db.busy';
      if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'db.unavailable';
      if (SOCKET_CODES.has(code) && typeof syscall === 'string') return 'db.unavailable';
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
};
