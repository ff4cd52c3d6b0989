import type { ApiScope } from '@/lib/api-scopes';
import type { OrgStatus, OrgType, Role } from '@/lib/enums';

/** Who is calling: always read from the database for the session's user, never from input. */
export type Actor = {
  userId: string;
  orgId: string;
  orgType: OrgType;
  orgStatus: OrgStatus;
  role: Role;
  name: string;
  email: string;
  /**
   * Set when the call came with an API key (/api/v1): the key acts as its organization,
   * with its author's account for what the records name, limited to the key's scopes.
   */
  apiKey?: { id: string; scopes: readonly ApiScope[] };
};

/** Where a call came from, for the audit trail. */
export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
};

/** An authenticated call as domain functions see it. */
export type Caller = RequestMeta & { actor: Actor };

export const portalOf = (orgType: OrgType, orgStatus?: OrgStatus): '/creditor' | '/agency' | '/staff' | '/apply' =>
  orgType === 'platform'
    ? '/staff'
    : orgStatus === 'applicant'
      ? '/apply'
      : orgType === 'creditor'
        ? '/creditor'
        : '/agency';
