// A database that refuses for now (a time limit, a deadlock, a connection that went away)
// is told apart from a fault of the request: jobs say so on their page and retry.
import { describe, expect, it } from 'vitest';
import { databaseFault } from './errors';

const pgError = (code: string) => Object.assign(new Error('db'), { code });
/** How drizzle wraps the driver's error. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select …'), { cause });

describe('databaseFault', () => {
  it.each([
    ['57014', 'db.busy'],
    ['55P03', 'db.busy'],
    ['25P03', 'db.busy'],
    ['40P01', 'db.busy'],
    ['57P01', 'db.unavailable'],
    ['08006', 'db.unavailable'],
    ['CONNECTION_CLOSED', 'db.unavailable'],
  ])('%s is %s, also wrapped', (code, fault) => {
    expect(databaseFault(pgError(code))).toBe(fault);
    expect(databaseFault(wrapped(pgError(code)))).toBe(fault);
  });

  it.each([['23505'], ['22P02'], ['P0001']])('%s (a fault of the request or the data) is none', (code) => {
    expect(databaseFault(wrapped(pgError(code)))).toBeNull();
  });

  it('an error without a code, or no error, is none', () => {
    expect(databaseFault(new Error('x'))).toBeNull();
    expect(databaseFault(null)).toBeNull();
    expect(databaseFault('text')).toBeNull();
  });
});
