import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { FILE_MAX_BYTES, type FileType } from '@/db/enums';
import { DomainError } from '../errors';
import { detectFileType, MAX_UPLOAD_BYTES, SNIFF_BYTES } from './detect';
import type { BlobStore } from './store';

export type Ingested = { sha256: string; size: number; mime: FileType };

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Streams an upload into the store: hashes while writing a temporary file, recognises the
 * type from the first bytes, and stops reading as soon as the type is refused or the size
 * passes the limit for that type. Only a complete, accepted file reaches the store; the
 * whole file is never held in memory.
 */
export const ingest = async (body: ReadableStream<Uint8Array>, store: BlobStore): Promise<Ingested> => {
  await mkdir(store.tempDir, { recursive: true });
  const tempPath = path.join(store.tempDir, randomUUID());
  const out = createWriteStream(tempPath);
  // A write still pending when a refused upload destroys the stream fails with
  // ERR_STREAM_DESTROYED; without a listener that error would escape as an uncaught
  // exception and take the request down with it. A real write error (a full disk) is kept
  // and refuses the upload.
  let writeError: Error | null = null;
  out.on('error', (e) => {
    writeError ??= e;
  });
  const hash = createHash('sha256');
  const reader = body.getReader();
  let head = new Uint8Array(0);
  let mime: FileType | null = null;
  let size = 0;
  let limit = MAX_UPLOAD_BYTES;
  let isBodyRead = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        isBodyRead = true;
        break;
      }
      size += value.byteLength;
      if (!mime && head.byteLength < SNIFF_BYTES) {
        const merged = new Uint8Array(head.byteLength + value.byteLength);
        merged.set(head);
        merged.set(value, head.byteLength);
        head = merged.subarray(0, SNIFF_BYTES);
        if (head.byteLength >= SNIFF_BYTES) {
          mime = detectFileType(head);
          if (!mime) throw new DomainError('file.typeNotAllowed');
          limit = FILE_MAX_BYTES[mime];
        }
      }
      if (size > limit) throw new DomainError('file.tooLarge', { values: { maxMb: mb(limit) } });
      hash.update(value);
      if (!out.write(value)) await once(out, 'drain');
    }
    if (size === 0) throw new DomainError('file.empty');
    mime ??= detectFileType(head);
    if (!mime) throw new DomainError('file.typeNotAllowed');
    out.end();
    await once(out, 'close');
    if (writeError) throw writeError;
    const sha256 = hash.digest('hex');
    await store.put(sha256, tempPath, size, mime);
    return { sha256, size, mime };
  } catch (e) {
    // Stop the body only while it is still coming: cancelling one already read to its end
    // would destroy the request stream under the server, which may still be writing it.
    if (!isBodyRead) await reader.cancel().catch(() => undefined);
    // The file may still be opening: wait until it is closed, or removing it could come first and leave it behind.
    const closed = out.closed ? Promise.resolve() : new Promise<void>((resolve) => out.once('close', () => resolve()));
    out.destroy();
    await closed;
    await rm(tempPath, { force: true });
    throw e;
  }
};

/** Bytes already in memory (seed data, test fixtures) as the stream `ingest` reads. */
export const bytesStream = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
