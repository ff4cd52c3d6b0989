import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users, type SealedPhone } from '@/db/schema';
import { decryptPii } from '../../pii/crypto';
import { sealPhone } from '../cases/seal';

// DESIGN §5: a user's mobile number is sealed at rest like a debtor's (AES-256-GCM, blind
// index, the mask lists show). Every response shows the mask, except to the user themself;
// an administrator sees a whole number only by revealing it with a reason, audited
// (users.ts, revealUserPhone).

/** The stored form of a number typed into a form (sign-up, invitation), or null for none. */
export const sealStaffPhone = (phone: string | null | undefined): SealedPhone | null =>
  phone ? sealPhone(phone) : null;

/** What a reader sees of a user's number: the whole number if it is their own, otherwise the mask. */
export const phoneAsSeenBy = (readerId: string | null, userId: string, sealed: SealedPhone | null): string | null => {
  if (!sealed) return null;
  return readerId === userId ? decryptPii(sealed.enc) : sealed.masked;
};

const RESEAL_BATCH = 500;

/**
 * The data step of migration 0030, run by `npm run db:migrate` right after the SQL
 * migrations (SQL cannot seal: the key is the app's). Seals every number still in the
 * plain column and empties it; a row already sealed keeps its sealed number. Each batch is
 * one transaction; run again, it finds nothing. Returns how many rows it sealed.
 */
export const sealPlainStaffPhones = async (db: DbOrTx): Promise<number> => {
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: users.id, plain: users.plainPhone, phoneSealed: users.phoneSealed })
        .from(users)
        .where(isNotNull(users.plainPhone))
        .limit(RESEAL_BATCH)
        .for('update');
      for (const r of rows) {
        const plain = r.plain?.trim() ?? '';
        await tx
          .update(users)
          // updated_at stays: the user's details did not change, only how they are kept.
          .set({ phoneSealed: r.phoneSealed ?? (plain ? sealPhone(plain) : null), plainPhone: null })
          .where(and(eq(users.id, r.id), sql`${users.plainPhone} is not null`));
      }
      return rows.length;
    });
    sealed += done;
    if (done < RESEAL_BATCH) return sealed;
  }
};

/** The signed-in user's own number, whole (it is theirs), or null. */
export const ownPhone = async (db: DbOrTx, userId: string): Promise<string | null> => {
  const [row] = await db.select({ phoneSealed: users.phoneSealed }).from(users).where(eq(users.id, userId));
  return phoneAsSeenBy(userId, userId, row?.phoneSealed ?? null);
};
