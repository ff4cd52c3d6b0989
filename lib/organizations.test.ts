// Organization status moves by hand follow DESIGN §3: a ban is permanent; suspension
// returns to active or ends in a ban; an applicant is admitted only by the admission review
// and a lapsed admission renewed only by it, never by the status control.
import { describe, expect, it } from 'vitest';
import { ORG_STATUSES } from './enums';
import { canMoveOrgStatus, isRoleAllowedFor } from './organizations';

describe('organization status moves', () => {
  it('never leaves banned', () => {
    for (const to of ORG_STATUSES) expect(canMoveOrgStatus('banned', to)).toBe(false);
  });

  it.each([
    ['active', 'suspended', true],
    ['suspended', 'active', true],
    ['suspended', 'banned', true],
    ['applicant', 'active', false],
    ['applicant', 'suspended', false],
    ['applicant', 'expired', false],
    ['applicant', 'banned', false],
    ['expired', 'active', false],
    ['expired', 'suspended', false],
    ['active', 'expired', false],
    ['active', 'banned', true],
    ['active', 'applicant', false],
    ['active', 'active', false],
  ] as const)('%s → %s is %s', (from, to, ok) => {
    expect(canMoveOrgStatus(from, to)).toBe(ok);
  });
});

describe('roles by organization type', () => {
  it('keeps roles inside their kind of organization', () => {
    expect(isRoleAllowedFor('agency', 'collector')).toBe(true);
    expect(isRoleAllowedFor('creditor', 'collector')).toBe(false);
    expect(isRoleAllowedFor('platform', 'reviewer')).toBe(true);
    expect(isRoleAllowedFor('creditor', 'reviewer')).toBe(false);
  });
});
