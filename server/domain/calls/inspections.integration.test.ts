// Quality inspection of calls (质检, issue 19). The queue is derived: matched calls the
// inspector's side has not inspected that the rule check flagged, that reach a debtor with
// a complaint not closed, or that fall in the random share drawn by the record's id (the
// same call every time, in SQL and in code). A call is scored on the current form version:
// the weights passed, 0 when a fatal item failed. One inspection per call per side. A fatal
// finding lets staff propose a sanction citing the inspection or file a complaint citing the
// call; on the agency's side it is told to the agency's admins. Published form versions
// are validated field by field, and an inspection keeps the version it was scored on.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, callInspections, complaints, notifications, sanctions } from '@/db/schema';
import { monthOf } from '@/lib/months';
import { fileOrgComplaint } from '../complaints/file-org';
import { insertCall, idInRandomShare } from '../../testing/call-rows';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../testing/world';
import { inspectionInputs } from './inspection-results';
import { isRandomSample, randomSampleSql, sampleBucket } from './inspection-sample';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);

/** Every criterion of the seeded form passed, except those named (failed with a note). */
const scoresFailing = async (...failed: string[]) => {
  const form = await (await as('platform.admin')).inspections.forms.get({});
  return form.criteria.map((c) => ({
    key: c.key,
    passed: !failed.includes(c.key),
    note: failed.includes(c.key) ? '录音 01:12 处催收员称“再不还就上门找你家人”。' : '',
  }));
};

describe('the random share', () => {
  it('is drawn by the id alone, the same in SQL as in code, about the configured share', async () => {
    expect(sampleBucket('00000000-0000-4000-8000-000000000000')).toBe(63);
    const ids = Array.from({ length: 400 }, () => crypto.randomUUID());
    const result: unknown = await ctx.handle.db.execute(
      sql`select id::text as id, ${randomSampleSql(sql`id`)} as hit from unnest(${`{${ids.join(',')}}`}::uuid[]) as id`,
    );
    // PGlite answers { rows }, postgres-js the rows themselves.
    const list = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      id: string;
      hit: boolean;
    }[];
    expect(list).toHaveLength(400);
    for (const r of list) expect(r.hit).toBe(isRandomSample(r.id));
    expect(ids.filter((id) => isRandomSample(id)).length).toBeLessThan(60);
  });
});

describe('the queue', () => {
  it('lists flagged, complained-about and randomly drawn calls with their reasons, per side', async () => {
    const { caseIds } = await workingCases(ctx.w, 4);
    const [a, b, c, d] = caseIds as [string, string, string, string];
    const violation = await insertCall(ctx.w, { caseId: a, check: 'violation', id: idInRandomShare(false) });
    const phrase = await insertCall(ctx.w, { caseId: a, check: 'flag', id: idInRandomShare(true) });
    const clean = await insertCall(ctx.w, { caseId: b, check: 'clean', id: idInRandomShare(false) });
    const complained = await insertCall(ctx.w, { caseId: c, check: 'clean', id: idInRandomShare(false) });
    const drawn = await insertCall(ctx.w, { caseId: d, id: idInRandomShare(true) });
    await fileOrgComplaint(ctx.handle.db, await domainCaller(ctx.w, 'platform.complaints'), {
      caseId: c,
      agencyId: null,
      category: 'harassment',
      description: '借款人反映催收员一天内多次来电骚扰。',
      evidence: [],
    });

    const supervisor = await as('agencyA.supervisor');
    const queue = await supervisor.inspections.queue({});
    const reasons = new Map(queue.items.map((i) => [i.id, i.reasons]));
    expect(reasons.get(violation.id)).toEqual(['flagged']);
    expect(reasons.get(phrase.id)).toEqual(['flagged', 'random']);
    expect(reasons.get(complained.id)).toEqual(['complaint']);
    expect(reasons.get(drawn.id)).toEqual(['random']);
    expect(reasons.has(clean.id)).toBe(false);
    expect(queue.items.map((i) => i.id)).toEqual(
      [...queue.items]
        .sort((x, y) => y.startedAt.getTime() - x.startedAt.getTime() || (y.id > x.id ? 1 : -1))
        .map((i) => i.id),
    );

    expect((await supervisor.inspections.queue({ reason: 'flagged' })).items.map((i) => i.id).sort()).toEqual(
      [violation.id, phrase.id].sort(),
    );
    expect((await supervisor.inspections.queue({ reason: 'complaint' })).items.map((i) => i.id)).toEqual([
      complained.id,
    ]);
    expect((await supervisor.inspections.queue({ reason: 'random' })).items.map((i) => i.id).sort()).toEqual(
      [phrase.id, drawn.id].sort(),
    );
    // Paged newest first without repeats.
    const first = await supervisor.inspections.queue({ limit: 2 });
    const second = await supervisor.inspections.queue({ limit: 2, cursor: first.nextCursor });
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(4);

    // Another agency sees none of it; staff see it, filterable by agency.
    expect((await (await as('agencyB.supervisor')).inspections.queue({})).items).toEqual([]);
    const auditor = await as('platform.auditor');
    expect((await auditor.inspections.queue({ agencyId: ctx.w.orgs.agencyA.id })).items).toHaveLength(4);
    expect((await auditor.inspections.queue({ agencyId: ctx.w.orgs.agencyB.id })).items).toEqual([]);

    // Inspected by the agency: gone from its queue, still in the platform's.
    await supervisor.inspections.inspect({
      recordId: drawn.id,
      formVersion: 1,
      scores: await scoresFailing(),
      note: '',
    });
    expect((await supervisor.inspections.queue({})).items.map((i) => i.id)).not.toContain(drawn.id);
    expect((await auditor.inspections.queue({})).items.map((i) => i.id)).toContain(drawn.id);
  });

  it('filters by collector and by day', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const caseId = caseIds[0] ?? '';
    const old = await insertCall(ctx.w, {
      caseId,
      check: 'violation',
      startedAt: new Date(Date.now() - 10 * 86_400_000),
    });
    const bySupervisor = await insertCall(ctx.w, {
      caseId,
      check: 'violation',
      agentId: ctx.w.users['agencyA.supervisor'].id,
    });
    const supervisor = await as('agencyA.supervisor');
    const mine = await supervisor.inspections.queue({ agentId: ctx.w.users['agencyA.supervisor'].id });
    expect(mine.items.map((i) => i.id)).toEqual([bySupervisor.id]);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(old.startedAt);
    expect((await supervisor.inspections.queue({ from: day, to: day })).items.map((i) => i.id)).toEqual([old.id]);
    const filters = await supervisor.inspections.filters({});
    expect(filters.agencies).toEqual([]);
    expect(filters.agents.map((a) => a.id)).toContain(ctx.w.users['agencyA.collector'].id);
  });
});

describe('inspecting a call', () => {
  it('scores the weights passed, 0 with a fatal item failed, and writes the audit row', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const caseId = caseIds[0] ?? '';
    const good = await insertCall(ctx.w, { caseId, check: 'violation' });
    const bad = await insertCall(ctx.w, { caseId, check: 'violation' });
    const supervisor = await as('agencyA.supervisor');
    const view = await supervisor.inspections.get({ recordId: good.id });
    expect(view.reasons).toContain('flagged');
    expect(view.check?.violations).toEqual([{ rule: 'window', values: { next: '2026-12-02 08:00' } }]);
    expect(view.mine).toBeNull();
    const minor = view.form.criteria.find((c) => !c.fatal);
    const fatal = view.form.criteria.find((c) => c.fatal);
    if (!minor || !fatal) throw new Error('the seeded form has both kinds');

    const scored = await supervisor.inspections.inspect({
      recordId: good.id,
      formVersion: view.form.version,
      scores: await scoresFailing(minor.key),
      note: '整体规范',
    });
    expect(scored).toMatchObject({ scoreBp: (100 - minor.weight) * 100, fatalFailed: [] });
    const failed = await supervisor.inspections.inspect({
      recordId: bad.id,
      formVersion: 1,
      scores: await scoresFailing(fatal.key),
      note: '',
    });
    expect(failed).toMatchObject({ scoreBp: 0, fatalFailed: [fatal.key], sanctionId: null });
    const [row] = await ctx.handle.db.select().from(callInspections).where(eq(callInspections.id, failed.id));
    expect(row).toMatchObject({ side: 'agency', formVersion: 1, agentId: ctx.w.users['agencyA.collector'].id });
    expect(row?.sampleReason).toContain('flagged');
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inspection.record'), eq(auditLog.resourceId, failed.id)));
    expect(audits).toHaveLength(1);
    // The agency's admins hear of the fatal finding; staff see it in their list.
    const told = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, ctx.w.users['agencyA.admin'].id), eq(notifications.kind, 'inspection.fatalFound')),
      );
    expect(told).toHaveLength(1);
    const staffList = await (await as('platform.auditor')).inspections.list({ isFatalOnly: true });
    expect(staffList.items.map((i) => i.id)).toEqual([failed.id]);
    expect((await (await as('agencyB.admin')).inspections.list({})).items).toEqual([]);
    // Results per collector for the month, and the scorecard's inputs.
    const month = monthOf(new Date());
    const summary = await supervisor.inspections.summary({ month });
    expect(summary.rows).toEqual([
      expect.objectContaining({
        id: ctx.w.users['agencyA.collector'].id,
        inspected: 2,
        fatal: 1,
        averageScoreBp: Math.round(((100 - minor.weight) * 100) / 2),
      }),
    ]);
    expect(await inspectionInputs(ctx.handle.db, ctx.w.orgs.agencyA.id, month)).toEqual({
      inspected: 2,
      averageScoreBp: Math.round(((100 - minor.weight) * 100) / 2),
      fatal: 1,
    });
    const perAgency = await (await as('platform.auditor')).inspections.summary({ month });
    expect(perAgency.by).toBe('agency');
    expect(perAgency.rows.find((r) => r.id === ctx.w.orgs.agencyA.id)).toMatchObject({ inspected: 2, fatal: 1 });
  });

  it('refuses an incomplete score sheet, a failed item without a note and a stale form', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const call = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'flag' });
    const supervisor = await as('agencyA.supervisor');
    const scores = await scoresFailing();
    await expect(
      supervisor.inspections.inspect({ recordId: call.id, formVersion: 1, scores: scores.slice(1), note: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'inspection.scoresIncomplete' } });
    await expect(
      supervisor.inspections.inspect({
        recordId: call.id,
        formVersion: 1,
        scores: scores.map((s, i) => (i === 2 ? { ...s, passed: false, note: '' } : s)),
        note: '',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'inspection.noteRequired', details: { field: 'scores.2.note' } },
    });
    await expect(
      supervisor.inspections.inspect({ recordId: call.id, formVersion: 2, scores, note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'inspection.formChanged' } });
  });

  it('takes one inspection per call per side', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const call = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'violation' });
    const input = { recordId: call.id, formVersion: 1, scores: await scoresFailing(), note: '' };
    await (await as('agencyA.supervisor')).inspections.inspect(input);
    await expect((await as('agencyA.admin')).inspections.inspect(input)).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'inspection.already' },
    });
    await (await as('platform.auditor')).inspections.inspect(input);
    await expect((await as('platform.admin')).inspections.inspect(input)).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'inspection.already' },
    });
    // Staff read both sides; the agency its own.
    const staffView = await (await as('platform.admin')).inspections.get({ recordId: call.id });
    expect(staffView.mine?.side).toBe('platform');
    expect(staffView.others.map((o) => o.side)).toEqual(['agency']);
    const agencyView = await (await as('agencyA.supervisor')).inspections.get({ recordId: call.id });
    expect(agencyView.others).toEqual([]);
  });

  it('lets staff propose a sanction citing a fatal inspection, shown on the sanction', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const call = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'violation' });
    const auditor = await as('platform.auditor');
    const done = await auditor.inspections.inspect({
      recordId: call.id,
      formVersion: 1,
      scores: await scoresFailing('noThreat'),
      note: '威胁上门',
      followUp: {
        kind: 'sanction',
        sanctionKind: 'points',
        points: 6,
        endsOn: null,
        reason: '质检发现催收员以上门找家人相威胁。',
      },
    });
    expect(done.sanctionId).not.toBeNull();
    const sanction = await auditor.sanctions.get({ sanctionId: done.sanctionId ?? '' });
    expect(sanction).toMatchObject({
      kind: 'points',
      points: 6,
      agencyId: ctx.w.orgs.agencyA.id,
      inspectionId: done.id,
      inspectionRecordId: call.id,
      complaintId: null,
    });
    expect((await auditor.inspections.list({})).items[0]?.sanctionId).toBe(done.sanctionId);
    // Through the sanctions procedure too, and never citing an inspection that found nothing fatal.
    const other = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'violation' });
    const clean = await auditor.inspections.inspect({
      recordId: other.id,
      formVersion: 1,
      scores: await scoresFailing(),
      note: '',
    });
    await expect(
      auditor.sanctions.propose({
        complaintId: null,
        auditItemId: null,
        inspectionId: clean.id,
        kind: 'warning',
        points: null,
        endsOn: null,
        reason: '质检结论不构成处罚依据',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'sanction.notCitable' } });
    await expect(
      auditor.sanctions.propose({
        complaintId: null,
        auditItemId: null,
        inspectionId: done.id,
        kind: 'warning',
        points: null,
        endsOn: null,
        reason: '质检发现威胁，予以警告。',
      }),
    ).resolves.toMatchObject({ kind: 'warning', status: 'active' });
    const citing = await ctx.handle.db.select().from(sanctions).where(eq(sanctions.inspectionId, done.id));
    expect(citing).toHaveLength(2);
  });

  it('lets staff file a complaint citing the call; the agency side may not follow up', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const caseId = caseIds[0] ?? '';
    const call = await insertCall(ctx.w, { caseId, check: 'violation' });
    const failing = await scoresFailing('noDisclosure');
    await expect(
      (await as('agencyA.supervisor')).inspections.inspect({
        recordId: call.id,
        formVersion: 1,
        scores: failing,
        note: '',
        followUp: { kind: 'complaint', category: 'third_parties', description: '催收员向借款人同事透露欠款情况。' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'inspection.followUpNotAllowed' } });
    const done = await (
      await as('platform.admin')
    ).inspections.inspect({
      recordId: call.id,
      formVersion: 1,
      scores: failing,
      note: '',
      followUp: { kind: 'complaint', category: 'third_parties', description: '催收员向借款人同事透露欠款情况。' },
    });
    const [complaint] = await ctx.handle.db
      .select()
      .from(complaints)
      .where(eq(complaints.id, done.complaintId ?? ''));
    expect(complaint).toMatchObject({
      callRecordId: call.id,
      caseId,
      agencyId: ctx.w.orgs.agencyA.id,
      source: 'staff',
      category: 'third_parties',
    });
    expect((await (await as('platform.admin')).inspections.get({ recordId: call.id })).complaint?.id).toBe(
      complaint?.id,
    );
    // The call now reaches a debtor with a complaint: every other call on the case is sampled.
    const next = await insertCall(ctx.w, { caseId, id: idInRandomShare(false) });
    const queue = await (await as('agencyA.supervisor')).inspections.queue({ reason: 'complaint' });
    expect(queue.items.map((i) => i.id)).toContain(next.id);
  });
});

describe('the inspection form', () => {
  it('publishes a validated next version; earlier inspections keep theirs', async () => {
    const { caseIds } = await workingCases(ctx.w, 1);
    const call = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'violation' });
    const before = await (
      await as('agencyA.supervisor')
    ).inspections.inspect({
      recordId: call.id,
      formVersion: 1,
      scores: await scoresFailing(),
      note: '',
    });
    const admin = await as('platform.admin');
    const v1 = await admin.inspections.forms.get({});
    expect(v1.version).toBe(1);
    expect(v1.criteria.filter((c) => c.fatal).map((c) => c.key)).toEqual(
      expect.arrayContaining(['noThreat', 'noInsult', 'noImpersonation', 'noDisclosure']),
    );
    const criteria = v1.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight - 10 } : c));
    await expect(admin.inspections.forms.publish({ basedOnVersion: 1, criteria })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'inspection.formWeights', details: { field: 'criteria', values: { sum: 90 } } },
    });
    const duplicated = [...v1.criteria.slice(0, -1), { ...v1.criteria.at(-1)!, key: v1.criteria[0]!.key }];
    await expect(admin.inspections.forms.publish({ basedOnVersion: 1, criteria: duplicated })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'inspection.formDuplicateKey', details: { field: `criteria.${duplicated.length - 1}.key` } },
    });
    await expect(
      admin.inspections.forms.publish({
        basedOnVersion: 1,
        criteria: v1.criteria.map((c, i) => (i === 1 ? { ...c, label: { ...c.label, en: ' ' } } : c)),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.inspections.forms.publish({ basedOnVersion: 1, criteria: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const moved = v1.criteria.map((c, i) =>
      i === 0 ? { ...c, weight: c.weight - 10 } : i === 1 ? { ...c, weight: c.weight + 10, fatal: true } : c,
    );
    const v2 = await admin.inspections.forms.publish({ basedOnVersion: 1, criteria: moved });
    expect(v2.version).toBe(2);
    await expect(admin.inspections.forms.publish({ basedOnVersion: 1, criteria: moved })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'inspection.formStale' },
    });
    const versions = await admin.inspections.forms.list();
    expect(versions.items.map((v) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.items[0]?.inspectionCount).toBe(0);
    expect(versions.items[1]?.inspectionCount).toBeGreaterThan(0);
    // The inspection made on version 1 still reads on version 1.
    const view = await (await as('agencyA.supervisor')).inspections.get({ recordId: call.id });
    expect(view.mine?.id).toBe(before.id);
    expect(view.form).toMatchObject({ version: 1, isCurrent: false });
    const fresh = await insertCall(ctx.w, { caseId: caseIds[0] ?? '', check: 'violation' });
    expect((await (await as('agencyA.supervisor')).inspections.get({ recordId: fresh.id })).form.version).toBe(2);
  });
});
