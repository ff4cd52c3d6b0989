import type { AuthzTable } from '@/server/testing/authz';
import { caseWithVisit, dayAfterTomorrow } from '@/server/testing/work';
import type { World } from '@/server/testing/world';

// Field visits: every role of the agency that works the case.
type Made = { caseId: string; visitId: string; fileId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { caseId: '', visitId: '', fileId: '' };

/** A case in a zone where it is daytime now, with a planned visit (and, if asked, a recorded one with a photo uploaded). */
const withVisit = (recorded: boolean) => async (w: World) => {
  made.set(w, await caseWithVisit(w, recorded));
};

const NOT_AGENCY = ['creditorA.admin', 'platform.admin', 'agencyNew.admin'] as const;
const plan = (w: World) => ({ caseId: of(w).caseId, date: dayAfterTomorrow(), time: '13:00', staffIds: [w.users['agencyA.collector'].id, w.users['agencyA.admin'].id], address: '杭州市西湖区文三路 90 号', purpose: '面谈' });

export const visitsAuthz: AuthzTable = {
  'work.visits': {
    setup: withVisit(false),
    input: (w) => ({ caseId: of(w).caseId }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ caseId: of(w).caseId }) },
  },
  'work.visitStaff': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only the session agency’s own active users' },
  },
  'work.planVisit': {
    setup: withVisit(false),
    input: plan,
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: plan },
  },
  'work.recordVisit': {
    setup: withVisit(false),
    input: (w) => ({ visitId: of(w).visitId, outcome: 'answered', note: '见到本人' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ visitId: of(w).visitId, outcome: 'answered', note: '' }) },
  },
  'work.cancelVisit': {
    setup: withVisit(false),
    input: (w) => ({ visitId: of(w).visitId, reason: '债务人来电改约' }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ visitId: of(w).visitId, reason: '债务人来电改约' }) },
  },
  'work.attachEvidence': {
    setup: withVisit(true),
    input: (w) => ({ visitId: of(w).visitId, fileId: of(w).fileId, fileName: '门牌.png' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ visitId: of(w).visitId, fileId: of(w).fileId, fileName: '门牌.png' }) },
  },
};
