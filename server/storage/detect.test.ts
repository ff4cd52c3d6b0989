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
    [
      'a zip package (an XLSX; checked again when read)',
      bytes(0x50, 0x4b, 0x03, 0x04),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['UTF-8 text (a CSV)', new TextEncoder().encode('合同编号,借款人姓名\r\nHT1,张三\r\n'), 'text/csv'],
    ['GB18030 text (a CSV)', bytes(0xba, 0xcf, 0xcd, 0xac, 0x2c, 0x0d, 0x0a), 'text/csv'],
    ['UTF-16 text with its byte-order mark', bytes(0xff, 0xfe, 0x41, 0x00), 'text/csv'],
    ['text that mentions PDF later', new TextEncoder().encode(' %PDF-1.7'), 'text/csv'],
    ['binary data with control bytes', bytes(0x41, 0x42, 0x01, 0x02), null],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), null],
    ['nothing', bytes(), null],
    ['an MP3 with its ID3 tag', new TextEncoder().encode('ID3\x04\x00\x00'), 'audio/mpeg'],
    ['an MP3 frame without a tag', bytes(0xff, 0xfb, 0x90, 0x64, 0x00), 'audio/mpeg'],
    ['an AAC stream (layer bits 00) is not MP3', bytes(0xff, 0xf1, 0x50, 0x80, 0x01), null],
    ['an AMR voice recording', new TextEncoder().encode('#!AMR\n\x3c'), 'audio/amr'],
    ['an Ogg stream', bytes(0x4f, 0x67, 0x67, 0x53, 0x00, 0x02), 'audio/ogg'],
    ['a WAVE file', bytes(0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d), 'audio/wav'],
    [
      'an AVI (RIFF but not WAVE)',
      bytes(0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x41, 0x56, 0x49, 0x20, 0x4c, 0x49),
      null,
    ],
    ['an MP4 video', bytes(0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0), 'video/mp4'],
    [
      'a phone MP4 (mp42)',
      bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0),
      'video/mp4',
    ],
    ['an M4A recording', bytes(0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20, 0, 0, 0, 0), 'audio/mp4'],
    [
      'a QuickTime movie',
      bytes(0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20, 0, 0, 0, 0),
      'video/quicktime',
    ],
    [
      'a HEIC photo (not accepted)',
      bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0),
      null,
    ],
    ['a WebM video', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42), 'video/webm'],
  ])('%s → %s', (_, head, type) => {
    expect(detectFileType(head)).toBe(type);
  });
});
