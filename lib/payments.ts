// Paying the creditor directly (issue 20): the providers a creditor may configure for a
// "pay online" link, the states of such a payment, and the reference code (还款识别码) that
// names a case on a transfer's remark so the creditor's repayment file reconciles it.

export const PAYMENT_PROVIDERS = ['alipay'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

export const PAYMENT_ORDER_STATUSES = ['created', 'paid'] as const;
export type PaymentOrderStatus = (typeof PAYMENT_ORDER_STATUSES)[number];

/** 32 signs nobody misreads or mistypes: no 0/O, no 1/I. */
export const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Seven random signs and a check sign. */
export const REF_LENGTH = 8;

const valueOf = (c: string) => REF_ALPHABET.indexOf(c);

/**
 * The check sign of a code's body: Luhn mod 32 (every single mistyped sign and every swap of
 * two neighbours is caught).
 */
export const refCheckChar = (body: string): string => {
  const n = REF_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const v = valueOf(body[i] ?? '');
    if (v < 0) throw new Error(`not a reference sign: ${body[i]}`);
    const addend = factor * v;
    sum += Math.floor(addend / n) + (addend % n);
    factor = factor === 2 ? 1 : 2;
  }
  return REF_ALPHABET[(n - (sum % n)) % n] ?? '';
};

/** A new code from 7 random values below 32: at least one letter and one digit, so that no word or number reads as one. */
export const makePaymentRef = (random: (n: number) => number[]): string => {
  for (;;) {
    const body = random(REF_LENGTH - 1)
      .map((v) => REF_ALPHABET[v % REF_ALPHABET.length])
      .join('');
    if (/[A-Z]/.test(body) && /[2-9]/.test(body)) return body + refCheckChar(body);
  }
};

/** Whatever the debtor typed (lower case, spaces, a dash) as the code it means, or null when it is not one. */
export const normalizePaymentRef = (raw: string): string | null => {
  const v = raw.toUpperCase().replace(/[\s-]/g, '');
  if (v.length !== REF_LENGTH || [...v].some((c) => valueOf(c) < 0)) return null;
  return refCheckChar(v.slice(0, -1)) === v.slice(-1) ? v : null;
};

/** A code found inside free text (a transfer's remark, 附言): a token of 8 signs with letters, digits and its check sign. */
export const findPaymentRef = (text: string): string | null => {
  for (const token of text.toUpperCase().match(/[A-Z0-9-]+/g) ?? []) {
    const v = token.replace(/-/g, '');
    if (!/[A-Z]/.test(v) || !/[2-9]/.test(v)) continue;
    const ref = normalizePaymentRef(v);
    if (ref) return ref;
  }
  return null;
};

/** As shown to the debtor: two groups of four (ABCD-EFGH). */
export const formatPaymentRef = (ref: string): string => `${ref.slice(0, 4)}-${ref.slice(4)}`;
