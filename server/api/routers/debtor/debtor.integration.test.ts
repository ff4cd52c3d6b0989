// The debtor's page through tRPC (issue 20): the code confirmed sets an HttpOnly session
// cookie (the token never in the answer); the overview reads the case of that session only:
// the creditor, the amounts as of today, the agency and the collector's work number (no
// name), the last 7 days' contacts by channel (an unlogged dialer call counted too).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, caseHolds, cases, users } from '@/db/schema';
import { DEBTOR_COOKIE } from '@/lib/debtor';
import { callItem, numbersOfCase, sendCalls } from '../../../testing/calls';
import { detailsOf, lastSmsOf } from '../../../testing/debtor';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { canContact, logAction } from '../../../domain/work/actions';
import { getWorkCase } from '../../../domain/work/case-page';
import { getCaseRecord } from '../../../domain/work/record';
import { openHoldDocument } from '../../../domain/complaints/evidence';
import { getBlobStore } from '../../../storage/store';
import { filePublicFor } from '../../../testing/complaints';
import { samplePdf } from '@/db/seed/sample-pdf';

const ctx = freshWorldPerTest();

const signInAsDebtor = async (row: typeof cases.$inferSelect) => {
  const cookies: string[] = [];
  const anonymous = await callerAs(ctx.handle.db, null, 'zh-CN', { token: null, cookies });
  const { ticket, numbers } = await anonymous.debtor.verify(detailsOf(row));
  const sent = await anonymous.debtor.sendCode({ ticket, index: numbers[0]?.index ?? 0 });
  const { params } = await lastSmsOf(ctx.w, row.id);
  const confirmed = await anonymous.debtor.confirm({ ticket, codeId: sent.codeId, code: params.code ?? '' });
  return { confirmed, cookies };
};
const tokenIn = (cookie: string) => new RegExp(`^${DEBTOR_COOKIE}=([^;]+);`).exec(cookie)?.[1] ?? null;

describe('the debtor’s session', () => {
  it('comes as an HttpOnly, SameSite=Strict cookie for 30 minutes, never in the answer; leaving removes it', async () => {
    const { row } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    const { confirmed, cookies } = await signInAsDebtor(row);
    expect(Object.keys(confirmed)).toEqual(['expiresAt']);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=1800$/);
    const token = tokenIn(cookies[0] ?? '');
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token, cookies });
    expect((await debtor.debtor.overview()).contractNo).toBe(row.contractNo);
    await debtor.debtor.signOut();
    expect(cookies[1]).toMatch(new RegExp(`^${DEBTOR_COOKIE}=; .*Max-Age=0$`));
    await expect(debtor.debtor.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('what the debtor sees', () => {
  it('the creditor, amounts as of today, the agency and the collector’s work number, the week’s contacts by channel', async () => {
    const { row, caseId } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    // A logged call this morning and a dialer's call nobody logged yesterday.
    await logAction(
      ctx.handle.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      morning('09:00:00'),
    );
    const party = (await numbersOfCase(ctx.w, caseId)).debtor[0] ?? '';
    await sendCalls(ctx.w, [callItem(party, morning('15:00:00', -1))]);
    const { cookies } = await signInAsDebtor(row);
    const debtor = await callerAs(ctx.handle.db, null, 'en', { token: tokenIn(cookies[0] ?? '') });
    const seen = await debtor.debtor.overview();
    const [collectorRow] = await ctx.handle.db
      .select({ workNo: users.workNo, name: users.name })
      .from(users)
      .where(eq(users.id, ctx.w.users['agencyA.collector'].id));
    expect(seen).toMatchObject({
      contractNo: row.contractNo,
      creditorName: ctx.w.orgs.creditorA.name,
      amountOverdue: row.amountOverdue,
      principalOutstanding: row.principalOutstanding,
      daysOverdue: 40,
      agency: { name: ctx.w.orgs.agencyA.name, status: 'active', collectorWorkNo: collectorRow?.workNo },
      rules: { windowStartMinutes: 480, windowEndMinutes: 1320 },
    });
    expect(seen.contacts).toEqual([{ channel: 'call', count: 2 }]);
    // The collector's name is not on the page.
    expect(JSON.stringify(seen)).not.toContain(collectorRow?.name ?? '—');
  });
});

describe('a dispute from the debtor’s page', () => {
  it('pauses every agency’s contact with the dispute rule until the creditor answers; the agency sees the pause, not the reason', async () => {
    const { row, caseId } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    const { cookies } = await signInAsDebtor(row);
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token: tokenIn(cookies[0] ?? '') });
    const reason = '这笔借款我已经在去年全部还清，有银行转账记录。';
    const filed = await debtor.debtor.dispute({ reason });
    expect((await debtor.debtor.overview()).hold).toMatchObject({ kind: 'dispute', origin: 'debtor' });
    // Once is enough: a second dispute waits for the answer to the first.
    await expect(debtor.debtor.dispute({ reason })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The collector's next call is refused with the dispute rule.
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const verdict = await canContact(ctx.handle.db, collector, { caseId, channel: 'call', target: 'debtor', index: 0 });
    expect(verdict.violations.map((v) => v.rule)).toContain('caseDisputed');
    // The agency reads that collection is paused, raised by the debtor, without the reason; the creditor reads it.
    const agencyView = await getWorkCase(ctx.handle.db, collector, caseId);
    expect(agencyView.holds).toEqual([expect.objectContaining({ id: filed.holdId, origin: 'debtor', note: '' })]);
    const creditor = await domainCaller(ctx.w, 'creditorA.manager');
    const record = await getCaseRecord(ctx.handle.db, creditor, caseId);
    expect(record.holds).toEqual([expect.objectContaining({ id: filed.holdId, note: reason, status: 'open' })]);
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'debtor.dispute'), eq(auditLog.resourceId, caseId)));
    expect(audit).toMatchObject({ actorUserId: null, orgId: ctx.w.orgs.creditorA.id });
  });

  it('keeps the debtor’s document for the creditor and staff, not the agency; an upload attaches once', async () => {
    const { row, caseId } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    const { cookies } = await signInAsDebtor(row);
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token: tokenIn(cookies[0] ?? '') });
    const pdf = await debtor.complaints.uploadEvidence(new Blob([new Uint8Array(samplePdf(['银行转账回单']))]));
    // An upload that does not exist, or another's, is named by its field and nothing is written.
    await expect(
      debtor.debtor.dispute({
        reason: '这笔借款我去年已经全部还清，附银行回单。',
        document: { uploadId: '00000000-0000-4000-8000-000000000000', fileName: 'x.pdf' },
      }),
    ).rejects.toMatchObject({ cause: { code: 'complaint.uploadNotFound', details: { field: 'document' } } });
    expect(await ctx.handle.db.select().from(caseHolds).where(eq(caseHolds.caseId, caseId))).toEqual([]);
    const filed = await debtor.debtor.dispute({
      reason: '这笔借款我去年已经全部还清，附银行回单。',
      document: { uploadId: pdf.id, fileName: '还款回单.pdf' },
    });
    const creditor = await domainCaller(ctx.w, 'creditorA.manager');
    const record = await getCaseRecord(ctx.handle.db, creditor, caseId);
    expect(record.holds[0]).toMatchObject({ id: filed.holdId, documentName: '还款回单.pdf' });
    const opened = await openHoldDocument(ctx.handle.db, creditor, filed.holdId, getBlobStore());
    expect(opened.file).toMatchObject({ sha256: pdf.sha256, mime: 'application/pdf' });
    const staff = await domainCaller(ctx.w, 'platform.complaints');
    expect((await openHoldDocument(ctx.handle.db, staff, filed.holdId, getBlobStore())).file.sha256).toBe(pdf.sha256);
    // The agency reads the pause, not the document; another creditor finds nothing.
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    expect((await getWorkCase(ctx.handle.db, collector, caseId)).holds[0]).toMatchObject({ documentName: null });
    for (const who of ['agencyA.admin', 'creditorB.admin'] as const)
      await expect(
        openHoldDocument(ctx.handle.db, await domainCaller(ctx.w, who), filed.holdId, getBlobStore()),
      ).rejects.toMatchObject({ code: 'file.notFound' });
    // The same upload cannot also become a complaint's evidence.
    await expect(
      filePublicFor(ctx.w, row, { evidence: [{ uploadId: pdf.id, fileName: 'again.pdf' }] }),
    ).rejects.toMatchObject({ code: 'complaint.uploadNotFound' });
  });

  it('is refused on a settled case, and names the reason field when it is too short', async () => {
    const { row } = await workingCases(ctx.w, 2);
    if (!row) throw new Error('no case');
    const { cookies } = await signInAsDebtor(row);
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token: tokenIn(cookies[0] ?? '') });
    await expect(debtor.debtor.dispute({ reason: '不对' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await ctx.handle.db.update(cases).set({ status: 'settled' }).where(eq(cases.id, row.id));
    await expect(debtor.debtor.dispute({ reason: '这笔借款我已经在去年全部还清。' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await ctx.handle.db.select().from(caseHolds).where(eq(caseHolds.caseId, row.id))).toEqual([]);
  });
});
