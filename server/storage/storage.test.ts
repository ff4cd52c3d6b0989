// Uploads reach the store only complete and accepted: type from the bytes, size limit
// while streaming, nothing left behind on refusal; local and S3-compatible stores behind
// one interface (the S3 one against a small in-process server that checks signatures).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { ingest, stage } from './ingest';
import { localStore, s3Store, type BlobStore } from './store';
import { removeStaleTemp } from './temp';

const pdf = (size: number) => {
  const b = new Uint8Array(size);
  b.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) b[i] = i % 251;
  return b;
};

/** A request body arriving in 64 KiB pieces; counts how many bytes the reader pulled. */
const streamOf = (bytes: Uint8Array) => {
  const state = { pulled: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      const chunk = bytes.subarray(offset, offset + 65536);
      offset += chunk.byteLength;
      state.pulled = offset;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
};

const readAll = async (s: ReadableStream<Uint8Array> | null) => new Uint8Array(await new Response(s).arrayBuffer());
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'daylight-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ingest into a local store', () => {
  it('stores a PDF by its SHA-256 and reads the same bytes back; identical bytes are stored once', async () => {
    const store = localStore(root);
    const bytes = pdf(300_000);
    const first = await ingest(streamOf(bytes).stream, store);
    expect(first).toEqual({ sha256: sha(bytes), size: 300_000, mime: 'application/pdf' });
    expect(await readAll(await store.get(first.sha256))).toEqual(bytes);
    expect(await readAll(await store.get(first.sha256, { start: 200_000, end: 200_099 }))).toEqual(
      bytes.subarray(200_000, 200_100),
    );
    await ingest(streamOf(bytes).stream, store);
    expect(await listFiles(root)).toEqual([first.sha256]);
    // Streams a file of its own through hashing and the disk: slow on a busy machine, never a hang.
  }, 30_000);

  it('recognises PNG and JPEG by their bytes', async () => {
    const store = localStore(root);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expect((await ingest(streamOf(png).stream, store)).mime).toBe('image/png');
    expect((await ingest(streamOf(jpeg).stream, store)).mime).toBe('image/jpeg');
  });

  it('refuses a renamed executable at its first bytes and leaves nothing behind', async () => {
    const store = localStore(root);
    const exe = new Uint8Array(1_000_000);
    exe.set(new TextEncoder().encode('MZ\x90\x00'));
    const { stream, state } = streamOf(exe);
    await expect(ingest(stream, store)).rejects.toMatchObject({ code: 'file.typeNotAllowed' });
    expect(state.pulled).toBeLessThan(exe.byteLength);
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses a tiny file of no known type (written, then destroyed while the file opens) without an error escaping', async () => {
    // The refusal comes after the bytes were handed to the file stream; destroying it with
    // that write pending must not raise an uncaught ERR_STREAM_DESTROYED (it would take the
    // request down). Many at once, so that some destroys meet a file still opening.
    const store = localStore(root);
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const tiny = new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00 not a video');
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => ingest(streamOf(tiny).stream, store)));
      expect(
        results.every((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'file.typeNotAllowed'),
      ).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
      expect(await listFiles(root)).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('stops reading a 25 MB file once it passes 20 MB and leaves nothing behind', async () => {
    const store = localStore(root);
    const big = pdf(25 * 1024 * 1024);
    const { stream, state } = streamOf(big);
    await expect(ingest(stream, store)).rejects.toMatchObject({
      code: 'file.tooLarge',
      details: { values: { maxMb: 20 } },
    });
    // The stream may have queued one piece ahead of the reader.
    expect(state.pulled).toBeLessThanOrEqual(20 * 1024 * 1024 + 2 * 65536);
    expect(await listFiles(root)).toEqual([]);
  });

  it('stops reading a 300 MB video once it passes 200 MB and leaves nothing behind', async () => {
    const store = localStore(root);
    const total = 300 * 1024 * 1024;
    const piece = new Uint8Array(1024 * 1024);
    let sent = 0;
    // Generated as it is read: an MP4 header, then 300 MB that never sit in memory at once.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        const chunk =
          sent === 0
            ? new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, ...piece.subarray(12)])
            : piece;
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    await expect(ingest(stream, store)).rejects.toMatchObject({
      code: 'file.tooLarge',
      details: { values: { maxMb: 200 } },
    });
    expect(sent).toBeLessThanOrEqual(200 * 1024 * 1024 + 2 * piece.byteLength);
    expect(await listFiles(root)).toEqual([]);
  });

  it('takes audio up to 100 MB and refuses it beyond', async () => {
    const store = localStore(root);
    const wav = (size: number) => {
      const b = new Uint8Array(size);
      b.set(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '));
      return b;
    };
    await expect(ingest(streamOf(wav(100 * 1024 * 1024)).stream, store)).resolves.toMatchObject({ mime: 'audio/wav' });
    await expect(ingest(streamOf(wav(100 * 1024 * 1024 + 1)).stream, store)).rejects.toMatchObject({
      code: 'file.tooLarge',
      details: { values: { maxMb: 100 } },
    });
    // Two 100 MB streams hashed and written: seconds on a busy machine, beyond the default limit.
  }, 60_000);

  it('accepts exactly 20 MB', async () => {
    const store = localStore(root);
    await expect(ingest(streamOf(pdf(20 * 1024 * 1024)).stream, store)).resolves.toMatchObject({
      size: 20 * 1024 * 1024,
    });
  });

  it('refuses an empty body', async () => {
    await expect(ingest(streamOf(new Uint8Array(0)).stream, localStore(root))).rejects.toMatchObject({
      code: 'file.empty',
    });
  });

  it('returns null for a key it does not hold and refuses keys that are not hashes', async () => {
    const store = localStore(root);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/);
    await expect(store.remove('../../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });

  it('tells whether bytes are there and removes them, twice without complaint', async () => {
    const store = localStore(root);
    const { sha256 } = await ingest(streamOf(pdf(10_000)).stream, store);
    expect(await store.has(sha256)).toBe(true);
    await store.remove(sha256);
    expect(await store.has(sha256)).toBe(false);
    await store.remove(sha256);
    expect(await listFiles(root)).toEqual([]);
  });
});

describe('staging an upload for one purpose', () => {
  const photosOnly = {
    types: ['image/png', 'image/jpeg'] as const,
    refusal: () => new DomainError('evidence.typeNotAllowed'),
  };

  it('waits in the temporary area, never in the store, until its record takes it', async () => {
    const store = localStore(root);
    const staged = await stage(streamOf(pdf(10_000)).stream, store.tempDir);
    expect(staged).toMatchObject({ mime: 'application/pdf', size: 10_000 });
    expect(await store.has(staged.sha256)).toBe(false);
    expect(await listFiles(store.tempDir)).toEqual([path.basename(staged.tempPath)]);
  });

  it('refuses a type its purpose does not take at the first bytes, with its own refusal, leaving nothing behind', async () => {
    const store = localStore(root);
    const csv = new Uint8Array(5 * 1024 * 1024).fill(0x41);
    const { stream, state } = streamOf(csv);
    await expect(stage(stream, store.tempDir, photosOnly)).rejects.toMatchObject({ code: 'evidence.typeNotAllowed' });
    expect(state.pulled).toBeLessThan(csv.byteLength);
    await expect(
      stage(streamOf(new TextEncoder().encode('短文本')).stream, store.tempDir, photosOnly),
    ).rejects.toMatchObject({ code: 'evidence.typeNotAllowed' });
    expect(await listFiles(root)).toEqual([]);
  });
});

describe('the temporary area', () => {
  it('loses what was left untouched since the cut-off, keeps the rest, and is no error when it does not exist yet', async () => {
    const temp = path.join(root, '.incoming');
    expect(await removeStaleTemp(temp, new Date())).toBe(0);
    await mkdir(path.join(temp, 'left-dir'), { recursive: true });
    await writeFile(path.join(temp, 'left'), 'x');
    await writeFile(path.join(temp, 'left-dir', 'part'), 'x');
    await writeFile(path.join(temp, 'fresh'), 'x');
    const old = new Date(Date.now() - 2 * 86_400_000);
    await utimes(path.join(temp, 'left'), old, old);
    await utimes(path.join(temp, 'left-dir'), old, old);
    expect(await removeStaleTemp(temp, new Date(Date.now() - 86_400_000))).toBe(2);
    expect(await readdir(temp)).toEqual(['fresh']);
  });
});

describe('S3-compatible store', () => {
  const objects = new Map<string, Buffer>();
  const seen: { method: string; auth: string; contentSha: string | undefined }[] = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const auth = String(req.headers.authorization ?? '');
        seen.push({
          method: req.method ?? '',
          auth,
          contentSha: req.headers['x-amz-content-sha256'] as string | undefined,
        });
        if (!auth.startsWith('AWS4-HMAC-SHA256 Credential=AKIDDAYLIGHT/')) return res.writeHead(403).end();
        const key = decodeURIComponent(req.url ?? '');
        if (req.method === 'PUT') {
          const body = Buffer.concat(chunks);
          // Like S3: a payload whose hash differs from the signed one is refused.
          if (createHash('sha256').update(body).digest('hex') !== req.headers['x-amz-content-sha256'])
            return res.writeHead(400).end('XAmzContentSHA256Mismatch');
          objects.set(key, body);
          return res.writeHead(200).end();
        }
        if (req.method === 'DELETE') {
          objects.delete(key);
          return res.writeHead(204).end();
        }
        const obj = objects.get(key);
        if (!obj) return res.writeHead(404).end();
        if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': obj.byteLength }).end();
        const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
        if (range) {
          const part = obj.subarray(Number(range[1]), Number(range[2]) + 1);
          return res.writeHead(206, { 'content-length': part.byteLength }).end(part);
        }
        return res.writeHead(200, { 'content-length': obj.byteLength }).end(obj);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const store = (): BlobStore =>
    s3Store({
      endpoint,
      bucket: 'evidence',
      region: 'cn-north-1',
      accessKeyId: 'AKIDDAYLIGHT',
      secretAccessKey: 'secret',
      tempDir: path.join(root, 'incoming'),
    });

  it('puts a signed object under its hash once, reads it back, and cleans up the temporary file', async () => {
    const bytes = pdf(200_000);
    const s = store();
    const { sha256 } = await ingest(streamOf(bytes).stream, s);
    expect(objects.get(`/evidence/${sha256}`)).toEqual(Buffer.from(bytes));
    expect(seen.find((r) => r.method === 'PUT')?.contentSha).toBe(sha256);
    expect(await readAll(await s.get(sha256))).toEqual(bytes);
    const puts = seen.filter((r) => r.method === 'PUT').length;
    await ingest(streamOf(bytes).stream, s);
    expect(seen.filter((r) => r.method === 'PUT').length).toBe(puts);
    expect(await listFiles(path.join(root, 'incoming'))).toEqual([]);
    expect(await s.get('f'.repeat(64))).toBeNull();
    // Streams a file of its own through hashing and the disk: slow on a busy machine, never a hang.
  }, 30_000);

  it('reads one range of an object (a player seeking in a long recording)', async () => {
    const bytes = pdf(100_000);
    const s = store();
    const { sha256 } = await ingest(streamOf(bytes).stream, s);
    expect(await readAll(await s.get(sha256, { start: 70_000, end: 70_999 }))).toEqual(bytes.subarray(70_000, 71_000));
  });

  it('tells whether an object is there and removes it, twice without complaint', async () => {
    const s = store();
    const { sha256 } = await ingest(streamOf(pdf(50_000)).stream, s);
    expect(await s.has(sha256)).toBe(true);
    await s.remove(sha256);
    expect(await s.has(sha256)).toBe(false);
    expect(await s.get(sha256)).toBeNull();
    await s.remove(sha256);
    expect(seen.filter((r) => r.method === 'DELETE').every((r) => r.auth.startsWith('AWS4-HMAC-SHA256'))).toBe(true);
  });
});
