import { uploadFile } from '@/server/domain/files/files';
import { planVisit, recordVisit } from '@/server/domain/work/visits';
import { bytesStream } from '@/server/storage/ingest';
import { getBlobStore } from '@/server/storage/store';
import type { AuthzTable } from '@/server/testing/authz';
import { pngPhoto } from '@/db/seed/evidence';
import { dayAfterTomorrow, inDaytimeZone, visitableCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// Field visits: every role of the agency that works the case; the case record: its
// creditor and the platform's auditors and complaint handlers.
type Made = { caseId: string; visitId: string; fileId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { caseId: '', visitId: '', fileId: '' };

/** A case in a zone where it is daytime now, with a planned visit (and, if asked, a recorded one with a photo uploaded). */
const withVisit = (recorded: boolean) => async (w: World) => {
  const { caseId } = await visitableCases(w, 2);
  await inDaytimeZone(w, caseId);
  const collector = await domainCaller(w, 'agencyA.collector');
  const staffIds = [w.users['agencyA.collector'].id, w.users['agencyA.supervisor'].id];
  const visit = await planVisit(w.db, collector, { caseId, date: dayAfterTomorrow(), time: '12:00', staffIds, address: '杭州市西湖区文三路 90 号', purpose: '' });
  if (recorded) await recordVisit(w.db, collector, { visitId: visit.id, outcome: 'unanswered', note: '无人应门' });
  const file = await uploadFile(w.db, collector, bytesStream(pngPhoto()), getBlobStore());
  made.set(w, { caseId, visitId: visit.id, fileId: file.id });
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
  'record.case': {
    setup: withVisit(true),
    input: (w) => ({ caseId: of(w).caseId }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ caseId: of(w).caseId }) },
  },
  'record.actions': {
    setup: withVisit(true),
    input: (w) => ({ caseId: of(w).caseId, limit: 10 }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ caseId: of(w).caseId, limit: 10 }) },
  },
  'record.visitList': {
    setup: withVisit(true),
    input: () => ({ limit: 10 }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: { none: 'a creditor lists only visits on its own cases (visits.integration.test.ts, visit lists)', tenant: 'creditorA.admin' },
  },
  'record.visits': {
    setup: withVisit(true),
    input: (w) => ({ caseId: of(w).caseId }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.viewer', input: (w) => ({ caseId: of(w).caseId }) },
  },
};
