import { FILE_MAX_BYTES, FILE_TYPES, type FileType } from '@/db/enums';

// A file's type comes from its first bytes (its signature), never from its name or the
// type the browser declares: a renamed executable stays an executable.
const SIGNATURES: { type: FileType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** Bytes needed to recognise any accepted type. */
export const SIGNATURE_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

export const detectFileType = (head: Uint8Array): FileType | null =>
  SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ?? null;

/** The largest upload accepted before the type is known. */
export const MAX_UPLOAD_BYTES = Math.max(...FILE_TYPES.map((t) => FILE_MAX_BYTES[t]));
