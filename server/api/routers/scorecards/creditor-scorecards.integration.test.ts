// Creditors are scored too: each month the agencies that worked a creditor's cases rate the
// data quality of its case files (1–5, optional comment, this month or last month, until
// that month's card is computed; an agency without a commission from the creditor that
// month is told the creditor does not exist); the scorecard job computes every admitted
// creditor's card from those ratings, its restructure answers within 3 working days and
// its statements paid within 10 working days of both sides agreeing; the inputs are stored
// and compute the same score again; the creditor reads its own cards without learning who
// rated what, staff read every creditor's, and agencies see the current score in the
// marketplace.
import { and, eq, gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, caseHolds, creditorRatings, creditorScorecards, restructureRequests, statements } from '@/db/schema';
import { DAY_MS, shanghaiInstant } from '@/lib/dates';
import { addMonths, monthEnd, monthOf } from '@/lib/months';
import { loadWorkingCalendar } from '../../../domain/calendar/calendar';
import { computeCreditorScorecards } from '../../../domain/scorecards/creditor-compute';
import { computeCreditorScorecard, CREDITOR_FORMULA_VERSION } from '../../../domain/scorecards/creditor-formula';
import { paymentDueDay } from '../../../domain/scorecards/creditor-inputs';
import { SCORECARD_JOB } from '../../../domain/scorecards/compute';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { openPackage } from '../../../testing/packages';
import { commissionedSince } from '../../../testing/scorecards';
import { callerAs, type UserKey } from '../../../testing/world';
import { describeError } from '../../errors';
import { ZCreditorScorecardInputs } from './creditors.schema';
import type { TRPCError } from '@trpc/server';

const ctx = freshWorldPerTest();
const trpc = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const thisMonth = () => monthOf(new Date());
const lastMonth = () => addMonths(thisMonth(), -1);
const at = (day: string, hhmm = '10:00') => shanghaiInstant(`${day}T${hhmm}:00`);
const cardOf = async (creditorId: string, month: string) =>
  (
    await ctx.handle.db
      .select()
      .from(creditorScorecards)
      .where(and(eq(creditorScorecards.creditorId, creditorId), eq(creditorScorecards.month, month)))
  )[0];

describe('agencies rating creditors', () => {
  it('takes an agency admin’s rating of a creditor it worked for, replaces it on a second rating and audits both', async () => {
    await commissionedSince(ctx.w, lastMonth(), 2);
    const admin = await trpc('agencyA.admin');
    const creditorId = ctx.w.orgs.creditorA.id;
    const first = await admin.scorecards.creditors.rate({ creditorId, month: thisMonth(), rating: 2, comment: '' });
    expect(first).toMatchObject({ creditorId, month: thisMonth(), rating: 2, comment: '' });
    await admin.scorecards.creditors.rate({
      creditorId,
      month: thisMonth(),
      rating: 3,
      comment: '  联系人电话多处空号。 ',
    });
    const rows = await ctx.handle.db.select().from(creditorRatings).where(eq(creditorRatings.creditorId, creditorId));
    expect(rows.map((r) => [r.agencyId, r.month, r.rating, r.comment])).toEqual([
      [ctx.w.orgs.agencyA.id, thisMonth(), 3, '联系人电话多处空号。'],
    ]);
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'creditorScorecard.rate'), eq(auditLog.resourceId, creditorId)))
      .orderBy(auditLog.at);
    expect(audits.map((a) => [a.actorUserId, a.orgId, a.resourceId, a.before, a.after])).toEqual([
      [
        ctx.w.users['agencyA.admin'].id,
        ctx.w.orgs.agencyA.id,
        creditorId,
        null,
        { month: thisMonth(), rating: 2, comment: '' },
      ],
      [
        ctx.w.users['agencyA.admin'].id,
        ctx.w.orgs.agencyA.id,
        creditorId,
        { rating: 2, comment: '' },
        { month: thisMonth(), rating: 3, comment: '联系人电话多处空号。' },
      ],
    ]);
    const list = await (await trpc('agencyA.supervisor')).scorecards.creditors.ratings();
    expect(list.creditors).toEqual([
      {
        creditorId,
        creditorName: ctx.w.orgs.creditorA.name,
        months: [
          expect.objectContaining({ month: thisMonth(), isWorked: true, canRate: true, isClosed: false, rating: 3 }),
          expect.objectContaining({ month: lastMonth(), isWorked: true, canRate: true, isClosed: false, rating: null }),
        ],
      },
    ]);
    // agencyB worked for nobody: its list is empty.
    expect((await (await trpc('agencyB.admin')).scorecards.creditors.ratings()).creditors).toEqual([]);
  });

  it('refuses a creditor the agency had no commission from that month, a month other than this or last, and a rating out of 1–5', async () => {
    await commissionedSince(ctx.w, thisMonth(), 2);
    const creditorId = ctx.w.orgs.creditorA.id;
    const admin = await trpc('agencyA.admin');
    // Commissioned from this month on: last month is not the agency's to rate.
    const notWorked = await admin.scorecards.creditors
      .rate({ creditorId, month: lastMonth(), rating: 4, comment: '' })
      .catch((e: unknown) => e);
    expect(notWorked).toMatchObject({ code: 'NOT_FOUND', message: 'creditorRating.creditorNotFound' });
    expect(describeError('zh-CN', notWorked as TRPCError).fieldErrors).toEqual({
      creditorId: ['该月本机构没有承接这家委托方的委托，不能评价'],
    });
    await expect(
      (await trpc('agencyB.admin')).scorecards.creditors.rate({
        creditorId,
        month: thisMonth(),
        rating: 4,
        comment: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.scorecards.creditors.rate({
        creditorId: ctx.w.orgs.creditorB.id,
        month: thisMonth(),
        rating: 4,
        comment: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const old = await admin.scorecards.creditors
      .rate({ creditorId, month: addMonths(thisMonth(), -2), rating: 4, comment: '' })
      .catch((e: unknown) => e);
    expect(old).toMatchObject({ code: 'BAD_REQUEST', message: 'rating.month' });
    expect(describeError('en', old as TRPCError).fieldErrors).toEqual({
      month: [`Only this month (${thisMonth()}) or last month (${lastMonth()}) may be rated`],
    });
    const high = await admin.scorecards.creditors
      .rate({ creditorId, month: thisMonth(), rating: 6, comment: '' })
      .catch((e: unknown) => e);
    expect(high).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(describeError('zh-CN', high as TRPCError).fieldErrors ?? {})).toEqual(['rating']);
    expect(
      await ctx.handle.db.select().from(creditorRatings).where(eq(creditorRatings.creditorId, creditorId)),
    ).toEqual([]);
  });

  it('closes a month once its creditor card is computed, and keeps this month open', async () => {
    await commissionedSince(ctx.w, lastMonth(), 2);
    const creditorId = ctx.w.orgs.creditorA.id;
    const admin = await trpc('agencyA.admin');
    await admin.scorecards.creditors.rate({ creditorId, month: lastMonth(), rating: 5, comment: '资料齐全。' });
    await computeCreditorScorecards(ctx.handle.db, lastMonth());
    const closed = await admin.scorecards.creditors
      .rate({ creditorId, month: lastMonth(), rating: 1, comment: '' })
      .catch((e: unknown) => e);
    expect(closed).toMatchObject({ code: 'CONFLICT', message: 'creditorRating.closed' });
    expect(describeError('zh-CN', closed as TRPCError).fieldErrors).toEqual({
      month: [`${lastMonth()} 的委托方评分卡已经计算，评价不能再修改`],
    });
    await expect(
      admin.scorecards.creditors.rate({ creditorId, month: thisMonth(), rating: 4, comment: '' }),
    ).resolves.toMatchObject({ rating: 4 });
    const list = await admin.scorecards.creditors.ratings();
    expect(list.creditors[0]?.months).toEqual([
      expect.objectContaining({ month: thisMonth(), canRate: true, isClosed: false, rating: 4 }),
      expect.objectContaining({ month: lastMonth(), canRate: false, isClosed: true, rating: 5 }),
    ]);
    expect((await cardOf(creditorId, lastMonth()))?.inputs).toMatchObject({ ratings: [5] });
  });
});

describe('a rating racing the computation of its month', () => {
  it('either lands before the card reads the ratings, or finds the card and is refused', async () => {
    await commissionedSince(ctx.w, lastMonth(), 2);
    const creditorId = ctx.w.orgs.creditorA.id;
    const admin = await trpc('agencyA.admin');
    const [rated] = await Promise.allSettled([
      admin.scorecards.creditors.rate({ creditorId, month: lastMonth(), rating: 1, comment: '' }),
      computeCreditorScorecards(ctx.handle.db, lastMonth()),
    ]);
    const card = await cardOf(creditorId, lastMonth());
    const stored = await ctx.handle.db
      .select()
      .from(creditorRatings)
      .where(and(eq(creditorRatings.creditorId, creditorId), eq(creditorRatings.month, lastMonth())));
    if (rated.status === 'fulfilled') {
      expect(card?.inputs).toMatchObject({ ratings: [1] });
      expect(stored).toHaveLength(1);
    } else {
      expect(rated.reason).toMatchObject({ code: 'CONFLICT', message: 'creditorRating.closed' });
      expect(card?.inputs).toMatchObject({ ratings: [] });
      expect(stored).toHaveLength(0);
    }
  });
});

describe('computing creditor cards', () => {
  it('reads ratings, restructure answers and statement payments of the month from the record', async () => {
    const month = lastMonth();
    const d = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
    const db = ctx.handle.db;
    const { commission, caseIds } = await commissionedSince(ctx.w, month, 3);
    const creditorId = ctx.w.orgs.creditorA.id;
    await (
      await trpc('agencyA.admin')
    ).scorecards.creditors.rate({ creditorId, month, rating: 2, comment: '余额与实际不符。' });

    // Restructure requests outside the bands, due in the month: one decided in time, one
    // rejected in time, one left to expire; one approved within the bands (no answer owed)
    // and one due this month do not count.
    const request = (
      expiresAt: Date,
      status: 'proposed' | 'approved' | 'rejected' | 'expired',
      decidedAt: Date | null,
      isAutoApproved = false,
    ) => ({
      caseId: caseIds[0]!,
      agencyId: ctx.w.orgs.agencyA.id,
      creditorId,
      commissionId: commission.id,
      kind: 'reduction' as const,
      terms: { reductionBp: 3000 },
      totalAmount: 100_000,
      schedule: [],
      reason: '失业，收入中断',
      status,
      isAutoApproved,
      expiresAt,
      decidedAt,
      createdBy: ctx.w.users['agencyA.collector'].id,
      createdAt: new Date(expiresAt.getTime() - 3 * DAY_MS),
    });
    await db
      .insert(restructureRequests)
      .values([
        request(at(d(6)), 'approved', at(d(5))),
        request(at(d(12)), 'rejected', at(d(12), '09:00')),
        request(at(d(20)), 'expired', at(d(20), '10:05')),
        request(at(d(21)), 'approved', at(d(18)), true),
        request(at(`${thisMonth()}-01`, '10:00'), 'expired', null),
      ]);

    // Holds on collection whose answer fell due in the month: one answered in time, one
    // answered late, one never answered; one the agency withdrew owed no answer.
    const hold = (dueAt: Date, status: 'open' | 'closed' | 'continued' | 'withdrawn', decidedAt: Date | null) => ({
      caseId: caseIds[1]!,
      creditorId,
      agencyId: ctx.w.orgs.agencyA.id,
      kind: 'dispute' as const,
      status,
      raisedAt: new Date(dueAt.getTime() - 7 * DAY_MS),
      answerDueAt: dueAt,
      decidedAt,
    });
    await db
      .insert(caseHolds)
      .values([
        hold(at(d(8)), 'continued', at(d(7))),
        hold(at(d(9)), 'closed', at(d(10))),
        hold(at(d(15)), 'withdrawn', at(d(11))),
      ]);
    await db.insert(caseHolds).values(hold(at(d(16)), 'open', null));

    // Statements agreed on the 1st: paid on its last day, paid the day after, unpaid; one
    // agreed by one side only; one agreed on the month's last day falls due next month.
    const calendar = await loadWorkingCalendar(db);
    const agreedAt = at(d(1));
    const due = paymentDueDay(calendar, agreedAt);
    expect(due.slice(0, 7)).toBe(month);
    const statement = (k: number, paidAt: Date | null, agencyAgreedAt: Date | null = agreedAt) => ({
      creditorId,
      agencyId: ctx.w.orgs.agencyA.id,
      month: addMonths(month, -k),
      status: paidAt ? ('paid' as const) : agencyAgreedAt ? ('agreed' as const) : ('draft' as const),
      lineCount: 1,
      baseTotal: 10_000,
      total: 2_500,
      creditorAgreedAt: new Date(agreedAt.getTime() - 3_600_000),
      agencyAgreedAt,
      paidAt,
    });
    const lastDay = monthEnd(month);
    await db
      .insert(statements)
      .values([
        statement(1, at(due, '23:00')),
        statement(2, new Date(at(due, '10:00').getTime() + DAY_MS)),
        statement(3, null),
        statement(4, null, null),
        statement(5, null, at(lastDay, '18:00')),
      ]);

    const started = new Date();
    const result = await computeCreditorScorecards(db, month);
    const creditorCount = (await db.select().from(creditorScorecards).where(eq(creditorScorecards.month, month)))
      .length;
    expect(result).toEqual({ month, creditors: creditorCount });
    const card = await cardOf(creditorId, month);
    const inputs = ZCreditorScorecardInputs.parse(card?.inputs);
    expect(inputs).toEqual({
      month,
      ratings: [2],
      answers: { restructures: { onTime: 2, late: 1 }, holds: { onTime: 1, late: 2 } },
      statements: { onTime: 1, late: 2 },
      history: [],
    });
    expect(card?.formulaVersion).toBe(CREDITOR_FORMULA_VERSION);
    // 25 × 0.4 + 50 × 0.3 (3 of 6 answers in time) + 33.33 × 0.3 = 35.
    expect(card?.components).toEqual({ dataQuality: 2_500, answers: 5_000, payments: 3_333 });
    expect(card?.monthScoreBp).toBe(3_500);
    // The stored inputs compute the stored score again.
    const again = computeCreditorScorecard(inputs);
    expect([again.monthScoreBp, again.scoreBp, again.components]).toEqual([
      card?.monthScoreBp,
      card?.scoreBp,
      card?.components,
    ]);
    // creditorB had nothing rated and nothing due: 80.
    expect((await cardOf(ctx.w.orgs.creditorB.id, month))?.monthScoreBp).toBe(8_000);
    // Applicants get no card; agencies are not creditors.
    expect(await cardOf(ctx.w.orgs.creditorNew.id, month)).toBeUndefined();
    expect(await cardOf(ctx.w.orgs.agencyA.id, month)).toBeUndefined();
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'creditorScorecard.compute'), gt(auditLog.at, new Date(started.getTime() - 1))));
    expect(audits.map((a) => [a.resourceId, a.after])).toEqual([
      [month, { month, formulaVersion: CREDITOR_FORMULA_VERSION, creditors: creditorCount, reason: 'monthly' }],
    ]);
  });

  it('is computed by the monthly scorecard job with the agencies’ cards, again in place, weighing the months before', async () => {
    const db = ctx.handle.db;
    const month = lastMonth();
    const creditorId = ctx.w.orgs.creditorA.id;
    // The two months before already scored 60 and 90.
    await db.insert(creditorScorecards).values(
      [
        [addMonths(month, -1), 6_000],
        [addMonths(month, -2), 9_000],
      ].map(([m, bp]) => ({
        creditorId,
        month: String(m),
        formulaVersion: 1,
        monthScoreBp: Number(bp),
        scoreBp: Number(bp),
        components: { dataQuality: 5_000, answers: 10_000, payments: 10_000 },
        inputs: {},
      })),
    );
    const started = new Date(Date.now() - 1);
    const handler = JOB_HANDLERS[SCORECARD_JOB];
    const job = { payload: { month, reason: 'monthly' } } as unknown as Parameters<NonNullable<typeof handler>>[1];
    await handler?.(db, job, new Date());
    const first = await cardOf(creditorId, month);
    expect(first?.monthScoreBp).toBe(8_000);
    expect(first?.scoreBp).toBe(Math.round((3 * 8_000 + 2 * 6_000 + 9_000) / 6));
    expect((first?.inputs as { history: unknown }).history).toEqual([
      { month: addMonths(month, -1), monthScoreBp: 6_000 },
      { month: addMonths(month, -2), monthScoreBp: 9_000 },
    ]);
    await handler?.(db, job, new Date());
    const again = await db.select().from(creditorScorecards).where(eq(creditorScorecards.month, month));
    expect(again.find((c) => c.creditorId === creditorId)?.id).toBe(first?.id);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'creditorScorecard.compute'), gt(auditLog.at, started))),
    ).toHaveLength(2);
    // A month that has not ended is refused, naming it.
    await expect(computeCreditorScorecards(db, thisMonth())).rejects.toMatchObject({
      code: 'scorecard.monthOpen',
      details: { field: 'month' },
    });
  });
});

describe('reading creditor cards', () => {
  it('shows the creditor its own card without who rated what, staff every creditor’s, and nobody else’s', async () => {
    await commissionedSince(ctx.w, lastMonth(), 2);
    const creditorId = ctx.w.orgs.creditorA.id;
    await (
      await trpc('agencyA.admin')
    ).scorecards.creditors.rate({ creditorId, month: lastMonth(), rating: 4, comment: '个别号码错误。' });
    await computeCreditorScorecards(ctx.handle.db, lastMonth());

    const mine = await (await trpc('creditorA.viewer')).scorecards.creditors.mine({});
    expect(mine.creditor).toEqual({ id: creditorId, name: ctx.w.orgs.creditorA.name });
    expect(mine.card).toMatchObject({ month: lastMonth(), inputs: { ratings: [4] } });
    expect(mine.trend.map((p) => p.month)).toEqual([lastMonth()]);
    const text = JSON.stringify(mine);
    for (const secret of [
      ctx.w.orgs.agencyA.id,
      ctx.w.orgs.agencyA.name,
      '个别号码错误',
      ctx.w.users['agencyA.admin'].id,
    ])
      expect(text).not.toContain(secret);
    // creditorB's own page is its own.
    const other = await (await trpc('creditorB.admin')).scorecards.creditors.mine({ month: lastMonth() });
    expect(other.creditor.id).toBe(ctx.w.orgs.creditorB.id);
    expect(other.card?.inputs.ratings).toEqual([]);

    const staff = await trpc('platform.auditor');
    const got = await staff.scorecards.creditors.get({ creditorId, month: lastMonth() });
    expect(got.card?.id).toBe(mine.card?.id);
    await expect(staff.scorecards.creditors.get({ creditorId: ctx.w.orgs.agencyA.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const month = await staff.scorecards.creditors.month({ month: lastMonth() });
    expect(month).toMatchObject({ month: lastMonth(), isEnded: true });
    expect(month.cards.map((c) => c.creditorId)).toContain(creditorId);
    expect(month.cards.map((c) => c.scoreBp)).toEqual([...month.cards.map((c) => c.scoreBp)].sort((a, b) => b - a));
  });

  it('shows agencies the creditor’s current score beside its packages in the marketplace', async () => {
    const pkg = await openPackage(ctx.w, {}, 4, 'CS');
    const agency = await trpc('agencyB.supervisor');
    expect((await agency.market.list({})).items.find((p) => p.id === pkg.id)?.creditorScore).toBeNull();
    expect((await agency.market.get({ packageId: pkg.id })).creditorScore).toBeNull();
    await computeCreditorScorecards(ctx.handle.db, addMonths(lastMonth(), -1));
    await computeCreditorScorecards(ctx.handle.db, lastMonth());
    const listed = (await agency.market.list({})).items.find((p) => p.id === pkg.id);
    const card = await cardOf(ctx.w.orgs.creditorA.id, lastMonth());
    expect(listed?.creditorScore).toEqual({ scoreBp: card?.scoreBp, month: lastMonth() });
    expect((await agency.market.get({ packageId: pkg.id })).creditorScore).toEqual({
      scoreBp: card?.scoreBp,
      month: lastMonth(),
    });
  });
});
