import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';

// Spreadsheets this product writes (import reports, exports). A cell that a spreadsheet
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

/** Writes rows as UTF-8 CSV with a BOM (Excel on a Chinese system then opens it correctly). */
export const writeCsv = async (
  filePath: string,
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
) => {
  const out = createWriteStream(filePath);
  await write(out, '\uFEFF');
  for await (const row of rows) await write(out, csvLine(row));
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

const PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const workbookXml = (sheetName: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const rowXml = (r: number, cells: readonly string[], clean: (c: string) => string) =>
  `<row r="${r}">${cells
    .map((c, i) =>
      c === ''
        ? ''
        : `<c r="${colName(i)}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(clean(c))}</t></is></c>`,
    )
    .join('')}</row>`;

/**
 * Writes one sheet of text cells (inline strings), streaming: the rows are never all in
 * memory. `raw` keeps cells exactly as given (sample files that must carry a formula).
 */
export const writeXlsx = async (
  filePath: string,
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  { sheetName = 'Sheet1', raw = false }: { sheetName?: string; raw?: boolean } = {},
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
  await write(
    sheet,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  let r = 0;
  for await (const row of rows) {
    r += 1;
    await write(sheet, rowXml(r, row, clean));
  }
  sheet.end('</sheetData></worksheet>');
  await once(out, 'close');
};
