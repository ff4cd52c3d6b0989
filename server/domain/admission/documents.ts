import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { AdmissionDocumentKind } from '@/lib/enums';
import { admissionDocuments, storedFiles } from '@/db/schema';

export type DocumentView = {
  id: string;
  kind: AdmissionDocumentKind;
  fileName: string;
  fileId: string;
  size: number;
  mime: string;
  sha256: string;
  createdAt: Date;
};

/** The documents attached to an application, in the order they were added. */
export const documentsOf = async (db: DbOrTx, applicationId: string): Promise<DocumentView[]> =>
  db
    .select({
      id: admissionDocuments.id,
      kind: admissionDocuments.kind,
      fileName: admissionDocuments.fileName,
      fileId: admissionDocuments.fileId,
      size: storedFiles.size,
      mime: storedFiles.mime,
      sha256: storedFiles.sha256,
      createdAt: admissionDocuments.createdAt,
    })
    .from(admissionDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, admissionDocuments.fileId))
    .where(eq(admissionDocuments.applicationId, applicationId))
    .orderBy(asc(admissionDocuments.createdAt), asc(admissionDocuments.id));

/** A renewal starts with the documents of the application that admitted the organization. */
export const copyDocuments = async (tx: Tx, fromApplicationId: string, toApplicationId: string, userId: string) => {
  const docs = await documentsOf(tx, fromApplicationId);
  if (docs.length === 0) return;
  await tx.insert(admissionDocuments).values(
    docs.map((d) => ({
      applicationId: toApplicationId,
      fileId: d.fileId,
      kind: d.kind,
      fileName: d.fileName,
      addedBy: userId,
    })),
  );
};
