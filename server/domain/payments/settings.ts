import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { PaymentProvider } from '@/lib/payments';
import { creditorPaymentSettings, type CreditorPaymentSettings } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { encryptPii } from '../../pii/crypto';
import { alipayPrivateKey, alipayPublicKey } from '../../payments/alipay';
import { notifyUrl } from '../../payments/config';

// The creditor's payment settings (issue 20): its own repayment account (收款账户), shown in
// full on its debtors' pages, and optionally a payment-link provider (Alipay) with the
// creditor's application id and keys. The private key is sealed at rest and never shown
// again; leaving it empty on a later save keeps the one on file. Admins only, audited.

export type PaymentSettingsInput = {
  accountName: string;
  bankName: string;
  accountNo: string;
  provider: PaymentProvider | null;
  providerAppId: string;
  /** Empty: keep the key on file. */
  providerPrivateKey: string;
  providerPublicKey: string;
};

const view = (row: CreditorPaymentSettings | undefined) => ({
  accountName: row?.accountName ?? '',
  bankName: row?.bankName ?? '',
  accountNo: row?.accountNo ?? '',
  provider: row?.provider ?? null,
  providerAppId: row?.providerAppId ?? '',
  hasPrivateKey: Boolean(row?.providerPrivateKeySealed),
  providerPublicKey: row?.providerPublicKey ?? '',
  updatedAt: row?.updatedAt ?? null,
  /** Where the provider must post its notifications (set in its console), or null without PAYMENTS_PUBLIC_URL. */
  notifyUrl: notifyUrl('alipay'),
});
export type PaymentSettingsView = ReturnType<typeof view>;

/** What is safe to keep in the audit trail: whether keys are there, never the keys. */
const audited = (v: PaymentSettingsView) => ({
  accountName: v.accountName,
  bankName: v.bankName,
  accountNo: v.accountNo,
  provider: v.provider,
  providerAppId: v.providerAppId,
  hasPrivateKey: v.hasPrivateKey,
  hasPublicKey: v.providerPublicKey !== '',
});

export const settingsOf = async (db: DbOrTx, creditorId: string) => {
  const [row] = await db.select().from(creditorPaymentSettings).where(eq(creditorPaymentSettings.orgId, creditorId));
  return row ?? null;
};

export const getPaymentSettings = async (db: DbOrTx, caller: Caller) =>
  view((await settingsOf(db, caller.actor.orgId)) ?? undefined);

const checkKey = (read: (raw: string) => unknown, raw: string, field: string) => {
  try {
    read(raw);
  } catch {
    throw new DomainError('payments.badKey', { field });
  }
};

export const savePaymentSettings = async (db: DbOrTx, caller: Caller, input: PaymentSettingsInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(creditorPaymentSettings)
      .where(eq(creditorPaymentSettings.orgId, caller.actor.orgId))
      .for('update');
    let sealed = before?.providerPrivateKeySealed ?? null;
    if (input.provider) {
      if (input.providerPrivateKey !== '') {
        checkKey(alipayPrivateKey, input.providerPrivateKey, 'providerPrivateKey');
        sealed = encryptPii(input.providerPrivateKey.trim());
      } else if (!sealed) throw new DomainError('payments.keyRequired', { field: 'providerPrivateKey' });
      checkKey(alipayPublicKey, input.providerPublicKey, 'providerPublicKey');
    } else sealed = null;
    const values = {
      accountName: input.accountName,
      bankName: input.bankName,
      accountNo: input.accountNo,
      provider: input.provider,
      providerAppId: input.provider ? input.providerAppId : '',
      providerPrivateKeySealed: sealed,
      providerPublicKey: input.provider ? input.providerPublicKey.trim() : '',
      updatedBy: caller.actor.userId,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(creditorPaymentSettings)
      .values({ orgId: caller.actor.orgId, ...values })
      .onConflictDoUpdate({ target: creditorPaymentSettings.orgId, set: values })
      .returning();
    const after = view(row);
    await writeAudit(tx, caller, {
      action: 'payments.settings',
      resourceType: 'organization',
      resourceId: caller.actor.orgId,
      orgId: caller.actor.orgId,
      before: before ? audited(view(before)) : null,
      after: audited(after),
    });
    return after;
  });
