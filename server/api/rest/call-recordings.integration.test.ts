// A dialer sends a call's recording over the API after the record: PUT the audio file as
// the body, streamed and recognised by its bytes; one recording a call, never replaced; a
// key needs the calls:write scope and finds only its own agency's calls.
import { describe, expect, it } from 'vitest';
import { pngPhoto, wavRecording } from '@/db/seed/evidence';
import type { Db } from '@/db/client';
import { openFile } from '../../domain/files/files';
import { getBlobStore } from '../../storage/store';
import { keyOf } from '../../testing/api';
import { insertCallRecord } from '../../testing/call-records';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { domainCaller } from '../../testing/world';
import { handleApiRequest } from './handler';
import { openApiDocument } from './openapi';

const ctx = freshWorldPerTest();

const put = async (db: Db, key: string, externalId: string, body: Uint8Array, headers: Record<string, string> = {}) => {
  const res = await handleApiRequest(
    new Request(`http://daylight.test/api/v1/agency/calls/${encodeURIComponent(externalId)}/recording`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'audio/wav',
        'x-daylight-peer': '203.0.113.9',
        ...headers,
      },
      body: new Uint8Array(body),
    }),
    db,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('PUT /agency/calls/{externalId}/recording', () => {
  it('stores the audio body as the call’s recording, once', async () => {
    const { caseId } = await workingCases(ctx.w, 1);
    const call = await insertCallRecord(ctx.w, { caseId });
    const { secret } = await keyOf(ctx.w, 'agencyA.admin', ['calls:write']);
    const recording = wavRecording(1);
    const first = await put(ctx.handle.db, secret, call.externalId, recording);
    expect(first).toMatchObject({
      status: 201,
      body: { recordId: call.id, mime: 'audio/wav', size: recording.byteLength },
    });
    const served = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.viewer'),
      String(first.body.fileId),
      getBlobStore(),
    );
    expect(new Uint8Array(await new Response(served.stream).arrayBuffer())).toEqual(recording);

    const again = await put(ctx.handle.db, secret, call.externalId, wavRecording(2));
    expect(again).toMatchObject({ status: 409, body: { code: 'call.recordingExists' } });
  });

  it('refuses what is not audio naming the body, and another agency’s or an unknown call', async () => {
    const call = await insertCallRecord(ctx.w, { caseId: null });
    const { secret } = await keyOf(ctx.w, 'agencyA.admin', ['calls:write']);
    const photo = await put(ctx.handle.db, secret, call.externalId, pngPhoto(), { 'accept-language': 'en' });
    expect(photo).toMatchObject({
      status: 415,
      body: { code: 'call.recordingNotAudio', errors: [{ field: 'recording' }] },
    });
    expect(await put(ctx.handle.db, secret, 'NO-SUCH-CALL', wavRecording(1))).toMatchObject({
      status: 404,
      body: { code: 'call.notFound' },
    });
    const other = await keyOf(ctx.w, 'agencyB.admin', ['calls:write']);
    expect(await put(ctx.handle.db, other.secret, call.externalId, wavRecording(1))).toMatchObject({ status: 404 });
  });

  it('needs the calls:write scope, and refuses a body said to be larger than a recording may be', async () => {
    const call = await insertCallRecord(ctx.w, { caseId: null });
    const narrow = await keyOf(ctx.w, 'agencyA.admin', ['actions:write']);
    expect(await put(ctx.handle.db, narrow.secret, call.externalId, wavRecording(1))).toMatchObject({
      status: 403,
      body: { code: 'api.scopeMissing' },
    });
    const { secret } = await keyOf(ctx.w, 'agencyA.admin', ['calls:write']);
    expect(
      await put(ctx.handle.db, secret, call.externalId, wavRecording(1), {
        'content-length': String(200 * 1024 * 1024),
      }),
    ).toMatchObject({ status: 413, body: { code: 'api.bodyTooLarge' } });
  });

  it('is documented with the audio body', () => {
    const doc = openApiDocument('en', 'http://daylight.test') as {
      paths: Record<string, { put?: { requestBody: { content: Record<string, unknown> } } }>;
    };
    const op = doc.paths['/agency/calls/{externalId}/recording']?.put;
    expect(Object.keys(op?.requestBody.content ?? {})).toContain('audio/mpeg');
  });
});
