import { z } from 'zod';

/** What an upload returns: the file's id, hash, size and the type recognised from its bytes. */
export const ZFileView = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
  createdAt: z.date(),
});
export type TFileView = z.infer<typeof ZFileView>;
