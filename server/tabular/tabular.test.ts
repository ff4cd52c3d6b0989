// Spreadsheets as creditors' loan systems write them (DESIGN §6): CSV in UTF-8 with or
// without BOM or in GB18030, XLSX with shared or inline strings; files that cannot be
// read are refused with a reason, never half-read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv';
import { TableError, type TableSource } from './errors';
import { columnIndex, openXlsx } from './xlsx';
import { readWorkbookPart } from '../testing/workbook';
import { at, cellText, count, day, heading, money, percent, tenths, type Row } from './cells';
import { csvLine, neutraliseCell, writeCsv, writeXlsx } from './write';

const dir = mkdtempSync(path.join(tmpdir(), 'tabular-'));
let n = 0;
const file = (bytes: Uint8Array | string) => {
  const p = path.join(dir, `f${(n += 1)}`);
  writeFileSync(p, bytes);
  return p;
};
const all = async (source: TableSource) => {
  const rows = [];
  for await (const r of source.rows) rows.push(r);
  return rows;
};
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TableError);
  return e as TableError;
};

const SAMPLE = '合同编号,借款人姓名\nHT001,张三\nHT002,李四\n';

describe('CSV', () => {
  it('reads UTF-8 without a BOM', async () => {
    const t = await openCsv(file(SAMPLE));
    expect(t.encoding).toBe('utf-8');
    expect(await all(t)).toEqual([
      { row: 1, cells: ['合同编号', '借款人姓名'] },
      { row: 2, cells: ['HT001', '张三'] },
      { row: 3, cells: ['HT002', '李四'] },
    ]);
  });

  it('reads UTF-8 with a BOM and drops the BOM', async () => {
    const t = await openCsv(file(`\uFEFF${SAMPLE}`));
    const rows = await all(t);
    expect(rows[0]?.cells[0]).toBe('合同编号');
    expect(t.bytesRead()).toBe(Buffer.byteLength(`\uFEFF${SAMPLE}`));
  });

  it('reads GB18030 (what Excel on a Chinese system writes)', async () => {
    const t = await openCsv(file(iconv.encode(SAMPLE, 'gb18030')));
    expect(t.encoding).toBe('gb18030');
    expect((await all(t))[2]?.cells).toEqual(['HT002', '李四']);
  });

  it('refuses UTF-16 and bytes that are neither UTF-8 nor GB18030', async () => {
    expect((await failure(openCsv(file(iconv.encode(`\uFEFF${SAMPLE}`, 'utf16le'))))).code).toBe('encodingUnsupported');
    const latin1 = Buffer.concat([Buffer.from('contract_no,debtor_name\nHT1,Caf'), Buffer.from([0xe9, 0x2c, 0x0a])]);
    const t = await openCsv(file(latin1));
    expect((await failure(all(t))).code).toBe('encodingUnknown');
  });

  it('refuses an empty file', async () => {
    expect((await failure(openCsv(file('')))).code).toBe('empty');
  });

  it('keeps row numbers across blank lines and reads quoted fields with commas and line breaks', async () => {
    const rows = await all(await openCsv(file('a,b\r\n\r\n"x, y","line1\nline2"\r\n=1+2,"say ""hi"""\r\n')));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['x, y', 'line1\nline2'] },
      { row: 4, cells: ['=1+2', 'say "hi"'] },
    ]);
  });

  it('refuses a record longer than 1 MB instead of buffering it', async () => {
    const t = await openCsv(file(`a,b\nok,1\n${'x'.repeat(3 * 1024 * 1024)}\n`));
    const e = await failure(all(t));
    expect(e.code).toBe('rowTooLong');
    expect(e.row).toBe(3);
  });
});

const zipOf = async (parts: Record<string, string | Buffer>) => {
  const p = path.join(dir, `z${(n += 1)}.xlsx`);
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(parts))
    zip.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body), name);
  const out = createWriteStream(p);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'close');
  return p;
};

const WORKBOOK = {
  'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="案件" sheetId="1" r:id="rId7"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>',
};

describe('XLSX', () => {
  it('reads what writeXlsx writes, inline strings included', async () => {
    const p = path.join(dir, 'w.xlsx');
    await writeXlsx(
      p,
      [
        ['合同编号', '金额'],
        ['HT001', '1234.50'],
        ['HT<&>"', ''],
      ],
      { raw: true },
    );
    expect(await all(await openXlsx(p))).toEqual([
      { row: 1, cells: ['合同编号', '金额'] },
      { row: 2, cells: ['HT001', '1234.50'] },
      { row: 3, cells: ['HT<&>"'] },
    ]);
  });

  it('reads shared strings stored after the sheet, numbers, booleans, gaps, and formulas as their saved value (text without one)', async () => {
    const sheet =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>13800138000</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><f>SUM(A1:A2)</f><v>3</v></c><c r="D2"><f>NOW()</f></c></row>' +
      '<row r="4"><c r="B4" t="s"><v>2</v></c></row>' +
      '</sheetData></worksheet>';
    const shared =
      '<sst><si><t>合同编号</t></si><si><r><t>借款</t></r><r><t>人</t></r><rPh><t>ジ</t></rPh></si><si><t xml:space="preserve"> 张三 </t></si></sst>';
    const p = await zipOf({ ...WORKBOOK, 'xl/worksheets/data.xml': sheet, 'xl/sharedStrings.xml': shared });
    expect(await all(await openXlsx(p))).toEqual([
      { row: 1, cells: ['合同编号', '', '借款人'] },
      { row: 2, cells: ['13800138000', 'TRUE', '3', '=NOW()'] },
      { row: 4, cells: ['', ' 张三 '] },
    ]);
  });

  it('refuses a zip whose unpacked size passes the limit before inflating anything', async () => {
    const p = await zipOf({ ...WORKBOOK, 'xl/worksheets/data.xml': Buffer.alloc(8 * 1024 * 1024, 0x20) });
    expect((await failure(openXlsx(p, 4 * 1024 * 1024))).code).toBe('unpackedTooLarge');
  });

  it('refuses a zip that is not a workbook, and bytes that are not a zip', async () => {
    const p = await zipOf({ 'readme.txt': 'hello' });
    expect((await failure(openXlsx(p).then(all))).code).toBe('notSpreadsheet');
    expect((await failure(openXlsx(file('PK\u0003\u0004 broken')))).code).toBe('notSpreadsheet');
  });

  it('refuses a cell reference beyond the last column instead of padding to it', async () => {
    const p = await zipOf({
      ...WORKBOOK,
      'xl/worksheets/data.xml':
        '<worksheet><sheetData><row r="1"><c r="ZZZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    });
    expect((await failure(openXlsx(p).then(all))).code).toBe('tooManyColumns');
  });

  it('names columns from cell references', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA10'), columnIndex('BC12')]).toEqual([0, 25, 26, 54]);
  });
});

describe('writing', () => {
  it('neutralises cells that would run as formulas', () => {
    expect(['=1+2', '+86', '-5', '@SUM', '\tx', 'ok', '张三'].map(neutraliseCell)).toEqual([
      "'=1+2",
      "'+86",
      "'-5",
      "'@SUM",
      "'\tx",
      'ok',
      '张三',
    ]);
    expect(csvLine(['a,b', '=HYPERLINK("x")', 'c'])).toBe('"a,b","\'=HYPERLINK(""x"")",c\r\n');
  });

  it('writes CSV with a BOM that reads back', async () => {
    const p = path.join(dir, 'w.csv');
    await writeCsv(p, [
      ['行', '原因'],
      ['2', '身份证号校验位错误'],
    ]);
    expect((await all(await openCsv(p))).map((r) => r.cells)).toEqual([
      ['行', '原因'],
      ['2', '身份证号校验位错误'],
    ]);
  });
});

describe('typed cells', () => {
  const readPart = readWorkbookPart;
  const rows = (): Row[] => [
    ['合同编号', '金额', '笔数', '还款日', '记录时间', '费率', '每千案标记'].map(heading),
    [
      '=HYPERLINK("x")',
      money(123_456),
      count(1_234),
      day('2026-10-01'),
      at(new Date('2026-10-01T01:30:00Z')),
      percent(2_850),
      tenths(2.5),
    ],
    ['HT002', money(-5n), count(0), '', '', percent(null), ''],
  ];

  it('writes amounts, counts, days, instants and rates as numbers with their format, headers bold and frozen', async () => {
    const p = path.join(dir, 'typed.xlsx');
    await writeXlsx(p, rows(), { sheetName: '案件', freezeRows: 1 });
    const sheet = await readPart(p, 'xl/worksheets/sheet1.xml');
    const styles = await readPart(p, 'xl/styles.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
    expect(sheet).toContain('<c r="B2" s="2"><v>1234.56</v></c>'); // ¥ in yuan, exact
    expect(sheet).toContain('<c r="C2" s="3"><v>1234</v></c>');
    expect(sheet).toContain('<c r="D2" s="4"><v>46296</v></c>'); // 2026-10-01 as a serial day
    expect(sheet).toContain('<c r="E2" s="5"><v>46296.39583333</v></c>'); // 09:30 Beijing
    expect(sheet).toContain('<c r="F2" s="6"><v>0.285</v></c>');
    expect(sheet).toContain('<c r="G2" s="7"><v>2.5</v></c>');
    expect(sheet).toContain('<c r="B3" s="2"><v>-0.05</v></c>');
    expect(sheet).toMatch(/<c r="A1" s="1" t="inlineStr">/); // header bold
    expect(sheet).toContain("'=HYPERLINK"); // text still neutralised
    expect(styles).toContain('formatCode="&quot;¥&quot;#,##0.00"');
    // Our own reader (the import's) sees numbers where the sheet holds numbers.
    const back = await all(await openXlsx(p));
    expect(back[1]?.cells.slice(1, 3)).toEqual(['1234.56', '1234']);
  });

  it('writes the same cells as plain text in CSV', async () => {
    const p = path.join(dir, 'typed.csv');
    await writeCsv(p, rows());
    expect((await all(await openCsv(p))).map((r) => r.cells)[1]).toEqual([
      '\'=HYPERLINK("x")',
      '1234.56',
      '1234',
      '2026-10-01',
      '2026-10-01 09:30:00',
      '28.5%',
      '2.5',
    ]);
    expect(cellText(money(-5n))).toBe('-0.05');
    expect(cellText(money(100_000_000_000_001n))).toBe('1000000000000.01');
  });

  it('sets the column widths from the rows, Chinese characters counting double', async () => {
    const p = path.join(dir, 'widths.xlsx');
    await writeXlsx(p, [[heading('一份很长的标题只占第一列')], ['短', '借款人姓名很长很长']]);
    const sheet = await readPart(p, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<col min="1" max="1" width="8" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="20" customWidth="1"/>');
    expect(sheet).not.toContain('<pane');
  });
});
