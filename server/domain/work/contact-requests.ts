import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel } from '@/lib/enums';
import { contactRequests, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { loadWorkCase } from './case-access';
import { contactRequestOf } from './rules';

// A debtor's own request about being contacted (lib/contact-requests.ts), as the debtor told
// the agency working the case. Each request replaces the one before it in force and is kept
// beside it (the table is append-only); the rule engine enforces the newest for every agency
// holding the case from the moment it is recorded. Recording one is allowed while the
// commission is frozen: it protects the debtor, it is not collection.

export type ContactRequestInput = {
  caseId: string;
  stoppedChannels: ActionChannel[];
  quietFrom: number | null;
  quietTo: number | null;
  quietWorkdaysOnly: boolean;
  note: string;
};

export const recordContactRequest = async (db: DbOrTx, caller: Caller, input: ContactRequestInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const c = await loadWorkCase(tx, caller, input.caseId, true);
    const hasQuiet = input.quietFrom !== null || input.quietTo !== null;
    if (hasQuiet && (input.quietFrom === null || input.quietTo === null || input.quietFrom >= input.quietTo))
      throw new DomainError('contactRequest.quietHours', { field: 'quietTo' });
    const stopped = [...new Set(input.stoppedChannels)];
    const before = await contactRequestOf(tx, c.row.id);
    // A request with nothing in it withdraws the one in force; there must be one to withdraw.
    if (stopped.length === 0 && !hasQuiet && !before)
      throw new DomainError('contactRequest.empty', { field: 'stoppedChannels' });
    const [saved] = await tx
      .insert(contactRequests)
      .values({
        caseId: c.row.id,
        creditorId: c.row.creditorId,
        orgId: caller.actor.orgId,
        recordedBy: caller.actor.userId,
        stoppedChannels: stopped,
        quietFrom: input.quietFrom,
        quietTo: input.quietTo,
        quietWorkdaysOnly: hasQuiet && input.quietWorkdaysOnly,
        note: input.note,
        at: now,
      })
      .returning();
    if (!saved) throw new DomainError('case.notFound');
    await writeAudit(tx, caller, {
      action: 'case.contactRequest',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      before: before ? terms(before) : undefined,
      after: { requestId: saved.id, ...terms(saved) },
    });
    const [inForce] = await contactRequestsOfCase(tx, c.row.id);
    if (!inForce) throw new DomainError('case.notFound');
    return inForce;
  });

const terms = (r: typeof contactRequests.$inferSelect) => ({
  stoppedChannels: r.stoppedChannels,
  quietFrom: r.quietFrom,
  quietTo: r.quietTo,
  quietWorkdaysOnly: r.quietWorkdaysOnly,
});

/** The case's contact requests, newest (the one in force) first, with who recorded each for which organization (none: the debtor's own choice). */
export const contactRequestsOfCase = async (db: DbOrTx, caseId: string) =>
  (
    await db
      .select({ r: contactRequests, orgName: organizations.name, recordedByName: users.name })
      .from(contactRequests)
      .leftJoin(organizations, eq(organizations.id, contactRequests.orgId))
      .leftJoin(users, eq(users.id, contactRequests.recordedBy))
      .where(eq(contactRequests.caseId, caseId))
      .orderBy(desc(contactRequests.at), desc(contactRequests.id))
  ).map(({ r, orgName, recordedByName }) => ({
    ...terms(r),
    id: r.id,
    note: r.note,
    at: r.at,
    origin: r.origin,
    orgName,
    recordedByName,
  }));
export type ContactRequestView = Awaited<ReturnType<typeof contactRequestsOfCase>>[number];
