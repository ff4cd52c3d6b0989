import { randomInt } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { findPaymentRef, makePaymentRef, normalizePaymentRef } from '@/lib/payments';
import { casePaymentRefs, cases, type CaseRow } from '@/db/schema';

// The case's reference code (还款识别码, issue 20): made the first time the debtor's page
// shows it, kept for good. Two first views at once make one code: the insert that loses
// the race on the case's row does nothing and reads the winner's; a code another case
// already has (one in a billion) is drawn again.

const randomValues = (n: number) => Array.from({ length: n }, () => randomInt(32));

/** The case's code, made now if it has none yet (in the caller's transaction). */
export const ensurePaymentRef = async (
  tx: Tx,
  c: { id: string; creditorId: string },
  random: (n: number) => number[] = randomValues,
): Promise<{ ref: string; isNew: boolean }> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [made] = await tx
      .insert(casePaymentRefs)
      .values({ caseId: c.id, creditorId: c.creditorId, ref: makePaymentRef(random) })
      .onConflictDoNothing()
      .returning({ ref: casePaymentRefs.ref });
    if (made) return { ref: made.ref, isNew: true };
    const [kept] = await tx
      .select({ ref: casePaymentRefs.ref })
      .from(casePaymentRefs)
      .where(eq(casePaymentRefs.caseId, c.id));
    if (kept) return { ref: kept.ref, isNew: false };
  }
  throw new Error('no free reference code after 5 draws');
};

/** The cases these codes name, whichever creditor's: code → case, its creditor and contract number. */
export const casesOfRefs = async (db: DbOrTx, refs: readonly string[]) => {
  const found = new Map<string, { caseId: string; creditorId: string; contractNo: string }>();
  for (let i = 0; i < refs.length; i += 1000) {
    const rows = await db
      .select({
        ref: casePaymentRefs.ref,
        caseId: casePaymentRefs.caseId,
        creditorId: cases.creditorId,
        contractNo: cases.contractNo,
      })
      .from(casePaymentRefs)
      .innerJoin(cases, eq(cases.id, casePaymentRefs.caseId))
      .where(inArray(casePaymentRefs.ref, refs.slice(i, i + 1000)));
    for (const r of rows) found.set(r.ref, r);
  }
  return found;
};

export type RefField = 'paymentRef' | 'remark' | 'note';

/**
 * A repayment row's reference code: its own column (null when what is written there is no
 * code), else the first code found in the transfer's remark, else in the note.
 */
export const refOfRow = (
  rawRef: string,
  remark: string,
  note: string,
): { paymentRef: string | null; refField: RefField | null } => {
  if (rawRef !== '') return { paymentRef: normalizePaymentRef(rawRef), refField: 'paymentRef' };
  for (const [field, text] of [
    ['remark', remark],
    ['note', note],
  ] as const) {
    const found = findPaymentRef(text);
    if (found) return { paymentRef: found, refField: field };
  }
  return { paymentRef: null, refField: null };
};

/**
 * The case a row's code names among the creditor's (`byId`, locked), or why not: another
 * creditor's code answers as an unknown one; a contract number of another of the
 * creditor's cases contradicts the code (one that names none, another system's number,
 * does not).
 */
export const caseOfRef = (
  row: { paymentRef: string | null; contractNo: string },
  refs: Awaited<ReturnType<typeof casesOfRefs>>,
  creditorId: string,
  byId: ReadonlyMap<string, CaseRow>,
  byContract: CaseRow | undefined,
): { c: CaseRow } | { code: 'paymentRefUnknown' | 'paymentRefOtherCase'; values: Record<string, string> } => {
  const value = row.paymentRef ?? '';
  const ref = refs.get(value);
  const c = ref && ref.creditorId === creditorId ? byId.get(ref.caseId) : undefined;
  if (!c) return { code: 'paymentRefUnknown', values: { value } };
  if (byContract && byContract.id !== c.id)
    return { code: 'paymentRefOtherCase', values: { value, contractNo: row.contractNo } };
  return { c };
};
