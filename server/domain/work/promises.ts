import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, promises } from '@/db/schema';
import { writeAudit } from '../../audit/write';
import { emitEvents } from '../webhooks/emit';
import { shanghaiDate } from '@/lib/dates';

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;
const DAY_MS = 86_400_000;

/**
 * Promises not met by the day after their date are broken (issue: promises to pay). Runs
 * periodically in every instance under one database lock, and is idempotent: a broken
 * promise stays broken, and only open ones are looked at. A case left with no open
 * promise goes back from "promise to pay" to "being worked".
 */
export const breakDuePromises = async (db: Db, now = new Date()) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('promises.breakDue', 0))`);
    // Due on D, met by the end of D+1: on D+2 it is broken.
    const lastKeptDay = shanghaiDate(new Date(now.getTime() - DAY_MS));
    const broken = await tx
      .update(promises)
      .set({ status: 'broken', brokenAt: now })
      .where(and(eq(promises.status, 'open'), lt(promises.dueDate, lastKeptDay)))
      .returning({
        id: promises.id,
        caseId: promises.caseId,
        creditorId: promises.creditorId,
        agencyId: promises.agencyId,
        actionId: promises.actionId,
        dueDate: promises.dueDate,
        amount: promises.amount,
      });
    const caseIds = [...new Set(broken.map((b) => b.caseId))];
    if (caseIds.length > 0) {
      await tx
        .update(cases)
        .set({ status: 'working', updatedAt: now })
        .where(
          and(
            inArray(cases.id, caseIds),
            eq(cases.status, 'ptp'),
            sql`not exists (select 1 from ${promises} p where p.case_id = ${cases.id} and p.status = 'open')`,
          ),
        );
    }
    for (const b of broken) {
      await emitEvents(tx, [b.creditorId, b.agencyId], 'promise.broken', {
        promiseId: b.id,
        caseId: b.caseId,
        actionId: b.actionId,
        amountFen: b.amount,
        dueDate: b.dueDate,
      });
      await writeAudit(tx, SYSTEM, {
        action: 'promise.broken',
        resourceType: 'case',
        resourceId: b.caseId,
        orgId: b.creditorId,
        after: { promiseId: b.id, dueDate: b.dueDate, amount: b.amount },
      });
    }
    return { broken: broken.length };
  });
