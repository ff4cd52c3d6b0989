import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PAYMENT_ORDER_STATUSES, PAYMENT_PROVIDERS } from '../../lib/payments';
import { cases } from './cases';
import { ts } from './columns';
import { organizations } from './organizations';
import { repayments } from './repayments';
import { users } from './users';

export const paymentProvider = pgEnum('payment_provider', PAYMENT_PROVIDERS);
export const paymentOrderStatus = pgEnum('payment_order_status', PAYMENT_ORDER_STATUSES);

/**
 * Where a creditor's debtors pay it directly (issue 20): its own repayment account (收款账户,
 * shown in full on the debtor's page) and, optionally, a payment-link provider. The
 * provider's private key is sealed with the PII key (the server needs it back to sign);
 * the provider's public key is public by nature.
 */
export const creditorPaymentSettings = pgTable('creditor_payment_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id),
  accountName: text().notNull().default(''),
  bankName: text().notNull().default(''),
  accountNo: text().notNull().default(''),
  provider: paymentProvider(),
  providerAppId: text().notNull().default(''),
  providerPrivateKeySealed: text(),
  providerPublicKey: text().notNull().default(''),
  updatedBy: uuid()
    .notNull()
    .references(() => users.id),
  updatedAt: ts().notNull().defaultNow(),
});
export type CreditorPaymentSettings = typeof creditorPaymentSettings.$inferSelect;

/**
 * A case's reference code (还款识别码): made once, the first time the debtor's page shows it,
 * and never changed; a payment whose remark carries it is that case's.
 */
export const casePaymentRefs = pgTable(
  'case_payment_refs',
  {
    caseId: uuid()
      .primaryKey()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    ref: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_payment_refs_ref_key').on(t.ref)],
);

/**
 * A payment the debtor started online (pay link / QR): its out_trade_no carries the case's
 * reference; the provider's notification records it as a repayment, once per trade number.
 */
export const paymentOrders = pgTable(
  'payment_orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    provider: paymentProvider().notNull(),
    outTradeNo: text().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    payUrl: text().notNull(),
    status: paymentOrderStatus().notNull().default('created'),
    /** The provider's trade number, once paid. */
    tradeNo: text(),
    repaymentId: uuid().references(() => repayments.id),
    createdAt: ts().notNull().defaultNow(),
    paidAt: ts(),
  },
  (t) => [
    uniqueIndex('payment_orders_out_trade_no_key').on(t.outTradeNo),
    uniqueIndex('payment_orders_trade_no_key')
      .on(t.provider, t.tradeNo)
      .where(sql`${t.tradeNo} is not null`),
    index('payment_orders_case_idx').on(t.caseId, t.createdAt),
  ],
);
export type PaymentOrder = typeof paymentOrders.$inferSelect;
