import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileStream } from '../storage/file-stream';
import type { Row } from '../tabular/cells';
import { writeXlsx } from '../tabular/write';
import { attachment } from './route-caller';

// Generated files as downloads: a workbook written to a temporary file and streamed (the
// file removed once sent), or PDF bytes. Never cached: they hold the caller's figures.

/**
 * Rows as an XLSX download named `fileName`: numbers as numeric cells with their format,
 * text cells that look like formulas neutralised; `freezeRows` keeps the header in view.
 */
export const xlsxResponse = async (
  rows: Iterable<Row>,
  sheetName: string,
  fileName: string,
  { freezeRows = 0 }: { freezeRows?: number } = {},
): Promise<Response> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'daylight-xlsx-'));
  const file = path.join(dir, 'download.xlsx');
  await writeXlsx(file, rows, { sheetName, freezeRows });
  const { size } = await stat(file);
  const stream = fileStream(file, { onClose: () => void rm(dir, { recursive: true, force: true }) });
  return new Response(stream, {
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
