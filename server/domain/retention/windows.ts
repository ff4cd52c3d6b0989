import { LOOKBACK_MS } from '../auth/throttle';
import { UPLOAD_TTL_MS } from '../complaints/file';
import { EXPORT_DOWNLOAD_MS } from '../exports/window';
import { ATTACH_WINDOW_MS } from '../files/files';
import { LONGEST_RATE_WINDOW_MS } from '../shared/rate-limit';

// How long each kind of working data is kept before the retention sweep removes it. Each
// window is derived from the longest time anything reads the data back, so nothing that
// is still read is ever removed. Evidence and records (the audit log, collection actions,
// visit evidence, complaint evidence, anything a record points at) are never swept: NIFA
// 2018 keeps them at least 5 years, and the database refuses their deletion.

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** Room for clocks that differ a little between instances: a reader never looks back past what is kept. */
const MARGIN_MS = HOUR_MS;

/**
 * A job that finished well. The monthly scorecard job is keyed by its month and the
 * scheduler asks for that key throughout the following month (at most 31 days after the
 * job can first run): a done job kept longer is swept only once its key is no longer
 * asked for, so it never runs a second time.
 */
export const DONE_JOB_MS = 35 * DAY_MS;

/** A job that gave up keeps its last error for a quarter, for the operators who look into it. */
export const FAILED_JOB_MS = 90 * DAY_MS;

/** Rate-limit attempts: the longest window a limit counts over (a day, LONGEST_RATE_WINDOW_MS). */
export const RATE_EVENT_MS = LONGEST_RATE_WINDOW_MS + MARGIN_MS;

/** Sign-in attempts: the throttle reads back 30 minutes (15 for the failures, 15 for the lock). */
export const SIGN_IN_ATTEMPT_MS = LOOKBACK_MS + MARGIN_MS;

/**
 * An upload nothing took: files are attached within a day (ATTACH_WINDOW_MS) and complaint
 * uploads filed within a day (UPLOAD_TTL_MS); the margin keeps a transaction that checked
 * the window just before it ended clear of the sweep.
 */
export const UNATTACHED_UPLOAD_MS = Math.max(ATTACH_WINDOW_MS, UPLOAD_TTL_MS) + MARGIN_MS;

/**
 * The database refuses deleting a stored file younger than this (migration
 * 0029_retention_files): no sweep, and no mistake, can take an upload still being attached.
 */
export const FILE_DELETE_GUARD_MS = 25 * HOUR_MS;

/** An export's file: downloads are refused after a week (EXPORT_DOWNLOAD_MS), and the file goes. */
export const EXPORT_FILE_MS = EXPORT_DOWNLOAD_MS;

/**
 * A file in the temporary area (an upload arriving, an import's or an export's working
 * copy) untouched this long was left there by a process that died: an upload is written to
 * as it arrives, and a job reads its copy within its own time limits, far under a day.
 */
export const TEMP_FILE_MS = DAY_MS;

/** The moment `windowMs` before `now`: rows older than it are swept. */
export const cutoff = (now: Date, windowMs: number): Date => new Date(now.getTime() - windowMs);

/** An API key's call count of a minute matters only during that minute; an hour later it goes. */
export const API_WINDOW_KEEP_MS = 60 * 60_000;

/** An Idempotency-Key answers retries for a day (the API's promise), then goes. */
export const IDEMPOTENCY_KEEP_MS = DAY_MS + MARGIN_MS;
