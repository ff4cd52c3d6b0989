import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { raiseStatementTimeout, type DbOrTx, type Tx } from '@/db/client';
import { creditorScorecards, organizations } from '@/db/schema';
import { writeAudit } from '../../audit/write';
import { loadWorkingCalendar } from '../calendar/calendar';
import { computeCreditorScorecard, CREDITOR_FORMULA_VERSION } from './creditor-formula';
import { gatherCreditorInputs } from './creditor-inputs';
import type { ComputeReason } from './compute';
import { requireEnded } from './months';

// The monthly creditor scorecards, computed by the same queued job as the agencies' cards
// (server/domain/scorecards/compute.ts runs both) in a transaction of their own with one
// audit row. Computing again replaces the month's cards (same rows, new figures), as the
// agencies' cards are. Once a creditor's card of a month exists, agencies' ratings of that
// month are closed (creditor-ratings.ts), under the same lock as this computation.

/** Creditors that were admitted and are not banned get a card. */
const SCORED_STATUSES = ['active', 'suspended', 'expired'] as const;
const SYSTEM = { actor: null, ip: null, userAgent: 'scheduler' } as const;
const CHUNK = 500;

/** The lock a month's creditor cards and the agencies' ratings of that month take, so no rating lands after its card. */
export const lockCreditorMonth = (tx: Tx, month: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`creditor-scorecards:${month}`}, 0))`);

/** Computes (or computes again) every scored creditor's card of an ended month; a card of a creditor no longer scored goes. */
export const computeCreditorScorecards = async (
  db: DbOrTx,
  month: string,
  now = new Date(),
  reason: ComputeReason = 'monthly',
) =>
  db.transaction(async (tx) => {
    requireEnded(month, now);
    await raiseStatementTimeout(tx);
    await lockCreditorMonth(tx, month);
    const creditors = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.type, 'creditor'), inArray(organizations.status, [...SCORED_STATUSES])))
      .orderBy(organizations.id);
    const ids = creditors.map((c) => c.id);
    const inputs = await gatherCreditorInputs(tx, ids, month, now, await loadWorkingCalendar(tx));
    const rows = [...inputs].map(([creditorId, i]) => {
      const r = computeCreditorScorecard(i);
      return {
        creditorId,
        month,
        formulaVersion: CREDITOR_FORMULA_VERSION,
        monthScoreBp: r.monthScoreBp,
        scoreBp: r.scoreBp,
        components: r.components,
        inputs: i,
        computedAt: now,
        updatedAt: now,
      };
    });
    for (let at = 0; at < rows.length; at += CHUNK) {
      await tx
        .insert(creditorScorecards)
        .values(rows.slice(at, at + CHUNK))
        .onConflictDoUpdate({
          target: [creditorScorecards.creditorId, creditorScorecards.month],
          set: {
            formulaVersion: sql`excluded.formula_version`,
            monthScoreBp: sql`excluded.month_score_bp`,
            scoreBp: sql`excluded.score_bp`,
            components: sql`excluded.components`,
            inputs: sql`excluded.inputs`,
            computedAt: sql`excluded.computed_at`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    await tx
      .delete(creditorScorecards)
      .where(
        and(
          eq(creditorScorecards.month, month),
          ids.length > 0 ? notInArray(creditorScorecards.creditorId, ids) : undefined,
        ),
      );
    await writeAudit(tx, SYSTEM, {
      action: 'creditorScorecard.compute',
      resourceType: 'creditor_scorecards',
      resourceId: month,
      after: { month, formulaVersion: CREDITOR_FORMULA_VERSION, creditors: rows.length, reason },
    });
    return { month, creditors: rows.length };
  });
