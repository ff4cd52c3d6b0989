// The page of one call shows the machine's record as the dialer sent it (the number masked),
// the rulebook's verdict on it, whether it is a shadow contact (made, never logged), the
// transcript with the forbidden phrases marked, its inspections, and its recording: to the
// making agency, the creditor of its case and staff; anyone else finds nothing. The making
// agency's supervisors attach the recording once, from an upload.
import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { pngPhoto, wavRecording } from '@/db/seed/evidence';
import { callChecks, callInspections, cases } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { describeError } from '../../errors';
import { insertCallRecord } from '../../../testing/call-records';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { workingCases } from '../../../testing/work';
import { callerAs, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);

/** A call on agencyA's case three hours ago, nobody logged it, its transcript threatening, checked and inspected. */
const flaggedCall = async () => {
  const { caseId, row } = await workingCases(ctx.w, 1);
  await ctx.handle.db.update(cases).set({ timeZone: 'Asia/Urumqi' }).where(eq(cases.id, caseId));
  const call = await insertCallRecord(ctx.w, {
    caseId,
    transcript: '坐席：今天再不还钱，我就弄 死 你。债务人：你这是威胁。',
  });
  await ctx.handle.db.insert(callChecks).values({
    recordId: call.id,
    agencyId: call.agencyId,
    creditorId: row?.creditorId ?? '',
    caseId,
    agentId: call.agentId,
    startedAt: call.startedAt,
    ruleVersion: 1,
    violations: [{ rule: 'window', values: { next: '2026-05-02 08:00' } }],
    flags: [{ rule: 'forbiddenPhrase', values: { phrase: '弄死你', family: '暴力威胁', familyEn: 'Violence' } }],
  });
  await ctx.handle.db.insert(callInspections).values({
    recordId: call.id,
    agencyId: call.agencyId,
    caseId,
    agentId: call.agentId,
    formVersion: 1,
    side: 'platform',
    inspectorOrgId: ctx.w.orgs.platform.id,
    inspectorId: ctx.w.users['platform.auditor'].id,
    scores: [{ key: 'noThreat', passed: false, note: '威胁人身安全' }],
    scoreBp: 0,
    fatalFailed: ['noThreat'],
    sampleReason: 'flagged',
  });
  return { call, caseId };
};

describe('callEvidence.get', () => {
  it('shows the creditor the record, its verdict, the shadow flag, the marked transcript and the inspection', async () => {
    const { call, caseId } = await flaggedCall();
    const page = await (await as('creditorA.viewer')).callEvidence.get({ recordId: call.id });
    expect(page).toMatchObject({
      id: call.id,
      kind: 'call',
      direction: 'outbound',
      partyMasked: call.partyMasked,
      agencyName: ctx.w.orgs.agencyA.name,
      agent: { name: ctx.w.users['agencyA.collector'].name },
      disposition: 'answered',
      durationS: 95,
      timeZone: 'Asia/Urumqi',
      case: { id: caseId, target: 'debtor', partyNo: 0, canOpen: true },
      check: { ruleVersion: 1, violations: [{ rule: 'window' }], flags: [{ rule: 'forbiddenPhrase' }] },
      isShadow: true,
      recording: null,
      canAttachRecording: false,
    });
    expect(page.partyMasked).toMatch(/\*{4}/);
    expect(page.transcript?.filter((p) => p.hit).map((p) => p.text)).toEqual(['弄 死 你']);
    expect(page.inspections).toMatchObject([
      {
        side: 'platform',
        inspectorName: ctx.w.users['platform.auditor'].name,
        scoreBp: 0,
        fatalFailed: [{ key: 'noThreat', label: { 'zh-CN': expect.any(String), en: expect.any(String) } }],
      },
    ]);
  });

  it('answers NOT_FOUND to another creditor and another agency, and to a collector of neither the call nor the case', async () => {
    const { call } = await flaggedCall();
    for (const who of ['creditorB.admin', 'agencyB.admin'] as const)
      await expect((await as(who)).callEvidence.get({ recordId: call.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    const unmatched = await insertCallRecord(ctx.w, { caseId: null, agentId: ctx.w.users['agencyA.supervisor'].id });
    await expect((await as('agencyA.collector')).callEvidence.get({ recordId: unmatched.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await (await as('agencyA.supervisor')).callEvidence.get({ recordId: unmatched.id })).toMatchObject({
      case: null,
      timeZone: 'Asia/Shanghai',
      isShadow: false,
      canAttachRecording: true,
    });
  });
});

describe('callEvidence.attachRecording', () => {
  it('attaches the supervisor’s uploaded audio once; the page then plays it', async () => {
    const { call } = await flaggedCall();
    const supervisor = await as('agencyA.supervisor');
    expect((await supervisor.callEvidence.get({ recordId: call.id })).canAttachRecording).toBe(true);
    const file = await supervisor.files.upload(new Blob([new Uint8Array(wavRecording(1))]));
    await supervisor.callEvidence.attachRecording({ recordId: call.id, fileId: file.id });
    const page = await (await as('creditorA.viewer')).callEvidence.get({ recordId: call.id });
    expect(page.recording).toMatchObject({ fileId: file.id, mime: 'audio/wav', sha256: file.sha256 });
    expect((await supervisor.callEvidence.get({ recordId: call.id })).canAttachRecording).toBe(false);

    const second = await supervisor.files.upload(new Blob([new Uint8Array(wavRecording(2))]));
    await expect(
      supervisor.callEvidence.attachRecording({ recordId: call.id, fileId: second.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a photo, naming the file', async () => {
    const { call } = await flaggedCall();
    const supervisor = await as('agencyA.supervisor');
    const photo = await supervisor.files.upload(new Blob([new Uint8Array(pngPhoto())]));
    const refused = await supervisor.callEvidence
      .attachRecording({ recordId: call.id, fileId: photo.id })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(describeError('zh-CN', refused as TRPCError).fieldErrors).toEqual({
      fileId: ['录音只接受音频文件（MP3、M4A、WAV、AMR、OGG，按文件内容识别）'],
    });
  });
});
