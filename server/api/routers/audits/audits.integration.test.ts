// Field audits (稽核): an auditor draws a random share of one agency's recorded visits and
// actions in a past period, or everything on chosen cases, reviews each record, and a
// violation goes on as a complaint; the audit completes only when every record is
// reviewed. Only that agency's records are drawn; every step is audited.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, complaints, fieldVisits } from '@/db/schema';
import { sampleSize } from '../../../domain/audits/audits';
import { openFile } from '../../../domain/files/files';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { getBlobStore } from '../../../storage/store';
import { shanghaiDate } from '@/lib/dates';
import { logAction } from '../../../domain/work/actions';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const yesterday = () => shanghaiDate(new Date(Date.now() - 86_400_000));
const today = () => shanghaiDate(new Date());

/** agencyA's six cases, each with one unanswered call yesterday morning, and one recorded visit on the first. */
const workedYesterday = async () => {
  const made = await workingCases(ctx.w, 6);
  const collector = await domainCaller(ctx.w, 'agencyA.collector');
  for (const caseId of made.caseIds) {
    await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '无人接听' },
      morning('10:00:00', -1),
    );
  }
  const first = made.caseIds[0] ?? '';
  const [row] = await ctx.handle.db
    .select({ commissionId: cases.commissionId, creditorId: cases.creditorId })
    .from(cases)
    .where(eq(cases.id, first));
  await ctx.handle.db.insert(fieldVisits).values({
    caseId: first,
    creditorId: row?.creditorId ?? '',
    agencyId: ctx.w.orgs.agencyA.id,
    commissionId: row?.commissionId ?? '',
    plannedBy: ctx.w.users['agencyA.collector'].id,
    plannedFor: morning('14:00:00', -1),
    address: '深圳市南山区科技园某路 1 号',
    status: 'visited',
    visitedAt: morning('14:05:00', -1),
  });
  return made;
};

describe('creating an audit', () => {
  it('draws a random share of the agency’s visits and actions in the period, and nobody else’s', async () => {
    const made = await workedYesterday();
    const auditor = await as('platform.auditor');
    const created = await auditor.audits.create({
      method: 'random',
      agencyId: ctx.w.orgs.agencyA.id,
      periodFrom: yesterday(),
      periodTo: today(),
      sampleBp: 5_000,
    });
    expect(created.itemCount).toBe(sampleSize(1, 5_000) + sampleSize(6, 5_000));
    const items = (await auditor.audits.items({ auditId: created.id, limit: 100 })).items;
    expect(items.filter((i) => i.kind === 'visit')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'action')).toHaveLength(3);
    expect(items.every((i) => made.caseIds.includes(i.caseId) && i.finding === null)).toBe(true);
    expect(items.find((i) => i.kind === 'action')).toMatchObject({
      channel: 'call',
      outcome: 'unanswered',
      actionNote: '无人接听',
    });
    expect(await auditor.audits.get({ auditId: created.id })).toMatchObject({
      agencyName: ctx.w.orgs.agencyA.name,
      method: 'random',
      sampleBp: 5_000,
      reviewed: 0,
      status: 'open',
    });
    const [row] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.create'), eq(auditLog.resourceId, created.id)));
    expect(row?.after).toMatchObject({ visits: 1, actions: 3, ofVisits: 1, ofActions: 6 });

    // agencyB did nothing in the period: nothing to draw.
    await expect(
      auditor.audits.create({
        method: 'random',
        agencyId: ctx.w.orgs.agencyB.id,
        periodFrom: yesterday(),
        periodTo: today(),
        sampleBp: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('takes every record of chosen cases, and names a contract the agency never worked; refuses a period ahead or reversed', async () => {
    const made = await workedYesterday();
    const auditor = await as('platform.auditor');
    const rows = await ctx.handle.db
      .select({ contractNo: cases.contractNo, id: cases.id })
      .from(cases)
      .where(eq(cases.packageId, made.pkg.id));
    const first = rows.find((r) => r.id === made.caseIds[0]);
    const chosen = await auditor.audits.create({
      method: 'chosen',
      agencyId: ctx.w.orgs.agencyA.id,
      periodFrom: yesterday(),
      periodTo: today(),
      contractNos: [first?.contractNo ?? ''],
    });
    expect(chosen.itemCount).toBe(2);
    const period = { periodFrom: yesterday(), periodTo: today() };
    await expect(
      auditor.audits.create({
        method: 'chosen',
        agencyId: ctx.w.orgs.agencyB.id,
        ...period,
        contractNos: [first?.contractNo ?? ''],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      auditor.audits.create({
        method: 'random',
        agencyId: ctx.w.orgs.agencyA.id,
        periodFrom: today(),
        periodTo: yesterday(),
        sampleBp: 1_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      auditor.audits.create({
        method: 'random',
        agencyId: ctx.w.orgs.agencyA.id,
        periodFrom: today(),
        periodTo: shanghaiDate(new Date(Date.now() + 2 * 86_400_000)),
        sampleBp: 1_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      auditor.audits.create({ method: 'random', agencyId: ctx.w.orgs.creditorA.id, ...period, sampleBp: 1_000 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      auditor.audits.create({ method: 'random', agencyId: ctx.w.orgs.agencyA.id, ...period, sampleBp: 50 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('reviewing an audit', () => {
  it('records findings, opens a complaint from a violation once, and completes only when every record is reviewed', async () => {
    await workedYesterday();
    const auditor = await as('platform.auditor');
    const { id: auditId } = await auditor.audits.create({
      method: 'random',
      agencyId: ctx.w.orgs.agencyA.id,
      periodFrom: yesterday(),
      periodTo: today(),
      sampleBp: 3_000,
    });
    const items = (await auditor.audits.items({ auditId, limit: 100 })).items;
    const [visit, ...actions] = [
      ...items.filter((i) => i.kind === 'visit'),
      ...items.filter((i) => i.kind === 'action'),
    ];
    if (!visit) throw new Error('no visit drawn');
    await expect(auditor.audits.review({ itemId: visit.id, finding: 'violation', note: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await auditor.audits.review({
      itemId: visit.id,
      finding: 'violation',
      note: '外访只有一人到场，录像显示催收员拍打房门并大声辱骂。',
    });
    await expect(auditor.audits.complete({ auditId, summary: '抽查外访与电话记录。' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const filed = await auditor.audits.complain({ itemId: visit.id, category: 'threats' });
    expect(filed.reference).toMatch(/^C-\d{4}-\d{6}$/);
    await expect(auditor.audits.complain({ itemId: visit.id, category: 'threats' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const [complaint] = await ctx.handle.db.select().from(complaints).where(eq(complaints.id, filed.complaintId));
    expect(complaint).toMatchObject({
      source: 'staff',
      agencyId: ctx.w.orgs.agencyA.id,
      caseId: visit.caseId,
      category: 'threats',
    });
    expect(complaint?.description).toContain('拍打房门');
    for (const a of actions) await auditor.audits.review({ itemId: a.id, finding: 'pass', note: '' });
    await expect(auditor.audits.complain({ itemId: actions[0]?.id ?? '', category: 'other' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await auditor.audits.get({ auditId })).toMatchObject({
      reviewed: items.length,
      findings: { pass: actions.length, issue: 0, violation: 1 },
    });
    expect(
      (await auditor.audits.items({ auditId, finding: 'violation', limit: 10 })).items.map(
        (i) => i.complaint?.reference,
      ),
    ).toEqual([filed.reference]);
    expect((await auditor.audits.items({ auditId, finding: 'unreviewed', limit: 10 })).items).toEqual([]);
    expect(await auditor.audits.item({ itemId: visit.id })).toMatchObject({
      audit: { id: auditId, agencyName: ctx.w.orgs.agencyA.name },
      item: { id: visit.id, finding: 'violation', kind: 'visit' },
    });
    expect(await auditor.audits.complete({ auditId, summary: '外访 1 次违规，已转投诉处理；电话记录合规。' })).toEqual({
      id: auditId,
      status: 'completed',
    });
    await expect(auditor.audits.review({ itemId: visit.id, finding: 'pass', note: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      (await (await as('platform.complaints')).audits.list({ agencyId: ctx.w.orgs.agencyA.id, limit: 10 })).items.find(
        (a) => a.id === auditId,
      ),
    ).toMatchObject({ status: 'completed', summary: '外访 1 次违规，已转投诉处理；电话记录合规。' });
    // The audits list exports for staff with its filters.
    const started = await auditor.exports.start({
      list: 'staff.audits',
      format: 'csv',
      filters: { status: 'completed' },
    });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await auditor.exports.get({ exportId: started.id });
    const { stream } = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'platform.auditor'),
      done.fileId ?? '',
      getBlobStore(),
    );
    const csv = new TextDecoder().decode(await new Response(stream).arrayBuffer());
    expect(csv.split('\r\n')[0]?.replace(/^\uFEFF/, '')).toBe(
      '处置机构,期间自,期间至,抽样方式,抽样记录,已复核,合规,有问题,违规,状态,稽核人,创建时间,结论',
    );
    expect(csv).toContain('外访 1 次违规，已转投诉处理；电话记录合规。');
    await expect(
      (await as('agencyA.admin')).exports.start({ list: 'staff.audits', format: 'csv', filters: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const actionsLogged = (
      await ctx.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.orgId, ctx.w.orgs.agencyA.id))
    ).map((r) => r.action);
    expect(actionsLogged.filter((a) => a === 'audit.review')).toHaveLength(items.length);
    expect(actionsLogged).toContain('audit.complete');
  });
});
