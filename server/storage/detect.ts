import { FILE_MAX_BYTES, FILE_TYPES, type FileType } from '@/lib/file-types';

// A file's type comes from its first bytes (its signature), never from its name or the
// type the browser declares: a renamed executable stays an executable.
const SIGNATURES: { type: FileType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // A zip package; whether it really is a workbook is checked when it is read.
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'audio/mpeg', bytes: [0x49, 0x44, 0x33] }, // ID3 tag before the frames
  { type: 'audio/amr', bytes: [0x23, 0x21, 0x41, 0x4d, 0x52, 0x0a] }, // #!AMR\n: phone call and voice recorders
  { type: 'audio/ogg', bytes: [0x4f, 0x67, 0x67, 0x53] }, // OggS
  { type: 'video/webm', bytes: [0x1a, 0x45, 0xdf, 0xa3] }, // EBML (WebM, Matroska)
];

const ascii = (head: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...head.subarray(from, from + length));

/** MP3 without a tag: an 11-bit frame sync, a version that is not reserved and layer III. */
const isMpegFrame = (head: Uint8Array) => {
  const b = head[1] ?? 0;
  return head[0] === 0xff && (b & 0xe0) === 0xe0 && ((b >> 3) & 0x03) !== 1 && ((b >> 1) & 0x03) === 1;
};

/** ISO base media (MP4, MOV, M4A): an `ftyp` box whose major brand says which. Other brands (HEIC photos, say) are not accepted. */
const isoMedia = (head: Uint8Array): FileType | null => {
  if (head.byteLength < 12 || ascii(head, 4, 4) !== 'ftyp') return null;
  const brand = ascii(head, 8, 4);
  if (/^M4[ABP] $/.test(brand)) return 'audio/mp4';
  if (brand === 'qt  ') return 'video/quicktime';
  if (/^(iso[2-9m]|mp4[12]|avc1|M4V[ H]|3gp[4-9]|3g2[abc]|dash|MSNV|mmp4|XAVC|f4v )$/.test(brand)) return 'video/mp4';
  return null;
};

/** RIFF containers: only WAVE audio is accepted (not AVI or WebP). */
const riff = (head: Uint8Array): FileType | null =>
  head.byteLength >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE' ? 'audio/wav' : null;

const bySignature = (head: Uint8Array): FileType | null =>
  SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ??
  isoMedia(head) ??
  riff(head) ??
  (isMpegFrame(head) ? 'audio/mpeg' : null);

/**
 * Bytes looked at before deciding: enough for every signature, and enough of a text file
 * to tell it from binary data.
 */
export const SNIFF_BYTES = 4096;

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Text (CSV): no NUL and no control characters besides tab, line breaks, form feed and
 * escape in the first bytes. A UTF-16 byte-order mark also counts as text, so that the
 * importer can say the encoding is not supported rather than call the file binary.
 */
const isText = (head: Uint8Array): boolean => {
  if (UTF16_BOMS.some((bom) => bom.every((b, i) => head[i] === b))) return true;
  return head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x1b);
};

/** The type of a file from its first bytes (`head` holds SNIFF_BYTES, or the whole file if shorter). */
export const detectFileType = (head: Uint8Array): FileType | null =>
  bySignature(head) ?? (head.byteLength > 0 && isText(head) ? 'text/csv' : null);

/** The largest upload accepted before the type is known. */
export const MAX_UPLOAD_BYTES = Math.max(...FILE_TYPES.map((t) => FILE_MAX_BYTES[t]));
