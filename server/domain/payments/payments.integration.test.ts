// Paying the creditor directly (issue 20): the creditor's admin sets its own account and
// Alipay application (the private key sealed, never read back); the debtor's page shows
// the account, what is owed and the case's reference code, made once however many first
// views race; "pay online" asks the creditor's Alipay for a link whose trade number
// carries the code; Alipay's signed notification records a confirmed direct payment that
// counts for the agency's commission, once per trade; a forged one is refused.
import { and, eq } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  casePaymentRefs,
  cases,
  commissionLines,
  creditorPaymentSettings,
  paymentOrders,
  repayments,
} from '@/db/schema';
import { normalizePaymentRef } from '@/lib/payments';
import { startFakeAlipay, type FakeAlipay } from '../../testing/alipay';
import { verifiedDebtor } from '../../testing/debtor';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { startTermThisYear, workingCases } from '../../testing/work';
import { callerAs, domainCaller, META } from '../../testing/world';
import { shanghaiDate } from '@/lib/dates';
import { addDays } from '../work/plans';
import { proposeRestructure } from '../work/restructure';
import { describeError } from '../../api/errors';
import { handlePaymentNotice } from '../../payments/notify-route';
import { receivePaymentNotice } from './notice';

const ctx = freshWorldPerTest();
let fake: FakeAlipay;
beforeAll(async () => {
  fake = await startFakeAlipay();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  vi.stubEnv('PAYMENTS_ALIPAY_GATEWAY', fake.gateway);
  vi.stubEnv('PAYMENTS_PUBLIC_URL', 'https://daylight.example');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const ACCOUNT = {
  accountName: '华信消费金融有限公司',
  bankName: '中国工商银行北京分行营业部',
  accountNo: '0200 0012 3456 7890 123',
};
const withAlipay = () => ({
  ...ACCOUNT,
  provider: 'alipay' as const,
  providerAppId: fake.appId,
  providerPrivateKey: fake.merchantPrivateKey,
  providerPublicKey: fake.alipayPublicKey,
});

const debtorOn = async (caseId: string) => {
  const [row] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error('no case');
  const { token } = await verifiedDebtor(ctx.w, row);
  return callerAs(ctx.handle.db, null, 'zh-CN', { token, cookies: [] });
};
const admin = () => callerAs(ctx.handle.db, ctx.w.users['creditorA.admin']);

describe('the creditor’s payment settings', () => {
  it('keep the account and the Alipay application; the private key is sealed and never read back; audited', async () => {
    const saved = await (await admin()).payments.saveSettings(withAlipay());
    expect(saved).toMatchObject({
      ...ACCOUNT,
      accountNo: '02000012345678901 23'.replace(/\s/g, ''),
      provider: 'alipay',
    });
    expect(saved).toMatchObject({
      hasPrivateKey: true,
      notifyUrl: 'https://daylight.example/api/payments/alipay/notify',
    });
    expect(JSON.stringify(saved)).not.toContain(fake.merchantPrivateKey.slice(0, 40));
    const [row] = await ctx.handle.db.select().from(creditorPaymentSettings);
    expect(row?.providerPrivateKeySealed).not.toContain(fake.merchantPrivateKey.slice(0, 40));
    // Saved again without the key: the one on file stays.
    await (await admin()).payments.saveSettings({ ...withAlipay(), providerPrivateKey: '' });
    expect((await (await admin()).payments.settings()).hasPrivateKey).toBe(true);
    const audits = await ctx.handle.db.select().from(auditLog).where(eq(auditLog.action, 'payments.settings'));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(fake.merchantPrivateKey.slice(0, 40));
  });

  it('name the field at fault, in the caller’s language', async () => {
    const fieldErrors = async (
      locale: 'zh-CN' | 'en',
      input: Parameters<Awaited<ReturnType<typeof admin>>['payments']['saveSettings']>[0],
    ) => {
      const caller = await callerAs(ctx.handle.db, ctx.w.users['creditorA.admin'], locale);
      const refused = await caller.payments.saveSettings(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(TRPCError);
      return describeError(locale, refused as TRPCError).fieldErrors;
    };
    expect(await fieldErrors('en', { ...ACCOUNT, accountNo: '12-34', provider: null })).toEqual({
      accountNo: ['The account number is 8 to 32 digits'],
    });
    expect(await fieldErrors('zh-CN', { ...ACCOUNT, accountNo: '12-34', provider: null })).toEqual({
      accountNo: ['账号应为 8 到 32 位数字'],
    });
    expect(await fieldErrors('en', { ...withAlipay(), providerPrivateKey: 'not a key' })).toEqual({
      providerPrivateKey: [expect.stringMatching(/cannot be read/)],
    });
    expect(await fieldErrors('zh-CN', { ...withAlipay(), providerPrivateKey: '' })).toEqual({
      providerPrivateKey: ['请填写应用私钥'],
    });
  });
});

describe('the debtor’s payment card', () => {
  it('without an account: no account, says so; the code is made once, stable, and audited once', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const debtor = await debtorOn(caseId);
    const first = await debtor.debtor.payment();
    expect(first).toMatchObject({ account: null, canPayOnline: false, isOpen: true });
    expect(first.ref).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(normalizePaymentRef(first.ref)).not.toBeNull();
    expect((await debtor.debtor.payment()).ref).toBe(first.ref);
    const made = await ctx.handle.db.select().from(auditLog).where(eq(auditLog.action, 'debtor.paymentRef'));
    expect(made).toHaveLength(1);
  });

  it('makes one code however many first views race (each its own transaction)', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const debtor = await debtorOn(caseId);
    const views = await Promise.all(Array.from({ length: 6 }, () => debtor.debtor.payment()));
    expect(new Set(views.map((v) => v.ref)).size).toBe(1);
    expect(await ctx.handle.db.select().from(casePaymentRefs).where(eq(casePaymentRefs.caseId, caseId))).toHaveLength(
      1,
    );
  });

  it('shows the creditor’s own account and what is owed; pay online only with a provider', async () => {
    const { caseId, row } = await workingCases(ctx.w, 2);
    await (await admin()).payments.saveSettings({ ...ACCOUNT, provider: null });
    const debtor = await debtorOn(caseId);
    const view = await debtor.debtor.payment();
    expect(view).toMatchObject({
      account: { ...ACCOUNT, accountNo: ACCOUNT.accountNo.replace(/\s/g, '') },
      amountOwed: row?.amountOverdue,
      instalment: null,
      canPayOnline: false,
    });
    await expect(debtor.debtor.payOnline()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await (await admin()).payments.saveSettings(withAlipay());
    expect((await debtor.debtor.payment()).canPayOnline).toBe(true);
    // Without the platform's public address nothing can be notified: no button.
    vi.stubEnv('PAYMENTS_PUBLIC_URL', '');
    expect((await debtor.debtor.payment()).canPayOnline).toBe(false);
  });
});

describe('paying online', () => {
  const paidCase = async () => {
    const { caseId, pkg } = await workingCases(ctx.w, 2);
    await startTermThisYear(ctx.w, pkg.id);
    await (await admin()).payments.saveSettings(withAlipay());
    const debtor = await debtorOn(caseId);
    const { ref } = await debtor.debtor.payment();
    const link = await debtor.debtor.payOnline();
    return { caseId, ref, link, debtor };
  };

  it('makes a link from the creditor’s Alipay for what is owed, the code in the trade number; audited; handed out again while fresh', async () => {
    const { caseId, ref, link, debtor } = await paidCase();
    const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(link.url).toMatch(/^https:\/\/qr\.alipay\.com\//);
    expect(link.amount).toBe(c?.amountOverdue);
    expect(link.outTradeNo.startsWith(`${ref.replace('-', '')}_`)).toBe(true);
    const sent = fake.received.at(-1);
    expect(sent?.isSignatureValid).toBe(true);
    expect(JSON.parse(sent?.fields.biz_content ?? '{}')).toMatchObject({ out_trade_no: link.outTradeNo });
    expect(await ctx.handle.db.select().from(auditLog).where(eq(auditLog.action, 'debtor.payOnline'))).toHaveLength(1);
    const count = fake.received.length;
    expect((await debtor.debtor.payOnline()).outTradeNo).toBe(link.outTradeNo);
    expect(fake.received.length).toBe(count);
  });

  it('records Alipay’s signed notification as a confirmed payment with the agency’s commission, once per trade', async () => {
    const { caseId, link, debtor } = await paidCase();
    const fields = fake.notice({
      out_trade_no: link.outTradeNo,
      trade_no: '2026120422001400001',
      total_amount: (link.amount / 100).toFixed(2),
    });
    expect(await receivePaymentNotice(ctx.handle.db, META, 'alipay', fields)).toBe('recorded');
    expect(await receivePaymentNotice(ctx.handle.db, META, 'alipay', fields)).toBe('duplicate');
    const paid = await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, caseId));
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      source: 'creditor',
      channel: 'alipay',
      status: 'confirmed',
      amount: link.amount,
      reference: '2026120422001400001',
      reportedBy: null,
      agencyId: ctx.w.orgs.agencyA.id,
    });
    const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c?.repaidAmount).toBe(link.amount);
    // The debtor's page: paid in full, settled, the amount repaid shown; nothing more to pay.
    expect(await debtor.debtor.overview()).toMatchObject({
      repaidAmount: link.amount,
      status: 'settled',
      isOpen: false,
    });
    expect(await debtor.debtor.payment()).toMatchObject({ amountOwed: 0, isOpen: false, canPayOnline: false });
    const lines = await ctx.handle.db.select().from(commissionLines).where(eq(commissionLines.caseId, caseId));
    expect(lines.map((l) => l.baseAmount)).toEqual([link.amount]);
    const [order] = await ctx.handle.db
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.outTradeNo, link.outTradeNo));
    expect(order).toMatchObject({ status: 'paid', tradeNo: '2026120422001400001', repaymentId: paid[0]?.id });
    expect(await ctx.handle.db.select().from(auditLog).where(eq(auditLog.action, 'payments.received'))).toHaveLength(1);
    // The creditor's repayment list shows it, recorded by the provider.
    const list = await (await admin()).repayments.list({ limit: 10 });
    expect(list.items.find((r) => r.caseId === caseId)).toMatchObject({ reportedByName: null, decisionNote: null });
  });

  it('refuses a forged notification, one changed after signing, another amount or merchant, an unknown trade', async () => {
    const { caseId, link } = await paidCase();
    const base = { out_trade_no: link.outTradeNo, trade_no: 'T1', total_amount: (link.amount / 100).toFixed(2) };
    const refused = async (fields: Record<string, string>) =>
      expect(await receivePaymentNotice(ctx.handle.db, META, 'alipay', fields)).toBe('refused');
    await refused(fake.notice(base, { forged: true }));
    await refused({ ...fake.notice(base), trade_no: 'T2' });
    await refused(fake.notice({ ...base, total_amount: '0.01' }));
    await refused(fake.notice({ ...base, app_id: '2021000999999999' }));
    await refused(fake.notice({ ...base, out_trade_no: 'NOPE_1' }));
    expect(
      await receivePaymentNotice(
        ctx.handle.db,
        META,
        'alipay',
        fake.notice({ ...base, trade_status: 'WAIT_BUYER_PAY' }),
      ),
    ).toBe('ignored');
    expect(await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, caseId))).toHaveLength(0);
    const [order] = await ctx.handle.db
      .select()
      .from(paymentOrders)
      .where(and(eq(paymentOrders.caseId, caseId), eq(paymentOrders.status, 'created')));
    expect(order?.tradeNo).toBeNull();
  });

  it('answers Alipay at /api/payments/alipay/notify in its words: success once recorded, failure for a forged one', async () => {
    const { caseId, link } = await paidCase();
    const post = (fields: Record<string, string>, provider = 'alipay') =>
      handlePaymentNotice(
        new Request('https://daylight.example/api/payments/alipay/notify', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: new URLSearchParams(fields).toString(),
        }),
        ctx.handle.db,
        provider,
      );
    const base = { out_trade_no: link.outTradeNo, trade_no: 'T-HTTP', total_amount: (link.amount / 100).toFixed(2) };
    const forged = await post(fake.notice(base, { forged: true }));
    expect([forged.status, await forged.text()]).toEqual([200, 'failure']);
    const paid = await post(fake.notice(base));
    expect([paid.status, await paid.text()]).toEqual([200, 'success']);
    const again = await post(fake.notice(base));
    expect(await again.text()).toBe('success');
    expect((await post(fake.notice(base), 'paypal')).status).toBe(404);
    expect(await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, caseId))).toHaveLength(1);
  });

  it('under a plan in force asks for the next instalment, and the paid one moves the card to the next', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    await ctx.handle.db.update(cases).set({ amountOverdue: 1_200_000 }).where(eq(cases.id, caseId));
    const firstDueDate = addDays(shanghaiDate(new Date()), 5);
    await proposeRestructure(ctx.handle.db, await domainCaller(ctx.w, 'agencyA.collector'), {
      caseId,
      kind: 'instalments',
      terms: { instalments: 3, firstDueDate },
      reason: '收入下降',
    });
    await (await admin()).payments.saveSettings(withAlipay());
    const debtor = await debtorOn(caseId);
    expect(await debtor.debtor.payment()).toMatchObject({
      amountOwed: 1_200_000,
      instalment: { no: 1, dueDate: firstDueDate, amount: 400_000 },
    });
    const link = await debtor.debtor.payOnline();
    expect(link.amount).toBe(400_000);
    const paid = fake.notice({ out_trade_no: link.outTradeNo, trade_no: 'T-PLAN-1', total_amount: '4000.00' });
    expect(await receivePaymentNotice(ctx.handle.db, META, 'alipay', paid)).toBe('recorded');
    expect(await debtor.debtor.payment()).toMatchObject({
      amountOwed: 800_000,
      instalment: { no: 2, amount: 400_000 },
    });
  });
});
