import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { AuditFinding } from '@/lib/enums';
import {
  caseActions,
  caseFlags,
  cases,
  complaints,
  fieldAuditItems,
  fieldVisits,
  users,
  visitEvidence,
} from '@/db/schema';
import { DomainError } from '../../errors';
import { maskName } from '../../pii/crypto';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

// The sampled records of an audit with what the auditor needs beside each: the case, the
// visit's time, address, evidence and flags, or the action's channel, outcome, note and
// flags. The evidence itself is on the case record (staff read it there, audited).

/** One sampled record with its audit (what a sanction citing the finding shows), or NOT_FOUND. */
export const getAuditItem = async (db: DbOrTx, itemId: string) => {
  const [row] = await db
    .select({ auditId: fieldAuditItems.auditId })
    .from(fieldAuditItems)
    .where(eq(fieldAuditItems.id, itemId));
  if (!row) throw new DomainError('audit.itemNotFound', { field: 'itemId' });
  const [item] = (await listAuditItems(db, row.auditId, { itemId, limit: 1 })).items;
  if (!item) throw new DomainError('audit.itemNotFound', { field: 'itemId' });
  return { auditId: row.auditId, item };
};

export const listAuditItems = async (
  db: DbOrTx,
  auditId: string,
  input: {
    finding?: AuditFinding | 'unreviewed' | undefined;
    itemId?: string | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: fieldAuditItems.id,
      kind: fieldAuditItems.kind,
      caseId: fieldAuditItems.caseId,
      contractNo: cases.contractNo,
      debtorName: cases.debtorName,
      finding: fieldAuditItems.finding,
      note: fieldAuditItems.note,
      reviewedAt: fieldAuditItems.reviewedAt,
      reviewerName: users.name,
      complaintId: fieldAuditItems.complaintId,
      complaintReference: complaints.reference,
      createdAt: fieldAuditItems.createdAt,
      visitedAt: fieldVisits.visitedAt,
      address: fieldVisits.address,
      evidence: sql<
        number | null
      >`(select count(*)::int from ${visitEvidence} e where e.visit_id = ${fieldAuditItems.visitId})`,
      visitFlags: sql<
        string[]
      >`coalesce((select jsonb_agg(f.rule) from ${caseFlags} f where f.visit_id = ${fieldAuditItems.visitId}), '[]'::jsonb)`,
      actionAt: caseActions.at,
      channel: caseActions.channel,
      outcome: caseActions.outcome,
      actionNote: caseActions.note,
      actionFlags: caseActions.flags,
      isCorrection: sql<boolean>`${caseActions.correctsId} is not null`,
    })
    .from(fieldAuditItems)
    .innerJoin(cases, eq(cases.id, fieldAuditItems.caseId))
    .leftJoin(users, eq(users.id, fieldAuditItems.reviewedBy))
    .leftJoin(complaints, eq(complaints.id, fieldAuditItems.complaintId))
    .leftJoin(fieldVisits, eq(fieldVisits.id, fieldAuditItems.visitId))
    .leftJoin(caseActions, eq(caseActions.id, fieldAuditItems.actionId))
    .where(
      and(
        eq(fieldAuditItems.auditId, auditId),
        input.itemId ? eq(fieldAuditItems.id, input.itemId) : undefined,
        input.finding === 'unreviewed'
          ? isNull(fieldAuditItems.finding)
          : input.finding
            ? eq(fieldAuditItems.finding, input.finding)
            : undefined,
        cursor ? afterCursor(fieldAuditItems.createdAt, fieldAuditItems.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(fieldAuditItems.createdAt), desc(fieldAuditItems.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseId: r.caseId,
      contractNo: r.contractNo,
      debtorName: maskName(r.debtorName),
      finding: r.finding,
      note: r.note,
      reviewedAt: r.reviewedAt,
      reviewerName: r.reviewerName,
      complaint: r.complaintId && r.complaintReference ? { id: r.complaintId, reference: r.complaintReference } : null,
      at: r.kind === 'visit' ? r.visitedAt : r.actionAt,
      address: r.address,
      evidence: r.kind === 'visit' ? (r.evidence ?? 0) : null,
      channel: r.channel,
      outcome: r.outcome,
      actionNote: r.actionNote,
      isCorrection: r.kind === 'action' ? r.isCorrection : false,
      flags: r.kind === 'visit' ? r.visitFlags : (r.actionFlags ?? []).map((f) => f.rule),
    })),
    nextCursor: page.nextCursor,
  };
};
