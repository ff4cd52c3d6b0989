import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { addMonths, monthStartsAt } from '@/lib/months';
import { callInspections, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DomainError } from '../../errors';

// Inspection results (质检结果) for a Beijing month: how many calls were inspected, their
// average score and how many failed a fatal item, per collector of an agency or per agency.
// An inspection counts in the month it was made (a month's results do not move once it is
// over), and both sides' count: the agency's own inspections and the platform's.

const inMonth = (month: string) =>
  and(
    gte(callInspections.createdAt, monthStartsAt(month)),
    lt(callInspections.createdAt, monthStartsAt(addMonths(month, 1))),
  );

const measures = {
  inspected: sql<number>`count(*)`.mapWith(Number),
  averageScoreBp: sql<number>`coalesce(round(avg(${callInspections.scoreBp})), 0)`.mapWith(Number),
  fatal: sql<number>`count(*) filter (where jsonb_array_length(${callInspections.fatalFailed}) > 0)`.mapWith(Number),
};

export type InspectionInputs = { inspected: number; averageScoreBp: number; fatal: number };

/** One agency's month, for its scorecard (call_inspections_agency_idx). */
export const inspectionInputs = async (db: DbOrTx, agencyId: string, month: string): Promise<InspectionInputs> => {
  const [row] = await db
    .select(measures)
    .from(callInspections)
    .where(and(eq(callInspections.agencyId, agencyId), inMonth(month)));
  return row ?? { inspected: 0, averageScoreBp: 0, fatal: 0 };
};

/**
 * The month's results as the caller may read them: an agency per collector of its own;
 * staff per agency, or per collector of the agency they name.
 */
export const inspectionSummary = async (
  db: DbOrTx,
  caller: Caller,
  input: { agencyId?: string | undefined; month: string },
) => {
  const { actor } = caller;
  if (!hasPermission(actor, 'inspections.perform')) throw new DomainError('auth.forbidden');
  const agencyId = actor.orgType === 'agency' ? actor.orgId : actor.orgType === 'platform' ? input.agencyId : null;
  if (agencyId === null) throw new DomainError('auth.forbidden');
  if (agencyId) {
    const rows = await db
      .select({ id: callInspections.agentId, name: users.name, ...measures })
      .from(callInspections)
      .leftJoin(users, eq(users.id, callInspections.agentId))
      .where(and(eq(callInspections.agencyId, agencyId), inMonth(input.month)))
      .groupBy(callInspections.agentId, users.name)
      .orderBy(sql`count(*) desc`, users.name);
    return { by: 'collector' as const, month: input.month, rows: rows.map((r) => ({ ...r, name: r.name ?? null })) };
  }
  const rows = await db
    .select({ id: callInspections.agencyId, name: organizations.name, ...measures })
    .from(callInspections)
    .innerJoin(organizations, eq(organizations.id, callInspections.agencyId))
    .where(inMonth(input.month))
    .groupBy(callInspections.agencyId, organizations.name)
    .orderBy(sql`count(*) desc`, organizations.name);
  return { by: 'agency' as const, month: input.month, rows };
};
