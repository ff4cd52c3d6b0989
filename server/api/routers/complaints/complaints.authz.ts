import { acknowledgeComplaint, decideComplaint, requestAgencyResponse } from '@/server/domain/complaints/workflow';
import type { AuthzTable } from '@/server/testing/authz';
import { filePublicFor, publicInputFor } from '@/server/testing/complaints';
import { workingCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// Complaints: anyone may file, upload evidence and follow on the public page; staff who
// handle complaints take every step; the agency complained about answers when asked;
// creditors read and file complaints on their own cases.
type Made = { complaintId: string; caseId: string; contractNo: string; debtorName: string; idNumberMasked: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made =>
  made.get(w) ?? { complaintId: '', caseId: '', contractNo: '', debtorName: '', idNumberMasked: '' };

/** A public complaint about agencyA's case of creditorA, acknowledged, and awaiting the agency's answer if asked. */
const withComplaint = (stage: 'received' | 'acknowledged' | 'awaiting') => async (w: World) => {
  const { row } = await workingCases(w, 2);
  if (!row) throw new Error('no case');
  const { id: complaintId } = await filePublicFor(w, row);
  const staff = await domainCaller(w, 'platform.complaints');
  if (stage !== 'received') await acknowledgeComplaint(w.db, staff, { complaintId, note: '' });
  if (stage === 'awaiting') await requestAgencyResponse(w.db, staff, { complaintId, note: '' });
  made.set(w, {
    complaintId,
    caseId: row.id,
    contractNo: row.contractNo,
    debtorName: row.debtorName,
    idNumberMasked: row.idNumberMasked,
  });
};

const PUBLIC = 'the public complaint channel needs no account (limited per address, verified against the case)';
const id = (w: World) => ({ complaintId: of(w).complaintId, note: '' });
const STAFF_WRONG_ROLES = ['platform.reviewer', 'platform.auditor', 'creditorA.admin', 'agencyA.admin'] as const;
const handled = (stage: 'received' | 'acknowledged' | 'awaiting', input: (w: World) => unknown) => ({
  setup: withComplaint(stage),
  input,
  allowed: 'platform.complaints' as const,
  anonymous: 'refused' as const,
  wrongRole: [...STAFF_WRONG_ROLES],
  wrongTenant: { none: 'staff handle every complaint on the platform; there is no tenant to cross' },
});

export const complaintsAuthz: AuthzTable = {
  'complaints.uploadEvidence': {
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'an upload belongs to no one until a complaint names it (complaints.integration.test.ts)' },
  },
  'complaints.filePublic': {
    setup: withComplaint('received'),
    input: (w) => publicInputFor(of(w)),
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: {
      none: 'the case is found by its details, never by a tenant; a mismatch answers as an unknown case (complaints.integration.test.ts)',
    },
  },
  'complaints.follow': {
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: {
      none: 'followed by reference and ID digits only; a mismatch answers NOT_FOUND (complaints.integration.test.ts)',
    },
  },
  'complaints.proofChallenge': {
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'a challenge is random and signed; it names nothing of anyone' },
  },
  'complaints.file': {
    setup: withComplaint('received'),
    input: (w) => ({
      caseId: of(w).caseId,
      agencyId: null,
      category: 'harassment',
      description: '处置机构每天多次拨打借款人电话，超出约定频次。',
      evidence: [],
    }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorB.admin',
      input: (w) => ({
        caseId: of(w).caseId,
        agencyId: null,
        category: 'harassment',
        description: '试图投诉另一家委托方的案件。',
        evidence: [],
      }),
    },
  },
  'complaints.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer', 'agencyNew.admin'],
    wrongTenant: { none: 'lists only the session organization’s complaints (complaints.integration.test.ts)' },
  },
  'complaints.get': {
    setup: withComplaint('received'),
    input: (w) => ({ complaintId: of(w).complaintId }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ complaintId: of(w).complaintId }) },
  },
  'complaints.acknowledge': handled('received', id),
  'complaints.investigate': handled('acknowledged', id),
  'complaints.requestResponse': handled('acknowledged', id),
  'complaints.extend': handled('acknowledged', (w) => ({ complaintId: of(w).complaintId, reason: '需要调取通话记录' })),
  'complaints.decide': handled('acknowledged', (w) => ({
    complaintId: of(w).complaintId,
    outcome: 'dismissed',
    finding: '录音显示通话内容正常，投诉不成立。',
  })),
  'complaints.revealContact': handled('received', (w) => ({
    complaintId: of(w).complaintId,
    reason: '回电核实投诉经过',
  })),
  'complaints.close': {
    ...handled('acknowledged', id),
    setup: async (w) => {
      await withComplaint('acknowledged')(w);
      await decideComplaint(w.db, await domainCaller(w, 'platform.complaints'), {
        complaintId: of(w).complaintId,
        outcome: 'dismissed',
        finding: '投诉不成立，已告知投诉人。',
      });
    },
  },
  'complaints.respond': {
    setup: withComplaint('awaiting'),
    input: (w) => ({
      complaintId: of(w).complaintId,
      response: '我司已核查通话录音，催收员用语规范，附录音供平台核实。',
    }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.complaints'],
    wrongTenant: {
      as: 'agencyB.admin',
      input: (w) => ({ complaintId: of(w).complaintId, response: '我司并未处置这件案件，不应能答复。' }),
    },
  },
};
