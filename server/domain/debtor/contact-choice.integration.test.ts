// The debtor chooses how to be contacted on their own page (issue 20, item 4): a contact
// request with no organization and no user, enforced by the rule engine for the agency
// holding the case from the moment it is saved; the creditor and the agency are told;
// refused on a settled case; bad input named by field.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, contactRequests, notifications } from '@/db/schema';
import { shanghaiInstant } from '@/lib/dates';
import { verifiedDebtor } from '../../testing/debtor';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { morning, workingCases } from '../../testing/work';
import { callerAs, domainCaller } from '../../testing/world';
import { canContact } from '../work/actions';
import { getWorkCase } from '../work/case-page';
import { chooseContactAsDebtor } from './contact-choice';
import { debtorOverview } from './overview';

const ctx = freshWorldPerTest();

const debtorOnCase = async () => {
  const { row, caseId } = await workingCases(ctx.w, 2);
  if (!row) throw new Error('no case');
  const { meta, token, expiresAt } = await verifiedDebtor(ctx.w, row);
  const session = { sessionId: '', caseId, expiresAt };
  return { row, caseId, meta, token, session };
};
const rulesOf = async (caseId: string, channel: 'call' | 'sms' | 'letter' | 'visit', now: Date) => {
  const collector = await domainCaller(ctx.w, 'agencyA.collector');
  const verdict = await canContact(ctx.handle.db, collector, { caseId, channel, target: 'debtor', index: 0 }, now);
  return verdict.violations.map((v) => v.rule);
};

describe('the debtor’s choice of how to be contacted', () => {
  it('in writing only: the agency’s next call, text or visit is refused with the contact-request rule, a letter is not', async () => {
    const { caseId, meta, session } = await debtorOnCase();
    const at = morning('10:00:00');
    expect(await rulesOf(caseId, 'call', at)).toEqual([]);
    await chooseContactAsDebtor(ctx.handle.db, meta, session, { kind: 'writing' }, morning('09:00:00'));
    expect(await rulesOf(caseId, 'call', at)).toEqual(['debtorStoppedChannel']);
    expect(await rulesOf(caseId, 'sms', at)).toEqual(['debtorStoppedChannel']);
    expect(await rulesOf(caseId, 'visit', at)).toContain('debtorStoppedChannel');
    expect(await rulesOf(caseId, 'letter', at)).toEqual([]);
    // Saved as the debtor's own: no organization, no user; the agency's card reads it so.
    const [row] = await ctx.handle.db.select().from(contactRequests).where(eq(contactRequests.caseId, caseId));
    expect(row).toMatchObject({ origin: 'debtor', orgId: null, recordedBy: null, creditorId: ctx.w.orgs.creditorA.id });
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const page = await getWorkCase(ctx.handle.db, collector, caseId);
    expect(page.contactRequests[0]).toMatchObject({ origin: 'debtor', orgName: null, recordedByName: null });
    // The overview shows the choice in force.
    expect((await debtorOverview(ctx.handle.db, session)).contactChoice).toMatchObject({
      choice: { kind: 'writing' },
      origin: 'debtor',
    });
  });

  it('one channel only: the others are stopped; only in chosen hours: a call outside them waits for the window', async () => {
    const { caseId, meta, session } = await debtorOnCase();
    await chooseContactAsDebtor(
      ctx.handle.db,
      meta,
      session,
      { kind: 'oneChannel', channel: 'sms' },
      morning('08:00:00'),
    );
    expect(await rulesOf(caseId, 'call', morning('10:00:00'))).toEqual(['debtorStoppedChannel']);
    expect(await rulesOf(caseId, 'letter', morning('10:00:00'))).toEqual(['debtorStoppedChannel']);
    expect(await rulesOf(caseId, 'sms', morning('10:00:00'))).toEqual([]);
    // A new choice replaces the one before: only between 18:00 and 21:00.
    await chooseContactAsDebtor(
      ctx.handle.db,
      meta,
      session,
      { kind: 'hours', from: 18 * 60, to: 21 * 60 },
      morning('08:30:00'),
    );
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const verdict = await canContact(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0 },
      morning('10:00:00'),
    );
    expect(verdict.violations).toEqual([
      { rule: 'debtorQuietHours', nextAllowedAt: morning('18:00:00'), values: { from: '21:00', to: '18:00' } },
    ]);
    expect(await rulesOf(caseId, 'call', morning('18:30:00'))).toEqual([]);
    expect(await rulesOf(caseId, 'call', morning('21:00:00'))).toEqual(['debtorQuietHours']);
    expect((await debtorOverview(ctx.handle.db, session)).contactChoice?.choice).toEqual({
      kind: 'hours',
      from: 18 * 60,
      to: 21 * 60,
    });
  });

  it('not at work: quiet on working days only; withdrawn, contact is open again', async () => {
    const { caseId, meta, session } = await debtorOnCase();
    // Monday 23 November 2026 is a working day, Sunday 22 November is not.
    const monday = shanghaiInstant('2026-11-23T10:00:00');
    const sunday = shanghaiInstant('2026-11-22T10:00:00');
    await chooseContactAsDebtor(
      ctx.handle.db,
      meta,
      session,
      { kind: 'notAtWork', from: 9 * 60, to: 18 * 60 },
      shanghaiInstant('2026-11-21T10:00:00'),
    );
    expect(await rulesOf(caseId, 'call', monday)).toContain('debtorQuietHours');
    expect(await rulesOf(caseId, 'call', sunday)).not.toContain('debtorQuietHours');
    await chooseContactAsDebtor(ctx.handle.db, meta, session, { kind: 'withdraw' }, morning('08:00:00'));
    expect(await rulesOf(caseId, 'call', morning('10:00:00'))).toEqual([]);
    expect((await debtorOverview(ctx.handle.db, session)).contactChoice).toBeNull();
    // Nothing left to withdraw.
    await expect(
      chooseContactAsDebtor(ctx.handle.db, meta, session, { kind: 'withdraw' }, morning('08:10:00')),
    ).rejects.toMatchObject({ code: 'debtor.noContactChoice', details: { field: 'kind' } });
  });

  it('is audited without an actor, and tells the creditor, the agency and the collector', async () => {
    const { caseId, meta, session, row } = await debtorOnCase();
    const { requestId } = await chooseContactAsDebtor(ctx.handle.db, meta, session, { kind: 'writing' });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'debtor.contactChoice'), eq(auditLog.resourceId, caseId)));
    expect(audit).toMatchObject({ actorUserId: null, orgId: ctx.w.orgs.creditorA.id });
    expect(audit?.after).toMatchObject({ requestId, choice: 'writing', stoppedChannels: ['call', 'sms', 'visit'] });
    const told = async (user: keyof typeof ctx.w.users) =>
      (
        await ctx.handle.db
          .select({ params: notifications.params, link: notifications.link })
          .from(notifications)
          .where(and(eq(notifications.userId, ctx.w.users[user].id), eq(notifications.kind, 'contactRequest.byDebtor')))
      ).length;
    expect(await told('creditorA.manager')).toBe(1);
    expect(await told('agencyA.admin')).toBe(1);
    expect(await told('agencyA.collector')).toBe(1);
    expect(await told('agencyB.admin')).toBe(0);
    expect(row.contractNo).toBeTruthy();
  });

  it('is refused on a settled case and for hours that are not a range of the day', async () => {
    const { caseId, meta, session } = await debtorOnCase();
    const choose = (choice: Parameters<typeof chooseContactAsDebtor>[3]) =>
      chooseContactAsDebtor(ctx.handle.db, meta, session, choice);
    await expect(choose({ kind: 'hours', from: 21 * 60, to: 18 * 60 })).rejects.toMatchObject({
      code: 'debtor.contactHours',
      details: { field: 'to' },
    });
    await expect(choose({ kind: 'notAtWork', from: 9 * 60, to: 9 * 60 })).rejects.toMatchObject({
      details: { field: 'to' },
    });
    await expect(choose({ kind: 'notAtWork', from: -1, to: 60 })).rejects.toMatchObject({ details: { field: 'from' } });
    await expect(choose({ kind: 'hours', from: 60, to: 1441 })).rejects.toMatchObject({ details: { field: 'to' } });
    await ctx.handle.db.update(cases).set({ status: 'settled' }).where(eq(cases.id, caseId));
    await expect(choose({ kind: 'writing' })).rejects.toMatchObject({ code: 'debtor.contactCaseClosed' });
    expect(await ctx.handle.db.select().from(contactRequests).where(eq(contactRequests.caseId, caseId))).toEqual([]);
  });

  it('through tRPC: bad input is refused before anything is saved', async () => {
    const { caseId, token } = await debtorOnCase();
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token });
    for (const bad of [
      {},
      { kind: 'oneChannel' },
      { kind: 'oneChannel', channel: 'visit' },
      { kind: 'oneChannel', channel: 'pigeon' },
      { kind: 'hours', from: 600, to: 2000 },
      { kind: 'hours', from: 1.5, to: 600 },
      { kind: 'writing', caseId },
    ])
      await expect(debtor.debtor.chooseContact(bad as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(debtor.debtor.chooseContact({ kind: 'hours', from: 600, to: 600 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await ctx.handle.db.select().from(contactRequests).where(eq(contactRequests.caseId, caseId))).toEqual([]);
    await debtor.debtor.chooseContact({ kind: 'oneChannel', channel: 'letter' });
    expect((await debtor.debtor.overview()).contactChoice?.choice).toEqual({ kind: 'oneChannel', channel: 'letter' });
  });
});
