// Amounts are integer fen shown as ¥ with two decimals; dates are Beijing time YYYY-MM-DD.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFen } from './format';

describe('display formats', () => {
  it('formats fen as yuan with separators', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-100)).toBe('-¥1.00');
    expect(formatFen(123456789012345678n)).toBe('¥1,234,567,890,123,456.78');
  });

  it('formats dates in Asia/Shanghai', () => {
    const d = new Date('2026-11-22T17:30:00Z'); // 01:30 next day in Beijing
    expect(formatDate(d)).toBe('2026-11-23');
    expect(formatDateTime(d)).toBe('2026-11-23 01:30:00');
    expect(formatDate(null)).toBe('—');
  });
});
