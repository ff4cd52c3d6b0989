// A call's recording (全程录音) is evidence: audio only (recognised by its bytes), stored by
// its SHA-256, one per call and never replaced, sent by the agency that made the call (its
// admins and supervisors, or its dialer). It is read by whoever may read the call's case
// (the creditor's users, platform staff who read case records, the agency while it works the
// case); a call matched to no case by the agency's admins and supervisors. Reads across
// organizations are audited.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pngPhoto, wavRecording } from '@/db/seed/evidence';
import { auditLog, callRecordings } from '@/db/schema';
import { describeError, toTRPCError } from '../../api/errors';
import { bytesStream, stage } from '../../storage/ingest';
import { getBlobStore } from '../../storage/store';
import { insertCallRecord } from '../../testing/call-records';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { domainCaller, type UserKey } from '../../testing/world';
import { openFile, uploadFile } from '../files/files';
import { attachRecording, recordingAccept } from './recordings';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => domainCaller(ctx.w, who);
const zh = (e: unknown) => describeError('zh-CN', toTRPCError(e as never)).message;
const recording = wavRecording(1);

const upload = async (who: UserKey, bytes: Uint8Array) =>
  uploadFile(ctx.handle.db, await as(who), bytesStream(bytes), getBlobStore());

const matchedCall = async () => {
  const { caseId } = await workingCases(ctx.w, 2);
  return insertCallRecord(ctx.w, { caseId });
};

const readsAs = async (who: UserKey, fileId: string) =>
  openFile(ctx.handle.db, await as(who), fileId, getBlobStore()).then(
    async ({ stream }) => new Uint8Array(await new Response(stream).arrayBuffer()),
  );

describe('attaching a recording', () => {
  it('keeps an uploaded audio file as the call’s recording, once, with an audit row', async () => {
    const call = await matchedCall();
    const file = await upload('agencyA.supervisor', recording);
    const supervisor = await as('agencyA.supervisor');
    const attached = await attachRecording(
      ctx.handle.db,
      supervisor,
      { recordId: call.id },
      { fileId: file.id },
      getBlobStore(),
    );
    expect(attached).toMatchObject({ recordId: call.id, fileId: file.id, mime: 'audio/wav', sha256: file.sha256 });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calls.attachRecording'), eq(auditLog.resourceId, call.id)));
    expect(audit?.after).toMatchObject({ fileId: file.id, sha256: file.sha256, caseId: call.caseId });

    const again = await upload('agencyA.supervisor', wavRecording(2));
    const e = await attachRecording(
      ctx.handle.db,
      supervisor,
      { recordId: call.id },
      { fileId: again.id },
      getBlobStore(),
    ).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'call.recordingExists' });
    expect(zh(e)).toBe('这通电话已有录音，录音一经上传不能替换');
    expect(await ctx.handle.db.select().from(callRecordings).where(eq(callRecordings.recordId, call.id))).toHaveLength(
      1,
    );
  });

  it('refuses anything but audio, naming the field', async () => {
    const call = await matchedCall();
    const photo = await upload('agencyA.supervisor', pngPhoto());
    await expect(
      attachRecording(
        ctx.handle.db,
        await as('agencyA.supervisor'),
        { recordId: call.id },
        { fileId: photo.id },
        getBlobStore(),
      ),
    ).rejects.toMatchObject({ code: 'call.recordingNotAudio', details: { field: 'fileId' } });
    await expect(
      stage(bytesStream(pngPhoto()), getBlobStore().tempDir, recordingAccept('recording')),
    ).rejects.toMatchObject({ code: 'call.recordingNotAudio', details: { field: 'recording' } });
  });

  it('takes a streamed body by the dialer’s id, storing its bytes only once recorded', async () => {
    const call = await matchedCall();
    const store = getBlobStore();
    const staged = await stage(bytesStream(recording), store.tempDir, recordingAccept('recording'));
    const attached = await attachRecording(
      ctx.handle.db,
      await as('agencyA.admin'),
      { externalId: call.externalId },
      { staged },
      store,
    );
    expect(await store.has(attached.sha256)).toBe(true);
    expect(await readsAs('agencyA.admin', attached.fileId)).toEqual(recording);
  });

  it('is the making agency’s admins’ and supervisors’ to send: a collector is refused, another agency finds nothing', async () => {
    const call = await matchedCall();
    const mine = await upload('agencyA.collector', recording);
    await expect(
      attachRecording(
        ctx.handle.db,
        await as('agencyA.collector'),
        { recordId: call.id },
        { fileId: mine.id },
        getBlobStore(),
      ),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const theirs = await upload('agencyB.supervisor', recording);
    await expect(
      attachRecording(
        ctx.handle.db,
        await as('agencyB.supervisor'),
        { recordId: call.id },
        { fileId: theirs.id },
        getBlobStore(),
      ),
    ).rejects.toMatchObject({ code: 'call.notFound' });
    // Someone else's upload cannot be attached either.
    await expect(
      attachRecording(
        ctx.handle.db,
        await as('agencyA.supervisor'),
        { recordId: call.id },
        { fileId: theirs.id },
        getBlobStore(),
      ),
    ).rejects.toMatchObject({ code: 'file.notFound' });
  });
});

describe('reading a recording', () => {
  const attach = async (recordId: string) => {
    const file = await upload('agencyA.supervisor', recording);
    await attachRecording(
      ctx.handle.db,
      await as('agencyA.supervisor'),
      { recordId },
      { fileId: file.id },
      getBlobStore(),
    );
    return file.id;
  };

  it('is open to whoever reads the call’s case, and audited across organizations', async () => {
    const call = await matchedCall();
    const fileId = await attach(call.id);
    for (const who of ['creditorA.viewer', 'platform.auditor', 'agencyA.collector', 'agencyA.admin'] as const)
      expect(await readsAs(who, fileId)).toEqual(recording);
    const reads = await ctx.handle.db
      .select({ after: auditLog.after, actorOrgId: auditLog.actorOrgId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.read'), eq(auditLog.resourceId, fileId)));
    expect(reads.map((r) => r.actorOrgId).sort()).toEqual([ctx.w.orgs.creditorA.id, ctx.w.orgs.platform.id].sort());
    expect(reads.every((r) => (r.after as { access: string }).access === 'recording')).toBe(true);
    for (const who of ['creditorB.admin', 'agencyB.admin', 'platform.reviewer'] as const)
      await expect(readsAs(who, fileId)).rejects.toMatchObject({ code: 'file.notFound' });
  });

  it('of a call matched to no case is the agency admins’ and supervisors’ alone', async () => {
    const call = await insertCallRecord(ctx.w, { caseId: null });
    const fileId = await attach(call.id);
    expect(await readsAs('agencyA.admin', fileId)).toEqual(recording);
    for (const who of ['agencyA.collector', 'creditorA.admin', 'agencyB.admin'] as const)
      await expect(readsAs(who, fileId)).rejects.toMatchObject({ code: 'file.notFound' });
  });
});
