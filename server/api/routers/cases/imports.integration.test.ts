// Case import (DESIGN §5, §6): a CSV or XLSX lands whole or not at all; the report names
// every bad row with row number, column and reason; ID and phone numbers are stored only
// encrypted, with a blind index and a mask; one creditor never sees another's imports.
import { and, count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { auditLog, caseImports, cases, jobs } from '@/db/schema';
import { overdueSinceFor } from '@/lib/cases';
import { shanghaiDate } from '@/lib/dates';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { CASE_FILE_HEADERS, sampleCaseRow, sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { samplePdf } from '@/db/seed/sample-pdf';
import { runImport } from '../../../domain/cases/case-import';
import { openFile } from '../../../domain/files/files';
import { blindIndex, decryptPii } from '../../../pii/crypto';
import { getBlobStore, type BlobStore } from '../../../storage/store';
import { importBytes, sampleCsv, sampleXlsx } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs, domainCaller } from '../../../testing/world';
import { describeError } from '../../errors';

const ctx = freshWorldPerTest();

const caseCount = async (creditorId = ctx.w.orgs.creditorA.id) =>
  (await ctx.handle.db.select({ n: count() }).from(cases).where(eq(cases.creditorId, creditorId)))[0]?.n ?? 0;

const readText = async (s: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(s).arrayBuffer());

describe('a good file lands whole', () => {
  it('imports a UTF-8 CSV: fen, the day it became overdue, province code, PII sealed and masked, audited', async () => {
    const imp = await importBytes(ctx.w, 'creditorA.manager', sampleCsv(30));
    expect(imp).toMatchObject({
      status: 'succeeded',
      format: 'csv',
      encoding: 'utf-8',
      rowCount: 30,
      errorCount: 0,
      fileError: null,
    });
    expect(await caseCount()).toBe(30);
    const [first] = await ctx.handle.db.select().from(cases).where(eq(cases.contractNo, 'HT00000001'));
    const row = sampleCaseRow(1);
    expect(first).toMatchObject({
      debtorName: row[1],
      // The file's days overdue are as of the day it was uploaded: the case ages from that day.
      overdueFrom: overdueSinceFor(Number(row[7]), shanghaiDate(imp.createdAt)),
      overdueSince: overdueSinceFor(Number(row[7]), shanghaiDate(imp.createdAt)),
      province: '33',
      status: 'new',
    });
    expect(first?.loanAmount).toBe(Number(row[4]?.replace('.00', '')) * 100);
    // The ID number is stored only encrypted; the index finds it; the mask shows 3 + 4.
    expect(first?.idNumberEnc).not.toContain(row[2]);
    expect(decryptPii(first?.idNumberEnc ?? '')).toBe(row[2]);
    expect(first?.idNumberIdx).toBe(blindIndex(row[2] ?? ''));
    expect(first?.idNumberMasked).toBe(`${row[2]?.slice(0, 3)}***********${row[2]?.slice(-4)}`);
    expect(first?.phones[0]?.masked).toMatch(/^138\*{4}\d{4}$/);
    expect(JSON.stringify(first?.phones)).not.toContain(row[3]);
    expect(first?.contacts[0]).toMatchObject({ name: row[13], relation: row[14] });
    const audits = await ctx.handle.db.select().from(auditLog).where(eq(auditLog.resourceId, imp.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['case.importStarted', 'case.imported']);
  });

  it('imports GB18030 (what Excel on a Chinese system writes) and an XLSX workbook', async () => {
    const gb = await importBytes(ctx.w, 'creditorA.admin', iconv.encode(toCsv(sampleCaseRows(5, 'GB')), 'gb18030'));
    expect(gb).toMatchObject({ status: 'succeeded', encoding: 'gb18030', rowCount: 5 });
    const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.contractNo, 'GB00000002'));
    expect(c?.debtorName).toBe(sampleCaseRow(2)[1]);
    const xlsx = await importBytes(ctx.w, 'creditorA.admin', await sampleXlsx(sampleCaseRows(7, 'XL')), 'cases.xlsx');
    expect(xlsx).toMatchObject({ status: 'succeeded', format: 'xlsx', rowCount: 7 });
    expect(await caseCount()).toBe(12);
  });

  it('matches headers by English alias in any order and keeps unknown columns, formulas as text', async () => {
    const rows = [...sampleCaseRows(2, 'EN')];
    const order = [3, 0, 2, 1, 4, 5, 6, 7];
    const aliases = [
      'phone',
      'contract_no',
      'id_number',
      'debtor_name',
      'loan_amount',
      'principal_outstanding',
      'amount_overdue',
      'days_overdue',
    ];
    const csv = toCsv([
      [...aliases, '备注'],
      ...rows.slice(1).map((r) => [...order.map((i) => r[i] ?? ''), '=HYPERLINK("http://x","点我")']),
    ]);
    const imp = await importBytes(ctx.w, 'creditorA.admin', csv);
    expect(imp).toMatchObject({ status: 'succeeded', rowCount: 2, extraColumns: ['备注'] });
    const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.contractNo, 'EN00000000'));
    expect(c?.extra).toEqual({ 备注: '=HYPERLINK("http://x","点我")' });
  });
});

describe('a bad file lands not at all', () => {
  it('lists every bad row with row number, column and reason; nothing is written; the report names no PII', async () => {
    const rows = [...sampleCaseRows(6, 'BAD')];
    rows[2] = rows[2]!.map((v, i) => (i === 2 ? '110105199001011235' : v)); // wrong check digit → file row 3
    rows[4] = rows[4]!.map((v, i) => (i === 3 ? '=cmd|calc' : i === 7 ? '0' : v)); // row 5: phone and days
    rows[6] = rows[6]!.map((v, i) => (i === 0 ? rows[1]![0]! : v)); // row 7 repeats row 2's contract
    const imp = await importBytes(ctx.w, 'creditorA.manager', toCsv(rows));
    expect(imp).toMatchObject({ status: 'failed', rowCount: 6, errorCount: 4 });
    expect(imp.errors).toEqual([
      { row: 3, column: '身份证号', code: 'idNumber' },
      { row: 5, column: '手机号', code: 'phone' },
      { row: 5, column: '逾期天数', code: 'days' },
      { row: 7, column: '合同编号', code: 'duplicateInFile', values: { value: 'BAD00000000', row: 2 } },
    ]);
    expect(await caseCount()).toBe(0);
    const report = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.manager'),
      imp.reportFileId ?? '',
      getBlobStore(),
    );
    const text = await readText(report.stream);
    expect(text.split('\r\n')[0]).toBe('行号 Row,列 Column,原因,Reason');
    expect(text).toContain(
      '3,身份证号,不是有效的 18 位身份证号（校验位或出生日期不对）,Not a valid 18-character resident ID number',
    );
    expect(text).toContain('5,手机号,不是有效的大陆手机号（1 开头的 11 位数字）,Not a valid mainland mobile number');
    // Bad values are not copied into the report: it is kept, and ID and phone numbers are never stored in clear.
    expect(text).not.toContain('110105199001011235');
    expect(text.trim().split('\r\n')).toHaveLength(5);
  });

  it('reports contract numbers imported before, also after the first bad row', async () => {
    await importBytes(ctx.w, 'creditorA.manager', sampleCsv(3, 'DUP'));
    const rows = [...sampleCaseRows(3, 'NEW')];
    rows[1] = rows[1]!.map((v, i) => (i === 2 ? 'not-an-id' : v));
    rows[3] = sampleCaseRow(1, 'DUP');
    const imp = await importBytes(ctx.w, 'creditorA.manager', toCsv(rows));
    expect(imp.errors).toEqual([
      { row: 2, column: '身份证号', code: 'idNumber' },
      { row: 4, column: '合同编号', code: 'duplicateExisting', values: { value: 'DUP00000001' } },
    ]);
    expect(await caseCount()).toBe(3);
  });

  it('the same contract number at another creditor is not a duplicate', async () => {
    await importBytes(ctx.w, 'creditorA.manager', sampleCsv(2, 'SAME'));
    expect(await importBytes(ctx.w, 'creditorB.manager', sampleCsv(2, 'SAME'))).toMatchObject({ status: 'succeeded' });
  });

  it.each([
    ['a header row only', `${CASE_FILE_HEADERS.join(',')}\r\n`, { code: 'empty' }],
    [
      'missing required headers, all named',
      '合同编号,借款人姓名,手机号\r\nHT1,张三,13800138000\r\n',
      {
        code: 'missingHeaders',
        values: {
          columns:
            '身份证号 (id_number)、放款金额 (loan_amount)、剩余本金 (principal_outstanding)、逾期本息合计 (amount_overdue)、逾期天数 (days_overdue)',
        },
      },
    ],
    ['UTF-16 text', iconv.encode(`\uFEFF${toCsv(sampleCaseRows(2))}`, 'utf16le'), { code: 'encodingUnsupported' }],
    [
      'a 50 MB single line',
      `${CASE_FILE_HEADERS.join(',')}\r\n${'x'.repeat(50 * 1024 * 1024)}\r\n`,
      { code: 'rowTooLong', values: { row: 2 } },
    ],
    [
      'a zip that is not a workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
      { code: 'notSpreadsheet' },
    ],
  ])('refuses %s with a file error and writes nothing', async (_why, bytes, fileError) => {
    const imp = await importBytes(ctx.w, 'creditorA.manager', bytes);
    expect(imp).toMatchObject({ status: 'failed', fileError, reportFileId: null });
    expect(await caseCount()).toBe(0);
    const failed = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, imp.id), eq(auditLog.action, 'case.importFailed')));
    expect(failed).toHaveLength(1);
  });

  it('refuses to import a PDF', async () => {
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const pdf = await manager.files.upload(new Blob([new Uint8Array(samplePdf(['x']))]));
    const error: unknown = await manager.cases.imports
      .start({ fileId: pdf.id, fileName: 'x.pdf' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(describeError('zh-CN', error as never)).toMatchObject({
      message: '导入只接受 CSV 或 XLSX 表格',
      fieldErrors: { fileId: ['导入只接受 CSV 或 XLSX 表格'] },
    });
  });
});

describe('the job', () => {
  it('leaves nothing behind when it dies part way, and lands on the next attempt', async () => {
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const file = await manager.files.upload(new Blob([sampleCsv(2500, 'CRASH')]));
    const imp = await manager.cases.imports.start({ fileId: file.id, fileName: 'big.csv' });
    const real = getBlobStore();
    // Bytes that stop arriving after 200 kB: the transaction is rolled back.
    const failing: BlobStore = {
      ...real,
      get: async (key) => {
        const bytes = await real.get(key);
        if (!bytes) return null;
        let seen = 0;
        return bytes.pipeThrough(
          new TransformStream({
            transform(chunk, c) {
              seen += chunk.byteLength;
              if (seen > 200_000) c.error(new Error('storage connection lost'));
              else c.enqueue(chunk);
            },
          }),
        );
      },
    };
    await expect(runImport(ctx.handle.db, imp.id, failing)).rejects.toThrow();
    expect(await caseCount()).toBe(0);
    await runImport(ctx.handle.db, imp.id, real);
    expect(await manager.cases.imports.get({ importId: imp.id })).toMatchObject({
      status: 'succeeded',
      rowCount: 2500,
    });
    // Running it again changes nothing.
    await runImport(ctx.handle.db, imp.id, real);
    expect(await caseCount()).toBe(2500);
  });
});

describe('the job giving up', () => {
  it('marks the import failed after the last attempt, so its page stops waiting', async () => {
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const file = await manager.files.upload(new Blob([sampleCsv(3, `GV${Date.now()}`)]));
    const imp = await manager.cases.imports.start({ fileId: file.id, fileName: 'x.csv' });
    // The stored bytes are gone (storage lost them): every attempt fails; this is the last.
    await rm(path.join(process.env.STORAGE_DIR ?? '', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256));
    await ctx.handle.db.update(jobs).set({ attempts: 2, maxAttempts: 3 }).where(eq(jobs.key, imp.id));
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await manager.cases.imports.get({ importId: imp.id })).toMatchObject({
      status: 'failed',
      fileError: { code: 'internal' },
    });
    const [job] = await ctx.handle.db.select().from(jobs).where(eq(jobs.key, imp.id));
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await caseCount()).toBe(0);
  });
});

describe('tenancy', () => {
  it('another creditor cannot read the import or import a file it does not own', async () => {
    const imp = await importBytes(ctx.w, 'creditorA.manager', sampleCsv(1));
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    await expect(other.cases.imports.get({ importId: imp.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await ctx.handle.db.select().from(caseImports).where(eq(caseImports.id, imp.id));
    await expect(other.cases.imports.start({ fileId: row?.fileId ?? '', fileName: 'x.csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await other.cases.imports.list({ limit: 10 })).items).toEqual([]);
    expect(
      (
        await (await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer'])).cases.imports.list({ limit: 10 })
      ).items.map((i) => i.id),
    ).toEqual([imp.id]);
  });
});
