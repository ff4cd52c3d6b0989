import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseHolds, complaintEvidence, complaintUploads } from '@/db/schema';
import { DomainError } from '../../errors';
import { DAY_MS } from '@/lib/dates';

// Uploads from the public pages, made before the filing that names them: a complaint's
// evidence, or the document a debtor attaches to a dispute. Each belongs to one filing.

export const MAX_EVIDENCE = 6;
/** Uploads not filed within a day can no longer be attached (and the retention sweep removes them). */
export const UPLOAD_TTL_MS = DAY_MS;

export type Evidence = { uploadId: string; fileName: string };

/**
 * The uploads named by a filing (a complaint's evidence, a dispute's document): each must
 * exist, be recent and belong to nothing yet.
 */
export const claimUploads = async (tx: Tx, evidence: readonly Evidence[], now: Date, field = 'evidence') => {
  if (evidence.length > MAX_EVIDENCE)
    throw new DomainError('complaint.tooManyFiles', { field: 'evidence', values: { max: MAX_EVIDENCE } });
  if (evidence.length === 0) return [];
  const ids = [...new Set(evidence.map((e) => e.uploadId))];
  // Locked first: two filings naming the same upload queue here, and the second finds it taken.
  await tx
    .select({ id: complaintUploads.id })
    .from(complaintUploads)
    .where(inArray(complaintUploads.id, ids))
    .for('update');
  const rows = await tx
    .select({ u: complaintUploads, claimed: complaintEvidence.id, held: caseHolds.id })
    .from(complaintUploads)
    .leftJoin(complaintEvidence, eq(complaintEvidence.uploadId, complaintUploads.id))
    .leftJoin(caseHolds, eq(caseHolds.documentUploadId, complaintUploads.id))
    .where(
      and(inArray(complaintUploads.id, ids), gt(complaintUploads.createdAt, new Date(now.getTime() - UPLOAD_TTL_MS))),
    );
  const usable = new Map(rows.filter((r) => !r.claimed && !r.held).map((r) => [r.u.id, r.u]));
  return ids.map((id) => {
    const u = usable.get(id);
    if (!u) throw new DomainError('complaint.uploadNotFound', { field });
    const name = evidence.find((e) => e.uploadId === id)?.fileName ?? '';
    return {
      upload: u,
      fileName:
        name
          .replace(/[\\/\p{Cc}]/gu, '')
          .trim()
          .slice(0, 200) || u.sha256.slice(0, 12),
    };
  });
};
