'use client';

import superjson from 'superjson';
import type { TFileView } from '@/server/api/routers/files/files.schema';
import { CSRF_HEADER } from '@/server/api/transport.schema';
import type { ErrorInfo } from '../trpc/errors';

/**
 * Sends a file to an upload procedure (files.upload, or the public complaints.uploadEvidence) as a raw request body, reporting progress as
 * it goes (fetch cannot report upload progress, XMLHttpRequest can). The answer is the
 * procedure's usual tRPC response; a refusal comes back already translated.
 */
export const uploadFile = <T = TFileView>(
  file: Blob,
  onProgress: (fraction: number) => void,
  procedure = 'files.upload',
): Promise<T> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/trpc/${procedure}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new UploadError({ message: '', fieldErrors: {}, domainCode: 'network' }));
    xhr.onload = () => {
      const body = xhr.response as { result?: { data: unknown }; error?: unknown } | null;
      if (body?.result) {
        onProgress(1);
        resolve(superjson.deserialize(body.result.data as never) as T);
        return;
      }
      const error = body?.error
        ? (superjson.deserialize(body.error as never) as { message?: string; data?: { domainCode?: string | null } })
        : null;
      reject(
        new UploadError({
          message: error?.message ?? '',
          fieldErrors: {},
          domainCode: error?.data?.domainCode ?? `http.${xhr.status}`,
        }),
      );
    };
    xhr.send(file);
  });

export class UploadError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.info = info;
  }
}
