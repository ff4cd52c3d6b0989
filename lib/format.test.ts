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

describe('typed amounts', () => {
  it('parses yuan and 万元 into fen exactly', async () => {
    const { parseAmountToFen, fenToAmount } = await import('./format');
    expect(parseAmountToFen('1,234.56')).toBe(123456);
    expect(parseAmountToFen('0.1')).toBe(10);
    expect(parseAmountToFen('1000', 1_000_000)).toBe(1_000_000_000);
    expect(parseAmountToFen('0.0001', 1_000_000)).toBe(100);
    expect(parseAmountToFen('12.345')).toBeNull();
    expect(parseAmountToFen('-1')).toBeNull();
    expect(parseAmountToFen('1e3')).toBeNull();
    expect(parseAmountToFen('')).toBeNull();
    expect(parseAmountToFen('99999999999999999')).toBeNull();
    expect(fenToAmount(1_000_500_000, 1_000_000)).toBe('1000.5');
    expect(fenToAmount(123450)).toBe('1234.5');
  });

  it('parses percentages into basis points', async () => {
    const { parsePercentToBp, bpToPercent } = await import('./format');
    expect(parsePercentToBp('18.5')).toBe(1850);
    expect(parsePercentToBp('100')).toBe(10000);
    expect(parsePercentToBp('100.01')).toBeNull();
    expect(parsePercentToBp('abc')).toBeNull();
    expect(bpToPercent(1850)).toBe('18.5');
  });
});

describe('plain figures', () => {
  // formatFen works in integers; the plain form must agree with it digit for digit.
  const exact = (fen: number) => formatFen(fen).replace('¥', '').replaceAll(',', '');

  it('writes fen as yuan with two decimals, exactly', async () => {
    const { fenToYuan } = await import('./format');
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-1005)).toBe('-10.05');
    let fen = 1;
    for (let i = 0; i < 2_000; i += 1) {
      fen = (fen * 48_271 + i) % 4_500_000_000_000_000; // up to ¥45 trillion
      for (const v of [fen, -fen, fen - (fen % 100) + 5, fen - (fen % 100) + 95]) expect(fenToYuan(v)).toBe(exact(v));
    }
  });

  it('writes basis points as a percentage with two decimals, and fen as chart yuan', async () => {
    const { bpToFixedPercent, yuanOf } = await import('./format');
    expect(bpToFixedPercent(2500)).toBe('25.00');
    expect(bpToFixedPercent(1850)).toBe('18.50');
    expect(bpToFixedPercent(5)).toBe('0.05');
    expect(yuanOf(123456)).toBe(1234.56);
  });
});
