// GB 32100-2015: a unified social credit code is 18 characters and its last one is a
// modulo-31 check; a single mistyped character must be caught.
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code', () => {
  it.each([
    '91350100M000100Y43', // published example codes with valid check characters
    '91110108551385082Q',
    '91440300708461136T',
  ])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts lower case and surrounding spaces after normalising', () => {
    expect(isValidCreditCode(' 91110108551385082q ')).toBe(true);
    expect(normalizeCreditCode(' 91110108551385082q ')).toBe('91110108551385082Q');
  });

  it.each([
    ['wrong check character', '91110108551385082R'],
    ['too short', '9111010855138508'],
    ['too long', '91110108551385082QQ'],
    ['forbidden letter I', '9I110108551385082Q'],
    ['letters in the region code', '9111A108551385082Q'],
    ['empty', ''],
  ])('refuses %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('catches every single-character substitution of a valid code', () => {
    const valid = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i += 1) {
      for (const c of alphabet) {
        if (c === valid[i]) continue;
        const typo = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(isValidCreditCode(typo), typo).toBe(false);
      }
    }
  });

  it('computes the check character of a 17-character base', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow(RangeError);
  });
});
