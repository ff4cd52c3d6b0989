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
    ['a zip package (an XLSX; checked again when read)', bytes(0x50, 0x4b, 0x03, 0x04), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['UTF-8 text (a CSV)', new TextEncoder().encode('合同编号,借款人姓名\r\nHT1,张三\r\n'), 'text/csv'],
    ['GB18030 text (a CSV)', bytes(0xba, 0xcf, 0xcd, 0xac, 0x2c, 0x0d, 0x0a), 'text/csv'],
    ['UTF-16 text with its byte-order mark', bytes(0xff, 0xfe, 0x41, 0x00), 'text/csv'],
    ['text that mentions PDF later', new TextEncoder().encode(' %PDF-1.7'), 'text/csv'],
    ['binary data with control bytes', bytes(0x41, 0x42, 0x01, 0x02), null],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_, head, type) => {
    expect(detectFileType(head)).toBe(type);
  });
});
