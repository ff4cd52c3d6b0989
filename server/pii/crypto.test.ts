// DESIGN §5: identity and phone numbers are sealed with AES-256-GCM (tampering is
// detected), found by a keyed blind index, and shown masked.
import { describe, expect, it } from 'vitest';
import { blindIndex, decryptPii, encryptPii, maskIdNumber, maskName, maskPhone } from './crypto';

describe('PII sealing', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = encryptPii('11010519491231002X');
    const b = encryptPii('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1101051949');
    expect(decryptPii(a)).toBe('11010519491231002X');
  });

  it('detects tampering', () => {
    const sealed = encryptPii('13812345678');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptPii(`v1:${bytes.toString('base64')}`)).toThrow();
    expect(() => decryptPii('v0:abc')).toThrow('unknown PII envelope');
  });

  it('indexes exactly, ignoring case and spaces', () => {
    expect(blindIndex(' 11010519491231002x')).toBe(blindIndex('11010519491231002X'));
    expect(blindIndex('11010519491231002X')).not.toBe(blindIndex('110105194912310021'));
    expect(blindIndex('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('masks', () => {
  it('masks as DESIGN §5 shows', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
});
