import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes what sits in the temporary area untouched since `before`: an upload or a copy a
 * crashed process left there (a running one removes its own). An upload still arriving is
 * written to as it comes, so its file stays fresh; `before` must lie further back than
 * any upload, import or export takes. Answers how many entries went.
 */
export const removeStaleTemp = async (tempDir: string, before: Date): Promise<number> => {
  let entries: string[];
  try {
    entries = await readdir(tempDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const name of entries) {
    const entry = path.join(tempDir, name);
    const info = await lstat(entry).catch(() => null);
    if (!info || info.mtimeMs >= before.getTime()) continue;
    await rm(entry, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
};
