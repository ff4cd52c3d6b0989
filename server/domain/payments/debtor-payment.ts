import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { OPEN_CASE_STATUSES } from '@/lib/enums';
import { formatPaymentRef } from '@/lib/payments';
import { cases, organizations, paymentOrders, type CaseRow } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { linkProviderOf, notifyUrl } from '../../payments/config';
import { PaymentProviderError, type PaymentLinkProvider } from '../../payments/provider';
import type { DebtorSessionView } from '../debtor/verify';
import { amountDue, pendingOn } from '../money/repayments';
import { instalmentsOf, planInForce } from '../work/plans';
import { ensurePaymentRef } from './refs';
import { settingsOf } from './settings';

// Paying the creditor directly from the debtor's page (issue 20): the creditor's own
// account (never an agency's), what is owed, and the case's reference code to write in the
// transfer's remark; with a provider configured, a "pay online" link for what is owed (or
// the next instalment of a plan in force) whose trade number carries the code.

/** An unpaid link made this recently for the same amount is handed out again rather than a new one. */
const REUSE_MS = 30 * 60_000;

/** What is owed and, under a plan in force, the next instalment's part still unpaid. */
const owedOn = async (db: DbOrTx, c: CaseRow) => {
  const owed = Math.max(0, (await amountDue(db, c)) - c.repaidAmount - (await pendingOn(db, c.id)));
  const plan = await planInForce(db, c.id);
  const next =
    plan?.status === 'active' ? (await instalmentsOf(db, plan.id)).find((i) => i.status !== 'paid') : undefined;
  const instalment = next
    ? { no: next.no, dueDate: next.dueDate, amount: Math.min(owed, next.amount - next.paidAmount) }
    : null;
  return { owed, instalment };
};

/** The debtor's payment card; the case's reference code is made here the first time it is shown. */
export const debtorPayment = async (db: DbOrTx, meta: RequestMeta, session: DebtorSessionView) =>
  db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: cases, creditorName: organizations.name })
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.creditorId))
      .where(eq(cases.id, session.caseId));
    if (!row) throw new DomainError('case.notFound');
    const { c } = row;
    const { ref, isNew } = await ensurePaymentRef(tx, c);
    if (isNew)
      await writeAudit(
        tx,
        { ...meta, actor: null },
        { action: 'debtor.paymentRef', resourceType: 'case', resourceId: c.id, orgId: c.creditorId, after: { ref } },
      );
    const settings = await settingsOf(tx, c.creditorId);
    const hasAccount = Boolean(settings?.accountNo);
    const { owed, instalment } = await owedOn(tx, c);
    return {
      creditorName: row.creditorName,
      account:
        settings && hasAccount
          ? { accountName: settings.accountName, bankName: settings.bankName, accountNo: settings.accountNo }
          : null,
      amountOwed: owed,
      instalment,
      ref: formatPaymentRef(ref),
      isOpen: (OPEN_CASE_STATUSES as readonly string[]).includes(c.status),
      canPayOnline: Boolean(linkProviderOf(settings) && notifyUrl(settings?.provider ?? 'alipay')) && owed > 0,
    };
  });
export type DebtorPaymentView = Awaited<ReturnType<typeof debtorPayment>>;

export type PayOnlineDeps = { provider?: PaymentLinkProvider | null };

/**
 * A pay link for what is owed (the next instalment under a plan in force), from the
 * creditor's provider; audited. The provider is asked with no transaction open.
 */
export const payOnline = async (
  db: DbOrTx,
  meta: RequestMeta,
  session: DebtorSessionView,
  now = new Date(),
  deps: PayOnlineDeps = {},
) => {
  const [c] = await db.select().from(cases).where(eq(cases.id, session.caseId));
  if (!c) throw new DomainError('case.notFound');
  if (!(OPEN_CASE_STATUSES as readonly string[]).includes(c.status)) throw new DomainError('debtor.caseClosed');
  const settings = await settingsOf(db, c.creditorId);
  const provider = deps.provider === undefined ? linkProviderOf(settings) : deps.provider;
  const notify = provider ? notifyUrl(provider.name) : null;
  if (!provider || !notify) throw new DomainError('payments.noProvider');
  const { owed, instalment } = await owedOn(db, c);
  const amount = instalment?.amount ?? owed;
  if (amount <= 0) throw new DomainError('payments.nothingOwed');
  const [recent] = await db
    .select()
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.caseId, c.id),
        eq(paymentOrders.status, 'created'),
        eq(paymentOrders.amount, amount),
        gte(paymentOrders.createdAt, new Date(now.getTime() - REUSE_MS)),
      ),
    )
    .orderBy(desc(paymentOrders.createdAt))
    .limit(1);
  if (recent) return { url: recent.payUrl, amount, outTradeNo: recent.outTradeNo };
  const { ref } = await db.transaction((tx) => ensurePaymentRef(tx, c));
  // Alipay's out_trade_no: up to 64 letters, digits and underscores; the code first, so that it reads in any statement.
  const outTradeNo = `${ref}_${now.getTime().toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
  let url: string;
  try {
    ({ url } = await provider.createLink({
      outTradeNo,
      amount,
      subject: `还款 ${formatPaymentRef(ref)} ${c.contractNo}`,
      notifyUrl: notify,
    }));
  } catch (e) {
    const code = e instanceof PaymentProviderError ? e.code : 'unknown';
    throw new DomainError('payments.providerFailed', { values: { code } }, { cause: e });
  }
  return db.transaction(async (tx) => {
    await tx.insert(paymentOrders).values({
      caseId: c.id,
      creditorId: c.creditorId,
      provider: provider.name,
      outTradeNo,
      amount,
      payUrl: url,
      createdAt: now,
    });
    await writeAudit(
      tx,
      { ...meta, actor: null },
      {
        action: 'debtor.payOnline',
        resourceType: 'case',
        resourceId: c.id,
        orgId: c.creditorId,
        after: { provider: provider.name, outTradeNo, amount, instalment: instalment?.no ?? null },
      },
    );
    return { url, amount, outTradeNo };
  });
};
