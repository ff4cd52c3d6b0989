import { z } from 'zod';
import { parseRange, rangeLength, type ByteRange, type RangeSpec } from '@/lib/byte-range';
import type { FileType } from '@/lib/file-types';
import type { Db } from '@/db/client';
import type { Caller } from '../auth/actor';
import { DomainError } from '../errors';

// The HTTP answer carrying a stored file's bytes, whole or one range of them, once a domain
// rule opened the file for the caller (file-download.ts runs it as the session's caller).

const EXTENSION = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/amr': 'amr',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
} satisfies Record<FileType, string>;

/** A display name for the download: what the uploader called it, without path or control characters. */
const safeName = (name: string | null, fallback: string) => {
  const cleaned = (name ?? '')
    .replace(/[\\/\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
};

export type Opened = {
  file: { sha256: string; size: number; mime: string };
  stream: ReadableStream<Uint8Array>;
  /** The bytes served, when the request asked for part of the file. */
  range: ByteRange | null;
};
export type Open = (db: Db, caller: Caller, id: string, range: RangeSpec | null) => Promise<Opened>;

/**
 * The range a request asks for, honoured under an If-Range condition only when the
 * condition is an entity tag of ours: the bytes under a file's id never change (stored by
 * their hash, append-only), so a tag we gave out for it still holds; a date is no
 * validator here, and the whole file is sent.
 */
const askedRange = (req: Request): RangeSpec | null => {
  const condition = req.headers.get('if-range');
  if (condition !== null && !/^"[0-9a-f]{64}"$/.test(condition.trim())) return null;
  return parseRange(req.headers.get('range'));
};

/**
 * The answer to a download by `caller`: the whole file (200), or the one byte range the
 * request asked for (206, so a player can seek in a long recording), or 416 when the range
 * lies outside the file. Every answer says ranges are accepted.
 */
export const fileResponse = async (req: Request, id: string, db: Db, caller: Caller, open: Open): Promise<Response> => {
  if (!z.uuid().safeParse(id).success) throw new DomainError('file.notFound');
  const url = new URL(req.url);
  let opened: Opened;
  try {
    opened = await open(db, caller, id, askedRange(req));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'file.rangeNotSatisfiable')
      return new Response(null, {
        status: 416,
        headers: { 'accept-ranges': 'bytes', 'content-range': `bytes */${e.details.values?.size ?? '*'}` },
      });
    throw e;
  }
  const { file, stream, range } = opened;
  const name = safeName(
    url.searchParams.get('name'),
    `${file.sha256.slice(0, 12)}.${EXTENSION[file.mime as FileType] ?? 'bin'}`,
  );
  const disposition = url.searchParams.get('download') === '1' ? 'attachment' : 'inline';
  return new Response(stream, {
    status: range ? 206 : 200,
    headers: {
      'content-type': file.mime,
      'content-length': String(range ? rangeLength(range) : file.size),
      ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${file.size}` } : {}),
      'accept-ranges': 'bytes',
      etag: `"${file.sha256}"`,
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-sha256': file.sha256,
      // Only documents, spreadsheets, photos, audio and video are ever stored (recognised
      // by their bytes, never HTML or script); nosniff keeps the browser to the declared
      // type, so an upload never runs as part of the app.
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    },
  });
};
