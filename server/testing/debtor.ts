import { desc, eq, inArray } from 'drizzle-orm';
import { cases, smsMessages, type CaseRow } from '@/db/schema';
import { decryptPii } from '../pii/crypto';
import { confirmDebtorCode, sendDebtorCode, verifyDebtorDetails } from '../domain/debtor/verify';
import { someAddress } from './complaints';
import { workingCases } from './work';
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

/** Two verified debtors on two cases of agencyA (creditorA), for the authorization table. */
type Debtors = { own: { token: string; caseId: string; contractNo: string }; other: { token: string; caseId: string } };
const debtors = new WeakMap<World, Debtors>();

export const withDebtors = async (w: World) => {
  const { caseIds } = await workingCases(w, 2);
  const rows = await w.db.select().from(cases).where(inArray(cases.id, caseIds));
  const [a, b] = rows;
  if (!a || !b) throw new Error('two cases needed');
  const own = await verifiedDebtor(w, a);
  const other = await verifiedDebtor(w, b);
  debtors.set(w, {
    own: { token: own.token, caseId: a.id, contractNo: a.contractNo },
    other: { token: other.token, caseId: b.id },
  });
};

/** The debtors withDebtors made for this world. */
export const debtorsOf = (w: World): Debtors => {
  const d = debtors.get(w);
  if (!d) throw new Error('withDebtors was not run for this world');
  return d;
};
