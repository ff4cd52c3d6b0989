import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { complaints, type CaseRow } from '@/db/schema';
import { filePublicComplaint, type PublicComplaintInput } from '../domain/complaints/file';
import type { World } from './world';

/** A client address of the documentation range, different on every call, so that per-address limits stay out of a test's way. */
export const someAddress = () => ({ ip: `198.51.100.${randomInt(1, 255)}-${randomInt(1e9)}`, userAgent: 'vitest' });

/** What a debtor types on the public page for one of the cases. */
export const publicInputFor = (
  row: Pick<CaseRow, 'contractNo' | 'debtorName' | 'idNumberMasked'>,
  over: Partial<PublicComplaintInput> = {},
): PublicComplaintInput => ({
  contractNo: row.contractNo,
  debtorName: row.debtorName,
  idLast4: row.idNumberMasked.slice(-4),
  relation: 'self',
  complainantName: '',
  contactPhone: '13912345678',
  category: 'threats',
  description: '催收员在电话里威胁说要上门找我家人，还说不还钱就让我在老家抬不起头，我很害怕。',
  evidence: [],
  ...over,
});

/** A public complaint about a case, filed from its own address: its receipt and its id. */
export const filePublicFor = async (
  w: World,
  row: Pick<CaseRow, 'contractNo' | 'debtorName' | 'idNumberMasked'>,
  over: Partial<PublicComplaintInput> = {},
  now?: Date,
) => {
  const receipt = await filePublicComplaint(w.db, someAddress(), publicInputFor(row, over), now);
  const [c] = await w.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.reference, receipt.reference));
  return { ...receipt, id: c?.id ?? '' };
};
