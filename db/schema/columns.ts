import { timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision: keyset cursors carry timestamps through JavaScript Dates,
// which cannot hold PostgreSQL's default microseconds without losing rows at page edges.
export const ts = (name?: string) =>
  name
    ? timestamp(name, { withTimezone: true, precision: 3, mode: 'date' })
    : timestamp({ withTimezone: true, precision: 3, mode: 'date' });

export const timestamps = {
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
};
