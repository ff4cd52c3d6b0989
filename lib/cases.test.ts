// Overdue buckets are 30-day steps (DESIGN §2): M1 = 1–30 days, …, M12+ = over 330 days.
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf } from './cases';

describe('overdue buckets', () => {
  it.each([
    [0, 1],
    [1, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [330, 11],
    [331, 12],
    [5_000, 12],
  ])('%i days overdue is M%i', (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
  });

  it('lands every case in a listed bucket', () => {
    for (let days = 0; days <= 400; days += 1) expect(BUCKETS).toContain(bucketOf(days));
  });
});
