import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { ComplainantRelation, ComplaintCategory, ComplaintSource } from '@/lib/enums';
import { FILE_TYPES } from '@/lib/file-types';
import {
  caseActions,
  cases,
  complaintCounters,
  complaintEvents,
  complaintEvidence,
  complaints,
  complaintUploads,
} from '@/db/schema';
import type { Caller, RequestMeta } from '../../auth/actor';
import { emitEvent } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { stage, type Accept } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { keepStaged } from '../files/blobs';
import { notify } from '../notifications/notify';
import { sealPhone } from '../cases/seal';
import { shanghaiDate } from '@/lib/dates';
import type { Proof } from '../shared/proof-of-work';
import { takeAttempt } from '../shared/rate-limit';
import { caseByDetails, last4, verifyGuessable } from '../shared/guessable';
import { ackDue, resolutionDue } from './deadlines';
import { nearestDuplicate } from './similarity';
import { claimUploads, MAX_EVIDENCE, UPLOAD_TTL_MS, type Evidence } from './uploads';

export { MAX_EVIDENCE, UPLOAD_TTL_MS };

const DAY_MS = 86_400_000;

// Filing a complaint (DESIGN §3). A debtor or a family member files on the public page
// without an account: the contract number, the debtor's name and the last 4 ID digits
// must match a case, and a mismatch answers exactly as an unknown contract does, so the
// page never tells whether a case exists. Creditors and staff file from their portals
// (file-org.ts), through insertComplaint here. Every filing gets a reference `C-YYYY-NNNNNN`, its
// deadlines, a check against recent complaints for template text, and its evidence.

/** Per client address: five filings (or attempts) in ten minutes. */
export const FILE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
/** Per client address: thirty evidence uploads in ten minutes. */
export const UPLOAD_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
/** Per client address: thirty status look-ups in ten minutes. */
export const FOLLOW_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
/** Evidence is what a person can show: photos and screenshots, recordings, video, documents (never a spreadsheet). */
const EVIDENCE: Accept = {
  types: FILE_TYPES.filter(
    (t) => t === 'application/pdf' || t.startsWith('image/') || t.startsWith('audio/') || t.startsWith('video/'),
  ),
  refusal: () => new DomainError('evidence.typeNotAllowed', { field: 'evidence' }),
};
/** Complaints within this many days are compared for template text. */
const SIMILARITY_DAYS = 90;
const SIMILARITY_SAMPLE = 500;

const addressKey = (what: string, meta: RequestMeta) => `${what}:${meta.ip ?? 'unknown'}`;

const limited = async (db: DbOrTx, key: string, rule: { limit: number; windowMs: number }, now: Date) => {
  if (!(await takeAttempt(db, key, rule, now))) throw new DomainError('complaint.rateLimited');
};

/** The limit on filings without an account, taken once per filing: per client address, or per debtor's session. */
export const limitFiling = (db: DbOrTx, by: RequestMeta | { debtorSessionId: string }, now: Date) =>
  limited(
    db,
    'debtorSessionId' in by ? `complaint.file:debtor:${by.debtorSessionId}` : addressKey('complaint.file', by),
    FILE_LIMIT,
    now,
  );

const REFUSALS = { proofRequired: 'complaint.proofRequired', tooManyFailures: 'complaint.tooManyFailures' } as const;

/**
 * Stores one evidence file for a complaint about to be filed. Anyone may upload (a debtor
 * has no account), limited per address; the answer is the upload's random id, which the
 * filing names.
 */
export const uploadComplaintEvidence = async (
  db: DbOrTx,
  meta: RequestMeta,
  body: ReadableStream<Uint8Array>,
  store: BlobStore,
  now = new Date(),
) => {
  await limited(db, addressKey('complaint.upload', meta), UPLOAD_LIMIT, now);
  // Refused as soon as the first bytes show another type: nothing of it reaches the store.
  const staged = await stage(body, store.tempDir, EVIDENCE);
  return keepStaged(db, store, staged, async (tx) => {
    const [row] = await tx
      .insert(complaintUploads)
      .values({ sha256: staged.sha256, size: staged.size, mime: staged.mime, ip: meta.ip, createdAt: now })
      .returning();
    if (!row) throw new DomainError('complaint.uploadNotFound');
    return { id: row.id, size: row.size, mime: row.mime, sha256: row.sha256 };
  });
};

/** The next reference of the year (Beijing), drawn by one upsert so that parallel filings never share one. */
const nextReference = async (tx: Tx, now: Date) => {
  const year = Number(shanghaiDate(now).slice(0, 4));
  const [row] = await tx
    .insert(complaintCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: complaintCounters.year, set: { last: sql`${complaintCounters.last} + 1` } })
    .returning({ last: complaintCounters.last });
  return `C-${year}-${String(row?.last ?? 1).padStart(6, '0')}`;
};

/** The agency a case's complaint is about: the one holding it, or the one that last worked it. */
export const agencyOfCase = async (tx: DbOrTx, c: { id: string; agencyId: string | null }) => {
  if (c.agencyId) return c.agencyId;
  const [last] = await tx
    .select({ agencyId: caseActions.agencyId })
    .from(caseActions)
    .where(eq(caseActions.caseId, c.id))
    .orderBy(desc(caseActions.at))
    .limit(1);
  return last?.agencyId ?? null;
};

type NewComplaint = {
  source: ComplaintSource;
  category: ComplaintCategory;
  caseId: string | null;
  creditorId: string | null;
  agencyId: string | null;
  complainantName: string;
  relation: ComplainantRelation;
  contactPhone: string | null;
  description: string;
  filedBy: string | null;
  filedByOrgId: string | null;
  evidence: readonly Evidence[];
  callRecordId?: string | null;
};

/** Writes the complaint, its first timeline step, its evidence and the audit row; tells the complaint handlers. */
export const insertComplaint = async (
  tx: Tx,
  caller: Caller | (RequestMeta & { actor: null }),
  c: NewComplaint,
  now: Date,
) => {
  const files = await claimUploads(tx, c.evidence, now);
  const recent = await tx
    .select({ id: complaints.id, description: complaints.description })
    .from(complaints)
    .where(gt(complaints.receivedAt, new Date(now.getTime() - SIMILARITY_DAYS * DAY_MS)))
    .orderBy(desc(complaints.receivedAt))
    .limit(SIMILARITY_SAMPLE);
  const similar = nearestDuplicate(c.description, recent);
  const reference = await nextReference(tx, now);
  const [row] = await tx
    .insert(complaints)
    .values({
      reference,
      source: c.source,
      category: c.category,
      caseId: c.caseId,
      creditorId: c.creditorId,
      agencyId: c.agencyId,
      complainantName: c.complainantName,
      relation: c.relation,
      contactPhone: c.contactPhone ? sealPhone(c.contactPhone) : null,
      description: c.description,
      filedBy: c.filedBy,
      filedByOrgId: c.filedByOrgId,
      filedIp: caller.ip,
      receivedAt: now,
      ackDueAt: ackDue(now),
      resolutionDueAt: resolutionDue(now),
      similarTo: similar?.id ?? null,
      similarityBp: similar?.bp ?? null,
      callRecordId: c.callRecordId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new DomainError('complaint.notFound');
  await tx.insert(complaintEvents).values({ complaintId: row.id, kind: 'filed', actorId: c.filedBy, at: now });
  if (files.length > 0) {
    await tx.insert(complaintEvidence).values(
      files.map((f) => ({
        complaintId: row.id,
        uploadId: f.upload.id,
        sha256: f.upload.sha256,
        size: f.upload.size,
        mime: f.upload.mime,
        fileName: f.fileName,
        createdAt: now,
      })),
    );
  }
  await writeAudit(tx, caller, {
    action: 'complaint.file',
    resourceType: 'complaint',
    resourceId: row.id,
    orgId: c.agencyId,
    after: {
      reference,
      source: c.source,
      category: c.category,
      caseId: c.caseId,
      evidence: files.length,
      similarTo: similar?.id ?? null,
      callRecordId: c.callRecordId ?? null,
    },
  });
  await notify(
    tx,
    { platformRoles: ['admin', 'complaints'] },
    'complaint.filed',
    { reference, category: c.category },
    `/staff/complaints/${row.id}`,
  );
  // The creditor of the case hears of it at once; the agency only when the platform asks it to
  // answer (the complaint workflow), and never who complained.
  if (c.creditorId && c.filedByOrgId !== c.creditorId)
    await emitEvent(tx, {
      orgId: c.creditorId,
      type: 'complaint.filed',
      payload: { complaintId: row.id, reference, category: c.category, caseId: c.caseId, agencyId: c.agencyId },
    });
  return row;
};

export const receipt = (row: { reference: string; receivedAt: Date; ackDueAt: Date; resolutionDueAt: Date }) => ({
  reference: row.reference,
  receivedAt: row.receivedAt,
  ackDueAt: row.ackDueAt,
  resolutionDueAt: row.resolutionDueAt,
});

export type PublicComplaintInput = {
  contractNo: string;
  debtorName: string;
  idLast4: string;
  relation: ComplainantRelation;
  complainantName: string;
  contactPhone: string | null;
  category: ComplaintCategory;
  description: string;
  evidence: Evidence[];
  /** A solved challenge, when the page was asked for one (complaint.proofRequired). */
  proof?: Proof | null | undefined;
};

/** What the complainant says, on the public page or from the debtor's own page. */
export type ComplaintStatement = Pick<
  PublicComplaintInput,
  'relation' | 'complainantName' | 'contactPhone' | 'category' | 'description' | 'evidence'
>;

/**
 * A complaint without an account about a case already known (verified by its details, or
 * the debtor's session): about the agency holding it or that last worked it; the debtor's
 * own name is the case's.
 */
export const fileAboutCase = async (
  tx: Tx,
  meta: RequestMeta,
  c: { id: string; creditorId: string; agencyId: string | null; debtorName: string },
  input: ComplaintStatement,
  now: Date,
) =>
  insertComplaint(
    tx,
    { ...meta, actor: null },
    {
      source: 'public',
      category: input.category,
      caseId: c.id,
      creditorId: c.creditorId,
      agencyId: await agencyOfCase(tx, c),
      complainantName: input.relation === 'self' ? c.debtorName.trim() : input.complainantName.trim(),
      relation: input.relation,
      contactPhone: input.contactPhone,
      description: input.description.trim(),
      filedBy: null,
      filedByOrgId: null,
      evidence: input.evidence,
    },
    now,
  );

/**
 * A complaint from the public page. The case is found by contract number and verified by
 * the debtor's name and the last 4 ID digits (compared with the stored mask, nothing is
 * decrypted). A wrong contract number, name or digits all answer `complaint.notVerified`,
 * the same words. Guessing is limited per client (verifyGuessable), never by a lock on
 * the contract that would also keep its debtor out.
 */
export const filePublicComplaint = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: PublicComplaintInput,
  now = new Date(),
) => {
  await limitFiling(db, meta, now);
  const contractNo = input.contractNo.trim();
  const match = await verifyGuessable(
    db,
    meta,
    'complaint.verify',
    contractNo,
    input.proof,
    (tx) => caseByDetails(tx, input),
    REFUSALS,
    now,
  );
  if (!match) throw new DomainError('complaint.notVerified');
  const row = await db.transaction((tx) => fileAboutCase(tx, meta, match, input, now));
  return receipt(row);
};

/**
 * What the complainant may follow on the public page: the status, deadlines, outcome and
 * finding, by reference and the same last 4 ID digits. A wrong reference or wrong digits
 * answer alike; guessing is limited as for filing (references run in sequence, the digits
 * are what must not be guessable).
 */
export const followComplaint = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: { reference: string; idLast4: string; proof?: Proof | null | undefined },
  now = new Date(),
) => {
  await limited(db, addressKey('complaint.follow', meta), FOLLOW_LIMIT, now);
  const reference = input.reference.trim().toUpperCase();
  const row = await verifyGuessable(
    db,
    meta,
    'complaint.follow',
    reference,
    input.proof,
    async (tx) => {
      const [found] = await tx
        .select({ c: complaints, idNumberMasked: cases.idNumberMasked })
        .from(complaints)
        .innerJoin(cases, eq(cases.id, complaints.caseId))
        .where(and(eq(complaints.reference, reference), eq(complaints.source, 'public')));
      return found && found.idNumberMasked.toUpperCase().endsWith(last4(input.idLast4)) ? found : null;
    },
    REFUSALS,
    now,
  );
  if (!row) throw new DomainError('complaint.notFound', { field: 'reference' });
  const events = await db
    .select({ kind: complaintEvents.kind, at: complaintEvents.at })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, row.c.id))
    .orderBy(complaintEvents.at, complaintEvents.id);
  const c = row.c;
  return {
    reference: c.reference,
    category: c.category,
    status: c.status,
    outcome: c.outcome,
    receivedAt: c.receivedAt,
    ackDueAt: c.ackDueAt,
    resolutionDueAt: c.resolutionDueAt,
    decidedAt: c.decidedAt,
    finding: c.decidedAt ? c.finding : null,
    // The timeline without notes: those are for the people handling it.
    steps: events.filter((e) => e.kind !== 'responded').map((e) => ({ kind: e.kind, at: e.at })),
  };
};
