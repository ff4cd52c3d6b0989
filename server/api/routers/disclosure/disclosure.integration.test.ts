// The monthly collection disclosure (每月催收数据公布, DESIGN §3): the creditor's month in
// figures (placed, under collection, recovered and its rate, agencies, settled cases and
// cases closed as unrecoverable),
// the platform-wide sum for staff, and publication on the public page, frozen once
// published. Only ended months; one creditor never sees another's figures.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, commissions, disclosures } from '@/db/schema';
import { closeUnrecoverable } from '../../../domain/cases/close';
import { acknowledgeComplaint, decideComplaint } from '../../../domain/complaints/workflow';
import { filePublicFor } from '../../../testing/complaints';
import { decideRepayment, reportRepayment } from '../../../domain/money/repayments';
import { disclosureFigures } from '../../../domain/money/disclosure';
import { getTranslate } from '../../../i18n/translate';
import { disclosurePdf, disclosureRows } from '../../../reports/disclosure-files';
import { count, heading, money, percent } from '../../../tabular/cells';
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
  await ctx.handle.db
    .update(commissions)
    .set({ startsOn: `${month}-01` })
    .where(eq(commissions.packageId, made.pkg.id));
  const rows = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, made.pkg.id));
  const [a, b] = rows;
  const collector = await domainCaller(ctx.w, 'agencyA.collector');
  const manager = await domainCaller(ctx.w, 'creditorA.manager');
  for (const [c, amount, ref] of [
    [a!, 10_000, 'D-1'],
    [b!, b!.amountOverdue, 'D-2'],
  ] as const) {
    const r = await reportRepayment(ctx.handle.db, collector, {
      caseId: c.id,
      amount,
      paidOn: `${month}-15`,
      channel: 'bank_transfer',
      payer: '本人',
      reference: ref,
      note: '',
    });
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
      recovered: {
        amount: recovered,
        repayments: 2,
        rateBp: Math.round((recovered * 10_000) / commission.totalOverdue),
      },
      settledCases: 1,
      creditors: [],
    });
    expect(figures.agencies).toEqual([
      {
        id: ctx.w.orgs.agencyA.id,
        name: ctx.w.orgs.agencyA.name,
        cases: commission.caseCount,
        amount: commission.totalOverdue,
        recovered,
        rateBp: figures.recovered.rateBp,
      },
    ]);
    expect(figures.recovered.commission).toBeGreaterThan(0);
    // The settled case counts on the day it was paid off: last month, not today.
    expect(
      (await ctx.handle.db.select({ settledOn: cases.settledOn }).from(cases).where(eq(cases.id, b.id)))[0]?.settledOn,
    ).toBe(`${month}-15`);

    // Another creditor's month holds none of it; staff see the platform's sum with a row per creditor.
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await other.disclosure.get({ month })).figures).toMatchObject({
      recovered: { amount: 0 },
      agencies: [],
      settledCases: 0,
    });
    const staff = await callerAs(ctx.handle.db, ctx.w.users['platform.auditor']);
    const platform = (await staff.disclosure.get({ month })).figures;
    expect(platform.creditorName).toBeNull();
    expect(platform.creditors.find((c) => c.id === ctx.w.orgs.creditorA.id)).toMatchObject({
      recovered,
      cases: commission.caseCount,
    });
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
    const audits = await ctx.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.resourceId, p.id));
    expect(audits.map((x) => x.action)).toEqual(['disclosure.publish']);

    const anonymous = await callerAs(ctx.handle.db, null);
    const before = await anonymous.disclosure.publishedOne({ id: p.id });
    expect(before).toMatchObject({ month, creditorName: ctx.w.orgs.creditorA.name });
    const r = await reportRepayment(ctx.handle.db, await domainCaller(ctx.w, 'agencyA.collector'), {
      caseId: a.id,
      amount: 500,
      paidOn: `${month}-20`,
      channel: 'alipay',
      payer: '本人',
      reference: 'LATE',
      note: '',
    });
    await decideRepayment(ctx.handle.db, await domainCaller(ctx.w, 'creditorA.manager'), {
      repaymentId: r.id,
      confirm: true,
      note: '',
    });
    expect((await admin.disclosure.get({ month })).figures.recovered.amount).toBe(
      before.figures.recovered.amount + 500,
    );
    expect((await anonymous.disclosure.publishedOne({ id: p.id })).figures).toEqual(before.figures);
    expect((await anonymous.disclosure.published({ limit: 50 })).items.map((i) => i.id)).toContain(p.id);
    await expect(
      anonymous.disclosure.publishedOne({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The database itself keeps a published report as it was.
    await expect(
      ctx.handle.db.execute(sql`update disclosures set month = '2000-01' where id = ${p.id}`),
    ).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from disclosures where id = ${p.id}`)).rejects.toThrow();
  });

  it('renders as a PDF and as sheet rows in either language', async () => {
    const { month } = await lastMonthWork();
    const f = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorA.id, month, ctx.w.orgs.creditorA.name);
    const pdf = await disclosurePdf(f, getTranslate('zh-CN'), '2026-11-24 09:00');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(2_000);
    const rows = disclosureRows(f, getTranslate('en'), '2026-11-24 09:00');
    expect(rows[0]).toEqual([heading(`${ctx.w.orgs.creditorA.name}: collection figures for ${month}`)]);
    // Counts, amounts and the rate are numbers in the sheet, not text.
    expect(rows).toContainEqual([
      ctx.w.orgs.agencyA.name,
      count(f.agencies[0]?.cases),
      money(f.agencies[0]?.amount),
      money(f.agencies[0]?.recovered),
      percent(f.agencies[0]?.rateBp),
    ]);
  });
  it('counts the cases closed as unrecoverable by the day they were closed, for the creditor and platform-wide', async () => {
    const { month, a } = await lastMonthWork();
    const staff = await callerAs(ctx.handle.db, ctx.w.users['platform.auditor']);
    const platformBefore = (await staff.disclosure.get({ month })).figures;
    await closeUnrecoverable(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.manager'),
      { caseId: a.id, reason: '债务人已身故，无遗产' },
      new Date(`${month}-20T23:30:00+08:00`),
    );
    // Closed late on the 20th in Beijing: still last month's, whatever the server's zone.
    expect(
      (await ctx.handle.db.select({ closedOn: cases.closedOn }).from(cases).where(eq(cases.id, a.id)))[0]?.closedOn,
    ).toBe(`${month}-20`);
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await creditor.disclosure.get({ month })).figures).toMatchObject({
      settledCases: 1,
      unrecoverableCases: 1,
    });
    expect(
      (await (await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin'])).disclosure.get({ month })).figures
        .unrecoverableCases,
    ).toBe(0);
    expect((await staff.disclosure.get({ month })).figures).toMatchObject({
      settledCases: platformBefore.settledCases,
      unrecoverableCases: platformBefore.unrecoverableCases + 1,
    });
    const f = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorA.id, month, ctx.w.orgs.creditorA.name);
    expect(disclosureRows(f, getTranslate('zh-CN'), '2026-11-24 09:00')).toContainEqual(['本月核销案件', '1']);
    expect(disclosureRows(f, getTranslate('en'), '2026-11-24 09:00')).toContainEqual([
      'Closed as unrecoverable this month',
      '1',
    ]);
  });

  it('still reads, renders and lists a report published before closed cases were counted, as 0', async () => {
    const month = lastMonth();
    const {
      unrecoverableCases: _added,
      complaints: _complaints,
      ...older
    } = await disclosureFigures(ctx.handle.db, ctx.w.orgs.creditorB.id, month, ctx.w.orgs.creditorB.name);
    const [stored] = await ctx.handle.db
      .insert(disclosures)
      .values({
        creditorId: ctx.w.orgs.creditorB.id,
        month,
        figures: older,
        publishedBy: ctx.w.users['creditorB.admin'].id,
      })
      .returning({ id: disclosures.id });
    const anonymous = await callerAs(ctx.handle.db, null);
    const one = await anonymous.disclosure.publishedOne({ id: stored?.id ?? '' });
    expect(one.figures).toMatchObject({ settledCases: 0, unrecoverableCases: 0 });
    expect(
      (await anonymous.disclosure.published({ limit: 50 })).items.find((i) => i.id === stored?.id)?.figures
        .unrecoverableCases,
    ).toBe(0);
    const pdf = await disclosurePdf(one.figures, getTranslate('en'), '2026-11-24 09:00');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(disclosureRows(one.figures, getTranslate('zh-CN'), '2026-11-24 09:00')).toContainEqual([
      '本月核销案件',
      '0',
    ]);
    expect(one.figures.complaints).toEqual({ received: 0, upheld: 0, dismissed: 0, openAtEnd: 0, byCategory: [] });
  });

  it('counts the month’s complaints on the creditor’s cases by category and outcome, and those still open at its end', async () => {
    const month = lastMonth();
    const made = await workingCases(ctx.w, 2);
    const row = made.row;
    if (!row) throw new Error('no case');
    const at = (day: string, hhmm = '10:00') => new Date(`${month}-${day}T${hhmm}:00+08:00`);
    const staff = await domainCaller(ctx.w, 'platform.complaints');
    // Received on the 3rd and upheld on the 10th; received on the 5th, dismissed on the 2nd of this month; received late on the last day, still open.
    const upheld = await filePublicFor(
      ctx.w,
      row,
      { category: 'threats', description: '上月三号催收员电话威胁要上门，投诉成立的那一件。' },
      at('03'),
    );
    await acknowledgeComplaint(ctx.handle.db, staff, { complaintId: upheld.id, note: '' }, at('03', '12:00'));
    await decideComplaint(
      ctx.handle.db,
      staff,
      { complaintId: upheld.id, outcome: 'upheld', finding: '录音证实威胁，投诉成立。' },
      at('10'),
    );
    const later = await filePublicFor(
      ctx.w,
      row,
      { category: 'harassment', description: '上月五号起每天深夜来电，下月才有结论的那一件。' },
      at('05'),
    );
    await acknowledgeComplaint(ctx.handle.db, staff, { complaintId: later.id, note: '' }, at('05', '12:00'));
    const [y = 0, m = 1] = month.split('-').map(Number);
    const nextMonthDay2 = new Date(
      `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-02T10:00:00+08:00`,
    );
    await decideComplaint(
      ctx.handle.db,
      staff,
      { complaintId: later.id, outcome: 'dismissed', finding: '通话时间均在规定时段内。' },
      nextMonthDay2,
    );
    const lastDay = new Date(new Date(nextMonthDay2.getTime() - 86_400_000 - 10 * 3_600_000 - 30 * 60_000));
    await filePublicFor(
      ctx.w,
      row,
      { category: 'harassment', description: '月末最后一晚十一点半收到催收短信，尚未处理的那一件。' },
      lastDay,
    );

    const f = (await (await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer'])).disclosure.get({ month }))
      .figures;
    expect(f.complaints).toEqual({
      received: 3,
      upheld: 1,
      dismissed: 0,
      openAtEnd: 2,
      byCategory: [
        { category: 'threats', received: 1, upheld: 1, dismissed: 0 },
        { category: 'harassment', received: 2, upheld: 0, dismissed: 0 },
      ],
    });
    expect(
      (await (await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin'])).disclosure.get({ month })).figures
        .complaints.received,
    ).toBe(0);
    const platform = (await (await callerAs(ctx.handle.db, ctx.w.users['platform.auditor'])).disclosure.get({ month }))
      .figures;
    expect(platform.complaints.received).toBeGreaterThanOrEqual(3);
    const rows = disclosureRows(f, getTranslate('zh-CN'), '2026-11-24 09:00');
    expect(rows).toContainEqual(['本月收到投诉 3 件；本月作出结论：成立 1 件、不成立 0 件；月末尚未办结 2 件。']);
    expect(rows).toContainEqual(['威胁、恐吓或暴力', count(1), count(1), count(0)]);
    expect(disclosureRows(f, getTranslate('en'), '2026-11-24 09:00')).toContainEqual([
      'Harassment (time or frequency)',
      count(2),
      count(0),
      count(0),
    ]);
  });
});
