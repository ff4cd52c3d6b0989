import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { CaseStatus } from '@/lib/enums';
import { cases, commissions, packages, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvents } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { executeRows } from '../shared/execute';

// Placing cases with collectors and taking them back: assignment, recall, the end of a
// commission (the lists of cases are in case-lists.ts).

const checkCollectors = async (tx: DbOrTx, caller: Caller, ids: string[]) => {
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, ids),
        eq(users.orgId, caller.actor.orgId),
        eq(users.role, 'collector'),
        isNull(users.disabledAt),
      ),
    );
  if (found.length !== new Set(ids).size) throw new DomainError('case.collectorNotFound', { field: 'collectorId' });
};

const ownCommissioned = (caller: Caller) => and(eq(cases.agencyId, caller.actor.orgId), isNotNull(cases.commissionId));

/** Assigns (or reassigns) chosen cases of the agency to one collector. */
export const assignCases = async (db: DbOrTx, caller: Caller, input: { caseIds: string[]; collectorId: string }) =>
  db.transaction(async (tx) => {
    await checkCollectors(tx, caller, [input.collectorId]);
    const ids = [...new Set(input.caseIds)];
    const updated = await tx
      .update(cases)
      .set({
        collectorId: input.collectorId,
        status: sql`case when ${cases.status} = 'commissioned' then 'working'::case_status else ${cases.status} end`,
        updatedAt: new Date(),
      })
      .where(and(ownCommissioned(caller), inArray(cases.id, ids)))
      .returning({ id: cases.id });
    if (updated.length !== ids.length) throw new DomainError('case.notFound', { field: 'caseIds' });
    await writeAudit(tx, caller, {
      action: 'case.assign',
      resourceType: 'case',
      resourceId: ids.length === 1 ? ids[0] : null,
      orgId: caller.actor.orgId,
      after: { collectorId: input.collectorId, caseIds: ids },
    });
    return { assigned: updated.length };
  });

export type AssignRule =
  | { kind: 'roundRobin'; collectorIds: string[] }
  | { kind: 'province'; byProvince: { province: string; collectorId: string }[] };

/** Distributes the agency's unassigned cases (optionally of one package) by a rule: in turn between collectors, or by province. */
export const assignByRule = async (
  db: DbOrTx,
  caller: Caller,
  input: { rule: AssignRule; packageId?: string | undefined },
) =>
  db.transaction(async (tx) => {
    const collectorIds =
      input.rule.kind === 'roundRobin' ? input.rule.collectorIds : input.rule.byProvince.map((p) => p.collectorId);
    await checkCollectors(tx, caller, collectorIds);
    const scope = and(
      ownCommissioned(caller),
      isNull(cases.collectorId),
      input.packageId ? eq(cases.packageId, input.packageId) : undefined,
    );
    const working = sql`case when ${cases.status} = 'commissioned' then 'working'::case_status else ${cases.status} end`;
    let assigned = 0;
    if (input.rule.kind === 'roundRobin') {
      const ids = sql`array[${sql.join(
        input.rule.collectorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`;
      const n = input.rule.collectorIds.length;
      const rows = await executeRows<{ id: string }>(
        tx,
        sql`update ${cases} set collector_id = (${ids})[(s.rn % ${n}) + 1], status = ${working}, updated_at = now()
            from (select ${cases.id} as id, row_number() over (order by ${cases.id}) - 1 as rn from ${cases} where ${scope}) s
            where ${cases.id} = s.id
            returning ${cases.id}`,
      );
      assigned = rows.length;
    } else {
      for (const { province, collectorId } of input.rule.byProvince) {
        const rows = await tx
          .update(cases)
          .set({ collectorId, status: working, updatedAt: new Date() })
          .where(and(scope, eq(cases.province, province)))
          .returning({ id: cases.id });
        assigned += rows.length;
      }
    }
    await writeAudit(tx, caller, {
      action: 'case.assign',
      resourceType: 'case',
      orgId: caller.actor.orgId,
      after: { rule: input.rule, packageId: input.packageId ?? null, assigned },
    });
    return { assigned };
  });

/** What a case leaving its agency clears (recall, term end, closing): from that moment the agency can no longer read it (DESIGN §3). */
export const RELEASED = { agencyId: null, commissionId: null, collectorId: null, packageId: null } as const;

/**
 * The status a case leaving its agency takes: `to` (recalled, returned), except a case
 * already paid off or written off, which keeps its status (it is released all the same).
 */
export const leavingStatus = (to: 'recalled' | 'returned') =>
  sql<CaseStatus>`case when ${cases.status} in ('settled', 'closed_unrecoverable') then ${cases.status} else ${to}::case_status end`;

/**
 * The creditor recalls cases from their agency, with a reason: from this moment the agency
 * can no longer read them (DESIGN §3); the cases can be placed again.
 */
export const recallCases = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseIds?: string[] | undefined; commissionId?: string | undefined; reason: string },
) =>
  db.transaction(async (tx) => {
    const which = input.commissionId
      ? eq(cases.commissionId, input.commissionId)
      : inArray(cases.id, [...new Set(input.caseIds ?? [])]);
    const targets = await tx
      .select({ id: cases.id, agencyId: cases.agencyId, packageId: cases.packageId })
      .from(cases)
      .where(and(eq(cases.creditorId, caller.actor.orgId), isNotNull(cases.commissionId), which))
      .for('update');
    if (targets.length === 0 || (!input.commissionId && targets.length !== new Set(input.caseIds ?? []).size)) {
      // A case of the creditor's own that no agency holds (recalled already, returned, never
      // placed) is there, just not recallable: say which and in what state.
      const held = new Set(targets.map((t) => t.id));
      const [idle] = input.commissionId
        ? []
        : await tx
            .select({ contractNo: cases.contractNo, status: cases.status })
            .from(cases)
            .where(
              and(
                eq(cases.creditorId, caller.actor.orgId),
                inArray(
                  cases.id,
                  [...new Set(input.caseIds ?? [])].filter((id) => !held.has(id)),
                ),
              ),
            )
            .limit(1);
      if (idle)
        throw new DomainError('case.notRecallable', {
          field: 'caseIds',
          values: { contractNo: idle.contractNo },
          labels: { status: `caseStatus.${idle.status}` },
        });
      throw new DomainError('case.notFound', { field: input.commissionId ? 'commissionId' : 'caseIds' });
    }
    const ids = targets.map((t) => t.id);
    await tx
      .update(cases)
      .set({ status: leavingStatus('recalled'), ...RELEASED, updatedAt: new Date() })
      .where(inArray(cases.id, ids));
    // One notice per agency and package: how many cases left it, and why.
    const groups = new Map<string, { agencyId: string; packageId: string | null; count: number; caseIds: string[] }>();
    for (const t of targets) {
      const key = `${t.agencyId}:${t.packageId}`;
      const g = groups.get(key) ?? { agencyId: t.agencyId ?? '', packageId: t.packageId, count: 0, caseIds: [] };
      g.count += 1;
      g.caseIds.push(t.id);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const [pkg] = g.packageId
        ? await tx.select({ name: packages.name }).from(packages).where(eq(packages.id, g.packageId))
        : [];
      await notify(
        tx,
        { orgId: g.agencyId, roles: ['admin', 'supervisor'] },
        'cases.recalled',
        { count: String(g.count), packageName: pkg?.name ?? '', reason: input.reason },
        '/agency/cases',
      );
      // The case ids of a large recall are listed up to 1,000; the count is always whole.
      await emitEvents(tx, [caller.actor.orgId, g.agencyId], 'case.recalled', {
        agencyId: g.agencyId,
        packageId: g.packageId,
        commissionId: input.commissionId ?? null,
        count: g.count,
        caseIds: g.caseIds.slice(0, 1000),
        reason: input.reason,
      });
    }
    await writeAudit(tx, caller, {
      action: 'case.recall',
      resourceType: 'case',
      resourceId: ids.length === 1 ? ids[0] : null,
      orgId: caller.actor.orgId,
      after: {
        reason: input.reason,
        caseIds: ids.slice(0, 1000),
        count: ids.length,
        commissionId: input.commissionId ?? null,
      },
    });
    return { recalled: ids.length };
  });

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

/**
 * Term end (the commission.end job): the cases still with the agency return to the
 * creditor, the commission ends, and the package completes when its last commission has.
 * Idempotent: an ended commission is left alone.
 */
export const endCommission = async (db: DbOrTx, commissionId: string, now: Date) =>
  db.transaction(async (tx) => {
    const [c] = await tx.select().from(commissions).where(eq(commissions.id, commissionId)).for('update');
    if (!c || c.status !== 'active') return null;
    const returned = await tx
      .update(cases)
      .set({ status: leavingStatus('returned'), ...RELEASED, updatedAt: now })
      .where(eq(cases.commissionId, c.id))
      .returning({ id: cases.id });
    await tx.update(commissions).set({ status: 'ended', endedAt: now, updatedAt: now }).where(eq(commissions.id, c.id));
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(commissions)
      .where(and(eq(commissions.packageId, c.packageId), eq(commissions.status, 'active')));
    const [pkg] = await tx.select({ name: packages.name }).from(packages).where(eq(packages.id, c.packageId));
    if ((open?.n ?? 0) === 0)
      await tx.update(packages).set({ status: 'completed', updatedAt: now }).where(eq(packages.id, c.packageId));
    const params = { packageName: pkg?.name ?? '', count: String(returned.length) };
    await notify(
      tx,
      { orgId: c.agencyId, roles: ['admin', 'supervisor'] },
      'commission.ended',
      params,
      '/agency/cases',
    );
    await notify(
      tx,
      { orgId: c.creditorId, roles: ['admin', 'manager'] },
      'commission.ended',
      params,
      `/creditor/packages/${c.packageId}`,
    );
    await writeAudit(tx, SYSTEM, {
      action: 'commission.end',
      resourceType: 'commission',
      resourceId: c.id,
      orgId: c.creditorId,
      after: { returned: returned.length, agencyId: c.agencyId },
    });
    return { returned: returned.length };
  });
