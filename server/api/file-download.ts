import { z } from 'zod';
import type { FileType } from '@/db/enums';
import { openFile } from '../domain/files/files';
import { DomainError } from '../errors';
import { getBlobStore } from '../storage/store';
import { asRouteCaller } from './route-caller';

// File bytes cannot travel inside tRPC's JSON, so they are served here through the same
// domain rule (openFile) as every procedure; another organization's file answers 404 like
// a missing one.

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
  const cleaned = (name ?? '').replace(/[\\/\p{Cc}"]/gu, '').trim().slice(0, 200);
  return cleaned || fallback;
};

export const downloadFile = async (req: Request, fileId: string): Promise<Response> =>
  asRouteCaller(req, async (db, caller) => {
    if (!z.uuid().safeParse(fileId).success) throw new DomainError('file.notFound');
    const { file, stream } = await openFile(db, caller, fileId, getBlobStore());
    const name = safeName(new URL(req.url).searchParams.get('name'), `${file.sha256.slice(0, 12)}.${EXTENSION[file.mime as FileType] ?? 'bin'}`);
    const disposition = new URL(req.url).searchParams.get('download') === '1' ? 'attachment' : 'inline';
    return new Response(stream, {
      headers: {
        'content-type': file.mime,
        'content-length': String(file.size),
        'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-sha256': file.sha256,
        // Only documents, spreadsheets, photos, audio and video are ever stored (recognised
        // by their bytes, never HTML or script); nosniff keeps the browser to the declared
        // type, so an upload never runs as part of the app.
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=300',
      },
    });
  });
