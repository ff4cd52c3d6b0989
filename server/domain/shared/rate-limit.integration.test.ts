// Guessable checks (a contract's or a reference's ID digits) queue per key, so a burst of
// parallel guesses gets no more tries than the limit: after five failures from one client
// nothing more is even checked for it that day, while a key that only counts never blocks;
// a burst of attempts from one address stops at its cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDb } from '../../testing/db';
import { attemptsOf, guardedCheck, takeAttempt } from './rate-limit';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

describe('guarded checks', () => {
  it('checks at most `limit` wrong guesses of a burst from one client, and none after; the counted-only key never blocks', async () => {
    let checked = 0;
    const wrong = async () => {
      checked += 1;
      return null;
    };
    const rule = { limit: 5, windowMs: 86_400_000 };
    const fromA = [
      { key: 'test.verify:HT1', rule: null },
      { key: 'test.verify:HT1:203.0.113.1', rule },
    ];
    const results = await Promise.all(Array.from({ length: 20 }, () => guardedCheck(handle.db, fromA, wrong)));
    expect(results.every((r) => r.found === null)).toBe(true);
    expect(results.filter((r) => r.blocked)).toHaveLength(15);
    expect(checked).toBe(5);
    // Every attempt is on record, and this client's right answer is no longer even asked for.
    expect(await attemptsOf(handle.db, 'test.verify:HT1', rule.windowMs)).toBe(20);
    expect(await attemptsOf(handle.db, 'test.verify:HT1:203.0.113.1', rule.windowMs)).toBe(20);
    await expect(guardedCheck(handle.db, fromA, async () => 'case')).resolves.toEqual({ found: null, blocked: true });
    // Another client with the right answer is checked and answered; a right answer records nothing.
    const fromB = [
      { key: 'test.verify:HT1', rule: null },
      { key: 'test.verify:HT1:203.0.113.2', rule },
    ];
    await expect(guardedCheck(handle.db, fromB, async () => 'case')).resolves.toEqual({
      found: 'case',
      blocked: false,
    });
    expect(await attemptsOf(handle.db, 'test.verify:HT1', rule.windowMs)).toBe(21);
  });

  it('lets a burst from one key take exactly its cap', async () => {
    const taken = await Promise.all(
      Array.from({ length: 30 }, () =>
        takeAttempt(handle.db, 'test.file:203.0.113.9', { limit: 5, windowMs: 600_000 }),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(5);
  });
});
