// The proof of work the public complaint page solves: the browser's hash is the server's
// (node's own SHA-256 agrees), zero bits are counted from the first byte, and a solution
// found at a difficulty is accepted at it and not at a harder one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, proofHash, solveProof, solves } from './proof-of-work';

describe('proof of work', () => {
  it('counts leading zero bits across bytes', () => {
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x0f]))).toBe(20);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('hashes as the server does and finds a solution the check accepts', async () => {
    expect(Buffer.from(proofHash('abc.1.18.sig', '7f')).toString('hex')).toBe(
      createHash('sha256').update('abc.1.18.sig:7f').digest('hex'),
    );
    const solution = await solveProof('challenge-from-the-server', 12);
    expect(solves('challenge-from-the-server', solution, 12)).toBe(true);
    expect(leadingZeroBits(proofHash('challenge-from-the-server', solution))).toBeGreaterThanOrEqual(12);
    expect(solves('another-challenge', solution, 12) && solves('another-challenge', solution, 24)).toBe(false);
  });
});
