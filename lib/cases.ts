// Facts about a case that the import, the forms and the lists all use.

/** How long the reason for closing a case as unrecoverable (核销) may be, trimmed. */
export const CLOSE_REASON_LENGTH = { min: 2, max: 500 } as const;
/** Overdue buckets M1 … M12+ (DESIGN §2): M1 = 1–30 days, …, M12+ = over 330 days. */
export const BUCKETS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const bucketOf = (daysOverdue: number): number => Math.min(12, Math.max(1, Math.ceil(daysOverdue / 30)));
