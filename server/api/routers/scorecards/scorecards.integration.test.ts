// Monthly agency scorecards (DESIGN §7, issue 7): the job computes every admitted agency's
// card of an ended month from the record (ratings, recovery against the package's
// expected rate, visits and their evidence on time, flags and upheld complaints per
// 1,000 cases, complaint answers within 10 days), zeroes a month with an upheld abuse
// complaint, weighs recent months more, stores inputs and formula version, and anyone
// entitled exports them and computes the identical score. Creditors rate the agencies
// they commission; a month that has not ended is refused, naming the field.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, caseActions, commissions, jobs, scorecards } from '@/db/schema';
import { mp4Video, wavRecording } from '@/db/seed/evidence';
import {
  acknowledgeComplaint,
  decideComplaint,
  requestAgencyResponse,
  respondToComplaint,
} from '../../../domain/complaints/workflow';
import { uploadFile } from '../../../domain/files/files';
import { decideRepayment, reportRepayment } from '../../../domain/money/repayments';
import { computeScorecards, queueLastMonth, readyAt, SCORECARD_JOB } from '../../../domain/scorecards/compute';
import {
  computeScorecard,
  emptyCallInputs,
  emptyInspectionInputs,
  FORMULA_VERSION,
} from '../../../domain/scorecards/formula';
import { addMonths, monthOf } from '@/lib/months';
import { logAction } from '../../../domain/work/actions';
import {
  attachEvidence,
  cancelVisit,
  flagMissingVisitEvidence,
  planVisit,
  recordVisit,
} from '../../../domain/work/visits';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { bytesStream } from '../../../storage/ingest';
import { getBlobStore } from '../../../storage/store';
import { filePublicFor } from '../../../testing/complaints';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { commissionedSince as commissionedSinceFor } from '../../../testing/scorecards';
import { bidAs, closeNow, draftPackage, openPackage, sampleTerms } from '../../../testing/packages';
import { workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';
import { describeError } from '../../errors';
import { ZScorecardInputs } from './scorecards.schema';
import type { TRPCError } from '@trpc/server';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => domainCaller(ctx.w, who);
const trpc = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const thisMonth = () => monthOf(new Date());
const lastMonth = () => addMonths(thisMonth(), -1);
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

const commissionedSince = (month: string) => commissionedSinceFor(ctx.w, month);
const cardOf = async (agencyId: string, month: string) =>
  (
    await ctx.handle.db
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.agencyId, agencyId), eq(scorecards.month, month)))
  )[0];

describe('computing a month', () => {
  it('reads every input of the month from the record and zeroes it for an upheld abuse complaint', async () => {
    const month = lastMonth();
    const d = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
    const { commission, caseIds, row } = await commissionedSince(month);
    const collector = await as('agencyA.collector');
    const staff = await as('platform.complaints');
    const creditor = await as('creditorA.manager');
    const db = ctx.handle.db;

    // Rated 4 by its creditor for the month.
    await (
      await trpc('creditorA.manager')
    ).scorecards.rate({ agencyId: ctx.w.orgs.agencyA.id, month, rating: 4, comment: '回款稳定，但有一次投诉属实。' });
    // 100.00 yuan confirmed, paid on the 15th.
    const r = await reportRepayment(
      db,
      collector,
      {
        caseId: caseIds[1]!,
        amount: 10_000,
        paidOn: d(15),
        channel: 'bank_transfer',
        payer: '本人',
        reference: 'SC-1',
        note: '',
      },
      at(d(15), '15:00'),
    );
    await decideRepayment(db, creditor, { repaymentId: r.id, confirm: true, note: '' }, at(d(15), '16:00'));
    // A note the rulebook flags.
    await logAction(
      db,
      collector,
      {
        caseId: caseIds[2]!,
        channel: 'call',
        target: 'debtor',
        index: 0,
        outcome: 'answered',
        note: '债务人说我们是在骂他老赖',
      },
      at(d(8), '11:00'),
    );

    // Visits: on time with its audio and video; recorded two days late without evidence; never recorded; called off beforehand.
    const visitStaff = [ctx.w.users['agencyA.collector'].id, ctx.w.users['agencyA.supervisor'].id];
    const plan = (caseId: string, day: string) =>
      planVisit(
        db,
        collector,
        {
          caseId,
          date: day,
          time: '10:00',
          staffIds: visitStaff,
          address: '广州市天河区体育西路 100 号',
          purpose: '核实居住情况',
        },
        at(d(2), '09:00'),
      );
    const onTime = await plan(caseIds[0]!, d(10));
    await recordVisit(db, collector, { visitId: onTime.id, outcome: 'answered', note: '见到本人' }, at(d(10), '10:20'));
    for (const [i, bytes] of [wavRecording(), mp4Video()].entries()) {
      const file = await uploadFile(db, collector, bytesStream(bytes), getBlobStore());
      await attachEvidence(
        db,
        collector,
        { visitId: onTime.id, fileId: file.id, fileName: `现场-${i}` },
        at(d(10), '12:00'),
      );
    }
    const late = await plan(caseIds[1]!, d(12));
    await recordVisit(db, collector, { visitId: late.id, outcome: 'unanswered', note: '无人应门' }, at(d(14), '10:30'));
    await plan(caseIds[2]!, d(16));
    const calledOff = await plan(caseIds[3]!, d(18));
    await cancelVisit(db, collector, { visitId: calledOff.id, reason: '债务人已约定到店面谈' }, at(d(17), '10:00'));
    await flagMissingVisitEvidence(db, at(d(20)));

    // Complaints: one about threats upheld on the 20th; answers asked on the 3rd and 4th, one given in time, one never;
    // one asked and then dismissed before the answer was due (no answer owed any more).
    const upheld = await filePublicFor(ctx.w, row!, {}, at(d(18)));
    await acknowledgeComplaint(db, staff, { complaintId: upheld.id, note: '' }, at(d(19)));
    await decideComplaint(
      db,
      staff,
      { complaintId: upheld.id, outcome: 'upheld', finding: '录音证实催收员威胁借款人。' },
      at(d(20)),
    );
    const asked = async (day: string) => {
      const c = await filePublicFor(
        ctx.w,
        row!,
        { category: 'harassment', description: `${day} 当天多次来电，影响正常生活，希望平台核实处理。` },
        at(d(2)),
      );
      await acknowledgeComplaint(db, staff, { complaintId: c.id, note: '' }, at(d(2), '12:00'));
      await requestAgencyResponse(db, staff, { complaintId: c.id, note: '请说明通话记录' }, at(day));
      return c.id;
    };
    const answered = await asked(d(3));
    await respondToComplaint(
      db,
      await as('agencyA.admin'),
      { complaintId: answered, response: '已核查通话记录，频次符合规定。' },
      at(d(6)),
    );
    await asked(d(4));
    const moot = await asked(d(5));
    await decideComplaint(db, staff, { complaintId: moot, outcome: 'dismissed', finding: '投诉不成立。' }, at(d(6)));

    await expect(computeScorecards(db, month)).resolves.toMatchObject({ month });
    const [{ flagged }] = (await db
      .select({ flagged: sql<number>`count(*)::int` })
      .from(caseActions)
      .where(
        and(eq(caseActions.agencyId, ctx.w.orgs.agencyA.id), sql`jsonb_array_length(${caseActions.flags}) > 0`),
      )) as [{ flagged: number }];
    expect(flagged).toBeGreaterThanOrEqual(1);
    const card = await cardOf(ctx.w.orgs.agencyA.id, month);
    expect(card?.inputs).toEqual({
      month,
      ratings: [4],
      commissions: [
        {
          commissionId: commission.id,
          cases: commission.caseCount,
          placed: commission.totalOverdue,
          expectedRecoveryBp: 1500,
          termDays: (Date.parse(commission.endsOn) - Date.parse(`${month}-01`)) / 86_400_000 + 1,
          activeDays: daysIn(month),
          recovered: 10_000,
        },
      ],
      reporting: { visitsOnTime: 1, visitsLate: 2, evidenceOnTime: 1, evidenceLate: 1 },
      compliance: { flaggedActions: flagged, upheldComplaints: 1, upheldAbuse: 1 },
      responsiveness: { answersOnTime: 1, answersLate: 1 },
      history: [],
      calls: emptyCallInputs(),
      inspections: emptyInspectionInputs(),
    });
    const expected = computeScorecard(ZScorecardInputs.parse(card?.inputs), FORMULA_VERSION);
    expect(card).toMatchObject({
      formulaVersion: FORMULA_VERSION,
      isZeroed: 1,
      monthScoreBp: 0,
      scoreBp: 0,
      components: expected.components,
    });
    expect(expected.components.reporting).toBe(4_000);
    expect(expected.components.responsiveness).toBe(5_000);

    // agencyB did nothing: its card holds the neutral month, 70 points.
    expect(await cardOf(ctx.w.orgs.agencyB.id, month)).toMatchObject({
      monthScoreBp: 7_000,
      scoreBp: 7_000,
      isZeroed: 0,
    });
    // One audit row for the whole month.
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scorecard.compute'), eq(auditLog.resourceId, month)));
    expect(audits.at(-1)?.after).toMatchObject({ month, formulaVersion: FORMULA_VERSION, reason: 'monthly' });
  });

  it('zeroes the month for an upheld complaint of impersonating police, courts or lawyers too (formula v2 on)', async () => {
    const month = lastMonth();
    const d = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
    const { row } = await commissionedSince(month);
    const db = ctx.handle.db;
    const staff = await as('platform.complaints');
    const c = await filePublicFor(
      ctx.w,
      row!,
      { category: 'impersonation', description: '催收员自称是法院的工作人员，说不还钱明天就来抓人。' },
      at(d(8)),
    );
    await acknowledgeComplaint(db, staff, { complaintId: c.id, note: '' }, at(d(9)));
    await decideComplaint(
      db,
      staff,
      { complaintId: c.id, outcome: 'upheld', finding: '录音证实催收员冒充法院工作人员。' },
      at(d(12)),
    );
    await computeScorecards(db, month);
    const card = await cardOf(ctx.w.orgs.agencyA.id, month);
    expect(card).toMatchObject({ formulaVersion: FORMULA_VERSION, isZeroed: 1, monthScoreBp: 0 });
    expect(card?.inputs).toMatchObject({ compliance: { upheldComplaints: 1, upheldAbuse: 1 } });
  });

  it('weighs the months before 2 and 1, and computing again replaces the month’s cards', async () => {
    const month = lastMonth();
    const db = ctx.handle.db;
    const agencyId = ctx.w.orgs.agencyA.id;
    await commissionedSince(addMonths(month, -2));
    await computeScorecards(db, addMonths(month, -2));
    const twoBack = await cardOf(agencyId, addMonths(month, -2));
    // The stored month scores of the months before (set to known values here) are what the weighting reads.
    await db.update(scorecards).set({ monthScoreBp: 4_000 }).where(eq(scorecards.id, twoBack!.id));
    await computeScorecards(db, addMonths(month, -1));
    await db
      .update(scorecards)
      .set({ monthScoreBp: 9_000 })
      .where(and(eq(scorecards.agencyId, agencyId), eq(scorecards.month, addMonths(month, -1))));
    await computeScorecards(db, month);
    const card = await cardOf(agencyId, month);
    expect(card?.inputs).toMatchObject({
      history: [
        { month: addMonths(month, -1), monthScoreBp: 9_000 },
        { month: addMonths(month, -2), monthScoreBp: 4_000 },
      ],
    });
    expect(card?.scoreBp).toBe(Math.round((3 * card!.monthScoreBp + 2 * 9_000 + 4_000) / 6));

    // Rated afterwards: computing again keeps the card (same row) with the new input and figures.
    await (await trpc('creditorA.admin')).scorecards.rate({ agencyId, month, rating: 5, comment: '服务很好。' });
    await computeScorecards(db, month);
    const again = await cardOf(agencyId, month);
    expect(again?.id).toBe(card?.id);
    expect(again?.inputs).toMatchObject({ ratings: [5] });
    expect(again!.scoreBp).toBeGreaterThan(card!.scoreBp);
    expect(
      (
        await db
          .select()
          .from(scorecards)
          .where(and(eq(scorecards.agencyId, agencyId), eq(scorecards.month, month)))
      ).length,
    ).toBe(1);
  });

  it('refuses a month that has not ended (Beijing time), naming the field', async () => {
    await expect(computeScorecards(ctx.handle.db, thisMonth())).rejects.toMatchObject({
      code: 'scorecard.monthOpen',
      details: { field: 'month' },
    });
    const admin = await trpc('platform.admin');
    const open = await admin.scorecards.recompute({ month: thisMonth() }).catch((e: unknown) => e);
    expect(open).toMatchObject({ code: 'BAD_REQUEST', message: 'scorecard.monthOpen' });
    const message = `${thisMonth()} 还没有结束（北京时间），月末之后才能计算这个月的评分卡`;
    expect(describeError('zh-CN', open as TRPCError)).toMatchObject({ message, fieldErrors: { month: [message] } });
    expect(describeError('en', open as TRPCError).message).toBe(
      `${thisMonth()} has not ended yet (Beijing time): its scorecards are computed after the month's end`,
    );
    await expect(admin.scorecards.recompute({ month: addMonths(thisMonth(), 1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.scorecards.recompute({ month: '2026-13' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The last minute of a month is still the month: at 23:59 Beijing on its last day it has not ended.
    const month = lastMonth();
    const lastMinute = new Date(readyAt(month).getTime() - 25 * 3_600_000 - 60_000);
    await expect(computeScorecards(ctx.handle.db, month, lastMinute)).rejects.toMatchObject({
      code: 'scorecard.monthOpen',
    });
    await expect(
      computeScorecards(ctx.handle.db, month, new Date(lastMinute.getTime() + 60_000)),
    ).resolves.toMatchObject({ month });
  });
});

describe('the monthly job and a staff recompute', () => {
  it('queues last month once, runs it when the last day’s evidence was due, and a staff recompute replaces the cards, audited', async () => {
    const db = ctx.handle.db;
    const month = lastMonth();
    const key = (k: string) => and(eq(jobs.kind, SCORECARD_JOB), eq(jobs.key, k));
    // Fresh month start: queued for 25 hours later; asked again, still one job.
    const firstDay = new Date(`${thisMonth()}-01T00:10:00+08:00`);
    await queueLastMonth(db, firstDay);
    await queueLastMonth(db, new Date(firstDay.getTime() + 15 * 60_000));
    const queued = await db.select().from(jobs).where(key(month));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.runAt).toEqual(readyAt(month));
    expect(readyAt(month)).toEqual(new Date(`${thisMonth()}-02T01:00:00+08:00`));
    await drainJobs(db, JOB_HANDLERS, { now: () => firstDay });
    expect((await db.select().from(jobs).where(key(month)))[0]?.status).toBe('queued');
    await drainJobs(db, JOB_HANDLERS, { now: () => new Date(readyAt(month).getTime() + 1) });
    expect((await db.select().from(jobs).where(key(month)))[0]?.status).toBe('done');
    const card = await cardOf(ctx.w.orgs.agencyA.id, month);
    expect(card).toBeDefined();

    // Staff ask again: queued at once, audited with who asked; the job replaces the month's cards.
    const admin = await trpc('platform.admin');
    await expect(admin.scorecards.recompute({ month })).resolves.toEqual({ month, isQueued: true });
    expect((await (await trpc('platform.auditor')).scorecards.month({ month })).isComputing).toBe(true);
    const [asked] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scorecard.recompute'), eq(auditLog.resourceId, month)));
    expect(asked).toMatchObject({ actorUserId: ctx.w.users['platform.admin'].id, after: { month } });
    await drainJobs(db, JOB_HANDLERS);
    const again = await cardOf(ctx.w.orgs.agencyA.id, month);
    expect(again?.id).toBe(card?.id);
    expect(again?.computedAt).not.toEqual(card?.computedAt);
    const computed = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scorecard.compute'), eq(auditLog.resourceId, month)));
    expect(computed.at(-1)?.after).toMatchObject({ reason: 'recompute' });
    const view = await (await trpc('platform.auditor')).scorecards.month({ month });
    expect(view).toMatchObject({ month, isEnded: true, isComputing: false });
    expect(view.cards.find((c) => c.agencyId === ctx.w.orgs.agencyA.id)).toMatchObject({
      agencyName: ctx.w.orgs.agencyA.name,
      scoreBp: again?.scoreBp,
    });
  });

  it('computes an ended month again when a creditor rates it late', async () => {
    const db = ctx.handle.db;
    const month = lastMonth();
    await commissionedSince(month);
    await computeScorecards(db, month, readyAt(month));
    expect((await cardOf(ctx.w.orgs.agencyA.id, month))?.inputs).toMatchObject({ ratings: [] });
    await (
      await trpc('creditorA.manager')
    ).scorecards.rate({ agencyId: ctx.w.orgs.agencyA.id, month, rating: 2, comment: '上月回款偏低。' });
    // Never before the month's evidence deadlines have passed.
    await drainJobs(db, JOB_HANDLERS, { now: () => new Date(Math.max(Date.now(), readyAt(month).getTime() + 1)) });
    expect((await cardOf(ctx.w.orgs.agencyA.id, month))?.inputs).toMatchObject({ ratings: [2] });
  });
});

describe('exporting a card', () => {
  it('exports the stored inputs and formula version; parsed and computed again they give the identical score', async () => {
    const month = lastMonth();
    await commissionedSince(month);
    await (
      await trpc('creditorA.manager')
    ).scorecards.rate({ agencyId: ctx.w.orgs.agencyA.id, month, rating: 3, comment: '一般。' });
    await computeScorecards(ctx.handle.db, addMonths(month, -1));
    await computeScorecards(ctx.handle.db, month);
    for (const who of ['agencyA.admin', 'creditorA.viewer', 'platform.complaints'] as const) {
      const exported = await (await trpc(who)).scorecards.export({ agencyId: ctx.w.orgs.agencyA.id, month });
      const file = JSON.parse(JSON.stringify(exported)) as { formulaVersion: number; inputs: unknown; result: unknown };
      expect(file.formulaVersion).toBe(FORMULA_VERSION);
      const recomputed = computeScorecard(ZScorecardInputs.parse(file.inputs), file.formulaVersion);
      expect(recomputed).toEqual(file.result);
      const stored = await cardOf(ctx.w.orgs.agencyA.id, month);
      expect(recomputed).toMatchObject({
        monthScoreBp: stored?.monthScoreBp,
        scoreBp: stored?.scoreBp,
        components: stored?.components,
      });
      expect(file.inputs).toMatchObject({ ratings: [3], history: [{ month: addMonths(month, -1) }] });
    }
  });

  it('is read by the agency, the creditors that deal with it and platform staff only', async () => {
    const month = lastMonth();
    await commissionedSince(month);
    await computeScorecards(ctx.handle.db, month);
    const input = { agencyId: ctx.w.orgs.agencyA.id, month };
    await expect((await trpc('creditorB.admin')).scorecards.export(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await trpc('creditorB.admin')).scorecards.get(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await trpc('agencyB.supervisor')).scorecards.export(input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A month without a card: NOT_FOUND naming the month.
    await expect(
      (await trpc('agencyA.admin')).scorecards.export({ ...input, month: addMonths(month, -30) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'scorecard.notFound' });
    // The agency's own page: its latest card and the trend.
    const mine = await (await trpc('agencyA.supervisor')).scorecards.mine({});
    expect(mine).toMatchObject({ agency: { id: ctx.w.orgs.agencyA.id }, card: { month }, trend: [{ month }] });
    expect((await (await trpc('platform.admin')).scorecards.get(input)).card?.month).toBe(month);
  });
});

describe('rating an agency', () => {
  it('rates this month or last month, replaces a rating, audits both, and lists the creditor’s agencies', async () => {
    const month = lastMonth();
    await commissionedSince(month);
    const manager = await trpc('creditorA.manager');
    const agencyId = ctx.w.orgs.agencyA.id;
    await expect(
      manager.scorecards.rate({ agencyId, month: thisMonth(), rating: 3, comment: '刚开始合作。' }),
    ).resolves.toMatchObject({ rating: 3, month: thisMonth() });
    await expect(
      manager.scorecards.rate({ agencyId, month: thisMonth(), rating: 5, comment: '  改为满意。 ' }),
    ).resolves.toMatchObject({ rating: 5, comment: '改为满意。' });
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scorecard.rate'), eq(auditLog.resourceId, agencyId)));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [null, { month: thisMonth(), rating: 3, comment: '刚开始合作。' }],
      [
        { rating: 3, comment: '刚开始合作。' },
        { month: thisMonth(), rating: 5, comment: '改为满意。' },
      ],
    ]);
    const list = await (await trpc('creditorA.viewer')).scorecards.ratings();
    expect(list).toMatchObject({ current: thisMonth(), previous: month });
    expect(list.agencies).toEqual([
      {
        agencyId,
        agencyName: ctx.w.orgs.agencyA.name,
        months: [
          { month: thisMonth(), canRate: true, rating: 5, comment: '改为满意。', ratedAt: expect.any(Date) },
          { month, canRate: true, rating: null, comment: '', ratedAt: null },
        ],
      },
    ]);
    expect((await (await trpc('creditorB.admin')).scorecards.ratings()).agencies).toEqual([]);
  });

  it('refuses other months, ratings outside 1–5, no comment, and an agency not commissioned that month', async () => {
    const { pkg } = await workingCases(ctx.w, 2);
    // The commission began this month: last month cannot be rated.
    await ctx.handle.db
      .update(commissions)
      .set({ startsOn: `${thisMonth()}-01` })
      .where(eq(commissions.packageId, pkg.id));
    const manager = await trpc('creditorA.manager');
    const agencyId = ctx.w.orgs.agencyA.id;
    const base = { agencyId, month: thisMonth(), rating: 4, comment: '不错。' };
    const old = await manager.scorecards.rate({ ...base, month: addMonths(thisMonth(), -2) }).catch((e: unknown) => e);
    expect(old).toMatchObject({ code: 'BAD_REQUEST', message: 'rating.month' });
    expect(describeError('zh-CN', old as TRPCError).fieldErrors).toEqual({
      month: [`只能评价本月（${thisMonth()}）或上月（${lastMonth()}）`],
    });
    await expect(manager.scorecards.rate({ ...base, month: addMonths(thisMonth(), 1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'rating.month',
    });
    await expect(manager.scorecards.rate({ ...base, rating: 6 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(manager.scorecards.rate({ ...base, rating: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(manager.scorecards.rate({ ...base, comment: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const before = await manager.scorecards.rate({ ...base, month: lastMonth() }).catch((e: unknown) => e);
    expect(before).toMatchObject({ code: 'NOT_FOUND', message: 'rating.agencyNotFound' });
    await expect(manager.scorecards.rate({ ...base, agencyId: ctx.w.orgs.agencyB.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const listed = await manager.scorecards.ratings();
    expect(listed.agencies[0]?.months.map((m) => m.canRate)).toEqual([true, false]);
  });
});

describe('comparing bids and requiring a minimum score', () => {
  it('hides a package from agencies below its minimum score or without any scorecard, and shows each bidder’s score', async () => {
    const db = ctx.handle.db;
    const month = lastMonth();
    const pkg = await openPackage(ctx.w, { minScore: 60 }, 6, 'MS');
    expect(pkg.minScore).toBe(60);
    const sees = async (who: UserKey) =>
      (await (await trpc(who)).market.list({ sort: 'closing', limit: 100 })).items.some((p) => p.id === pkg.id);
    // No card yet: neither seen nor open to a bid.
    expect(await sees('agencyA.admin')).toBe(false);
    await expect(bidAs(ctx.w, 'agencyA.admin', pkg.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Last month's cards: agencyA at 70 meets 60; agencyB's score 55 does not.
    await computeScorecards(db, month);
    await db
      .update(scorecards)
      .set({ scoreBp: 5_500 })
      .where(and(eq(scorecards.agencyId, ctx.w.orgs.agencyB.id), eq(scorecards.month, month)));
    expect(await sees('agencyA.admin')).toBe(true);
    expect(await sees('agencyB.admin')).toBe(false);
    await expect(bidAs(ctx.w, 'agencyB.admin', pkg.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await bidAs(ctx.w, 'agencyA.admin', pkg.id);
    // Exactly at the minimum is enough.
    await db
      .update(scorecards)
      .set({ scoreBp: 6_000 })
      .where(and(eq(scorecards.agencyId, ctx.w.orgs.agencyB.id), eq(scorecards.month, month)));
    await bidAs(ctx.w, 'agencyB.admin', pkg.id, { feeBp: 2200 });
    await closeNow(ctx.w, pkg.id);
    const bids = await (await trpc('creditorA.viewer')).packages.bids({ packageId: pkg.id });
    expect(bids.map((b) => [b.agencyId, b.scoreBp, b.scoreMonth]).sort()).toEqual(
      [
        [ctx.w.orgs.agencyA.id, 7_000, month],
        [ctx.w.orgs.agencyB.id, 6_000, month],
      ].sort(),
    );
    // The bidding creditor reads each bidder's breakdown, though it never commissioned agencyB.
    await expect(
      (await trpc('creditorA.viewer')).scorecards.get({ agencyId: ctx.w.orgs.agencyB.id }),
    ).resolves.toMatchObject({ card: { month, scoreBp: 6_000 } });
  });

  it('takes a minimum score of 0 to 100, or none', async () => {
    const pkg = await draftPackage(ctx.w, 4, 'MN');
    const manager = await trpc('creditorA.manager');
    for (const minScore of [101, -1, 60.5]) {
      const e = await manager.packages
        .saveTerms({ packageId: pkg.id, terms: sampleTerms({ minScore }) })
        .catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'BAD_REQUEST' });
      expect(describeError('zh-CN', e as TRPCError).fieldErrors).toHaveProperty(['terms.minScore']);
    }
    await expect(
      manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms({ minScore: 75 }) }),
    ).resolves.toMatchObject({ minScore: 75 });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'package.saveTerms'), eq(auditLog.resourceId, pkg.id)));
    expect(audit?.after).toMatchObject({ minScore: 75 });
    await expect(
      manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms({ minScore: null }) }),
    ).resolves.toMatchObject({ minScore: null });
    // Left out, there is none.
    await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms({ minScore: 80 }) });
    expect(sampleTerms()).not.toHaveProperty('minScore');
    await expect(manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() })).resolves.toMatchObject({
      minScore: null,
    });
  });
});
