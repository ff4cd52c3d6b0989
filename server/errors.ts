// Domain errors carry a stable code; the tRPC layer maps each to a transport code
// and a translated message (catalog key `errors.<code>`).

export const DOMAIN_ERRORS = {
  'auth.invalidCredentials': 'UNAUTHORIZED',
  'auth.throttled': 'TOO_MANY_REQUESTS',
  'auth.accountDisabled': 'UNAUTHORIZED',
  'auth.orgBlocked': 'UNAUTHORIZED',
  'auth.signInRequired': 'UNAUTHORIZED',
  'auth.forbidden': 'FORBIDDEN',
  'auth.inviteInvalid': 'NOT_FOUND',
  'org.notFound': 'NOT_FOUND',
  'org.creditCodeTaken': 'CONFLICT',
  'org.statusUnchanged': 'CONFLICT',
  'org.statusNotAllowed': 'CONFLICT',
  'org.platformImmutable': 'BAD_REQUEST',
  'user.notFound': 'NOT_FOUND',
  'user.emailTaken': 'CONFLICT',
  'user.roleNotAllowed': 'BAD_REQUEST',
  'user.alreadyDisabled': 'CONFLICT',
  'user.cannotDisableSelf': 'BAD_REQUEST',
  'input.invalidCursor': 'BAD_REQUEST',
  'admission.notFound': 'NOT_FOUND',
  'admission.notEditable': 'CONFLICT',
  'admission.sectionNotForKind': 'BAD_REQUEST',
  'admission.incomplete': 'BAD_REQUEST',
  'admission.legalRepBanned': 'FORBIDDEN',
  'admission.creditCodeBanned': 'FORBIDDEN',
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
  'import.notFound': 'NOT_FOUND',
  'import.notSpreadsheet': 'BAD_REQUEST',
  'package.notFound': 'NOT_FOUND',
  'package.wrongStatus': 'CONFLICT',
  'package.noCases': 'BAD_REQUEST',
  'package.inviteNotAgency': 'BAD_REQUEST',
  'package.closeInPast': 'BAD_REQUEST',
  'package.startBeforeClose': 'BAD_REQUEST',
  'package.endBeforeStart': 'BAD_REQUEST',
  'package.noInvites': 'BAD_REQUEST',
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
  'action.notFound': 'NOT_FOUND',
  'action.numberNotFound': 'BAD_REQUEST',
  'action.promiseAmount': 'BAD_REQUEST',
  'action.promiseDate': 'BAD_REQUEST',
  'restructure.notFound': 'NOT_FOUND',
  'restructure.pending': 'CONFLICT',
  'restructure.notPending': 'CONFLICT',
  'restructure.reductionBp': 'BAD_REQUEST',
  'restructure.deferTo': 'BAD_REQUEST',
  'restructure.instalments': 'BAD_REQUEST',
  'restructure.firstDueDate': 'BAD_REQUEST',
  'template.notFound': 'NOT_FOUND',
  'template.forbiddenPhrase': 'BAD_REQUEST',
  'template.decided': 'CONFLICT',
  'template.required': 'BAD_REQUEST',
  'template.notApproved': 'BAD_REQUEST',
  'rules.loosened': 'BAD_REQUEST',
  'rules.stale': 'CONFLICT',
  'rules.window': 'PRECONDITION_FAILED',
  'rules.answeredCap': 'PRECONDITION_FAILED',
  'rules.unansweredCap': 'PRECONDITION_FAILED',
  'rules.contactTooEarly': 'PRECONDITION_FAILED',
  'rules.contactRefused': 'PRECONDITION_FAILED',
  'rules.channelNotAllowed': 'PRECONDITION_FAILED',
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

  constructor(code: DomainErrorCode, details: DomainErrorDetails = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
