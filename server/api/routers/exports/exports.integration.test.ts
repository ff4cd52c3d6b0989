// Exports of lists (DESIGN §3): every row the screen's filters match, masked as on screen,
// formulas neutralised, written by a background job the user follows; only the user who
// asked reads it, and a user disabled meanwhile gets nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listExports, users } from '@/db/schema';
import { sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { openFile } from '../../../domain/files/files';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { getBlobStore } from '../../../storage/store';
import { importBytes } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const text = async (fileId: string, who: UserKey) => {
  const { stream } = await openFile(ctx.handle.db, await domainCaller(ctx.w, who), fileId, getBlobStore());
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
};

describe('exporting a list', () => {
  it('writes every row the filters match, across pages, masked, with formulas neutralised', async () => {
    // 1,200 cases (three pages of the job) and one whose contract number reads as a formula.
    const rows = [...sampleCaseRows(1_200, 'EX')];
    rows[5] = [...(rows[5] ?? [])];
    rows[5][0] = '=HYPERLINK("http://x")';
    expect(await importBytes(ctx.w, 'creditorA.manager', `\uFEFF${toCsv(rows)}`)).toMatchObject({ status: 'succeeded', rowCount: 1_200 });
    const manager = await as('creditorA.manager');
    const started = await manager.exports.start({ list: 'creditor.cases', format: 'csv', filters: {} });
    expect(started).toMatchObject({ status: 'queued', list: 'creditor.cases', format: 'csv' });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await manager.exports.get({ exportId: started.id });
    expect(done).toMatchObject({ status: 'succeeded', rowCount: 1_200 });
    const csv = await text(done.fileId ?? '', 'creditorA.manager');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1_201);
    expect(lines[0]).toBe('合同编号,借款人,身份证号,手机号,逾期本息（元）,逾期天数,账龄,省份,状态,处置机构,催收员');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    // Never a whole ID or phone number: the file is masked as the screen is.
    const sample = rows[2] ?? [];
    expect(csv).not.toContain(sample[2]);
    expect(csv).not.toContain(sample[3]?.split(';')[0]);
    expect(csv).toMatch(/\d{3}\*{11}[\dX]{4}/);

    // A filter narrows it; the workbook is a workbook.
    const bucket = await manager.exports.start({ list: 'creditor.cases', format: 'xlsx', filters: { bucket: 1 } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const xlsx = await manager.exports.get({ exportId: bucket.id });
    const inBucket = rows.slice(1).filter((r) => Math.min(12, Math.ceil(Number(r[7]) / 30)) === 1).length;
    expect(xlsx).toMatchObject({ status: 'succeeded', rowCount: inBucket, format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/^案件 \d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('is for its user alone; the wrong portal, an unknown filter and a disabled user are refused', async () => {
    const manager = await as('creditorA.manager');
    const mine = await manager.exports.start({ list: 'creditor.repayments', format: 'csv', filters: { status: 'reported' } });
    const admin = await as('creditorA.admin');
    await expect(admin.exports.get({ exportId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.exports.list({ limit: 10 })).items.map((e) => e.id)).not.toContain(mine.id);
    expect((await manager.exports.list({ limit: 10 })).items.map((e) => e.id)).toContain(mine.id);
    await expect((await as('agencyA.admin')).exports.start({ list: 'creditor.cases', format: 'csv', filters: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(manager.exports.start({ list: 'creditor.cases', format: 'csv', filters: { creditorId: ctx.w.orgs.creditorB.id } as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // Disabled before the job ran: nothing is written.
    await ctx.handle.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, ctx.w.users['creditorA.manager'].id));
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const [row] = await ctx.handle.db.select({ status: listExports.status, error: listExports.error, fileId: listExports.fileId }).from(listExports).where(eq(listExports.id, mine.id));
    expect(row).toEqual({ status: 'failed', error: 'auth.accountDisabled', fileId: null });
  });

  it('exports the staff’s visit list platform-wide, an agency’s own cases only, and the audit log for staff who read it', async () => {
    const since = new Date().toISOString();
    const staff = await as('platform.auditor');
    const visits = await staff.exports.start({ list: 'visits', format: 'csv', filters: { isFlaggedOnly: true } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await staff.exports.get({ exportId: visits.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });
    const agency = await as('agencyB.admin');
    const cases = await agency.exports.start({ list: 'agency.cases', format: 'csv', filters: {} });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await agency.exports.get({ exportId: cases.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });

    // The audit log, for those who may read it, with its filters: here, the exports just made.
    const admin = await as('platform.admin');
    const audit = await admin.exports.start({ list: 'staff.audit', format: 'csv', filters: { action: 'export.start', from: since } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await admin.exports.get({ exportId: audit.id });
    expect(done).toMatchObject({ status: 'succeeded', rowCount: 3 });
    const csv = await text(done.fileId ?? '', 'platform.admin');
    expect(csv.split('\r\n')[0]).toBe('时间,操作,操作人,操作人机构,相关机构,对象,IP,内容');
    expect(csv).toContain('导出列表');
    await expect((await as('platform.reviewer')).exports.start({ list: 'staff.audit', format: 'csv', filters: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Statements for either side, the creditor's collection activity; a collector has neither.
    const statements = await (await as('agencyA.admin')).exports.start({ list: 'statements', format: 'xlsx', filters: { status: 'paid' } });
    const activity = await (await as('creditorA.viewer')).exports.start({ list: 'creditor.activity', format: 'csv', filters: { isFlaggedOnly: true } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await (await as('agencyA.admin')).exports.get({ exportId: statements.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });
    expect(await (await as('creditorA.viewer')).exports.get({ exportId: activity.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });
    await expect((await as('agencyA.collector')).exports.start({ list: 'statements', format: 'csv', filters: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The creditor's packages and restructuring requests.
    const creditor = await as('creditorA.manager');
    const pkgs = await creditor.exports.start({ list: 'creditor.packages', format: 'csv', filters: {} });
    const requests = await creditor.exports.start({ list: 'creditor.restructures', format: 'csv', filters: { status: 'proposed' } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const pkgExport = await creditor.exports.get({ exportId: pkgs.id });
    expect(pkgExport).toMatchObject({ status: 'succeeded' });
    expect((await text(pkgExport.fileId ?? '', 'creditorA.manager')).split('\r\n')[0]).toBe('案件包,状态,案件数,逾期本息（元）,竞标截止,委托开始,委托结束,创建时间');
    expect(await creditor.exports.get({ exportId: requests.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });
  });
});
