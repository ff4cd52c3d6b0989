import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { MAX_RECORD_BYTES, TableError, type TableRow, type TableSource } from './errors';

// DESIGN §6: files come as UTF-8 (with or without BOM) or GB18030/GBK, which is what Excel
// on a Chinese system writes; the encoding is detected, never asked for.

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/**
 * Decides the encoding by reading the file once: a UTF-8 BOM, or bytes that are valid
 * UTF-8 throughout, mean UTF-8; anything else is read as GB18030 (a superset of GBK and
 * GB2312). UTF-16 (Excel's "Unicode text") is recognised by its BOM and refused.
 */
export const detectEncoding = async (
  filePath: string,
): Promise<{ encoding: 'utf-8' | 'gb18030'; bomBytes: number }> => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Uint8Array | null = null;
  let isUtf8 = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (!head) {
      head = chunk.subarray(0, 4);
      if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) throw new TableError('encodingUnsupported');
      if (startsWith(head, UTF8_BOM)) return { encoding: 'utf-8', bomBytes: 3 };
    }
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      isUtf8 = false;
      break;
    }
  }
  if (!head) throw new TableError('empty');
  if (isUtf8) {
    try {
      decoder.decode();
    } catch {
      isUtf8 = false;
    }
  }
  return { encoding: isUtf8 ? 'utf-8' : 'gb18030', bomBytes: 0 };
};

/** Bytes to text in the detected encoding; a byte sequence invalid in it fails the read. */
const decoding = (encoding: string, onBytes: (n: number) => void) => {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  return new Transform({
    decodeStrings: false,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.byteLength);
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new TableError('encodingUnknown'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new TableError('encodingUnknown'));
      }
    },
  });
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export const openCsv = async (filePath: string): Promise<TableSource> => {
  const { size } = await stat(filePath);
  if (size === 0) throw new TableError('empty');
  const { encoding, bomBytes } = await detectEncoding(filePath);
  let bytesRead = 0;
  async function* rows(): AsyncGenerator<TableRow> {
    const parser = parse({
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_BYTES,
      bom: false,
    });
    const input = createReadStream(filePath, { start: bomBytes, highWaterMark: 256 * 1024 });
    const text = decoding(encoding, (n) => {
      bytesRead += n;
    });
    input.on('error', (e) => parser.destroy(e));
    text.on('error', (e) => parser.destroy(e));
    input.pipe(text).pipe(parser);
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row += 1;
        if (!isBlank(record)) yield { row, cells: record };
      }
    } catch (e) {
      if (e instanceof TableError) throw e;
      const code = (e as { code?: string }).code;
      if (code === 'CSV_MAX_RECORD_SIZE') throw new TableError('rowTooLong', row + 1);
      throw new TableError('malformed', row + 1);
    } finally {
      input.destroy();
    }
  }
  return { format: 'csv', encoding, rows: rows(), bytesRead: () => bytesRead + bomBytes, totalBytes: size };
};
