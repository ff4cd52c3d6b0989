// Months are Beijing calendar months `YYYY-MM`: they turn at midnight in Beijing.
import { describe, expect, it } from 'vitest';
import { MONTH_PATTERN, addMonths, monthEnd, monthIndex, monthOf, monthStartsAt, shanghaiMonth } from './months';

describe('Beijing months', () => {
  it('accepts only a real month number', () => {
    for (const ok of ['2026-01', '2026-09', '2026-10', '2026-12']) expect(MONTH_PATTERN.test(ok)).toBe(true);
    for (const bad of ['2026-00', '2026-13', '2026-1', '26-01', '2026-01-01', ' 2026-01'])
      expect(MONTH_PATTERN.test(bad)).toBe(false);
  });

  it('turns the month at midnight in Beijing', () => {
    expect(monthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(0, new Date('2025-12-31T16:30:00Z'))).toBe('2026-01');
    expect(shanghaiMonth(-1, new Date('2025-12-31T16:30:00Z'))).toBe('2025-12');
    expect(shanghaiMonth(-5, new Date('2026-03-15T00:00:00Z'))).toBe('2025-10');
  });

  it('steps across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
    expect(monthIndex('2026-01') - monthIndex('2025-11')).toBe(2);
    expect(monthIndex(addMonths('2026-05', 19)) - monthIndex('2026-05')).toBe(19);
  });

  it('knows where a month begins and ends', () => {
    expect(monthStartsAt('2026-03').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2026-04')).toBe('2026-04-30');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
});
