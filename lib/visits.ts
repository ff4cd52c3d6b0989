// Field visit rules (NIFA 2018) that the visit form and the server both apply.

/** Staff on a visit, at least (NIFA 2018). */
export const MIN_VISIT_STAFF = 2;
/** Audio and video of a visit are due within this time of the visit (NIFA 2018). */
export const VISIT_EVIDENCE_DUE_MS = 24 * 3_600_000;
