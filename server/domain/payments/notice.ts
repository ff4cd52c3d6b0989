import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { shanghaiDate } from '@/lib/dates';
import type { PaymentProvider } from '@/lib/payments';
import { cases, paymentOrders, repayments } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { linkProviderOf } from '../../payments/config';
import type { PaymentLinkProvider } from '../../payments/provider';
import { applyConfirmed } from '../money/repayments';
import { emitEvent } from '../webhooks/emit';
import { settingsOf } from './settings';

// The provider's notification that a debtor paid online (issue 20). Believed only when its
// signature holds under the creditor's provider key, its merchant is the creditor's and its
// amount is the link's; then recorded, in one transaction, as a confirmed direct payment on
// the case (counted for the agency's commission inside its term, as a direct payment in the
// creditor's repayment file is). Providers repeat a notification until it is answered:
// a second one of the same trade finds the link paid and is answered the same way.

export type NoticeOutcome = 'recorded' | 'duplicate' | 'ignored' | 'refused';

export const receivePaymentNotice = async (
  db: DbOrTx,
  meta: RequestMeta,
  providerName: PaymentProvider,
  fields: Readonly<Record<string, string>>,
  now = new Date(),
  deps: { provider?: (creditorId: string) => Promise<PaymentLinkProvider | null> } = {},
): Promise<NoticeOutcome> => {
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.outTradeNo, fields.out_trade_no ?? ''));
  if (!order || order.provider !== providerName) return 'refused';
  const settings = await settingsOf(db, order.creditorId);
  const provider = deps.provider ? await deps.provider(order.creditorId) : linkProviderOf(settings);
  const notice = provider?.readNotice(fields) ?? null;
  if (!notice || notice.outTradeNo !== order.outTradeNo || notice.appId !== (settings?.providerAppId ?? ''))
    return 'refused';
  if (!notice.isPaid) return 'ignored';
  if (notice.amount !== order.amount) return 'refused';
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(paymentOrders).where(eq(paymentOrders.id, order.id)).for('update');
    if (!locked) return 'refused';
    if (locked.status === 'paid') return locked.tradeNo === notice.tradeNo ? 'duplicate' : 'refused';
    const [c] = await tx.select().from(cases).where(eq(cases.id, order.caseId)).for('update');
    if (!c) return 'refused';
    const paidAt = notice.paidAt ?? now;
    const [saved] = await tx
      .insert(repayments)
      .values({
        caseId: c.id,
        creditorId: c.creditorId,
        agencyId: c.agencyId,
        commissionId: c.commissionId,
        source: 'creditor',
        amount: notice.amount,
        paidOn: shanghaiDate(paidAt),
        channel: 'alipay',
        payer: '本人',
        reference: notice.tradeNo,
        // The link's trade number stays with the order (payment_orders.repayment_id) and the audit row.
        note: '',
        status: 'confirmed',
        reportedBy: null,
        createdAt: now,
        decidedAt: now,
        decisionNote: null,
      })
      .returning();
    if (!saved) throw new Error('the repayment was not written');
    const caseStatus = await applyConfirmed(tx, saved, c, now);
    await tx
      .update(paymentOrders)
      .set({ status: 'paid', tradeNo: notice.tradeNo, repaymentId: saved.id, paidAt })
      .where(eq(paymentOrders.id, order.id));
    for (const orgId of new Set([c.creditorId, saved.agencyId]))
      if (orgId)
        await emitEvent(tx, {
          orgId,
          type: 'repayment.confirmed',
          payload: { repaymentId: saved.id, caseId: c.id, amountFen: saved.amount, paidOn: saved.paidOn, caseStatus },
        });
    await writeAudit(
      tx,
      { ...meta, actor: null },
      {
        action: 'payments.received',
        resourceType: 'repayment',
        resourceId: saved.id,
        orgId: c.creditorId,
        after: {
          caseId: c.id,
          provider: providerName,
          tradeNo: notice.tradeNo,
          outTradeNo: order.outTradeNo,
          amount: saved.amount,
        },
      },
    );
    return 'recorded';
  });
};
