// Call-detail records (话单) and messages the agencies' dialers and SMS gateways send:
// the machine's record of every contact, checked against the rulebook with its own times.

export const CALL_RECORD_KINDS = ['call', 'sms'] as const;
export type CallRecordKind = (typeof CALL_RECORD_KINDS)[number];
export const CALL_DIRECTIONS = ['outbound', 'inbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
/** How a call ended, as dialers report it; an SMS is `delivered` or `failed`. */
export const CALL_DISPOSITIONS = ['answered', 'no_answer', 'busy', 'rejected', 'failed', 'delivered'] as const;
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];
export const CALL_BATCH_SOURCES = ['api', 'file'] as const;
export type CallBatchSource = (typeof CALL_BATCH_SOURCES)[number];

/** Records in one API batch or one file. */
export const MAX_CALL_BATCH = 10_000;
/** A record may be dated this far ahead of the server's clock (dialers' clocks drift), no further. */
export const CALL_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A call record and a logged call action are the same contact when the action names the
 * same number and was logged from shortly before the call started until this long after
 * it ended (collectors write the note after hanging up).
 */
export const CALL_PAIRING_BEFORE_MS = 5 * 60_000;
export const CALL_PAIRING_AFTER_MS = 30 * 60_000;
/**
 * A logged call becomes a phantom action only once the dialer had this long to send its
 * record (dialers and files deliver late): until then it is waiting.
 */
export const PHANTOM_GRACE_MS = 24 * 3_600_000;

/** Sampling for quality inspection (质检): this share of matched calls, chosen by the record's id. */
export const INSPECTION_RANDOM_SHARE_PERCENT = 5;

/** Why a call is in the inspection queue. */
export const INSPECTION_SAMPLE_REASONS = ['flagged', 'complaint', 'random'] as const;
export type InspectionSampleReason = (typeof INSPECTION_SAMPLE_REASONS)[number];

/**
 * A transcript past this is put before the platform's complaint handlers (a complaint by
 * staff): words of a threat or of impersonating the police, a court or a lawyer, or words
 * of this many forbidden families in one call.
 */
export const TRANSCRIPT_COMPLAINT_CATEGORIES = ['threat', 'impersonation'] as const;
export const TRANSCRIPT_COMPLAINT_FAMILIES = 2;

/** Whether a call's transcript flags call for a complaint by staff. */
export const needsComplaint = (flags: readonly { rule: string; values?: Record<string, string | number> }[]) => {
  const families = flags.filter((f) => f.rule === 'forbiddenPhrase');
  return (
    families.length >= TRANSCRIPT_COMPLAINT_FAMILIES ||
    families.some((f) => (TRANSCRIPT_COMPLAINT_CATEGORIES as readonly unknown[]).includes(f.values?.category))
  );
};
