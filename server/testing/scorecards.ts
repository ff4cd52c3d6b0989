import { eq, sql } from 'drizzle-orm';
import { cases, commissions } from '@/db/schema';
import { visitableCases } from './work';
import type { World } from './world';

/** agencyA's cases of creditorA (visits allowed), assigned to its collector, its commission running since the first of `month`. */
export const commissionedSince = async (w: World, month: string, count = 4) => {
  const made = await visitableCases(w, count);
  await w.db
    .update(commissions)
    .set({ startsOn: `${month}-01` })
    .where(eq(commissions.packageId, made.pkg.id));
  // Worked through the month: the cases were already two months overdue when it began.
  await w.db
    .update(cases)
    .set({ overdueFrom: sql`${`${month}-01`}::date - 60`, overdueSince: sql`${`${month}-01`}::date - 60` })
    .where(eq(cases.packageId, made.pkg.id));
  const [commission] = await w.db.select().from(commissions).where(eq(commissions.packageId, made.pkg.id));
  if (!commission) throw new Error('no commission');
  return { ...made, commission };
};
