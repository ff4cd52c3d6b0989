// Reviewing an application (DESIGN §3, §7): scored per criterion against the template
// active at submission; the computed outcome sets the tier; tier A or a decision against
// the computed one needs a second staff member; an admitted organization becomes active
// for one year with its tier; information requests go back to the applicant, whose
// resubmission is scored afresh. Decided is decided: a second decision is refused.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, organizations } from '@/db/schema';
import { creditorScores, proposeTierA, scoreCreditorNew, submitCreditorNew } from '../../../testing/admission';
import { createTestDb, isPostgresRun } from '../../../testing/db';
import { buildWorld, callerAs, type World } from '../../../testing/world';

let handle: DbHandle;
let w: World;
const reviewer = () => callerAs(handle.db, w.users['platform.reviewer']);
const admin = () => callerAs(handle.db, w.users['platform.admin']);

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  w = await buildWorld(handle.db);
});

const orgOf = async (id: string) => (await handle.db.select().from(organizations).where(eq(organizations.id, id)))[0];

describe('queue', () => {
  it('lists submitted applications oldest first with their business-day age', async () => {
    await submitCreditorNew(w);
    const queue = await (await reviewer()).staff.admission.queue({ limit: 100 });
    const mine = queue.items.find((i) => i.id === w.applications.creditorNew);
    expect(mine).toMatchObject({
      status: 'submitted',
      kind: 'creditor',
      ageBusinessDays: 0,
      isOverdue: false,
      orgName: w.orgs.creditorNew.name,
    });
    const times = queue.items.map((i) => i.submittedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.items.some((i) => i.id === w.applications.agencyNew)).toBe(false);
  });
});

describe('scoring', () => {
  it('moves the application under review and computes the total', async () => {
    const id = await submitCreditorNew(w);
    const caller = await reviewer();
    const partial = await caller.staff.admission.saveScores({
      applicationId: id,
      scores: creditorScores(30, 25, 20).slice(0, 2),
      hasFraudOrAbuse: false,
    });
    expect(partial).toMatchObject({ status: 'under_review', review: { total: null, status: 'scoring' } });
    const full = await caller.staff.admission.saveScores({
      applicationId: id,
      scores: creditorScores(30, 25, 20),
      hasFraudOrAbuse: false,
    });
    expect(full.review).toMatchObject({ total: 75, computed: { decision: 'admit', tier: 'B' } });
    expect(full.template?.version).toBe(1);
  });

  it('refuses scores above a criterion’s weight or for unknown criteria', async () => {
    const id = await submitCreditorNew(w);
    const caller = await reviewer();
    await expect(
      caller.staff.admission.saveScores({
        applicationId: id,
        scores: creditorScores(41, 0, 0),
        hasFraudOrAbuse: false,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.scoresInvalid' },
    });
    await expect(
      caller.staff.admission.saveScores({
        applicationId: id,
        scores: [{ key: 'charm', score: 5, note: '' }],
        hasFraudOrAbuse: false,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses to score a draft', async () => {
    await expect(
      (await reviewer()).staff.admission.saveScores({
        applicationId: w.applications.agencyNew,
        scores: [],
        hasFraudOrAbuse: false,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'admission.notUnderReview' } });
  });
});

describe('decisions', () => {
  it('admits at tier B at once: the organization becomes active for a year', async () => {
    const id = await scoreCreditorNew(w);
    const res = await (
      await reviewer()
    ).staff.admission.decide({ applicationId: id, decision: 'admit', reason: '资质完备' });
    expect(res).toMatchObject({ status: 'admitted', tier: 'B', score: 75 });
    const org = await orgOf(w.orgs.creditorNew.id);
    expect(org).toMatchObject({ status: 'active', tier: 'B' });
    const days = ((org?.admissionExpiresAt?.getTime() ?? 0) - (org?.admittedAt?.getTime() ?? 0)) / 86_400_000;
    expect(days).toBe(365);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.decide'), eq(auditLog.resourceId, id)));
    expect(audits).toHaveLength(1);
    // Now admitted, the organization's users reach the portal.
    await expect((await callerAs(handle.db, w.users['creditorNew.viewer'])).org.get()).resolves.toMatchObject({
      status: 'active',
    });
    await expect(
      (await reviewer()).staff.admission.decide({ applicationId: id, decision: 'reject', reason: '改判' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('rejects below 60 at once; the organization stays an applicant', async () => {
    const id = await scoreCreditorNew(w, creditorScores(20, 20, 10));
    const res = await (
      await reviewer()
    ).staff.admission.decide({ applicationId: id, decision: 'reject', reason: '许可证无法核实' });
    expect(res).toMatchObject({ status: 'rejected', tier: null, score: 50, decisionReason: '许可证无法核实' });
    expect((await orgOf(w.orgs.creditorNew.id))?.status).toBe('applicant');
  });

  it('needs a second person for tier A; the proposer cannot approve it', async () => {
    const id = await proposeTierA(w);
    const view = await (await reviewer()).staff.admission.get({ applicationId: id });
    expect(view).toMatchObject({
      status: 'under_review',
      review: { status: 'awaiting_approval', decision: 'admit', computed: { tier: 'A' } },
    });
    expect((await orgOf(w.orgs.creditorNew.id))?.status).toBe('applicant');
    await expect(
      (await reviewer()).staff.admission.approve({ applicationId: id, isApproved: true, note: '' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.sameReviewer' },
    });
    await expect(
      (await reviewer()).staff.admission.saveScores({
        applicationId: id,
        scores: creditorScores(1, 1, 1),
        hasFraudOrAbuse: false,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const approved = await (
      await admin()
    ).staff.admission.approve({ applicationId: id, isApproved: true, note: '同意' });
    expect(approved).toMatchObject({ status: 'admitted', tier: 'A' });
    expect((await orgOf(w.orgs.creditorNew.id))?.tier).toBe('A');
  });

  it('needs a second person to reject against a passing score; a returned proposal can be rescored', async () => {
    const id = await scoreCreditorNew(w);
    const proposed = await (
      await reviewer()
    ).staff.admission.decide({ applicationId: id, decision: 'reject', reason: '实地核查发现问题' });
    expect(proposed.review).toMatchObject({
      status: 'awaiting_approval',
      decision: 'reject',
      computed: { decision: 'admit' },
    });
    const returned = await (
      await admin()
    ).staff.admission.approve({ applicationId: id, isApproved: false, note: '证据不足' });
    expect(returned).toMatchObject({ status: 'under_review', review: { status: 'scoring', decision: null } });
    await expect(
      (await admin()).staff.admission.approve({ applicationId: id, isApproved: true, note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects outright with a fraud or abuse record, whatever the score', async () => {
    const id = await submitCreditorNew(w);
    const caller = await reviewer();
    const scored = await caller.staff.admission.saveScores({
      applicationId: id,
      scores: creditorScores(40, 35, 25),
      hasFraudOrAbuse: true,
    });
    expect(scored.review?.computed).toEqual({ decision: 'reject', tier: null });
    await expect(
      caller.staff.admission.decide({ applicationId: id, decision: 'reject', reason: '存在暴力催收记录' }),
    ).resolves.toMatchObject({ status: 'rejected' });
  });

  it('refuses to decide before every criterion is scored', async () => {
    const id = await submitCreditorNew(w);
    const caller = await reviewer();
    await caller.staff.admission.saveScores({
      applicationId: id,
      scores: creditorScores(30, 25, 20).slice(0, 1),
      hasFraudOrAbuse: false,
    });
    await expect(
      caller.staff.admission.decide({ applicationId: id, decision: 'admit', reason: '理由' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.scoresIncomplete' },
    });
  });
});

describe('information requests', () => {
  it('returns the application to the applicant, whose resubmission is reviewed afresh', async () => {
    const id = await scoreCreditorNew(w);
    const asked = await (
      await reviewer()
    ).staff.admission.requestInfo({ applicationId: id, message: '请补充许可证扫描件' });
    expect(asked).toMatchObject({ status: 'info_requested', infoRequest: '请补充许可证扫描件' });
    const applicant = await callerAs(handle.db, w.users['creditorNew.admin']);
    await expect(applicant.admission.application.get()).resolves.toMatchObject({
      status: 'info_requested',
      isEditable: true,
      infoRequest: '请补充许可证扫描件',
    });
    await applicant.admission.application.saveSection({
      section: 'licence',
      data: { regulator: '国家金融监督管理总局' },
    });
    const resubmitted = await applicant.admission.application.submit();
    expect(resubmitted).toMatchObject({ status: 'submitted', infoRequest: null });
    const view = await (await reviewer()).staff.admission.get({ applicationId: id });
    expect(view).toMatchObject({ submission: 2, review: null });
  });

  it('requires a message', async () => {
    const id = await submitCreditorNew(w);
    await expect(
      (await reviewer()).staff.admission.requestInfo({ applicationId: id, message: ' ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

if (isPostgresRun()) {
  describe('two reviewers at once', () => {
    it('decides exactly once', async () => {
      const id = await scoreCreditorNew(w);
      const [a, b] = [await reviewer(), await admin()];
      const results = await Promise.allSettled([
        a.staff.admission.decide({ applicationId: id, decision: 'admit', reason: '甲：资质完备' }),
        b.staff.admission.decide({ applicationId: id, decision: 'admit', reason: '乙：资质完备' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'CONFLICT' });
      const audits = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'admission.decide'), eq(auditLog.resourceId, id)));
      expect(audits).toHaveLength(1);
    });
  });
}
