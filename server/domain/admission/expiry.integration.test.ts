// Admission lasts one year: a scheduled sweep expires lapsed organizations exactly once,
// whichever instance runs it, and writes one audit row each. From 30 days before expiry
// the admin can open a renewal pre-filled from the admitting application.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admissionApplications, auditLog, organizations } from '@/db/schema';
import { admissionExpiresIn, rejectCreditorNew, scoreCreditorNew } from '../../testing/admission';
import { isPostgresRun } from '../../testing/db';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { callerAs } from '../../testing/world';
import { expireAdmissions, isRenewalDue } from './expiry';

const ctx = freshWorldPerTest();

const statusOf = async (id: string) =>
  (await ctx.handle.db.select({ status: organizations.status }).from(organizations).where(eq(organizations.id, id)))[0]
    ?.status;

describe('expiry sweep', () => {
  it('expires lapsed admissions once, with an audit row, and leaves the rest', async () => {
    await admissionExpiresIn(ctx.w, 'agencyA', -1);
    await admissionExpiresIn(ctx.w, 'agencyB', 5);
    const first = await expireAdmissions(ctx.handle.db);
    expect(first.expired).toContain(ctx.w.orgs.agencyA.id);
    expect(first.expired).not.toContain(ctx.w.orgs.agencyB.id);
    expect(await statusOf(ctx.w.orgs.agencyA.id)).toBe('expired');
    expect(await statusOf(ctx.w.orgs.agencyB.id)).toBe('active');
    const second = await expireAdmissions(ctx.handle.db);
    expect(second.expired).not.toContain(ctx.w.orgs.agencyA.id);
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.expire'), eq(auditLog.resourceId, ctx.w.orgs.agencyA.id)));
    expect(audits).toHaveLength(1);
    // Expired is not blocked: existing work continues to its term.
    await expect((await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector'])).org.get()).resolves.toMatchObject({
      status: 'expired',
    });
  });

  if (isPostgresRun()) {
    it('expires each organization exactly once when several instances sweep at once', async () => {
      await admissionExpiresIn(ctx.w, 'agencyA', -2);
      const runs = await Promise.all([
        expireAdmissions(ctx.handle.db),
        expireAdmissions(ctx.handle.db),
        expireAdmissions(ctx.handle.db),
      ]);
      expect(runs.flatMap((r) => r.expired).filter((id) => id === ctx.w.orgs.agencyA.id)).toHaveLength(1);
      const audits = await ctx.handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'org.expire'), eq(auditLog.resourceId, ctx.w.orgs.agencyA.id)));
      expect(audits).toHaveLength(1);
    });
  }
});

describe('renewal', () => {
  it('shows as due only within 30 days of expiry', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(isRenewalDue('active', new Date('2026-12-22T00:00:00Z'), now)).toBe(true);
    expect(isRenewalDue('active', new Date('2026-12-24T00:00:00Z'), now)).toBe(false);
    expect(isRenewalDue('expired', new Date('2026-11-01T00:00:00Z'), now)).toBe(true);
    expect(isRenewalDue('suspended', new Date('2026-12-01T00:00:00Z'), now)).toBe(false);
    expect(isRenewalDue('active', null, now)).toBe(false);
  });

  it('refuses before the window and opens a pre-filled renewal inside it, once', async () => {
    const applicationId = await scoreCreditorNew(ctx.w);
    await (
      await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer'])
    ).staff.admission.decide({ applicationId, decision: 'admit', reason: '资质完备' });
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    await expect(admin.admission.application.startRenewal()).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'admission.renewalNotDue' },
    });

    await expect(admin.admission.application.renewalStatus()).resolves.toMatchObject({
      isDue: false,
      openStatus: null,
    });
    await admissionExpiresIn(ctx.w, 'creditorNew', 20);
    await expect(admin.admission.application.renewalStatus()).resolves.toMatchObject({
      isDue: true,
      daysLeft: 20,
      openStatus: null,
    });
    const renewal = await admin.admission.application.startRenewal();
    await expect(admin.admission.application.renewalStatus()).resolves.toMatchObject({
      isDue: true,
      openStatus: 'draft',
    });
    expect(renewal).toMatchObject({ isRenewal: true, status: 'draft', isComplete: true });
    expect(renewal.sections).toMatchObject({ licence: { licenceType: 'consumer_finance' } });
    // The documents come along; the applicant replaces what has changed.
    expect(renewal.documents).toMatchObject([{ kind: 'financial_licence', fileId: ctx.w.licence.fileId }]);
    await expect(admin.admission.application.startRenewal()).resolves.toMatchObject({ id: renewal.id });
    const rows = await ctx.handle.db
      .select()
      .from(admissionApplications)
      .where(eq(admissionApplications.orgId, ctx.w.orgs.creditorNew.id));
    expect(rows).toHaveLength(2);
    // Still admitted while renewing.
    await expect(admin.org.get()).resolves.toMatchObject({ status: 'active' });
  });

  it('admits a renewal from the current expiry, reactivates an expired organization, and never lifts a suspension', async () => {
    const applicationId = await scoreCreditorNew(ctx.w);
    const reviewer = await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer']);
    await reviewer.staff.admission.decide({ applicationId, decision: 'admit', reason: '资质完备' });
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    const expiryOf = async () =>
      (await ctx.handle.db.select().from(organizations).where(eq(organizations.id, ctx.w.orgs.creditorNew.id)))[0]!;

    // Renewing 10 days early: the new year runs from the old expiry, not from today.
    await admissionExpiresIn(ctx.w, 'creditorNew', 10);
    const before = (await expiryOf()).admissionExpiresAt!;
    const renewal = await admin.admission.application.startRenewal();
    await admin.admission.application.submit();
    await reviewer.staff.admission.saveScores({
      applicationId: renewal.id,
      scores: [
        { key: 'licence', score: 30, note: '续期核实' },
        { key: 'fraudRecord', score: 25, note: '' },
        { key: 'dataQuality', score: 20, note: '' },
      ],
      hasFraudOrAbuse: false,
    });
    await reviewer.staff.admission.decide({ applicationId: renewal.id, decision: 'admit', reason: '续期通过' });
    const after = await expiryOf();
    expect(after.status).toBe('active');
    expect(after.admissionExpiresAt!.getTime() - before.getTime()).toBe(365 * 86_400_000);

    // Lapsed, then renewed: active again for a year from the decision.
    await admissionExpiresIn(ctx.w, 'creditorNew', -3);
    await expireAdmissions(ctx.handle.db);
    expect((await expiryOf()).status).toBe('expired');
    const late = await admin.admission.application.startRenewal();
    await admin.admission.application.submit();
    await reviewer.staff.admission.saveScores({
      applicationId: late.id,
      scores: [
        { key: 'licence', score: 30, note: '续期核实' },
        { key: 'fraudRecord', score: 25, note: '' },
        { key: 'dataQuality', score: 20, note: '' },
      ],
      hasFraudOrAbuse: false,
    });
    // Suspended while under review: the admission does not lift the suspension.
    await ctx.handle.db
      .update(organizations)
      .set({ status: 'suspended' })
      .where(eq(organizations.id, ctx.w.orgs.creditorNew.id));
    await reviewer.staff.admission.decide({ applicationId: late.id, decision: 'admit', reason: '续期通过' });
    expect((await expiryOf()).status).toBe('suspended');
  });
});

describe('applying again after a rejection', () => {
  it('opens a pre-filled draft only for a rejected applicant, once', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    await expect(admin.admission.application.reapply()).resolves.toMatchObject({
      id: ctx.w.applications.creditorNew,
      status: 'draft',
    });
    const rejected = await rejectCreditorNew(ctx.w);
    const again = await admin.admission.application.reapply();
    expect(again).toMatchObject({ status: 'draft', isRenewal: false, isComplete: true });
    expect(again.id).not.toBe(rejected);
    expect(again.documents).toHaveLength(1);
    await expect(admin.admission.application.reapply()).resolves.toMatchObject({ id: again.id });
    // An admitted organization renews instead.
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    await expect(agency.admission.application.reapply()).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'admission.notRejected' },
    });
  });
});
