import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { AppealOutcome } from '@/lib/enums';
import { organizations, sanctions, type Sanction } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { lockAgency, lockSanction, requireStatus, sanctionResult } from './row';

// One appeal per sanction (DESIGN §3): the agency's admin files it in the portal against a
// sanction in force; a banned agency cannot sign in, so staff record the appeal it sent in
// writing. A platform admin decides. Granted, the sanction is revoked: a suspension no
// longer stops bids, and a banned agency returns to `suspended` (re-admitted, if ever,
// through the staff status control) and leaves the public ban list. What a ban withdrew
// and recalled is not restored: bids and cases have moved on.

const fileAppeal = async (tx: Tx, caller: Caller, s: Sanction, text: string, now: Date) => {
  requireStatus(s, 'active');
  if (s.appealedAt) throw new DomainError('sanction.alreadyAppealed');
  const [appealed] = await tx
    .update(sanctions)
    .set({ appealText: text.trim(), appealedAt: now, appealedBy: caller.actor.userId, updatedAt: now })
    .where(eq(sanctions.id, s.id))
    .returning();
  if (!appealed) throw new DomainError('sanction.notFound');
  await writeAudit(tx, caller, {
    action: 'sanction.appeal',
    resourceType: 'sanction',
    resourceId: s.id,
    orgId: s.agencyId,
    after: { appealedBy: caller.actor.orgType, length: appealed.appealText?.length ?? 0 },
  });
  const agency = await lockAgency(tx, s.agencyId);
  await notify(
    tx,
    { platformRoles: ['admin'] },
    'sanction.appealed',
    { agencyName: agency.name },
    `/staff/sanctions/${s.id}`,
  );
  return sanctionResult(appealed);
};

/** The agency's admin appeals, once, against a sanction on it that is in force. */
export const appealSanction = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; text: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const s = await lockSanction(tx, input.sanctionId, caller.actor.orgId);
    // A ban still under deliberation, or turned down, is staff's alone: the agency never learns of it.
    if (s.status === 'proposed' || s.status === 'rejected')
      throw new DomainError('sanction.notFound', { field: 'sanctionId' });
    return fileAppeal(tx, caller, s, input.text, now);
  });

/** Staff record the appeal an agency sent in writing (a banned agency has no portal). */
export const recordAppeal = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; text: string },
  now = new Date(),
) => db.transaction(async (tx) => fileAppeal(tx, caller, await lockSanction(tx, input.sanctionId), input.text, now));

/** A platform admin decides the appeal: granted revokes the sanction (and undoes a ban's listing), denied leaves it. */
export const decideAppeal = async (
  db: DbOrTx,
  caller: Caller,
  input: { sanctionId: string; outcome: AppealOutcome; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const s = await lockSanction(tx, input.sanctionId);
    if (!s.appealedAt) throw new DomainError('sanction.noAppeal');
    if (s.appealOutcome) throw new DomainError('sanction.appealDecided');
    requireStatus(s, 'active', 'lifted');
    const isGranted = input.outcome === 'granted';
    const note = input.note.trim();
    const [decided] = await tx
      .update(sanctions)
      .set({
        appealOutcome: input.outcome,
        appealNote: note,
        appealDecidedBy: caller.actor.userId,
        appealDecidedAt: now,
        ...(isGranted ? { status: 'revoked' as const } : {}),
        updatedAt: now,
      })
      .where(eq(sanctions.id, s.id))
      .returning();
    if (!decided) throw new DomainError('sanction.notFound');
    const agency = await lockAgency(tx, s.agencyId);
    if (isGranted && s.kind === 'ban' && agency.status === 'banned') {
      // Only a granted appeal undoes a ban (ORG_STATUS_TRANSITIONS has no way out of it): the
      // agency is suspended, off the ban list, and admission no longer refuses its code.
      await tx
        .update(organizations)
        .set({ status: 'suspended', bannedAt: null, banCategory: null, updatedAt: now })
        .where(eq(organizations.id, agency.id));
      await writeAudit(tx, caller, {
        action: 'org.setStatus',
        resourceType: 'organization',
        resourceId: agency.id,
        orgId: agency.id,
        before: { status: 'banned' },
        after: { status: 'suspended', sanctionId: s.id, appeal: 'granted' },
      });
    }
    await writeAudit(tx, caller, {
      action: 'sanction.decideAppeal',
      resourceType: 'sanction',
      resourceId: s.id,
      orgId: s.agencyId,
      before: { status: s.status },
      after: { status: decided.status, outcome: input.outcome, note },
    });
    await notify(
      tx,
      { orgId: s.agencyId, roles: ['admin'] },
      'sanction.appealDecided',
      { outcome: input.outcome },
      `/agency/sanctions/${s.id}`,
    );
    return sanctionResult(decided);
  });
