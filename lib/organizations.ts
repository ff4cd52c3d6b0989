// Who may be in which kind of organization, and how an organization's status may move.
import type { OrgStatus, OrgType, Role } from './enums';

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
