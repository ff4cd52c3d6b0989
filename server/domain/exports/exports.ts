import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { formatDateTime } from '@/components/format';
import type { Db, DbOrTx } from '@/db/client';
import type { ExportFormat, ExportList, Locale, OrgType } from '@/db/enums';
import { listExports, storedFiles, type ListExport } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission, type Permission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError, type DomainErrorCode } from '../../errors';
import { getTranslate, type Translate } from '../../i18n/translate';
import { enqueue } from '../../jobs/queue';
import { ingest } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { writeCsv, writeXlsx } from '../../tabular/write';
import { loadActor } from '../auth/load-actor';
import { listAgencyCases, listCreditorCases, type CaseFilters } from '../cases/placement';
import { listCreditorRepayments } from '../money/repayments';
import { shanghaiDate } from '../shared/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { listVisits } from '../work/record';
import { listAuditForStaff } from '../audit/list-audit';
import { listStatements } from '../money/statements';
import { listPackages } from '../packages/packages';
import { listCreditorRestructures } from '../work/restructure';
import { listActivity } from '../work/oversight';

// Exports of the lists users see (DESIGN §3): the same domain list, with the same filters
// and masking, read page by page by a background job into a workbook or CSV whose cells
// cannot run as formulas. The user follows its progress and downloads it when done.

export const EXPORT_JOB = 'export.run';
/** The catalog key of a list's name (catalog keys cannot hold dots). */
const listKey = (list: ExportList) => `exports.list.${list.replace('.', '_')}`;
const PAGE = 500;
const PROGRESS_EVERY_MS = 500;

const yuan = (fen: number) => (fen / 100).toFixed(2);
/** Beijing time, as the screens show it. */
const at = (d: Date | null | undefined) => (d ? formatDateTime(d) : '');

type Page<T> = { items: T[]; nextCursor: string | null };
type ListDef = {
  orgTypes: readonly OrgType[];
  permission: Permission;
  header: (t: Translate) => string[];
  rows: (db: DbOrTx, caller: Caller, filters: Record<string, unknown>, cursor: string | null, t: Translate) => Promise<{ rows: string[][]; nextCursor: string | null }>;
};

const casesHeader = (t: Translate) => [t('exports.col.contractNo'), t('exports.col.debtor'), t('exports.col.idNumber'), t('exports.col.phone'), t('exports.col.amountOverdue'), t('exports.col.daysOverdue'), t('exports.col.bucket'), t('exports.col.province'), t('exports.col.status'), t('exports.col.agency'), t('exports.col.collector')];
const caseRows = async (p: Promise<Page<Awaited<ReturnType<typeof listCreditorCases>>['items'][number]>>, t: Translate) => {
  const { items, nextCursor } = await p;
  return {
    rows: items.map((c) => [c.contractNo, c.debtorName, c.idNumber, c.phone, yuan(c.amountOverdue), String(c.daysOverdue), `M${c.bucket}`, c.province ? t(`province.${c.province}`) : '', t(`caseStatus.${c.status}`), c.agencyName ?? '', c.collectorName ?? '']),
    nextCursor,
  };
};

/** The lists that can be exported: who may, the header, and how one page of rows is read (masked as on screen). */
export const EXPORT_LIST_DEFS: Record<ExportList, ListDef> = {
  'creditor.cases': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: casesHeader,
    rows: (db, caller, f, cursor, t) => caseRows(listCreditorCases(db, caller, { ...(f as Partial<CaseFilters>), cursor, limit: PAGE }), t),
  },
  'agency.cases': {
    orgTypes: ['agency'],
    permission: 'cases.work',
    header: casesHeader,
    rows: (db, caller, f, cursor, t) => caseRows(listAgencyCases(db, caller, { ...(f as Partial<CaseFilters>), cursor, limit: PAGE }), t),
  },
  'creditor.repayments': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [t('exports.col.contractNo'), t('exports.col.agency'), t('exports.col.amount'), t('exports.col.paidOn'), t('exports.col.channel'), t('exports.col.payer'), t('exports.col.reference'), t('exports.col.source'), t('exports.col.status'), t('exports.col.reportedAt')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listCreditorRepayments(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE });
      return {
        rows: items.map((r) => [r.contractNo, r.agencyName ?? '', yuan(r.amount), r.paidOn, t(`repayments.channels.${r.channel}`), r.payer, r.reference, t(`repayments.source.${r.source}`), t(`repayments.status.${r.status}`), at(r.createdAt)]),
        nextCursor,
      };
    },
  },
  visits: {
    orgTypes: ['creditor', 'platform'],
    permission: 'cases.record',
    header: (t) => [t('exports.col.contractNo'), t('exports.col.debtor'), t('exports.col.agency'), t('exports.col.creditor'), t('exports.col.status'), t('exports.col.plannedFor'), t('exports.col.visitedAt'), t('exports.col.address'), t('exports.col.staff'), t('exports.col.evidence'), t('exports.col.flags')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listVisits(db, caller, { ...(f as { status?: never; isFlaggedOnly?: boolean }), cursor, limit: PAGE });
      return {
        rows: items.map((v) => [
          v.contractNo,
          v.debtorName,
          v.agencyName,
          v.creditorName,
          t(`visits.status.${v.status}`),
          at(v.plannedFor),
          at(v.visitedAt),
          v.address,
          String(v.staff),
          t('exports.evidenceCounts', { photos: v.photos, audio: v.audio, video: v.video }),
          v.flags.map((fl) => t(`visits.flag.${fl.rule}`, { missing: String(fl.values.missing ?? '').split(',').filter(Boolean).map((k) => t(`visits.missing.${k}`)).join(' / ') })).join('；'),
        ]),
        nextCursor,
      };
    },
  },
  statements: {
    orgTypes: ['creditor', 'agency'],
    permission: 'statements.read',
    header: (t) => [t('exports.col.month'), t('exports.col.otherSide'), t('exports.col.lines'), t('exports.col.base'), t('exports.col.commission'), t('exports.col.status'), t('exports.col.creditorAgreed'), t('exports.col.agencyAgreed'), t('exports.col.paidAt')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listStatements(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE });
      return {
        rows: items.map((s) => [s.month, s.otherName, String(s.lineCount), yuan(s.baseTotal), yuan(s.total), t(`statements.status.${s.status}`), at(s.creditorAgreedAt), at(s.agencyAgreedAt), at(s.paidAt)]),
        nextCursor,
      };
    },
  },
  'creditor.activity': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [t('exports.col.at'), t('exports.col.contractNo'), t('exports.col.debtor'), t('exports.col.agency'), t('exports.col.collector'), t('exports.col.actionChannel'), t('exports.col.phone'), t('exports.col.outcome'), t('exports.col.note'), t('exports.col.flags')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listActivity(db, caller, { ...(f as { agencyId?: string; isFlaggedOnly?: boolean }), cursor, limit: PAGE });
      return {
        rows: items.map((a) => [
          at(a.at),
          a.contractNo,
          a.debtorName,
          a.agencyName,
          a.actorName,
          t(`work.channel.${a.channel}`),
          a.phoneMasked ?? '',
          t(`work.outcome.${a.outcome}`),
          a.note,
          a.flags.map((fl) => t(`work.flag.${fl.rule}`, fl.values ?? {})).join('；'),
        ]),
        nextCursor,
      };
    },
  },
  'creditor.packages': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [t('exports.col.packageName'), t('exports.col.status'), t('exports.col.cases'), t('exports.col.amountOverdue'), t('exports.col.closesAt'), t('exports.col.commissionStart'), t('exports.col.commissionEnd'), t('exports.col.createdAt')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listPackages(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE });
      return {
        rows: items.map((p) => [p.name, t(`packageStatus.${p.status}`), String(p.figures.caseCount), yuan(p.figures.totalOverdue), at(p.closesAt), p.commissionStart ?? '', p.commissionEnd ?? '', at(p.createdAt)]),
        nextCursor,
      };
    },
  },
  'creditor.restructures': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [t('exports.col.contractNo'), t('exports.col.kind'), t('exports.col.totalAmount'), t('exports.col.reason'), t('exports.col.status'), t('exports.col.createdAt'), t('exports.col.decidedAt'), t('exports.col.note')],
    rows: async (db, caller, f, cursor, t) => {
      const { items, nextCursor } = await listCreditorRestructures(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE });
      return {
        rows: items.map((r) => [r.contractNo, t(`restructure.kinds.${r.kind}`), yuan(r.totalAmount), r.reason, t(`restructure.status.${r.status}`), at(r.createdAt), at(r.decidedAt), r.decisionNote ?? '']),
        nextCursor,
      };
    },
  },
  'staff.audit': {
    orgTypes: ['platform'],
    permission: 'staff.audit.read',
    header: (t) => [t('exports.col.at'), t('exports.col.action'), t('exports.col.actor'), t('exports.col.actorOrg'), t('exports.col.org'), t('exports.col.resource'), t('exports.col.ip'), t('exports.col.after')],
    rows: async (db, _caller, f, cursor, t) => {
      const filters = f as { actorUserId?: string; orgId?: string; action?: string; from?: string; to?: string };
      const { items, nextCursor } = await listAuditForStaff(db, {
        actorUserId: filters.actorUserId,
        orgId: filters.orgId,
        action: filters.action,
        from: filters.from ? new Date(filters.from) : undefined,
        to: filters.to ? new Date(filters.to) : undefined,
        cursor,
        limit: PAGE,
      });
      return {
        rows: items.map((a) => [
          at(a.at),
          t(`auditAction.${a.action}`),
          [a.actorName, a.actorEmail].filter(Boolean).join(' '),
          a.actorOrgName ?? '',
          a.orgName ?? '',
          [a.resourceType, a.resourceId].filter(Boolean).join(' '),
          a.ip ?? '',
          a.after ? JSON.stringify(a.after) : '',
        ]),
        nextCursor,
      };
    },
  },
};

const view = (e: ListExport) => ({ id: e.id, list: e.list, format: e.format, status: e.status, rowCount: e.rowCount, fileId: e.fileId, fileName: e.fileName, error: e.error, createdAt: e.createdAt, finishedAt: e.finishedAt });
export type ExportView = ReturnType<typeof view>;

/** Whether the caller may export a list at all: its organization's kind and the list's permission. */
const mayExport = (caller: Pick<Caller, 'actor'>, def: ListDef) => def.orgTypes.includes(caller.actor.orgType) && hasPermission(caller.actor, def.permission);

/** Queues an export of a list with its filters; the file is written by a job, in the caller's language. */
export const startExport = async (db: DbOrTx, caller: Caller, input: { list: ExportList; format: ExportFormat; filters: Record<string, unknown> }, locale: Locale, now = new Date()) => {
  const def = EXPORT_LIST_DEFS[input.list];
  if (!mayExport(caller, def)) throw new DomainError('auth.forbidden');
  const t = getTranslate(locale);
  const fileName = `${t(listKey(input.list))} ${shanghaiDate(now)}.${input.format}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listExports)
      .values({ orgId: caller.actor.orgId, userId: caller.actor.userId, list: input.list, format: input.format, filters: input.filters, locale, fileName, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new DomainError('export.notFound');
    await enqueue(tx, { kind: EXPORT_JOB, key: row.id, payload: { exportId: row.id } });
    await writeAudit(tx, caller, { action: 'export.start', resourceType: 'export', resourceId: row.id, orgId: caller.actor.orgId, after: { list: input.list, format: input.format, filters: input.filters } });
    return view(row);
  });
};

/** One of the caller's own exports; anyone else's answers NOT_FOUND. */
export const getExport = async (db: DbOrTx, caller: Caller, exportId: string) => {
  const [row] = await db
    .select()
    .from(listExports)
    .where(and(eq(listExports.id, exportId), eq(listExports.userId, caller.actor.userId)));
  if (!row) throw new DomainError('export.notFound', { field: 'exportId' });
  return view(row);
};

/** The caller's exports, newest first, keyset-paged. */
export const listMyExports = async (db: DbOrTx, caller: Caller, input: { cursor?: string | null | undefined; limit: number }) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(listExports)
    .where(and(eq(listExports.userId, caller.actor.userId), cursor ? afterCursor(listExports.createdAt, listExports.id, cursor) : undefined))
    .orderBy(desc(listExports.createdAt), desc(listExports.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map(view), nextCursor: page.nextCursor };
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
  const lookup = await loadActor(db, e.userId);
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
  async function* rows(): AsyncGenerator<string[]> {
    yield def.header(t);
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
    else await writeXlsx(temp, rows(), { sheetName: t(listKey(e.list)) });
    const stored = await ingest(Readable.toWeb(createReadStream(temp)) as ReadableStream<Uint8Array>, store);
    await db.transaction(async (tx) => {
      const [file] = await tx.insert(storedFiles).values({ orgId: e.orgId, uploadedBy: e.userId, ...stored }).returning({ id: storedFiles.id });
      await finish(tx, e.id, { status: 'succeeded', rowCount: count, fileId: file?.id ?? null });
      await writeAudit(tx, caller, { action: 'export.finished', resourceType: 'export', resourceId: e.id, orgId: e.orgId, after: { list: e.list, rows: count, fileId: file?.id ?? null } });
    });
  } finally {
    await rm(temp, { force: true });
  }
};

/** The job gave up: the export is marked failed so that its page stops waiting. */
export const abandonExport = async (db: Db, exportId: string) => {
  await finish(db, exportId, { status: 'failed', error: 'internal' });
};
