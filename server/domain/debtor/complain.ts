import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ComplainantRelation, ComplaintCategory } from '@/lib/enums';
import { cases, organizations } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { DomainError } from '../../errors';
import { maskName } from '../../pii/crypto';
import { agencyOfCase, fileAboutCase, limitFiling, receipt } from '../complaints/file';
import type { DebtorSessionView } from './verify';

// A complaint from the debtor's own page (issue 20): the public complaint with its first
// step already done. The debtor proved the contract number, name and last 4 ID digits, and
// a code sent to a number on file, when the session opened; the case is the session's,
// never one named in the request. The page shows which loan it is about, masked.

/** "HX202600000036" → "HX20******0036": enough to tell one's loans apart, not to look one up. */
export const maskContractNo = (no: string) => {
  const chars = [...no];
  if (chars.length <= 6) return `${chars.slice(0, 1).join('')}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
  const keep = chars.length >= 10 ? 4 : 2;
  return `${chars.slice(0, keep).join('')}${'*'.repeat(chars.length - 2 * keep)}${chars.slice(-keep).join('')}`;
};

const caseOfSession = async (db: DbOrTx, session: DebtorSessionView) => {
  const [c] = await db
    .select({
      id: cases.id,
      contractNo: cases.contractNo,
      debtorName: cases.debtorName,
      creditorId: cases.creditorId,
      agencyId: cases.agencyId,
      creditorName: organizations.name,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.creditorId))
    .where(eq(cases.id, session.caseId));
  if (!c) throw new DomainError('case.notFound');
  return c;
};

/** Which loan a complaint from the debtor's session is about, masked, and the agency it goes to. */
export const complaintCaseOf = async (db: DbOrTx, session: DebtorSessionView) => {
  const c = await caseOfSession(db, session);
  const agencyId = await agencyOfCase(db, c);
  const [agency] = agencyId
    ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, agencyId))
    : [];
  return {
    contractNo: maskContractNo(c.contractNo),
    debtorName: maskName(c.debtorName),
    creditorName: c.creditorName,
    agencyName: agency?.name ?? null,
  };
};

export type DebtorComplaintInput = {
  relation: ComplainantRelation;
  complainantName: string;
  contactPhone: string | null;
  category: ComplaintCategory;
  description: string;
  evidence: { uploadId: string; fileName: string }[];
};

/** Files the complaint about the session's case; limited per session as the public page is per address (a shared address does not block a verified debtor). */
export const complainAsDebtor = async (
  db: DbOrTx,
  meta: RequestMeta,
  session: DebtorSessionView,
  input: DebtorComplaintInput,
  now = new Date(),
) => {
  await limitFiling(db, { debtorSessionId: session.sessionId }, now);
  const row = await db.transaction(async (tx) => fileAboutCase(tx, meta, await caseOfSession(tx, session), input, now));
  return receipt(row);
};
