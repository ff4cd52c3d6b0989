// Sanctions short of a ban (DESIGN §3, issue 7): a warning, penalty points or a suspension
// cites an upheld complaint about the agency or an audit violation and is in force at once;
// a suspension stops new bids, offers and awards and empties the marketplace, while the
// agency keeps its cases unless the creditor freezes them (then no action, visit or
// repayment report). The agency appeals once; a platform admin decides. Each side reads
// only what concerns it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, fieldAuditItems, fieldAudits, notifications, sanctions } from '@/db/schema';
import { acknowledgeComplaint } from '../../../domain/complaints/workflow';
import { logAction } from '../../../domain/work/actions';
import { describeError, toTRPCError } from '../../errors';
import type { TProposeSanctionInput } from './sanctions.schema';
import { filePublicFor } from '../../../testing/complaints';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { bidAs, draftPackage, openPackage, sampleBid, sampleTerms } from '../../../testing/packages';
import { sanctionCiting, upheldComplaint } from '../../../testing/sanctions';
import { inDaytimeZone, morning } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const yesterday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
const propose = (over: Partial<TProposeSanctionInput>): TProposeSanctionInput => ({
  complaintId: null,
  auditItemId: null,
  kind: 'warning',
  points: null,
  endsOn: null,
  reason: '催收员言语不当，予以警告。',
  ...over,
});
const call = (caseId: string) => ({
  caseId,
  channel: 'call' as const,
  target: 'debtor' as const,
  index: 0,
  outcome: 'unanswered' as const,
  note: '',
});
/** Who of this test's world was told `kind` (earlier tests' worlds share the database). */
const told = async (kind: (typeof notifications.$inferSelect)['kind']) => {
  const mine = new Set(Object.values(ctx.w.users).map((u) => u.id));
  return (await ctx.handle.db.select().from(notifications).where(eq(notifications.kind, kind))).filter((n) =>
    mine.has(n.userId),
  );
};
const ofAgencyA = () => ctx.handle.db.select().from(sanctions).where(eq(sanctions.agencyId, ctx.w.orgs.agencyA.id));
const zh = (e: unknown) => describeError('zh-CN', toTRPCError((e as { cause: never }).cause ?? (e as never))).message;

describe('recording a sanction', () => {
  it('puts a warning and penalty points in force at once, audited, and tells the agency', async () => {
    const { complaintId } = await upheldComplaint(ctx.w);
    const staff = await as('platform.complaints');
    const warning = await staff.sanctions.propose(propose({ complaintId }));
    expect(warning).toMatchObject({ kind: 'warning', status: 'active' });
    const points = await staff.sanctions.propose(
      propose({ complaintId, kind: 'points', points: 8, reason: '一年内第二次被投诉威胁，扣 8 分。' }),
    );
    const [saved] = await ctx.handle.db.select().from(sanctions).where(eq(sanctions.id, points.id));
    expect(saved).toMatchObject({
      status: 'active',
      points: 8,
      agencyId: ctx.w.orgs.agencyA.id,
      complaintId,
      proposedBy: ctx.w.users['platform.complaints'].id,
    });
    expect(saved?.effectiveAt).toBeInstanceOf(Date);
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sanction.propose'), eq(auditLog.resourceId, points.id)));
    expect(audit).toMatchObject({
      orgId: ctx.w.orgs.agencyA.id,
      after: expect.objectContaining({ kind: 'points', points: 8 }),
    });
    expect((await told('sanction.imposed')).map((n) => n.userId).sort()).toEqual(
      [
        ctx.w.users['agencyA.admin'].id,
        ctx.w.users['agencyA.admin'].id,
        ctx.w.users['agencyA.supervisor'].id,
        ctx.w.users['agencyA.supervisor'].id,
      ].sort(),
    );
    // Points need a number; a suspension cannot end in the past.
    await expect(staff.sanctions.propose(propose({ complaintId, kind: 'points', points: null }))).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    );
    await expect(
      staff.sanctions.propose(propose({ complaintId, kind: 'suspension', endsOn: yesterday() })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'sanction.endsOnPast' } });
  });

  it('cites only an upheld complaint about an agency or an audit item found a violation', async () => {
    const { row, complaintId: upheld } = await upheldComplaint(ctx.w);
    if (!row) throw new Error('no case');
    const staff = await as('platform.auditor');
    const pending = await filePublicFor(ctx.w, row);
    await acknowledgeComplaint(ctx.handle.db, await domainCaller(ctx.w, 'platform.complaints'), {
      complaintId: pending.id,
      note: '',
    });
    await expect(staff.sanctions.propose(propose({ complaintId: pending.id }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'sanction.notCitable' },
    });
    await expect(
      staff.sanctions.propose(propose({ complaintId: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(staff.sanctions.propose(propose({ complaintId: null }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // The lead auditor's screens make these rows; here they are written directly: two logged calls, each sampled.
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const first = await logAction(ctx.handle.db, collector, call(row.id), morning('10:00:00'));
    const second = await logAction(ctx.handle.db, collector, call(row.id), morning('10:05:00'));
    const [audit] = await ctx.handle.db
      .insert(fieldAudits)
      .values({
        agencyId: ctx.w.orgs.agencyA.id,
        method: 'chosen',
        periodFrom: yesterday(),
        periodTo: today(),
        caseIds: [row.id],
        createdBy: ctx.w.users['platform.auditor'].id,
      })
      .returning();
    const item = async (actionId: string, finding: 'issue' | 'violation') =>
      (
        await ctx.handle.db
          .insert(fieldAuditItems)
          .values({ auditId: audit?.id ?? '', kind: 'action', caseId: row.id, actionId, finding })
          .returning()
      )[0]?.id ?? '';
    const issue = await item(first.action.id, 'issue');
    const violation = await item(second.action.id, 'violation');
    await expect(staff.sanctions.propose(propose({ complaintId: null, auditItemId: issue }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'sanction.notCitable' },
    });
    // Both citations at once is no citation.
    await expect(
      staff.sanctions.propose(propose({ complaintId: upheld, auditItemId: violation })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await ofAgencyA()).toHaveLength(0);
    const cited = await staff.sanctions.propose(
      propose({ complaintId: null, auditItemId: violation, kind: 'points', points: 3 }),
    );
    expect((await ctx.handle.db.select().from(sanctions).where(eq(sanctions.id, cited.id)))[0]).toMatchObject({
      agencyId: ctx.w.orgs.agencyA.id,
      auditItemId: violation,
      complaintId: null,
    });
  });
});

describe('a suspension', () => {
  it('stops new bids, offers and awards and empties the marketplace until it ends or is lifted; a live bid may still be withdrawn', async () => {
    const { complaintId } = await upheldComplaint(ctx.w);
    const open = await openPackage(ctx.w, {}, 6, 'SUSP');
    const live = await bidAs(ctx.w, 'agencyA.admin', open.id);
    const suspension = await sanctionCiting(ctx.w, complaintId, 'suspension', 'platform.complaints', {
      endsOn: today(),
    });
    const agency = await as('agencyA.admin');
    expect(await agency.sanctions.standing()).toEqual({
      isSuspended: true,
      suspensionId: suspension.id,
      suspendedUntil: today(),
    });
    expect((await agency.market.list({ sort: 'closing', limit: 50 })).items).toEqual([]);
    const other = await openPackage(ctx.w, {}, 6, 'SUSQ');
    const refused = await agency.market.bid.submit({ packageId: other.id, ...sampleBid() }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', cause: { code: 'bid.agencySuspended' } });
    expect(zh(refused)).toBe(`本机构处于暂停期（至 ${today()}），不能投标或接受新的委托`);
    await expect(agency.market.bid.update({ bidId: live.bid.id, ...sampleBid({ feeBp: 2000 }) })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );

    // The creditor can neither offer it a package nor award it one.
    const creditor = await as('creditorA.manager');
    const draft = await draftPackage(ctx.w, 4, 'SUSO');
    await creditor.packages.saveTerms({ packageId: draft.id, terms: sampleTerms() });
    await expect(
      creditor.packages.offer({ packageId: draft.id, agencyId: ctx.w.orgs.agencyA.id, feeBp: 2500 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'offer.agencyNotEligible' } });
    await ctx.handle.db.update(sanctions).set({ status: 'lifted' }).where(eq(sanctions.id, suspension.id));
    await creditor.packages.offer({ packageId: draft.id, agencyId: ctx.w.orgs.agencyA.id, feeBp: 2500 });
    await ctx.handle.db.update(sanctions).set({ status: 'active' }).where(eq(sanctions.id, suspension.id));
    await expect(agency.market.answerOffer({ packageId: draft.id, accept: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'bid.agencySuspended' },
    });
    const { closeNow } = await import('../../../testing/packages');
    await closeNow(ctx.w, open.id);
    await expect(
      creditor.packages.award({ packageId: open.id, shares: [{ bidId: live.bid.id, share: { kind: 'all' } }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'award.agencySuspended' } });

    // Its last day passed: in force no more, though the record stays.
    await ctx.handle.db.update(sanctions).set({ endsOn: yesterday() }).where(eq(sanctions.id, suspension.id));
    expect((await agency.sanctions.standing()).isSuspended).toBe(false);
    await expect(agency.market.bid.submit({ packageId: other.id, ...sampleBid() })).resolves.toMatchObject({
      bid: { status: 'submitted' },
    });
    expect((await agency.sanctions.get({ sanctionId: suspension.id })).isInForce).toBe(false);
  });

  it('lets the creditor freeze its commission: the agency reads its cases but logs, visits and reports nothing until unfrozen', async () => {
    const { complaintId, commissionId, caseId, pkg } = await upheldComplaint(ctx.w);
    const creditor = await as('creditorA.manager');
    await expect(creditor.sanctions.freeze({ commissionId })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'commission.agencyNotSuspended' },
    });
    expect((await creditor.sanctions.suspendedCommissions()).items).toEqual([]);
    await sanctionCiting(ctx.w, complaintId, 'suspension');
    const creditorTold = await told('sanction.agencySuspended');
    expect(creditorTold.map((n) => n.userId).sort()).toEqual(
      [ctx.w.users['creditorA.admin'].id, ctx.w.users['creditorA.manager'].id].sort(),
    );
    expect(creditorTold[0]?.params).toMatchObject({ until: 'open' });

    // Until frozen, the agency keeps working (at noon in the debtor's zone, whatever the clock).
    await inDaytimeZone(ctx.w, caseId);
    const collector = await as('agencyA.collector');
    await collector.work.logAction(call(caseId));
    const listed = await creditor.sanctions.suspendedCommissions();
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: commissionId,
        packageId: pkg.id,
        isSuspended: true,
        frozenAt: null,
        agencyName: ctx.w.orgs.agencyA.name,
      }),
    ]);
    await expect((await as('creditorB.admin')).sanctions.freeze({ commissionId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await creditor.sanctions.freeze({ commissionId })).frozenAt).toBeInstanceOf(Date);
    await expect(creditor.sanctions.freeze({ commissionId })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'commission.alreadyFrozen' },
    });
    const agencyTold = await told('commission.frozen');
    expect(agencyTold.map((n) => n.userId).sort()).toEqual(
      [ctx.w.users['agencyA.admin'].id, ctx.w.users['agencyA.supervisor'].id].sort(),
    );

    const frozen = await collector.work.logAction(call(caseId)).catch((e: unknown) => e);
    expect(frozen).toMatchObject({ code: 'PRECONDITION_FAILED', cause: { code: 'case.frozen' } });
    expect(zh(frozen)).toContain('委托方已冻结本案所在的委托');
    await expect(
      collector.work.canContact({ caseId, channel: 'call', target: 'debtor', index: 0 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(
      collector.work.reportRepayment({
        caseId,
        amount: 10_000,
        paidOn: today(),
        channel: 'bank_transfer',
        payer: '本人',
        reference: '',
        note: '',
      }),
    ).rejects.toMatchObject({ cause: { code: 'case.frozen' } });
    await expect(
      collector.work.planVisit({
        caseId,
        date: today(),
        time: '12:00',
        staffIds: [ctx.w.users['agencyA.collector'].id, ctx.w.users['agencyA.supervisor'].id],
        address: '杭州市西湖区文三路 90 号',
        purpose: '',
      }),
    ).rejects.toMatchObject({ cause: { code: 'case.frozen' } });
    expect((await collector.work.case({ caseId })).commissionFrozenAt).toBeInstanceOf(Date);

    expect(await creditor.sanctions.unfreeze({ commissionId })).toMatchObject({ frozenAt: null });
    await expect(creditor.sanctions.unfreeze({ commissionId })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'commission.notFrozen' },
    });
    await collector.work.logAction(call(caseId));
    const trail = (
      await ctx.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.resourceId, commissionId))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(trail).toEqual(['commission.freeze', 'commission.unfreeze']);
  });

  it('is lifted by staff: bids open again, and the creditors that froze are told', async () => {
    const { complaintId, commissionId } = await upheldComplaint(ctx.w);
    const suspension = await sanctionCiting(ctx.w, complaintId, 'suspension');
    await (await as('creditorA.manager')).sanctions.freeze({ commissionId });
    const staff = await as('platform.auditor');
    await expect(staff.sanctions.lift({ sanctionId: suspension.id, note: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await staff.sanctions.lift({ sanctionId: suspension.id, note: '机构已完成整改并更换催收员' })).toMatchObject(
      { status: 'lifted' },
    );
    await expect(staff.sanctions.lift({ sanctionId: suspension.id, note: '再次解除' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const warning = await sanctionCiting(ctx.w, complaintId, 'warning');
    await expect(staff.sanctions.lift({ sanctionId: warning.id, note: '警告不能解除' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'sanction.notLiftable' },
    });
    expect((await (await as('agencyA.admin')).sanctions.standing()).isSuspended).toBe(false);
    expect((await told('sanction.lifted')).map((n) => n.userId).sort()).toEqual(
      [
        ctx.w.users['agencyA.admin'].id,
        ctx.w.users['agencyA.supervisor'].id,
        ctx.w.users['creditorA.admin'].id,
        ctx.w.users['creditorA.manager'].id,
      ].sort(),
    );
    // Unfreezing stays the creditor's choice.
    expect((await (await as('creditorA.viewer')).sanctions.suspendedCommissions()).items).toEqual([
      expect.objectContaining({ id: commissionId, isSuspended: false }),
    ]);
  });
});

describe('appeals', () => {
  it('lets the agency appeal once; a platform admin denies or grants it, and a granted suspension no longer stops bids', async () => {
    const { complaintId } = await upheldComplaint(ctx.w);
    const suspension = await sanctionCiting(ctx.w, complaintId, 'suspension');
    const agency = await as('agencyA.admin');
    await expect(agency.sanctions.appeal({ sanctionId: suspension.id, text: '太短' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await agency.sanctions.appeal({
      sanctionId: suspension.id,
      text: '涉事催收员已于当日停岗，录音显示其后通话规范，请求撤销暂停。',
    });
    // The bad input of the issue: a second appeal.
    await expect(
      agency.sanctions.appeal({ sanctionId: suspension.id, text: '再次申诉，请求重新审理本次暂停。' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'sanction.alreadyAppealed' } });
    await expect(
      (await as('platform.complaints')).sanctions.recordAppeal({
        sanctionId: suspension.id,
        text: '书面申诉，请求重新审理本次暂停。',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await told('sanction.appealed')).map((n) => n.userId)).toEqual([ctx.w.users['platform.admin'].id]);

    const admin = await as('platform.admin');
    expect(
      await admin.sanctions.decideAppeal({ sanctionId: suspension.id, outcome: 'granted', note: '整改到位，撤销暂停' }),
    ).toMatchObject({ status: 'revoked', appealOutcome: 'granted' });
    await expect(
      admin.sanctions.decideAppeal({ sanctionId: suspension.id, outcome: 'denied', note: '改判' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'sanction.appealDecided' } });
    expect((await agency.sanctions.standing()).isSuspended).toBe(false);
    const seen = await agency.sanctions.get({ sanctionId: suspension.id });
    expect(seen).toMatchObject({
      status: 'revoked',
      appealOutcome: 'granted',
      appealNote: '整改到位，撤销暂停',
      proposedByName: null,
      decidedByName: null,
      appealDecidedByName: null,
      isAppealRecorded: false,
    });

    const warning = await sanctionCiting(ctx.w, complaintId, 'warning');
    await expect(
      admin.sanctions.decideAppeal({ sanctionId: warning.id, outcome: 'denied', note: '没有申诉' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'sanction.noAppeal' } });
    await agency.sanctions.appeal({ sanctionId: warning.id, text: '我司认为警告所依据的录音不完整。' });
    expect(
      await admin.sanctions.decideAppeal({ sanctionId: warning.id, outcome: 'denied', note: '录音完整，维持警告' }),
    ).toMatchObject({ status: 'active', appealOutcome: 'denied' });
    const actions = (
      await ctx.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.resourceId, warning.id))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(actions).toEqual(['sanction.propose', 'sanction.appeal', 'sanction.decideAppeal']);
    await expect(
      (await as('agencyB.admin')).sanctions.appeal({ sanctionId: warning.id, text: '另一家机构试图申诉。' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('reading sanctions', () => {
  it('shows staff everything, the agency its own once decided, a creditor those in force on agencies it commissions', async () => {
    const { complaintId } = await upheldComplaint(ctx.w);
    const warning = await sanctionCiting(ctx.w, complaintId, 'warning', 'platform.auditor');
    const ban = await sanctionCiting(ctx.w, complaintId, 'ban');
    // Staff read every agency's: look at this world's agencyA only.
    const ids = async (who: UserKey) =>
      (
        await (
          await as(who)
        ).sanctions.list({ limit: 50, ...(who.startsWith('platform') ? { agencyId: ctx.w.orgs.agencyA.id } : {}) })
      ).items.map((i) => i.id);
    expect(await ids('platform.reviewer')).toEqual([ban.id, warning.id]);
    // A ban under deliberation is staff's alone.
    expect(await ids('agencyA.supervisor')).toEqual([warning.id]);
    await expect((await as('agencyA.admin')).sanctions.get({ sanctionId: ban.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await as('agencyA.admin')).sanctions.appeal({ sanctionId: ban.id, text: '试图对尚未生效的禁入申诉。' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ids('agencyB.admin')).toEqual([]);
    expect(await ids('creditorA.viewer')).toEqual([warning.id]);
    expect(await ids('creditorB.admin')).toEqual([]);
    await expect((await as('creditorB.admin')).sanctions.get({ sanctionId: warning.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const forCreditor = await (await as('creditorA.viewer')).sanctions.get({ sanctionId: warning.id });
    expect(forCreditor).toMatchObject({
      complaintId: null,
      complaintReference: null,
      proposedByName: null,
      appealText: null,
      agencyName: ctx.w.orgs.agencyA.name,
    });
    const forStaff = await (await as('platform.admin')).sanctions.get({ sanctionId: ban.id });
    expect(forStaff).toMatchObject({
      status: 'proposed',
      proposedByName: ctx.w.users['platform.complaints'].name,
      complaintId,
      isProposedByMe: false,
    });
    expect((await (await as('platform.complaints')).sanctions.get({ sanctionId: ban.id })).isProposedByMe).toBe(true);
    expect(
      (
        await (
          await as('platform.admin')
        ).sanctions.list({ limit: 50, status: 'proposed', kind: 'ban', agencyId: ctx.w.orgs.agencyA.id })
      ).items.map((i) => i.id),
    ).toEqual([ban.id]);
  });
});
