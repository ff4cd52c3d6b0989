import { describe, expect, it } from 'vitest';
import {
  REF_ALPHABET,
  findPaymentRef,
  formatPaymentRef,
  makePaymentRef,
  normalizePaymentRef,
  refCheckChar,
} from './payments';

const seq =
  (...values: number[]) =>
  () =>
    values;

describe('the reference code', () => {
  it('is 8 signs without 0, O, 1 or I, letters and digits, its last the check sign', () => {
    const ref = makePaymentRef(seq(9, 21, 29, 11, 14, 26, 13));
    expect(ref).toBe('KX7MQ4PD');
    expect(REF_ALPHABET).not.toMatch(/[01OI]/);
    expect(formatPaymentRef(ref)).toBe('KX7M-Q4PD');
  });

  it('draws again when the draw has no digit or no letter', () => {
    let call = 0;
    const ref = makePaymentRef(() => (call++ === 0 ? [0, 1, 2, 3, 4, 5, 6] : [9, 21, 29, 11, 14, 26, 13]));
    expect(ref).toBe('KX7MQ4PD');
  });

  it('is read as typed: lower case, a dash or spaces; a mistyped sign or two swapped ones fail the check', () => {
    expect(normalizePaymentRef('kx7m-q4pd')).toBe('KX7MQ4PD');
    expect(normalizePaymentRef(' KX7M Q4PD ')).toBe('KX7MQ4PD');
    expect(normalizePaymentRef('KX7MQ4PE')).toBeNull();
    expect(normalizePaymentRef('XK7MQ4PD')).toBeNull();
    expect(normalizePaymentRef('KX7MQ4P')).toBeNull();
    expect(normalizePaymentRef('KX0MQ4PD')).toBeNull();
    // Every single substitution of every position is caught.
    for (let i = 0; i < 7; i += 1)
      for (const c of REF_ALPHABET) {
        const body = 'KX7MQ4P'.slice(0, i) + c + 'KX7MQ4P'.slice(i + 1);
        if (body !== 'KX7MQ4P') expect(refCheckChar(body)).not.toBe('D');
      }
  });

  it('is found inside a remark, but not in a name, a word or a number of 8 signs', () => {
    expect(findPaymentRef('还款 kx7m-q4pd 张三')).toBe('KX7MQ4PD');
    expect(findPaymentRef('转账KX7MQ4PD')).toBe('KX7MQ4PD');
    expect(findPaymentRef('ZHANGSAN 23456789 还款')).toBeNull();
    expect(findPaymentRef('')).toBeNull();
  });
});
