// Everyone who must act on an admission is told in the app: reviewers of a submission,
// the applicant's admins of an information request and of the decision, staff of a
// proposal waiting for four eyes, the proposer of a returned proposal, and the admins of
// an organization whose admission expired. Each user reads and marks only their own.
import { describe, expect, it } from 'vitest';
import { expireAdmissions } from '../../../domain/admission/expiry';
import { admissionExpiresIn, proposeTierA, scoreCreditorNew, submitCreditorNew } from '../../../testing/admission';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();

const inbox = async (key: UserKey) =>
  (await callerAs(ctx.handle.db, ctx.w.users[key])).notifications.list({ limit: 50 });
const kinds = async (key: UserKey) => (await inbox(key)).items.map((n) => n.kind);

describe('admission notifications', () => {
  it('tells reviewers of a submission, and the applicant admin of an information request', async () => {
    const applicationId = await submitCreditorNew(ctx.w);
    const reviewerInbox = await inbox('platform.reviewer');
    expect(reviewerInbox.unread).toBe(1);
    expect(reviewerInbox.items[0]).toMatchObject({
      kind: 'admission.submitted',
      params: { org: 'creditorNew 机构' },
      link: `/staff/admission/${applicationId}`,
    });
    expect(await kinds('platform.admin')).toEqual(['admission.submitted']);
    expect(await kinds('platform.auditor')).toEqual([]);

    await (
      await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer'])
    ).staff.admission.requestInfo({ applicationId, message: '请补充监管批复文件' });
    expect(await kinds('creditorNew.admin')).toEqual(['admission.infoRequested']);
    expect(await kinds('creditorNew.viewer')).toEqual([]);
  });

  it('tells the applicant admin of the decision', async () => {
    const applicationId = await scoreCreditorNew(ctx.w);
    await (
      await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer'])
    ).staff.admission.decide({ applicationId, decision: 'admit', reason: '资质完备' });
    const admin = await inbox('creditorNew.admin');
    expect(admin.items[0]).toMatchObject({ kind: 'admission.admitted', params: { tier: 'B' }, link: '/creditor' });
  });

  it('tells other staff of a proposal awaiting four eyes, and the proposer when it is returned', async () => {
    const applicationId = await proposeTierA(ctx.w);
    expect(await kinds('platform.admin')).toContain('admission.awaitingApproval');
    expect(await kinds('platform.reviewer')).not.toContain('admission.awaitingApproval');
    await (
      await callerAs(ctx.handle.db, ctx.w.users['platform.admin'])
    ).staff.admission.approve({ applicationId, isApproved: false, note: '分数偏高，请复核' });
    expect((await inbox('platform.reviewer')).items[0]).toMatchObject({
      kind: 'admission.proposalReturned',
      link: `/staff/admission/${applicationId}`,
    });
  });

  it('tells the admins of an organization whose admission expired', async () => {
    await admissionExpiresIn(ctx.w, 'agencyB', -1);
    await expireAdmissions(ctx.handle.db);
    expect(await kinds('agencyB.admin')).toEqual(['admission.expired']);
    expect(await kinds('agencyB.collector')).toEqual([]);
  });

  it('marks only the caller’s own notifications read', async () => {
    await submitCreditorNew(ctx.w);
    const reviewer = await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer']);
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const [mine] = (await reviewer.notifications.list({ limit: 5 })).items;
    const [theirs] = (await admin.notifications.list({ limit: 5 })).items;
    // Another user's id is not found among the caller's own: nothing changes.
    await expect(reviewer.notifications.markRead({ ids: [theirs!.id] })).resolves.toEqual({ marked: 0 });
    expect((await admin.notifications.list({ limit: 5 })).unread).toBe(1);
    await expect(reviewer.notifications.markRead({ ids: [mine!.id] })).resolves.toEqual({ marked: 1 });
    await expect(reviewer.notifications.markRead({ ids: 'all' })).resolves.toEqual({ marked: 0 });
    expect((await reviewer.notifications.list({ limit: 5 })).unread).toBe(0);
    await expect(reviewer.notifications.markRead({ ids: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
