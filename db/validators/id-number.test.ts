// GB 11643: an 18-character resident ID with a real birth date and a MOD 11-2 check
// character; any single mistyped digit is caught.
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber } from './id-number';

describe('resident ID number', () => {
  it.each([
    '11010519491231002X',
    '44030519880101002' + idNumberCheckChar('44030519880101002'),
    '11010119900307651X'.slice(0, 17) + idNumberCheckChar('11010119900307651'),
  ])('accepts %s', (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('accepts a lower-case x check character', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it.each([
    ['wrong check character', '110105194912310021'],
    ['impossible date', '110105194902300028'.slice(0, 17) + idNumberCheckChar('11010519490230002')],
    ['future birth date', '110105209912310020'.slice(0, 17) + idNumberCheckChar('11010520991231002')],
    ['15-digit old format', '110105491231002'],
    ['letters', '11010519491231002A'],
    ['empty', ''],
  ])('refuses %s', (_why, id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });

  it('catches every single-digit substitution', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 17; i += 1) {
      for (const c of '0123456789') {
        if (c === valid[i]) continue;
        const typo = valid.slice(0, i) + c + valid.slice(i + 1);
        // A typo in the date may make an impossible date; either way it must be refused.
        expect(isValidIdNumber(typo), typo).toBe(false);
      }
    }
  });
});
