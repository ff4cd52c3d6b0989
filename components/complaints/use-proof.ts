'use client';

import { useState } from 'react';
import { solveProof } from '@/lib/proof-of-work';
import { errorInfo } from '../trpc/errors';
import { useTRPCClient } from '../trpc/react';

type Proof = { challenge: string; solution: string };

/**
 * Runs a public check (filing, following) and, when the server asks for a proof of work
 * (the details were guessed at today), fetches a challenge, solves it and asks once more.
 * `proving` is true while the page works on it, so the page can say so.
 */
export const useProof = () => {
  const client = useTRPCClient();
  const [proving, setProving] = useState(false);
  const withProof = async <I extends object, O>(
    input: I,
    run: (input: I & { proof?: Proof }) => Promise<O>,
  ): Promise<O> => {
    try {
      return await run(input);
    } catch (e) {
      if (!errorInfo(e)?.domainCode?.endsWith('.proofRequired')) throw e;
    }
    setProving(true);
    try {
      const { challenge, bits } = await client.complaints.proofChallenge.mutate();
      return await run({ ...input, proof: { challenge, solution: await solveProof(challenge, bits) } });
    } finally {
      setProving(false);
    }
  };
  return { proving, withProof, client };
};
