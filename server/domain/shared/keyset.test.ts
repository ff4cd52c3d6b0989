// Cursors round-trip exactly (millisecond timestamps) and a forged cursor is refused
// as bad input naming the field, never as a server error.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './keyset';

describe('keyset cursor', () => {
  it('round-trips timestamp and id', () => {
    const c = { at: new Date('2026-11-23T01:02:03.456Z'), id: 'a1' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('treats missing cursors as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each(['garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])(
    'refuses forged cursor %s',
    (raw) => {
      expect(() => decodeCursor(raw)).toThrowError(expect.objectContaining({ code: 'input.invalidCursor' }));
    },
  );

  it('gives a next cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n * 1000), id: String(n) }));
    expect(toPage(rows, 3, (r) => r).nextCursor).toBeNull();
    const page = toPage(rows, 2, (r) => r);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor)).toEqual({ at: new Date(2000), id: '2' });
  });
});
