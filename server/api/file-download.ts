import { z } from 'zod';
import type { FileType } from '@/lib/file-types';
import type { Db } from '@/db/client';
import type { Caller } from '../auth/actor';
import { openComplaintEvidence } from '../domain/complaints/evidence';
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
  const cleaned = (name ?? '')
    .replace(/[\\/\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
};

type Opened = { file: { sha256: string; size: number; mime: string }; stream: ReadableStream<Uint8Array> };

/** Serves bytes a domain rule opened for the signed-in caller (404 for anything they may not read). */
export const serveFile = async (
  req: Request,
  id: string,
  open: (db: Db, caller: Caller, id: string) => Promise<Opened>,
): Promise<Response> =>
  asRouteCaller(req, async (db, caller) => {
    if (!z.uuid().safeParse(id).success) throw new DomainError('file.notFound');
    const { file, stream } = await open(db, caller, id);
    const name = safeName(
      new URL(req.url).searchParams.get('name'),
      `${file.sha256.slice(0, 12)}.${EXTENSION[file.mime as FileType] ?? 'bin'}`,
    );
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

export const downloadFile = (req: Request, fileId: string) =>
  serveFile(req, fileId, (db, caller, id) => openFile(db, caller, id, getBlobStore()));

export const downloadComplaintEvidence = (req: Request, evidenceId: string) =>
  serveFile(req, evidenceId, (db, caller, id) => openComplaintEvidence(db, caller, id, getBlobStore()));
