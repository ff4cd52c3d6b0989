// Cursors round-trip exactly (millisecond timestamps) and a forged cursor is refused
// as bad input naming the field, never as a server error.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './keyset';

describe('keyset cursor', () => {
  it('round-trips timestamp and id', () => {
    const c = { at: new Date('2026-11-23T01:02:03.456Z'), id: '0190c9a0-0000-7000-8000-0000000000a1' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('treats missing cursors as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const ID = '0190c9a0-0000-7000-8000-000000000001';
  it.each([
    'garbage',
    b64([1, 2]),
    b64(['x', 'y']),
    // The shape is right but a part would fail its cast in SQL.
    b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
    b64(['2026-01-01T00:00:00.000Z', '-'.repeat(36)]),
    b64(['2026-01-01T00:00:00.000Z', `${ID}\u0000`]),
    b64(['-271821-04-20T00:00:00.000Z', ID]),
    b64(['+275760-09-13T00:00:00.000Z', ID]),
    b64(['2026-01-01T00:00:00.000Z', ID, 'extra']),
  ])('refuses forged cursor %s', (raw) => {
    expect(() => decodeCursor(raw)).toThrowError(expect.objectContaining({ code: 'input.invalidCursor' }));
  });

  it('gives a next cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n * 1000), id: `0190c9a0-0000-7000-8000-00000000000${n}` }));
    expect(toPage(rows, 3, (r) => r).nextCursor).toBeNull();
    const page = toPage(rows, 2, (r) => r);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor)).toEqual({ at: new Date(2000), id: '0190c9a0-0000-7000-8000-000000000002' });
  });
});
