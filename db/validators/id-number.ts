// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and
// a check character computed with ISO 7064 MOD 11-2 (10 is written X).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const idNumberCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
};

export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase();

const isRealDate = (yyyymmdd: string): boolean => {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    date.getTime() <= Date.now()
  );
};

export const isValidIdNumber = (raw: string): boolean => {
  const id = normalizeIdNumber(raw);
  if (!/^[1-9]\d{5}\d{8}\d{3}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id.charAt(17);
};
