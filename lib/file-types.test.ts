// Visit evidence is told from the recognised type of the file; anything else is no evidence.
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FILE_TYPES,
  FILE_MAX_BYTES,
  FILE_TYPES,
  RECEIPT_FILE_TYPES,
  SPREADSHEET_FILE_TYPES,
  evidenceKindOf,
} from './file-types';

describe('file types', () => {
  it('knows the kind of evidence of each type', () => {
    expect(evidenceKindOf('image/jpeg')).toBe('photo');
    expect(evidenceKindOf('image/png')).toBe('photo');
    expect(evidenceKindOf('audio/amr')).toBe('audio');
    expect(evidenceKindOf('video/quicktime')).toBe('video');
    expect(evidenceKindOf('application/pdf')).toBeNull();
    expect(evidenceKindOf('text/csv')).toBeNull();
  });

  it('caps every type it accepts, and accepts only known types for each purpose', () => {
    for (const type of FILE_TYPES) expect(FILE_MAX_BYTES[type]).toBeGreaterThan(0);
    for (const type of [...DOCUMENT_FILE_TYPES, ...RECEIPT_FILE_TYPES, ...SPREADSHEET_FILE_TYPES])
      expect(FILE_TYPES).toContain(type);
  });
});
