import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { writeAudit } from '../../audit/write';
import { notify } from '../notifications/notify';

// Admission lasts one year (DESIGN §3). At expiry without renewal the organization becomes
// `expired`: no new bids or commissions, existing work continues to its term.

/** Lock key for the expiry sweep, so that of several app instances only one sweeps at a time. */
const EXPIRY_LOCK = 0x4441_5900; // "DAY\0"

/**
 * Expires every admission past its date, each with an audit row, in one transaction.
 * Idempotent (an expired organization no longer matches) and safe to run from several
 * instances at once (a transaction-scoped advisory lock lets one sweep; the others skip).
 */
export const expireAdmissions = async (db: DbOrTx, now = new Date()) =>
  db.transaction(async (tx) => {
    const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${EXPIRY_LOCK}) as ok`);
    const rows = (Array.isArray(lock) ? lock : (lock as { rows: unknown[] }).rows) as { ok: boolean }[];
    if (!rows[0]?.ok) return { expired: [] as string[], skipped: true };
    const expired = await tx
      .update(organizations)
      .set({ status: 'expired', updatedAt: now })
      .where(
        and(
          eq(organizations.status, 'active'),
          inArray(organizations.type, ['creditor', 'agency']),
          lte(organizations.admissionExpiresAt, now),
        ),
      )
      .returning({
        id: organizations.id,
        type: organizations.type,
        admissionExpiresAt: organizations.admissionExpiresAt,
      });
    for (const org of expired) {
      await writeAudit(
        tx,
        { actor: null, ip: null, userAgent: 'scheduler' },
        {
          action: 'org.expire',
          resourceType: 'organization',
          resourceId: org.id,
          orgId: org.id,
          before: { status: 'active' },
          after: { status: 'expired', admissionExpiresAt: org.admissionExpiresAt?.toISOString() ?? null },
        },
      );
      await notify(tx, { orgId: org.id, roles: ['admin'] }, 'admission.expired', {}, `/${org.type}`);
    }
    return { expired: expired.map((o) => o.id), skipped: false };
  });

export const RENEWAL_WINDOW_DAYS = 30;

/** Whether the renewal prompt shows: within 30 days of expiry, or already expired. */
export const isRenewalDue = (status: string, expiresAt: Date | null, now = new Date()): boolean =>
  expiresAt !== null &&
  (status === 'active' || status === 'expired') &&
  expiresAt.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * 86_400_000;
