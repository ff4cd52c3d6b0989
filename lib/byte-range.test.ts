// A player seeking in a recording asks for one byte range (RFC 9110 §14): `bytes=a-b`,
// `bytes=a-` (from an offset to the end) or `bytes=-n` (the last n bytes). Several ranges,
// another unit or a header that does not parse: the whole file. A range with no byte of
// the file in it: 416.
import { describe, expect, it } from 'vitest';
import { parseRange, rangeLength, resolveRange } from './byte-range';

const bytesOf = (header: string | null, size: number) => {
  const spec = parseRange(header);
  return spec ? resolveRange(spec, size) : 'whole';
};

describe('byte ranges', () => {
  it('serves a closed range, an open-ended one and a suffix', () => {
    expect(bytesOf('bytes=1000-1999', 10_000)).toEqual({ start: 1000, end: 1999 });
    expect(bytesOf('bytes=9000-', 10_000)).toEqual({ start: 9000, end: 9999 });
    expect(bytesOf('bytes=-500', 10_000)).toEqual({ start: 9500, end: 9999 });
    expect(bytesOf('bytes=0-0', 10_000)).toEqual({ start: 0, end: 0 });
    expect(rangeLength({ start: 1000, end: 1999 })).toBe(1000);
  });

  it('stops at the last byte when the range runs past the end', () => {
    expect(bytesOf('bytes=9990-20000', 10_000)).toEqual({ start: 9990, end: 9999 });
    expect(bytesOf('bytes=-20000', 10_000)).toEqual({ start: 0, end: 9999 });
  });

  it('finds nothing to serve in a range past the end, a suffix of nothing, or any range of an empty file', () => {
    expect(bytesOf('bytes=10000-', 10_000)).toBeNull();
    expect(bytesOf('bytes=10000-10010', 10_000)).toBeNull();
    expect(bytesOf('bytes=-0', 10_000)).toBeNull();
    expect(bytesOf('bytes=0-', 0)).toBeNull();
  });

  it('serves the whole file for several ranges, another unit, or a header that does not parse', () => {
    for (const header of [
      null,
      '',
      'bytes=0-99,200-299',
      'items=0-9',
      'bytes=abc',
      'bytes=500-100',
      'bytes=-',
      'bytes 0-9',
    ])
      expect(bytesOf(header, 10_000)).toBe('whole');
  });

  it('reads the header whatever its case and spacing', () => {
    expect(bytesOf('Bytes = 5 - 9', 100)).toEqual({ start: 5, end: 9 });
  });
});
