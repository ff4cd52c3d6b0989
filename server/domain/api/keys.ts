import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { apiKeys, organizations, users, type ApiKey } from '@/db/schema';
import {
  API_KEY_MARK,
  API_KEY_PATTERN,
  API_KEY_PREFIX_LENGTH,
  API_SCOPES,
  DEFAULT_API_RATE_LIMIT,
  type ApiScope,
} from '@/lib/api-scopes';
import { shanghaiDate } from '@/lib/dates';
import { BLOCKED_ORG_STATUSES } from '@/lib/organizations';
import type { Actor, Caller, RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError, type DomainErrorCode } from '../../errors';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

// API keys (/api/v1): an organization admin creates one for a system of the organization;
// the secret is shown once and only its SHA-256 is kept. A key acts as its organization
// with the permissions of an admin narrowed to the key's scopes (each endpoint names the
// scope it needs), and is refused on its next call once revoked, expired, or once the
// organization is suspended or banned.

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  rateLimit: number;
  expiresAt: Date | null;
  createdAt: Date;
  createdByName: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

const DAY_MS = 24 * 60 * 60_000;

const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

const scopesFor = (orgType: Actor['orgType']): readonly ApiScope[] =>
  orgType === 'creditor' ? API_SCOPES.creditor : orgType === 'agency' ? API_SCOPES.agency : [];

const viewColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  rateLimit: apiKeys.rateLimit,
  expiresAt: apiKeys.expiresAt,
  createdAt: apiKeys.createdAt,
  createdByName: users.name,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
};

const asView = (row: Omit<ApiKeyView, 'scopes'> & { scopes: string[] }): ApiKeyView => ({
  ...row,
  scopes: row.scopes as ApiScope[],
});

/** Creates a key of the caller's organization; answers the secret, which is never shown again. */
export const createApiKey = async (
  db: Db,
  caller: Caller,
  input: { name: string; scopes: ApiScope[]; expiresOn?: string | null; rateLimit?: number | null },
  now = new Date(),
): Promise<{ key: ApiKeyView; secret: string }> => {
  const allowed = scopesFor(caller.actor.orgType);
  const foreign = input.scopes.filter((s) => !allowed.includes(s));
  if (foreign.length > 0)
    throw new DomainError('apiKey.scopeNotForOrg', { field: 'scopes', values: { scopes: foreign.join(', ') } });
  // A key set to expire on a day works through that day in Beijing.
  const expiresAt = input.expiresOn ? new Date(Date.parse(`${input.expiresOn}T00:00:00+08:00`) + DAY_MS) : null;
  if (expiresAt && input.expiresOn && input.expiresOn <= shanghaiDate(now))
    throw new DomainError('apiKey.expiryPast', { field: 'expiresOn' });
  const secret = API_KEY_MARK + randomBytes(30).toString('base64url');
  const prefix = secret.slice(API_KEY_MARK.length, API_KEY_MARK.length + API_KEY_PREFIX_LENGTH);
  const scopes = [...new Set(input.scopes)].sort();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId: caller.actor.orgId,
        name: input.name,
        prefix,
        secretHash: hashOf(secret),
        scopes,
        rateLimit: input.rateLimit ?? DEFAULT_API_RATE_LIMIT,
        expiresAt,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new Error('the key was not written');
    await writeAudit(tx, caller, {
      action: 'apiKey.create',
      resourceType: 'api_key',
      resourceId: row.id,
      orgId: caller.actor.orgId,
      after: { name: row.name, prefix, scopes, rateLimit: row.rateLimit, expiresAt: row.expiresAt },
    });
    return {
      secret,
      key: asView({ ...row, createdByName: caller.actor.name }),
    };
  });
};

/** The organization's keys, newest first (revoked ones too: the audit trail names them). */
export const listApiKeys = async (db: DbOrTx, caller: Caller, input: { cursor?: string | null; limit: number }) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select(viewColumns)
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(
      and(
        eq(apiKeys.orgId, caller.actor.orgId),
        cursor ? afterCursor(apiKeys.createdAt, apiKeys.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map(asView), nextCursor: page.nextCursor };
};

/** Revokes one of the organization's keys: its next call is refused. Another organization's answers NOT_FOUND. */
export const revokeApiKey = (db: Db, caller: Caller, keyId: string): Promise<ApiKeyView> =>
  db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, caller.actor.orgId)))
      .for('update');
    if (!current) throw new DomainError('apiKey.notFound', { field: 'keyId' });
    if (current.revokedAt) throw new DomainError('apiKey.revoked');
    await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedBy: caller.actor.userId })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)));
    await writeAudit(tx, caller, {
      action: 'apiKey.revoke',
      resourceType: 'api_key',
      resourceId: keyId,
      orgId: caller.actor.orgId,
    });
    const [row] = await tx
      .select(viewColumns)
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.createdBy))
      .where(eq(apiKeys.id, keyId));
    if (!row) throw new DomainError('apiKey.notFound');
    return asView(row);
  });

export type KeyLookup = { actor: Actor; key: Pick<ApiKey, 'id' | 'rateLimit'> } | { refusal: DomainErrorCode };

const matches = (secret: string, hash: string) => {
  const a = Buffer.from(hashOf(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Only so often is a key's last use written: a busy key would otherwise rewrite its row on every call. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The actor a bearer secret acts as, read afresh on every call, or why it is refused. The
 * refusal does not say whether a key with that prefix exists.
 */
export const authenticateApiKey = async (
  db: Db,
  secret: string | null,
  meta: RequestMeta,
  now = new Date(),
): Promise<KeyLookup> => {
  if (!secret) return { refusal: 'api.keyMissing' };
  if (!API_KEY_PATTERN.test(secret)) return { refusal: 'api.keyInvalid' };
  const prefix = secret.slice(API_KEY_MARK.length, API_KEY_MARK.length + API_KEY_PREFIX_LENGTH);
  const [row] = await db
    .select({
      id: apiKeys.id,
      secretHash: apiKeys.secretHash,
      scopes: apiKeys.scopes,
      rateLimit: apiKeys.rateLimit,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      lastUsedIp: apiKeys.lastUsedIp,
      name: apiKeys.name,
      userId: apiKeys.createdBy,
      email: users.email,
      orgId: organizations.id,
      orgType: organizations.type,
      orgStatus: organizations.status,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.prefix, prefix))
    .limit(1);
  if (!row || !matches(secret, row.secretHash)) return { refusal: 'api.keyInvalid' };
  if (row.revokedAt) return { refusal: 'api.keyRevoked' };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { refusal: 'api.keyExpired' };
  if (BLOCKED_ORG_STATUSES.includes(row.orgStatus)) return { refusal: 'auth.orgBlocked' };
  if (row.orgStatus === 'applicant') return { refusal: 'auth.notAdmitted' };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS || row.lastUsedIp !== meta.ip)
    await db.update(apiKeys).set({ lastUsedAt: now, lastUsedIp: meta.ip }).where(eq(apiKeys.id, row.id));
  return {
    key: { id: row.id, rateLimit: row.rateLimit },
    actor: {
      userId: row.userId,
      orgId: row.orgId,
      orgType: row.orgType,
      orgStatus: row.orgStatus,
      role: 'admin',
      name: row.name,
      email: row.email,
      apiKey: { id: row.id, scopes: row.scopes as ApiScope[] },
    },
  };
};
