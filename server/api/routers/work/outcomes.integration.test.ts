// Outcomes have consequences (DESIGN §4): a number answered by the wrong person is not the
// debtor's on this case, so it may not be called or texted again there, until the record
// that said so is corrected; the debtor's other numbers, and other cases, are untouched.
// A debtor reported deceased, or a debt disputed, stops collection on the case until the
// creditor answers; a debtor's own request about being contacted is enforced from then on.
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calendarDays, caseHolds, cases, notifications } from '@/db/schema';
import { DAY_MS, shanghaiDate } from '@/lib/dates';
import { dayNumberOf, weekdayOf } from '@/lib/working-calendar';
import { canContact } from '../../../domain/work/actions';
import { describeError } from '../../errors';
import { logAction, type LogActionInput } from '../../../domain/work/actions';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const call = (
  caseId: string,
  outcome: LogActionInput['outcome'],
  over: Partial<LogActionInput> = {},
): LogActionInput => ({
  caseId,
  channel: 'call',
  target: 'debtor',
  index: 0,
  outcome,
  note: '',
  ...over,
});

describe('a wrong person on the line', () => {
  it('refuses further calls to that number on the case, not the other numbers, until the record is corrected', async () => {
    const { caseId, row } = await workingCases(ctx.w, 3);
    expect(row?.phones.length).toBeGreaterThan(1);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const wrong = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'wrong_person', { note: '对方说不认识债务人' }),
      morning('09:00:00'),
    );
    const again = await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('09:10:00')).catch(
      (e: unknown) => e,
    );
    expect(again).toMatchObject({ code: 'rules.wrongPerson' });
    expect(describeError('zh-CN', toTRPCError(again as never)).message).toMatch(/^这个号码在本案已记录为“打错人”/);
    // The debtor's second number is still the debtor's.
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'unanswered', { index: 1 }), morning('09:20:00')),
    ).resolves.toMatchObject({ action: { outcome: 'unanswered' } });
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const sms = await collector.work.canContact({ caseId, channel: 'sms', target: 'debtor', index: 0 });
    expect(sms.violations.map((v) => v.rule)).toContain('wrongPerson');
    // A correction of that record (it was the debtor after all) opens the number again.
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { correctsId: wrong.action.id, note: '更正：确为本人' }),
      morning('09:30:00'),
    );
    const after = await collector.work.canContact({ caseId, channel: 'call', target: 'debtor', index: 0 });
    expect(after.violations.map((v) => v.rule)).not.toContain('wrongPerson');
  });
});

const errorOf = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);
const zh = (e: unknown) => describeError('zh-CN', e instanceof TRPCError ? e : toTRPCError(e as never)).message;

describe('a debtor reported deceased', () => {
  it('stops the next call, tells the creditor, and waits for its decision to continue', async () => {
    const { caseId, row } = await workingCases(ctx.w, 2);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'deceased', { note: '家属告知债务人已于上月病故' }),
      morning('09:00:00'),
    );
    // The next call, to any number, and a letter: refused while the creditor has not answered.
    for (const next of [call(caseId, 'answered'), call(caseId, 'unanswered', { index: 1 })]) {
      const refused = await errorOf(logAction(ctx.handle.db, me, next, morning('09:05:00')));
      expect(refused).toMatchObject({ code: 'rules.caseDeceased' });
      expect(zh(refused)).toMatch(/^债务人已被报告身故，本案催收已暂停/);
    }
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const letter = await collector.work.canContact({ caseId, channel: 'letter', target: 'debtor', index: 0 });
    expect(letter.violations.map((v) => v.rule)).toContain('caseDeceased');
    // The creditor is told, and finds it among its open holds; another creditor does not.
    const told = await ctx.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.w.users['creditorA.manager'].id), eq(notifications.kind, 'hold.raised')));
    expect(told[0]?.params).toMatchObject({ contractNo: row?.contractNo, kind: 'deceased' });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const open = await creditor.holds.list({ status: 'open', limit: 10 });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({
      caseId,
      kind: 'deceased',
      status: 'open',
      note: '家属告知债务人已于上月病故',
    });
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.manager']);
    expect((await other.holds.list({ status: 'open', limit: 10 })).items).toHaveLength(0);
    const holdId = open.items[0]?.id ?? '';
    expect(await errorOf(other.holds.decide({ holdId, decision: 'close', reason: '结案处理' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // The creditor continues against the estate: collection may go on, the agency is told why.
    const decided = await creditor.holds.decide({ holdId, decision: 'continue', reason: '向继承人主张遗产清偿' });
    expect(decided).toMatchObject({ status: 'continued', decisionNote: '向继承人主张遗产清偿' });
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'answered', { index: 1 }), morning('09:10:00')),
    ).resolves.toMatchObject({ action: { outcome: 'answered' } });
    const again = await errorOf(creditor.holds.decide({ holdId, decision: 'close', reason: '改为结案' }));
    expect(again).toMatchObject({ code: 'CONFLICT' });
    expect(zh(again)).toBe('这项暂停已处理过（继续催收）');
    const page = await collector.work.case({ caseId });
    expect(page.holds[0]).toMatchObject({ status: 'continued', decisionNote: '向继承人主张遗产清偿' });
  });
});

describe('a disputed debt', () => {
  it('pauses collection until the creditor answers; closing the case takes it from the agency', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'dispute', { note: '债务人称贷款已提前结清' }),
      morning('09:00:00'),
    );
    const [hold] = await ctx.handle.db.select().from(caseHolds).where(eq(caseHolds.caseId, caseId));
    // Answer due 5 working days later, at the same time of day.
    expect(hold?.answerDueAt.getTime()).toBeGreaterThanOrEqual(morning('09:00:00', 7).getTime());
    const verdict = await canContact(
      ctx.handle.db,
      me,
      { caseId, channel: 'sms', target: 'debtor', index: 0 },
      morning('11:00:00', 1),
    );
    expect(verdict.violations[0]).toMatchObject({ rule: 'caseDisputed', nextAllowedAt: null });
    // A plan is not proposed to a debtor who disputes the debt.
    const proposal = await errorOf(
      (await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector'])).work.proposeRestructure({
        caseId,
        kind: 'deferral',
        terms: { deferTo: '2099-01-01' },
        reason: '申请延期',
      }),
    );
    expect(zh(proposal)).toMatch(/^债务人对债务提出异议/);
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.admin']);
    await creditor.holds.decide({ holdId: hold?.id ?? '', decision: 'close', reason: '核实确已结清，撤案' });
    const [closed] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(closed).toMatchObject({
      status: 'closed_unrecoverable',
      closedReason: '核实确已结清，撤案',
      agencyId: null,
    });
    expect(await errorOf(logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('09:30:00')))).toMatchObject({
      code: 'case.notFound',
    });
  });

  it('is withdrawn when the action that raised it is corrected to another outcome', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const logged = await logAction(ctx.handle.db, me, call(caseId, 'dispute'), morning('09:00:00'));
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { correctsId: logged.action.id, note: '更正：债务人并未提出异议' }),
      morning('09:05:00'),
    );
    const [hold] = await ctx.handle.db.select().from(caseHolds).where(eq(caseHolds.caseId, caseId));
    expect(hold?.status).toBe('withdrawn');
    await expect(logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('09:10:00'))).resolves.toMatchObject({
      action: { outcome: 'answered' },
    });
    // The database keeps an answered hold as it was answered.
    await expect(
      ctx.handle.db.update(caseHolds).set({ status: 'open' }).where(eq(caseHolds.caseId, caseId)),
    ).rejects.toThrow();
  });
});

describe('the debtor’s own requests', () => {
  const request = (caseId: string, over: Record<string, unknown> = {}) => ({
    caseId,
    stoppedChannels: [] as ('call' | 'sms' | 'letter' | 'visit' | 'lawyer_letter' | 'email')[],
    quietFrom: null as number | null,
    quietTo: null as number | null,
    quietWorkdaysOnly: false,
    note: '债务人电话中提出',
    ...over,
  });

  it('letters only: calls and texts refused for the debtor and the contacts, letters go; a withdrawal lifts it', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const saved = await collector.work.contactRequest(
      request(caseId, { stoppedChannels: ['call', 'sms', 'visit', 'email', 'lawyer_letter'] }),
    );
    expect(saved).toMatchObject({
      stoppedChannels: ['call', 'sms', 'visit', 'email', 'lawyer_letter'],
      orgName: expect.any(String),
    });
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const refused = await errorOf(logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('10:00:00')));
    expect(refused).toMatchObject({ code: 'rules.debtorStoppedChannel' });
    const contact = await collector.work.canContact({ caseId, channel: 'call', target: 'contact', index: 1 });
    expect(contact.violations.map((v) => v.rule)).toContain('debtorStoppedChannel');
    const letter = await collector.work.canContact({ caseId, channel: 'letter', target: 'debtor', index: 0 });
    expect(letter.violations.map((v) => v.rule)).not.toContain('debtorStoppedChannel');
    // The creditor reads it on the case record; the table keeps every request.
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await creditor.record.case({ caseId })).contactRequests[0]?.stoppedChannels).toContain('call');
    await collector.work.contactRequest(request(caseId, { note: '债务人撤回此前要求' }));
    await expect(logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('10:05:00'))).resolves.toMatchObject({
      action: { outcome: 'answered' },
    });
    expect((await collector.work.case({ caseId })).contactRequests).toHaveLength(2);
  });

  it('refuses a request with nothing in it, and quiet hours that end before they start', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const empty = await errorOf(collector.work.contactRequest(request(caseId)));
    expect(empty).toMatchObject({ code: 'BAD_REQUEST' });
    expect(zh(empty)).toMatch(/^请至少选择一种停止的方式/);
    const backwards = await errorOf(
      collector.work.contactRequest(request(caseId, { quietFrom: 18 * 60, quietTo: 9 * 60 })),
    );
    expect(zh(backwards)).toMatch(/^免打扰时段/);
    const half = await errorOf(collector.work.contactRequest(request(caseId, { quietFrom: 9 * 60 })));
    expect(half).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps quiet hours at work on working days, a make-up Saturday (调休) among them, not on a rest day', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    await collector.work.contactRequest(
      request(caseId, { quietFrom: 9 * 60, quietTo: 18 * 60, quietWorkdaysOnly: true, note: '上班时间不要打电话' }),
    );
    // The next Saturday and Sunday from today, the Saturday made a working day for the test.
    const today = dayNumberOf(shanghaiDate(new Date()));
    const toSaturday = (6 - weekdayOf(today) + 7) % 7 || 7;
    const saturday = shanghaiDate(new Date(Date.now() + toSaturday * DAY_MS));
    await ctx.handle.db.delete(calendarDays).where(eq(calendarDays.day, saturday));
    await ctx.handle.db.insert(calendarDays).values({ day: saturday, kind: 'workday', holiday: 'springFestival' });
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const intent = { caseId, channel: 'call' as const, target: 'debtor' as const, index: 0 };
    const onSaturday = await canContact(ctx.handle.db, me, intent, morning('10:00:00', toSaturday));
    expect(onSaturday.violations.map((v) => v.rule)).toEqual(['debtorQuietHours']);
    expect(shanghaiDate(onSaturday.nextAllowedAt ?? new Date(0))).toBe(saturday);
    const onSunday = await canContact(ctx.handle.db, me, intent, morning('10:00:00', toSaturday + 1));
    expect(onSunday.violations.map((v) => v.rule)).not.toContain('debtorQuietHours');
    const evening = await canContact(ctx.handle.db, me, intent, morning('18:00:00', toSaturday));
    expect(evening.violations.map((v) => v.rule)).not.toContain('debtorQuietHours');
  });
});
