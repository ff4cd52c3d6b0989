import { stageOn, strictest } from '@/lib/stage-policy';
import { bucketOf } from '@/lib/cases';
import type { DbOrTx } from '@/db/client';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { decryptPii, maskName } from '../../pii/crypto';
import { amountDue } from '../money/repayments';
import { plansOfCase } from './plans';
import { holdsOfCase } from './holds';
import { contactRequestsOfCase } from './contact-requests';
import { DEFAULT_TIME_ZONE, daysOverdueNow, loadWorkCase } from './case-access';
import { activeRules } from './rules';

/** The collection stage of a case by days overdue (DESIGN §4 stage strategy). */

/** The case page: debtor masked, loan figures, numbers masked, stage. Nothing here is decrypted. */
export const getWorkCase = async (db: DbOrTx, caller: Caller, caseId: string, now = new Date()) => {
  const c = await loadWorkCase(db, caller, caseId);
  const r = c.row;
  const days = daysOverdueNow(r, now);
  // What applies to this case: the stricter of the rulebook's stage policy and the package's.
  const stagePolicy = strictest((await activeRules(db)).stagePolicy, c.packageStagePolicy);
  return {
    id: r.id,
    contractNo: r.contractNo,
    debtorName: maskName(r.debtorName),
    idNumber: r.idNumberMasked,
    phones: r.phones.map((p, index) => ({
      index,
      masked: p.masked,
      source: p.source ?? null,
      addedAt: p.addedAt ?? null,
      retiredAt: p.retiredAt ?? null,
    })),
    contacts: r.contacts.map((k, i) => ({
      contactNo: i + 1,
      name: maskName(k.name),
      relation: k.relation,
      phone: k.phone.masked,
      source: k.source ?? null,
    })),
    loanAmount: r.loanAmount,
    principalOutstanding: r.principalOutstanding,
    amountOverdue: r.amountOverdue,
    daysOverdue: days,
    bucket: bucketOf(days),
    stage: stageOn(stagePolicy, days),
    stagePolicy,
    province: r.province,
    city: r.city,
    product: r.product,
    loanDate: r.loanDate,
    status: r.status,
    timeZone: r.timeZone ?? DEFAULT_TIME_ZONE,
    packageId: r.packageId ?? '',
    packageName: c.packageName,
    packageChannels: c.packageChannels,
    maxReductionBp: c.maxReductionBp,
    maxInstalments: c.maxInstalments,
    commissionEndsOn: c.commissionEndsOn,
    commissionFrozenAt: c.commissionFrozenAt,
    address: r.address,
    repaidAmount: r.repaidAmount,
    amountDue: await amountDue(db, r),
    planBrokenOn: r.planBrokenOn,
    // The plans this agency agreed: another agency's earlier plans stay with the creditor.
    plans: await plansOfCase(db, r.id, caller.actor.orgId),
    // The open hold stops this agency too; answered ones it reads only if it raised them.
    holds: (await holdsOfCase(db, r.id))
      .filter((h) => h.status === 'open' || h.agencyId === caller.actor.orgId)
      .map((h) => ({
        ...h,
        note: h.agencyId === caller.actor.orgId ? h.note : '',
        documentName: h.agencyId === caller.actor.orgId ? h.documentName : null,
      })),
    contactRequests: await contactRequestsOfCase(db, r.id),
  };
};

export type RevealField =
  { field: 'idNumber' } | { field: 'phone'; index: number } | { field: 'contactPhone'; contactNo: number };

/**
 * Shows one full number to a user who may work the case, for a stated reason; every
 * reveal writes an audit row with the reason (DESIGN §5). The number itself is not logged.
 */
export const revealNumber = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseId: string; reason: string } & RevealField,
) =>
  db.transaction(async (tx) => {
    const c = await loadWorkCase(tx, caller, input.caseId);
    const sealed =
      input.field === 'idNumber'
        ? c.row.idNumberEnc
        : input.field === 'phone'
          ? c.row.phones[input.index]?.enc
          : c.row.contacts[input.contactNo - 1]?.phone.enc;
    if (!sealed)
      throw new DomainError('action.numberNotFound', {
        field: input.field === 'idNumber' ? 'field' : input.field === 'phone' ? 'index' : 'contactNo',
      });
    const value = decryptPii(sealed);
    const { reason, caseId: _c, ...which } = input;
    await writeAudit(tx, caller, {
      action: 'case.reveal',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      after: { ...which, reason },
    });
    return { value };
  });
