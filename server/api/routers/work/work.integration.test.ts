// Case work under the rulebook (DESIGN §4, §5): an action is checked before it is written
// (window, caps, third parties, refused contacts); soft rules flag; records are
// append-only, corrected by new rows; the agency reads only its own notes; a recalled
// case is gone; full numbers are shown for a reason and audited; caps hold in parallel.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, caseActions, cases, promises } from '@/db/schema';
import { breakDuePromises } from '../../../domain/work/promises';
import { listQueue } from '../../../domain/work/queue';
import { decryptPii } from '../../../pii/crypto';
import { recallCases } from '../../../domain/cases/placement';
import { canContact, listCaseActions, logAction, type LogActionInput } from '../../../domain/work/actions';
import { describeError } from '../../errors';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { isPostgresRun } from '../../../testing/db';
import { morning, packageOfCase, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const collector = () => domainCaller(ctx.w, 'agencyA.collector');
const call = (
  caseId: string,
  outcome: LogActionInput['outcome'],
  over: Partial<LogActionInput> = {},
): LogActionInput => ({ caseId, channel: 'call', target: 'debtor', index: 0, outcome, note: '', ...over });
const zh = (e: unknown) => describeError('zh-CN', toTRPCError(e as never)).message;

describe('the rulebook before the action', () => {
  it('allows three effective calls a day and refuses the fourth, saying when the next is allowed', async () => {
    const { caseId } = await workingCases(ctx.w);
    const me = await collector();
    for (const [i, outcome] of (['answered', 'promise_to_pay', 'refused'] as const).entries()) {
      await logAction(
        ctx.handle.db,
        me,
        call(caseId, outcome, outcome === 'promise_to_pay' ? { promiseAmount: 50_000, promiseDate: '2099-01-01' } : {}),
        morning(`10:0${i}:00`),
      );
    }
    const before = await canContact(
      ctx.handle.db,
      me,
      { caseId, channel: 'call', target: 'debtor', index: 0 },
      morning('11:00:00'),
    );
    expect(before).toMatchObject({ allowed: false, violations: [{ rule: 'answeredCap' }] });
    const e = await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('11:00:00')).catch(
      (x: unknown) => x,
    );
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(morning().getTime() + 86_400_000),
    );
    expect(zh(e)).toBe(`今天已与债务人有效通话 3 次，达到上限：${tomorrow} 08:00 起才能再打`);
    expect((await ctx.handle.db.select().from(caseActions).where(eq(caseActions.caseId, caseId))).length).toBe(3);
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('ptp');
    // The next day the count starts again.
    await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('08:00:00', 1));
  });

  it('refuses the seventh unanswered call to one number, not to the other', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    expect(row?.phones.length).toBe(2);
    const me = await collector();
    for (let i = 0; i < 6; i += 1)
      await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning(`09:1${i}:00`));
    await expect(logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('09:30:00'))).rejects.toMatchObject({
      code: 'rules.unansweredCap',
    });
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered', { index: 1 }), morning('09:31:00'));
  });

  it('refuses calls at 22:00:00 and 07:59:59, allows 08:00:00 and 21:59:59', async () => {
    const { caseId } = await workingCases(ctx.w);
    const me = await collector();
    await expect(logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('22:00:00'))).rejects.toMatchObject({
      code: 'rules.window',
    });
    await expect(logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('07:59:59'))).rejects.toMatchObject({
      code: 'rules.window',
    });
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('08:00:00'));
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('21:59:59'));
    // An email is not bound by the window.
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered', { channel: 'email' }), morning('23:00:00'));
  });

  it('reaches a contact only after three failed attempts on the debtor, and never again once they refuse', async () => {
    const { caseId } = await workingCases(ctx.w);
    const me = await collector();
    for (let i = 0; i < 2; i += 1)
      await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning(`09:0${i}:00`));
    const early = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { target: 'contact', index: 1 }),
      morning('09:05:00'),
    ).catch((x: unknown) => x);
    expect(zh(early)).toBe('联系第三方前，须对债务人连续 3 次联系未果（目前 2 次），或债务人的号码都已确认无效');
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('09:06:00'));
    await logAction(ctx.handle.db, me, call(caseId, 'refused', { target: 'contact', index: 1 }), morning('09:10:00'));
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'answered', { target: 'contact', index: 1 }), morning('10:00:00')),
    ).rejects.toMatchObject({ code: 'rules.contactRefused' });
  });

  it('refuses a channel the package does not allow, and saves a forbidden phrase with a flag', async () => {
    const { caseId } = await workingCases(ctx.w);
    const me = await collector();
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'answered', { channel: 'visit' }), morning()),
    ).rejects.toMatchObject({ code: 'rules.channelNotAllowed' });
    const { action } = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { note: '他说再不还就爆通讯录' }),
      morning(),
    );
    expect(action.flags).toEqual([
      {
        rule: 'forbiddenPhrase',
        values: {
          phrase: '爆通讯录',
          category: 'disclosure',
          familyId: 'exposure',
          family: '曝光、爆通讯录',
          familyEn: 'Exposure and blasting the contact list',
        },
      },
    ]);
    // A threat in other words is flagged too, naming its family.
    const { action: reworded } = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { note: '他说不 還 钱就去你单位闹' }),
      morning('09:05:00'),
    );
    expect(reworded.flags).toMatchObject([
      { rule: 'forbiddenPhrase', values: { phrase: '去你单位闹', familyId: 'workplace', family: '到单位、公司闹事' } },
    ]);
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.action'), eq(auditLog.resourceId, caseId)));
    // The families came into force as version 2 (migration 0033).
    expect(audit?.after).toMatchObject({ flags: ['forbiddenPhrase'], ruleVersion: 2 });
  });
});

describe('nothing hides the history', () => {
  it('200 emails after three effective calls do not let a fourth call through', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const me = await collector();
    for (let i = 0; i < 3; i += 1) await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning(`09:0${i}:00`));
    for (let i = 0; i < 200; i += 1)
      await logAction(
        ctx.handle.db,
        me,
        call(caseId, 'unanswered', { channel: 'email' }),
        new Date(morning('09:10:00').getTime() + i * 1000),
      );
    await expect(logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('11:00:00'))).rejects.toMatchObject({
      code: 'rules.answeredCap',
    });
  });

  it('a contact shared by two debtors is one person: a refusal on one case holds on the other', async () => {
    const { caseIds } = await workingCases(ctx.w, 3);
    const [first, second] = caseIds as [string, string];
    const [a] = await ctx.handle.db.select().from(cases).where(eq(cases.id, first));
    const [b] = await ctx.handle.db.select().from(cases).where(eq(cases.id, second));
    await ctx.handle.db
      .update(cases)
      .set({
        contacts: [
          {
            ...(b?.contacts[0] ?? { name: '王', relation: '母亲' }),
            phone: a?.contacts[0]?.phone ?? { enc: '', idx: '', masked: '' },
          },
        ],
      })
      .where(eq(cases.id, second));
    const me = await collector();
    for (const id of [first, second])
      for (let i = 0; i < 3; i += 1)
        await logAction(ctx.handle.db, me, call(id, 'unanswered'), morning(`09:${id === first ? 0 : 1}${i}:00`));
    await logAction(ctx.handle.db, me, call(first, 'refused', { target: 'contact', index: 1 }), morning('09:30:00'));
    await expect(
      logAction(ctx.handle.db, me, call(second, 'answered', { target: 'contact', index: 1 }), morning('09:40:00')),
    ).rejects.toMatchObject({ code: 'rules.contactRefused' });
  });

  it('a correction is not a new contact: it is saved outside the window and past a cap', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const me = await collector();
    const { action } = await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('21:50:00'));
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'unanswered', { correctsId: action.id, note: '更正：未接通' }),
      morning('22:30:00'),
    );
  });
});

describe('records', () => {
  it('are append-only: the database refuses changes; a correction is a new row and both stay', async () => {
    const { caseId } = await workingCases(ctx.w);
    const me = await collector();
    const { action } = await logAction(ctx.handle.db, me, call(caseId, 'answered', { note: '误记为接通' }), morning());
    await expect(
      ctx.handle.db.execute(sql`update case_actions set note = 'x' where id = ${action.id}`),
    ).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from case_actions where id = ${action.id}`)).rejects.toThrow();
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'unanswered', { note: '更正：实际未接通', correctsId: action.id }),
      morning('10:05:00'),
    );
    const list = await listCaseActions(ctx.handle.db, me, { caseId, limit: 10 });
    expect(list.items.map((a) => [a.note, a.correctsId])).toEqual([
      ['更正：实际未接通', action.id],
      ['误记为接通', null],
    ]);
  });

  it('a correction withdraws the promise the corrected action recorded; the case is worked again', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const me = await collector();
    const { action } = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'promise_to_pay', { promiseAmount: 80_000, promiseDate: '2099-02-01' }),
      morning('10:00:00'),
    );
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('ptp');
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'hardship', { correctsId: action.id, note: '更正：债务人只说困难，未承诺' }),
      morning('10:10:00'),
    );
    expect(
      (
        await ctx.handle.db.select({ status: promises.status }).from(promises).where(eq(promises.actionId, action.id))
      )[0]?.status,
    ).toBe('withdrawn');
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('working');
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'case.action'),
          eq(auditLog.resourceId, caseId),
          sql`${auditLog.after} ->> 'correctsId' is not null`,
        ),
      );
    expect(audit).toMatchObject({ before: { status: 'ptp' }, after: { correctsId: action.id, status: 'working' } });
    // A correction that is itself a promise keeps the case promised, with the new promise open.
    const second = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'promise_to_pay', { promiseAmount: 50_000, promiseDate: '2099-03-01' }),
      morning('10:20:00'),
    );
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'promise_to_pay', {
        correctsId: second.action.id,
        promiseAmount: 60_000,
        promiseDate: '2099-03-01',
        note: '更正金额',
      }),
      morning('10:25:00'),
    );
    const open = await ctx.handle.db
      .select({ amount: promises.amount })
      .from(promises)
      .where(and(eq(promises.caseId, caseId), eq(promises.status, 'open')));
    expect(open).toEqual([{ amount: 60_000 }]);
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('ptp');
  });

  it('a recalled case is gone for the agency: no page, no action', async () => {
    const { caseId } = await workingCases(ctx.w);
    await recallCases(ctx.handle.db, await domainCaller(ctx.w, 'creditorA.manager'), {
      caseIds: [caseId],
      reason: '转自催',
    });
    const me = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    await expect(me.work.case({ caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      logAction(ctx.handle.db, await collector(), call(caseId, 'answered'), morning()),
    ).rejects.toMatchObject({ code: 'case.notFound' });
  });
});

describe('the case page and reveals', () => {
  it('shows the case masked; a full number needs a reason and leaves an audit row without the number', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    const me = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const page = await me.work.case({ caseId });
    expect(page.phones.map((p) => p.masked)).toEqual(row?.phones.map((p) => p.masked));
    expect(JSON.stringify(page)).not.toContain(decryptPii(row?.idNumberEnc ?? ''));
    expect(page.stage).toBe(page.daysOverdue <= 5 ? 'reminder' : page.daysOverdue <= 17 ? 'contacts' : 'escalation');
    await expect(me.work.reveal({ caseId, field: 'phone', index: 0, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { value } = await me.work.reveal({ caseId, field: 'phone', index: 0, reason: '债务人要求回拨' });
    expect(value).toBe(decryptPii(row?.phones[0]?.enc ?? ''));
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.reveal'), eq(auditLog.resourceId, caseId)));
    expect(audit?.after).toEqual({ field: 'phone', index: 0, reason: '债务人要求回拨' });
    expect(JSON.stringify(audit)).not.toContain(value);
    // Another agency, or another collector of the agency, cannot open it.
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['agencyB.admin'])).work.case({ caseId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('promises and the queue', () => {
  it('orders the collector’s queue: promises due today, new cases, broken promises, other promises, the rest', async () => {
    const { caseIds } = await workingCases(ctx.w, 5);
    const [dueToday, , broken, future, worked] = caseIds as [string, string, string, string, string];
    const me = await collector();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(morning());
    const ptp = (caseId: string, promiseDate: string, t: string) =>
      logAction(ctx.handle.db, me, call(caseId, 'promise_to_pay', { promiseAmount: 100_000, promiseDate }), morning(t));
    // Promised three days ago (logged then), so broken by now.
    await logAction(
      ctx.handle.db,
      me,
      call(broken, 'promise_to_pay', {
        promiseAmount: 80_000,
        promiseDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(morning('10:00:00', -3)),
      }),
      morning('10:00:00', -3),
    );
    await ptp(dueToday, today, '09:00:00');
    await ptp(future, '2099-12-31', '09:10:00');
    await logAction(ctx.handle.db, me, call(worked, 'unanswered'), morning('09:20:00'));
    expect(await breakDuePromises(ctx.handle.db, morning('12:00:00'))).toEqual({ broken: 1 });
    expect(await breakDuePromises(ctx.handle.db, morning('12:00:00'))).toEqual({ broken: 0 });
    expect((await ctx.handle.db.select({ s: cases.status }).from(cases).where(eq(cases.id, broken)))[0]?.s).toBe(
      'working',
    );
    const q = await listQueue(ctx.handle.db, me, { limit: 50 }, morning('12:00:00'));
    const mine = q.items.filter((i) => caseIds.includes(i.id));
    expect(mine.map((i) => [i.id, i.reason])).toEqual([
      [dueToday, 'promiseDueToday'],
      [caseIds[1], 'new'],
      [broken, 'promiseBroken'],
      [future, 'promiseOpen'],
      [worked, 'other'],
    ]);
    expect(mine[0]?.promiseAmount).toBe(100_000);
    // Paged by keyset without repeats; found by contract number or by the masked name.
    const page1 = await listQueue(ctx.handle.db, me, { limit: 2 }, morning('12:00:00'));
    const page2 = await listQueue(ctx.handle.db, me, { limit: 50, cursor: page1.nextCursor }, morning('12:00:00'));
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(q.items.length);
    const first = mine[0];
    expect(
      (await listQueue(ctx.handle.db, me, { limit: 50, search: first?.contractNo.slice(0, -1) }, morning())).items.map(
        (i) => i.id,
      ),
    ).toContain(first?.id);
    expect(
      (await listQueue(ctx.handle.db, me, { limit: 50, search: first?.debtorName }, morning())).items.map((i) => i.id),
    ).toContain(first?.id);
    // Another collector's queue is empty.
    expect(
      (await listQueue(ctx.handle.db, await domainCaller(ctx.w, 'agencyB.collector'), { limit: 50 })).items,
    ).toEqual([]);
  });

  it('keeps a promise due yesterday open: the debtor has until the end of the next day', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const me = await collector();
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(morning('10:00:00', -1));
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'promise_to_pay', { promiseAmount: 1, promiseDate: yesterday }),
      morning('10:00:00', -1),
    );
    await breakDuePromises(ctx.handle.db, morning('23:59:00'));
    expect((await ctx.handle.db.select().from(promises).where(eq(promises.caseId, caseId)))[0]?.status).toBe('open');
    await breakDuePromises(ctx.handle.db, morning('00:01:00', 1));
    expect((await ctx.handle.db.select().from(promises).where(eq(promises.caseId, caseId)))[0]?.status).toBe('broken');
  });
});

describe('the creditor’s view', () => {
  it('shows every action on its cases with flags, and per agency how hard and how cleanly it works; others see nothing', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const me = await collector();
    await logAction(ctx.handle.db, me, call(caseId, 'answered', { note: '再不还就爆通讯录' }), morning('09:00:00'));
    await logAction(ctx.handle.db, me, call(caseId, 'unanswered'), morning('09:05:00'));
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const feed = await creditor.oversight.activity({ limit: 50 });
    const mine = feed.items.filter((a) => a.caseId === caseId);
    expect(mine.map((a) => a.outcome)).toEqual(['unanswered', 'answered']);
    expect(mine[1]).toMatchObject({ agencyName: ctx.w.orgs.agencyA.name, flags: [{ rule: 'forbiddenPhrase' }] });
    expect(mine[0]?.debtorName).toMatch(/\*/);
    expect(
      (await creditor.oversight.activity({ limit: 50, isFlaggedOnly: true })).items.every((a) => a.flags.length > 0),
    ).toBe(true);
    const intensity = await creditor.oversight.intensity({ days: 30 });
    const a = intensity.find((r) => r.agencyId === ctx.w.orgs.agencyA.id);
    expect(a).toMatchObject({ calls: expect.any(Number), flagged: expect.any(Number) });
    expect(a?.answered).toBeLessThanOrEqual(a?.calls ?? 0);
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await other.oversight.activity({ limit: 50 })).items.filter((x) => x.caseId === caseId)).toEqual([]);
    expect(
      (await other.oversight.intensity({ days: 30 })).find((r) => r.agencyId === ctx.w.orgs.agencyA.id),
    ).toBeUndefined();
  });
});

describe('restructuring', () => {
  it('approves a plan inside the package’s bands at once; one outside waits for the creditor, who decides once', async () => {
    const { caseId, row } = await workingCases(ctx.w, 3);
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const soon = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 10 * 86_400_000),
    );
    const inside = await agency.work.proposeRestructure({
      caseId,
      kind: 'reduction',
      terms: { reductionBp: 2000, firstDueDate: soon },
      reason: '一次性结清可减免 20%',
    });
    expect(inside).toMatchObject({
      status: 'approved',
      isAutoApproved: true,
      totalAmount: Math.round(((row?.amountOverdue ?? 0) * 8000) / 10000),
    });
    const outside = await agency.work.proposeRestructure({
      caseId,
      kind: 'instalments',
      terms: { instalments: 24, firstDueDate: soon },
      reason: '收入下降，申请分 24 期',
    });
    expect(outside).toMatchObject({ status: 'proposed', isAutoApproved: false });
    expect(outside.schedule.reduce((s, l) => s + l.amount, 0)).toBe(row?.amountOverdue);
    await expect(
      agency.work.proposeRestructure({
        caseId,
        kind: 'deferral',
        terms: { deferTo: '2099-02-01' },
        reason: '再提一项',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const pending = await creditor.restructures.list({ status: 'proposed', limit: 50 });
    expect(pending.items.map((r) => r.id)).toContain(outside.id);
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['creditorB.manager'])).restructures.decide({
        requestId: outside.id,
        approve: true,
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await creditor.restructures.decide({ requestId: outside.id, approve: false, note: '期数过长' }),
    ).toMatchObject({ status: 'rejected', decisionNote: '期数过长' });
    await expect(
      creditor.restructures.decide({ requestId: outside.id, approve: true, note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await agency.work.restructures({ caseId })).map((r) => r.status)).toEqual(['rejected', 'approved']);
  });

  it('expires a request the creditor leaves unanswered for 3 business days', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.supervisor']);
    const r = await agency.work.proposeRestructure({
      caseId,
      kind: 'deferral',
      terms: { deferTo: '2099-03-01' },
      reason: '债务人住院',
    });
    const { expireRestructureIfDue } = await import('../../../domain/work/restructure');
    expect(await expireRestructureIfDue(ctx.handle.db, r.id, new Date())).toBe(false);
    expect(await expireRestructureIfDue(ctx.handle.db, r.id, new Date(Date.now() + 14 * 86_400_000))).toBe(true); // past any holiday week
    const inbox = await (
      await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector'])
    ).notifications.list({ limit: 50 });
    expect(inbox.items.find((n) => n.kind === 'restructure.decided')?.params).toMatchObject({ status: 'expired' });
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager'])).restructures.decide({
        requestId: r.id,
        approve: true,
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('message templates', () => {
  it('refuses a template with a forbidden phrase; only an approved template of the package is sent, and sending is a contact under the rules', async () => {
    const { caseId } = await workingCases(ctx.w, 3);
    const supervisor = await callerAs(ctx.handle.db, ctx.w.users['agencyA.supervisor']);
    const packageId = await packageOfCase(ctx.w, caseId);
    const bad = await supervisor.work
      .submitTemplate({ packageId, channel: 'sms', title: '最后通知', body: '再不还款就爆通讯录，到你公司去堵你' })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(describeError('zh-CN', bad as never).message).toBe(
      '模板含禁用语：“到你公司去堵”（到单位、公司闹事）、“爆通讯录”（曝光、爆通讯录），不能提交',
    );
    expect(describeError('en', bad as never).message).toBe(
      'The template contains forbidden wording: “到你公司去堵” (Threats to make trouble at the workplace), “爆通讯录” (Exposure and blasting the contact list); it cannot be submitted',
    );
    // Spacing and traditional characters do not get a threat through either.
    await expect(
      supervisor.work.submitTemplate({ packageId, channel: 'sms', title: '通知', body: '不還錢就去 你 單 位 鬧' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const me = await collector();
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'unanswered', { channel: 'sms' }), morning()),
    ).rejects.toMatchObject({ code: 'template.required' });
    const submitted = await supervisor.work.submitTemplate({
      packageId,
      channel: 'sms',
      title: '还款提醒',
      body: '您好，您的借款已逾期，请尽快联系我们。',
    });
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'unanswered', { channel: 'sms', templateId: submitted.id }), morning()),
    ).rejects.toMatchObject({ code: 'template.notApproved' });
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['creditorB.manager'])).templates.decide({
        templateId: submitted.id,
        approve: true,
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    expect((await creditor.templates.list({ status: 'submitted', limit: 50 })).items.map((t) => t.id)).toContain(
      submitted.id,
    );
    await creditor.templates.decide({ templateId: submitted.id, approve: true, note: '可以使用' });
    await expect(
      creditor.templates.decide({ templateId: submitted.id, approve: false, note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const { action } = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'unanswered', { channel: 'sms', templateId: submitted.id }),
      morning(),
    );
    expect(action.channel).toBe('sms');
    // The same template at night: refused by the contact window like any contact.
    await expect(
      logAction(
        ctx.handle.db,
        me,
        call(caseId, 'unanswered', { channel: 'sms', templateId: submitted.id }),
        morning('23:00:00'),
      ),
    ).rejects.toMatchObject({ code: 'rules.window' });
    // Another agency cannot send it.
    expect(
      (await (await callerAs(ctx.handle.db, ctx.w.users['agencyB.admin'])).work.templates({})).map((t) => t.id),
    ).not.toContain(submitted.id);
  });
});

describe('under concurrency', () => {
  it.runIf(isPostgresRun())(
    'two collectors logging at the same instant cannot pass the cap of 3 effective calls',
    async () => {
      const { caseId } = await workingCases(ctx.w);
      const callers = [await collector(), await domainCaller(ctx.w, 'agencyA.supervisor')];
      const now = morning('15:00:00');
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          logAction(ctx.handle.db, callers[i % 2] ?? callers[0]!, call(caseId, 'answered'), now),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'rules.answeredCap' });
    },
  );
});
