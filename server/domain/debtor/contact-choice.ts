import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { OPEN_CASE_STATUSES } from '@/lib/enums';
import { choiceOfTerms, MINUTES_IN_DAY, termsOfChoice, type ContactChoice } from '@/lib/contact-requests';
import { cases, contactRequests, users } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { contactRequestOf } from '../work/rules';
import type { DebtorSessionView } from './verify';

// The debtor chooses how to be contacted on their own page (issue 20, item 4): one channel
// only, not at work, only in hours of their choosing, in writing only, or none of these any
// more. The choice is a contact request like the one an agency records for the debtor
// (server/domain/work/contact-requests.ts), with no organization and no user: the newest
// request of the case is the one in force, and the rule engine enforces it for every agency
// holding the case. The creditor and the agency are told.

/** From and to of a choice with hours: a time of day each, from before to. */
const checkHours = (from: number, to: number) => {
  const minute = (m: number, lo: number, hi: number) => Number.isInteger(m) && m >= lo && m <= hi;
  if (!minute(from, 0, MINUTES_IN_DAY - 1)) throw new DomainError('debtor.contactHours', { field: 'from' });
  if (!minute(to, 1, MINUTES_IN_DAY) || from >= to) throw new DomainError('debtor.contactHours', { field: 'to' });
};

export const chooseContactAsDebtor = async (
  db: DbOrTx,
  meta: RequestMeta,
  session: DebtorSessionView,
  choice: ContactChoice,
  now = new Date(),
) => {
  if (choice.kind === 'notAtWork' || choice.kind === 'hours') checkHours(choice.from, choice.to);
  const terms = termsOfChoice(choice);
  return db.transaction(async (tx) => {
    // The case row first, as every change to what may be done on a case takes it.
    const [c] = await tx
      .select({
        id: cases.id,
        creditorId: cases.creditorId,
        agencyId: cases.agencyId,
        collectorId: cases.collectorId,
        contractNo: cases.contractNo,
        status: cases.status,
      })
      .from(cases)
      .where(eq(cases.id, session.caseId))
      .for('update');
    if (!c) throw new DomainError('case.notFound');
    if (!(OPEN_CASE_STATUSES as readonly string[]).includes(c.status))
      throw new DomainError('debtor.contactCaseClosed');
    const before = await contactRequestOf(tx, c.id);
    // Withdrawing needs something in force to withdraw.
    if (choice.kind === 'withdraw' && !(before && choiceOfTerms(before)))
      throw new DomainError('debtor.noContactChoice', { field: 'kind' });
    const [saved] = await tx
      .insert(contactRequests)
      .values({
        caseId: c.id,
        creditorId: c.creditorId,
        orgId: null,
        recordedBy: null,
        origin: 'debtor',
        stoppedChannels: [...terms.stoppedChannels],
        quietFrom: terms.quietFrom,
        quietTo: terms.quietTo,
        quietWorkdaysOnly: terms.quietWorkdaysOnly,
        at: now,
      })
      .returning({ id: contactRequests.id });
    if (!saved) throw new DomainError('case.notFound');
    await writeAudit(
      tx,
      { ...meta, actor: null },
      {
        action: 'debtor.contactChoice',
        resourceType: 'case',
        resourceId: c.id,
        orgId: c.creditorId,
        before: before ? termsOf(before) : undefined,
        after: { requestId: saved.id, choice: choice.kind, ...terms },
      },
    );
    const params = {
      contractNo: c.contractNo,
      choice: choice.kind,
      channel: choice.kind === 'oneChannel' ? choice.channel : '',
    };
    await notify(
      tx,
      { orgId: c.creditorId, roles: ['admin', 'manager'] },
      'contactRequest.byDebtor',
      params,
      `/creditor/cases/${c.id}`,
    );
    if (c.agencyId) {
      await notify(
        tx,
        { orgId: c.agencyId, roles: ['admin', 'supervisor'], ...(c.collectorId ? { except: c.collectorId } : {}) },
        'contactRequest.byDebtor',
        params,
        `/agency/cases/${c.id}`,
      );
      // The collector working the case, if one of the agency's.
      const [collector] = c.collectorId
        ? await tx.select({ orgId: users.orgId }).from(users).where(eq(users.id, c.collectorId))
        : [];
      if (c.collectorId && collector?.orgId === c.agencyId)
        await notify(tx, { userId: c.collectorId }, 'contactRequest.byDebtor', params, `/agency/cases/${c.id}`);
    }
    return { requestId: saved.id, at: now };
  });
};

const termsOf = (r: typeof contactRequests.$inferSelect) => ({
  stoppedChannels: r.stoppedChannels,
  quietFrom: r.quietFrom,
  quietTo: r.quietTo,
  quietWorkdaysOnly: r.quietWorkdaysOnly,
  origin: r.origin,
});

/** The contact request in force on the debtor's case, as the debtor's page shows it. */
export const contactChoiceInForce = async (db: DbOrTx, caseId: string) => {
  const r = await contactRequestOf(db, caseId);
  if (!r) return null;
  const choice = choiceOfTerms(r);
  if (!choice) return null;
  return { ...termsOf(r), choice, at: r.at };
};
