import type { CaseFilterValues } from './case-filters';

// The case lists' queries, built alike by the screens and by the pages that prefetch them.

/** The creditor's case list (creditor-cases-screen.tsx), optionally one package's cases. */
export const creditorCasesInput = (filters: CaseFilterValues = {}, packageId?: string) => ({
  limit: 50,
  ...filters,
  ...(packageId ? { packageId } : {}),
});

/** The agency's commissioned cases (agency-cases-screen.tsx). */
export const agencyCasesInput = (filters: CaseFilterValues = {}, isUnassigned = false) => ({
  limit: 50,
  ...filters,
  ...(isUnassigned ? { isUnassigned } : {}),
});

/** The agency's users, for choosing a collector. */
export const agencyUsersInput = { limit: 100 };
