import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { cursorDate, cursorParts, invalidCursor, isUuid } from '../shared/keyset';
import { isStorableText } from '../shared/text';

// The public lists (no account needed): admitted agencies and the ban list, as the
// banking association's 2026 guideline asks lenders to publish. Only what is public
// about an organization leaves here.

const encode = (parts: (string | null)[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
/** The admitted list pages by (name, id). */
const decodeByName = (raw: string | null | undefined): { name: string; id: string } | null => {
  if (!raw) return null;
  const [name, id] = cursorParts(raw, 2);
  if (typeof name !== 'string' || name.length > 500 || !isStorableText(name) || !isUuid(id)) throw invalidCursor();
  return { name, id };
};
/** The ban list pages by (banned at, id). */
const decodeByDate = (raw: string | null | undefined): { at: Date; id: string } | null => {
  if (!raw) return null;
  const [at, id] = cursorParts(raw, 2);
  const date = cursorDate(at);
  if (!date || !isUuid(id)) throw invalidCursor();
  return { at: date, id };
};

export type PublicListArgs = { cursor?: string | null | undefined; limit: number };

/** Admitted agencies, by name, with tier, provinces served and admission dates. */
export const listAdmittedAgencies = async (db: DbOrTx, args: PublicListArgs) => {
  const cursor = decodeByName(args.cursor);
  const where: SQL[] = [eq(organizations.type, 'agency'), eq(organizations.status, 'active')];
  if (cursor) where.push(sql`(${organizations.name}, ${organizations.id}) > (${cursor.name}, ${cursor.id}::uuid)`);
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      tier: organizations.tier,
      admittedAt: organizations.admittedAt,
      admissionExpiresAt: organizations.admissionExpiresAt,
      province: organizations.province,
      // Provinces served, from the application that admitted it.
      // As text, parsed here: the drivers differ in how they return a bare jsonb expression.
      // The outer table is named in full: a bare column here would bind to the subquery's own.
      serviceProvinces: sql<unknown>`(
        select (a.sections -> 'basics' -> 'serviceProvinces')::text from admission_applications a
        where a.org_id = "organizations"."id" and a.status = 'admitted'
        order by a.decided_at desc limit 1)`.mapWith((v: string | null) => (v ? (JSON.parse(v) as unknown) : null)),
    })
    .from(organizations)
    .where(and(...where))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(args.limit + 1);
  const items = rows.slice(0, args.limit).map(({ id: _id, ...r }) => ({
    ...r,
    serviceProvinces: Array.isArray(r.serviceProvinces) ? r.serviceProvinces.map(String) : [],
  }));
  const last = rows[args.limit - 1];
  return { items, nextCursor: rows.length > args.limit && last ? encode([last.name, last.id]) : null };
};

/** Banned agencies, newest ban first: name, credit code, date and reason category. */
export const listBannedAgencies = async (db: DbOrTx, args: PublicListArgs) => {
  const cursor = decodeByDate(args.cursor);
  const where: SQL[] = [eq(organizations.type, 'agency'), eq(organizations.status, 'banned')];
  const bannedAt = sql`coalesce(${organizations.bannedAt}, ${organizations.updatedAt})`;
  if (cursor)
    where.push(sql`(${bannedAt}, ${organizations.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      creditCode: organizations.creditCode,
      bannedAt: sql<Date>`${bannedAt}`.mapWith((v: string | Date) => new Date(v)),
      banCategory: organizations.banCategory,
    })
    .from(organizations)
    .where(and(...where))
    .orderBy(desc(bannedAt), desc(organizations.id))
    .limit(args.limit + 1);
  const items = rows.slice(0, args.limit).map(({ id: _id, ...r }) => ({ ...r, banCategory: r.banCategory ?? 'other' }));
  const last = rows[args.limit - 1];
  return {
    items,
    nextCursor: rows.length > args.limit && last ? encode([last.bannedAt.toISOString(), last.id]) : null,
  };
};
