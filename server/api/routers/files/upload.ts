import { octetInputParser } from '@trpc/server/http';
import { uploadFile } from '../../../domain/files/files';
import { getBlobStore } from '../../../storage/store';
import { ZFileView } from '../admission/admission.schema';
import { requirePermission, signedInProcedure } from '../../trpc';

/**
 * The request body is the file itself, streamed into storage: its type is recognised from
 * its bytes (PDF, JPEG, PNG) and reading stops at the size limit. What the file is for
 * (an admission document, evidence) is said when it is attached.
 */
// Over HTTP the body arrives as a stream; a server-side caller may hand over a Blob or bytes.
export const ZUploadBody: typeof octetInputParser = {
  ...octetInputParser,
  parse: (input: unknown) => {
    if (input instanceof Blob) return input.stream();
    if (input instanceof Uint8Array) return new Blob([new Uint8Array(input)]).stream();
    return octetInputParser.parse(input);
  },
};

export const upload = signedInProcedure
  .meta({ upload: true })
  .use(requirePermission('files.upload'))
  .input(ZUploadBody)
  .output(ZFileView)
  .mutation(({ ctx, input }) => uploadFile(ctx.db, ctx.caller, input as ReadableStream<Uint8Array>, getBlobStore()));
