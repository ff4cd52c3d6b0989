import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { AdmissionDocumentKind } from '@/lib/enums';
import { MAX_DOCUMENTS_PER_APPLICATION } from '@/lib/admission';
import { DOCUMENT_FILE_TYPES } from '@/lib/file-types';
import { admissionDocuments } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { ownFile } from '../files/files';
import { lockOpenApplication, present } from './applications';

/** Attaches an uploaded file of the caller's organization to its application, while it may be edited. */
export const attachDocument = async (
  db: DbOrTx,
  caller: Caller,
  args: { fileId: string; kind: AdmissionDocumentKind; fileName: string },
) =>
  db.transaction(async (tx) => {
    const row = await lockOpenApplication(tx, caller.actor.orgId);
    const file = await ownFile(tx, caller, args.fileId);
    if (!(DOCUMENT_FILE_TYPES as readonly string[]).includes(file.mime))
      throw new DomainError('admission.documentTypeNotAllowed', { field: 'fileId' });
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(admissionDocuments)
      .where(eq(admissionDocuments.applicationId, row.id));
    if (n >= MAX_DOCUMENTS_PER_APPLICATION) {
      throw new DomainError('admission.tooManyDocuments', {
        field: 'fileId',
        values: { max: MAX_DOCUMENTS_PER_APPLICATION },
      });
    }
    const [doc] = await tx
      .insert(admissionDocuments)
      .values({
        applicationId: row.id,
        fileId: file.id,
        kind: args.kind,
        fileName: args.fileName,
        addedBy: caller.actor.userId,
      })
      .returning({ id: admissionDocuments.id });
    await writeAudit(tx, caller, {
      action: 'admission.attachDocument',
      resourceType: 'admission_application',
      resourceId: row.id,
      orgId: row.orgId,
      after: { documentId: doc?.id, kind: args.kind, fileName: args.fileName, sha256: file.sha256 },
    });
    return present(tx, row);
  });

/** Removes a document from the application (the stored file itself stays: files are append-only). */
export const removeDocument = async (db: DbOrTx, caller: Caller, args: { documentId: string }) =>
  db.transaction(async (tx) => {
    const row = await lockOpenApplication(tx, caller.actor.orgId);
    const [doc] = await tx
      .delete(admissionDocuments)
      .where(and(eq(admissionDocuments.id, args.documentId), eq(admissionDocuments.applicationId, row.id)))
      .returning();
    if (!doc) throw new DomainError('admission.documentNotFound', { field: 'documentId' });
    await writeAudit(tx, caller, {
      action: 'admission.removeDocument',
      resourceType: 'admission_application',
      resourceId: row.id,
      orgId: row.orgId,
      before: { documentId: doc.id, kind: doc.kind, fileName: doc.fileName, fileId: doc.fileId },
    });
    return present(tx, row);
  });
