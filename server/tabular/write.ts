import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';
import { cellNumber, cellText, type Cell, type Row } from './cells';

// Spreadsheets this product writes (import reports, exports, statements, dashboards). A cell that a spreadsheet
// program would run as a formula (= + - @, or a leading tab or carriage return) is written
// with a leading apostrophe, so text a debtor or a creditor typed can never execute.

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

const csvQuote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export const csvLine = (cells: readonly string[]): string =>
  `${cells.map((c) => csvQuote(neutraliseCell(c))).join(',')}\r\n`;

const write = async (out: Writable, text: string) => {
  if (!out.write(text)) await once(out, 'drain');
};

type Rows = AsyncIterable<Row> | Iterable<Row>;

/** Writes rows as UTF-8 CSV with a BOM (Excel on a Chinese system then opens it correctly). */
export const writeCsv = async (filePath: string, rows: Rows) => {
  const out = createWriteStream(filePath);
  await write(out, '\uFEFF');
  for await (const row of rows) await write(out, csvLine(row.map(cellText)));
  out.end();
  await once(out, 'close');
};

// XML 1.0 cannot carry control characters other than tab and line breaks.
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const xmlEscape = (s: string) =>
  s
    .replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c)
    .replace(XML_FORBIDDEN, '');

const colName = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PARTS = {
  '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  // Cell styles by index: 0 text, 1 heading (bold), 2 money ¥#,##0.00, 3 count #,##0,
  // 4 day yyyy-mm-dd, 5 instant yyyy-mm-dd hh:mm:ss, 6 rate 0.00%, 7 one decimal #,##0.0.
  'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="4"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="166" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/><numFmt numFmtId="167" formatCode="#,##0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
};
const STYLE = { money: 2, count: 3, day: 4, at: 5, percent: 6, tenths: 7 } as const;

const workbookXml = (sheetName: string) =>
  `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const textCell = (ref: string, text: string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;

const cellXml = (ref: string, c: Cell, clean: (c: string) => string) => {
  if (c === '') return '';
  if (typeof c === 'string') return textCell(ref, clean(c));
  if (c.kind === 'heading') return textCell(ref, clean(c.text), 1);
  return `<c r="${ref}" s="${STYLE[c.kind]}"><v>${cellNumber(c)}</v></c>`;
};

const rowXml = (r: number, cells: Row, clean: (c: string) => string) =>
  `<row r="${r}">${cells.map((c, i) => cellXml(`${colName(i)}${r}`, c, clean)).join('')}</row>`;

/** How wide a cell reads, in character widths: Chinese characters take two. */
const displayWidth = (c: Cell) => {
  const text = cellText(c);
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return typeof c === 'string' || c.kind === 'heading' ? w : w + 3; // ¥ and thousands separators
};

/** Rows whose widths set the columns: the first ones, so that the rest still stream. */
const WIDTH_SAMPLE = 200;

const colsXml = (sample: readonly Row[]) => {
  const widths: number[] = [];
  for (const row of sample)
    row.forEach((c, i) => {
      // A lone title in the first column is not a column's width.
      if (row.length === 1 && typeof c !== 'string' && c.kind === 'heading') return;
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(c));
    });
  if (widths.length === 0) return '';
  return `<cols>${Array.from(widths, (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, (w ?? 0) + 2))}" customWidth="1"/>`).join('')}</cols>`;
};

const viewsXml = (freezeRows: number) =>
  freezeRows > 0
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freezeRows}" topLeftCell="A${freezeRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '';

/**
 * Writes one sheet, streaming: beyond the first rows (which set the column widths) the rows
 * are never all in memory. Amounts, counts, days, instants and rates are numeric cells with
 * their display format; `freezeRows` keeps the header rows in view; `raw` keeps text cells
 * exactly as given (sample files that must carry a formula).
 */
export const writeXlsx = async (
  filePath: string,
  rows: Rows,
  {
    sheetName = 'Sheet1',
    raw = false,
    freezeRows = 0,
  }: { sheetName?: string; raw?: boolean; freezeRows?: number } = {},
) => {
  const clean = raw ? (c: string) => c : neutraliseCell;
  const zip = new yazl.ZipFile();
  for (const [name, xml] of Object.entries(PARTS)) zip.addBuffer(Buffer.from(xml), name);
  zip.addBuffer(Buffer.from(workbookXml(sheetName)), 'xl/workbook.xml');
  const sheet = new PassThrough();
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml');
  const out = createWriteStream(filePath);
  zip.outputStream.pipe(out);
  zip.end();
  const iterator = (Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]()) as
    AsyncIterator<Row> | Iterator<Row>;
  const sample: Row[] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < WIDTH_SAMPLE) {
    sample.push(next.value);
    next = await iterator.next();
  }
  await write(sheet, `${XML_HEAD}<worksheet xmlns="${MAIN}">${viewsXml(freezeRows)}${colsXml(sample)}<sheetData>`);
  let r = 0;
  for (const row of sample) await write(sheet, rowXml(++r, row, clean));
  while (!next.done) {
    await write(sheet, rowXml(++r, next.value, clean));
    next = await iterator.next();
  }
  sheet.end('</sheetData></worksheet>');
  await once(out, 'close');
};
