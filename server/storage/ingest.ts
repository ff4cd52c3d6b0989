import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { FILE_MAX_BYTES, FILE_TYPES, type FileType } from '@/lib/file-types';
import { DomainError } from '../errors';
import { detectFileType, MAX_UPLOAD_BYTES, SNIFF_BYTES } from './detect';
import type { BlobStore } from './store';

export type Ingested = { sha256: string; size: number; mime: FileType };

/** What an upload may be: the types its purpose takes, and the refusal of any other. */
export type Accept = { types: readonly FileType[]; refusal: () => DomainError };

/** Any type the platform stores (each use checks its own when the file is attached). */
export const ANY_FILE: Accept = { types: FILE_TYPES, refusal: () => new DomainError('file.typeNotAllowed') };

/** An accepted upload waiting in the temporary area for its record: once recorded it moves into the store. */
export type Staged = Ingested & { readonly tempPath: string };

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Streams an upload into the temporary area: hashes while writing, recognises the type
 * from the first bytes, and stops reading as soon as the type is not one `accept` takes
 * or the size passes the limit for that type. Nothing reaches the store here, and a
 * refused upload leaves nothing behind; the whole file is never held in memory.
 */
export const stage = async (
  body: ReadableStream<Uint8Array>,
  tempDir: string,
  accept: Accept = ANY_FILE,
): Promise<Staged> => {
  await mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, randomUUID());
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
  const accepted = (type: FileType | null): FileType => {
    if (!type || !accept.types.includes(type)) throw accept.refusal();
    return type;
  };
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
          mime = accepted(detectFileType(head));
          limit = FILE_MAX_BYTES[mime];
        }
      }
      if (size > limit) throw new DomainError('file.tooLarge', { values: { maxMb: mb(limit) } });
      hash.update(value);
      if (!out.write(value)) await once(out, 'drain');
    }
    if (size === 0) throw new DomainError('file.empty');
    mime ??= accepted(detectFileType(head));
    out.end();
    await once(out, 'close');
    if (writeError) throw writeError;
    return { sha256: hash.digest('hex'), size, mime, tempPath };
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

/** Removes a staged upload's temporary file (nothing happens once the store took it). */
export const discardStaged = (staged: Pick<Staged, 'tempPath'>) => rm(staged.tempPath, { force: true });

/**
 * Stages an upload and moves it into the store at once, for bytes whose record is written
 * by other means (seed data, test fixtures). The app records an upload first and stores it
 * after (keepStaged in domain/files/blobs.ts), so that bytes never sit in the store with
 * no row naming them.
 */
export const ingest = async (
  body: ReadableStream<Uint8Array>,
  store: BlobStore,
  accept: Accept = ANY_FILE,
): Promise<Ingested> => {
  const staged = await stage(body, store.tempDir, accept);
  try {
    await store.put(staged.sha256, staged.tempPath, staged.size, staged.mime);
  } finally {
    await discardStaged(staged);
  }
  return { sha256: staged.sha256, size: staged.size, mime: staged.mime };
};

/** Bytes already in memory (seed data, test fixtures) as the stream `ingest` reads. */
export const bytesStream = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
