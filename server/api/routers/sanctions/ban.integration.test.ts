// A ban (DESIGN §3, issue 7) waits for a second staff member; the proposer cannot approve
// or reject it. Approved, it is one transaction with all its effects: the agency's users
// are refused from their next request, its live bids are withdrawn, offers to it return to
// draft, its commissions end with their cases recalled to the creditors, who are told; the
// public ban list shows it and admission refuses its credit code and legal representative.
// A failure half way leaves nothing changed. A banned agency takes no further sanction;
// a granted appeal returns it to `suspended` and takes it off the list.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  admissionApplications,
  auditLog,
  bids,
  cases,
  commissions,
  notifications,
  organizations,
  packages,
  sanctions,
} from '@/db/schema';
import { blindIndex } from '../../../pii/crypto';
import { LEGAL_REP_ID, fillAgencyApplication } from '../../../testing/admission';
import { asOwner, isPostgresRun } from '../../../testing/db';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { bidAs, draftPackage, openPackage, sampleTerms } from '../../../testing/packages';
import { sanctionCiting, upheldComplaint } from '../../../testing/sanctions';
import { callerAs, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const agencyId = () => ctx.w.orgs.agencyA.id;

/**
 * agencyA works two cases of creditorA (an upheld complaint about it), has a live bid on
 * an open package and a direct offer waiting; a ban citing the complaint is proposed by
 * the complaints handler.
 */
const proposedBan = async () => {
  const working = await upheldComplaint(ctx.w);
  const open = await openPackage(ctx.w, {}, 4, 'BANO');
  const { bid } = await bidAs(ctx.w, 'agencyA.admin', open.id);
  const creditor = await as('creditorA.manager');
  const offered = await draftPackage(ctx.w, 3, 'BANF');
  await creditor.packages.saveTerms({ packageId: offered.id, terms: sampleTerms() });
  await creditor.packages.offer({ packageId: offered.id, agencyId: agencyId(), feeBp: 2400 });
  const ban = await sanctionCiting(ctx.w, working.complaintId, 'ban');
  return { ...working, openId: open.id, bidId: bid.id, offeredId: offered.id, banId: ban.id };
};

/** Everything a ban touches, for before-and-after comparisons. */
const snapshot = async (m: Awaited<ReturnType<typeof proposedBan>>) => {
  const mine = Object.values(ctx.w.users).map((u) => u.id);
  const [org] = await ctx.handle.db
    .select({ status: organizations.status, bannedAt: organizations.bannedAt, banCategory: organizations.banCategory })
    .from(organizations)
    .where(eq(organizations.id, agencyId()));
  return {
    org,
    sanction: (
      await ctx.handle.db
        .select({ status: sanctions.status, effects: sanctions.effects, decidedBy: sanctions.decidedBy })
        .from(sanctions)
        .where(eq(sanctions.id, m.banId))
    )[0],
    bids: await ctx.handle.db
      .select({ id: bids.id, status: bids.status })
      .from(bids)
      .where(eq(bids.agencyId, agencyId()))
      .orderBy(bids.id),
    packages: await ctx.handle.db
      .select({ id: packages.id, status: packages.status, offeredAgencyId: packages.offeredAgencyId })
      .from(packages)
      .where(inArray(packages.id, [m.pkg.id, m.openId, m.offeredId]))
      .orderBy(packages.id),
    commissions: await ctx.handle.db
      .select({ id: commissions.id, status: commissions.status })
      .from(commissions)
      .where(eq(commissions.agencyId, agencyId())),
    cases: await ctx.handle.db
      .select({ id: cases.id, status: cases.status, agencyId: cases.agencyId, commissionId: cases.commissionId })
      .from(cases)
      .where(inArray(cases.id, m.caseIds))
      .orderBy(cases.id),
    audits: (
      await ctx.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(eq(auditLog.actorUserId, ctx.w.users['platform.auditor'].id))
    )[0]?.n,
    notices: (
      await ctx.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(inArray(notifications.userId, mine), eq(notifications.kind, 'sanction.agencyBanned')))
    )[0]?.n,
  };
};

describe('a ban', () => {
  it('needs a second staff member: the proposer can neither approve nor reject it, and a second proposal waits', async () => {
    const m = await proposedBan();
    const before = await snapshot(m);
    const proposer = await as('platform.complaints');
    await expect(proposer.sanctions.approve({ sanctionId: m.banId, note: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'sanction.sameStaff' },
    });
    await expect(proposer.sanctions.reject({ sanctionId: m.banId, note: '撤回我的提议' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await snapshot(m)).toEqual(before);
    await expect(sanctionCiting(ctx.w, m.complaintId, 'ban', 'platform.auditor')).rejects.toMatchObject({
      code: 'sanction.banPending',
    });

    const second = await as('platform.admin');
    await expect(second.sanctions.reject({ sanctionId: m.banId, note: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await second.sanctions.reject({ sanctionId: m.banId, note: '证据指向个别催收员，先予暂停' })).toMatchObject({
      status: 'rejected',
      effects: null,
    });
    await expect(second.sanctions.approve({ sanctionId: m.banId, note: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'sanction.wrongStatus' },
    });
    const after = await snapshot(m);
    expect({ ...after, sanction: undefined }).toEqual({ ...before, sanction: undefined });
    const proposerTold = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, ctx.w.users['platform.complaints'].id),
          eq(notifications.kind, 'sanction.decided'),
        ),
      );
    expect(proposerTold.map((n) => n.params)).toEqual([expect.objectContaining({ status: 'rejected' })]);
    // The others who may approve were told of the proposal; the proposer was not.
    const asked = await ctx.handle.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, 'sanction.awaitingApproval'));
    const askedHere = asked.map((n) => n.userId).filter((id) => Object.values(ctx.w.users).some((u) => u.id === id));
    expect(askedHere.sort()).toEqual([ctx.w.users['platform.admin'].id, ctx.w.users['platform.auditor'].id].sort());
  });

  it('takes effect with every effect at once when a second staff member approves', async () => {
    const m = await proposedBan();
    // The agency's admitted application named a legal representative.
    await ctx.handle.db
      .update(admissionApplications)
      .set({ legalRepIdIndex: blindIndex(LEGAL_REP_ID) })
      .where(eq(admissionApplications.orgId, agencyId()));
    await expect((await as('agencyA.collector')).me.get()).resolves.toBeDefined();

    const approved = await (
      await as('platform.auditor')
    ).sanctions.approve({ sanctionId: m.banId, note: '威胁借款人家属，情节恶劣' });
    expect(approved).toMatchObject({
      status: 'active',
      effects: {
        usersSignedOut: 3,
        bidsWithdrawn: 1,
        offersWithdrawn: 1,
        commissionsEnded: 1,
        casesRecalled: 2,
        creditorsNotified: 1,
      },
    });
    const after = await snapshot(m);
    expect(after.org).toMatchObject({ status: 'banned', banCategory: 'abuse' });
    expect(after.org?.bannedAt).toBeInstanceOf(Date);
    expect(after.sanction).toMatchObject({
      status: 'active',
      decidedBy: ctx.w.users['platform.auditor'].id,
      effects: approved.effects,
    });
    expect(after.bids.find((b) => b.id === m.bidId)?.status).toBe('withdrawn');
    expect(after.packages.find((p) => p.id === m.offeredId)).toMatchObject({ status: 'draft', offeredAgencyId: null });
    expect(after.packages.find((p) => p.id === m.pkg.id)?.status).toBe('recalled');
    expect(after.commissions.map((c) => c.status)).toEqual(['ended']);
    expect(after.cases.every((c) => c.status === 'recalled' && c.agencyId === null && c.commissionId === null)).toBe(
      true,
    );

    // Its users are refused from their next request (each request reads them afresh); the creditor has its cases back and was told.
    await expect((await as('agencyA.collector')).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.orgBlocked' },
    });
    const recalled = await (await as('creditorA.viewer')).cases.list({ status: 'recalled', limit: 50 });
    expect(
      recalled.items
        .map((c) => c.id)
        .filter((id) => m.caseIds.includes(id))
        .sort(),
    ).toEqual([...m.caseIds].sort());
    const creditorTold = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'sanction.agencyBanned'),
          inArray(notifications.userId, [ctx.w.users['creditorA.admin'].id, ctx.w.users['creditorA.manager'].id]),
        ),
      );
    expect(creditorTold.map((n) => n.params)).toEqual([
      { agencyName: ctx.w.orgs.agencyA.name, cases: '2', bids: '1', offers: '1' },
      { agencyName: ctx.w.orgs.agencyA.name, cases: '2', bids: '1', offers: '1' },
    ]);
    const trail = await ctx.handle.db
      .select({ action: auditLog.action, orgId: auditLog.orgId })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, ctx.w.users['platform.auditor'].id));
    expect(trail.map((a) => a.action).sort()).toEqual(
      [
        'bid.withdraw',
        'case.recall',
        'commission.end',
        'org.setStatus',
        'package.offerDecline',
        'sanction.approve',
      ].sort(),
    );
    expect(trail.find((a) => a.action === 'case.recall')?.orgId).toBe(ctx.w.orgs.creditorA.id);

    // The public ban list shows it; admission refuses its credit code and its legal representative.
    const anonymous = await callerAs(ctx.handle.db, null);
    const listed = await anonymous.public.agencies.banned({ limit: 100 });
    expect(listed.items.find((i) => i.creditCode === ctx.w.orgs.agencyA.creditCode)).toMatchObject({
      name: ctx.w.orgs.agencyA.name,
      banCategory: 'abuse',
    });
    const signUp = {
      type: 'agency' as const,
      orgName: '换名再来资产管理有限公司',
      creditCode: ctx.w.orgs.agencyA.creditCode,
      adminName: '赵国栋',
      email: 'again@banned.test',
    };
    await expect(anonymous.admission.signUp(signUp)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.creditCodeBanned' },
    });
    const applicant = await as('agencyNew.admin');
    await fillAgencyApplication(applicant);
    await expect(applicant.admission.application.submit()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.legalRepBanned' },
    });

    // The bad input of the issue: a second approval, and any sanction on an agency already banned.
    await expect(
      (await as('platform.admin')).sanctions.approve({ sanctionId: m.banId, note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      (await as('platform.admin')).sanctions.propose({
        complaintId: m.complaintId,
        auditItemId: null,
        kind: 'warning',
        points: null,
        endsOn: null,
        reason: '禁入后再警告一次。',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'sanction.agencyBanned' } });
    await expect(sanctionCiting(ctx.w, m.complaintId, 'ban', 'platform.admin')).rejects.toMatchObject({
      code: 'sanction.agencyBanned',
    });
  });

  it('leaves nothing changed when one of its effects fails half way', async () => {
    const m = await proposedBan();
    const before = await snapshot(m);
    // Test-only: the commission update (after the organization, bids and offers were written) raises.
    // The app's role may not change the schema: the database's owner plants the trigger.
    await asOwner(ctx.handle.db, async (owner) => {
      await owner.execute(sql`create function fail_commission_end() returns trigger language plpgsql as $$
        begin if new.status = 'ended' then raise exception 'commission end refused for the test'; end if; return new; end $$`);
      await owner.execute(
        sql`create trigger fail_commission_end before update on commissions for each row execute function fail_commission_end()`,
      );
    });
    try {
      // It fails at the trigger, after the organization, the bids and the offers were already written in the transaction.
      await expect(
        (await as('platform.auditor')).sanctions.approve({ sanctionId: m.banId, note: '' }),
      ).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        cause: { cause: expect.objectContaining({ message: 'commission end refused for the test' }) },
      });
    } finally {
      await asOwner(ctx.handle.db, async (owner) => {
        await owner.execute(sql`drop trigger fail_commission_end on commissions`);
        await owner.execute(sql`drop function fail_commission_end()`);
      });
    }
    expect(await snapshot(m)).toEqual(before);
    expect(before.org?.status).toBe('active');
    await expect((await as('agencyA.collector')).me.get()).resolves.toBeDefined();
    // Once the fault is gone the same approval goes through.
    await expect(
      (await as('platform.auditor')).sanctions.approve({ sanctionId: m.banId, note: '' }),
    ).resolves.toMatchObject({ status: 'active' });
  });

  it('is revoked on a granted appeal the agency sent in writing: suspended, off the ban list, nothing restored', async () => {
    const m = await proposedBan();
    await (await as('platform.admin')).sanctions.approve({ sanctionId: m.banId, note: '' });
    const staff = await as('platform.complaints');
    await staff.sanctions.recordAppeal({
      sanctionId: m.banId,
      text: '机构 3 月 12 日来函申诉：涉事催收员系外包人员，已解除合作。',
    });
    await expect(
      staff.sanctions.recordAppeal({ sanctionId: m.banId, text: '机构再次来函申诉，请求重新审理。' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'sanction.alreadyAppealed' } });
    await expect(
      staff.sanctions.decideAppeal({ sanctionId: m.banId, outcome: 'granted', note: '同意' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await (await as('platform.admin')).sanctions.get({ sanctionId: m.banId })).toMatchObject({
      isAppealRecorded: true,
      appealedByName: ctx.w.users['platform.complaints'].name,
    });
    expect(
      await (
        await as('platform.admin')
      ).sanctions.decideAppeal({
        sanctionId: m.banId,
        outcome: 'granted',
        note: '录音显示为外包人员个人行为，改为暂停',
      }),
    ).toMatchObject({ status: 'revoked' });
    const after = await snapshot(m);
    expect(after.org).toEqual({ status: 'suspended', bannedAt: null, banCategory: null });
    expect(after.bids.find((b) => b.id === m.bidId)?.status).toBe('withdrawn');
    expect(after.cases.every((c) => c.status === 'recalled')).toBe(true);
    const listed = await (await callerAs(ctx.handle.db, null)).public.agencies.banned({ limit: 100 });
    expect(listed.items.some((i) => i.creditCode === ctx.w.orgs.agencyA.creditCode)).toBe(false);
    // Still refused at sign-in until staff re-admit it through the status control.
    await expect((await as('agencyA.collector')).me.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await (
      await as('platform.admin')
    ).staff.orgs.setStatus({ orgId: agencyId(), status: 'active', reason: '申诉成立，整改后恢复' });
    await expect((await as('agencyA.collector')).me.get()).resolves.toBeDefined();
  });

  it('is the only way to ban an agency: the staff status control refuses it, and still bans a creditor', async () => {
    const admin = await as('platform.admin');
    await expect(
      admin.staff.orgs.setStatus({
        orgId: ctx.w.orgs.agencyB.id,
        status: 'banned',
        reason: '暴力催收',
        banCategory: 'abuse',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'org.banBySanction' } });
    await expect(
      admin.staff.orgs.setStatus({
        orgId: ctx.w.orgs.creditorB.id,
        status: 'banned',
        reason: '伪造放款资料',
        banCategory: 'fraud',
      }),
    ).resolves.toMatchObject({ status: 'banned' });
  });

  it.runIf(isPostgresRun())('takes effect once when two staff members approve it at the same instant', async () => {
    const m = await proposedBan();
    const results = await Promise.allSettled([
      (await as('platform.admin')).sanctions.approve({ sanctionId: m.banId, note: '一' }),
      (await as('platform.auditor')).sanctions.approve({ sanctionId: m.banId, note: '二' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'CONFLICT' });
    const approvals = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sanction.approve'), eq(auditLog.resourceId, m.banId)));
    expect(approvals).toHaveLength(1);
    const recalls = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.recall'), eq(auditLog.resourceId, m.commissionId)));
    expect(recalls).toHaveLength(1);
  });
});
