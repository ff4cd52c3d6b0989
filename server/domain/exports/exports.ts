import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import type { ExportFormat, ExportList, Locale } from '@/lib/enums';
import { listExports, storedFiles, type ListExport } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError, type DomainErrorCode } from '../../errors';
import { getTranslate } from '../../i18n/translate';
import { jobQueue } from '../../jobs/queue';
import { fileStream } from '../../storage/file-stream';
import { stage } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { heading, type Row } from '../../tabular/cells';
import { writeCsv, writeXlsx } from '../../tabular/write';
import { loadUserActor } from '../auth/load-actor';
import { shanghaiDate } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { keepStaged } from '../files/blobs';
import { EXPORT_LIST_DEFS, type ListDef } from './lists';
import { exportExpiresAt, isExportExpired } from './window';

// Exports of the lists users see (DESIGN §3): the same domain list, with the same filters
// and masking, read page by page by a background job into a workbook or CSV whose cells
// cannot run as formulas. The user follows its progress and downloads it when done.

export const EXPORT_JOB = 'export.run';
/** The catalog key of a list's name (catalog keys cannot hold dots). */
const listKey = (list: ExportList) => `exports.list.${list.replace('.', '_')}`;
const PROGRESS_EVERY_MS = 500;

/**
 * What the user sees of an export. A file is offered until its download window ends; after
 * that, or once the sweep removed it, the export shows as expired, without a file.
 */
const view = (e: ListExport, now: Date) => {
  const isDone = e.status === 'succeeded';
  const isExpired = isDone && (e.fileId === null || isExportExpired(e.finishedAt, now));
  return {
    id: e.id,
    list: e.list,
    format: e.format,
    status: e.status,
    rowCount: e.rowCount,
    fileId: isExpired ? null : e.fileId,
    fileName: e.fileName,
    error: e.error,
    createdAt: e.createdAt,
    finishedAt: e.finishedAt,
    expiresAt: isDone ? exportExpiresAt(e.finishedAt) : null,
    isExpired,
  };
};
export type ExportView = ReturnType<typeof view>;

/** Whether the caller may export a list at all: its organization's kind and the list's permission. */
const mayExport = (caller: Pick<Caller, 'actor'>, def: ListDef) =>
  def.orgTypes.includes(caller.actor.orgType) && hasPermission(caller.actor, def.permission);

/** Queues an export of a list with its filters; the file is written by a job, in the caller's language. */
export const startExport = async (
  db: DbOrTx,
  caller: Caller,
  input: { list: ExportList; format: ExportFormat; filters: Record<string, unknown> },
  locale: Locale,
  now = new Date(),
) => {
  const def = EXPORT_LIST_DEFS[input.list];
  if (!mayExport(caller, def)) throw new DomainError('auth.forbidden');
  const t = getTranslate(locale);
  const fileName = `${t(listKey(input.list))} ${shanghaiDate(now)}.${input.format}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listExports)
      .values({
        orgId: caller.actor.orgId,
        userId: caller.actor.userId,
        list: input.list,
        format: input.format,
        filters: input.filters,
        locale,
        fileName,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new DomainError('export.notFound');
    await jobQueue.enqueue(tx, { kind: EXPORT_JOB, key: row.id, payload: { exportId: row.id } });
    await writeAudit(tx, caller, {
      action: 'export.start',
      resourceType: 'export',
      resourceId: row.id,
      orgId: caller.actor.orgId,
      after: { list: input.list, format: input.format, filters: input.filters },
    });
    return view(row, now);
  });
};

/** One of the caller's own exports; anyone else's answers NOT_FOUND. */
export const getExport = async (db: DbOrTx, caller: Caller, exportId: string, now = new Date()) => {
  const [row] = await db
    .select()
    .from(listExports)
    .where(and(eq(listExports.id, exportId), eq(listExports.userId, caller.actor.userId)));
  if (!row) throw new DomainError('export.notFound', { field: 'exportId' });
  return view(row, now);
};

/** The caller's exports, newest first, keyset-paged. */
export const listMyExports = async (
  db: DbOrTx,
  caller: Caller,
  input: { cursor?: string | null | undefined; limit: number },
  now = new Date(),
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(listExports)
    .where(
      and(
        eq(listExports.userId, caller.actor.userId),
        cursor ? afterCursor(listExports.createdAt, listExports.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(listExports.createdAt), desc(listExports.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map((e) => view(e, now)), nextCursor: page.nextCursor };
};

const finish = (db: DbOrTx, id: string, set: Partial<ListExport>) =>
  db
    .update(listExports)
    .set({ ...set, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(listExports.id, id), eq(listExports.status, 'running')));

/**
 * The export job: reads the list page by page as its user (checked afresh: a user
 * disabled since, or who lost the permission, gets nothing), writes the file, stores it
 * for the user's organization and records it on the export. Runs once; a failure is
 * recorded with its reason.
 */
export const runExport = async (db: Db, exportId: string, store: BlobStore): Promise<void> => {
  const [e] = await db
    .update(listExports)
    .set({ status: 'running', rowCount: 0, updatedAt: new Date() })
    .where(and(eq(listExports.id, exportId), inArray(listExports.status, ['queued', 'running'])))
    .returning();
  if (!e) return;
  const lookup = await loadUserActor(db, e.userId);
  const def = EXPORT_LIST_DEFS[e.list];
  if (!lookup.actor || lookup.actor.orgId !== e.orgId || !mayExport({ actor: lookup.actor }, def)) {
    const reason: DomainErrorCode = lookup.refusal ?? 'auth.forbidden';
    await finish(db, e.id, { status: 'failed', error: reason });
    return;
  }
  const caller: Caller = { actor: lookup.actor, ip: null, userAgent: null };
  const t = getTranslate(e.locale === 'en' ? 'en' : 'zh-CN');
  await mkdir(store.tempDir, { recursive: true });
  const temp = path.join(store.tempDir, `export-${randomUUID()}.${e.format}`);
  let count = 0;
  let lastProgress = Date.now();
  const { id, filters } = e;
  async function* rows(): AsyncGenerator<Row> {
    yield def.header(t).map(heading);
    let cursor: string | null = null;
    do {
      const page = await def.rows(db, caller, filters, cursor, t);
      for (const r of page.rows) yield r;
      count += page.rows.length;
      cursor = page.nextCursor;
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await db.update(listExports).set({ rowCount: count, updatedAt: new Date() }).where(eq(listExports.id, id));
      }
    } while (cursor);
  }
  try {
    if (e.format === 'csv') await writeCsv(temp, rows());
    else await writeXlsx(temp, rows(), { sheetName: t(listKey(e.list)), freezeRows: 1 });
    const staged = await stage(fileStream(temp), store.tempDir);
    await keepStaged(db, store, staged, async (tx) => {
      const [file] = await tx
        .insert(storedFiles)
        .values({ orgId: e.orgId, uploadedBy: e.userId, sha256: staged.sha256, size: staged.size, mime: staged.mime })
        .returning({ id: storedFiles.id });
      await finish(tx, e.id, { status: 'succeeded', rowCount: count, fileId: file?.id ?? null });
      await writeAudit(tx, caller, {
        action: 'export.finished',
        resourceType: 'export',
        resourceId: e.id,
        orgId: e.orgId,
        after: { list: e.list, rows: count, fileId: file?.id ?? null },
      });
    });
  } finally {
    await rm(temp, { force: true });
  }
};

/** The job gave up: the export is marked failed so that its page stops waiting, saying whether the database was busy or out of reach. */
export const abandonExport = async (db: Db, exportId: string, fault: 'db.busy' | 'db.unavailable' | null = null) => {
  await finish(db, exportId, { status: 'failed', error: fault ?? 'internal' });
};
