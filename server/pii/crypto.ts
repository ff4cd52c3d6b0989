import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { isProduction } from '../env';

// DESIGN §5: ID and phone numbers are encrypted at rest with AES-256-GCM and found by
// an HMAC blind index; keys come from the environment. Development derives fixed keys so
// `npm run dev` needs no setup; production refuses to run without real ones.

const DEV_SEED = 'daylight-development-pii-key-not-for-production';

const keyFrom = (name: 'PII_ENCRYPTION_KEY' | 'PII_HMAC_KEY'): Buffer => {
  const raw = process.env[name];
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
    return key;
  }
  if (isProduction()) throw new Error(`${name} must be set in production`);
  return createHash('sha256').update(`${DEV_SEED}:${name}`).digest();
};

let keys: { enc: Buffer; mac: Buffer } | undefined;
const getKeys = () => (keys ??= { enc: keyFrom('PII_ENCRYPTION_KEY'), mac: keyFrom('PII_HMAC_KEY') });

const VERSION = 'v1';

export const encryptPii = (plain: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', getKeys().enc, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
};

export const decryptPii = (sealed: string): string => {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('unknown PII envelope');
  const buf = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', getKeys().enc, buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
};

/** Deterministic keyed hash for exact lookup (ban list, duplicates) without decrypting. */
export const blindIndex = (plain: string): string =>
  createHmac('sha256', getKeys().mac).update(plain.trim().toUpperCase(), 'utf8').digest('hex');

export const maskIdNumber = (id: string): string =>
  id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;

export const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);

export const maskName = (name: string): string => {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
};
