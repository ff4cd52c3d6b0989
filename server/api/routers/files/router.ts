import { uploadFile } from '../../../domain/files/files';
import { getBlobStore } from '../../../storage/store';
import { requirePermission, router, signedInProcedure, uploadBody } from '../../trpc';
import { ZFileView } from './files.schema';

export const filesRouter = router({
  /**
   * The request body is the file itself, streamed into storage: its type is recognised from
   * its bytes (PDF, JPEG, PNG) and reading stops at the size limit. What the file is for
   * (an admission document, evidence) is said when it is attached.
   */
  upload: signedInProcedure
    .meta({ upload: true })
    .use(requirePermission('files.upload'))
    .input(uploadBody)
    .output(ZFileView)
    .mutation(({ ctx, input }) => uploadFile(ctx.db, ctx.caller, input as ReadableStream<Uint8Array>, getBlobStore())),
});
