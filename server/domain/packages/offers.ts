import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { tierMeets } from '@/lib/market';
import { packages, type Package } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvent } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { notify } from '../notifications/notify';
import { orgNameOf } from '../orgs/orgs';
import { shanghaiDate } from '@/lib/dates';
import { loadWorkingCalendar } from '../calendar/calendar';
import { commissionShare } from './commission';
import { agencyStanding, requireAdmitted, requireNotSuspended } from './eligibility';
import { lockOwnPackage } from './packages';

export const OFFER_EXPIRE_JOB = 'package.offerExpire';
/** The agency answers a direct offer within 2 business days; no answer counts as declined. */
export const OFFER_BUSINESS_DAYS = 2;

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

/** Offers a draft package with saved terms to one admitted agency at a fixed fee rate. */
export const offerPackage = async (
  db: DbOrTx,
  caller: Caller,
  packageId: string,
  input: { agencyId: string; feeBp: number },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const pkg = await lockOwnPackage(tx, caller, packageId);
    if (pkg.status !== 'draft')
      throw new DomainError('package.wrongStatus', { labels: { status: `packageStatus.${pkg.status}` } });
    if (!pkg.commissionStart || !pkg.commissionEnd) throw new DomainError('package.termsMissing');
    if (pkg.commissionEnd <= pkg.commissionStart)
      throw new DomainError('package.endBeforeStart', { field: 'commissionEnd' });
    const agency = await agencyStanding(tx, input.agencyId, now).catch(() => null);
    if (
      !agency ||
      agency.type !== 'agency' ||
      agency.status !== 'active' ||
      agency.isSuspended ||
      !tierMeets(agency.tier, pkg.minTier)
    )
      throw new DomainError('offer.agencyNotEligible', { field: 'agencyId' });
    const expiresAt = (await loadWorkingCalendar(tx)).addWorkingDays(now, OFFER_BUSINESS_DAYS);
    const [saved] = await tx
      .update(packages)
      .set({
        status: 'offered',
        offeredAgencyId: input.agencyId,
        offerFeeBp: input.feeBp,
        offerExpiresAt: expiresAt,
        updatedAt: now,
      })
      .where(eq(packages.id, pkg.id))
      .returning();
    await jobQueue.reschedule(tx, {
      kind: OFFER_EXPIRE_JOB,
      key: pkg.id,
      payload: { packageId: pkg.id },
      runAt: expiresAt,
    });
    await notify(
      tx,
      { orgId: input.agencyId, roles: ['admin'] },
      'package.offered',
      {
        creditorName: await orgNameOf(tx, pkg.creditorId),
        packageName: pkg.name,
        deadline: `${shanghaiDate(expiresAt)}`,
      },
      `/agency/market/${pkg.id}`,
    );
    await writeAudit(tx, caller, {
      action: 'package.offer',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      after: { agencyId: input.agencyId, feeBp: input.feeBp, expiresAt },
    });
    return saved ?? pkg;
  });

const backToDraft = (tx: Tx, pkg: Package, now: Date) =>
  tx
    .update(packages)
    .set({ status: 'draft', offeredAgencyId: null, offerFeeBp: null, offerExpiresAt: null, updatedAt: now })
    .where(eq(packages.id, pkg.id));

/** The offered agency accepts (the cases are commissioned to it) or declines (the package returns to draft). */
export const answerOffer = async (db: DbOrTx, caller: Caller, packageId: string, accept: boolean, now = new Date()) =>
  db.transaction(async (tx) => {
    const [pkg] = await tx
      .select()
      .from(packages)
      .where(
        and(
          eq(packages.id, packageId),
          eq(packages.offeredAgencyId, caller.actor.orgId),
          eq(packages.status, 'offered'),
        ),
      )
      .for('update');
    if (!pkg || !pkg.offerExpiresAt || pkg.offerFeeBp === null)
      throw new DomainError('offer.notFound', { field: 'packageId' });
    // Past the deadline the offer counts as declined; the deadline job returns the package to draft.
    if (pkg.offerExpiresAt.getTime() <= now.getTime()) throw new DomainError('offer.notFound', { field: 'packageId' });
    const agencyName = await orgNameOf(tx, caller.actor.orgId);
    if (!accept) {
      await backToDraft(tx, pkg, now);
      await notify(
        tx,
        { orgId: pkg.creditorId, roles: ['admin', 'manager'] },
        'package.offerDeclined',
        { agencyName, packageName: pkg.name },
        `/creditor/packages/${pkg.id}`,
      );
      await writeAudit(tx, caller, {
        action: 'package.offerDecline',
        resourceType: 'package',
        resourceId: pkg.id,
        orgId: pkg.creditorId,
        before: { status: 'offered' },
        after: { status: 'draft' },
      });
      return { accepted: false, caseCount: 0 };
    }
    const agency = await agencyStanding(tx, caller.actor.orgId, now);
    requireAdmitted(agency);
    await requireNotSuspended(tx, agency);
    const [moved] = await tx
      .update(packages)
      .set({ status: 'awarded', awardedAt: now, updatedAt: now })
      .where(and(eq(packages.id, pkg.id), eq(packages.status, 'offered')))
      .returning();
    if (!moved) throw new DomainError('package.alreadyAwarded');
    const commission = await commissionShare(tx, moved, caller.actor.orgId, null, pkg.offerFeeBp, { kind: 'all' }, now);
    await notify(
      tx,
      { orgId: pkg.creditorId, roles: ['admin', 'manager'] },
      'package.offerAccepted',
      { agencyName, packageName: pkg.name },
      `/creditor/packages/${pkg.id}`,
    );
    await writeAudit(tx, caller, {
      action: 'package.offerAccept',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      before: { status: 'offered' },
      after: { status: 'awarded', commissionId: commission.id, caseCount: commission.caseCount },
    });
    // An accepted offer is an award of the whole package to the one agency.
    const share = { packageId: pkg.id, commissionId: commission.id, caseCount: commission.caseCount };
    await emitEvent(tx, {
      orgId: pkg.creditorId,
      type: 'package.awarded',
      payload: { packageId: pkg.id, shares: [{ agencyId: caller.actor.orgId, ...share }], released: 0 },
    });
    await emitEvent(tx, { orgId: caller.actor.orgId, type: 'package.awarded', payload: share });
    await emitEvent(tx, { orgId: caller.actor.orgId, type: 'case.assigned', payload: share });
    return { accepted: true, caseCount: commission.caseCount };
  });

const expire = async (tx: Tx, pkg: Package, now: Date) => {
  await backToDraft(tx, pkg, now);
  const agencyName = pkg.offeredAgencyId ? await orgNameOf(tx, pkg.offeredAgencyId) : '';
  await notify(
    tx,
    { orgId: pkg.creditorId, roles: ['admin', 'manager'] },
    'package.offerDeclined',
    { agencyName, packageName: pkg.name },
    `/creditor/packages/${pkg.id}`,
  );
  await writeAudit(tx, SYSTEM, {
    action: 'package.offerExpire',
    resourceType: 'package',
    resourceId: pkg.id,
    orgId: pkg.creditorId,
    before: { status: 'offered', agencyId: pkg.offeredAgencyId },
    after: { status: 'draft' },
  });
};

/** The deadline job: an offer still unanswered counts as declined (idempotent). */
export const expireOfferIfDue = async (db: DbOrTx, packageId: string, now: Date) =>
  db.transaction(async (tx) => {
    const [pkg] = await tx.select().from(packages).where(eq(packages.id, packageId)).for('update');
    if (!pkg || pkg.status !== 'offered' || !pkg.offerExpiresAt || pkg.offerExpiresAt.getTime() > now.getTime())
      return false;
    await expire(tx, pkg, now);
    return true;
  });
