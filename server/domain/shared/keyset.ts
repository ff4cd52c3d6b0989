import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DomainError } from '../../errors';

// Keyset pagination: a page ends at (timestamp, id) and the next page starts strictly
// after it, so paging stays constant-time at a million rows and never skips or repeats
// a row when rows are inserted meanwhile. The cursor is opaque to clients.

export type Cursor = { at: Date; id: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.at.toISOString(), c.id]), 'utf8').toString('base64url');

// A cursor comes back from the client, so it is checked in shape and types before any part of
// it reaches SQL: a forged one is refused as input, never a failed cast in the database.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** A timestamp written by a cursor, within what PostgreSQL and an ISO string both hold (years 1–9999); null otherwise. */
export const cursorDate = (v: unknown): Date | null => {
  if (typeof v !== 'string' || v.length > 40) return null;
  const date = new Date(v);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? null : date;
};

/** Refuses a cursor the server did not hand out. */
export const invalidCursor = () => new DomainError('input.invalidCursor', { field: 'cursor' });

/** The JSON array inside a base64url cursor, or a refusal. */
export const cursorParts = (raw: string, length: number): unknown[] => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === length) return parsed as unknown[];
  } catch {
    // the translated error below
  }
  throw invalidCursor();
};

export const decodeCursor = (raw: string | null | undefined): Cursor | null => {
  if (!raw) return null;
  const [at, id] = cursorParts(raw, 2);
  const date = cursorDate(at);
  if (!date || !isUuid(id)) throw invalidCursor();
  return { at: date, id };
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
