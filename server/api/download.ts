import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { writeXlsx } from '../tabular/write';
import { attachment } from './route-caller';

// Generated files as downloads: a workbook written to a temporary file and streamed (the
// file removed once sent), or PDF bytes. Never cached: they hold the caller's figures.

/** Rows of text as an XLSX download named `fileName` (cells that look like formulas are neutralised). */
export const xlsxResponse = async (
  rows: Iterable<readonly string[]>,
  sheetName: string,
  fileName: string,
): Promise<Response> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'daylight-xlsx-'));
  const file = path.join(dir, 'download.xlsx');
  await writeXlsx(file, rows, { sheetName });
  const { size } = await stat(file);
  const stream = createReadStream(file);
  stream.on('close', () => void rm(dir, { recursive: true, force: true }));
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-length': String(size),
      'content-disposition': attachment(fileName),
      'cache-control': 'private, no-store',
    },
  });
};

/** PDF bytes as a download named `fileName`. */
export const pdfResponse = (bytes: Uint8Array, fileName: string): Response =>
  new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(fileName),
      'cache-control': 'private, no-store',
    },
  });
