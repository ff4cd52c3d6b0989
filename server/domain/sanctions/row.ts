import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { SanctionStatus } from '@/lib/enums';
import { commissions, organizations, sanctions, type Sanction } from '@/db/schema';
import { DomainError } from '../../errors';

// What the sanction steps share: the locked row, the status check, and who is told.

/** The sanction, locked for the step (staff act on any); NOT_FOUND otherwise. */
export const lockSanction = async (tx: Tx, sanctionId: string, agencyId?: string): Promise<Sanction> => {
  const [row] = await tx
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.id, sanctionId), agencyId ? eq(sanctions.agencyId, agencyId) : undefined))
    .for('update');
  if (!row) throw new DomainError('sanction.notFound', { field: 'sanctionId' });
  return row;
};

/** Refuses a step from a status it does not start from (checked under the row lock). */
export const requireStatus = (s: Sanction, ...allowed: SanctionStatus[]) => {
  if (!allowed.includes(s.status))
    throw new DomainError('sanction.wrongStatus', { labels: { status: `sanctions.status.${s.status}` } });
};

/** The agency, locked: two steps on one agency (two bans, a ban and a status change) serialize here. */
export const lockAgency = async (tx: Tx, agencyId: string) => {
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name, type: organizations.type, status: organizations.status })
    .from(organizations)
    .where(eq(organizations.id, agencyId))
    .for('update');
  if (!org || org.type !== 'agency') throw new DomainError('sanction.citationNotFound');
  return org;
};

/** Creditors holding an active commission with the agency (optionally only frozen ones): those a suspension concerns. */
export const creditorsCommissioning = async (tx: DbOrTx, agencyId: string, isFrozenOnly = false): Promise<string[]> => {
  const rows = await tx
    .selectDistinct({ creditorId: commissions.creditorId })
    .from(commissions)
    .where(
      and(
        eq(commissions.agencyId, agencyId),
        eq(commissions.status, 'active'),
        isFrozenOnly ? isNotNull(commissions.frozenAt) : undefined,
      ),
    );
  return rows.map((r) => r.creditorId);
};

export const sanctionResult = (s: Sanction) => ({
  id: s.id,
  kind: s.kind,
  status: s.status,
  appealOutcome: s.appealOutcome,
});
