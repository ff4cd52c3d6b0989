import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { BASIS_POINTS } from '@/lib/rates';
import { commissionLines, commissionMonthly, commissions, moneyMonthly, type Repayment } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';

// Commission (佣金): earned only on confirmed repayments dated inside the commission's
// term, at the commission's fee rate (the winning bid's); a reversal of such a repayment
// adds a line of the opposite amount. Lines are append-only; statements pick them up.

/** The fee on an amount in fen at a rate in basis points, rounded half away from zero. */
export const feeOf = (amount: number, feeBp: number): number => {
  const fee = Math.floor((Math.abs(amount) * feeBp + BASIS_POINTS / 2) / BASIS_POINTS);
  return amount < 0 ? -fee : fee;
};

/** Whether a day lies inside a commission's term, both ends included. */
export const insideTerm = (day: string, term: { startsOn: string; endsOn: string }) =>
  day >= term.startsOn && day <= term.endsOn;

/** The earned line of a repayment just confirmed, when it was reported under a commission and paid inside its term. */
export const earnOnConfirm = async (tx: Tx, r: Repayment, now: Date) => {
  if (!r.commissionId || !r.agencyId) return null;
  const [c] = await tx
    .select({ feeBp: commissions.feeBp, startsOn: commissions.startsOn, endsOn: commissions.endsOn })
    .from(commissions)
    .where(eq(commissions.id, r.commissionId));
  if (!c || !insideTerm(r.paidOn, c)) return null;
  const [line] = await tx
    .insert(commissionLines)
    .values({
      creditorId: r.creditorId,
      agencyId: r.agencyId,
      commissionId: r.commissionId,
      caseId: r.caseId,
      repaymentId: r.id,
      kind: 'earned',
      baseAmount: r.amount,
      feeBp: c.feeBp,
      amount: feeOf(r.amount, c.feeBp),
      earnedOn: r.paidOn,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (line)
    await addToMonthly(
      tx,
      { creditorId: line.creditorId, agencyId: line.agencyId, month: line.earnedOn.slice(0, 7) },
      { commission: line.amount },
    );
  return line ?? null;
};

/** The reversal line of a repayment taken back: the opposite of what it earned, on the day of the reversal. */
export const reverseEarning = async (tx: Tx, r: Repayment, now: Date) => {
  const [earned] = await tx
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.repaymentId, r.id), eq(commissionLines.kind, 'earned')));
  if (!earned) return null;
  const [line] = await tx
    .insert(commissionLines)
    .values({
      creditorId: earned.creditorId,
      agencyId: earned.agencyId,
      commissionId: earned.commissionId,
      caseId: earned.caseId,
      repaymentId: r.id,
      kind: 'reversal',
      baseAmount: -earned.baseAmount,
      feeBp: earned.feeBp,
      amount: -earned.amount,
      earnedOn: shanghaiDate(now),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (line)
    await addToMonthly(
      tx,
      { creditorId: line.creditorId, agencyId: line.agencyId, month: line.earnedOn.slice(0, 7) },
      { commission: line.amount },
    );
  return line ?? null;
};

/** Adds to the month's money of a creditor and agency (negative amounts take away), in the caller's transaction. */
export const addToMonthly = async (
  tx: Tx,
  key: { creditorId: string; agencyId: string; month: string },
  add: { recovered?: number; repayments?: number; commission?: number },
) => {
  await tx
    .insert(moneyMonthly)
    .values({ ...key, recovered: add.recovered ?? 0, repayments: add.repayments ?? 0, commission: add.commission ?? 0 })
    .onConflictDoUpdate({
      target: [moneyMonthly.creditorId, moneyMonthly.agencyId, moneyMonthly.month],
      set: {
        recovered: sql`${moneyMonthly.recovered} + excluded.recovered`,
        repayments: sql`${moneyMonthly.repayments} + excluded.repayments`,
        commission: sql`${moneyMonthly.commission} + excluded.commission`,
      },
    });
};

/** Adds to (or, negative, takes from) a commission's confirmed money of a month, in the caller's transaction. */
export const addToCommissionMonthly = async (
  tx: Tx,
  r: Pick<Repayment, 'commissionId' | 'creditorId' | 'paidOn'>,
  amount: number,
) => {
  if (!r.commissionId) return;
  await tx
    .insert(commissionMonthly)
    .values({ commissionId: r.commissionId, creditorId: r.creditorId, month: r.paidOn.slice(0, 7), recovered: amount })
    .onConflictDoUpdate({
      target: [commissionMonthly.commissionId, commissionMonthly.month],
      set: { recovered: sql`${commissionMonthly.recovered} + excluded.recovered` },
    });
};
