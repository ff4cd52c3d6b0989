import { wavRecording } from '@/db/seed/evidence';
import { uploadFile } from '@/server/domain/files/files';
import { bytesStream } from '@/server/storage/ingest';
import { getBlobStore } from '@/server/storage/store';
import type { AuthzTable } from '@/server/testing/authz';
import { insertCallRecord } from '@/server/testing/call-records';
import { workingCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// The page of one call is read by whoever reads call records (calls.read): another
// organization's call answers NOT_FOUND. A recording is attached by the making agency's
// admins and supervisors (calls.write), from their own upload.
type Made = { recordId: string; fileId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { recordId: '', fileId: '' };

/** A call agencyA's collector made on one of its cases, and a recording agencyA's supervisor uploaded. */
const withCall = async (w: World) => {
  const { caseId } = await workingCases(w, 1);
  const call = await insertCallRecord(w, { caseId });
  const file = await uploadFile(
    w.db,
    await domainCaller(w, 'agencyA.supervisor'),
    bytesStream(wavRecording(1)),
    getBlobStore(),
  );
  made.set(w, { recordId: call.id, fileId: file.id });
};

export const callEvidenceAuthz: AuthzTable = {
  'callEvidence.get': {
    setup: withCall,
    input: (w) => ({ recordId: of(w).recordId }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ recordId: of(w).recordId }) },
  },
  'callEvidence.attachRecording': {
    setup: withCall,
    input: (w) => ({ recordId: of(w).recordId, fileId: of(w).fileId }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin'],
    wrongTenant: { as: 'agencyB.supervisor', input: (w) => ({ recordId: of(w).recordId, fileId: of(w).fileId }) },
  },
};
