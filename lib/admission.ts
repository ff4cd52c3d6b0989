// What an admission application must carry.
import type { AdmissionDocumentKind, ApplicantType } from './enums';

export const REQUIRED_DOCUMENTS: Record<ApplicantType, readonly AdmissionDocumentKind[]> = {
  agency: ['business_licence'],
  creditor: ['financial_licence'],
};
export const MAX_DOCUMENTS_PER_APPLICATION = 12;
