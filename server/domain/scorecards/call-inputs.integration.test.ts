// Scorecard formula v3 gathers the month's call records (issue 19): matched outbound calls
// and messages by their start in the Beijing month, the checked ones that broke a hard
// rule, records no logged action pairs with (shadow contacts), logged calls and messages
// of a connected dialer that no record pairs with (phantom actions), and the inspections
// of the agency's calls. The card stores v3, its export computes the same score again,
// and a month computed with v2 keeps v2 when computed again, call records or not.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, scorecards } from '@/db/schema';
import { addMonths, monthOf } from '@/lib/months';
import { ZScorecardInputs } from '../../api/routers/scorecards/scorecards.schema';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { commissionedSince } from '../../testing/scorecards';
import {
  callBatchOf,
  insertCallCheck,
  insertCallRecord,
  insertInspection,
  insertLoggedContact,
} from '../../testing/score-calls';
import { callerAs } from '../../testing/world';
import { computeScorecards } from './compute';
import { computeScorecard, FORMULA_VERSION, type ScorecardInputs } from './formula';
import { gatherInputs } from './inputs';

const ctx = freshWorldPerTest();
const lastMonth = () => addMonths(monthOf(new Date()), -1);
const at = (day: string, hhmmss = '10:00:00') => new Date(`${day}T${hhmmss}+08:00`);
const cardOf = async (agencyId: string, month: string) =>
  (
    await ctx.handle.db
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.agencyId, agencyId), eq(scorecards.month, month)))
  )[0];

/**
 * agencyA's month: four matched outbound records (three calls, one message), two of them
 * shadows, one call breaking a hard rule; records outside the count (inbound, unmatched,
 * the second before the month began); three logged contacts of a connected dialer, one a
 * phantom, beside a message logged before the gateway sent any record and a correction;
 * two platform inspections (one fatal) and one of the agency's own.
 */
const busyMonth = async (month: string) => {
  const d = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const { commission, caseIds } = await commissionedSince(ctx.w, month);
  const rows = await ctx.handle.db.select().from(cases).where(inArray(cases.id, caseIds));
  const [r0, r1, r2, r3] = caseIds.map((id) => rows.find((r) => r.id === id)!);
  const batch = await callBatchOf(ctx.w);
  const w = ctx.w;
  const rec = (o: Parameters<typeof insertCallRecord>[2]) => insertCallRecord(w, batch.id, { commission, ...o });

  // The month's first second (Beijing): counted, no logged action: a shadow.
  const first = await rec({ row: r0!, startedAt: at(d(1), '00:00:00') });
  // The second before the month began: another month's.
  await rec({ row: r0!, startedAt: new Date(at(d(1), '00:00:00').getTime() - 1000) });
  // A call answered and logged three minutes in.
  const paired = await rec({ row: r0!, startedAt: at(d(5)) });
  await insertLoggedContact(w, { row: r0!, commission, at: at(d(5), '10:03:00') });
  // A call at 22:01 nobody logged: a shadow, and a hard rule broken.
  const late = await rec({ row: r1!, startedAt: at(d(6), '22:01:00'), durationS: 30 });
  // A message sent and logged.
  const sms = await rec({ row: r2!, startedAt: at(d(7), '11:00:00'), kind: 'sms' });
  await insertLoggedContact(w, { row: r2!, commission, at: at(d(7), '11:01:00'), channel: 'sms' });
  // The debtor calling in, and a number of no case: not outbound matched records.
  await rec({ row: r3!, startedAt: at(d(8)), direction: 'inbound' });
  await rec({ row: null, startedAt: at(d(8), '11:00:00') });
  for (const r of [first, paired, sms]) await insertCallCheck(w, r);
  await insertCallCheck(w, late, [{ rule: 'window', values: { next: `${d(7)} 08:00` } }]);

  // A call logged with no record of it: a phantom (the dialer had been sending records since the 1st).
  const phantom = await insertLoggedContact(w, { row: r1!, commission, at: at(d(9), '15:00:00') });
  // Its correction is not a contact of its own.
  await insertLoggedContact(w, { row: r1!, commission, at: at(d(9), '15:10:00'), correctsId: phantom.id });
  // A message logged on the 3rd, before the gateway sent its first record (the 7th): not counted.
  await insertLoggedContact(w, { row: r3!, commission, at: at(d(3)), channel: 'sms' });

  // Inspections: the platform failed the 22:01 call on a fatal item and scored another 90; the agency scored one 70.
  await insertInspection(w, late, { side: 'platform', scoreBp: 0, fatalFailed: ['noThreat'], at: at(d(10)) });
  await insertInspection(w, paired, { side: 'platform', scoreBp: 9_000, at: at(d(10), '11:00:00') });
  await insertInspection(w, paired, { side: 'agency', scoreBp: 7_000, at: at(d(11)) });
  // One made before the month (of the month's first call, inspected the moment it began): another month's.
  await insertInspection(w, first, {
    side: 'platform',
    scoreBp: 1_000,
    at: new Date(at(d(1), '00:00:00').getTime() - 1000),
  });
  return { commission };
};

const EXPECTED_CALLS = {
  outboundCalls: 3,
  violations: 1,
  outboundRecords: 4,
  shadowContacts: 2,
  loggedContacts: 3,
  phantomActions: 1,
};
const EXPECTED_INSPECTIONS = { byPlatform: 2, averageScoreBp: 4_500, fatalFindings: 1, byAgency: 1 };

describe('scorecard formula v3 from call records', () => {
  it('gathers the month’s calls, violations, shadow contacts, phantom actions and inspections, agency by agency', async () => {
    const month = lastMonth();
    await busyMonth(month);
    const { agencyA, agencyB } = ctx.w.orgs;
    const inputs = await gatherInputs(ctx.handle.db, [agencyA.id, agencyB.id], month, new Date(), 3);
    expect(inputs.get(agencyA.id)).toMatchObject({ calls: EXPECTED_CALLS, inspections: EXPECTED_INSPECTIONS });
    expect(inputs.get(agencyB.id)).toMatchObject({
      calls: { outboundCalls: 0, violations: 0, outboundRecords: 0, shadowContacts: 0, loggedContacts: 0 },
      inspections: { byPlatform: 0, averageScoreBp: 0, fatalFindings: 0, byAgency: 0 },
    });
    // Computed an hour after the 22:01 call, its pairing window (30 minutes after it ended) had closed: a shadow
    // already. Logged contacts count once the dialer's grace (24 hours) has passed: only the 5th's then.
    const late = at(`${month}-06`, '23:01:00');
    const early = await gatherInputs(ctx.handle.db, [agencyA.id], month, late, 3);
    expect(early.get(agencyA.id)?.calls).toMatchObject({ shadowContacts: 2, loggedContacts: 1, phantomActions: 0 });
    // v2 reads none of it.
    const v2 = await gatherInputs(ctx.handle.db, [agencyA.id], month, new Date(), 2);
    expect(v2.get(agencyA.id)).not.toHaveProperty('calls');
    expect(v2.get(agencyA.id)).not.toHaveProperty('inspections');
  });

  it('stores version 3 for a month first computed now, and its export alone computes the same score again', async () => {
    const month = lastMonth();
    await busyMonth(month);
    const agencyId = ctx.w.orgs.agencyA.id;
    await computeScorecards(ctx.handle.db, month);
    const card = await cardOf(agencyId, month);
    expect(card).toMatchObject({ formulaVersion: FORMULA_VERSION });
    expect(FORMULA_VERSION).toBe(3);
    const stored = card?.inputs as ScorecardInputs;
    expect(stored).toMatchObject({ calls: EXPECTED_CALLS, inspections: EXPECTED_INSPECTIONS });
    // The calls cost something: the same month under v2 scores higher.
    expect(computeScorecard(stored, 2).monthScoreBp).toBeGreaterThan(card?.monthScoreBp ?? 0);
    for (const who of ['agencyA.admin', 'creditorA.viewer', 'platform.auditor'] as const) {
      const exported = await (await callerAs(ctx.handle.db, ctx.w.users[who])).scorecards.export({ agencyId, month });
      // Only what the file says: its version and inputs, through JSON.
      const file = JSON.parse(JSON.stringify(exported)) as { formulaVersion: number; inputs: unknown; result: unknown };
      expect(file.formulaVersion).toBe(3);
      const inputs = ZScorecardInputs.parse(file.inputs);
      expect(inputs).toMatchObject({ calls: EXPECTED_CALLS, inspections: EXPECTED_INSPECTIONS });
      const again = computeScorecard(inputs, file.formulaVersion);
      expect(again).toEqual(file.result);
      expect(again).toMatchObject({
        monthScoreBp: card?.monthScoreBp,
        scoreBp: card?.scoreBp,
        components: card?.components,
        isZeroed: card?.isZeroed === 1,
      });
    }
    // Computing the month again keeps version 3 and the same figures.
    await computeScorecards(ctx.handle.db, month);
    expect(await cardOf(agencyId, month)).toMatchObject({
      formulaVersion: 3,
      monthScoreBp: card?.monthScoreBp,
      components: card?.components,
    });
  });

  it('computes a month first computed with v2 again with v2: the same score, no call figures', async () => {
    const month = addMonths(lastMonth(), -1);
    const db = ctx.handle.db;
    const { agencyA, agencyB } = ctx.w.orgs;
    await commissionedSince(ctx.w, month);
    // The month as v2 computed it, before the dialer was connected.
    const v2 = await gatherInputs(db, [agencyA.id, agencyB.id], month, new Date(), 2);
    for (const [agencyId, inputs] of v2) {
      const r = computeScorecard(inputs, 2);
      await db.insert(scorecards).values({
        agencyId,
        month,
        formulaVersion: 2,
        monthScoreBp: r.monthScoreBp,
        scoreBp: r.scoreBp,
        isZeroed: r.isZeroed ? 1 : 0,
        components: r.components,
        inputs,
      });
    }
    const before = await cardOf(agencyA.id, month);
    // Records of that month sent since, with shadows, a violation and a fatal inspection.
    await busyMonth(month);
    await computeScorecards(db, month);
    const after = await cardOf(agencyA.id, month);
    expect(after).toMatchObject({
      formulaVersion: 2,
      monthScoreBp: before?.monthScoreBp,
      scoreBp: before?.scoreBp,
      components: before?.components,
    });
    expect(after?.inputs).not.toHaveProperty('calls');
    // Its export computes v2 again; v3 on that month's records would have scored lower.
    const exported = await (
      await callerAs(db, ctx.w.users['agencyA.admin'])
    ).scorecards.export({ agencyId: agencyA.id, month });
    const file = JSON.parse(JSON.stringify(exported)) as { formulaVersion: number; inputs: unknown; result: unknown };
    expect(file.formulaVersion).toBe(2);
    expect(computeScorecard(ZScorecardInputs.parse(file.inputs), 2)).toEqual(file.result);
    const v3 = (await gatherInputs(db, [agencyA.id], month, new Date(), 3)).get(agencyA.id)!;
    expect(computeScorecard(v3, 3).monthScoreBp).toBeLessThan(after?.monthScoreBp ?? 0);
    // A month with no card yet takes the current version.
    await computeScorecards(db, lastMonth());
    expect(await cardOf(agencyA.id, lastMonth())).toMatchObject({ formulaVersion: 3 });
  });
});
