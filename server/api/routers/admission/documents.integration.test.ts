// Admission documents: uploads are recognised by their bytes (PDF, JPEG, PNG), at most
// 20 MB, stored once by SHA-256; an application is submitted only with its licence; the
// documents can change only while the applicant may edit; reviewers read them (audited);
// other organizations cannot see them; stored files are append-only in the database and
// their bytes are checked against the hash when served.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, storedFiles } from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import { openFile } from '../../../domain/files/files';
import { describeError } from '../../errors';
import { getBlobStore, localStore } from '../../../storage/store';
import { attachSampleDocument, submitCreditorNew } from '../../../testing/admission';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();

const fileCount = async () => (await ctx.handle.db.select({ id: storedFiles.id }).from(storedFiles)).length;
const readAll = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer());

describe('files.upload', () => {
  it('stores a PDF under its SHA-256 with the type read from its bytes, audited', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['agencyNew.admin']);
    const bytes = samplePdf(['营业执照 scan']);
    const file = await admin.files.upload(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    expect(file).toMatchObject({
      mime: 'application/pdf',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.upload'), eq(auditLog.resourceId, file.id)));
    expect(audits).toHaveLength(1);
  });

  it.each([
    [
      'a renamed executable',
      () => new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode'),
      'UNSUPPORTED_MEDIA_TYPE',
      '不接受这种文件：只接受 PDF、JPEG、PNG',
    ],
    [
      'a 25 MB file',
      () => {
        const b = new Uint8Array(25 * 1024 * 1024);
        b.set(new TextEncoder().encode('%PDF-1.7'));
        return b;
      },
      'PAYLOAD_TOO_LARGE',
      '超过 20 MB',
    ],
    ['an empty file', () => new Uint8Array(0), 'BAD_REQUEST', '文件是空的'],
  ])('refuses %s with a translated message and records nothing', async (_why, bytes, code, message) => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['agencyNew.admin']);
    const before = await fileCount();
    const error = await admin.files.upload(bytes()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect(describeError('zh-CN', error as never).message).toContain(message);
    expect(await fileCount()).toBe(before);
  });

  it('keeps stored files append-only in the database', async () => {
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(
      ctx.handle.db.execute(sql`update stored_files set size = 1 where id = ${ctx.w.licence.fileId}`),
    ).rejects.toMatchObject(appendOnly);
    await expect(
      ctx.handle.db.execute(sql`delete from stored_files where id = ${ctx.w.licence.fileId}`),
    ).rejects.toMatchObject(appendOnly);
  });
});

describe('application documents', () => {
  it('needs the business licence before an agency application can be submitted', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['agencyNew.admin']);
    const view = await admin.admission.application.get();
    expect(view.completeness.documents).toBe(false);
    // Sections complete but no licence: the refusal names the missing document.
    await ctx.handle.db.execute(
      sql`update admission_applications set status = 'draft' where id = ${ctx.w.applications.agencyNew}`,
    );
    const withCertificate = await attachSampleDocument(admin, 'certificate', 'ISO 27001');
    expect(withCertificate.completeness.documents).toBe(false);
    const withLicence = await attachSampleDocument(admin, 'business_licence');
    expect(withLicence.completeness.documents).toBe(true);
    expect(withLicence.documents.map((d) => d.kind)).toEqual(['certificate', 'business_licence']);
  });

  it('refuses a creditor submission without its licence document, naming it', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    await admin.admission.application.documents.remove({ documentId: ctx.w.licence.documentId });
    const error = await admin.admission.application.submit().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.documentsMissing', details: { field: 'documents' } },
    });
    expect(describeError('zh-CN', error as never).message).toBe('请上传必需的材料：金融许可证');
    expect(describeError('en', error as never).message).toBe('Please upload the required documents: Financial licence');
  });

  it('freezes the documents once submitted', async () => {
    await submitCreditorNew(ctx.w);
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    await expect(
      admin.admission.application.documents.remove({ documentId: ctx.w.licence.documentId }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'admission.notEditable' } });
    await expect(
      admin.admission.application.documents.attach({ fileId: ctx.w.licence.fileId, kind: 'other', fileName: 'x.pdf' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin.admission.application.get()).documents).toHaveLength(1);
  });

  it('caps the number of documents', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    for (let i = 1; i < 12; i++)
      await admin.admission.application.documents.attach({
        fileId: ctx.w.licence.fileId,
        kind: 'other',
        fileName: `第${i}页.pdf`,
      });
    await expect(
      admin.admission.application.documents.attach({
        fileId: ctx.w.licence.fileId,
        kind: 'other',
        fileName: '多余.pdf',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.tooManyDocuments', details: { field: 'fileId' } },
    });
  });

  it('refuses an empty or unknown file reference, naming the field', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['creditorNew.admin']);
    await expect(
      admin.admission.application.documents.attach({ fileId: ctx.w.licence.fileId, kind: 'other', fileName: '  ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.admission.application.documents.attach({
        fileId: '00000000-0000-4000-8000-000000000000',
        kind: 'other',
        fileName: 'a.pdf',
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { details: { field: 'fileId' } },
    });
  });
});

describe('reading files', () => {
  it('serves an admission document to its organization’s admins and to reviewers of the application (audited), to no one else', async () => {
    const store = getBlobStore();
    const own = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorNew.admin'),
      ctx.w.licence.fileId,
      store,
    );
    expect(new TextDecoder().decode(await readAll(own.stream))).toContain('%PDF-1.4');
    // The organization's other users do not read its admission file.
    await expect(
      openFile(ctx.handle.db, await domainCaller(ctx.w, 'creditorNew.viewer'), ctx.w.licence.fileId, store),
    ).rejects.toMatchObject({ code: 'file.notFound' });

    const reviewer = await domainCaller(ctx.w, 'platform.reviewer');
    await readAll((await openFile(ctx.handle.db, reviewer, ctx.w.licence.fileId, store)).stream);
    const reads = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.read'), eq(auditLog.resourceId, ctx.w.licence.fileId)));
    expect(reads).toHaveLength(1);

    await expect(
      openFile(ctx.handle.db, await domainCaller(ctx.w, 'agencyNew.admin'), ctx.w.licence.fileId, store),
    ).rejects.toMatchObject({ code: 'file.notFound' });
    await expect(
      openFile(ctx.handle.db, await domainCaller(ctx.w, 'platform.auditor'), ctx.w.licence.fileId, store),
    ).rejects.toMatchObject({ code: 'file.notFound' });
    // An upload not attached to any application stays private to its uploader.
    const loose = await (
      await callerAs(ctx.handle.db, ctx.w.users['agencyNew.admin'])
    ).files.upload(samplePdf(['draft scan']));
    await expect(openFile(ctx.handle.db, reviewer, loose.id, store)).rejects.toMatchObject({ code: 'file.notFound' });
  });

  it('refuses the download when the stored bytes no longer match their hash', async () => {
    const { sha256 } = (
      await ctx.handle.db.select().from(storedFiles).where(eq(storedFiles.id, ctx.w.licence.fileId))
    )[0]!;
    // A copy of the store in which someone changed the file behind the platform's back.
    const root = path.join(process.env.STORAGE_DIR ?? '', '..', `tampered-${process.pid}-${Date.now()}`);
    const tampered = localStore(root);
    const target = path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(target), { recursive: true }));
    await writeFile(target, samplePdf(['forged licence']));
    await expect(
      openFile(ctx.handle.db, await domainCaller(ctx.w, 'creditorNew.admin'), ctx.w.licence.fileId, tampered),
    ).rejects.toMatchObject({ code: 'file.integrity' });
  });
});
