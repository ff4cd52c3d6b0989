import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DomainError } from '../../errors';

// Keyset pagination: a page ends at (timestamp, id) and the next page starts strictly
// after it, so paging stays constant-time at a million rows and never skips or repeats
// a row when rows are inserted meanwhile. The cursor is opaque to clients.

export type Cursor = { at: Date; id: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.at.toISOString(), c.id]), 'utf8').toString('base64url');

export const decodeCursor = (raw: string | null | undefined): Cursor | null => {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      if (typeof at === 'string' && typeof id === 'string') {
        const date = new Date(at);
        if (!Number.isNaN(date.getTime())) return { at: date, id };
      }
    }
  } catch {
    // fall through to the translated error below
  }
  throw new DomainError('input.invalidCursor', { field: 'cursor' });
};

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export const toPage = <T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  };
};

/**
 * Rows strictly after the cursor in (timestamp desc, id desc) order. A row comparison
 * lets PostgreSQL walk the (…, created_at, id) index backwards from the cursor.
 */
export const afterCursor = (atColumn: AnyColumn, idColumn: AnyColumn, cursor: Cursor): SQL =>
  sql`(${atColumn}, ${idColumn}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
