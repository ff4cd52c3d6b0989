import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MAX_RECORD_BYTES, TableError, type TableRow, type TableSource } from './errors';

// An XLSX file is a zip of XML parts. It is read from disk with random access (the zip's
// central directory), so the shared strings can be read before the sheet whatever their
// order in the archive, and the sheet itself is parsed as a stream of XML events: a
// million-row sheet never sits in memory as a document.

/**
 * Zip bombs: the declared unpacked size of every part is added up before anything is
 * inflated, and yauzl checks while inflating that no part grows past what it declared.
 */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;
/** Shared strings are held in memory while the sheet is read: their part is capped on its own. */
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
/** Excel's last column is XFD (16,384); a reference beyond it is refused, not padded. */
export const MAX_COLUMNS = 16_384;

const openZip = (filePath: string) =>
  new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) reject(new TableError('notSpreadsheet'));
        else resolve(zip);
      },
    );
  });

const listEntries = (zip: ZipFile) =>
  new Promise<Map<string, Entry>>((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new TableError('notSpreadsheet')));
    zip.readEntry();
  });

const openEntry = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(new TableError('malformed')) : resolve(stream),
    );
  });

/** Feeds a part's XML to a SAX parser; events are handled synchronously by the callbacks. */
const parseXml = async (zip: ZipFile, entry: Entry, setup: (parser: SaxesParser) => void) => {
  const parser = new SaxesParser();
  setup(parser);
  const stream = await openEntry(zip, entry);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.close();
  } catch (e) {
    stream.destroy();
    if (e instanceof TableError) throw e;
    throw new TableError('malformed');
  }
};

const attr = (tag: { attributes: Record<string, unknown> }, name: string) => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** Shared strings kept compact: one growing UTF-8 buffer and an offset per string. */
class SharedStrings {
  private buf = Buffer.alloc(1024 * 1024);
  private offsets = new Uint32Array(1024);
  private count = 0;
  private used = 0;
  push(s: string) {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.buf.length) {
      const next = Buffer.alloc(Math.max(this.buf.length * 2, this.used + need));
      this.buf.copy(next, 0, 0, this.used);
      this.buf = next;
    }
    this.used += this.buf.write(s, this.used);
    if (this.count + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.count += 1;
    this.offsets[this.count] = this.used;
  }
  get(i: number): string {
    if (!(i >= 0 && i < this.count)) return '';
    return this.buf.toString('utf8', this.offsets[i], this.offsets[i + 1]);
  }
}

const readSharedStrings = async (zip: ZipFile, entry: Entry | undefined) => {
  const strings = new SharedStrings();
  if (!entry) return strings;
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseXml(zip, entry, (p) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'si') current = [];
      else if (tag.name === 'rPh') inPhonetic = true;
      else if (tag.name === 't' && !inPhonetic) inText = true;
    });
    p.on('text', (t) => {
      if (inText && current) current.push(t);
    });
    p.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') inPhonetic = false;
      else if (tag.name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    });
  });
  return strings;
};

/** The first sheet of the workbook, found through workbook.xml and its relationships. */
const firstSheetPath = async (zip: ZipFile, entries: Map<string, Entry>): Promise<string> => {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook) throw new TableError('notSpreadsheet');
  let relId: string | undefined;
  await parseXml(zip, workbook, (p) =>
    p.on('opentag', (tag) => {
      if (tag.name === 'sheet' && !relId) relId = attr(tag, 'r:id');
    }),
  );
  let target: string | undefined;
  if (rels && relId) {
    await parseXml(zip, rels, (p) =>
      p.on('opentag', (tag) => {
        if (tag.name === 'Relationship' && attr(tag, 'Id') === relId) target = attr(tag, 'Target');
      }),
    );
  }
  const resolved = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  if (!entries.has(resolved)) throw new TableError('noSheet');
  return resolved;
};

/** "BC12" → 54 (zero-based column of the cell reference). */
export const columnIndex = (ref: string): number => {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
};

export const openXlsx = async (filePath: string, maxUnpacked = MAX_UNPACKED_BYTES): Promise<TableSource> => {
  const { size } = await stat(filePath);
  if (size === 0) throw new TableError('empty');
  const zip = await openZip(filePath);
  let entries: Map<string, Entry>;
  try {
    entries = await listEntries(zip);
    const unpacked = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpacked > maxUnpacked) throw new TableError('unpackedTooLarge');
    if ((entries.get('xl/sharedStrings.xml')?.uncompressedSize ?? 0) > Math.min(maxUnpacked, MAX_SHARED_STRINGS_BYTES))
      throw new TableError('unpackedTooLarge');
  } catch (e) {
    zip.close();
    throw e;
  }
  let bytesRead = 0;

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      const sheetPath = await firstSheetPath(zip, entries);
      const strings = await readSharedStrings(zip, entries.get('xl/sharedStrings.xml'));
      const sheet = entries.get(sheetPath);
      if (!sheet) throw new TableError('noSheet');
      // Progress in file bytes: the sheet's inflated bytes scaled by its compression ratio.
      const ratio = sheet.compressedSize / Math.max(1, sheet.uncompressedSize);
      const ready: TableRow[] = [];
      const parser = new SaxesParser();
      let rowNumber = 0;
      let cells: string[] = [];
      let cellCol = 0;
      let cellType = 'n';
      let value: string[] = [];
      let formula: string[] | null = null;
      let capture: 'v' | 't' | 'f' | null = null;
      let captured = 0;
      parser.on('opentag', (tag) => {
        switch (tag.name) {
          case 'row': {
            const r = Number(attr(tag, 'r'));
            rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
            cells = [];
            break;
          }
          case 'c': {
            const ref = attr(tag, 'r');
            cellCol = ref ? columnIndex(ref) : cells.length;
            if (cellCol < 0 || cellCol >= MAX_COLUMNS) throw new TableError('tooManyColumns', rowNumber);
            cellType = attr(tag, 't') ?? 'n';
            value = [];
            formula = null;
            captured = 0;
            break;
          }
          case 'v':
          case 't':
            capture = tag.name;
            break;
          case 'f':
            formula = [];
            capture = 'f';
            break;
        }
      });
      parser.on('text', (t) => {
        if (!capture) return;
        captured += t.length;
        if (captured > MAX_RECORD_BYTES) throw new TableError('rowTooLong', rowNumber);
        if (capture === 'f') formula?.push(t);
        else value.push(t);
      });
      parser.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't' || tag.name === 'f') capture = null;
        else if (tag.name === 'c') {
          const raw = value.join('');
          // A formula cell reads as the value Excel computed and saved with it (what the
          // creditor saw); never evaluated here. Without a saved value its text is kept.
          const text =
            formula && raw === ''
              ? `=${formula.join('')}`
              : cellType === 's'
                ? strings.get(Number(raw))
                : cellType === 'b'
                  ? raw === '1'
                    ? 'TRUE'
                    : 'FALSE'
                  : raw;
          while (cells.length < cellCol) cells.push('');
          cells[cellCol] = text;
        } else if (tag.name === 'row' && cells.some((c) => c.trim() !== '')) ready.push({ row: rowNumber, cells });
      });
      const stream = await openEntry(zip, sheet);
      const decoder = new TextDecoder('utf-8');
      let inflated = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.byteLength;
          bytesRead = Math.round(inflated * ratio);
          parser.write(decoder.decode(chunk, { stream: true }));
          for (const r of ready.splice(0)) yield r;
        }
        parser.close();
      } catch (e) {
        stream.destroy();
        if (e instanceof TableError) throw e;
        throw new TableError('malformed');
      }
      for (const r of ready.splice(0)) yield r;
      bytesRead = size;
    } finally {
      zip.close();
    }
  }
  return { format: 'xlsx', encoding: null, rows: rows(), bytesRead: () => bytesRead, totalBytes: size };
};
