// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet that
// leaves out I, O, S, V and Z; the last character is a check computed modulo 31.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export const creditCodeCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`not a credit-code character at ${i}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
};

export const normalizeCreditCode = (raw: string): string => raw.trim().toUpperCase();

export const isValidCreditCode = (raw: string): boolean => {
  const code = normalizeCreditCode(raw);
  if (!SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
};
