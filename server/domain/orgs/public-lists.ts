import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { DomainError } from '../../errors';

// The public lists (no account needed): admitted agencies and the ban list, as the
// banking association's 2026 guideline asks lenders to publish. Only what is public
// about an organization leaves here.

const encode = (parts: (string | null)[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
const decode = (raw: string | null | undefined): string[] | null => {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // fall through
  }
  throw new DomainError('input.invalidCursor', { field: 'cursor' });
};

export type PublicListArgs = { cursor?: string | null | undefined; limit: number };

/** Admitted agencies, by name, with tier, provinces served and admission dates. */
export const listAdmittedAgencies = async (db: DbOrTx, args: PublicListArgs) => {
  const cursor = decode(args.cursor);
  const where: SQL[] = [eq(organizations.type, 'agency'), eq(organizations.status, 'active')];
  if (cursor) where.push(sql`(${organizations.name}, ${organizations.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`);
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
  const items = rows.slice(0, args.limit).map(({ id: _id, ...r }) => ({ ...r, serviceProvinces: Array.isArray(r.serviceProvinces) ? r.serviceProvinces.map(String) : [] }));
  const last = rows[args.limit - 1];
  return { items, nextCursor: rows.length > args.limit && last ? encode([last.name, last.id]) : null };
};

/** Banned agencies, newest ban first: name, credit code, date and reason category. */
export const listBannedAgencies = async (db: DbOrTx, args: PublicListArgs) => {
  const cursor = decode(args.cursor);
  const where: SQL[] = [eq(organizations.type, 'agency'), eq(organizations.status, 'banned')];
  const bannedAt = sql`coalesce(${organizations.bannedAt}, ${organizations.updatedAt})`;
  if (cursor) where.push(sql`(${bannedAt}, ${organizations.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
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
  return { items, nextCursor: rows.length > args.limit && last ? encode([last.bannedAt.toISOString(), last.id]) : null };
};
