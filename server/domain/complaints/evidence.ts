import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { RangeSpec } from '@/lib/byte-range';
import { complaintEvidence, complaints } from '@/db/schema';
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
