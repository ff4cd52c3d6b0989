import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import {
  admissionApplications,
  admissionReviews,
  admissionTemplates,
  organizations,
  users,
  type CriterionScore,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { decryptPii, maskIdNumber } from '../../pii/crypto';
import { notify } from '../notifications/notify';
import { orgNameOf } from '../orgs/orgs';
import { cursorDate, invalidCursor, isUuid } from '../shared/keyset';
import { documentsOf } from './documents';
import { loadWorkingCalendar } from '../calendar/calendar';
import { needsSecondApproval, outcomeFor, scoreProblems, totalOf, type Decision } from './scoring';

export const REVIEW_TARGET_BUSINESS_DAYS = 5;
const IN_REVIEW = ['submitted', 'under_review'] as const;

type Application = typeof admissionApplications.$inferSelect;
type Review = typeof admissionReviews.$inferSelect;

// ---- queue ---------------------------------------------------------------------------

export type QueueArgs = { cursor?: string | null | undefined; limit: number };

const decodeQueueCursor = (raw: string | null | undefined) => {
  if (!raw) return null;
  const [at, id, ...rest] = raw.split('|');
  const date = cursorDate(at);
  if (!date || !isUuid(id) || rest.length > 0) throw invalidCursor();
  return { at: date, id };
};

/** Staff: submitted applications, oldest first, with their age against the 5-business-day target. */
export const listReviewQueue = async (db: DbOrTx, args: QueueArgs, now = new Date()) => {
  const cursor = decodeQueueCursor(args.cursor);
  const where: SQL[] = [inArray(admissionApplications.status, [...IN_REVIEW])];
  if (cursor)
    where.push(
      sql`(${admissionApplications.submittedAt}, ${admissionApplications.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  const rows = await db
    .select({
      id: admissionApplications.id,
      kind: admissionApplications.kind,
      status: admissionApplications.status,
      isRenewal: admissionApplications.isRenewal,
      submittedAt: admissionApplications.submittedAt,
      submission: admissionApplications.submissionCount,
      orgName: organizations.name,
      creditCode: organizations.creditCode,
      reviewStatus: admissionReviews.status,
      reviewerName: users.name,
    })
    .from(admissionApplications)
    .innerJoin(organizations, eq(organizations.id, admissionApplications.orgId))
    .leftJoin(
      admissionReviews,
      and(
        eq(admissionReviews.applicationId, admissionApplications.id),
        eq(admissionReviews.submission, admissionApplications.submissionCount),
      ),
    )
    .leftJoin(users, eq(users.id, admissionReviews.reviewerId))
    .where(and(...where))
    .orderBy(asc(admissionApplications.submittedAt), asc(admissionApplications.id))
    .limit(args.limit + 1);
  const calendar = await loadWorkingCalendar(db);
  const items = rows.slice(0, args.limit).map((r) => {
    const age = r.submittedAt ? calendar.workingDaysBetween(r.submittedAt, now) : 0;
    return { ...r, ageBusinessDays: age, isOverdue: age > REVIEW_TARGET_BUSINESS_DAYS };
  });
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > args.limit && last?.submittedAt ? `${last.submittedAt.toISOString()}|${last.id}` : null,
  };
};

// ---- one application -------------------------------------------------------------------

const loadApplication = async (db: DbOrTx, applicationId: string, lock: boolean) => {
  const q = db.select().from(admissionApplications).where(eq(admissionApplications.id, applicationId));
  const [app] = lock ? await q.for('update') : await q;
  if (!app) throw new DomainError('admission.notFound');
  return app;
};

const currentReview = async (db: DbOrTx, app: Application) => {
  const [review] = await db
    .select()
    .from(admissionReviews)
    .where(and(eq(admissionReviews.applicationId, app.id), eq(admissionReviews.submission, app.submissionCount)));
  return review ?? null;
};

const templateOf = async (db: DbOrTx, app: Application) => {
  if (!app.templateId) throw new DomainError('admission.notUnderReview');
  const [template] = await db.select().from(admissionTemplates).where(eq(admissionTemplates.id, app.templateId));
  if (!template) throw new DomainError('admission.noTemplate');
  return template;
};

/** Staff: the application, its organization, the template it is scored on and the current review. */
export const getApplicationForReview = async (db: DbOrTx, applicationId: string) => {
  const app = await loadApplication(db, applicationId, false);
  const [org] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      creditCode: organizations.creditCode,
      status: organizations.status,
      type: organizations.type,
    })
    .from(organizations)
    .where(eq(organizations.id, app.orgId));
  if (!org) throw new DomainError('org.notFound');
  const template = app.templateId ? await templateOf(db, app) : null;
  const review = await currentReview(db, app);
  const computed = review?.total != null ? outcomeFor(review.total, review.hasFraudOrAbuse) : null;
  return {
    id: app.id,
    kind: app.kind,
    status: app.status,
    isRenewal: app.isRenewal,
    submission: app.submissionCount,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    tier: app.tier,
    score: app.score,
    decisionReason: app.decisionReason,
    infoRequest: app.infoRequest,
    sections: app.sections,
    legalRepIdMasked: app.legalRepIdSealed ? maskIdNumber(decryptPii(app.legalRepIdSealed)) : null,
    documents: await documentsOf(db, app.id),
    org,
    template: template ? { id: template.id, version: template.version, criteria: template.criteria } : null,
    review: review
      ? {
          id: review.id,
          reviewerId: review.reviewerId,
          status: review.status,
          scores: review.scores,
          total: review.total,
          hasFraudOrAbuse: review.hasFraudOrAbuse,
          decision: review.decision,
          reason: review.reason,
          computed,
        }
      : null,
  };
};

// ---- scoring and decisions ---------------------------------------------------------------

export type SaveScoresArgs = { applicationId: string; scores: CriterionScore[]; hasFraudOrAbuse: boolean };

const assertInReview = (app: Application) => {
  if (!(IN_REVIEW as readonly string[]).includes(app.status)) throw new DomainError('admission.notUnderReview');
};

/** A reviewer scores each criterion with a note; the application moves to under review. */
export const saveScores = async (db: DbOrTx, caller: Caller, args: SaveScoresArgs) =>
  db.transaction(async (tx) => {
    const app = await loadApplication(tx, args.applicationId, true);
    assertInReview(app);
    const template = await templateOf(tx, app);
    const problems = scoreProblems(template.criteria, args.scores);
    if (problems.unknown.length || problems.outOfRange.length || problems.duplicated) {
      throw new DomainError('admission.scoresInvalid', {
        field: 'scores',
        values: { keys: [...problems.unknown, ...problems.outOfRange].join(', ') },
      });
    }
    const existing = await currentReview(tx, app);
    if (existing && existing.status !== 'scoring') throw new DomainError('admission.awaitingApproval');
    const values = {
      scores: args.scores,
      hasFraudOrAbuse: args.hasFraudOrAbuse,
      total: problems.missing.length === 0 ? totalOf(args.scores) : null,
      reviewerId: caller.actor.userId,
      updatedAt: new Date(),
    };
    if (existing) await tx.update(admissionReviews).set(values).where(eq(admissionReviews.id, existing.id));
    else
      await tx
        .insert(admissionReviews)
        .values({ ...values, applicationId: app.id, submission: app.submissionCount, templateId: template.id });
    if (app.status === 'submitted') {
      await tx
        .update(admissionApplications)
        .set({ status: 'under_review', updatedAt: new Date() })
        .where(eq(admissionApplications.id, app.id));
    }
    await writeAudit(tx, caller, {
      action: 'admission.score',
      resourceType: 'admission_application',
      resourceId: app.id,
      orgId: app.orgId,
      before: existing ? { total: existing.total, scores: existing.scores } : null,
      after: { total: values.total, scores: args.scores, hasFraudOrAbuse: args.hasFraudOrAbuse },
    });
    return getApplicationForReview(tx, app.id);
  });

/** Back to the applicant with the reviewer's questions; they edit and resubmit. */
export const requestInfo = async (db: DbOrTx, caller: Caller, args: { applicationId: string; message: string }) =>
  db.transaction(async (tx) => {
    const app = await loadApplication(tx, args.applicationId, true);
    assertInReview(app);
    const review = await currentReview(tx, app);
    if (review?.status === 'awaiting_approval') throw new DomainError('admission.awaitingApproval');
    await tx
      .update(admissionApplications)
      .set({ status: 'info_requested', infoRequest: args.message, updatedAt: new Date() })
      .where(eq(admissionApplications.id, app.id));
    await writeAudit(tx, caller, {
      action: 'admission.requestInfo',
      resourceType: 'admission_application',
      resourceId: app.id,
      orgId: app.orgId,
      before: { status: app.status },
      after: { status: 'info_requested', message: args.message },
    });
    await notify(tx, { orgId: app.orgId, roles: ['admin'] }, 'admission.infoRequested', {}, '/apply');
    return getApplicationForReview(tx, app.id);
  });

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

const finalize = async (tx: Tx, caller: Caller, app: Application, review: Review, approverId: string | null) => {
  const now = new Date();
  const decision = review.decision ?? 'reject';
  const outcome = outcomeFor(review.total ?? 0, review.hasFraudOrAbuse);
  // A departing admit still needs a tier: the computed one, or C when the score fell short.
  const tier = decision === 'admit' ? (outcome.tier ?? 'C') : null;
  await tx
    .update(admissionReviews)
    .set({ status: 'final', tier, approverId, approvedAt: approverId ? now : null, updatedAt: now })
    .where(eq(admissionReviews.id, review.id));
  await tx
    .update(admissionApplications)
    .set({
      status: decision === 'admit' ? 'admitted' : 'rejected',
      score: review.total,
      tier,
      decidedAt: now,
      decisionReason: review.reason,
      updatedAt: now,
    })
    .where(eq(admissionApplications.id, app.id));
  if (decision === 'admit') {
    // A renewal admitted before expiry runs on from the current expiry date. A suspended or
    // banned organization stays so: admission does not lift a sanction.
    const [org] = await tx
      .select({ admissionExpiresAt: organizations.admissionExpiresAt })
      .from(organizations)
      .where(eq(organizations.id, app.orgId));
    const from = Math.max(now.getTime(), org?.admissionExpiresAt?.getTime() ?? 0);
    await tx
      .update(organizations)
      .set({
        status: 'active',
        tier,
        admittedAt: now,
        admissionExpiresAt: new Date(from + ONE_YEAR_MS),
        updatedAt: now,
      })
      .where(and(eq(organizations.id, app.orgId), inArray(organizations.status, ['applicant', 'active', 'expired'])));
  }
  await writeAudit(tx, caller, {
    action: 'admission.decide',
    resourceType: 'admission_application',
    resourceId: app.id,
    orgId: app.orgId,
    before: { status: app.status },
    after: { decision, tier, score: review.total, reason: review.reason, reviewerId: review.reviewerId, approverId },
  });
  const isAdmitted = decision === 'admit';
  await notify(
    tx,
    { orgId: app.orgId, roles: ['admin'] },
    isAdmitted ? 'admission.admitted' : 'admission.rejected',
    { tier: tier ?? '' },
    isAdmitted ? `/${app.kind}` : '/apply',
  );
};

/**
 * The reviewer decides. Admitting at tier A, or deciding against the computed outcome,
 * waits for a second staff member (four eyes); otherwise the decision takes effect now.
 */
export const decide = async (
  db: DbOrTx,
  caller: Caller,
  args: { applicationId: string; decision: Decision; reason: string },
) =>
  db.transaction(async (tx) => {
    // Row lock: of two reviewers deciding at once, the second finds it decided.
    const app = await loadApplication(tx, args.applicationId, true);
    assertInReview(app);
    const review = await currentReview(tx, app);
    if (!review || review.total === null) throw new DomainError('admission.scoresIncomplete', { field: 'scores' });
    if (review.status !== 'scoring') throw new DomainError('admission.awaitingApproval');
    const computed = outcomeFor(review.total, review.hasFraudOrAbuse);
    const isFourEyes = needsSecondApproval(args.decision, computed);
    const [updated] = await tx
      .update(admissionReviews)
      .set({
        decision: args.decision,
        computedDecision: computed.decision,
        reason: args.reason,
        reviewerId: caller.actor.userId,
        status: isFourEyes ? 'awaiting_approval' : 'scoring',
        updatedAt: new Date(),
      })
      .where(eq(admissionReviews.id, review.id))
      .returning();
    if (!updated) throw new DomainError('admission.notFound');
    if (isFourEyes) {
      await writeAudit(tx, caller, {
        action: 'admission.propose',
        resourceType: 'admission_application',
        resourceId: app.id,
        orgId: app.orgId,
        after: { decision: args.decision, computed, total: review.total, reason: args.reason },
      });
      await notify(
        tx,
        { platformRoles: ['admin', 'reviewer'], except: caller.actor.userId },
        'admission.awaitingApproval',
        { org: await orgNameOf(tx, app.orgId) },
        `/staff/admission/${app.id}`,
      );
    } else {
      await finalize(tx, caller, app, updated, null);
    }
    return getApplicationForReview(tx, app.id);
  });

/** The second pair of eyes: another staff member confirms or sends the proposal back. */
export const approveDecision = async (
  db: DbOrTx,
  caller: Caller,
  args: { applicationId: string; isApproved: boolean; note: string },
) =>
  db.transaction(async (tx) => {
    const app = await loadApplication(tx, args.applicationId, true);
    assertInReview(app);
    const review = await currentReview(tx, app);
    if (!review || review.status !== 'awaiting_approval') throw new DomainError('admission.notAwaitingApproval');
    if (review.reviewerId === caller.actor.userId) throw new DomainError('admission.sameReviewer');
    if (args.isApproved) {
      await finalize(tx, caller, app, review, caller.actor.userId);
    } else {
      await tx
        .update(admissionReviews)
        .set({ status: 'scoring', decision: null, updatedAt: new Date() })
        .where(eq(admissionReviews.id, review.id));
      await writeAudit(tx, caller, {
        action: 'admission.returnProposal',
        resourceType: 'admission_application',
        resourceId: app.id,
        orgId: app.orgId,
        after: { note: args.note, proposed: review.decision },
      });
      if (review.reviewerId) {
        await notify(
          tx,
          { userId: review.reviewerId },
          'admission.proposalReturned',
          { org: await orgNameOf(tx, app.orgId) },
          `/staff/admission/${app.id}`,
        );
      }
    }
    return getApplicationForReview(tx, app.id);
  });
