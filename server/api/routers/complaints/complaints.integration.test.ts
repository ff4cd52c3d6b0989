// Complaints (DESIGN §3): a debtor files on the public page without an account, verified
// against the case by name and the last 4 ID digits without revealing whether the case
// exists; limited per address; the reference C-YYYY-NNNNNN follows it. Staff take it
// received → acknowledged → investigating → awaiting_response → upheld | dismissed →
// closed, each step audited; the agency answers only when asked; others' complaints are
// NOT_FOUND; template text is flagged and still answered.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, complaintEvents, complaints, notifications } from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import { openComplaintEvidence } from '../../../domain/complaints/evidence';
import { openFile } from '../../../domain/files/files';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { solveProof } from '@/lib/proof-of-work';
import {
  filePublicComplaint,
  FILE_LIMIT,
  followComplaint,
  type PublicComplaintInput,
} from '../../../domain/complaints/file';
import { PROOF_AFTER, VERIFY_FAILURES_PER_DAY } from '../../../domain/shared/guessable';
import { issueChallenge } from '../../../domain/shared/proof-of-work';
import { listComplaints } from '../../../domain/complaints/read';
import { getBlobStore } from '../../../storage/store';
import { filePublicFor, publicInputFor, someAddress } from '../../../testing/complaints';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';
import { describeError } from '../../errors';
import type { TRPCError } from '@trpc/server';

const ctx = freshWorldPerTest();
const as = (who: UserKey | null) => callerAs(ctx.handle.db, who ? ctx.w.users[who] : null);
const aCase = async () => {
  const { row } = await workingCases(ctx.w, 2);
  if (!row) throw new Error('no case');
  return row;
};

describe('filing on the public page', () => {
  it('verifies the case by name and last 4 digits, gives a reference, tells the handlers and audits without an actor', async () => {
    const row = await aCase();
    const receipt = await filePublicFor(ctx.w, row);
    expect(receipt.reference).toMatch(/^C-\d{4}-\d{6}$/);
    expect(receipt.ackDueAt.getTime() - receipt.receivedAt.getTime()).toBe(86_400_000);
    expect(receipt.resolutionDueAt.getTime() - receipt.receivedAt.getTime()).toBe(15 * 86_400_000);
    const [saved] = await ctx.handle.db.select().from(complaints).where(eq(complaints.reference, receipt.reference));
    expect(saved).toMatchObject({
      source: 'public',
      status: 'received',
      caseId: row.id,
      agencyId: ctx.w.orgs.agencyA.id,
      creditorId: ctx.w.orgs.creditorA.id,
      category: 'threats',
    });
    // The complainant's number is sealed like a debtor's.
    expect(JSON.stringify(saved?.contactPhone)).not.toContain('13912345678');
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'complaint.file'), eq(auditLog.resourceId, saved?.id ?? '')));
    expect(audit).toMatchObject({ actorUserId: null, orgId: ctx.w.orgs.agencyA.id });
    const told = await ctx.handle.db.select().from(notifications).where(eq(notifications.kind, 'complaint.filed'));
    expect(told.map((n) => n.userId).sort()).toEqual(
      [ctx.w.users['platform.admin'].id, ctx.w.users['platform.complaints'].id].sort(),
    );

    // The complainant follows it by reference and the same digits; the timeline carries no notes.
    const anonymous = await as(null);
    const status = await anonymous.complaints.follow({
      reference: receipt.reference.toLowerCase(),
      idLast4: row.idNumberMasked.slice(-4),
    });
    expect(status).toMatchObject({
      reference: receipt.reference,
      status: 'received',
      outcome: null,
      finding: null,
      steps: [{ kind: 'filed' }],
    });
  });

  it('answers a wrong contract number, a wrong name and wrong digits with the same words', async () => {
    const row = await aCase();
    const anonymous = await as(null);
    const wrongDigit = String((Number(row.idNumberMasked.slice(-2, -1)) + 1) % 10);
    const attempts = [
      publicInputFor(row, { contractNo: `${row.contractNo}-X` }),
      publicInputFor(row, { debtorName: `${row.debtorName}甲` }),
      publicInputFor(row, {
        idLast4: `${row.idNumberMasked.slice(-4, -2)}${wrongDigit}${row.idNumberMasked.slice(-1)}`,
      }),
    ];
    const messages: string[] = [];
    for (const input of attempts) {
      const refused = await anonymous.complaints
        .filePublic(input)
        .catch((e: { message: string; code?: string; data?: { code: string } }) => e);
      expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
      messages.push((refused as { message: string }).message);
    }
    expect(messages).toEqual(['complaint.notVerified', 'complaint.notVerified', 'complaint.notVerified']);
    expect(await ctx.handle.db.select().from(complaints).where(eq(complaints.caseId, row.id))).toHaveLength(0);

    // Following: an unknown reference and wrong digits answer alike.
    const receipt = await filePublicFor(ctx.w, row);
    const unknown = await anonymous.complaints
      .follow({ reference: 'C-2026-999999', idLast4: row.idNumberMasked.slice(-4) })
      .catch((e: Error) => e.message);
    const digits = await anonymous.complaints
      .follow({ reference: receipt.reference, idLast4: '0000' === row.idNumberMasked.slice(-4) ? '1111' : '0000' })
      .catch((e: Error) => e.message);
    expect(unknown).toBe(digits);
  });

  it('refuses the sixth filing from one address in ten minutes', async () => {
    const row = await aCase();
    const address = someAddress();
    const burst = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        filePublicComplaint(ctx.handle.db, address, publicInputFor(row, { idLast4: '0000' })),
      ),
    );
    const codes = burst.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'filed'));
    expect(codes.filter((c) => c === 'complaint.rateLimited')).toHaveLength(100 - FILE_LIMIT.limit);
    expect(
      codes
        .filter((c) => c !== 'complaint.rateLimited')
        .every((c) => c === 'complaint.notVerified' || c === 'complaint.proofRequired'),
    ).toBe(true);
    // Another address is not held up by that one.
    const other = await aCase();
    await expect(filePublicFor(ctx.w, other)).resolves.toMatchObject({ reference: expect.stringMatching(/^C-/) });
  });

  it('never locks the debtor out: wrong guesses stop only the client that makes them, and the contract asks everyone for a proof of work', async () => {
    const row = await aCase();
    // The agency on the case knows the contract number and sees the last digits masked in: it guesses from its own address.
    const agency = someAddress();
    const wrong = publicInputFor(row, { idLast4: row.idNumberMasked.slice(-4) === '0000' ? '1111' : '0000' });
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const attempt = (meta: typeof agency, input: PublicComplaintInput, at: Date) =>
      filePublicComplaint(ctx.handle.db, meta, input, at).catch((e: { code: string }) => e.code);
    const prove = async (at = new Date()) => {
      const { challenge, bits } = issueChallenge(at);
      return { challenge, solution: await solveProof(challenge, bits) };
    };
    for (let i = 0; i < PROOF_AFTER.client; i += 1)
      expect(await attempt(agency, wrong, later(i))).toBe('complaint.notVerified');
    // Its next guess needs a proof of work; with one it is checked (and wrong again).
    expect(await attempt(agency, wrong, later(3))).toBe('complaint.proofRequired');
    for (let i = PROOF_AFTER.client; i < VERIFY_FAILURES_PER_DAY; i += 1)
      expect(await attempt(agency, { ...wrong, proof: await prove(later(11 * i)) }, later(11 * i))).toBe(
        'complaint.notVerified',
      );
    // Five wrong from that address: the contract is not checked for it again today, even with the right digits.
    expect(await attempt(agency, { ...publicInputFor(row), proof: await prove(later(60)) }, later(60))).toBe(
      'complaint.tooManyFailures',
    );

    // The debtor, from home: the contract has been guessed at, so the page brings a proof; the right details file.
    const home = someAddress();
    expect(await attempt(home, publicInputFor(row), later(61))).toBe('complaint.proofRequired');
    const proof = await prove(later(62));
    await expect(
      filePublicComplaint(ctx.handle.db, home, { ...publicInputFor(row), proof }, later(62)),
    ).resolves.toMatchObject({ reference: expect.stringMatching(/^C-/) });
    // A proof is good once, only for the challenge it solved, and only as the server signed it.
    expect(await attempt(someAddress(), { ...publicInputFor(row), proof }, later(63))).toBe('complaint.proofRequired');
    const [payload, signature] = [
      proof.challenge.slice(0, proof.challenge.lastIndexOf('.')),
      proof.challenge.slice(proof.challenge.lastIndexOf('.') + 1),
    ];
    const easier = `${payload.replace(/\.\d+$/, '.1')}.${signature}`;
    expect(
      await attempt(
        someAddress(),
        { ...publicInputFor(row), proof: { challenge: easier, solution: await solveProof(easier, 1) } },
        later(64),
      ),
    ).toBe('complaint.proofRequired');
    expect(
      await attempt(
        someAddress(),
        { ...publicInputFor(row), proof: { challenge: proof.challenge, solution: 'x' } },
        later(65),
      ),
    ).toBe('complaint.proofRequired');
    const stale = await prove(later(62));
    expect(await attempt(someAddress(), { ...publicInputFor(row), proof: stale }, later(73))).toBe(
      'complaint.proofRequired',
    );
  });

  it('following: wrong digits stop only the client that guesses, never the complainant', async () => {
    const row = await aCase();
    const receipt = await filePublicFor(ctx.w, row);
    const guesser = someAddress();
    const wrong = { reference: receipt.reference, idLast4: row.idNumberMasked.slice(-4) === '0000' ? '1111' : '0000' };
    const follow = (meta: typeof guesser, input: Parameters<typeof followComplaint>[2]) =>
      followComplaint(ctx.handle.db, meta, input).catch((e: { code: string }) => e.code);
    const prove = async () => {
      const { challenge, bits } = issueChallenge();
      return { challenge, solution: await solveProof(challenge, bits) };
    };
    for (let i = 0; i < VERIFY_FAILURES_PER_DAY; i += 1) {
      expect(await follow(guesser, { ...wrong, proof: i >= PROOF_AFTER.client ? await prove() : null })).toBe(
        'complaint.notFound',
      );
    }
    expect(
      await follow(guesser, {
        reference: receipt.reference,
        idLast4: row.idNumberMasked.slice(-4),
        proof: await prove(),
      }),
    ).toBe('complaint.tooManyFailures');
    const complainant = someAddress();
    expect(await follow(complainant, { reference: receipt.reference, idLast4: row.idNumberMasked.slice(-4) })).toBe(
      'complaint.proofRequired',
    );
    await expect(
      followComplaint(ctx.handle.db, complainant, {
        reference: receipt.reference,
        idLast4: row.idNumberMasked.slice(-4),
        proof: await prove(),
      }),
    ).resolves.toMatchObject({ reference: receipt.reference, status: 'received' });
  });

  it('keeps evidence uploaded without an account, once, and shows it to staff and the creditor, not the agency', async () => {
    const row = await aCase();
    const anonymous = await as(null);
    const pdf = await anonymous.complaints.uploadEvidence(new Blob([new Uint8Array(samplePdf(['通话录音文字稿']))]));
    expect(pdf.mime).toBe('application/pdf');
    await expect(
      anonymous.complaints.uploadEvidence(new Blob(['#!/bin/sh\nrm -rf /\n'.repeat(400)])),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const receipt = await filePublicFor(ctx.w, row, { evidence: [{ uploadId: pdf.id, fileName: '录音文字稿.pdf' }] });
    // The same upload cannot become another complaint's evidence.
    await expect(
      filePublicFor(ctx.w, row, { evidence: [{ uploadId: pdf.id, fileName: 'again.pdf' }] }),
    ).rejects.toMatchObject({ code: 'complaint.uploadNotFound' });
    const [c] = await ctx.handle.db.select().from(complaints).where(eq(complaints.reference, receipt.reference));
    const detail = await (await as('platform.complaints')).complaints.get({ complaintId: c?.id ?? '' });
    expect(detail.evidence).toEqual([
      expect.objectContaining({ fileName: '录音文字稿.pdf', mime: 'application/pdf', sha256: pdf.sha256 }),
    ]);
    const evidenceId = detail.evidence[0]?.id ?? '';
    const opened = await openComplaintEvidence(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.viewer'),
      evidenceId,
      getBlobStore(),
    );
    expect(opened.file.sha256).toBe(pdf.sha256);
    await expect(
      openComplaintEvidence(ctx.handle.db, await domainCaller(ctx.w, 'agencyA.admin'), evidenceId, getBlobStore()),
    ).rejects.toMatchObject({ code: 'file.notFound' });
    await expect(
      openComplaintEvidence(ctx.handle.db, await domainCaller(ctx.w, 'creditorB.admin'), evidenceId, getBlobStore()),
    ).rejects.toMatchObject({ code: 'file.notFound' });
    // Asked for its answer, the agency reads the complaint, still without the evidence.
    const handler = await as('platform.complaints');
    await handler.complaints.acknowledge({ complaintId: c?.id ?? '', note: '' });
    await handler.complaints.requestResponse({ complaintId: c?.id ?? '', note: '请说明情况' });
    expect((await (await as('agencyA.admin')).complaints.get({ complaintId: c?.id ?? '' })).evidence).toEqual([]);
  });
});

describe('what the agency complained about learns', () => {
  it('sees a complaint only from the moment staff ask for its answer, and never who filed it', async () => {
    const row = await aCase();
    const { id: complaintId, reference } = await filePublicFor(ctx.w, row, {
      relation: 'family',
      complainantName: '李秀英',
    });
    const handler = await as('platform.complaints');
    const listed = async (who: UserKey) =>
      (await (await as(who)).complaints.list({ limit: 100 })).items.some((i) => i.id === complaintId);
    const notYet = async () => {
      for (const who of ['agencyA.admin', 'agencyA.supervisor'] as const) {
        await expect((await as(who)).complaints.get({ complaintId })).rejects.toMatchObject({
          code: 'NOT_FOUND',
          cause: { code: 'complaint.notFound' },
        });
        expect(await listed(who)).toBe(false);
      }
    };
    // Received, acknowledged, under investigation: staff have not asked the agency anything yet.
    await notYet();
    await handler.complaints.acknowledge({ complaintId, note: '已联系投诉人' });
    await notYet();
    await handler.complaints.investigate({ complaintId, note: '调取录音' });
    await notYet();
    expect(
      await listComplaints(
        ctx.handle.db,
        await domainCaller(ctx.w, 'agencyA.admin'),
        { limit: 100, isOverdueOnly: true },
        new Date(Date.now() + 16 * 86_400_000),
      ),
    ).toMatchObject({ items: [] });

    await handler.complaints.requestResponse({ complaintId, note: '请说明 3 月 5 日通话情况' });
    const agency = await as('agencyA.supervisor');
    const seen = await agency.complaints.get({ complaintId });
    expect(seen).toMatchObject({
      reference,
      status: 'awaiting_response',
      source: null,
      relation: null,
      complainantName: null,
      contactPhone: null,
    });
    expect(JSON.stringify(seen)).not.toContain('李秀英');
    expect(JSON.stringify(seen)).not.toContain('family');
    expect(await listed('agencyA.admin')).toBe(true);
    expect((await agency.complaints.list({ limit: 100 })).items.find((i) => i.id === complaintId)).toMatchObject({
      source: null,
    });
    // Once answered, it stays readable through the decision.
    await agency.complaints.respond({ complaintId, response: '经核查录音，催收员用语规范，未提及家人。' });
    await handler.complaints.decide({
      complaintId,
      outcome: 'dismissed',
      finding: '录音显示通话内容正常，投诉不成立。',
    });
    expect(await agency.complaints.get({ complaintId })).toMatchObject({
      status: 'dismissed',
      relation: null,
      complainantName: null,
    });
  });

  it('does not tell the agency that its creditor complained', async () => {
    const row = await aCase();
    const filed = await (
      await as('creditorA.manager')
    ).complaints.file({
      caseId: row.id,
      agencyId: null,
      category: 'privacy',
      description: '处置机构向借款人同事透露欠款信息，违反保密约定。',
      evidence: [],
    });
    await expect((await as('agencyA.admin')).complaints.get({ complaintId: filed.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const handler = await as('platform.complaints');
    await handler.complaints.acknowledge({ complaintId: filed.id, note: '' });
    await handler.complaints.requestResponse({ complaintId: filed.id, note: '请说明情况' });
    const seen = await (await as('agencyA.admin')).complaints.get({ complaintId: filed.id });
    expect(seen).toMatchObject({ source: null, relation: null, complainantName: null, creditorName: null });
    expect(JSON.stringify(seen)).not.toContain(ctx.w.users['creditorA.manager'].name);
  });
});

describe('handling a complaint', () => {
  it('goes received → acknowledged → awaiting the agency → answered → upheld → closed, each step audited and told', async () => {
    const row = await aCase();
    const receipt = await filePublicFor(ctx.w, row);
    const [c] = await ctx.handle.db.select().from(complaints).where(eq(complaints.reference, receipt.reference));
    const complaintId = c?.id ?? '';
    const handler = await as('platform.complaints');
    const agency = await as('agencyA.supervisor');

    // The agency may not answer before it is asked: until then the complaint does not exist for it.
    await expect(
      agency.complaints.respond({ complaintId, response: '我司已调取录音核实情况，正在处理。' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      handler.complaints.decide({ complaintId, outcome: 'upheld', finding: '未确认即作结论' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The handler calls back: the full number, for a reason, audited; the agency never gets it.
    expect(await handler.complaints.revealContact({ complaintId, reason: '回电核实投诉经过' })).toEqual({
      value: '13912345678',
    });
    await expect(agency.complaints.revealContact({ complaintId, reason: '想知道是谁投诉' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(handler.complaints.revealContact({ complaintId, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await handler.complaints.acknowledge({ complaintId, note: '已电话联系投诉人' })).toMatchObject({
      status: 'acknowledged',
    });
    const again = await handler.complaints.acknowledge({ complaintId, note: '' }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT' });
    // The refusal names the status in the reader's words, never the raw value.
    expect(describeError('zh-CN', again as TRPCError).message).toBe('投诉当前为“已确认”状态，不能进行这一步');
    expect(describeError('en', again as TRPCError).message).toBe(
      'The complaint is “Acknowledged”: this step is not possible now',
    );
    const asked = await handler.complaints.requestResponse({ complaintId, note: '请提供 3 月 5 日的通话录音' });
    expect(asked.status).toBe('awaiting_response');
    expect(asked.responseDueAt).toBeInstanceOf(Date);
    const agencyTold = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'complaint.responseRequested'),
          eq(notifications.link, `/agency/complaints/${complaintId}`),
        ),
      );
    expect(agencyTold.map((n) => n.userId).sort()).toEqual(
      [ctx.w.users['agencyA.admin'].id, ctx.w.users['agencyA.supervisor'].id].sort(),
    );

    // What the agency reads: no complainant name, no evidence, no handler notes.
    const seen = await agency.complaints.get({ complaintId });
    expect(seen).toMatchObject({
      complainantName: null,
      contactPhone: null,
      creditorName: null,
      caseId: null,
      handlerName: null,
      evidence: [],
    });
    // It reads what staff asked of it, not their other notes.
    expect(seen.events.map((e) => [e.kind, e.note])).toEqual([
      ['filed', ''],
      ['acknowledged', ''],
      ['response_requested', '请提供 3 月 5 日的通话录音'],
    ]);
    expect(seen.events.every((e) => e.actorName === null)).toBe(true);
    await expect((await as('agencyB.admin')).complaints.get({ complaintId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await as('agencyB.admin')).complaints.respond({ complaintId, response: '不是我们的案件，与我司无关。' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(
      await agency.complaints.respond({
        complaintId,
        response: '经核查录音，催收员言语不当，已停止其作业并进行培训。',
      }),
    ).toMatchObject({ status: 'investigating' });
    const extended = await handler.complaints.extend({ complaintId, reason: '需调取运营商通话记录' });
    expect(extended.resolutionDueAt.getTime() - receipt.receivedAt.getTime()).toBe(30 * 86_400_000);
    await expect(handler.complaints.extend({ complaintId, reason: '再延长一次' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await handler.complaints.decide({
        complaintId,
        outcome: 'upheld',
        finding: '录音证实催收员以上门找家人相威胁，投诉成立。',
      }),
    ).toMatchObject({ status: 'upheld', outcome: 'upheld' });
    await expect(
      handler.complaints.decide({ complaintId, outcome: 'dismissed', finding: '改判不成立' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await handler.complaints.close({ complaintId, note: '' })).toMatchObject({
      status: 'closed',
      outcome: 'upheld',
    });

    const actions = (
      await ctx.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.resourceId, complaintId))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(actions).toEqual([
      'complaint.file',
      'complaint.reveal',
      'complaint.acknowledge',
      'complaint.requestResponse',
      'complaint.respond',
      'complaint.extend',
      'complaint.decide',
      'complaint.close',
    ]);
    const creditorTold = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'complaint.decided'), eq(notifications.userId, ctx.w.users['creditorA.manager'].id)),
      );
    expect(creditorTold).toHaveLength(1);

    // The complainant reads the outcome and the finding.
    const status = await (
      await as(null)
    ).complaints.follow({ reference: receipt.reference, idLast4: row.idNumberMasked.slice(-4) });
    expect(status).toMatchObject({
      status: 'closed',
      outcome: 'upheld',
      finding: '录音证实催收员以上门找家人相威胁，投诉成立。',
    });
    expect(status.steps.map((s) => s.kind)).toEqual([
      'filed',
      'acknowledged',
      'response_requested',
      'extended',
      'upheld',
      'closed',
    ]);

    // The timeline is evidence: the database refuses to change it.
    const APPEND_ONLY = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(
      ctx.handle.db.execute(sql`update complaint_events set note = 'x' where complaint_id = ${complaintId}`),
    ).rejects.toMatchObject(APPEND_ONLY);
    await expect(
      ctx.handle.db.execute(sql`delete from complaint_events where complaint_id = ${complaintId}`),
    ).rejects.toMatchObject(APPEND_ONLY);
    expect(
      await ctx.handle.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)),
    ).toHaveLength(7);
  });

  it('lets creditors file about their own cases and staff about any agency; lists only what each may read', async () => {
    const row = await aCase();
    const creditor = await as('creditorA.manager');
    const mine = await creditor.complaints.file({
      caseId: row.id,
      agencyId: null,
      category: 'privacy',
      description: '处置机构向借款人同事透露欠款信息，违反保密约定。',
      evidence: [],
    });
    expect(mine.reference).toMatch(/^C-\d{4}-\d{6}$/);
    const byContract = await creditor.complaints.file({
      caseId: null,
      contractNo: row.contractNo,
      agencyId: null,
      category: 'harassment',
      description: '同一案件一天内被拨打十余次，远超约定频次。',
      evidence: [],
    });
    await expect(
      (await as('creditorB.admin')).complaints.file({
        caseId: null,
        contractNo: row.contractNo,
        agencyId: null,
        category: 'harassment',
        description: '别家委托方按合同编号投诉本案。',
        evidence: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await as('creditorB.admin')).complaints.file({
        caseId: row.id,
        agencyId: null,
        category: 'privacy',
        description: '试图投诉别家委托方的案件。',
        evidence: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const staff = await (
      await as('platform.auditor')
    ).complaints.file({
      caseId: null,
      agencyId: ctx.w.orgs.agencyB.id,
      category: 'other',
      description: '稽核发现外访记录与录音不符，需进一步调查。',
      evidence: [],
    });
    await expect(
      (await as('platform.auditor')).complaints.file({
        caseId: null,
        agencyId: ctx.w.orgs.creditorB.id,
        category: 'other',
        description: '对象不是处置机构，应当被拒绝。',
        evidence: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Earlier tests' complaints share the database: look at this test's two only.
    const ours = new Set([mine.id, byContract.id, staff.id]);
    const ids = async (who: UserKey) =>
      (await (await as(who)).complaints.list({ limit: 100 })).items.map((i) => i.id).filter((id) => ours.has(id));
    expect(await ids('creditorA.viewer')).toEqual([byContract.id, mine.id]);
    expect(await ids('creditorB.admin')).toEqual([]);
    // The agency sees a complaint about it once staff ask for its answer.
    expect(await ids('agencyA.admin')).toEqual([]);
    expect(await ids('agencyB.supervisor')).toEqual([]);
    const handler = await as('platform.complaints');
    for (const id of [mine.id, staff.id]) {
      await handler.complaints.acknowledge({ complaintId: id, note: '' });
      await handler.complaints.requestResponse({ complaintId: id, note: '请说明情况' });
    }
    expect(await ids('agencyA.admin')).toEqual([mine.id]);
    expect(await ids('agencyB.supervisor')).toEqual([staff.id]);
    expect((await ids('platform.complaints')).sort()).toEqual([mine.id, byContract.id, staff.id].sort());
    await expect((await as('creditorB.admin')).complaints.get({ complaintId: mine.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('flags a near-duplicate of an earlier complaint and still takes it; highlights what is overdue', async () => {
    const row = await aCase();
    const text =
      '自称是法院执行局的工作人员，说我已经被列为失信被执行人，三天内不还款就要冻结我全家的银行卡并上门拘留。';
    const first = await filePublicFor(ctx.w, row, { category: 'impersonation', description: text });
    const second = await filePublicFor(ctx.w, row, {
      category: 'impersonation',
      description: `${text.replace('三天', '3天')}！！`,
    });
    const staff = await domainCaller(ctx.w, 'platform.complaints');
    const list = await listComplaints(ctx.handle.db, staff, { limit: 100, category: 'impersonation' });
    const byRef = new Map(list.items.map((i) => [i.reference, i]));
    expect(byRef.get(second.reference)).toMatchObject({ isNearDuplicate: true, status: 'received' });
    expect(byRef.get(first.reference)).toMatchObject({ isNearDuplicate: false });
    const [c2] = await ctx.handle.db.select().from(complaints).where(eq(complaints.reference, second.reference));
    const detail = await (await as('platform.complaints')).complaints.get({ complaintId: c2?.id ?? '' });
    expect(detail.similarTo?.reference).toBe(first.reference);
    expect(detail.similarityBp).toBeGreaterThanOrEqual(9_000);

    // Two days on, both wait for acknowledgement past the day; sixteen days on, for resolution too.
    const later = new Date(Date.now() + 2 * 86_400_000);
    const filter = { limit: 100, category: 'impersonation' as const, isOverdueOnly: true };
    const overdue = await listComplaints(ctx.handle.db, staff, filter, later);
    expect(overdue.items.map((i) => i.overdue)).toEqual([['ack'], ['ack']]);
    expect((await listComplaints(ctx.handle.db, staff, filter)).items).toEqual([]);
    const muchLater = await listComplaints(ctx.handle.db, staff, filter, new Date(Date.now() + 16 * 86_400_000));
    expect(muchLater.items[0]?.overdue).toEqual(['ack', 'resolution']);
  });

  it('exports each portal’s complaint list with its filters', async () => {
    const row = await aCase();
    const receipt = await filePublicFor(ctx.w, row, {
      category: 'privacy',
      description: '催收员把我的欠款截图发到了我们公司的工作群里，全公司都知道了。',
    });
    const handler = await as('platform.complaints');
    const exportsBefore = async (who: UserKey) => (await read(who)).some((l) => l.startsWith(receipt.reference));
    const read = async (who: UserKey) => {
      const caller = await as(who);
      const started = await caller.exports.start({
        list: 'complaints',
        format: 'csv',
        filters: { category: 'privacy' },
      });
      await drainJobs(ctx.handle.db, JOB_HANDLERS);
      const done = await caller.exports.get({ exportId: started.id });
      const { stream } = await openFile(
        ctx.handle.db,
        await domainCaller(ctx.w, who),
        done.fileId ?? '',
        getBlobStore(),
      );
      return new TextDecoder()
        .decode(await new Response(stream).arrayBuffer())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const staffRows = await read('platform.complaints');
    expect(staffRows[0]).toBe('投诉编号,收到时间,来源,投诉类别,合同编号,处置机构,委托方,状态,下一期限,逾期');
    expect(staffRows.find((l) => l.startsWith(receipt.reference))).toContain('泄露个人信息');
    // Not in the agency's export until staff ask for its answer; then without the creditor or the source.
    expect(await exportsBefore('agencyA.admin')).toBe(false);
    await handler.complaints.acknowledge({ complaintId: receipt.id, note: '' });
    await handler.complaints.requestResponse({ complaintId: receipt.id, note: '请说明情况' });
    const agencyRows = await read('agencyA.admin');
    expect(agencyRows.find((l) => l.startsWith(receipt.reference))).not.toContain(ctx.w.orgs.creditorA.name);
    expect(agencyRows.find((l) => l.startsWith(receipt.reference))).not.toContain('借款人投诉');
    expect((await read('agencyB.admin')).some((l) => l.startsWith(receipt.reference))).toBe(false);
    await expect(
      (await as('agencyA.collector')).exports.start({ list: 'complaints', format: 'csv', filters: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives parallel filings distinct references', async () => {
    const row = await aCase();
    const receipts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        filePublicFor(ctx.w, row, {
          description: `第 ${i} 次投诉：催收员在夜里十一点打电话，内容各不相同 ${'甲乙丙丁戊'.repeat(i + 1)}`,
        }),
      ),
    );
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(5);
  });
});
