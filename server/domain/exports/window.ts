// How long an export's file can be downloaded. An export is a copy of a list as it stood
// (debtor details masked, still personal data): it is meant to be taken away at once, not
// kept on the platform, so it is offered for a week and then removed by the retention sweep.

export const EXPORT_DOWNLOAD_MS = 7 * 24 * 60 * 60_000;

/** When a finished export stops being offered, or null while it has no file yet. */
export const exportExpiresAt = (finishedAt: Date | null): Date | null =>
  finishedAt ? new Date(finishedAt.getTime() + EXPORT_DOWNLOAD_MS) : null;

/** Whether an export that finished at `finishedAt` is past its download window at `now`. */
export const isExportExpired = (finishedAt: Date | null, now: Date): boolean => {
  const expiresAt = exportExpiresAt(finishedAt);
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
};
