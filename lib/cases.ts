// Facts about a case that the import, the forms and the lists all use.

/** How long the reason for closing a case as unrecoverable (核销) may be, trimmed. */
export const CLOSE_REASON_LENGTH = { min: 2, max: 500 } as const;
/** Overdue buckets M1 … M12+ (DESIGN §2): M1 = 1–30 days, …, M12+ = over 330 days. */
export const BUCKETS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/**
 * M0: not overdue today. A case is current while a payment has covered what was overdue,
 * or while an approved plan has no instalment past its date.
 */
export const CURRENT_BUCKET = 0;
/** Every bucket a case can be in today, M0 first: what lists filter by. */
export const AGE_BUCKETS = [CURRENT_BUCKET, ...BUCKETS] as const;
export const bucketOf = (daysOverdue: number): number =>
  daysOverdue <= 0 ? CURRENT_BUCKET : Math.min(12, Math.ceil(daysOverdue / 30));

/** How a bucket is written: M0 … M11, M12+. */
export const bucketLabel = (bucket: number | string): string => (Number(bucket) >= 12 ? 'M12+' : `M${bucket}`);

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Days overdue on `today` (a Beijing day, YYYY-MM-DD) of a case overdue since `since` (the
 * date of the first payment it missed; null while it is current). A case turns a day older
 * at midnight Beijing time, the day its lists, filters and figures are read.
 */
export const daysOverdueOn = (since: string | null, today: string): number =>
  since === null ? 0 : Math.max(0, dayNumber(today) - dayNumber(since));

/** The day a case `daysOverdue` days overdue on `today` first missed a payment. */
export const overdueSinceFor = (daysOverdue: number, today: string): string =>
  new Date((dayNumber(today) - daysOverdue) * 86_400_000).toISOString().slice(0, 10);

/** The first day of a bucket's range and its last (null: no end), in days overdue. */
export const bucketDays = (bucket: number): { from: number; to: number | null } =>
  bucket <= CURRENT_BUCKET
    ? { from: 0, to: 0 }
    : bucket >= 12
      ? { from: 331, to: null }
      : { from: 30 * (bucket - 1) + 1, to: 30 * bucket };
