// HTTP range requests (RFC 9110 §14): a player seeking in a long recording asks for the
// bytes from one offset on, not for the whole file again. One range per request is served;
// a request for several is answered with the whole file, as the RFC allows.

/** Bytes `start` to `end` of a file, both included. */
export type ByteRange = { start: number; end: number };

/** What a Range header asked for, before the file's size is known. */
export type RangeSpec = { kind: 'from'; start: number; end: number | null } | { kind: 'suffix'; length: number };

const SINGLE = /^bytes=(?:(\d{1,15})-(\d{0,15})|-(\d{1,15}))$/i;

/**
 * The one range a Range header asks for, or null when the whole file is to be served: no
 * header, another unit, several ranges, or a header that does not parse (RFC 9110 says to
 * ignore such a header rather than refuse the request).
 */
export const parseRange = (header: string | null | undefined): RangeSpec | null => {
  const m = SINGLE.exec((header ?? '').replace(/\s+/g, ''));
  if (!m) return null;
  const [, from, to, suffix] = m;
  if (suffix !== undefined) return { kind: 'suffix', length: Number(suffix) };
  const start = Number(from);
  const end = to ? Number(to) : null;
  if (end !== null && end < start) return null;
  return { kind: 'from', start, end };
};

/**
 * The bytes a range names in a file of `size` bytes, or null when none of them exist
 * (answered 416): a start at or past the end, a suffix of nothing, any range of an empty
 * file. An end past the file, or a suffix longer than it, stops at the file's last byte.
 */
export const resolveRange = (spec: RangeSpec, size: number): ByteRange | null => {
  if (size === 0) return null;
  if (spec.kind === 'suffix')
    return spec.length === 0 ? null : { start: Math.max(0, size - spec.length), end: size - 1 };
  if (spec.start >= size) return null;
  return { start: spec.start, end: Math.min(spec.end ?? size - 1, size - 1) };
};

/** How many bytes a range holds. */
export const rangeLength = (r: ByteRange) => r.end - r.start + 1;
