import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { solves } from '@/lib/proof-of-work';
import { authSecret } from '../../env';
import { takeAttempt } from './rate-limit';

// Challenges for the proof of work (lib/proof-of-work.ts): signed by the server, so it
// keeps nothing until one is answered; each is good for ten minutes and for one answer.

/** Zero bits a solution needs: about 65,000 hashes on average, a fraction of a second in a browser. */
export const PROOF_BITS = 16;
const PROOF_TTL_MS = 10 * 60_000;

export type Proof = { challenge: string; solution: string };
export type Challenge = { challenge: string; bits: number; expiresAt: Date };

const signingKey = () => createHmac('sha256', authSecret()).update('daylight proof-of-work challenge').digest();
const sign = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest('base64url');

/** A new challenge: a random nonce, its expiry and its difficulty, signed. */
export const issueChallenge = (now = new Date(), bits = PROOF_BITS): Challenge => {
  const expiresAt = new Date(now.getTime() + PROOF_TTL_MS);
  const payload = `${randomBytes(16).toString('base64url')}.${expiresAt.getTime()}.${bits}`;
  return { challenge: `${payload}.${sign(payload)}`, bits, expiresAt };
};

/**
 * Whether `proof` answers a challenge this server issued, still fresh, at its difficulty
 * and never answered before (the answer is recorded, so a solved challenge is used once).
 */
export const acceptProof = async (db: DbOrTx, proof: Proof | null | undefined, now = new Date()): Promise<boolean> => {
  if (!proof) return false;
  const parts = proof.challenge.split('.');
  if (parts.length !== 4) return false;
  const [nonce = '', expiry = '', bitsText = '', signature = ''] = parts;
  const expected = Buffer.from(sign(`${nonce}.${expiry}.${bitsText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const bits = Number(bitsText);
  if (!Number.isInteger(bits) || bits < PROOF_BITS || Number(expiry) <= now.getTime()) return false;
  if (proof.solution.length > 32 || !solves(proof.challenge, proof.solution, bits)) return false;
  return takeAttempt(db, `proof:${nonce}`, { limit: 1, windowMs: PROOF_TTL_MS }, now);
};
