import { and, eq, inArray, sql } from 'drizzle-orm';
import { raiseStatementTimeout, type DbOrTx, type Tx } from '@/db/client';
import { ABUSE_CATEGORIES, type BanCategory, type ComplaintCategory } from '@/lib/enums';
import { bids, cases, commissions, complaints, organizations, packages, sanctions, type Sanction } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvent } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { endOrgSessions } from '../auth/sessions';
import { leavingStatus, RELEASED } from '../cases/placement';
import { notify } from '../notifications/notify';
import { lockAgency, lockSanction, requireStatus, sanctionResult } from './row';

// A ban (DESIGN §3, issue 7) is one transaction with all its effects, or none of them:
// the organization is banned (its users are refused from their next request, see
// server/domain/auth/load-actor.ts; its credit code and legal representative are refused
// by admission from then on), its live bids are withdrawn, packages offered to it go back
// to draft, every active commission ends and its cases return to their creditors as
// recalled, and each creditor concerned is told. It takes effect only when a second staff
// member approves it (four eyes), under a lock on the sanction and on the agency, so two
// approvals at once take effect once.

/** What the public ban list says of a ban, from the complaint it cites (an audit finding: `other`). */
const BAN_CATEGORY_OF: Record<ComplaintCategory, BanCategory> = {
  ...(Object.fromEntries(ABUSE_CATEGORIES.map((c) => [c, 'abuse'])) as Record<
    (typeof ABUSE_CATEGORIES)[number],
    BanCategory
  >),
  privacy: 'data_breach',
  other: 'other',
};

export type BanEffects = {
  usersSignedOut: number;
  bidsWithdrawn: number;
  offersWithdrawn: number;
  commissionsEnded: number;
  casesRecalled: number;
  creditorsNotified: number;
};

const banCategoryOf = async (tx: DbOrTx, s: Sanction): Promise<BanCategory> => {
  if (!s.complaintId) return 'other';
  const [c] = await tx
    .select({ category: complaints.category })
    .from(complaints)
    .where(eq(complaints.id, s.complaintId));
  return c ? BAN_CATEGORY_OF[c.category] : 'other';
};

type CreditorTally = { cases: number; bids: number; offers: number };

/** Every effect of the ban, written with the caller's transaction; the counts go on the sanction. */
const applyBan = async (
  tx: Tx,
  caller: Caller,
  s: Sanction,
  agency: { id: string; name: string; status: string },
  now: Date,
): Promise<BanEffects> => {
  const tally = new Map<string, CreditorTally>();
  const count = (creditorId: string, key: keyof CreditorTally, n = 1) => {
    const t = tally.get(creditorId) ?? { cases: 0, bids: 0, offers: 0 };
    t[key] += n;
    tally.set(creditorId, t);
  };
  const banCategory = await banCategoryOf(tx, s);
  await tx
    .update(organizations)
    .set({ status: 'banned', bannedAt: now, banCategory, updatedAt: now })
    .where(eq(organizations.id, agency.id));
  await writeAudit(tx, caller, {
    action: 'org.setStatus',
    resourceType: 'organization',
    resourceId: agency.id,
    orgId: agency.id,
    before: { status: agency.status },
    after: { status: 'banned', banCategory, sanctionId: s.id },
  });
  // DESIGN §3: a ban ends the agency's sessions, for good (an appeal leaves it suspended, and
  // even a later re-admission does not revive a token issued before the ban).
  const signedOut = await endOrgSessions(tx, agency.id);

  const withdrawn = await tx
    .update(bids)
    .set({ status: 'withdrawn', updatedAt: now })
    .where(and(eq(bids.agencyId, agency.id), eq(bids.status, 'submitted')))
    .returning({ id: bids.id, packageId: bids.packageId });
  if (withdrawn.length > 0) {
    const owners = await tx
      .select({ id: packages.id, creditorId: packages.creditorId })
      .from(packages)
      .where(inArray(packages.id, [...new Set(withdrawn.map((b) => b.packageId))]));
    const ownerOf = new Map(owners.map((p) => [p.id, p.creditorId]));
    for (const b of withdrawn) {
      count(ownerOf.get(b.packageId) ?? '', 'bids');
      await writeAudit(tx, caller, {
        action: 'bid.withdraw',
        resourceType: 'bid',
        resourceId: b.id,
        orgId: agency.id,
        before: { status: 'submitted' },
        after: { status: 'withdrawn', sanctionId: s.id },
      });
    }
  }

  // A direct offer still unanswered goes back to draft; its deadline job then finds nothing to do.
  const offers = await tx
    .update(packages)
    .set({ status: 'draft', offeredAgencyId: null, offerFeeBp: null, offerExpiresAt: null, updatedAt: now })
    .where(and(eq(packages.offeredAgencyId, agency.id), eq(packages.status, 'offered')))
    .returning({ id: packages.id, creditorId: packages.creditorId });
  for (const p of offers) {
    count(p.creditorId, 'offers');
    await writeAudit(tx, caller, {
      action: 'package.offerDecline',
      resourceType: 'package',
      resourceId: p.id,
      orgId: p.creditorId,
      before: { status: 'offered', agencyId: agency.id },
      after: { status: 'draft', sanctionId: s.id },
    });
  }

  // Each active commission ends now; its cases go back to the creditor as recalled (the term-end job then finds it ended).
  const ended = await tx
    .update(commissions)
    .set({ status: 'ended', endedAt: now, updatedAt: now })
    .where(and(eq(commissions.agencyId, agency.id), eq(commissions.status, 'active')))
    .returning({ id: commissions.id, creditorId: commissions.creditorId, packageId: commissions.packageId });
  let casesRecalled = 0;
  for (const c of ended) {
    const recalled = await tx
      .update(cases)
      .set({ status: leavingStatus('recalled'), ...RELEASED, updatedAt: now })
      .where(eq(cases.commissionId, c.id))
      .returning({ id: cases.id });
    casesRecalled += recalled.length;
    count(c.creditorId, 'cases', recalled.length);
    await writeAudit(tx, caller, {
      action: 'case.recall',
      resourceType: 'commission',
      resourceId: c.id,
      orgId: c.creditorId,
      after: {
        reason: 'sanction.ban',
        sanctionId: s.id,
        agencyId: agency.id,
        count: recalled.length,
        caseIds: recalled.slice(0, 1000).map((r) => r.id),
      },
    });
    await writeAudit(tx, caller, {
      action: 'commission.end',
      resourceType: 'commission',
      resourceId: c.id,
      orgId: c.creditorId,
      after: { recalled: recalled.length, agencyId: agency.id, sanctionId: s.id },
    });
  }
  // A package none of whose commissions is still active was recalled.
  for (const packageId of new Set(ended.map((c) => c.packageId))) {
    await tx
      .update(packages)
      .set({ status: 'recalled', updatedAt: now })
      .where(
        and(
          eq(packages.id, packageId),
          sql`not exists (select 1 from ${commissions} where ${commissions.packageId} = ${packageId} and ${commissions.status} = 'active')`,
        ),
      );
  }

  tally.delete('');
  for (const [creditorId, t] of tally) {
    const params = { agencyName: agency.name, cases: String(t.cases), bids: String(t.bids), offers: String(t.offers) };
    await notify(
      tx,
      { orgId: creditorId, roles: ['admin', 'manager'] },
      'sanction.agencyBanned',
      params,
      '/creditor/sanctions',
    );
  }
  return {
    usersSignedOut: signedOut,
    bidsWithdrawn: withdrawn.length,
    offersWithdrawn: offers.length,
    commissionsEnded: ended.length,
    casesRecalled,
    creditorsNotified: tally.size,
  };
};

/** Locks a proposed ban for the second staff member's decision; the proposer may not decide it. */
const lockProposedBan = async (tx: Tx, caller: Caller, sanctionId: string) => {
  const s = await lockSanction(tx, sanctionId);
  requireStatus(s, 'proposed');
  if (s.proposedBy === caller.actor.userId) throw new DomainError('sanction.sameStaff');
  return s;
};

/** A second staff member approves a proposed ban: it takes effect now, with all its effects. */
export const approveBan = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    // A ban recalls every case of the agency in this one transaction: a large agency takes longer than a page's limit.
    await raiseStatementTimeout(tx);
    const s = await lockProposedBan(tx, caller, input.sanctionId);
    const agency = await lockAgency(tx, s.agencyId);
    if (agency.status === 'banned') throw new DomainError('sanction.agencyBanned');
    const effects = await applyBan(tx, caller, s, agency, now);
    const note = input.note.trim();
    const [approved] = await tx
      .update(sanctions)
      .set({
        status: 'active',
        decidedBy: caller.actor.userId,
        decidedAt: now,
        decisionNote: note || null,
        effectiveAt: now,
        effects,
        updatedAt: now,
      })
      .where(and(eq(sanctions.id, s.id), eq(sanctions.status, 'proposed')))
      .returning();
    if (!approved)
      throw new DomainError('sanction.wrongStatus', { labels: { status: `sanctions.status.${s.status}` } });
    await writeAudit(tx, caller, {
      action: 'sanction.approve',
      resourceType: 'sanction',
      resourceId: s.id,
      orgId: s.agencyId,
      before: { status: s.status },
      after: { status: approved.status, note, effects },
    });
    await notify(
      tx,
      { userId: s.proposedBy },
      'sanction.decided',
      { agencyName: agency.name, status: approved.status },
      `/staff/sanctions/${s.id}`,
    );
    // The banned agency's systems hear of it with the ban (its commissions ended with it).
    await emitEvent(tx, {
      orgId: s.agencyId,
      type: 'sanction.imposed',
      payload: {
        sanctionId: s.id,
        kind: approved.kind,
        points: approved.points,
        endsOn: approved.endsOn,
        complaintId: approved.complaintId,
      },
    });
    return { ...sanctionResult(approved), effects };
  });

/** A second staff member rejects a proposed ban: nothing else changes. */
export const rejectBan = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const s = await lockProposedBan(tx, caller, input.sanctionId);
    const agency = await lockAgency(tx, s.agencyId);
    const note = input.note.trim();
    const [rejected] = await tx
      .update(sanctions)
      .set({ status: 'rejected', decidedBy: caller.actor.userId, decidedAt: now, decisionNote: note, updatedAt: now })
      .where(eq(sanctions.id, s.id))
      .returning();
    if (!rejected) throw new DomainError('sanction.notFound');
    await writeAudit(tx, caller, {
      action: 'sanction.reject',
      resourceType: 'sanction',
      resourceId: s.id,
      orgId: s.agencyId,
      before: { status: s.status },
      after: { status: rejected.status, note },
    });
    await notify(
      tx,
      { userId: s.proposedBy },
      'sanction.decided',
      { agencyName: agency.name, status: rejected.status },
      `/staff/sanctions/${s.id}`,
    );
    return { ...sanctionResult(rejected), effects: null };
  });
