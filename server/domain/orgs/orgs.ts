import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { BanCategory, OrgStatus, OrgType } from '@/lib/enums';
import { BLOCKED_ORG_STATUSES, canMoveOrgStatus } from '@/lib/organizations';
import { organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { endOrgSessions } from '../auth/sessions';
import { isUniqueViolation } from '../shared/db-errors';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

const orgColumns = {
  id: organizations.id,
  type: organizations.type,
  name: organizations.name,
  creditCode: organizations.creditCode,
  status: organizations.status,
  province: organizations.province,
  city: organizations.city,
  tier: organizations.tier,
  admittedAt: organizations.admittedAt,
  admissionExpiresAt: organizations.admissionExpiresAt,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

const getOrgWithCounts = async (db: DbOrTx, orgId: string) => {
  const [org] = await db.select(orgColumns).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw new DomainError('org.notFound');
  const [counts] = await db
    .select({ userCount: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, org.id), sql`${users.disabledAt} is null`));
  return { ...org, activeUserCount: counts?.userCount ?? 0 };
};

/** The caller's own organization. */
export const getOwnOrg = (db: DbOrTx, caller: Caller) => getOrgWithCounts(db, caller.actor.orgId);

/** An organization's name, for messages about it (notifications). */
export const orgNameOf = async (db: DbOrTx, orgId: string) =>
  (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId)))[0]?.name ?? '';

/** Staff only: any organization. */
export const getOrgForStaff = (db: DbOrTx, orgId: string) => getOrgWithCounts(db, orgId);

export type ListOrgsArgs = {
  type?: OrgType | undefined;
  status?: OrgStatus | undefined;
  q?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Staff only: every organization on the platform, newest first. */
export const listOrgsForStaff = async (db: DbOrTx, args: ListOrgsArgs) => {
  const cursor = decodeCursor(args.cursor);
  const where: SQL[] = [];
  if (args.type) where.push(eq(organizations.type, args.type));
  if (args.status) where.push(eq(organizations.status, args.status));
  const q = args.q?.trim();
  if (q) {
    const code = q.toUpperCase();
    const byName = ilike(organizations.name, `%${escapeLike(q)}%`);
    // A full code is an exact index lookup; a fragment of one matches as a prefix.
    const byCode =
      code.length === 18 ? eq(organizations.creditCode, code) : ilike(organizations.creditCode, `${escapeLike(code)}%`);
    where.push(or(byName, byCode) as SQL);
  }
  if (cursor) {
    where.push(afterCursor(organizations.createdAt, organizations.id, cursor));
  }
  const rows = await db
    .select(orgColumns)
    .from(organizations)
    .where(and(...where))
    .orderBy(desc(organizations.createdAt), desc(organizations.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, (r) => ({ at: r.createdAt, id: r.id }));
};

export type SetOrgStatusArgs = {
  orgId: string;
  status: OrgStatus;
  reason: string;
  banCategory?: BanCategory | undefined;
};

/**
 * Staff admin: suspends an admitted organization or lifts its suspension (and bans a
 * creditor), with a reason kept in the audit trail. Nobody is admitted here: an applicant
 * becomes active only through the admission decision (four eyes where the design asks for
 * them) and a lapsed admission only through a renewal. A lifted suspension whose admission
 * ran out meanwhile leaves the organization expired, as the expiry sweep would have.
 * An agency is banned only through a sanction (server/domain/sanctions/ban.ts): it cites a
 * complaint or audit finding, needs a second staff member, and carries every effect of a
 * ban (bids withdrawn, cases recalled, creditors told) in the same transaction.
 */
export const setOrgStatus = async (db: DbOrTx, caller: Caller, args: SetOrgStatusArgs, now = new Date()) =>
  db.transaction(async (tx) => {
    // Row lock: two staff members changing one organization at once serialize here.
    const [org] = await tx.select(orgColumns).from(organizations).where(eq(organizations.id, args.orgId)).for('update');
    if (!org) throw new DomainError('org.notFound');
    if (org.type === 'platform') throw new DomainError('org.platformImmutable', { field: 'orgId' });
    if (org.status === args.status) throw new DomainError('org.statusUnchanged', { field: 'status' });
    if (org.type === 'agency' && args.status === 'banned')
      throw new DomainError('org.banBySanction', { field: 'status' });
    if (args.status === 'active' && (org.status === 'applicant' || org.status === 'expired'))
      throw new DomainError('org.admitByReview', { field: 'status' });
    if (!canMoveOrgStatus(org.status, args.status)) {
      throw new DomainError('org.statusNotAllowed', {
        field: 'status',
        labels: { from: `orgStatus.${org.status}`, to: `orgStatus.${args.status}` },
      });
    }
    const hasLapsed = org.admissionExpiresAt !== null && org.admissionExpiresAt.getTime() <= now.getTime();
    const status = args.status === 'active' && hasLapsed ? 'expired' : args.status;
    const [updated] = await tx
      .update(organizations)
      .set({
        status,
        updatedAt: now,
        ...(status === 'banned' ? { bannedAt: now, banCategory: args.banCategory ?? 'other' } : {}),
      })
      .where(eq(organizations.id, org.id))
      .returning(orgColumns);
    if (!updated) throw new DomainError('org.notFound');
    // Suspended or banned: its users' sessions end now and stay ended if it is reinstated.
    const usersSignedOut = BLOCKED_ORG_STATUSES.includes(updated.status) ? await endOrgSessions(tx, org.id) : null;
    await writeAudit(tx, caller, {
      action: 'org.setStatus',
      resourceType: 'organization',
      resourceId: org.id,
      orgId: org.id,
      before: { status: org.status },
      after: {
        status: updated.status,
        reason: args.reason,
        ...(args.banCategory ? { banCategory: args.banCategory } : {}),
        ...(usersSignedOut === null ? {} : { usersSignedOut }),
      },
    });
    return updated;
  });

export type CreateOrgArgs = {
  type: 'creditor' | 'agency';
  name: string;
  creditCode: string;
  province?: string | null | undefined;
  city?: string | null | undefined;
};

/** Staff admin: registers an organization as an applicant. One credit code, one organization. */
export const createOrgForStaff = async (db: DbOrTx, caller: Caller, args: CreateOrgArgs) =>
  db.transaction(async (tx) => {
    let rows;
    try {
      // A savepoint keeps the transaction usable when the unique credit code refuses.
      rows = await tx.transaction((sp) =>
        sp
          .insert(organizations)
          .values({
            type: args.type,
            name: args.name,
            creditCode: args.creditCode,
            status: 'applicant',
            province: args.province ?? null,
            city: args.city ?? null,
          })
          .returning(orgColumns),
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('org.creditCodeTaken', { field: 'creditCode' });
      throw e;
    }
    const [org] = rows;
    if (!org) throw new DomainError('org.notFound');
    await writeAudit(tx, caller, {
      action: 'org.create',
      resourceType: 'organization',
      resourceId: org.id,
      orgId: org.id,
      after: { type: org.type, name: org.name, creditCode: org.creditCode, status: org.status },
    });
    return org;
  });
