// Exports of lists (DESIGN §3): every row the screen's filters match, masked as on screen,
// formulas neutralised, written by a background job the user follows; only the user who
// asked reads it, and a user disabled meanwhile gets nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listExports, users } from '@/db/schema';
import { sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { openFile } from '../../../domain/files/files';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { getBlobStore } from '../../../storage/store';
import { openXlsx } from '../../../tabular/xlsx';
import { readWorkbookPart } from '../../../testing/workbook';
import { importBytes, sampleCsv } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { bidAs, openPackage } from '../../../testing/packages';
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
    expect(await importBytes(ctx.w, 'creditorA.manager', `\uFEFF${toCsv(rows)}`)).toMatchObject({
      status: 'succeeded',
      rowCount: 1_200,
    });
    const manager = await as('creditorA.manager');
    const started = await manager.exports.start({ list: 'creditor.cases', format: 'csv', filters: {} });
    expect(started).toMatchObject({ status: 'queued', list: 'creditor.cases', format: 'csv' });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await manager.exports.get({ exportId: started.id });
    expect(done).toMatchObject({ status: 'succeeded', rowCount: 1_200 });
    const csv = await text(done.fileId ?? '', 'creditorA.manager');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
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
    // A finance user can sum it: the overdue amount and the days are numbers, the header stays in view.
    const { stream } = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.manager'),
      xlsx.fileId ?? '',
      getBlobStore(),
    );
    const sheetPath = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'cases.xlsx');
    writeFileSync(sheetPath, Buffer.from(await new Response(stream).arrayBuffer()));
    const read = [];
    for await (const r of (await openXlsx(sheetPath)).rows) read.push(r.cells);
    expect(read).toHaveLength(inBucket + 1);
    const first = rows.slice(1).find((r) => Math.min(12, Math.ceil(Number(r[7]) / 30)) === 1) ?? [];
    const line = read.find((cells) => cells[0] === first[0]) ?? [];
    expect(line[5]).toBe(first[7]); // days overdue
    expect(Number(line[4])).toBeGreaterThan(0); // the overdue amount in yuan, as a number
    const sheet = await readWorkbookPart(sheetPath, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<c r="E2" s="2"><v>\d+(\.\d{1,2})?<\/v><\/c><c r="F2" s="3"><v>\d+<\/v><\/c>/);
    expect(sheet).toContain('state="frozen"');
  });

  it('is for its user alone; the wrong portal, an unknown filter and a disabled user are refused', async () => {
    const manager = await as('creditorA.manager');
    const mine = await manager.exports.start({
      list: 'creditor.repayments',
      format: 'csv',
      filters: { status: 'reported' },
    });
    const admin = await as('creditorA.admin');
    await expect(admin.exports.get({ exportId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.exports.list({ limit: 10 })).items.map((e) => e.id)).not.toContain(mine.id);
    expect((await manager.exports.list({ limit: 10 })).items.map((e) => e.id)).toContain(mine.id);
    await expect(
      (await as('agencyA.admin')).exports.start({ list: 'creditor.cases', format: 'csv', filters: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      manager.exports.start({
        list: 'creditor.cases',
        format: 'csv',
        filters: { creditorId: ctx.w.orgs.creditorB.id } as never,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // Disabled before the job ran: nothing is written.
    await ctx.handle.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, ctx.w.users['creditorA.manager'].id));
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const [row] = await ctx.handle.db
      .select({ status: listExports.status, error: listExports.error, fileId: listExports.fileId })
      .from(listExports)
      .where(eq(listExports.id, mine.id));
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
    const audit = await admin.exports.start({
      list: 'staff.audit',
      format: 'csv',
      filters: { action: 'export.start', from: since },
    });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await admin.exports.get({ exportId: audit.id });
    expect(done).toMatchObject({ status: 'succeeded', rowCount: 3 });
    const csv = await text(done.fileId ?? '', 'platform.admin');
    expect(csv.split('\r\n')[0]).toBe('时间,操作,操作人,操作人机构,相关机构,对象,IP,内容');
    expect(csv).toContain('导出列表');
    await expect(
      (await as('platform.reviewer')).exports.start({ list: 'staff.audit', format: 'csv', filters: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Statements for either side, the creditor's collection activity; a collector has neither.
    const statements = await (
      await as('agencyA.admin')
    ).exports.start({ list: 'statements', format: 'xlsx', filters: { status: 'paid' } });
    const activity = await (
      await as('creditorA.viewer')
    ).exports.start({ list: 'creditor.activity', format: 'csv', filters: { isFlaggedOnly: true } });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await (await as('agencyA.admin')).exports.get({ exportId: statements.id })).toMatchObject({
      status: 'succeeded',
      rowCount: 0,
    });
    expect(await (await as('creditorA.viewer')).exports.get({ exportId: activity.id })).toMatchObject({
      status: 'succeeded',
      rowCount: 0,
    });
    await expect(
      (await as('agencyA.collector')).exports.start({ list: 'statements', format: 'csv', filters: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The creditor's packages and restructuring requests.
    const creditor = await as('creditorA.manager');
    const pkgs = await creditor.exports.start({ list: 'creditor.packages', format: 'csv', filters: {} });
    const requests = await creditor.exports.start({
      list: 'creditor.restructures',
      format: 'csv',
      filters: { status: 'proposed' },
    });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const pkgExport = await creditor.exports.get({ exportId: pkgs.id });
    expect(pkgExport).toMatchObject({ status: 'succeeded' });
    expect((await text(pkgExport.fileId ?? '', 'creditorA.manager')).split('\r\n')[0]).toBe(
      '案件包,状态,案件数,逾期本息（元）,竞标截止,委托开始,委托结束,创建时间',
    );
    expect(await creditor.exports.get({ exportId: requests.id })).toMatchObject({ status: 'succeeded', rowCount: 0 });
  });
  it('exports the creditor’s imports, the agency’s bids and marketplace, and any portal’s own users, never another tenant’s', async () => {
    // Packages: one open to every agency with bids from both, one only agencyB was invited to.
    const pkg = await openPackage(ctx.w, {}, 12, 'EXA');
    await openPackage(ctx.w, { bidderCircle: 'invited', invitedAgencyIds: [ctx.w.orgs.agencyB.id] }, 12, 'EXB');
    await bidAs(ctx.w, 'agencyA.admin', pkg.id, { feeBp: 2500 });
    await bidAs(ctx.w, 'agencyB.admin', pkg.id, { feeBp: 2200 });
    await importBytes(ctx.w, 'creditorB.manager', sampleCsv(3, 'EXC'), 'creditorB-cases.csv');

    const exported = async (
      who: UserKey,
      request: Parameters<Awaited<ReturnType<typeof as>>['exports']['start']>[0],
    ) => {
      const caller = await as(who);
      const started = await caller.exports.start(request);
      await drainJobs(ctx.handle.db, JOB_HANDLERS);
      const done = await caller.exports.get({ exportId: started.id });
      expect(done.status).toBe('succeeded');
      return (await text(done.fileId ?? '', who))
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };

    // The creditor's case files (the two packages' imports), not creditorB's; no repayment files yet.
    const imports = await exported('creditorA.viewer', {
      list: 'creditor.imports',
      format: 'csv',
      filters: { kind: 'cases' },
    });
    expect(imports[0]).toBe('时间,文件,类型,状态,数据行,错误数,结果,完成时间');
    expect(imports).toHaveLength(3);
    expect(imports[1]).toContain('cases.csv,案件文件,已导入,12,0,');
    expect(imports.join('\n')).not.toContain('creditorB-cases.csv');
    expect(
      await exported('creditorA.viewer', { list: 'creditor.imports', format: 'csv', filters: { kind: 'repayments' } }),
    ).toHaveLength(1);

    // The agency's own bid only, and only the packages it may see.
    const bids = await exported('agencyA.supervisor', { list: 'agency.bids', format: 'csv', filters: {} });
    expect(bids[0]).toBe('案件包,佣金比例,预期回收率,团队人数,状态,竞标截止,报价时间');
    expect(bids).toHaveLength(2);
    expect(bids[1]).toMatch(/^EXA 包,25%,18%,30,有效,/);
    const market = await exported('agencyA.admin', {
      list: 'agency.market',
      format: 'csv',
      filters: { sort: 'newest' },
    });
    expect(market[0]).toBe('案件包,委托方,状态,案件数,逾期本息（元）,预期回收率,最低等级,竞标截止,委托开始,委托结束');
    expect(market).toHaveLength(2);
    expect(market[1]).toMatch(/^EXA 包,creditorA 机构,竞标中,12,[\d.]+,15%,不限,/);
    expect(
      (await exported('agencyB.admin', { list: 'agency.market', format: 'csv', filters: {} }))
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).toEqual(['EXA 包', 'EXB 包']);

    // The users of the caller's own organization, in every portal.
    const creditorUsers = await exported('creditorA.manager', { list: 'users', format: 'csv', filters: {} });
    expect(creditorUsers[0]).toBe('姓名,邮箱,角色,状态,最近登录,创建时间');
    expect(
      creditorUsers
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).toEqual(['creditorA admin', 'creditorA manager', 'creditorA viewer']);
    expect(creditorUsers.join('\n')).toContain(
      `creditorA viewer,${ctx.w.users['creditorA.viewer'].email},只读查看,正常`,
    );
    expect(creditorUsers.join('\n')).not.toContain('creditorB');
    expect(await exported('platform.admin', { list: 'users', format: 'csv', filters: {} })).toHaveLength(5);
    expect(await exported('agencyA.supervisor', { list: 'users', format: 'csv', filters: {} })).toHaveLength(4);

    // The wrong portal or role is refused; the filters cannot name a tenant.
    const refused = [
      ['agencyA.admin', { list: 'creditor.imports', format: 'csv', filters: {} }],
      ['creditorA.admin', { list: 'agency.bids', format: 'csv', filters: {} }],
      ['creditorA.admin', { list: 'agency.market', format: 'csv', filters: {} }],
      ['agencyA.collector', { list: 'agency.market', format: 'csv', filters: {} }],
      ['agencyA.collector', { list: 'users', format: 'csv', filters: {} }],
      ['creditorA.viewer', { list: 'users', format: 'csv', filters: {} }],
    ] as const;
    for (const [who, request] of refused)
      await expect((await as(who)).exports.start(request)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await as('creditorA.admin')).exports.start({
        list: 'users',
        format: 'csv',
        filters: { orgId: ctx.w.orgs.creditorB.id } as never,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
