import { describe, expect, it } from 'vitest';
import { detectFileType } from './detect';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('detectFileType', () => {
  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n'), 'application/pdf'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a Windows executable', new TextEncoder().encode('MZ\x90\x00\x03'), null],
    ['an ELF binary', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), null],
    ['a ZIP (e.g. a renamed .docx)', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['text that mentions PDF later', new TextEncoder().encode(' %PDF-1.7'), null],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_, head, type) => {
    expect(detectFileType(head)).toBe(type);
  });
});
