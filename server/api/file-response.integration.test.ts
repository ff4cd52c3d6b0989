// A stored file is served whole or by one byte range (RFC 9110 §14), so a player can seek
// in a long recording without fetching it again: 206 with Content-Range and the range's
// length, 416 with `bytes */size` for a range outside the file, the whole file (200) for
// several ranges; every answer says ranges are accepted. A file small enough is checked
// against its SHA-256 whole before any byte of a range goes out.
import { describe, expect, it } from 'vitest';
import { wavRecording } from '@/db/seed/evidence';
import { openFile, uploadFile, verifiedStream } from '../domain/files/files';
import { bytesStream } from '../storage/ingest';
import { getBlobStore, type BlobStore } from '../storage/store';
import { freshWorldPerTest } from '../testing/lifecycle';
import { domainCaller } from '../testing/world';
import { fileResponse } from './file-response';

const ctx = freshWorldPerTest();
const recording = wavRecording(2);

/** agencyA's supervisor uploads a recording and asks for it with `headers`. */
const download = async (headers: Record<string, string> = {}, store: BlobStore = getBlobStore()) => {
  const supervisor = await domainCaller(ctx.w, 'agencyA.supervisor');
  const file = await uploadFile(ctx.handle.db, supervisor, bytesStream(recording), getBlobStore());
  const res = await fileResponse(
    new Request(`http://daylight.test/api/files/${file.id}`, { headers }),
    file.id,
    ctx.handle.db,
    supervisor,
    (db, caller, id, range) => openFile(db, caller, id, store, new Date(), range),
  );
  return { res, bytes: new Uint8Array(await res.arrayBuffer()), file };
};

describe('serving a stored file by byte range', () => {
  it('serves the whole file with Accept-Ranges when no range is asked', async () => {
    const { res, bytes, file } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(recording.byteLength));
    expect(res.headers.get('content-range')).toBeNull();
    expect(res.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(bytes).toEqual(recording);
  });

  it('serves one closed range as 206 with its Content-Range and length', async () => {
    const { res, bytes } = await download({ range: 'bytes=1000-1999' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${recording.byteLength}`);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(bytes).toEqual(recording.subarray(1000, 2000));
  });

  it('serves an open-ended range to the end and a suffix of the last bytes', async () => {
    const size = recording.byteLength;
    const open = await download({ range: `bytes=${size - 300}-` });
    expect(open.res.status).toBe(206);
    expect(open.res.headers.get('content-range')).toBe(`bytes ${size - 300}-${size - 1}/${size}`);
    expect(open.bytes).toEqual(recording.subarray(size - 300));
    const suffix = await download({ range: 'bytes=-44' });
    expect(suffix.res.status).toBe(206);
    expect(suffix.res.headers.get('content-length')).toBe('44');
    expect(suffix.bytes).toEqual(recording.subarray(size - 44));
  });

  it('answers 416 with the size for a range outside the file', async () => {
    const { res, bytes } = await download({ range: `bytes=${recording.byteLength}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${recording.byteLength}`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(bytes.byteLength).toBe(0);
  });

  it('serves the whole file for several ranges, or under an If-Range date', async () => {
    const several = await download({ range: 'bytes=0-9,100-199' });
    expect(several.res.status).toBe(200);
    expect(several.bytes).toEqual(recording);
    const dated = await download({ range: 'bytes=0-9', 'if-range': 'Wed, 21 Oct 2015 07:28:00 GMT' });
    expect(dated.res.status).toBe(200);
    const tagged = await download({ range: 'bytes=0-9', 'if-range': `"${dated.file.sha256}"` });
    expect(tagged.res.status).toBe(206);
  });

  it('refuses a range of a small file whose stored bytes changed, before serving any', async () => {
    const real = getBlobStore();
    const tampered: BlobStore = {
      ...real,
      get: async () => bytesStream(recording.map((b, i) => (i === 10 ? b ^ 1 : b))),
    };
    await expect(download({ range: 'bytes=1000-1999' }, tampered)).rejects.toMatchObject({ code: 'file.integrity' });
  });

  it('reads only the range of a file too large to hash first, from the store', async () => {
    const asked: unknown[] = [];
    const store: BlobStore = {
      ...getBlobStore(),
      get: async (_key, range) => {
        asked.push(range);
        return bytesStream(new Uint8Array(range ? range.end - range.start + 1 : 0));
      },
    };
    const large = { id: 'video', sha256: 'a'.repeat(64), size: 300 * 1024 * 1024 };
    const part = await verifiedStream(large, store, { start: 100_000_000, end: 100_065_535 });
    expect((await new Response(part).arrayBuffer()).byteLength).toBe(65_536);
    expect(asked).toEqual([{ start: 100_000_000, end: 100_065_535 }]);
  });
});
