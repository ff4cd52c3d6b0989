import { desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { cases } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { DomainError, type DomainErrorCode } from '../../errors';
import { type Proof, acceptProof } from './proof-of-work';
import { attemptsOf, guardedCheck } from './rate-limit';

// Details a stranger could guess at (a contract number with the borrower's name and the
// last 4 ID digits, a complaint reference with the digits), checked on the public pages
// without an account: the complaint form, the complaint status and the debtor's own page.
// Counted on the thing asked about, on the pair of it and this client, and on this client.
// Only the client's own counts stop it; the thing's count asks every client for a proof of
// work, so that someone who knows a contract number cannot lock its debtor out.

const DAY_MS = 86_400_000;
/** Wrong details from one client for one contract number (or one reference) in a day, after which that client is no longer checked for it that day. */
export const VERIFY_FAILURES_PER_DAY = 5;
/** Wrong details from one client in a day, whatever it asked about. */
export const CLIENT_FAILURES_PER_DAY = 20;
/**
 * After this many wrong details today, on the contract (or reference) from anyone or from
 * this client on anything, an attempt must bring a proof of work: guessing slows down for
 * everyone, and the right details still go through.
 */
export const PROOF_AFTER = { target: 3, client: 3 };
const DAY_RULE = (limit: number) => ({ limit, windowMs: DAY_MS });

/** The refusals a page gives: its own words for a missing proof and for too many failures. */
export type GuessRefusals = { proofRequired: DomainErrorCode; tooManyFailures: DomainErrorCode };

/** Checks guessable details (`check` answers null when they do not match); counts every miss. */
export const verifyGuessable = async <T>(
  db: DbOrTx,
  meta: RequestMeta,
  scope: string,
  target: string,
  proof: Proof | null | undefined,
  check: (tx: Tx) => Promise<T | null>,
  refusals: GuessRefusals,
  now: Date,
) => {
  const client = meta.ip ?? 'unknown';
  const targetKey = `${scope}:${target}`;
  const clientKey = `${scope}From:${client}`;
  const mustProve =
    (await attemptsOf(db, targetKey, DAY_MS, now)) >= PROOF_AFTER.target ||
    (await attemptsOf(db, clientKey, DAY_MS, now)) >= PROOF_AFTER.client;
  if (mustProve && !(await acceptProof(db, proof, now))) throw new DomainError(refusals.proofRequired);
  const result = await guardedCheck(
    db,
    [
      { key: targetKey, rule: null },
      { key: `${targetKey}:${client}`, rule: DAY_RULE(VERIFY_FAILURES_PER_DAY) },
      { key: clientKey, rule: DAY_RULE(CLIENT_FAILURES_PER_DAY) },
    ],
    check,
    now,
  );
  if (result.found === null && result.blocked) throw new DomainError(refusals.tooManyFailures);
  return result.found;
};

/** The last four characters of an ID number as people type them (a final x is X). */
export const last4 = (digits: string) => digits.trim().toUpperCase();

export type CaseDetails = { contractNo: string; debtorName: string; idLast4: string };

/**
 * The case a contract number, the borrower's name and the last 4 ID digits name, or null:
 * compared with the stored name and ID mask, nothing is decrypted.
 */
export const caseByDetails = async (tx: DbOrTx, input: CaseDetails) => {
  const candidates = await tx
    .select({
      id: cases.id,
      creditorId: cases.creditorId,
      agencyId: cases.agencyId,
      debtorName: cases.debtorName,
      idNumberMasked: cases.idNumberMasked,
    })
    .from(cases)
    .where(eq(cases.contractNo, input.contractNo.trim()))
    .orderBy(desc(cases.updatedAt))
    .limit(20);
  return (
    candidates.find(
      (c) =>
        c.debtorName.trim() === input.debtorName.trim() &&
        c.idNumberMasked.toUpperCase().endsWith(last4(input.idLast4)),
    ) ?? null
  );
};
