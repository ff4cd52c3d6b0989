import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, debtorCodes, debtorSessions } from '@/db/schema';
import {
  CODE_DIGITS,
  CODE_RESEND_MS,
  CODE_TRIES,
  CODE_TTL_MS,
  CODES_PER_CASE_PER_DAY,
  DEBTOR_SESSION_MS,
  DEBTOR_TICKET_MS,
} from '@/lib/debtor';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { authSecret } from '../../env';
import { DomainError } from '../../errors';
import { queueSms } from '../../sms';
import { caseByDetails, verifyGuessable, type CaseDetails } from '../shared/guessable';
import type { Proof } from '../shared/proof-of-work';
import { takeAttempt } from '../shared/rate-limit';

// The debtor's way in (issue 20), without an account: the contract number, the borrower's
// name and the last 4 ID digits (the public complaint's check, its neutral answer and its
// limits per client), then a one-time code sent by SMS to one of the debtor's numbers on
// file, chosen from their masks. The right code opens a 30-minute session bound to the case.

const DAY_MS = 86_400_000;
/** Per client address: codes asked for, and codes tried, in ten minutes. */
export const SEND_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
export const CONFIRM_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
const REFUSALS = { proofRequired: 'debtor.proofRequired', tooManyFailures: 'debtor.tooManyFailures' } as const;

const key = () => createHmac('sha256', authSecret()).update('daylight debtor ticket').digest();
const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const codeHash = (codeId: string, code: string) =>
  createHmac('sha256', key()).update(`${codeId}:${code}`).digest('base64url');

/** A signed, short-lived note that these details were verified for this case: what asking for a code needs. */
const ticketFor = (caseId: string, now: Date) => {
  const payload = `${caseId}.${now.getTime() + DEBTOR_TICKET_MS}`;
  return `${payload}.${sign(payload)}`;
};

/** The case a ticket names, if this server signed it and it has not lapsed. */
const caseOfTicket = (ticket: string, now: Date): string => {
  const [caseId = '', expiry = '', signature = ''] = ticket.split('.');
  const expected = Buffer.from(sign(`${caseId}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || Number(expiry) <= now.getTime())
    throw new DomainError('debtor.ticketExpired');
  return caseId;
};

const anonymous = (meta: RequestMeta) => ({ ...meta, actor: null });

/** The debtor's own numbers still in use, by their place on the case, masked. */
const numbersOf = (phones: (typeof cases.$inferSelect)['phones']) =>
  phones.flatMap((p, index) => (p.retiredAt ? [] : [{ index, masked: p.masked }]));

/**
 * Step 1: the details. A match answers a ticket and the masked numbers a code can go to; a
 * wrong contract number, name or digits all answer `debtor.notVerified`, the same words.
 */
export const verifyDebtorDetails = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: CaseDetails & { proof?: Proof | null | undefined },
  now = new Date(),
) => {
  const match = await verifyGuessable(
    db,
    meta,
    'debtor.verify',
    input.contractNo.trim(),
    input.proof,
    (tx) => caseByDetails(tx, input),
    REFUSALS,
    now,
  );
  if (!match) throw new DomainError('debtor.notVerified');
  const [row] = await db.select({ phones: cases.phones }).from(cases).where(eq(cases.id, match.id));
  const numbers = numbersOf(row?.phones ?? []);
  if (numbers.length === 0) throw new DomainError('debtor.noNumber');
  return { ticket: ticketFor(match.id, now), numbers };
};

/**
 * Step 2: a code to the chosen number. One a minute per case, ten a day per case, and five
 * in ten minutes per client; the code is kept as a keyed hash and goes out through the SMS
 * outbox in the same transaction.
 */
export const sendDebtorCode = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: { ticket: string; index: number },
  now = new Date(),
) => {
  const caseId = caseOfTicket(input.ticket, now);
  if (!(await takeAttempt(db, `debtor.codeFrom:${meta.ip ?? 'unknown'}`, SEND_LIMIT, now)))
    throw new DomainError('debtor.rateLimited');
  return db.transaction(async (tx) => {
    // One code at a time per case: two asks at once wait on the case row.
    const [c] = await tx
      .select({ id: cases.id, phones: cases.phones, creditorId: cases.creditorId })
      .from(cases)
      .where(eq(cases.id, caseId))
      .for('update');
    const phone = c?.phones[input.index];
    if (!c || !phone || phone.retiredAt) throw new DomainError('debtor.numberNotFound', { field: 'index' });
    const [last] = await tx
      .select({ createdAt: debtorCodes.createdAt })
      .from(debtorCodes)
      .where(eq(debtorCodes.caseId, c.id))
      .orderBy(desc(debtorCodes.createdAt))
      .limit(1);
    if (last && now.getTime() - last.createdAt.getTime() < CODE_RESEND_MS)
      throw new DomainError('debtor.codeWait', {
        values: { seconds: Math.ceil((CODE_RESEND_MS - (now.getTime() - last.createdAt.getTime())) / 1000) },
      });
    const [today] = await tx
      .select({ n: count() })
      .from(debtorCodes)
      .where(and(eq(debtorCodes.caseId, c.id), gt(debtorCodes.createdAt, new Date(now.getTime() - DAY_MS))));
    if ((today?.n ?? 0) >= CODES_PER_CASE_PER_DAY) throw new DomainError('debtor.codeLimit');
    const id = crypto.randomUUID();
    const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await tx.insert(debtorCodes).values({
      id,
      caseId: c.id,
      phoneIdx: phone.idx,
      codeHash: codeHash(id, code),
      client: meta.ip ?? 'unknown',
      createdAt: now,
      expiresAt,
    });
    await queueSms(tx, { kind: 'debtor.code', to: phone, params: { code }, caseId: c.id });
    await writeAudit(tx, anonymous(meta), {
      action: 'debtor.codeSent',
      resourceType: 'case',
      resourceId: c.id,
      orgId: c.creditorId,
      after: { codeId: id, number: phone.masked },
    });
    return { codeId: id, number: phone.masked, expiresAt, resendAt: new Date(now.getTime() + CODE_RESEND_MS) };
  });
};

/** A wrong code: the try is counted (atomically, committed before the refusal) and the tries left are told. */
const refuseCode = async (db: DbOrTx, codeId: string): Promise<never> => {
  const [after] = await db
    .update(debtorCodes)
    .set({ attempts: sql`${debtorCodes.attempts} + 1` })
    .where(and(eq(debtorCodes.id, codeId), lt(debtorCodes.attempts, CODE_TRIES)))
    .returning({ attempts: debtorCodes.attempts });
  const left = after ? CODE_TRIES - after.attempts : 0;
  if (left <= 0) throw new DomainError('debtor.codeSpent', { field: 'code' });
  throw new DomainError('debtor.codeWrong', { field: 'code', values: { left } });
};

/**
 * Step 3: the code. Five wrong tries spend it (a new one is asked for after the wait), an
 * expired or used code is refused; the right one opens a session bound to the case, whose
 * token is answered once and kept only as a hash.
 */
export const confirmDebtorCode = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: { ticket: string; codeId: string; code: string },
  now = new Date(),
) => {
  const caseId = caseOfTicket(input.ticket, now);
  if (!(await takeAttempt(db, `debtor.confirmFrom:${meta.ip ?? 'unknown'}`, CONFIRM_LIMIT, now)))
    throw new DomainError('debtor.rateLimited');
  const [code] = await db
    .select()
    .from(debtorCodes)
    .where(and(eq(debtorCodes.id, input.codeId), eq(debtorCodes.caseId, caseId)));
  if (!code) throw new DomainError('debtor.codeSpent', { field: 'code' });
  if (code.usedAt) throw new DomainError('debtor.codeUsed', { field: 'code' });
  if (code.attempts >= CODE_TRIES) throw new DomainError('debtor.codeSpent', { field: 'code' });
  if (code.expiresAt <= now) throw new DomainError('debtor.codeExpired', { field: 'code' });
  const given = Buffer.from(codeHash(code.id, input.code.trim()));
  const expected = Buffer.from(code.codeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuseCode(db, code.id);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DEBTOR_SESSION_MS);
  return db.transaction(async (tx) => {
    // Used once: of two right answers at once, one opens the session.
    const [used] = await tx
      .update(debtorCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(debtorCodes.id, code.id),
          isNull(debtorCodes.usedAt),
          lt(debtorCodes.attempts, CODE_TRIES),
          gt(debtorCodes.expiresAt, now),
        ),
      )
      .returning({ id: debtorCodes.id });
    if (!used) throw new DomainError('debtor.codeUsed', { field: 'code' });
    const [session] = await tx
      .insert(debtorSessions)
      .values({ tokenHash: sha256(token), caseId, phoneIdx: code.phoneIdx, codeId: code.id, createdAt: now, expiresAt })
      .returning({ id: debtorSessions.id });
    const [c] = await tx.select({ creditorId: cases.creditorId }).from(cases).where(eq(cases.id, caseId));
    await writeAudit(tx, anonymous(meta), {
      action: 'debtor.verified',
      resourceType: 'case',
      resourceId: caseId,
      orgId: c?.creditorId ?? null,
      after: { sessionId: session?.id, expiresAt },
    });
    return { token, expiresAt };
  });
};

export type DebtorSessionView = { sessionId: string; caseId: string; expiresAt: Date };

/** The live session a token opens, or null (unknown, ended or past its 30 minutes). */
export const debtorSessionOf = async (
  db: DbOrTx,
  token: string | null,
  now = new Date(),
): Promise<DebtorSessionView | null> => {
  if (!token || token.length > 100) return null;
  const [s] = await db
    .select({ sessionId: debtorSessions.id, caseId: debtorSessions.caseId, expiresAt: debtorSessions.expiresAt })
    .from(debtorSessions)
    .where(
      and(
        eq(debtorSessions.tokenHash, sha256(token)),
        gt(debtorSessions.expiresAt, now),
        isNull(debtorSessions.endedAt),
      ),
    );
  return s ?? null;
};

/** The debtor leaves: the session ends now. */
export const endDebtorSession = async (db: DbOrTx, meta: RequestMeta, session: DebtorSessionView, now = new Date()) =>
  db.transaction(async (tx) => {
    await tx.update(debtorSessions).set({ endedAt: now }).where(eq(debtorSessions.id, session.sessionId));
    const [c] = await tx.select({ creditorId: cases.creditorId }).from(cases).where(eq(cases.id, session.caseId));
    await writeAudit(tx, anonymous(meta), {
      action: 'debtor.signedOut',
      resourceType: 'case',
      resourceId: session.caseId,
      orgId: c?.creditorId ?? null,
      after: { sessionId: session.sessionId },
    });
  });
