import { eq } from 'drizzle-orm';
import type { SanctionKind } from '@/lib/enums';
import { commissions } from '@/db/schema';
import { fileOrgComplaint } from '../domain/complaints/file-org';
import { acknowledgeComplaint, decideComplaint } from '../domain/complaints/workflow';
import { approveBan } from '../domain/sanctions/ban';
import { proposeSanction } from '../domain/sanctions/propose';
import { filePublicFor } from './complaints';
import { workingCases } from './work';
import { domainCaller, type UserKey, type World } from './world';

/** Staff acknowledge the complaint and uphold it. */
const uphold = async (w: World, complaintId: string) => {
  const staff = await domainCaller(w, 'platform.complaints');
  await acknowledgeComplaint(w.db, staff, { complaintId, note: '' });
  await decideComplaint(w.db, staff, {
    complaintId,
    outcome: 'upheld',
    finding: '录音证实催收员以上门找家人相威胁，投诉成立。',
  });
};

/**
 * A public complaint about agencyA's work on creditorA's case, upheld: what a sanction
 * cites. Comes with the working cases (a commission of creditorA with agencyA).
 */
export const upheldComplaint = async (w: World, cases = 2) => {
  const working = await workingCases(w, cases);
  if (!working.row) throw new Error('no case');
  const { id: complaintId, reference } = await filePublicFor(w, working.row);
  await uphold(w, complaintId);
  const [commission] = await w.db
    .select({ id: commissions.id })
    .from(commissions)
    .where(eq(commissions.packageId, working.pkg.id));
  return { ...working, complaintId, reference, commissionId: commission?.id ?? '' };
};

/** A sanction of `kind` citing the complaint, recorded (a ban: proposed) by `by`. */
export const sanctionCiting = async (
  w: World,
  complaintId: string,
  kind: SanctionKind,
  by: UserKey = 'platform.complaints',
  over: { points?: number; endsOn?: string | null } = {},
) =>
  proposeSanction(w.db, await domainCaller(w, by), {
    complaintId,
    auditItemId: null,
    kind,
    points: kind === 'points' ? (over.points ?? 6) : null,
    endsOn: over.endsOn ?? null,
    reason: '催收员以上门找家人相威胁，情节严重。',
  });

/** Bans an agency the way staff do: a complaint about it upheld, a ban proposed by the complaints handler and approved by the admin. */
export const banAgency = async (w: World, agency: 'agencyA' | 'agencyB') => {
  const staff = await domainCaller(w, 'platform.complaints');
  const { id: complaintId } = await fileOrgComplaint(w.db, staff, {
    caseId: null,
    agencyId: w.orgs[agency].id,
    category: 'threats',
    description: '多名借款人反映该机构催收员以暴力相威胁。',
    evidence: [],
  });
  await uphold(w, complaintId);
  const ban = await sanctionCiting(w, complaintId, 'ban');
  return approveBan(w.db, await domainCaller(w, 'platform.admin'), { sanctionId: ban.id, note: '' });
};
