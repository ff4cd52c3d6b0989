import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { raiseStatementTimeout, type DbOrTx } from '@/db/client';
import type { StatementStatus } from '@/lib/enums';
import {
  cases,
  commissionLines,
  openCommissionLines,
  organizations,
  statementLines,
  statements,
  type Statement,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { executeRows } from '../shared/execute';
import { monthEnd, monthOf } from '@/lib/months';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

// Monthly settlement statements (结算单) per creditor and agency: every commission line
// earned up to the month's end that is on no earlier statement. A line goes on one
// statement at most (the database's unique key), so nothing is paid twice, whatever
// recalls or late confirmations happened. Draft → agreed by both sides → paid.

/**
 * Draws up the month's statements of one creditor with every agency that has lines not yet
 * on a statement. Only for a month that has ended; a pair that already has the month's
 * statement keeps it (later lines go on the next month's). One creditor at a time, under a
 * database lock; totals are summed from the lines actually attached.
 */
export const generateStatements = async (
  db: DbOrTx,
  caller: Caller | null,
  creditorId: string,
  month: string,
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    if (month >= monthOf(now)) throw new DomainError('statement.monthOpen', { field: 'month', values: { month } });
    // A month of a large creditor attaches many lines in one statement: longer than a page's limit.
    await raiseStatementTimeout(tx);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`statements:${creditorId}`}, 0))`);
    const end = monthEnd(month);
    // Lines not yet on a statement wait in open_commission_lines: only those are read.
    const open = sql`o.creditor_id = ${creditorId} and o.earned_on <= ${end}::date`;
    const created = await executeRows<{ id: string; agency_id: string }>(
      tx,
      sql`insert into ${statements} (creditor_id, agency_id, month, line_count, base_total, total, created_by, created_at)
          select ${creditorId}, o.agency_id, ${month}, 0, 0, 0, ${caller?.actor.userId ?? null}, ${now.toISOString()}::timestamptz
          from ${openCommissionLines} o where ${open}
          group by o.agency_id
          on conflict (creditor_id, agency_id, month) do nothing
          returning id, agency_id`,
    );
    if (created.length === 0) return { created: 0 };
    const ids = created.map((c) => c.id);
    // The lines are taken once (removed from the open ones as they are attached): the same
    // rows are attached and summed, whatever the planner's statistics say.
    const idList = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await tx.execute(
      sql`with picked as (
            delete from ${openCommissionLines} o
            using ${statements} s
            where s.id in (${idList}) and s.agency_id = o.agency_id and s.creditor_id = o.creditor_id and ${open}
            returning s.id as statement_id, o.line_id, o.base_amount, o.amount
          ), attached as (
            insert into ${statementLines} (statement_id, line_id) select statement_id, line_id from picked returning statement_id
          )
          update ${statements} s set line_count = t.n, base_total = t.base, total = t.fee
          from (select statement_id, count(*) as n, sum(base_amount) as base, sum(amount) as fee from picked group by statement_id) t
          where s.id = t.statement_id`,
    );
    const system = { actor: null, ip: null, userAgent: null } as const;
    await writeAudit(tx, caller ?? system, {
      action: 'statement.generate',
      resourceType: 'organization',
      resourceId: creditorId,
      orgId: creditorId,
      after: { month, statements: created.length },
    });
    for (const c of created) {
      await notify(
        tx,
        { orgId: c.agency_id, roles: ['admin'] },
        'statement.drafted',
        { month },
        `/agency/statements/${c.id}`,
      );
    }
    return { created: created.length };
  });

/** A statement the caller's organization is a side of; locked for a change with `forUpdate` (in the change's transaction). */
const loadStatement = async (db: DbOrTx, caller: Caller, statementId: string, forUpdate = false) => {
  const side = caller.actor.orgType === 'creditor' ? statements.creditorId : statements.agencyId;
  const query = db
    .select()
    .from(statements)
    .where(and(eq(statements.id, statementId), eq(side, caller.actor.orgId)));
  const [s] = forUpdate ? await query.for('update') : await query;
  if (!s || (caller.actor.orgType !== 'creditor' && caller.actor.orgType !== 'agency'))
    throw new DomainError('statement.notFound', { field: 'statementId' });
  return s;
};

/**
 * One side agrees a draft statement: once per side (a second agreement of the same side,
 * from another session say, is refused); when both have agreed it is agreed.
 */
export const agreeStatement = async (db: DbOrTx, caller: Caller, statementId: string, now = new Date()) =>
  db.transaction(async (tx) => {
    const s = await loadStatement(tx, caller, statementId, true);
    if (s.status !== 'draft')
      throw new DomainError('statement.notDraft', { labels: { status: `statements.status.${s.status}` } });
    const isCreditor = caller.actor.orgType === 'creditor';
    if (isCreditor ? s.creditorAgreedAt : s.agencyAgreedAt) throw new DomainError('statement.alreadyAgreed');
    const bothAgreed = isCreditor ? s.agencyAgreedAt !== null : s.creditorAgreedAt !== null;
    const [saved] = await tx
      .update(statements)
      .set({
        ...(isCreditor
          ? { creditorAgreedBy: caller.actor.userId, creditorAgreedAt: now }
          : { agencyAgreedBy: caller.actor.userId, agencyAgreedAt: now }),
        status: bothAgreed ? 'agreed' : 'draft',
      })
      .where(eq(statements.id, s.id))
      .returning();
    await writeAudit(tx, caller, {
      action: 'statement.agree',
      resourceType: 'statement',
      resourceId: s.id,
      orgId: s.creditorId,
      before: { status: s.status },
      after: { side: caller.actor.orgType, status: saved?.status ?? s.status, total: s.total },
    });
    const other = isCreditor
      ? { orgId: s.agencyId, roles: ['admin'] as const }
      : { orgId: s.creditorId, roles: ['admin', 'manager'] as const };
    await notify(
      tx,
      other,
      'statement.agreed',
      { month: s.month, status: saved?.status ?? s.status },
      `/${isCreditor ? 'agency' : 'creditor'}/statements/${s.id}`,
    );
    return saved ?? s;
  });

/** The creditor marks an agreed statement paid. */
export const markStatementPaid = async (db: DbOrTx, caller: Caller, statementId: string, now = new Date()) =>
  db.transaction(async (tx) => {
    const s = await loadStatement(tx, caller, statementId, true);
    if (s.status !== 'agreed')
      throw new DomainError('statement.notAgreed', { labels: { status: `statements.status.${s.status}` } });
    const [saved] = await tx
      .update(statements)
      .set({ status: 'paid', paidBy: caller.actor.userId, paidAt: now })
      .where(eq(statements.id, s.id))
      .returning();
    await writeAudit(tx, caller, {
      action: 'statement.pay',
      resourceType: 'statement',
      resourceId: s.id,
      orgId: s.creditorId,
      before: { status: 'agreed' },
      after: { status: 'paid', total: s.total },
    });
    await notify(
      tx,
      { orgId: s.agencyId, roles: ['admin'] },
      'statement.paid',
      { month: s.month },
      `/agency/statements/${s.id}`,
    );
    return saved ?? s;
  });

const other = (caller: Caller) => (caller.actor.orgType === 'creditor' ? statements.agencyId : statements.creditorId);

/** The statements of the caller's organization (either side), newest month first, keyset-paged. */
export const listStatements = async (
  db: DbOrTx,
  caller: Caller,
  input: { status?: StatementStatus | undefined; cursor?: string | null | undefined; limit: number },
) => {
  const side = caller.actor.orgType === 'creditor' ? statements.creditorId : statements.agencyId;
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ s: statements, otherName: organizations.name })
    .from(statements)
    .innerJoin(organizations, eq(organizations.id, other(caller)))
    .where(
      and(
        eq(side, caller.actor.orgId),
        input.status ? eq(statements.status, input.status) : undefined,
        cursor ? afterCursor(statements.createdAt, statements.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(statements.createdAt), desc(statements.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.s.createdAt, id: r.s.id }));
  return { items: page.items.map((r) => ({ ...viewOf(r.s), otherName: r.otherName })), nextCursor: page.nextCursor };
};

const viewOf = (s: Statement) => ({
  id: s.id,
  month: s.month,
  status: s.status,
  lineCount: s.lineCount,
  baseTotal: s.baseTotal,
  total: s.total,
  creditorAgreedAt: s.creditorAgreedAt,
  agencyAgreedAt: s.agencyAgreedAt,
  paidAt: s.paidAt,
  createdAt: s.createdAt,
});

/** A statement with its lines (contract number, repayment day and amount, rate, fee). */
export const getStatement = async (db: DbOrTx, caller: Caller, statementId: string) => {
  const s = await loadStatement(db, caller, statementId);
  const [names] = await db
    .select({
      creditorName: sql<string>`(select name from ${organizations} where id = ${s.creditorId})`,
      agencyName: sql<string>`(select name from ${organizations} where id = ${s.agencyId})`,
    })
    .from(statements)
    .where(eq(statements.id, s.id));
  const lines = await db
    .select({
      id: commissionLines.id,
      kind: commissionLines.kind,
      contractNo: cases.contractNo,
      earnedOn: commissionLines.earnedOn,
      baseAmount: commissionLines.baseAmount,
      feeBp: commissionLines.feeBp,
      amount: commissionLines.amount,
    })
    .from(statementLines)
    .innerJoin(commissionLines, eq(commissionLines.id, statementLines.lineId))
    .innerJoin(cases, eq(cases.id, commissionLines.caseId))
    .where(eq(statementLines.statementId, s.id))
    .orderBy(asc(commissionLines.earnedOn), asc(commissionLines.id))
    .limit(10_000);
  return { ...viewOf(s), creditorName: names?.creditorName ?? '', agencyName: names?.agencyName ?? '', lines };
};
