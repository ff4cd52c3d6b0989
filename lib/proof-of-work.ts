import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

// A proof of work: a browser that has guessed wrong (or asks about a contract someone has
// guessed at) spends a fraction of a second finding a number whose hash with the server's
// challenge starts with enough zero bits. A person never notices it; guessing ID digits by
// the thousand becomes slow. The same hash on both sides: the page solves, the server checks.

/** How many leading bits of `hash` are zero. */
export const leadingZeroBits = (hash: Uint8Array): number => {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
};

/** The hash a solution is judged by. */
export const proofHash = (challenge: string, solution: string): Uint8Array =>
  sha256(utf8ToBytes(`${challenge}:${solution}`));

/** Whether `solution` solves `challenge` at `bits`. */
export const solves = (challenge: string, solution: string, bits: number): boolean =>
  leadingZeroBits(proofHash(challenge, solution)) >= bits;

/**
 * Finds a solution, handing the page a turn every few thousand hashes so that it stays
 * responsive (and can show that it is checking). The challenge's part of the hash is
 * computed once and reused for every candidate.
 */
export const solveProof = async (
  challenge: string,
  bits: number,
  { turnEvery = 4096 }: { turnEvery?: number } = {},
): Promise<string> => {
  const prefix = sha256.create().update(utf8ToBytes(`${challenge}:`));
  for (let n = 0; ; n += 1) {
    const solution = n.toString(36);
    if (leadingZeroBits(prefix.clone().update(utf8ToBytes(solution)).digest()) >= bits) return solution;
    if (n % turnEvery === turnEvery - 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
};
