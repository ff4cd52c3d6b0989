import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { raiseStatementTimeout, type Db, type DbOrTx, type Tx } from '@/db/client';
import { VISIT_EVIDENCE_DUE_MS } from '@/lib/visits';
import { organizations, scorecards } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { jobQueue } from '../../jobs/queue';
import { computeScorecard, FORMULA_VERSION, GATHERED_VERSIONS, inputsOfVersion } from './formula';
import { gatherInputs } from './inputs';
import { addMonths, monthOf, monthStartsAt } from '@/lib/months';
import { requireEnded } from './months';
import { computeCreditorScorecards } from './creditor-compute';

// The monthly scorecards (DESIGN §7, §8): a queued job computes every admitted agency's
// card for an ended month in one transaction, with one audit row. The periodic check
// queues last month's job once; staff may ask for a month to be computed again; a
// creditor's late rating of last month queues it again, so the card takes the rating.
// Computing again replaces the month's cards (same rows, new figures) with the formula
// version the month was first computed with (formula.ts), so a month keeps its version;
// a month first computed now takes the current one. The same job then
// computes the month's creditor cards (creditor-compute.ts), in a transaction of its own.

export const SCORECARD_JOB = 'scorecards.compute';
export type ComputeReason = 'monthly' | 'recompute' | 'ratings';

/**
 * A month's cards are computed once the visit evidence of its last day was due (24 hours
 * after the visit, NIFA 2018) and the 15-minute check had time to flag what was missing.
 */
export const READY_AFTER_MS = VISIT_EVIDENCE_DUE_MS + 3_600_000;
export const readyAt = (month: string) => new Date(monthStartsAt(addMonths(month, 1)).getTime() + READY_AFTER_MS);

/** Agencies that were admitted and are not banned get a card; a suspended or expired agency still works its cases. */
const SCORED_STATUSES = ['active', 'suspended', 'expired'] as const;
const SYSTEM = { actor: null, ip: null, userAgent: 'scheduler' } as const;
const CHUNK = 500;

/**
 * The formula version of a month: that of its cards when it has some (and their inputs are
 * still gathered as they were), the current one otherwise.
 */
export const monthVersion = async (db: DbOrTx, month: string) => {
  const [row] = await db
    .select({ version: sql<number | null>`max(${scorecards.formulaVersion})` })
    .from(scorecards)
    .where(eq(scorecards.month, month));
  const stored = row?.version == null ? null : Number(row.version);
  return stored !== null && (GATHERED_VERSIONS as readonly number[]).includes(stored) ? stored : FORMULA_VERSION;
};

/**
 * Computes (or computes again) every scored agency's card of an ended month, in one
 * transaction under a lock per month, so two workers never interleave; a card of an
 * agency no longer scored (banned since) goes. One audit row says what was done.
 */
export const computeScorecards = async (
  db: DbOrTx,
  month: string,
  now = new Date(),
  reason: ComputeReason = 'monthly',
) =>
  db.transaction(async (tx) => {
    requireEnded(month, now);
    // Every agency's month is gathered in this one transaction: longer than a page's limit.
    await raiseStatementTimeout(tx);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`scorecards:${month}`}, 0))`);
    const agencies = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.type, 'agency'), inArray(organizations.status, [...SCORED_STATUSES])))
      .orderBy(organizations.id);
    const ids = agencies.map((a) => a.id);
    const version = await monthVersion(tx, month);
    const inputs = await gatherInputs(tx, ids, month, now, version);
    const rows = [...inputs].map(([agencyId, gathered]) => {
      const i = inputsOfVersion(gathered, version);
      const r = computeScorecard(i, version);
      return {
        agencyId,
        month,
        formulaVersion: version,
        monthScoreBp: r.monthScoreBp,
        scoreBp: r.scoreBp,
        isZeroed: r.isZeroed ? 1 : 0,
        components: r.components,
        inputs: i,
        computedAt: now,
        updatedAt: now,
      };
    });
    for (let at = 0; at < rows.length; at += CHUNK) {
      await tx
        .insert(scorecards)
        .values(rows.slice(at, at + CHUNK))
        .onConflictDoUpdate({
          target: [scorecards.agencyId, scorecards.month],
          set: {
            formulaVersion: sql`excluded.formula_version`,
            monthScoreBp: sql`excluded.month_score_bp`,
            scoreBp: sql`excluded.score_bp`,
            isZeroed: sql`excluded.is_zeroed`,
            components: sql`excluded.components`,
            inputs: sql`excluded.inputs`,
            computedAt: sql`excluded.computed_at`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    await tx
      .delete(scorecards)
      .where(and(eq(scorecards.month, month), ids.length > 0 ? notInArray(scorecards.agencyId, ids) : undefined));
    const zeroed = rows.filter((r) => r.isZeroed === 1).length;
    await writeAudit(tx, SYSTEM, {
      action: 'scorecard.compute',
      resourceType: 'scorecards',
      resourceId: month,
      after: { month, formulaVersion: version, agencies: rows.length, zeroed, reason },
    });
    return { month, agencies: rows.length, zeroed };
  });

/** The periodic check: last month's cards are queued once (one job per month, whoever asks first). */
export const queueLastMonth = async (db: DbOrTx, now = new Date()) => {
  const month = addMonths(monthOf(now), -1);
  const at = readyAt(month);
  await db.transaction((tx) =>
    jobQueue.enqueue(tx, {
      kind: SCORECARD_JOB,
      key: month,
      payload: { month, reason: 'monthly' },
      runAt: at > now ? at : now,
    }),
  );
  return { month };
};

/** A staff member asks for an ended month to be computed again: queued at once, audited with who asked. */
export const requestRecompute = async (db: DbOrTx, caller: Caller, month: string, now = new Date()) =>
  db.transaction(async (tx) => {
    requireEnded(month, now);
    const key = `${month}:recompute:${now.getTime()}:${caller.actor.userId}`;
    await jobQueue.enqueue(tx, { kind: SCORECARD_JOB, key, payload: { month, reason: 'recompute' }, runAt: now });
    await writeAudit(tx, caller, {
      action: 'scorecard.recompute',
      resourceType: 'scorecards',
      resourceId: month,
      after: { month },
    });
    return { month, isQueued: true };
  });

/** A rating of an ended month came in: that month is computed again (many ratings at once collapse into one run). */
export const recomputeForRatings = (tx: Tx, month: string, now: Date) => {
  const at = readyAt(month);
  return jobQueue.reschedule(tx, {
    kind: SCORECARD_JOB,
    key: `${month}:ratings`,
    payload: { month, reason: 'ratings' },
    runAt: at > now ? at : now,
  });
};

/** The job's work. */
export const runScorecardJob = async (db: Db, payload: Record<string, unknown>, now: Date) => {
  const month = payload.month;
  if (typeof month !== 'string') throw new Error('scorecard job without month');
  const reason = payload.reason === 'recompute' || payload.reason === 'ratings' ? payload.reason : 'monthly';
  const agencies = await computeScorecards(db, month, now, reason);
  const creditors = await computeCreditorScorecards(db, month, now, reason);
  return { ...agencies, creditors: creditors.creditors };
};

/** Whether a computation of the month is waiting or running now (the staff page polls while it is). */
export const isComputing = (db: DbOrTx, month: string, now = new Date()) =>
  jobQueue.isPending(db, SCORECARD_JOB, { month }, now);
