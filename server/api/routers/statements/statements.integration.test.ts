// Commission and monthly statements (DESIGN §3): commission is earned only on confirmed
// repayments dated inside the term, at the winning bid's rate; a reversal is a negative
// line; a month's statement holds every line not on an earlier one, its totals are the sum
// of its lines to the fen, and both sides agree it before it is paid.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { commissionLines, commissions, statementLines } from '@/db/schema';
import { feeOf } from '../../../domain/money/commission';
import { decideRepayment, reportRepayment, reverseRepayment } from '../../../domain/money/repayments';
import { agreeStatement, generateStatements, markStatementPaid } from '../../../domain/money/statements';
import { recallCases } from '../../../domain/cases/placement';
import { isPostgresRun } from '../../../testing/db';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { startTermThisYear, workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => domainCaller(ctx.w, who);
const day = (offset = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));
const thisMonth = () => day().slice(0, 7);
/** The first day of next month: this month has ended by then. */
const nextMonth = () => {
  const [y, m] = thisMonth().split('-').map(Number);
  return new Date(Date.UTC(y ?? 2026, m ?? 1, 1, 4));
};

/** A case of agencyA whose commission term began at the start of the year (so today is inside it). */
const caseInTerm = async () => {
  const made = await workingCases(ctx.w, 3);
  await startTermThisYear(ctx.w, made.pkg.id);
  const [c] = await ctx.handle.db
    .select({ feeBp: commissions.feeBp })
    .from(commissions)
    .where(eq(commissions.packageId, made.pkg.id));
  return { ...made, feeBp: c?.feeBp ?? 0 };
};

const paid = async (caseId: string, amount: number, reference: string) => {
  const r = await reportRepayment(ctx.handle.db, await as('agencyA.collector'), {
    caseId,
    amount,
    paidOn: day(),
    channel: 'bank_transfer',
    payer: '本人',
    reference,
    note: '',
  });
  await decideRepayment(ctx.handle.db, await as('creditorA.manager'), { repaymentId: r.id, confirm: true, note: '' });
  return r;
};

describe('commission lines', () => {
  it('earns at the bid’s rate inside the term, takes it back on a reversal, and earns nothing outside the term', async () => {
    const { caseIds, feeBp } = await caseInTerm();
    expect(feeBp).toBe(2500);
    const r = await paid(caseIds[0] ?? '', 12_345, 'T1');
    const [earned] = await ctx.handle.db.select().from(commissionLines).where(eq(commissionLines.repaymentId, r.id));
    expect(earned).toMatchObject({
      kind: 'earned',
      baseAmount: 12_345,
      feeBp: 2500,
      amount: feeOf(12_345, 2500),
      earnedOn: day(),
    });
    await reverseRepayment(ctx.handle.db, await as('creditorA.admin'), { repaymentId: r.id, reason: '退票' });
    const lines = await ctx.handle.db.select().from(commissionLines).where(eq(commissionLines.repaymentId, r.id));
    expect(lines.map((l) => l.amount).reduce((a, b) => a + b, 0)).toBe(0);
    await expect(
      ctx.handle.db.execute(sql`update ${commissionLines} set amount = 0 where repayment_id = ${r.id}`),
    ).rejects.toThrow();

    // The default test term starts the day after tomorrow: a repayment today earns nothing.
    const outside = await workingCases(ctx.w, 2);
    const o = await paid(outside.caseId, 5_000, 'T2');
    expect(await ctx.handle.db.select().from(commissionLines).where(eq(commissionLines.repaymentId, o.id))).toEqual([]);
  });
});

describe('monthly statements', () => {
  it('sums its lines to the fen, counts nothing twice (a recalled case included), and is agreed by both before it is paid', async () => {
    const { caseIds } = await caseInTerm();
    await paid(caseIds[0] ?? '', 10_001, 'A');
    await paid(caseIds[1] ?? '', 33_333, 'B');
    const third = await paid(caseIds[2] ?? '', 7_777, 'C');
    // Recalled after its repayment: the line stays the agency's.
    await recallCases(ctx.handle.db, await as('creditorA.manager'), {
      caseIds: [caseIds[2] ?? ''],
      reason: '委托方收回',
    });
    const manager = await as('creditorA.manager');
    await expect(
      generateStatements(ctx.handle.db, manager, ctx.w.orgs.creditorA.id, thisMonth()),
    ).rejects.toMatchObject({ code: 'statement.monthOpen', details: { field: 'month' } });
    expect(await generateStatements(ctx.handle.db, manager, ctx.w.orgs.creditorA.id, thisMonth(), nextMonth())).toEqual(
      { created: 1 },
    );
    expect(await generateStatements(ctx.handle.db, manager, ctx.w.orgs.creditorA.id, thisMonth(), nextMonth())).toEqual(
      { created: 0 },
    );

    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    const [listed] = (await agency.statements.list({ limit: 10 })).items;
    const statement = await agency.statements.get({ statementId: listed?.id ?? '' });
    expect(statement.lines).toHaveLength(3);
    expect(statement.total).toBe(feeOf(10_001, 2500) + feeOf(33_333, 2500) + feeOf(7_777, 2500));
    expect(statement.total).toBe(statement.lines.reduce((a, l) => a + l.amount, 0));
    expect(statement.baseTotal).toBe(10_001 + 33_333 + 7_777);
    expect(
      await (
        await callerAs(ctx.handle.db, ctx.w.users['agencyB.admin'])
      ).statements
        .get({ statementId: statement.id })
        .catch((e: unknown) => e),
    ).toMatchObject({ code: 'NOT_FOUND' });

    // A reversal after the statement goes on a later one, not back on this one.
    await reverseRepayment(ctx.handle.db, await as('creditorA.admin'), { repaymentId: third.id, reason: '退票' });
    const later = new Date(nextMonth().getTime() + 40 * 86_400_000);
    const month2 = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date(later.getTime() - 20 * 86_400_000))
      .slice(0, 7);
    await generateStatements(ctx.handle.db, manager, ctx.w.orgs.creditorA.id, month2, later);
    const all = await ctx.handle.db
      .select({
        n: sql<number>`count(*)::int`,
        distinctLines: sql<number>`count(distinct ${statementLines.lineId})::int`,
      })
      .from(statementLines);
    expect(all[0]?.n).toBe(all[0]?.distinctLines);
    expect(all[0]?.n).toBe(4);

    await expect(markStatementPaid(ctx.handle.db, manager, statement.id)).rejects.toMatchObject({
      code: 'statement.notAgreed',
    });
    await agreeStatement(ctx.handle.db, manager, statement.id);
    await expect(agreeStatement(ctx.handle.db, await as('creditorA.admin'), statement.id)).rejects.toMatchObject({
      code: 'statement.alreadyAgreed',
    });
    expect(await agency.statements.agree({ statementId: statement.id })).toMatchObject({ status: 'agreed' });
    expect(await markStatementPaid(ctx.handle.db, manager, statement.id)).toMatchObject({ status: 'paid' });
  });

  it('shows confirmed money by month and agency on the creditor’s dashboard, reversals left out, other creditors none of it', async () => {
    const { caseIds } = await caseInTerm();
    await paid(caseIds[0] ?? '', 40_000, 'D1');
    const back = await paid(caseIds[1] ?? '', 9_000, 'D2');
    await reverseRepayment(ctx.handle.db, await as('creditorA.admin'), { repaymentId: back.id, reason: '退票' });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const d = await creditor.dashboard.recovery({ from: thisMonth(), to: thisMonth() });
    expect(d.total).toBe(40_000);
    expect(d.months).toEqual([{ month: thisMonth(), total: 40_000, byAgency: { [ctx.w.orgs.agencyA.id]: 40_000 } }]);
    const a = d.agencies.find((x) => x.agencyId === ctx.w.orgs.agencyA.id);
    expect(a?.recovered).toBe(40_000);
    expect(a?.rateBp).toBe(Math.round((40_000 * 10_000) / (a?.placed ?? 1)));
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await other.dashboard.recovery({ from: thisMonth(), to: thisMonth() })).total).toBe(0);
    await expect(creditor.dashboard.recovery({ from: '2026-12', to: '2026-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    // The agency's side: recovered and commission this month, earned and still to be paid, one report waiting.
    await reportRepayment(ctx.handle.db, await as('agencyA.collector'), {
      caseId: caseIds[2] ?? '',
      amount: 1_000,
      paidOn: day(),
      channel: 'alipay',
      payer: '本人',
      reference: 'W',
      note: '',
    });
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    const money = await agency.dashboard.agency({ from: thisMonth(), to: thisMonth() });
    expect(money.months).toEqual([{ month: thisMonth(), recovered: 40_000, commission: feeOf(40_000, 2500) }]);
    expect(money).toMatchObject({
      commissionEarned: feeOf(40_000, 2500),
      commissionPaid: 0,
      commissionPending: feeOf(40_000, 2500),
      awaitingCount: 1,
      awaitingSum: 1_000,
    });
    expect(
      (
        await (
          await callerAs(ctx.handle.db, ctx.w.users['agencyB.admin'])
        ).dashboard.agency({ from: thisMonth(), to: thisMonth() })
      ).commissionEarned,
    ).toBe(0);
  });

  it.runIf(isPostgresRun())('agrees once when two sessions of one side agree at the same instant', async () => {
    const { caseIds } = await caseInTerm();
    await paid(caseIds[0] ?? '', 50_000, 'P');
    await generateStatements(
      ctx.handle.db,
      await as('creditorA.manager'),
      ctx.w.orgs.creditorA.id,
      thisMonth(),
      nextMonth(),
    );
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    const [s] = (await agency.statements.list({ limit: 10 })).items;
    const results = await Promise.allSettled([
      agreeStatement(ctx.handle.db, await as('creditorA.manager'), s?.id ?? ''),
      agreeStatement(ctx.handle.db, await as('creditorA.admin'), s?.id ?? ''),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
