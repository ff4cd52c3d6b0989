import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { callChecks, callRecords, cases, commissions, organizations, packages, type CallViolation } from '@/db/schema';
import { needsComplaint } from '@/lib/call-records';
import { notify } from '../notifications/notify';
import { formatMinutes } from '@/lib/contact-requests';
import { localTime } from '../rules/zone';
import { DEFAULT_TIME_ZONE, type WorkCase } from '../work/case-access';
import { activeRules, verdictsAt } from '../work/rules';

// The rulebook on what really happened: every matched outbound record of a batch is
// checked by the same engine as a logged action (the contact window in the debtor's time
// zone, the caps across agencies, third parties after failed attempts, stopped channels,
// the stage policy, holds), at the record's own start time and against the calls logged
// or recorded before it. A transcript (or a message's text) is read for forbidden phrases.
// The verdict is written once per record; the job may run again and skips what is done.

/** Records checked per chunk: their past read at once, their verdicts written in one transaction. */
export const CHECK_CHUNK = 500;

const chunksOf = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The cases and their packages' policies, as the rule engine reads them, for records of these commissions. */
export const workCasesFor = async (db: Db, pairs: readonly { caseId: string; commissionId: string }[]) => {
  const byCase = new Map<string, WorkCase>();
  const unique = [...new Map(pairs.map((p) => [`${p.caseId}:${p.commissionId}`, p])).values()];
  for (const chunk of chunksOf(unique, 1000)) {
    const rows = await db
      .select({
        row: cases,
        commissionId: commissions.id,
        packageChannels: packages.allowedChannels,
        packageStagePolicy: packages.stagePolicy,
        commissionEndsOn: commissions.endsOn,
        commissionFrozenAt: commissions.frozenAt,
        packageName: packages.name,
        maxReductionBp: packages.maxReductionBp,
        maxInstalments: packages.maxInstalments,
      })
      .from(cases)
      .innerJoin(
        commissions,
        inArray(
          commissions.id,
          chunk.map((p) => p.commissionId),
        ),
      )
      .innerJoin(packages, eq(packages.id, commissions.packageId))
      .where(
        inArray(
          cases.id,
          chunk.map((p) => p.caseId),
        ),
      );
    for (const { commissionId, ...wc } of rows) byCase.set(`${wc.row.id}:${commissionId}`, wc);
  }
  return byCase;
};

/** A violation as stored: the rule, its values, and when the next contact would have been allowed (debtor's time). */
const stored = (
  v: { rule: string; nextAllowedAt: Date | null; values?: Record<string, string | number> },
  timeZone: string,
): CallViolation => {
  const next = v.nextAllowedAt ? localTime(v.nextAllowedAt, timeZone) : null;
  const values = { ...(v.values ?? {}), ...(next ? { next: `${next.date} ${formatMinutes(next.minutes)}` } : {}) };
  return Object.keys(values).length > 0 ? { rule: v.rule, values } : { rule: v.rule };
};

/** Checks the batch's matched outbound records not yet checked (CALL_CHECK_JOB). */
export const checkCallBatch = async (db: Db, batchId: string): Promise<number> => {
  const pending = await db
    .select({ record: callRecords })
    .from(callRecords)
    .leftJoin(callChecks, eq(callChecks.recordId, callRecords.id))
    .where(
      and(
        eq(callRecords.batchId, batchId),
        isNotNull(callRecords.caseId),
        eq(callRecords.direction, 'outbound'),
        isNull(callChecks.recordId),
      ),
    )
    .orderBy(callRecords.startedAt, callRecords.id);
  if (pending.length === 0) return 0;
  const rules = await activeRules(db);
  const workCases = await workCasesFor(
    db,
    pending.map(({ record: r }) => ({ caseId: r.caseId ?? '', commissionId: r.commissionId ?? '' })),
  );
  const agencyIds = [...new Set(pending.map(({ record: r }) => r.agencyId))];
  const agencyNames = new Map(
    (
      await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, agencyIds))
    ).map((o) => [o.id, o.name]),
  );
  let checked = 0;
  for (const chunk of chunksOf(pending, CHECK_CHUNK)) {
    const checkable = chunk.flatMap(({ record: r }) => {
      const wc = workCases.get(`${r.caseId}:${r.commissionId}`);
      return wc && r.caseId && r.creditorId && r.target
        ? [{ r, wc, caseId: r.caseId, creditorId: r.creditorId, target: r.target }]
        : [];
    });
    const found = await verdictsAt(
      db,
      checkable.map(({ r, wc, target }) => ({
        c: wc,
        contact: {
          channel: r.kind,
          target,
          number: { idx: r.partyIdx },
          note: r.transcript ?? r.body ?? undefined,
          recordId: r.id,
        },
        now: r.startedAt,
      })),
      rules,
    );
    const verdicts: (typeof callChecks.$inferInsert)[] = checkable.map(({ r, wc, caseId, creditorId }, i) => {
      const verdict = found[i];
      if (!verdict) throw new Error('no verdict');
      const timeZone = wc.row.timeZone ?? DEFAULT_TIME_ZONE;
      return {
        recordId: r.id,
        agencyId: r.agencyId,
        creditorId,
        caseId,
        agentId: r.agentId,
        startedAt: r.startedAt,
        ruleVersion: verdict.ruleVersion,
        violations: verdict.violations.map((v) => stored(v, timeZone)),
        flags: verdict.flags.map((f) => (f.values ? { rule: f.rule, values: f.values } : { rule: f.rule })),
      };
    });
    if (verdicts.length > 0)
      await db.transaction(async (tx) => {
        const written = await tx
          .insert(callChecks)
          .values(verdicts)
          .onConflictDoNothing()
          .returning({ recordId: callChecks.recordId, agencyId: callChecks.agencyId, flags: callChecks.flags });
        // Past the threshold, the platform's complaint handlers are asked to look (once: only rows written now).
        for (const w of written.filter((row) => needsComplaint(row.flags))) {
          const families = [...new Set(w.flags.map((f) => String(f.values?.family ?? '')))].filter(Boolean);
          await notify(
            tx,
            { platformRoles: ['admin', 'complaints'] },
            'call.transcriptFlagged',
            { agency: agencyNames.get(w.agencyId) ?? '', families: families.join('、') },
            `/staff/calls/${w.recordId}`,
          );
        }
      });
    checked += verdicts.length;
  }
  return checked;
};
