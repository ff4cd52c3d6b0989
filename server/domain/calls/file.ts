import { rm } from 'node:fs/promises';
import type { $ZodIssue } from 'zod/v4/core';
import type { Db } from '@/db/client';
import { MAX_CALL_BATCH } from '@/lib/call-records';
import { shanghaiInstant } from '@/lib/dates';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DomainError } from '../../errors';
import type { BlobStore } from '../../storage/store';
import { TableError } from '../../tabular/errors';
import { openTable } from '../../tabular/open';
import { toTempFile } from '../cases/import-run';
import { ownFile } from '../files/files';
import { ingestCallRecords, type IngestResult } from './ingest';
import { ZCallItem, type CallItem } from './items';

// A dialer's export as a file (CSV in UTF-8 or GBK, or XLSX): the same records as the API's
// batch, one per row, with headers in Chinese or English. All or nothing: one bad cell and
// nothing is stored; every error names its row (as the spreadsheet numbers it) and column.

type Field = keyof CallItem;

/** Each field's accepted headers (the first is the one the template writes). */
export const CALL_FILE_HEADERS: Record<Field, readonly string[]> = {
  id: ['记录编号', 'Record ID', 'id'],
  kind: ['类型', 'Kind'],
  direction: ['方向', 'Direction'],
  line: ['外呼线路', 'Line'],
  party: ['对方号码', 'Number', 'Party'],
  startedAt: ['开始时间', 'Started at'],
  answeredAt: ['接通时间', 'Answered at'],
  endedAt: ['结束时间', 'Ended at'],
  durationS: ['通话秒数', 'Duration (s)', 'Duration'],
  disposition: ['结果', 'Disposition'],
  agent: ['坐席', 'Agent'],
  text: ['短信内容', 'Text'],
  transcript: ['转写文本', 'Transcript'],
};
const REQUIRED: readonly Field[] = ['id', 'line', 'party', 'startedAt', 'disposition'];

/** Words dialers write for the enumerated fields, to the API's values. */
const WORDS: Partial<Record<Field, Record<string, string>>> = {
  kind: { 通话: 'call', 电话: 'call', 短信: 'sms' },
  direction: { 呼出: 'outbound', 外呼: 'outbound', 呼入: 'inbound' },
  disposition: {
    接通: 'answered',
    已接通: 'answered',
    未接: 'no_answer',
    无人接听: 'no_answer',
    忙线: 'busy',
    拒接: 'rejected',
    失败: 'failed',
    已送达: 'delivered',
  },
};

/** `2026-12-01 22:01:00` (Beijing), `2026/12/1 22:01`, or an ISO time with its offset. */
const instantOf = (raw: string): string => {
  const v = raw.trim();
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!local) return v;
  const [, y, mo, d, h, mi, s] = local;
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');
  return shanghaiInstant(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:${pad(s)}`).toISOString();
};

const valueOf = (field: Field, raw: string): unknown => {
  const v = raw.trim();
  if (v === '') return undefined;
  if (field === 'durationS') return /^\d+$/.test(v) ? Number(v) : v;
  if (field === 'startedAt' || field === 'answeredAt' || field === 'endedAt') return instantOf(v);
  return (
    WORDS[field]?.[v] ?? (field === 'kind' || field === 'direction' || field === 'disposition' ? v.toLowerCase() : v)
  );
};

export type CallFileError = { row: number; column: string; issue: $ZodIssue | null; code?: string };
export type CallFileResult =
  { ok: true; result: IngestResult } | { ok: false; errors: CallFileError[]; errorCount: number };

/** Errors shown; the count says how many there were. */
const SHOWN = 100;

/** Reads, checks and stores a file of call records the caller uploaded (all or nothing). */
export const importCallFile = async (
  db: Db,
  caller: Caller,
  fileId: string,
  store: BlobStore,
): Promise<CallFileResult> => {
  if (caller.actor.orgType !== 'agency' || !hasPermission(caller.actor, 'calls.write'))
    throw new DomainError('auth.forbidden');
  const file = await ownFile(db, caller, fileId);
  const temp = await toTempFile(store, file.sha256);
  const errors: CallFileError[] = [];
  let errorCount = 0;
  const fail = (e: CallFileError) => {
    errorCount += 1;
    if (errors.length < SHOWN) errors.push(e);
  };
  const items: CallItem[] = [];
  const rowOf: number[] = [];
  try {
    const table = await openTable(temp, file.mime);
    let columns: { field: Field; index: number; header: string }[] | null = null;
    for await (const { row, cells } of table.rows) {
      if (!columns) {
        const headers = cells.map((c) => c.trim());
        columns = (Object.keys(CALL_FILE_HEADERS) as Field[]).flatMap((field) => {
          const index = headers.findIndex((h) =>
            CALL_FILE_HEADERS[field].some((a) => a.toLowerCase() === h.toLowerCase()),
          );
          return index >= 0 ? [{ field, index, header: headers[index] ?? '' }] : [];
        });
        const missing = REQUIRED.filter((f) => !columns?.some((c) => c.field === f));
        if (missing.length > 0)
          throw new DomainError('calls.fileHeaders', {
            field: 'fileId',
            values: { columns: missing.map((f) => CALL_FILE_HEADERS[f][0]).join('、') },
          });
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      if (items.length + errorCount >= MAX_CALL_BATCH)
        throw new DomainError('calls.fileTooLong', { field: 'fileId', values: { max: MAX_CALL_BATCH } });
      const input = Object.fromEntries(
        columns.flatMap(({ field, index }) => {
          const value = valueOf(field, cells[index] ?? '');
          return value === undefined ? [] : [[field, value]];
        }),
      );
      const parsed = ZCallItem.safeParse(input);
      if (parsed.success) {
        items.push(parsed.data);
        rowOf.push(row);
      } else {
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as Field | undefined;
          const header =
            columns.find((c) => c.field === field)?.header ?? (field ? (CALL_FILE_HEADERS[field][0] ?? '') : '');
          fail({ row, column: header, issue });
        }
      }
    }
    if (!columns) throw new DomainError('calls.fileEmpty', { field: 'fileId' });
    const idColumn = columns.find((c) => c.field === 'id')?.header ?? '';
    const firstRow = new Map<string, number>();
    items.forEach((item, i) => {
      if (firstRow.has(item.id)) fail({ row: rowOf[i] ?? 0, column: idColumn, issue: null, code: 'calls.repeatedId' });
      else firstRow.set(item.id, rowOf[i] ?? 0);
    });
  } catch (e) {
    if (e instanceof TableError) throw new DomainError('calls.fileUnreadable', { field: 'fileId' });
    throw e;
  } finally {
    await rm(temp, { force: true });
  }
  if (errorCount > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row), errorCount };
  if (items.length === 0) throw new DomainError('calls.fileEmpty', { field: 'fileId' });
  return { ok: true, result: await ingestCallRecords(db, caller, items, { kind: 'file', fileId: file.id }) };
};
