import { desc, eq } from 'drizzle-orm';
import { smsMessages, type CaseRow } from '@/db/schema';
import { decryptPii } from '../pii/crypto';
import { confirmDebtorCode, sendDebtorCode, verifyDebtorDetails } from '../domain/debtor/verify';
import { someAddress } from './complaints';
import type { World } from './world';

/** What a debtor types for one of the cases. */
export const detailsOf = (row: Pick<CaseRow, 'contractNo' | 'debtorName' | 'idNumberMasked'>) => ({
  contractNo: row.contractNo,
  debtorName: row.debtorName,
  idLast4: row.idNumberMasked.slice(-4),
});

/** The values of the newest text message queued for a case (what the phone would show). */
export const lastSmsOf = async (w: World, caseId: string) => {
  const [m] = await w.db
    .select()
    .from(smsMessages)
    .where(eq(smsMessages.caseId, caseId))
    .orderBy(desc(smsMessages.createdAt))
    .limit(1);
  if (!m) throw new Error(`no SMS for case ${caseId}`);
  return { ...m, params: JSON.parse(decryptPii(m.paramsEnc)) as Record<string, string> };
};

/** The whole way in for a case, from one client: details, a code to its first number, the code. */
export const verifiedDebtor = async (
  w: World,
  row: Pick<CaseRow, 'id' | 'contractNo' | 'debtorName' | 'idNumberMasked'>,
  now = new Date(),
) => {
  const meta = someAddress();
  const { ticket, numbers } = await verifyDebtorDetails(w.db, meta, detailsOf(row), now);
  const sent = await sendDebtorCode(w.db, meta, { ticket, index: numbers[0]?.index ?? 0 }, now);
  const { params } = await lastSmsOf(w, row.id);
  const session = await confirmDebtorCode(w.db, meta, { ticket, codeId: sent.codeId, code: params.code ?? '' }, now);
  return { meta, ticket, ...session };
};
