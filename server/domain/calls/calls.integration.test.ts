// Call records in (issue 19): a dialer's batch is stored once, matched by number to the case
// the agency holds, and checked by the same rulebook as a logged action at the record's own
// time: the contact window at its boundaries (a 22:01 call nobody logged), the daily caps
// counting logged and recorded calls once each, third parties before the failed attempts,
// transcripts read for forbidden phrases. A record nobody logged is a shadow contact; a
// logged call the connected dialer never recorded is a phantom action.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callChecks, callRecords, cases, notifications, users } from '@/db/schema';
import { decryptPii } from '../../pii/crypto';
import { executeRows } from '../shared/execute';
import { apiCall, keyOf } from '../../testing/api';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { morning, workingCases } from '../../testing/work';
import { domainCaller } from '../../testing/world';
import { logAction } from '../work/actions';
import { activeRules, verdictAt } from '../work/rules';
import { checkCallBatch, workCasesFor } from './check';
import { ingestCallRecords } from './ingest';
import { ZCallItem, type CallItem } from './items';
import { listCalls, listPhantoms } from './read';
import { callSummary, monthlyCallTotals } from './summary';

const ctx = freshWorldPerTest();

/** Yesterday (Beijing) at a time: every record is in the past, whatever the hour the tests run. */
const yesterday = (hhmmss: string) => morning(hhmmss, -1);
let seq = 0;
const record = (party: string, start: Date, over: Partial<CallItem> = {}): CallItem =>
  ZCallItem.parse({
    id: `R${process.pid}-${(seq += 1)}`,
    line: '021-61234567',
    party,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + 60_000).toISOString(),
    disposition: 'no_answer',
    ...over,
  });

const phonesOf = async (caseId: string) => {
  const [row] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error('no case');
  return {
    debtor: row.phones.map((p) => decryptPii(p.enc)),
    contacts: row.contacts.map((c) => decryptPii(c.phone.enc)),
  };
};

const send = async (items: CallItem[]) => {
  const supervisor = await domainCaller(ctx.w, 'agencyA.supervisor');
  const result = await ingestCallRecords(ctx.handle.db, supervisor, items, { kind: 'api' });
  await checkCallBatch(ctx.handle.db, result.batchId);
  return result;
};

const checkOf = async (externalId: string) => {
  const [row] = await ctx.handle.db
    .select({ violations: callChecks.violations, flags: callChecks.flags, caseId: callRecords.caseId })
    .from(callRecords)
    .leftJoin(callChecks, eq(callChecks.recordId, callRecords.id))
    .where(eq(callRecords.externalId, externalId));
  return row;
};
const rulesOf = async (externalId: string) => ((await checkOf(externalId))?.violations ?? []).map((v) => v.rule);

describe('the contact window on what the dialer recorded', () => {
  it('flags a 22:01 call nobody logged, and a 07:59 one; 08:00 and 21:59 pass; 22:00:00 is outside', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor } = await phonesOf(caseId);
    const party = debtor[0] ?? '';
    const times = ['07:59:00', '08:00:00', '21:59:59', '22:00:00', '22:01:00'];
    const items = times.map((t) => record(party, yesterday(t)));
    const result = await send(items);
    expect(result).toMatchObject({ received: 5, stored: 5, matched: 5, unmatched: 0, duplicates: 0 });
    const verdicts = await Promise.all(items.map((i) => rulesOf(i.id)));
    expect(verdicts.map((v) => v.includes('window'))).toEqual([true, false, false, true, true]);
    const late = await checkOf(items[4]?.id ?? '');
    expect(late?.caseId).toBe(caseId);
    expect(late?.violations?.[0]).toMatchObject({ rule: 'window', values: { next: expect.stringMatching(/ 08:00$/) } });
    // On the agency's list of violations, and the creditor's, masked.
    const supervisor = await domainCaller(ctx.w, 'agencyA.supervisor');
    const listed = await listCalls(ctx.handle.db, supervisor, { filter: 'violations', caseId });
    expect(listed.items).toHaveLength(3);
    expect(listed.items[0]?.partyMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const creditor = await domainCaller(ctx.w, 'creditorA.admin');
    expect((await listCalls(ctx.handle.db, creditor, { filter: 'violations', caseId })).items).toHaveLength(3);
    const other = await domainCaller(ctx.w, 'creditorB.admin');
    expect((await listCalls(ctx.handle.db, other, { caseId })).items).toHaveLength(0);
    const agencyB = await domainCaller(ctx.w, 'agencyB.supervisor');
    expect((await listCalls(ctx.handle.db, agencyB, { caseId })).items).toHaveLength(0);
  });
});

describe('the caps count each contact once, logged or recorded', () => {
  it('a logged call paired with its record counts once; the fourth answered call of the day breaks the cap', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor } = await phonesOf(caseId);
    const party = debtor[0] ?? '';
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    // 09:00 answered, recorded and logged (one contact).
    const first = record(party, yesterday('09:00:00'), { disposition: 'answered' });
    await send([first]);
    await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'answered', note: '' },
      yesterday('09:03:00'),
    );
    // 10:00 answered, logged only (no dialer record of it): still a contact.
    await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'answered', note: '' },
      yesterday('10:00:00'),
    );
    // 11:00 answered, recorded only; 12:00 the fourth answered contact.
    const third = record(party, yesterday('11:00:00'), { disposition: 'answered' });
    const fourth = record(party, yesterday('12:00:00'), { disposition: 'answered' });
    await send([third, fourth]);
    expect(await rulesOf(first.id)).toEqual([]);
    expect(await rulesOf(third.id)).toEqual([]);
    expect(await rulesOf(fourth.id)).toContain('answeredCap');
  });

  it('a contact called before three failed attempts on the debtor is flagged', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor, contacts } = await phonesOf(caseId);
    const contact = contacts[0] ?? '';
    expect(contact).not.toBe('');
    const early = record(contact, yesterday('09:00:00'));
    const failures = ['09:10:00', '09:20:00', '09:30:00'].map((t) => record(debtor[0] ?? '', yesterday(t)));
    const later = record(contact, yesterday('10:00:00'));
    await send([early, ...failures, later]);
    expect(await rulesOf(early.id)).toContain('contactTooEarly');
    expect(await rulesOf(later.id)).not.toContain('contactTooEarly');
    const [row] = await ctx.handle.db.select().from(callRecords).where(eq(callRecords.externalId, early.id));
    expect(row).toMatchObject({ target: 'contact', partyNo: 1 });
  });
});

describe('a batch checked at once', () => {
  it('gives every record the verdict it gets checked alone, the latest fifty calls and the daily caps included', async () => {
    const { caseIds } = await workingCases(ctx.w, 3);
    const items: CallItem[] = [];
    for (const caseId of caseIds.slice(0, 2)) {
      const { debtor, contacts } = await phonesOf(caseId);
      const party = debtor[0] ?? '';
      // 55 failed calls over the days before (more than the fifty the failure rule reads), then a busy yesterday.
      for (let i = 0; i < 55; i += 1)
        items.push(record(party, new Date(yesterday('09:00:00').getTime() - (i + 10) * 3_600_000)));
      for (const t of ['08:30:00', '09:30:00', '10:30:00', '11:30:00', '12:30:00'])
        items.push(record(party, yesterday(t), { disposition: 'answered' }));
      for (const t of ['13:00:00', '13:10:00', '13:20:00']) items.push(record(party, yesterday(t)));
      if (contacts[0]) items.push(record(contacts[0], yesterday('14:00:00'), { disposition: 'answered' }));
      items.push(record(party, yesterday('22:30:00')));
    }
    await send(items);
    const stored = await ctx.handle.db
      .select({ record: callRecords, violations: callChecks.violations })
      .from(callRecords)
      .innerJoin(callChecks, eq(callChecks.recordId, callRecords.id))
      .where(inArray(callRecords.caseId, caseIds));
    expect(stored).toHaveLength(items.length);
    const workCases = await workCasesFor(
      ctx.handle.db,
      stored.map(({ record: r }) => ({ caseId: r.caseId ?? '', commissionId: r.commissionId ?? '' })),
    );
    const rules = await activeRules(ctx.handle.db);
    const alone = await Promise.all(
      stored.map(async ({ record: r }) => {
        const wc = workCases.get(`${r.caseId}:${r.commissionId}`);
        if (!wc) throw new Error('no case');
        const v = await verdictAt(
          ctx.handle.db,
          wc,
          { channel: r.kind, target: r.target ?? 'debtor', number: { idx: r.partyIdx }, recordId: r.id },
          r.startedAt,
          rules,
        );
        return v.violations.map((x) => x.rule).sort();
      }),
    );
    expect(stored.map((s) => s.violations.map((x) => x.rule).sort())).toEqual(alone);
    // The batch found what the rules say: caps broken on the fourth and fifth answered calls, the late call outside the window.
    const rulesSeen = new Set(alone.flat());
    expect([...rulesSeen]).toEqual(expect.arrayContaining(['answeredCap', 'window']));
  });
});

describe('what the batch holds', () => {
  it('keeps a record of no case as unmatched, stores an id sent again once, and reads transcripts', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor } = await phonesOf(caseId);
    const stranger = record('13900001111', yesterday('09:00:00'));
    const rude = record(debtor[0] ?? '', yesterday('09:30:00'), {
      disposition: 'answered',
      answeredAt: yesterday('09:30:05').toISOString(),
      transcript: '你再不还钱，我们就通知你单位，让大家都知道你是老赖',
    });
    expect(await send([stranger, rude])).toMatchObject({ stored: 2, matched: 1, unmatched: 1 });
    expect(await send([stranger, rude])).toMatchObject({ received: 2, stored: 0, duplicates: 2 });
    const flags = (await checkOf(rude.id))?.flags ?? [];
    expect(flags.map((f) => f.rule)).toContain('forbiddenPhrase');
    expect(flags.length).toBeGreaterThanOrEqual(2);
    // Two families in one call: the platform's complaint handlers are asked to look, once.
    const asked = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, ctx.w.users['platform.complaints'].id),
          eq(notifications.kind, 'call.transcriptFlagged'),
        ),
      );
    expect(asked).toHaveLength(1);
    expect(asked[0]?.link).toMatch(/^\/staff\/calls\/[0-9a-f-]{36}$/);
    expect(await checkOf(stranger.id)).toMatchObject({ caseId: null, violations: null });
    const supervisor = await domainCaller(ctx.w, 'agencyA.supervisor');
    const unmatched = await listCalls(ctx.handle.db, supervisor, { filter: 'unmatched' });
    expect(unmatched.items.map((i) => i.partyMasked)).toContain('139****1111');
    // A collector may not send records; a creditor neither.
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    await expect(ingestCallRecords(ctx.handle.db, collector, [stranger], { kind: 'api' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('refuses bad items by field, and the same id twice in one batch', () => {
    const bad = ZCallItem.safeParse({
      id: 'x',
      line: 'abc',
      party: '12345',
      startedAt: '2026-01-01T10:00:00+08:00',
      endedAt: '2026-01-01T09:00:00+08:00',
      disposition: 'delivered',
    });
    expect(bad.success).toBe(false);
    const paths = (bad.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'line:e.calls.line',
        'party:e.calls.party',
        'endedAt:e.calls.endBeforeStart',
        'disposition:e.calls.callDisposition',
      ]),
    );
  });
});

describe('the agent a dialer names', () => {
  it('is found by user id, e-mail or work number (工号), within the agency only', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const party = (await phonesOf(caseId)).debtor[0] ?? '';
    const collector = ctx.w.users['agencyA.collector'];
    const [own] = await ctx.handle.db.select({ workNo: users.workNo }).from(users).where(eq(users.id, collector.id));
    expect(own?.workNo).toMatch(/^\d{4}$/);
    const items = [collector.id, collector.email.toUpperCase(), own?.workNo ?? ''].map((agent, i) =>
      record(party, yesterday(`1${i}:00:00`), { agent }),
    );
    await send(items);
    const stored = await ctx.handle.db
      .select({ agentId: callRecords.agentId })
      .from(callRecords)
      .where(
        inArray(
          callRecords.externalId,
          items.map((i) => i.id),
        ),
      );
    expect(stored.map((r) => r.agentId)).toEqual([collector.id, collector.id, collector.id]);
  });
});

describe('shadow contacts and phantom actions', () => {
  it('a record nobody logged is a shadow; a logged call the connected dialer never recorded is a phantom', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor } = await phonesOf(caseId);
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const supervisor = await domainCaller(ctx.w, 'agencyA.supervisor');
    const twoDaysAgo = (t: string) => morning(t, -2);
    // The dialer is connected from its first record on.
    const unlogged = record(debtor[0] ?? '', twoDaysAgo('09:00:00'), { agent: ctx.w.users['agencyA.collector'].email });
    const logged = record(debtor[0] ?? '', twoDaysAgo('09:30:00'));
    await send([unlogged, logged]);
    await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      twoDaysAgo('09:31:30'),
    );
    const phantom = await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      twoDaysAgo('11:00:00'),
    );
    const shadows = await listCalls(ctx.handle.db, supervisor, { filter: 'shadow', caseId });
    expect(shadows.items.map((i) => i.id)).toHaveLength(1);
    expect(shadows.items[0]).toMatchObject({ isShadow: true, agentId: ctx.w.users['agencyA.collector'].id });
    const phantoms = await listPhantoms(ctx.handle.db, supervisor, { caseId });
    expect(phantoms.items.map((i) => i.id)).toEqual([phantom.action.id]);
    const creditor = await domainCaller(ctx.w, 'creditorA.admin');
    expect((await listPhantoms(ctx.handle.db, creditor, { caseId })).items).toHaveLength(1);
    expect((await listCalls(ctx.handle.db, creditor, { filter: 'shadow', caseId })).items).toHaveLength(1);
    const agencyB = await domainCaller(ctx.w, 'agencyB.supervisor');
    expect((await listPhantoms(ctx.handle.db, agencyB, { caseId })).items).toHaveLength(0);
    // The phantom's record arrives late: the action is paired, no longer a phantom.
    await send([record(debtor[0] ?? '', twoDaysAgo('10:58:00'))]);
    expect((await listPhantoms(ctx.handle.db, supervisor, { caseId })).items).toHaveLength(0);
    // The summaries count them: the agency by collector, staff by month.
    const summary = await callSummary(ctx.handle.db, supervisor, {
      from: twoDaysAgo('00:00:00'),
      to: twoDaysAgo('23:59:59'),
    });
    expect(summary.groupBy).toBe('agent');
    expect(summary.total).toMatchObject({ calls: 3, shadows: 1, phantoms: 0 });
    // The collector counts the calls on the cases they work, whoever the dialer named: as their list shows them.
    const own = await callSummary(ctx.handle.db, collector, {
      from: twoDaysAgo('00:00:00'),
      to: twoDaysAgo('23:59:59'),
    });
    expect(own.total).toMatchObject({ calls: 3, shadows: 1 });
    expect((await listCalls(ctx.handle.db, collector, { caseId })).items).toHaveLength(3);
    const auditor = await domainCaller(ctx.w, 'platform.auditor');
    const months = await monthlyCallTotals(ctx.handle.db, auditor);
    expect(months).toHaveLength(6);
    expect(months.reduce((n, m) => n + m.calls, 0)).toBeGreaterThanOrEqual(3);
    await expect(monthlyCallTotals(ctx.handle.db, creditor)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('over the API', () => {
  it('stores a batch (201 with its counts); one bad item refuses the whole batch, naming it and its field', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const { debtor } = await phonesOf(caseId);
    const { secret } = await keyOf(ctx.w, 'agencyA.admin', ['calls:write']);
    const good = {
      id: `API-${process.pid}-1`,
      line: '021-61234567',
      party: debtor[0],
      startedAt: yesterday('09:00:00').toISOString(),
      disposition: 'busy',
    };
    const bad = { ...good, id: `API-${process.pid}-2`, party: '12345' };
    const refused = await apiCall(ctx.handle.db, 'POST', '/agency/calls/batch', {
      key: secret,
      body: { items: [good, bad] },
      headers: { 'accept-language': 'en' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/items/1/party',
        message: "The other party's number is not a valid mobile number",
      }),
    ]);
    expect(await ctx.handle.db.select().from(callRecords).where(eq(callRecords.externalId, good.id))).toHaveLength(0);
    const stored = await apiCall(ctx.handle.db, 'POST', '/agency/calls/batch', {
      key: secret,
      body: { items: [good] },
    });
    expect(stored).toMatchObject({ status: 201, body: { received: 1, stored: 1, matched: 1, unmatched: 0 } });
    const noScope = await keyOf(ctx.w, 'agencyA.admin', ['actions:write']);
    expect(
      (await apiCall(ctx.handle.db, 'POST', '/agency/calls/batch', { key: noScope.secret, body: { items: [good] } }))
        .status,
    ).toBe(403);
  });
});

describe('matching a record to its case', () => {
  it('reads the number index alone: new cases are written straight into it, no pending list to walk', async () => {
    const rows = await executeRows<{ options: string[] | null }>(
      ctx.handle.db,
      sql`select reloptions as options from pg_class where relname = 'cases_phone_idxs_idx'`,
    );
    expect(rows).toEqual([{ options: ['fastupdate=off'] }]);
  });
});
