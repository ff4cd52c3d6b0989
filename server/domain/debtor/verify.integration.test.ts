// The debtor's way in (issue 20): details checked like the public complaint's (the same
// neutral answer on a mismatch), a one-time code by SMS to a number on file, five tries,
// a wait before another code, a 30-minute session bound to the case, each step audited.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, debtorCodes, smsMessages } from '@/db/schema';
import { CODE_RESEND_MS, CODE_TTL_MS, DEBTOR_SESSION_MS, DEBTOR_TICKET_MS } from '@/lib/debtor';
import { someAddress } from '../../testing/complaints';
import { detailsOf, lastSmsOf, verifiedDebtor } from '../../testing/debtor';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { confirmDebtorCode, debtorSessionOf, endDebtorSession, sendDebtorCode, verifyDebtorDetails } from './verify';

const ctx = freshWorldPerTest();
const aCase = async () => {
  const { row } = await workingCases(ctx.w, 2);
  if (!row) throw new Error('no case');
  return row;
};
const codeOf = async (caseId: string) => (await lastSmsOf(ctx.w, caseId)).params.code ?? '';

describe('verifying a debtor', () => {
  it('answers masked numbers for the right details and the same refusal for any wrong one', async () => {
    const row = await aCase();
    const meta = someAddress();
    const { ticket, numbers } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row));
    expect(ticket).toMatch(/\./);
    expect(numbers.length).toBe(row.phones.length);
    expect(numbers[0]).toEqual({ index: 0, masked: row.phones[0]?.masked });
    for (const wrong of [
      { ...detailsOf(row), contractNo: `${row.contractNo}9` },
      { ...detailsOf(row), debtorName: `${row.debtorName}某` },
      { ...detailsOf(row), idLast4: '0000' === detailsOf(row).idLast4 ? '1111' : '0000' },
    ])
      await expect(verifyDebtorDetails(ctx.handle.db, someAddress(), wrong)).rejects.toMatchObject({
        code: 'debtor.notVerified',
      });
  });

  it('sends a code by SMS to the chosen number, sealed, and opens a session with it', async () => {
    const row = await aCase();
    const meta = someAddress();
    const { ticket } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row));
    const sent = await sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 });
    expect(sent.number).toBe(row.phones[0]?.masked);
    const sms = await lastSmsOf(ctx.w, row.id);
    expect(sms).toMatchObject({ kind: 'debtor.code', toIdx: row.phones[0]?.idx, status: 'queued' });
    expect(sms.params.code).toMatch(/^\d{6}$/);
    // Nothing readable at rest: neither the code (hashed, sealed) nor the number.
    const [stored] = await ctx.handle.db.select().from(debtorCodes).where(eq(debtorCodes.id, sent.codeId));
    expect(JSON.stringify(stored)).not.toContain(sms.params.code);
    expect(sms.paramsEnc).not.toContain(sms.params.code);
    const session = await confirmDebtorCode(ctx.handle.db, meta, {
      ticket,
      codeId: sent.codeId,
      code: sms.params.code ?? '',
    });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(DEBTOR_SESSION_MS - 60_000);
    const live = await debtorSessionOf(ctx.handle.db, session.token);
    expect(live?.caseId).toBe(row.id);
    const actions = await ctx.handle.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.resourceId, row.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['debtor.codeSent', 'debtor.verified']));
    expect(actions.every((a) => a.actor === null)).toBe(true);
    // The code opens one session only.
    await expect(
      confirmDebtorCode(ctx.handle.db, meta, { ticket, codeId: sent.codeId, code: sms.params.code ?? '' }),
    ).rejects.toMatchObject({ code: 'debtor.codeUsed' });
  });

  it('spends a code after five wrong tries; a new one comes only after the wait', async () => {
    const row = await aCase();
    const meta = someAddress();
    const start = new Date();
    const { ticket } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row), start);
    const sent = await sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, start);
    const right = await codeOf(row.id);
    const wrong = right === '000000' ? '111111' : '000000';
    const lefts: number[] = [];
    for (let i = 0; i < 4; i += 1)
      await confirmDebtorCode(ctx.handle.db, meta, { ticket, codeId: sent.codeId, code: wrong }, start).catch(
        (e: { code: string; details?: { values?: { left?: number } } }) => {
          expect(e.code).toBe('debtor.codeWrong');
          lefts.push(e.details?.values?.left ?? -1);
        },
      );
    expect(lefts).toEqual([4, 3, 2, 1]);
    await expect(
      confirmDebtorCode(ctx.handle.db, meta, { ticket, codeId: sent.codeId, code: wrong }, start),
    ).rejects.toMatchObject({ code: 'debtor.codeSpent' });
    // Spent: even the right code no longer opens a session.
    await expect(
      confirmDebtorCode(ctx.handle.db, meta, { ticket, codeId: sent.codeId, code: right }, start),
    ).rejects.toMatchObject({ code: 'debtor.codeSpent' });
    await expect(sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, start)).rejects.toMatchObject({
      code: 'debtor.codeWait',
    });
    const later = new Date(start.getTime() + CODE_RESEND_MS + 1_000);
    const again = await sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, later);
    const session = await confirmDebtorCode(
      ctx.handle.db,
      meta,
      { ticket, codeId: again.codeId, code: await codeOf(row.id) },
      later,
    );
    expect(session.token).toBeTruthy();
  });

  it('refuses an expired code, a lapsed ticket, a code of another case, and a number not on file', async () => {
    const row = await aCase();
    const other = (await workingCases(ctx.w, 2)).row;
    if (!other) throw new Error('no case');
    const meta = someAddress();
    const start = new Date();
    const { ticket } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row), start);
    const sent = await sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, start);
    const code = await codeOf(row.id);
    await expect(
      confirmDebtorCode(
        ctx.handle.db,
        meta,
        { ticket, codeId: sent.codeId, code },
        new Date(start.getTime() + CODE_TTL_MS + 1),
      ),
    ).rejects.toMatchObject({ code: 'debtor.codeExpired' });
    await expect(
      sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, new Date(start.getTime() + DEBTOR_TICKET_MS + 1)),
    ).rejects.toMatchObject({ code: 'debtor.ticketExpired' });
    await expect(sendDebtorCode(ctx.handle.db, meta, { ticket: `${ticket}x`, index: 0 }, start)).rejects.toMatchObject({
      code: 'debtor.ticketExpired',
    });
    await expect(sendDebtorCode(ctx.handle.db, meta, { ticket, index: 9 }, start)).rejects.toMatchObject({
      code: 'debtor.numberNotFound',
    });
    // Another case's ticket cannot use this case's code.
    const theirs = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(other), start);
    await expect(
      confirmDebtorCode(ctx.handle.db, meta, { ticket: theirs.ticket, codeId: sent.codeId, code }, start),
    ).rejects.toMatchObject({ code: 'debtor.codeSpent' });
  });

  it('a session lasts 30 minutes, ends when the debtor leaves, and names its own case only', async () => {
    const row = await aCase();
    const now = new Date();
    const session = await verifiedDebtor(ctx.w, row, now);
    expect(
      await debtorSessionOf(ctx.handle.db, session.token, new Date(now.getTime() + DEBTOR_SESSION_MS - 1)),
    ).not.toBeNull();
    expect(
      await debtorSessionOf(ctx.handle.db, session.token, new Date(now.getTime() + DEBTOR_SESSION_MS + 1)),
    ).toBeNull();
    expect(await debtorSessionOf(ctx.handle.db, `${session.token}x`, now)).toBeNull();
    const live = await debtorSessionOf(ctx.handle.db, session.token, now);
    if (!live) throw new Error('no session');
    await endDebtorSession(ctx.handle.db, session.meta, live, now);
    expect(await debtorSessionOf(ctx.handle.db, session.token, now)).toBeNull();
    const [out] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'debtor.signedOut'), eq(auditLog.resourceId, row.id)));
    expect(out).toBeTruthy();
  });

  it('ten codes a day per case at most', async () => {
    const row = await aCase();
    const start = new Date();
    for (let i = 0; i < 10; i += 1) {
      const at = new Date(start.getTime() + i * (CODE_RESEND_MS + 1_000));
      const meta = someAddress();
      const { ticket } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row), at);
      await sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, at);
    }
    const at = new Date(start.getTime() + 10 * (CODE_RESEND_MS + 1_000));
    const meta = someAddress();
    const { ticket } = await verifyDebtorDetails(ctx.handle.db, meta, detailsOf(row), at);
    await expect(sendDebtorCode(ctx.handle.db, meta, { ticket, index: 0 }, at)).rejects.toMatchObject({
      code: 'debtor.codeLimit',
    });
    const sent = await ctx.handle.db.select().from(smsMessages).where(eq(smsMessages.caseId, row.id));
    expect(sent).toHaveLength(10);
  });
});
