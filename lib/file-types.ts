// What the product stores, recognised from the bytes of an upload, and how large each may be.
import type { EvidenceKind } from './enums';

// Stored files are recognised by their bytes, never by name or declared type. Spreadsheets
// (case and repayment imports) are text (CSV) or a zip package (XLSX), checked again when read.
export const FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'audio/amr',
  'audio/ogg',
  'video/mp4',
  'video/quicktime',
  'video/webm',
] as const;
export type FileType = (typeof FILE_TYPES)[number];
/** Largest accepted upload per detected type, in bytes (a million-row case file is ~250 MB of CSV). */
export const FILE_MAX_BYTES: Record<FileType, number> = {
  'application/pdf': 20 * 1024 * 1024,
  'image/jpeg': 20 * 1024 * 1024,
  'image/png': 20 * 1024 * 1024,
  'text/csv': 512 * 1024 * 1024,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 256 * 1024 * 1024,
  // Field evidence: a visit's recording runs long; video is the largest.
  'audio/mpeg': 100 * 1024 * 1024,
  'audio/mp4': 100 * 1024 * 1024,
  'audio/wav': 100 * 1024 * 1024,
  'audio/amr': 100 * 1024 * 1024,
  'audio/ogg': 100 * 1024 * 1024,
  'video/mp4': 200 * 1024 * 1024,
  'video/quicktime': 200 * 1024 * 1024,
  'video/webm': 200 * 1024 * 1024,
};
/** What may be attached to an admission application. */
export const DOCUMENT_FILE_TYPES: readonly FileType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** What a receipt may be: a photo or a scan. */
export const RECEIPT_FILE_TYPES: readonly FileType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** The kind of evidence a file is, from its recognised type; null for anything else. */
export const evidenceKindOf = (mime: string): EvidenceKind | null =>
  mime === 'image/jpeg' || mime === 'image/png'
    ? 'photo'
    : mime.startsWith('audio/')
      ? 'audio'
      : mime.startsWith('video/')
        ? 'video'
        : null;
/** What a call's recording may be: audio, recognised by its bytes. */
export const AUDIO_FILE_TYPES: readonly FileType[] = FILE_TYPES.filter((t) => t.startsWith('audio/'));
/** What a case import reads. */
export const SPREADSHEET_FILE_TYPES: readonly FileType[] = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
