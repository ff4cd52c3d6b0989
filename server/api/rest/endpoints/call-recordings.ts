import { z } from 'zod';
import { AUDIO_FILE_TYPES, FILE_MAX_BYTES } from '@/lib/file-types';
import { attachRecording, recordingAccept, recordingTarget } from '../../../domain/calls/recordings';
import { stage } from '../../../storage/ingest';
import { getBlobStore } from '../../../storage/store';
import { ZAttachedRecording } from '../../routers/call-evidence/call-evidence.schema';
import { endpoint } from '../endpoint';
import { errorResponses } from './shared';

// A dialer sends a call's recording (全程录音) after the record itself: the audio file as the
// request body, streamed to the temporary area (never held in memory), recognised by its
// bytes, stored by its SHA-256 once recorded.

const ZRecordingParams = z.strictObject({ externalId: z.string().trim().min(1).max(200) });

/** The largest recording taken: the largest audio file the platform stores. */
const MAX_RECORDING_BYTES = Math.max(...AUDIO_FILE_TYPES.map((t) => FILE_MAX_BYTES[t]));

export const callRecordingEndpoints = [
  endpoint({
    method: 'PUT',
    path: '/agency/calls/{externalId}/recording',
    operationId: 'putCallRecording',
    tag: 'agency',
    orgType: 'agency',
    scope: 'calls:write',
    summary: { zh: '上传通话录音', en: 'Attach a call’s recording' },
    description: {
      zh: '请求体就是录音文件本身（MP3、M4A、WAV、AMR、OGG，按文件内容识别，最大 100 MB）。externalId 是话单里的记录编号。每通电话只有一份录音，上传后不能替换（再次上传答复 409）。',
      en: 'The request body is the audio file itself (MP3, M4A, WAV, AMR or OGG, recognised by its bytes, at most 100 MB). externalId is the record’s id as the call records sent it. A call has one recording, never replaced (a second upload is answered 409).',
    },
    params: ZRecordingParams,
    rawBody: {
      mediaTypes: ['application/octet-stream', ...AUDIO_FILE_TYPES],
      description: { zh: '录音文件', en: 'The recording' },
    },
    maxBody: MAX_RECORDING_BYTES,
    responses: {
      201: { description: { zh: '已保存', en: 'Stored' }, schema: ZAttachedRecording },
      409: { description: { zh: '这通电话已有录音', en: 'The call already has a recording' } },
      413: { description: { zh: '文件过大', en: 'The file is too large' } },
      415: { description: { zh: '不是音频文件', en: 'Not an audio file' } },
    },
    handle: async ({ caller, db, params, raw }) => {
      const ref = { externalId: params.externalId };
      // A call that is not the agency's, or already has its recording, is refused before the body is read.
      await recordingTarget(db, caller, ref);
      const store = getBlobStore();
      const staged = await stage(raw ?? new Blob([]).stream(), store.tempDir, recordingAccept('recording'));
      return { status: 201, body: await attachRecording(db, caller, ref, { staged }, store) };
    },
  }),
].map((e) => ({ ...e, responses: { ...errorResponses, ...e.responses } }));
