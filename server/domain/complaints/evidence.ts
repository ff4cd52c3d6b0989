import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { RangeSpec } from '@/lib/byte-range';
import { caseHolds, complaintEvidence, complaints, complaintUploads } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAuditAlone } from '../../audit/write';
import { DomainError } from '../../errors';
import type { BlobStore } from '../../storage/store';
import { rangeOf, verifiedStream } from '../files/files';

/**
 * Opens a complaint's evidence for staff who read complaints and for the creditor of the
 * complaint's case; the agency complained about sees it
 * only through staff. Every read is audited; anyone else gets NOT_FOUND. `range` asks for part of it.
 */
export const openComplaintEvidence = async (
  db: DbOrTx,
  caller: Caller,
  evidenceId: string,
  store: BlobStore,
  range: RangeSpec | null = null,
) => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'agency' || !hasPermission(caller.actor, 'complaints.read')) throw new DomainError('file.notFound');
  const [row] = await db
    .select({ e: complaintEvidence, creditorId: complaints.creditorId, agencyId: complaints.agencyId })
    .from(complaintEvidence)
    .innerJoin(complaints, eq(complaints.id, complaintEvidence.complaintId))
    .where(eq(complaintEvidence.id, evidenceId));
  if (!row || (orgType === 'creditor' && row.creditorId !== orgId)) throw new DomainError('file.notFound');
  const bytes = rangeOf(range, row.e.size);
  const stream = await verifiedStream({ id: row.e.id, sha256: row.e.sha256, size: row.e.size }, store, bytes);
  await writeAuditAlone(db, caller, {
    action: 'file.read',
    resourceType: 'complaint_evidence',
    resourceId: row.e.id,
    orgId: row.agencyId,
    after: { complaintId: row.e.complaintId },
  });
  return { file: { sha256: row.e.sha256, size: row.e.size, mime: row.e.mime }, stream, range: bytes };
};

/**
 * Opens the document a debtor attached to their dispute, for the creditor of the case and
 * for platform staff; the agency, which does not read the debtor's reason, does not read
 * it either. Every read is audited; anyone else gets NOT_FOUND.
 */
export const openHoldDocument = async (
  db: DbOrTx,
  caller: Caller,
  holdId: string,
  store: BlobStore,
  range: RangeSpec | null = null,
) => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'agency') throw new DomainError('file.notFound');
  const [row] = await db
    .select({ hold: caseHolds, upload: complaintUploads })
    .from(caseHolds)
    .innerJoin(complaintUploads, eq(complaintUploads.id, caseHolds.documentUploadId))
    .where(eq(caseHolds.id, holdId));
  if (!row || (orgType === 'creditor' && row.hold.creditorId !== orgId)) throw new DomainError('file.notFound');
  const bytes = rangeOf(range, row.upload.size);
  const stream = await verifiedStream(
    { id: row.upload.id, sha256: row.upload.sha256, size: row.upload.size },
    store,
    bytes,
  );
  await writeAuditAlone(db, caller, {
    action: 'file.read',
    resourceType: 'case',
    resourceId: row.hold.caseId,
    orgId: row.hold.creditorId,
    after: { holdId: row.hold.id, document: row.hold.documentName },
  });
  return {
    file: { sha256: row.upload.sha256, size: row.upload.size, mime: row.upload.mime },
    stream,
    range: bytes,
  };
};
