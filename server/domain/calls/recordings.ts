import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { callRecordings, callRecords, storedFiles, type CallRecord, type StoredFile } from '@/db/schema';
import { AUDIO_FILE_TYPES, type FileType } from '@/lib/file-types';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import type { Accept, Staged } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { keepStaged } from '../files/blobs';
import { ownFile } from '../files/files';

// A call's recording (全程录音) is evidence like a visit's: stored by its SHA-256, its type
// recognised from its bytes (audio only), one per call and never replaced. The agency that
// made the call sends it (its admins and supervisors, or its dialer with an API key of
// scope calls:write), with the record or after it.

/** A call record named by its id, or by the id the agency's dialer gave it. */
export type RecordRef = { recordId: string } | { externalId: string };

/** Where the recording's bytes come from: a body streamed into the temporary area, or a file the caller uploaded. */
export type RecordingSource = { staged: Staged } | { fileId: string };

export type AttachedRecording = { recordId: string; fileId: string; sha256: string; size: number; mime: string };

/** What a recording may be; anything else is refused naming `field` (the request body, or the uploaded file). */
export const recordingAccept = (field: string): Accept => ({
  types: AUDIO_FILE_TYPES,
  refusal: () => new DomainError('call.recordingNotAudio', { field }),
});

/**
 * The agency's own call a recording may be attached to: NOT_FOUND for another agency's or
 * a missing one, refused for a message or a call that already has its recording. Checked
 * before a large body is read, and again inside the transaction that attaches it.
 */
export const recordingTarget = async (db: DbOrTx, caller: Caller, ref: RecordRef): Promise<CallRecord> => {
  const { actor } = caller;
  if (actor.orgType !== 'agency' || !hasPermission(actor, 'calls.write')) throw new DomainError('auth.forbidden');
  const [record] = await db
    .select()
    .from(callRecords)
    .where(
      and(
        eq(callRecords.agencyId, actor.orgId),
        'recordId' in ref ? eq(callRecords.id, ref.recordId) : eq(callRecords.externalId, ref.externalId),
      ),
    );
  if (!record) throw new DomainError('call.notFound');
  if (record.kind !== 'call') throw new DomainError('call.recordingOfMessage');
  const [held] = await db
    .select({ recordId: callRecordings.recordId })
    .from(callRecordings)
    .where(eq(callRecordings.recordId, record.id));
  if (held) throw new DomainError('call.recordingExists');
  return record;
};

/** Writes the recording's row and its audit row, in the transaction that stores it. */
const recordRecording = async (
  tx: Tx,
  caller: Caller,
  record: CallRecord,
  file: StoredFile,
  now: Date,
): Promise<AttachedRecording> => {
  const [row] = await tx
    .insert(callRecordings)
    .values({
      recordId: record.id,
      agencyId: record.agencyId,
      fileId: file.id,
      attachedBy: caller.actor.userId,
      attachedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  // Another request attached one first.
  if (!row) throw new DomainError('call.recordingExists');
  await writeAudit(tx, caller, {
    action: 'calls.attachRecording',
    resourceType: 'call_record',
    resourceId: record.id,
    orgId: record.agencyId,
    after: { fileId: file.id, sha256: file.sha256, size: file.size, mime: file.mime, caseId: record.caseId },
  });
  return { recordId: record.id, fileId: file.id, sha256: file.sha256, size: file.size, mime: file.mime };
};

/**
 * Attaches a recording to one of the agency's calls. A staged body (the API's raw upload,
 * already checked to be audio) is recorded as the agency's file and moved into the store
 * only once the transaction committed; a file the caller uploaded through the screens must
 * be their organization's and audio. One transaction writes the file's row, the
 * recording's and the audit row.
 */
export const attachRecording = async (
  db: DbOrTx,
  caller: Caller,
  ref: RecordRef,
  source: RecordingSource,
  store: BlobStore,
  now = new Date(),
): Promise<AttachedRecording> => {
  if ('staged' in source) {
    const { staged } = source;
    return keepStaged(db, store, staged, async (tx) => {
      const record = await recordingTarget(tx, caller, ref);
      const [file] = await tx
        .insert(storedFiles)
        .values({
          orgId: caller.actor.orgId,
          uploadedBy: caller.actor.userId,
          sha256: staged.sha256,
          size: staged.size,
          mime: staged.mime,
          createdAt: now,
        })
        .returning();
      if (!file) throw new DomainError('file.notFound');
      return recordRecording(tx, caller, record, file, now);
    });
  }
  return db.transaction(async (tx) => {
    const record = await recordingTarget(tx, caller, ref);
    const file = await ownFile(tx, caller, source.fileId, 'fileId', now);
    if (!AUDIO_FILE_TYPES.includes(file.mime as FileType))
      throw new DomainError('call.recordingNotAudio', { field: 'fileId' });
    return recordRecording(tx, caller, record, file, now);
  });
};
