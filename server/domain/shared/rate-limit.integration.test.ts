// Guessable checks (a contract's or a reference's ID digits) queue per key, so a burst of
// parallel guesses gets no more tries than the limit: after five failures nothing more is
// even checked that day, and a burst of attempts from one address stops at its cap.
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
  it('checks at most `limit` wrong guesses of a burst, and none after', async () => {
    let checked = 0;
    const wrong = async () => {
      checked += 1;
      return null;
    };
    const rule = { limit: 5, windowMs: 86_400_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => guardedCheck(handle.db, 'test.verify:HT1', rule, wrong)));
    expect(results.every((r) => r === null)).toBe(true);
    expect(checked).toBe(5);
    // Every attempt is on record, and a right answer is no longer even asked for.
    expect(await attemptsOf(handle.db, 'test.verify:HT1', rule.windowMs)).toBe(20);
    await expect(guardedCheck(handle.db, 'test.verify:HT1', rule, async () => 'case')).resolves.toBeNull();
    // Another key is untouched; a right answer records nothing.
    await expect(guardedCheck(handle.db, 'test.verify:HT2', rule, async () => 'case')).resolves.toBe('case');
    expect(await attemptsOf(handle.db, 'test.verify:HT2', rule.windowMs)).toBe(0);
  });

  it('lets a burst from one key take exactly its cap', async () => {
    const taken = await Promise.all(Array.from({ length: 30 }, () => takeAttempt(handle.db, 'test.file:203.0.113.9', { limit: 5, windowMs: 600_000 })));
    expect(taken.filter(Boolean)).toHaveLength(5);
  });
});
