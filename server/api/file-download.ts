import { z } from 'zod';
import { getDb } from '@/db/client';
import { openFile } from '../domain/files/files';
import { DomainError } from '../errors';
import { getSessionUserId } from '../auth/session';
import { getBlobStore } from '../storage/store';
import { createInnerContext, localeFromHeaders, metaFromHeaders } from './context';
import { describeError, toTRPCError } from './errors';

// File bytes cannot travel inside tRPC's JSON, so they are served here: the same session,
// the same actor and the same domain rule (openFile) as every procedure; another
// organization's file answers 404 like a missing one.

const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** A display name for the download: what the uploader called it, without path or control characters. */
const safeName = (name: string | null, fallback: string) => {
  const cleaned = (name ?? '').replace(/[\\/\p{Cc}"]/gu, '').trim().slice(0, 200);
  return cleaned || fallback;
};

const fail = (status: number, message: string) =>
  new Response(JSON.stringify({ error: message }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

export const downloadFile = async (req: Request, fileId: string): Promise<Response> => {
  const ctx = await createInnerContext({
    db: getDb(),
    userId: await getSessionUserId(),
    locale: localeFromHeaders(req.headers),
    meta: metaFromHeaders(req.headers),
  });
  const refuse = (e: DomainError) => {
    const error = toTRPCError(e);
    return fail(error.code === 'NOT_FOUND' ? 404 : 401, describeError(ctx.locale, error).message);
  };
  if (!ctx.actor) return refuse(new DomainError(ctx.refusal ?? 'auth.signInRequired'));
  if (!z.uuid().safeParse(fileId).success) return refuse(new DomainError('file.notFound'));
  try {
    const { file, stream } = await openFile(ctx.db, { actor: ctx.actor, ...ctx.meta }, fileId, getBlobStore());
    const name = safeName(new URL(req.url).searchParams.get('name'), `${file.sha256.slice(0, 12)}.${EXTENSION[file.mime] ?? 'bin'}`);
    const disposition = new URL(req.url).searchParams.get('download') === '1' ? 'attachment' : 'inline';
    return new Response(stream, {
      headers: {
        'content-type': file.mime,
        'content-length': String(file.size),
        'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-sha256': file.sha256,
        // Only PDF, JPEG and PNG are ever stored (recognised by their bytes); nosniff keeps
        // the browser to the declared type, so an upload never runs as part of the app.
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=300',
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return refuse(e);
    throw e;
  }
};
