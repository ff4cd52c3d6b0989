import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { cases, debtorSessions } from '@/db/schema';
import { queueSms } from '../../sms/send';
import type { SmsPlanAnswer } from '../../sms/texts';

// The creditor's answer to a plan the debtor asked for on their own page reaches the debtor
// by SMS, to the number they verified with when asking.

/** The number the debtor verified with in the session that asked (the latest one before `at`). */
const verifiedNumber = async (tx: DbOrTx, caseId: string, at: Date) => {
  const [s] = await tx
    .select({ phoneIdx: debtorSessions.phoneIdx })
    .from(debtorSessions)
    .where(and(eq(debtorSessions.caseId, caseId), lte(debtorSessions.createdAt, at)))
    .orderBy(desc(debtorSessions.createdAt))
    .limit(1);
  const [c] = await tx.select({ phones: cases.phones }).from(cases).where(eq(cases.id, caseId));
  return c?.phones.find((p) => p.idx === s?.phoneIdx && !p.retiredAt) ?? null;
};

/**
 * Tells the debtor the creditor's answer to a plan they asked for on their page (its
 * decision or its lapse, in the transaction that records it). Plans the agency asked for
 * are the agency's to tell.
 */
export const textDebtorPlanAnswer = async (
  tx: Tx,
  request: { caseId: string; origin: string; createdAt: Date },
  answer: SmsPlanAnswer,
) => {
  if (request.origin !== 'debtor') return;
  const to = await verifiedNumber(tx, request.caseId, request.createdAt);
  const [c] = await tx.select({ contractNo: cases.contractNo }).from(cases).where(eq(cases.id, request.caseId));
  if (!to || !c) return;
  await queueSms(tx, {
    kind: 'debtor.planDecided',
    to,
    params: { contractNo: c.contractNo, answer },
    caseId: request.caseId,
  });
};
