import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { OPEN_CASE_STATUSES } from '@/lib/enums';
import { caseHolds, cases } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { raiseHold } from '../work/holds';
import { claimUploads } from '../complaints/uploads';
import type { DebtorSessionView } from './verify';

// The debtor disputes the debt on their own page (issue 20, DESIGN §1): the same hold an
// agency's "disputed" outcome raises, so that every agency's next contact is refused with
// the dispute rule until the creditor answers within its working days. The reason is the
// creditor's to read, with the document the debtor may attach; the agency sees that
// collection is paused, not why.

export const disputeAsDebtor = async (
  db: DbOrTx,
  meta: RequestMeta,
  session: DebtorSessionView,
  input: { reason: string; document?: { uploadId: string; fileName: string } | null | undefined },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    // The case row first, as every change to a case's holds takes it.
    const [c] = await tx
      .select({ id: cases.id, creditorId: cases.creditorId, contractNo: cases.contractNo, status: cases.status })
      .from(cases)
      .where(eq(cases.id, session.caseId))
      .for('update');
    if (!c) throw new DomainError('case.notFound');
    if (!(OPEN_CASE_STATUSES as readonly string[]).includes(c.status)) throw new DomainError('debtor.caseClosed');
    const [open] = await tx
      .select({ id: caseHolds.id })
      .from(caseHolds)
      .where(and(eq(caseHolds.caseId, c.id), eq(caseHolds.status, 'open')));
    if (open) throw new DomainError('debtor.alreadyOnHold');
    // The document, if any: an upload from this page not attached to anything yet.
    const [doc] = input.document ? await claimUploads(tx, [input.document], now, 'document') : [];
    const { holdId, answerDueAt } = await raiseHold(
      tx,
      c,
      {
        kind: 'dispute',
        note: input.reason,
        by: 'debtor',
        document: doc ? { uploadId: doc.upload.id, name: doc.fileName } : null,
      },
      now,
    );
    await writeAudit(
      tx,
      { ...meta, actor: null },
      {
        action: 'debtor.dispute',
        resourceType: 'case',
        resourceId: c.id,
        orgId: c.creditorId,
        after: { holdId, answerDueAt, document: doc ? { sha256: doc.upload.sha256, size: doc.upload.size } : null },
      },
    );
    return { holdId, answerDueAt };
  });
