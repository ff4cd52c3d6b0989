import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { ComplaintCategory } from '@/lib/enums';
import { callRecords, cases, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';
import { agencyOfCase, insertComplaint, receipt } from './file';
import type { Evidence } from './uploads';

// A complaint filed by an organization (DESIGN §3): a creditor about the agency on one of
// its cases, staff about any agency, with or without a case, or citing a call. The public
// page's and the debtor's filings are in file.ts, which writes every complaint.

export type OrgComplaintInput = {
  caseId: string | null;
  contractNo?: string | null | undefined;
  agencyId: string | null;
  /** Staff only: the call the complaint cites (a transcript, an inspection finding); its agency and case are the complaint's. */
  callRecordId?: string | null | undefined;
  category: ComplaintCategory;
  description: string;
  evidence: Evidence[];
};

/** The matched call a staff complaint cites: its case and agency are what the complaint is about. */
const citedCall = async (tx: Tx, recordId: string) => {
  const [r] = await tx
    .select({ id: callRecords.id, caseId: callRecords.caseId, agencyId: callRecords.agencyId })
    .from(callRecords)
    .where(eq(callRecords.id, recordId));
  if (!r?.caseId) throw new DomainError('call.notFound', { field: 'callRecordId' });
  return { ...r, caseId: r.caseId };
};

/**
 * A complaint from a creditor (about the agency on one of its cases) or from staff (about
 * any agency, with or without a case). Another creditor's case answers NOT_FOUND.
 */
export const fileOrgComplaint = async (db: DbOrTx, caller: Caller, input: OrgComplaintInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const isStaff = caller.actor.orgType === 'platform';
    const call = isStaff && input.callRecordId ? await citedCall(tx, input.callRecordId) : null;
    if (call) input = { ...input, caseId: call.caseId, agencyId: call.agencyId };
    let caseRow: { id: string; creditorId: string; agencyId: string | null } | null = null;
    // A creditor names its case by id or by its contract number (unique within the creditor).
    const byContract = !isStaff && !input.caseId && input.contractNo ? input.contractNo.trim() : null;
    if (input.caseId || byContract) {
      const [c] = await tx
        .select({ id: cases.id, creditorId: cases.creditorId, agencyId: cases.agencyId })
        .from(cases)
        .where(
          and(
            input.caseId ? eq(cases.id, input.caseId) : eq(cases.contractNo, byContract ?? ''),
            isStaff ? undefined : eq(cases.creditorId, caller.actor.orgId),
          ),
        );
      if (!c) throw new DomainError('case.notFound', { field: input.caseId ? 'caseId' : 'contractNo' });
      caseRow = c;
    } else if (!isStaff) {
      throw new DomainError('complaint.noAgency', { field: 'caseId' });
    }
    const agencyId = isStaff && input.agencyId ? input.agencyId : caseRow ? await agencyOfCase(tx, caseRow) : null;
    if (!agencyId) throw new DomainError('complaint.noAgency', { field: input.caseId ? 'caseId' : 'agencyId' });
    const [agency] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, agencyId), eq(organizations.type, 'agency')));
    if (!agency) throw new DomainError('complaint.agencyNotFound', { field: 'agencyId' });
    const [me] = await tx
      .select({ name: users.name, org: organizations.name })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.orgId))
      .where(eq(users.id, caller.actor.userId));
    const row = await insertComplaint(
      tx,
      caller,
      {
        source: isStaff ? 'staff' : 'creditor',
        category: input.category,
        caseId: caseRow?.id ?? null,
        creditorId: caseRow?.creditorId ?? null,
        agencyId,
        complainantName: me ? `${me.org} ${me.name}` : '',
        relation: 'other',
        contactPhone: null,
        description: input.description.trim(),
        filedBy: caller.actor.userId,
        filedByOrgId: caller.actor.orgId,
        evidence: input.evidence,
        callRecordId: call?.id ?? null,
      },
      now,
    );
    return { id: row.id, ...receipt(row) };
  });
