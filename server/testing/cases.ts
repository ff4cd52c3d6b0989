import { writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { drainJobs } from '../jobs/queue';
import { JOB_HANDLERS } from '../jobs/handlers';
import { writeXlsx } from '../tabular/write';
import { callerAs, type UserKey, type World } from './world';

/** Uploads bytes as `who` and starts an import of them, then runs the queued job. */
export const importBytes = async (w: World, who: UserKey, bytes: Uint8Array | string, fileName = 'cases.csv') => {
  const caller = await callerAs(w.db, w.users[who]);
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const file = await caller.cases.imports.start({
    fileId: (await caller.files.upload(new Blob([new Uint8Array(data)]))).id,
    fileName,
  });
  await drainJobs(w.db, JOB_HANDLERS);
  return caller.cases.imports.get({ importId: file.id });
};

/** A CSV of `count` good sample cases (UTF-8 with BOM, as Excel writes "CSV UTF-8"). */
export const sampleCsv = (count: number, prefix = 'HT') => `\uFEFF${toCsv(sampleCaseRows(count, prefix))}`;

const dir = mkdtempSync(path.join(tmpdir(), 'daylight-xlsx-'));

/** The same rows as an XLSX workbook. */
export const sampleXlsx = async (rows: Iterable<readonly string[]>): Promise<Uint8Array> => {
  const p = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeXlsx(p, rows, { raw: true });
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(p);
  await writeFile(p, '');
  return bytes;
};
