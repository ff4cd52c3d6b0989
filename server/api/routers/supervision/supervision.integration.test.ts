// The staff overview: pending admissions, open complaints by their nearest deadline with
// the overdue ones counted, bans awaiting a second approver and sanctions in force,
// admitted agencies by tier and latest score, and rule flags by month.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admissionApplications, scorecards, sanctions } from '@/db/schema';
import { filePublicFor } from '../../../testing/complaints';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { workingCases } from '../../../testing/work';
import { callerAs } from '../../../testing/world';

const ctx = freshWorldPerTest();
const DAY = 86_400_000;

describe('the staff overview', () => {
  it('counts what waits for the platform and how agencies stand', async () => {
    const staff = await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer']);
    const before = await staff.supervision.overview();
    const { row } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    // A complaint two days old, not acknowledged (overdue); one from today.
    const old = await filePublicFor(
      ctx.w,
      row,
      { description: '两天前投诉催收员半夜打电话，至今没有人联系我。' },
      new Date(Date.now() - 2 * DAY),
    );
    await filePublicFor(ctx.w, row, { category: 'privacy', description: '今天催收员把我的欠款信息告诉了我的邻居。' });
    await ctx.handle.db
      .update(admissionApplications)
      .set({ status: 'submitted', submittedAt: new Date(Date.now() - 3 * DAY) })
      .where(eq(admissionApplications.id, ctx.w.applications.agencyNew));
    const proposer = ctx.w.users['platform.complaints'].id;
    await ctx.handle.db.insert(sanctions).values([
      {
        agencyId: ctx.w.orgs.agencyA.id,
        kind: 'ban',
        status: 'proposed',
        reason: '威胁债务人',
        complaintId: old.id,
        proposedBy: proposer,
      },
      {
        agencyId: ctx.w.orgs.agencyA.id,
        kind: 'warning',
        status: 'active',
        reason: '夜间来电',
        complaintId: old.id,
        proposedBy: proposer,
      },
    ]);
    await ctx.handle.db.insert(scorecards).values({
      agencyId: ctx.w.orgs.agencyB.id,
      month: '2026-01',
      formulaVersion: 1,
      monthScoreBp: 9_000,
      scoreBp: 8_800,
      components: {},
      inputs: {},
    });

    const o = await staff.supervision.overview();
    expect(o.admissions.submitted).toBe(before.admissions.submitted + 1);
    expect(o.admissions.oldestSubmittedAt).toBeInstanceOf(Date);
    expect(o.complaints.open).toBe(before.complaints.open + 2);
    expect(o.complaints.overdue).toBe(before.complaints.overdue + 1);
    // The overdue one comes first: its acknowledgement was due a day ago.
    expect(o.complaints.nextDue[0]).toMatchObject({
      id: old.id,
      status: 'received',
      overdue: ['ack'],
      agencyName: ctx.w.orgs.agencyA.name,
    });
    expect(o.sanctions.bansAwaitingApproval).toBe(before.sanctions.bansAwaitingApproval + 1);
    expect(o.sanctions.inForce.find((s) => s.kind === 'warning')?.count).toBe(
      (before.sanctions.inForce.find((s) => s.kind === 'warning')?.count ?? 0) + 1,
    );
    // agencyB's latest card is 88: band A; agencyA has none yet.
    const inBand = (b: string) => o.agencies.filter((a) => a.band === b).reduce((s, a) => s + a.count, 0);
    expect(inBand('a')).toBe(before.agencies.filter((a) => a.band === 'a').reduce((s, a) => s + a.count, 0) + 1);
    expect(inBand('none')).toBeGreaterThanOrEqual(1);
    expect(o.flags).toHaveLength(6);
    expect(o.flags.every((f) => /^\d{4}-\d{2}$/.test(f.month))).toBe(true);
  });
});
