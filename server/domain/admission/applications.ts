import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { OPEN_APPLICATION_STATUSES, type ApplicantType } from '@/lib/enums';
import { REQUIRED_DOCUMENTS } from '@/lib/admission';
import { admissionApplications, admissionTemplates, organizations } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { blindIndex, decryptPii, encryptPii, maskIdNumber } from '../../pii/crypto';
import { notify } from '../notifications/notify';
import { orgNameOf } from '../orgs/orgs';
import { copyDocuments, documentsOf, type DocumentView } from './documents';
import { isRenewalDue } from './expiry';
import { COMPLETE_SECTIONS, SECTIONS_BY_KIND, ZBasics, type SectionName, type TSectionDraft } from './sections.schema';

const EDITABLE = ['draft', 'info_requested'] as const;

type Row = typeof admissionApplications.$inferSelect;

// The ID number lives sealed in its own column; completeness checks its presence there.
const ZBasicsWithoutId = ZBasics.omit({ legalRepIdNumber: true });

const isSectionComplete = (row: Row, name: SectionName): boolean => {
  const data = row.sections[name] ?? {};
  if (name === 'basics') return row.legalRepIdSealed !== null && ZBasicsWithoutId.safeParse(data).success;
  return COMPLETE_SECTIONS[name].safeParse(data).success;
};

const kindOf = (row: Row): ApplicantType => (row.kind === 'creditor' ? 'creditor' : 'agency');

const sectionsOf = (kind: ApplicantType): readonly SectionName[] => SECTIONS_BY_KIND[kind];

const missingDocuments = (kind: ApplicantType, documents: readonly DocumentView[]) =>
  REQUIRED_DOCUMENTS[kind].filter((k) => !documents.some((d) => d.kind === k));

/**
 * What the applicant sees: sections as saved, the ID number masked, the documents, and
 * which steps are complete (the documents step: every required kind attached).
 */
const presentRow = (row: Row, documents: DocumentView[]) => {
  const kind = kindOf(row);
  const completeness = Object.fromEntries([
    ...sectionsOf(kind).map((s) => [s, isSectionComplete(row, s)]),
    ['documents', missingDocuments(kind, documents).length === 0],
  ]) as Record<string, boolean>;
  return {
    id: row.id,
    kind,
    status: row.status,
    isRenewal: row.isRenewal,
    sections: row.sections,
    legalRepIdMasked: row.legalRepIdSealed ? maskIdNumber(decryptPii(row.legalRepIdSealed)) : null,
    completeness,
    isComplete: Object.values(completeness).every(Boolean),
    isEditable: (EDITABLE as readonly string[]).includes(row.status),
    infoRequest: row.infoRequest,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    tier: row.tier,
    decisionReason: row.decisionReason,
    documents,
    updatedAt: row.updatedAt,
  };
};

const present = async (db: DbOrTx, row: Row) => presentRow(row, await documentsOf(db, row.id));

export type ApplicationView = ReturnType<typeof presentRow>;

/** The caller organization's latest application (the open one, else the last decided). */
export const getOwnApplication = async (db: DbOrTx, caller: Caller) => {
  const [row] = await db
    .select()
    .from(admissionApplications)
    .where(eq(admissionApplications.orgId, caller.actor.orgId))
    .orderBy(desc(admissionApplications.createdAt))
    .limit(1);
  if (!row) throw new DomainError('admission.notFound');
  return present(db, row);
};

const lockOpenApplication = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select()
    .from(admissionApplications)
    .where(
      and(
        eq(admissionApplications.orgId, orgId),
        inArray(admissionApplications.status, [...OPEN_APPLICATION_STATUSES]),
      ),
    )
    .for('update');
  if (!row) throw new DomainError('admission.notFound');
  if (!(EDITABLE as readonly string[]).includes(row.status)) throw new DomainError('admission.notEditable');
  return row;
};

/** Saves one step of the form as a draft; the sealed ID number never enters the JSON. */
export const saveSection = async (db: DbOrTx, caller: Caller, draft: TSectionDraft) =>
  db.transaction(async (tx) => {
    const row = await lockOpenApplication(tx, caller.actor.orgId);
    const kind = kindOf(row);
    if (!(sectionsOf(kind) as readonly string[]).includes(draft.section)) {
      throw new DomainError('admission.sectionNotForKind', { field: 'section' });
    }
    const data: Record<string, unknown> = { ...draft.data };
    const sealed: Partial<Pick<Row, 'legalRepIdSealed' | 'legalRepIdIndex'>> = {};
    if (draft.section === 'basics' && typeof data.legalRepIdNumber === 'string') {
      sealed.legalRepIdSealed = encryptPii(data.legalRepIdNumber);
      sealed.legalRepIdIndex = blindIndex(data.legalRepIdNumber);
    }
    delete data.legalRepIdNumber;
    const previous = (row.sections[draft.section] ?? {}) as Record<string, unknown>;
    const sections = { ...row.sections, [draft.section]: { ...previous, ...data } };
    const [updated] = await tx
      .update(admissionApplications)
      .set({ sections, ...sealed, updatedAt: new Date() })
      .where(eq(admissionApplications.id, row.id))
      .returning();
    if (!updated) throw new DomainError('admission.notFound');
    await writeAudit(tx, caller, {
      action: 'admission.saveSection',
      resourceType: 'admission_application',
      resourceId: row.id,
      orgId: row.orgId,
      // Field names only: the audit log is no place for a second copy of the ID number.
      after: { section: draft.section, fields: Object.keys(draft.data).sort() },
    });
    return present(tx, updated);
  });

/**
 * Submits the application: every section complete, and neither the credit code nor the
 * legal representative on the ban list (a banned operator never comes back under a new name).
 */
export const submitApplication = async (db: DbOrTx, caller: Caller) =>
  db.transaction(async (tx) => {
    const row = await lockOpenApplication(tx, caller.actor.orgId);
    const kind = kindOf(row);
    const missing = sectionsOf(kind).filter((s) => !isSectionComplete(row, s));
    if (missing.length > 0) {
      throw new DomainError('admission.incomplete', {
        field: missing[0],
        labels: { sections: missing.map((m) => `admission.section.${m}`) },
      });
    }
    const absent = missingDocuments(kind, await documentsOf(tx, row.id));
    if (absent.length > 0) {
      throw new DomainError('admission.documentsMissing', {
        field: 'documents',
        labels: { kinds: absent.map((k) => `admission.documentKind.${k}`) },
      });
    }
    if (row.legalRepIdIndex) {
      const [banned] = await tx
        .select({ id: admissionApplications.id })
        .from(admissionApplications)
        .innerJoin(organizations, eq(organizations.id, admissionApplications.orgId))
        .where(and(eq(admissionApplications.legalRepIdIndex, row.legalRepIdIndex), eq(organizations.status, 'banned')))
        .limit(1);
      if (banned) throw new DomainError('admission.legalRepBanned', { field: 'legalRepIdNumber' });
    }
    // Scored against the template version active at submission (DESIGN §7).
    const [template] = await tx
      .select({ id: admissionTemplates.id })
      .from(admissionTemplates)
      .where(eq(admissionTemplates.kind, kind))
      .orderBy(desc(admissionTemplates.version))
      .limit(1);
    if (!template) throw new DomainError('admission.noTemplate');
    const now = new Date();
    const [updated] = await tx
      .update(admissionApplications)
      .set({
        status: 'submitted',
        submittedAt: now,
        submissionCount: row.submissionCount + 1,
        templateId: template.id,
        infoRequest: null,
        updatedAt: now,
      })
      .where(eq(admissionApplications.id, row.id))
      .returning();
    if (!updated) throw new DomainError('admission.notFound');
    await writeAudit(tx, caller, {
      action: 'admission.submit',
      resourceType: 'admission_application',
      resourceId: row.id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: 'submitted', submission: updated.submissionCount },
    });
    await notify(
      tx,
      { platformRoles: ['admin', 'reviewer'] },
      'admission.submitted',
      { org: await orgNameOf(tx, row.orgId) },
      `/staff/admission/${row.id}`,
    );
    return present(tx, updated);
  });

type Follow = 'renewal' | 'reapply';

/**
 * Opens the organization's next application, pre-filled (sections, sealed ID, documents)
 * from its last admitted one (a renewal) or its last rejected one (applying again).
 * Asking twice returns the same draft.
 */
const openNext = async (db: DbOrTx, caller: Caller, follow: Follow, now: Date) =>
  db.transaction(async (tx) => {
    const [org] = await tx
      .select({
        id: organizations.id,
        status: organizations.status,
        type: organizations.type,
        admissionExpiresAt: organizations.admissionExpiresAt,
      })
      .from(organizations)
      .where(eq(organizations.id, caller.actor.orgId))
      .for('update');
    if (!org || org.type === 'platform') throw new DomainError('org.notFound');
    const [open] = await tx
      .select()
      .from(admissionApplications)
      .where(
        and(
          eq(admissionApplications.orgId, org.id),
          inArray(admissionApplications.status, [...OPEN_APPLICATION_STATUSES]),
        ),
      );
    if (open) return present(tx, open);
    // The source: the last admitted application (renewal) or the latest one, which must be rejected (reapply).
    if (follow === 'renewal' && !isRenewalDue(org.status, org.admissionExpiresAt, now))
      throw new DomainError('admission.renewalNotDue');
    const [source] = await tx
      .select()
      .from(admissionApplications)
      .where(
        and(
          eq(admissionApplications.orgId, org.id),
          follow === 'renewal' ? eq(admissionApplications.status, 'admitted') : undefined,
        ),
      )
      .orderBy(desc(follow === 'renewal' ? admissionApplications.decidedAt : admissionApplications.createdAt))
      .limit(1);
    if (follow === 'reapply' && (org.status !== 'applicant' || source?.status !== 'rejected'))
      throw new DomainError('admission.notRejected');
    const [created] = await tx
      .insert(admissionApplications)
      .values({
        orgId: org.id,
        kind: org.type,
        isRenewal: follow === 'renewal',
        sections: source?.sections ?? {},
        legalRepIdSealed: source?.legalRepIdSealed ?? null,
        legalRepIdIndex: source?.legalRepIdIndex ?? null,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!created) throw new DomainError('admission.notFound');
    if (source) await copyDocuments(tx, source.id, created.id, caller.actor.userId);
    await writeAudit(tx, caller, {
      action: follow === 'renewal' ? 'admission.startRenewal' : 'admission.reapply',
      resourceType: 'admission_application',
      resourceId: created.id,
      orgId: org.id,
      after: { copiedFrom: source?.id ?? null, admissionExpiresAt: org.admissionExpiresAt?.toISOString() ?? null },
    });
    return present(tx, created);
  });

/** Renewal: from 30 days before expiry (or after it), pre-filled from the admitting application. */
export const startRenewal = (db: DbOrTx, caller: Caller, now = new Date()) => openNext(db, caller, 'renewal', now);

/** After a rejection the applicant may correct and apply again, starting from what it sent. */
export const reapply = (db: DbOrTx, caller: Caller, now = new Date()) => openNext(db, caller, 'reapply', now);

export { lockOpenApplication, kindOf, present };

/**
 * What the portal home shows about renewal: due from 30 days before expiry (or once
 * expired), days left, and the renewal application already open, if any.
 */
export const renewalStatus = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const [org] = await db
    .select({ status: organizations.status, admissionExpiresAt: organizations.admissionExpiresAt })
    .from(organizations)
    .where(eq(organizations.id, caller.actor.orgId));
  if (!org) throw new DomainError('org.notFound');
  const [open] = await db
    .select({ id: admissionApplications.id, status: admissionApplications.status })
    .from(admissionApplications)
    .where(
      and(
        eq(admissionApplications.orgId, caller.actor.orgId),
        eq(admissionApplications.isRenewal, true),
        inArray(admissionApplications.status, [...OPEN_APPLICATION_STATUSES]),
      ),
    );
  const expiresAt = org.admissionExpiresAt;
  return {
    isDue: isRenewalDue(org.status, expiresAt, now),
    expiresAt,
    daysLeft: expiresAt ? Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000) : null,
    openStatus: open?.status ?? null,
  };
};
