// The monthly collection disclosure (每月催收数据公布, DESIGN §3): the creditor's month in
// figures (placed, under collection, recovered and its rate, agencies, settled cases and
// cases closed as unrecoverable),
// the platform-wide sum for staff, and publication on the public page, frozen once
// published. Only ended months; one creditor never sees another's figures.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, commissions, disclosures } from '@/db/schema';
import { closeUnrecoverable } from '../../../domain/cases/close';
import { decideRepayment, reportRepayment } from '../../../domain/money/repayments';
import { disclosureFigures } from '../../../domain/money/disclosure';
import { getTranslate } from '../../../i18n/translate';
import { disclosurePdf, disclosureRows } from '../../../reports/disclosure-files';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { describeError } from '../../errors';
import type { TRPCError } from '@trpc/server';

const ctx = freshWorldPerTest();
const beijing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const lastMonth = () => {
  const [y, m] = beijing(new Date()).slice(0, 7).split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** Two cases of agencyA placed on the first of last month; one repaid in part, one paid off, both on the 15th. */
const lastMonthWork = async () => {
  const month = lastMonth();
  const made = await workingCases(ctx.w, 2);
  await ctx.handle.db.update(commissions).set({ startsOn: `${month}-01` }).where(eq(commissions.packageId, made.pkg.id));
  const rows = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, made.pkg.id));
  const [a, b] = rows;
  const collector = await domainCaller(ctx.w, 'agencyA.collector');
  const manager = await domainCaller(ctx.w, 'creditorA.manager');
  for (const [c, amount, ref] of [
    [a!, 10_000, 'D-1'],
    [b!, b!.amountOverdue, 'D-2'],
  ] as const) {
    const r = await reportRepayment(ctx.handle.db, collector, { caseId: c.id, amount, paidOn: `${month}-15`, channel: 'bank_transfer', payer: '本人', reference: ref, note: '' });
    await decideRepayment(ctx.handle.db, manager, { repaymentId: r.id, confirm: true, note: '' });
  }
  const [commission] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, made.pkg.id));
  return { month, a: a!, b: b!, commission: commission! };
};

describe('the monthly disclosure', () => {
  it('counts the month’s placements, cases under collection, recovery and its rate, agencies and settled cases', async () => {
    const { month, b, commission } = await lastMonthWork();
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const { figures, published } = await creditor.disclosure.get({ month });
    const recovered = 10_000 + b.amountOverdue;
    expect(published).toBeNull();
    expect(figures).toMatchObject({
      month,
      creditorName: ctx.w.orgs.creditorA.name,
      placements: { commissions: 1, cases: commission.caseCount, amount: commission.totalOverdue },
      underCollection: { cases: commission.caseCount, amount: commission.totalOverdue },
      recovered: { amount: recovered, repayments: 2, rateBp: Math.round((recovered * 10_000) / commission.totalOverdue) },
      settledCases: 1,
      creditors: [],
    });
    expect(figures.agencies).toEqual([{ id: ctx.w.orgs.agencyA.id, name: ctx.w.orgs.agencyA.name, cases: commission.caseCount, amount: commission.totalOverdue, recovered, rateBp: figures.recovered.rateBp }]);
    expect(figures.recovered.commission).toBeGreaterThan(0);
    // The settled case counts on the day it was paid off: last month, not today.
    expect((await ctx.handle.db.select({ settledOn: cases.settledOn }).from(cases).where(eq(cases.id, b.id)))[0]?.settledOn).toBe(`${month}-15`);

    // Another creditor's month holds none of it; staff see the platform's sum with a row per creditor.
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await other.disclosure.get({ month })).figures).toMatchObject({ recovered: { amount: 0 }, agencies: [], settledCases: 0 });
    const staff = await callerAs(ctx.handle.db, ctx.w.users['platform.auditor']);
    const platform = (await staff.disclosure.get({ month })).figures;
    expect(platform.creditorName).toBeNull();
    expect(platform.creditors.find((c) => c.id === ctx.w.orgs.creditorA.id)).toMatchObject({ recovered, cases: commission.caseCount });
    expect(platform.recovered.amount).toBeGreaterThanOrEqual(recovered);
  });

  it('refuses a month that has not ended, naming the field', async () => {
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const thisMonth = beijing(new Date()).slice(0, 7);
    const open = await creditor.disclosure.get({ month: thisMonth }).catch((e: unknown) => e);
    expect(open).toMatchObject({ code: 'BAD_REQUEST', message: 'disclosure.monthOpen' });
    const message = `${thisMonth} 还没有结束，月末之后才有这个月的数据公布`;
    expect(describeError('zh-CN', open as TRPCError)).toMatchObject({ message, fieldErrors: { month: [message] } });
    await expect(creditor.disclosure.get({ month: '2026-13' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('publishes once, frozen: later money does not change what the public reads', async () => {
    const { month, a } = await lastMonthWork();
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorA.admin']);
    const p = await admin.disclosure.publish({ month });
    await expect(admin.disclosure.publish({ month })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin.disclosure.get({ month })).published?.id).toBe(p.id);
    const audits = await ctx.handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.resourceId, p.id));
    expect(audits.map((x) => x.action)).toEqual(['disclosure.publish']);

    const anonymous = await callerAs(ctx.handle.db, null);
    const before = await anonymous.disclosure.publishedOne({ id: p.id });
    expect(before).toMatchObject({ month, creditorName: ctx.w.orgs.creditorA.name });
    const r = await reportRepayment(ctx.handle.db, await domainCaller(ctx.w, 'agencyA.collector'), { caseId: a.id, amount: 500, paidOn: `${month}-20`, channel: 'alipay', payer: '本人', reference: 'LATE', note: '' });
    await decideRepayment(ctx.handle.db, await domainCaller(ctx.w, 'creditorA.manager'), { repaymentId: r.id, confirm: true, note: '' });
    expect((await admin.disclosure.get({ month })).figures.recovered.amount).toBe(before.figures.recovered.amount + 500);
    expect((await anonymous.disclosure.publishedOne({ id: p.id })).figures).toEqual(before.figures);
    expect((await anonymous.disclosure.published({ limit: 50 })).items.map((i) => i.id)).toContain(p.id);
    await expect(anonymous.disclosure.publishedOne({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The database itself keeps a published report as it was.
    await expect(ctx.handle.db.execute(sql`update disclosures set month = '2000-01' where id = ${p.id}`)).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from disclosures where id = ${p.id}`)).rejects.toThrow();
  });

  it('renders as a PDF and as sheet rows in either language', async () => {
    const { month } = await lastMonthWork();
    const f = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorA.id, month, ctx.w.orgs.creditorA.name);
    const pdf = await disclosurePdf(f, getTranslate('zh-CN'), '2026-11-24 09:00');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(2_000);
    const rows = disclosureRows(f, getTranslate('en'), '2026-11-24 09:00');
    expect(rows[0]).toEqual([`${ctx.w.orgs.creditorA.name}: collection figures for ${month}`]);
    expect(rows).toContainEqual([ctx.w.orgs.agencyA.name, String(f.agencies[0]?.cases), expect.stringMatching(/^¥/), expect.stringMatching(/^¥/), expect.stringMatching(/%$/)]);
  });
  it('counts the cases closed as unrecoverable by the day they were closed, for the creditor and platform-wide', async () => {
    const { month, a } = await lastMonthWork();
    const staff = await callerAs(ctx.handle.db, ctx.w.users['platform.auditor']);
    const platformBefore = (await staff.disclosure.get({ month })).figures;
    await closeUnrecoverable(ctx.handle.db, await domainCaller(ctx.w, 'creditorA.manager'), { caseId: a.id, reason: '债务人已身故，无遗产' }, new Date(`${month}-20T23:30:00+08:00`));
    // Closed late on the 20th in Beijing: still last month's, whatever the server's zone.
    expect((await ctx.handle.db.select({ closedOn: cases.closedOn }).from(cases).where(eq(cases.id, a.id)))[0]?.closedOn).toBe(`${month}-20`);
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await creditor.disclosure.get({ month })).figures).toMatchObject({ settledCases: 1, unrecoverableCases: 1 });
    expect((await (await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin'])).disclosure.get({ month })).figures.unrecoverableCases).toBe(0);
    expect((await staff.disclosure.get({ month })).figures).toMatchObject({ settledCases: platformBefore.settledCases, unrecoverableCases: platformBefore.unrecoverableCases + 1 });
    const f = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorA.id, month, ctx.w.orgs.creditorA.name);
    expect(disclosureRows(f, getTranslate('zh-CN'), '2026-11-24 09:00')).toContainEqual(['本月核销案件', '1']);
    expect(disclosureRows(f, getTranslate('en'), '2026-11-24 09:00')).toContainEqual(['Closed as unrecoverable this month', '1']);
  });

  it('still reads, renders and lists a report published before closed cases were counted, as 0', async () => {
    const month = lastMonth();
    const { unrecoverableCases: _added, ...older } = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorB.id, month, ctx.w.orgs.creditorB.name);
    const [stored] = await ctx.handle.db.insert(disclosures).values({ creditorId: ctx.w.orgs.creditorB.id, month, figures: older, publishedBy: ctx.w.users['creditorB.admin'].id }).returning({ id: disclosures.id });
    const anonymous = await callerAs(ctx.handle.db, null);
    const one = await anonymous.disclosure.publishedOne({ id: stored?.id ?? '' });
    expect(one.figures).toMatchObject({ settledCases: 0, unrecoverableCases: 0 });
    expect((await anonymous.disclosure.published({ limit: 50 })).items.find((i) => i.id === stored?.id)?.figures.unrecoverableCases).toBe(0);
    const pdf = await disclosurePdf(one.figures, getTranslate('en'), '2026-11-24 09:00');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(disclosureRows(one.figures, getTranslate('zh-CN'), '2026-11-24 09:00')).toContainEqual(['本月核销案件', '0']);
  });
});
