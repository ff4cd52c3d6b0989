import { FILE_MAX_BYTES, FILE_TYPES, type FileType } from '@/db/enums';

// A file's type comes from its first bytes (its signature), never from its name or the
// type the browser declares: a renamed executable stays an executable.
const SIGNATURES: { type: FileType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // A zip package; whether it really is a workbook is checked when it is read.
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

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
  SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ?? (head.byteLength > 0 && isText(head) ? 'text/csv' : null);

/** The largest upload accepted before the type is known. */
export const MAX_UPLOAD_BYTES = Math.max(...FILE_TYPES.map((t) => FILE_MAX_BYTES[t]));
