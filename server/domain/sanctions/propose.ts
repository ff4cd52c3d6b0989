import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { SanctionKind } from '@/lib/enums';
import { callInspections, complaints, fieldAuditItems, fieldAudits, sanctions, type Sanction } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvent } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { shanghaiDate } from '@/lib/dates';
import { creditorsCommissioning, lockAgency, lockSanction, requireStatus, sanctionResult } from './row';

// Sanctions (DESIGN §3): every one cites an upheld complaint about the agency or a
// violation an auditor found. A warning, penalty points or a suspension is in force as
// soon as it is recorded; a ban waits for a second staff member (server/domain/sanctions/ban.ts).
// A banned agency takes no further sanction: the ban is the last word.

/** Who decides a proposed ban: the staff roles that may manage sanctions (the proposer is left out). */
export const SANCTION_STAFF = ['admin', 'complaints', 'auditor'] as const;

export type ProposeSanctionInput = {
  complaintId: string | null;
  auditItemId: string | null;
  /** A call inspection that failed a fatal item (质检致命项). */
  inspectionId?: string | null | undefined;
  kind: SanctionKind;
  points: number | null;
  endsOn: string | null;
  reason: string;
};

/**
 * The agency a citation is about: an upheld complaint naming an agency, an audit item found
 * a violation, or a call inspection (either side's) that failed a fatal item.
 */
const citedAgency = async (
  tx: DbOrTx,
  input: Pick<ProposeSanctionInput, 'complaintId' | 'auditItemId' | 'inspectionId'>,
): Promise<string> => {
  if (input.complaintId) {
    const [c] = await tx
      .select({ agencyId: complaints.agencyId, status: complaints.status, outcome: complaints.outcome })
      .from(complaints)
      .where(eq(complaints.id, input.complaintId));
    if (!c) throw new DomainError('sanction.citationNotFound', { field: 'complaintId' });
    const isUpheld = c.status === 'upheld' || (c.status === 'closed' && c.outcome === 'upheld');
    if (!isUpheld || !c.agencyId) throw new DomainError('sanction.notCitable', { field: 'complaintId' });
    return c.agencyId;
  }
  if (input.auditItemId) {
    const [item] = await tx
      .select({ finding: fieldAuditItems.finding, agencyId: fieldAudits.agencyId })
      .from(fieldAuditItems)
      .innerJoin(fieldAudits, eq(fieldAudits.id, fieldAuditItems.auditId))
      .where(eq(fieldAuditItems.id, input.auditItemId));
    if (!item) throw new DomainError('sanction.citationNotFound', { field: 'auditItemId' });
    if (item.finding !== 'violation') throw new DomainError('sanction.notCitable', { field: 'auditItemId' });
    return item.agencyId;
  }
  if (input.inspectionId) {
    const [i] = await tx
      .select({ agencyId: callInspections.agencyId, fatalFailed: callInspections.fatalFailed })
      .from(callInspections)
      .where(eq(callInspections.id, input.inspectionId));
    if (!i) throw new DomainError('sanction.citationNotFound', { field: 'inspectionId' });
    if (i.fatalFailed.length === 0) throw new DomainError('sanction.notCitable', { field: 'inspectionId' });
    return i.agencyId;
  }
  throw new DomainError('sanction.notCitable', { field: 'complaintId' });
};

/**
 * Records a sanction on the agency a complaint or audit finding is about. A ban is only
 * proposed here (one at a time per agency) and every other staff member who may approve
 * it is told; any other kind takes effect now and the agency is told. A suspension is also
 * told to the creditors commissioning the agency, who may freeze their cases.
 */
export const proposeSanction = async (db: DbOrTx, caller: Caller, input: ProposeSanctionInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const agencyId = await citedAgency(tx, input);
    const agency = await lockAgency(tx, agencyId);
    if (agency.status === 'banned') throw new DomainError('sanction.agencyBanned');
    if (input.kind === 'suspension' && input.endsOn && input.endsOn < shanghaiDate(now))
      throw new DomainError('sanction.endsOnPast', { field: 'endsOn' });
    const isBan = input.kind === 'ban';
    if (isBan) {
      const [pending] = await tx
        .select({ id: sanctions.id })
        .from(sanctions)
        .where(and(eq(sanctions.agencyId, agencyId), eq(sanctions.kind, 'ban'), eq(sanctions.status, 'proposed')))
        .limit(1);
      if (pending) throw new DomainError('sanction.banPending');
    }
    const [saved] = await tx
      .insert(sanctions)
      .values({
        agencyId,
        kind: input.kind,
        status: isBan ? 'proposed' : 'active',
        points: input.kind === 'points' ? input.points : null,
        reason: input.reason.trim(),
        complaintId: input.complaintId,
        auditItemId: input.complaintId ? null : input.auditItemId,
        inspectionId: input.complaintId || input.auditItemId ? null : (input.inspectionId ?? null),
        endsOn: input.kind === 'suspension' ? input.endsOn : null,
        proposedBy: caller.actor.userId,
        effectiveAt: isBan ? null : now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!saved) throw new DomainError('sanction.notFound');
    await writeAudit(tx, caller, {
      action: 'sanction.propose',
      resourceType: 'sanction',
      resourceId: saved.id,
      orgId: agencyId,
      after: {
        kind: saved.kind,
        status: saved.status,
        points: saved.points,
        endsOn: saved.endsOn,
        reason: saved.reason,
        complaintId: saved.complaintId,
        auditItemId: saved.auditItemId,
        inspectionId: saved.inspectionId,
      },
    });
    const params = { agencyName: agency.name };
    if (isBan) {
      await notify(
        tx,
        { platformRoles: SANCTION_STAFF, except: caller.actor.userId },
        'sanction.awaitingApproval',
        params,
        `/staff/sanctions/${saved.id}`,
      );
    } else {
      await notify(
        tx,
        { orgId: agencyId, roles: ['admin', 'supervisor'] },
        'sanction.imposed',
        { kind: saved.kind },
        `/agency/sanctions/${saved.id}`,
      );
      await emitEvent(tx, {
        orgId: agencyId,
        type: 'sanction.imposed',
        payload: {
          sanctionId: saved.id,
          kind: saved.kind,
          points: saved.points,
          endsOn: saved.endsOn,
          complaintId: saved.complaintId,
        },
      });
    }
    if (saved.kind === 'suspension') {
      // The catalog's select reads `open` as "until lifted".
      const until = saved.endsOn ?? 'open';
      for (const creditorId of await creditorsCommissioning(tx, agencyId)) {
        await notify(
          tx,
          { orgId: creditorId, roles: ['admin', 'manager'] },
          'sanction.agencySuspended',
          { ...params, until },
          '/creditor/sanctions',
        );
      }
    }
    return sanctionResult(saved);
  });

/**
 * Lifts a suspension before its end (the agency put things right): bids and offers are open
 * to it again. The agency is told, and so are the creditors that froze its cases, who
 * decide themselves when to unfreeze.
 */
export const liftSanction = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const s: Sanction = await lockSanction(tx, input.sanctionId);
    if (s.kind !== 'suspension') throw new DomainError('sanction.notLiftable');
    requireStatus(s, 'active');
    const note = input.note.trim();
    const [lifted] = await tx
      .update(sanctions)
      // A suspension has no approval step, so its decision note is the lift's.
      .set({
        status: 'lifted',
        liftedBy: caller.actor.userId,
        liftedAt: now,
        decisionNote: note || null,
        updatedAt: now,
      })
      .where(eq(sanctions.id, s.id))
      .returning();
    if (!lifted) throw new DomainError('sanction.notFound');
    await writeAudit(tx, caller, {
      action: 'sanction.lift',
      resourceType: 'sanction',
      resourceId: s.id,
      orgId: s.agencyId,
      before: { status: s.status },
      after: { status: lifted.status, note },
    });
    const agency = await lockAgency(tx, s.agencyId);
    await notify(
      tx,
      { orgId: s.agencyId, roles: ['admin', 'supervisor'] },
      'sanction.lifted',
      { agencyName: agency.name },
      `/agency/sanctions/${s.id}`,
    );
    for (const creditorId of await creditorsCommissioning(tx, s.agencyId, true)) {
      await notify(
        tx,
        { orgId: creditorId, roles: ['admin', 'manager'] },
        'sanction.lifted',
        { agencyName: agency.name },
        '/creditor/sanctions',
      );
    }
    return sanctionResult(lifted);
  });
