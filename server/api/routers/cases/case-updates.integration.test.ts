// The creditor's update file (失联修复, issue 17 §7): for cases already imported, new
// balances, numbers to add or retire, an address, contacts, by contract number. It lands
// whole or not at all; every bad row is named by row and column; another creditor's
// contract answers exactly like a missing one; changes are kept as history with the old
// value, numbers sealed; a retired number keeps its place so past actions still show it.
import { and, eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { caseChanges, cases } from '@/db/schema';
import { decryptPii } from '../../../pii/crypto';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { importBytes, sampleCsv, sampleXlsx } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const caseByContract = async (contractNo: string) =>
  (
    await ctx.handle.db
      .select()
      .from(cases)
      .where(and(eq(cases.contractNo, contractNo), eq(cases.creditorId, ctx.w.orgs.creditorA.id)))
  )[0]!;
let files = 0;

const updateFile = async (bytes: Uint8Array | string, who: UserKey = 'creditorA.manager', fileName = '更新.csv') => {
  const caller = await callerAs(ctx.handle.db, ctx.w.users[who]);
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const started = await caller.cases.updates.start({
    fileId: (await caller.files.upload(new Blob([new Uint8Array(data)]))).id,
    fileName,
  });
  await drainJobs(ctx.handle.db, JOB_HANDLERS);
  return caller.cases.updates.get({ importId: started.id });
};

/** creditorA's imported cases HT00000000… (case 0 has two numbers). */
const imported = async (count = 3, prefix = `UP${(files += 1)}x`) => {
  await importBytes(ctx.w, 'creditorA.manager', sampleCsv(count, prefix));
  return Promise.all(Array.from({ length: count }, (_, i) => caseByContract(`${prefix}${String(i).padStart(8, '0')}`)));
};

describe('an update file', () => {
  it('changes balances, adds and retires numbers, moves the address and adds a contact, each kept in the history', async () => {
    const [a, b] = await imported();
    const retired = decryptPii(a!.phones[1]!.enc);
    const imp = await updateFile(
      csv([
        [
          '合同编号',
          '剩余本金',
          '逾期本息合计',
          '新增手机号',
          '停用号码',
          '地址',
          '联系人1姓名',
          '联系人1关系',
          '联系人1电话',
        ],
        [
          a!.contractNo,
          '"1,234.56"',
          '¥999.00',
          '13612345678;+86 135 0000 1111',
          retired,
          '上海市浦东新区世纪大道 1 号',
          '',
          '',
          '',
        ],
        [b!.contractNo, '', '', '', '', '', '王芳', '姐姐', '13512340000'],
      ]),
    );
    expect(imp).toMatchObject({ kind: 'updates', status: 'succeeded', rowCount: 2, errorCount: 0 });
    const after = await caseByContract(a!.contractNo);
    expect(after.principalOutstanding).toBe(123_456);
    expect(after.amountOverdue).toBe(99_900);
    expect(after.address).toBe('上海市浦东新区世纪大道 1 号');
    // Positions never move: the first two numbers stay where they were, the new ones follow.
    expect(after.phones.map((p) => p.idx).slice(0, 2)).toEqual(a!.phones.map((p) => p.idx));
    expect(after.phones[1]?.retiredAt).toBeTruthy();
    expect(after.phones.slice(2).map((p) => decryptPii(p.enc))).toEqual(['13612345678', '13500001111']);
    expect(after.phones[2]).toMatchObject({ source: 'creditor_file', masked: '136****5678' });
    const bAfter = await caseByContract(b!.contractNo);
    expect(bAfter.contacts.at(-1)).toMatchObject({ name: '王芳', relation: '姐姐', source: 'creditor_file' });

    const history = await ctx.handle.db.select().from(caseChanges).where(eq(caseChanges.caseId, a!.id));
    expect(history.map((h) => h.field).sort()).toEqual(
      ['address', 'amount_overdue', 'phone_added', 'phone_added', 'phone_retired', 'principal_outstanding'].sort(),
    );
    expect(history.find((h) => h.field === 'principal_outstanding')).toMatchObject({
      oldValue: { amount: a!.principalOutstanding },
      newValue: { amount: 123_456 },
      source: 'creditor_file',
      importId: imp.id,
      orgId: ctx.w.orgs.creditorA.id,
    });
    expect(history.find((h) => h.field === 'address')?.oldValue).toEqual({ address: a!.address });
    // Sealed only: no number in clear anywhere in the history.
    const text = JSON.stringify(history);
    for (const n of ['13612345678', '13500001111', retired]) expect(text).not.toContain(n);

    // The creditor reads the history on its case page, masked.
    const viewer = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const changes = await viewer.record.changes({ caseId: a!.id });
    expect(changes).toHaveLength(6);
    expect(changes.find((c) => c.field === 'phone_retired')?.oldValue).toMatchObject({ kind: 'phone', position: 1 });
    const record = await viewer.record.case({ caseId: a!.id });
    expect(record.numbers[1]?.retiredAt).toBeTruthy();
    expect(record.numbers[2]).toMatchObject({ source: 'creditor_file', retiredAt: null });
  });

  it('lands nothing when one row is bad, and names an unknown contract (or another creditor’s) by row and column', async () => {
    const [a] = await imported();
    await importBytes(ctx.w, 'creditorB.manager', sampleCsv(1, 'BB'));
    const file = csv([
      ['合同编号', '剩余本金', '新增手机号'],
      [a!.contractNo, '100', '13612345678'],
      ['NOPE0001', '100', ''],
      ['BB00000000', '100', ''],
    ]);
    const imp = await updateFile(file);
    expect(imp).toMatchObject({ status: 'failed', rowCount: 3, errorCount: 2 });
    expect(imp.errors).toEqual([
      { row: 3, column: '合同编号', code: 'caseNotFound', values: { value: 'NOPE0001' } },
      { row: 4, column: '合同编号', code: 'caseNotFound', values: { value: 'BB00000000' } },
    ]);
    expect(imp.reportFileId).toBeTruthy();
    const untouched = await caseByContract(a!.contractNo);
    expect(untouched.principalOutstanding).toBe(a!.principalOutstanding);
    expect(untouched.phones).toEqual(a!.phones);
    expect(
      await ctx.handle.db.select().from(caseChanges).where(eq(caseChanges.creditorId, ctx.w.orgs.creditorA.id)),
    ).toEqual([]);
  });

  it('names a bad cell, a huge amount, a duplicate contract (with its first row) and a row that changes nothing', async () => {
    const [a, b, c] = await imported();
    const imp = await updateFile(
      csv([
        ['合同编号', '逾期本息合计', '新增手机号', '停用号码'],
        [a!.contractNo, '123456789012.00', '', ''],
        [b!.contractNo, '', '1234', ''],
        [b!.contractNo, '10', '', ''],
        [c!.contractNo, '', '', ''],
        [`XX${a!.contractNo}`, '', '', '13000000000'],
      ]),
    );
    expect(imp.status).toBe('failed');
    expect(imp.errors).toEqual([
      { row: 2, column: '逾期本息合计', code: 'amount' },
      { row: 3, column: '新增手机号', code: 'phone' },
      { row: 4, column: '合同编号', code: 'duplicateInFile', values: { value: b!.contractNo, row: 3 } },
      { row: 5, column: '合同编号', code: 'noChange' },
      { row: 6, column: '合同编号', code: 'caseNotFound', values: { value: `XX${a!.contractNo}` } },
    ]);
  });

  it('refuses a number the debtor already uses and retiring one it does not, on the case itself', async () => {
    const [a] = await imported();
    const imp = await updateFile(
      csv([
        ['contract_no', 'new_phone', 'retired_phone'],
        [a!.contractNo, decryptPii(a!.phones[0]!.enc), '13011112222'],
      ]),
    );
    expect(imp.errors).toEqual([
      { row: 2, column: 'retired_phone', code: 'phoneNotOnCase', values: { value: '130****2222' } },
      { row: 2, column: 'new_phone', code: 'phoneExists', values: { value: a!.phones[0]!.masked } },
    ]);
  });

  it('reads GBK and XLSX files, English headers, and refuses an empty file or one without the contract column', async () => {
    const [a, b] = await imported();
    const gbk = iconv.encode(`合同编号,地址\r\n${a!.contractNo},北京市朝阳区建国路 88 号\r\n`, 'gbk');
    expect(await updateFile(gbk)).toMatchObject({ status: 'succeeded', encoding: 'gb18030' });
    expect((await caseByContract(a!.contractNo)).address).toBe('北京市朝阳区建国路 88 号');
    const xlsx = await sampleXlsx([
      ['contract_no', 'principal_outstanding'],
      [b!.contractNo, '88.8'],
    ]);
    expect(await updateFile(xlsx, 'creditorA.manager', 'u.xlsx')).toMatchObject({
      status: 'succeeded',
      format: 'xlsx',
    });
    expect((await caseByContract(b!.contractNo)).principalOutstanding).toBe(8_880);
    expect(await updateFile('\uFEFF合同编号,地址\r\n')).toMatchObject({
      status: 'failed',
      fileError: { code: 'empty' },
    });
    expect(await updateFile(csv([['地址'], ['北京']]))).toMatchObject({
      status: 'failed',
      fileError: { code: 'missingHeaders', values: { columns: '合同编号 (contract_no)' } },
    });
  });

  it('refuses a settled or closed case with its reason', async () => {
    const [a] = await imported();
    await ctx.handle.db.update(cases).set({ status: 'settled' }).where(eq(cases.id, a!.id));
    const imp = await updateFile(
      csv([
        ['合同编号', '地址'],
        [a!.contractNo, '北京'],
      ]),
    );
    expect(imp.errors).toEqual([{ row: 2, column: '合同编号', code: 'caseNotOpen', values: { value: a!.contractNo } }]);
  });

  it('lists only the session creditor’s update files, and the history cannot be changed', async () => {
    const [a] = await imported();
    await updateFile(
      csv([
        ['合同编号', '地址'],
        [a!.contractNo, '北京'],
      ]),
    );
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await other.cases.updates.list({ limit: 10 })).items).toEqual([]);
    const mine = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await mine.cases.updates.list({ limit: 10 })).items).toHaveLength(1);
    expect((await mine.cases.imports.list({ limit: 10 })).items.every((i) => i.kind === 'cases')).toBe(true);
    await expect(ctx.handle.db.execute(sql`update case_changes set note = 'x'`)).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from case_changes`)).rejects.toThrow();
  });
});
