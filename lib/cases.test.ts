// Overdue buckets are 30-day steps (DESIGN §2): M1 = 1–30 days, …, M12+ = over 330 days;
// M0 is a case not overdue today. Days overdue are counted on the day they are read.
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from './dates';
import { AGE_BUCKETS, BUCKETS, bucketDays, bucketOf, daysOverdueOn, overdueSinceFor } from './cases';

describe('overdue buckets', () => {
  it.each([
    [0, 0],
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

  it('lands every case in a listed bucket, and every day of a bucket in its range', () => {
    for (let days = 0; days <= 400; days += 1) {
      const b = bucketOf(days);
      expect(AGE_BUCKETS).toContain(b);
      const { from, to } = bucketDays(b);
      expect(days).toBeGreaterThanOrEqual(from);
      if (to !== null) expect(days).toBeLessThanOrEqual(to);
    }
    expect(BUCKETS).not.toContain(0);
  });
});

describe('days overdue as of the day read', () => {
  it('counts the days since the first missed payment, and none while current', () => {
    expect(daysOverdueOn('2026-11-01', '2026-11-01')).toBe(0);
    expect(daysOverdueOn('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysOverdueOn('2026-12-05', '2026-12-01')).toBe(0);
    expect(daysOverdueOn(null, '2026-12-01')).toBe(0);
    // Across a leap day and a year end.
    expect(daysOverdueOn('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysOverdueOn('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('moves a case from M1 to M2 at midnight Beijing time, not UTC', () => {
    const since = '2026-11-01';
    const before = new Date('2026-12-01T15:59:59Z'); // 23:59:59 in Beijing, day 30
    const after = new Date('2026-12-01T16:00:00Z'); // 00:00 the next day in Beijing, day 31
    expect(bucketOf(daysOverdueOn(since, shanghaiDate(before)))).toBe(1);
    expect(bucketOf(daysOverdueOn(since, shanghaiDate(after)))).toBe(2);
  });
});

describe('the day a case first missed a payment', () => {
  it('counts back from the day its file gave the days overdue', () => {
    expect(overdueSinceFor(45, '2026-12-03')).toBe('2026-10-19');
    expect(overdueSinceFor(1, '2027-01-01')).toBe('2026-12-31');
    expect(daysOverdueOn(overdueSinceFor(400, '2026-12-03'), '2026-12-03')).toBe(400);
  });
});
