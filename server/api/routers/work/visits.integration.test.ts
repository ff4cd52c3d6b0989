// Field visits (外访) and their evidence (催迹), DESIGN §4 and NIFA 2018: only agencies
// admitted with field-evidence capture, at least two named staff, inside the window; the
// record is a server-stamped action; photos, audio and video stored by hash, typed from
// their bytes; audio and video missing a day later raise a flag once; the creditor and
// platform staff read the evidence, its hash checked when served; records never change.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  admissionApplications,
  auditLog,
  caseActions,
  caseFlags,
  cases,
  fieldVisits,
  fieldVisitStaff,
  notifications,
  visitEvidence,
} from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import { openFile, uploadFile } from '../../../domain/files/files';
import {
  attachEvidence,
  cancelVisit,
  flagMissingVisitEvidence,
  planVisit,
  recordVisit,
  type PlanVisitInput,
} from '../../../domain/work/visits';
import { logAction } from '../../../domain/work/actions';
import { bytesStream } from '../../../storage/ingest';
import { getBlobStore, type BlobStore } from '../../../storage/store';
import { mp4Video, pngPhoto, wavRecording } from '@/db/seed/evidence';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { dayAfterTomorrow, middayZone, morning, visitableCases, workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';
import { describeError, toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const zh = (e: unknown) => describeError('zh-CN', toTRPCError(e as never)).message;
const as = (who: UserKey) => domainCaller(ctx.w, who);
const staff = () => [ctx.w.users['agencyA.collector'].id, ctx.w.users['agencyA.supervisor'].id];
const DAY2 = 2;
/** Planned the day after tomorrow at 10:00 Beijing time, asked for today at 09:00. */
const plan = async (caseId: string, over: Partial<PlanVisitInput> = {}) =>
  planVisit(
    ctx.handle.db,
    await as('agencyA.collector'),
    {
      caseId,
      date: dayAfterTomorrow(),
      time: '10:00',
      staffIds: staff(),
      address: '广州市天河区体育西路 100 号',
      purpose: '核实居住情况，面谈还款',
      ...over,
    },
    morning('09:00:00'),
  );
const upload = async (bytes: Uint8Array, who: UserKey = 'agencyA.collector') =>
  uploadFile(ctx.handle.db, await as(who), bytesStream(bytes), getBlobStore());
/** A visit planned and recorded the day after tomorrow at 10:05. */
const recorded = async () => {
  const { caseId } = await visitableCases(ctx.w);
  const visit = await plan(caseId);
  const done = await recordVisit(
    ctx.handle.db,
    await as('agencyA.collector'),
    { visitId: visit.id, outcome: 'answered', note: '见到本人，承诺下周筹款' },
    morning('10:05:00', DAY2),
  );
  return { caseId, visit: done };
};

describe('planning a visit', () => {
  it('plans with two named staff inside the window, audited', async () => {
    const { caseId } = await visitableCases(ctx.w);
    const visit = await plan(caseId);
    expect(visit).toMatchObject({ status: 'planned', plannedFor: new Date(`${dayAfterTomorrow()}T10:00:00+08:00`) });
    expect(
      (await ctx.handle.db.select().from(fieldVisitStaff).where(eq(fieldVisitStaff.visitId, visit.id))).length,
    ).toBe(2);
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'visit.plan'), eq(auditLog.resourceId, caseId)));
    expect(audit?.after).toMatchObject({ visitId: visit.id, staff: staff() });
  });

  it('refuses one person, a stranger, 22:00, the past, after the term, and a package without visits, each naming its field', async () => {
    const { caseId } = await visitableCases(ctx.w);
    const one = await plan(caseId, {
      staffIds: [ctx.w.users['agencyA.collector'].id, ctx.w.users['agencyA.collector'].id],
    }).catch((e: unknown) => e);
    expect(one).toMatchObject({ code: 'visit.staffTooFew', details: { field: 'staffIds' } });
    expect(zh(one)).toBe('外访须由至少 2 名本机构人员进行');
    await expect(
      plan(caseId, { staffIds: [ctx.w.users['agencyA.collector'].id, ctx.w.users['agencyB.collector'].id] }),
    ).rejects.toMatchObject({ code: 'visit.staffNotFound', details: { field: 'staffIds' } });
    const late = await plan(caseId, { time: '22:00' }).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'rules.window', details: { field: 'time' } });
    await plan(caseId, { time: '21:59' });
    await expect(plan(caseId, { date: '2020-01-01' })).rejects.toMatchObject({
      code: 'visit.notFuture',
      details: { field: 'date' },
    });
    await expect(plan(caseId, { date: '2099-01-01' })).rejects.toMatchObject({
      code: 'visit.afterCommission',
      details: { field: 'date' },
    });
    const { caseId: noVisits } = await workingCases(ctx.w, 2);
    await expect(plan(noVisits)).rejects.toMatchObject({ code: 'rules.channelNotAllowed' });
    expect(await ctx.handle.db.select().from(fieldVisits).where(eq(fieldVisits.caseId, caseId))).toHaveLength(1);
  });

  it('refuses an agency admitted without field-evidence capture', async () => {
    const { caseId } = await visitableCases(ctx.w);
    await ctx.handle.db
      .update(admissionApplications)
      .set({ sections: { systems: { hasFieldEvidenceCapture: false } } })
      .where(eq(admissionApplications.orgId, ctx.w.orgs.agencyA.id));
    const e = await plan(caseId).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'visit.noCapability' });
    expect(zh(e)).toBe('本机构准入时未申报外访取证能力，不能安排外访');
  });
});

describe('recording a visit and its evidence', () => {
  it('records the visit as a server-stamped action and takes a photo, a recording and a video', async () => {
    const { caseId, visit } = await recorded();
    expect(visit).toMatchObject({ status: 'visited', visitedAt: morning('10:05:00', DAY2) });
    const [action] = await ctx.handle.db
      .select()
      .from(caseActions)
      .where(eq(caseActions.id, visit.actionId ?? ''));
    expect(action).toMatchObject({ channel: 'visit', outcome: 'answered', at: morning('10:05:00', DAY2) });
    const me = await as('agencyA.collector');
    for (const [i, [bytes, kind]] of (
      [
        [pngPhoto(), 'photo'],
        [wavRecording(), 'audio'],
        [mp4Video(), 'video'],
      ] as const
    ).entries()) {
      const file = await upload(bytes);
      const e = await attachEvidence(
        ctx.handle.db,
        me,
        { visitId: visit.id, fileId: file.id, fileName: `门口.${kind}` },
        morning(`11:0${i}:00`, DAY2),
      );
      expect(e).toMatchObject({ kind, sha256: file.sha256, late: false });
    }
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.supervisor']);
    const [seen] = await agency.work.visits({ caseId });
    expect(seen?.evidence.map((x) => x.kind)).toEqual(['photo', 'audio', 'video']);
    expect(seen?.staff.map((s) => s.name).sort()).toEqual(['agencyA collector', 'agencyA supervisor']);
  });

  it('refuses a record outside the window, a second record, a record of a cancelled visit, and evidence before the record', async () => {
    const { caseId } = await visitableCases(ctx.w);
    const me = await as('agencyA.collector');
    await expect(
      logAction(
        ctx.handle.db,
        me,
        { caseId, channel: 'visit', target: 'debtor', index: 0, outcome: 'answered', note: '' },
        morning('10:00:00'),
      ),
    ).rejects.toMatchObject({ code: 'visit.planRequired', details: { field: 'channel' } });
    const visit = await plan(caseId);
    await expect(
      attachEvidence(ctx.handle.db, me, {
        visitId: visit.id,
        fileId: (await upload(pngPhoto())).id,
        fileName: 'a.png',
      }),
    ).rejects.toMatchObject({ code: 'visit.notRecorded' });
    await expect(
      recordVisit(ctx.handle.db, me, { visitId: visit.id, outcome: 'answered', note: '' }, morning('23:00:00', DAY2)),
    ).rejects.toMatchObject({ code: 'rules.window' });
    expect((await ctx.handle.db.select().from(fieldVisits).where(eq(fieldVisits.id, visit.id)))[0]?.status).toBe(
      'planned',
    );
    await recordVisit(
      ctx.handle.db,
      me,
      { visitId: visit.id, outcome: 'unanswered', note: '无人应门' },
      morning('10:00:00', DAY2),
    );
    const again = await recordVisit(
      ctx.handle.db,
      me,
      { visitId: visit.id, outcome: 'answered', note: '' },
      morning('10:30:00', DAY2),
    ).catch((e: unknown) => e);
    expect(zh(again)).toBe('这次外访已是“已外访”状态，不能再登记或取消');
    const other = await plan(caseId, { time: '15:00' });
    await cancelVisit(ctx.handle.db, me, { visitId: other.id, reason: '债务人已来电约定到店' });
    await expect(
      recordVisit(ctx.handle.db, me, { visitId: other.id, outcome: 'answered', note: '' }, morning('15:00:00', DAY2)),
    ).rejects.toMatchObject({ code: 'visit.notPlanned' });
  });

  it('refuses evidence that is not a photo, audio or video, the same bytes twice, and another organization’s file', async () => {
    const { visit } = await recorded();
    const me = await as('agencyA.collector');
    const pdf = await upload(samplePdf(['not a photo']));
    await expect(
      attachEvidence(ctx.handle.db, me, { visitId: visit.id, fileId: pdf.id, fileName: '照片.jpg' }),
    ).rejects.toMatchObject({ code: 'evidence.typeNotAllowed', details: { field: 'fileId' } });
    const photo = await upload(pngPhoto(40, 30, 7));
    await attachEvidence(ctx.handle.db, me, { visitId: visit.id, fileId: photo.id, fileName: '1.png' });
    const same = await upload(pngPhoto(40, 30, 7));
    await expect(
      attachEvidence(ctx.handle.db, me, { visitId: visit.id, fileId: same.id, fileName: '2.png' }),
    ).rejects.toMatchObject({ code: 'evidence.duplicate' });
    const theirs = await upload(pngPhoto(40, 30, 9), 'agencyB.collector');
    await expect(
      attachEvidence(ctx.handle.db, me, { visitId: visit.id, fileId: theirs.id, fileName: '3.png' }),
    ).rejects.toMatchObject({ code: 'file.notFound' });
  });

  it('hides another agency’s visit and a recalled case’s visit', async () => {
    const { caseId, visit } = await recorded();
    await expect(
      recordVisit(ctx.handle.db, await as('agencyB.admin'), { visitId: visit.id, outcome: 'answered', note: '' }),
    ).rejects.toMatchObject({ code: 'visit.notFound' });
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    await manager.cases.recall({ caseIds: [caseId], reason: '委托方收回' });
    await expect(
      attachEvidence(ctx.handle.db, await as('agencyA.collector'), {
        visitId: visit.id,
        fileId: (await upload(wavRecording())).id,
        fileName: 'a.wav',
      }),
    ).rejects.toMatchObject({ code: 'visit.notFound' });
  });
});

describe('the creditor and the platform read the evidence', () => {
  it('shows every visit with its evidence to the creditor and auditors; serving checks the hash; others get NOT_FOUND', async () => {
    const { caseId, visit } = await recorded();
    const photo = await upload(pngPhoto());
    await attachEvidence(ctx.handle.db, await as('agencyA.collector'), {
      visitId: visit.id,
      fileId: photo.id,
      fileName: '门牌.png',
    });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const [v] = await creditor.record.visits({ caseId });
    expect(v).toMatchObject({
      agencyName: 'agencyA 机构',
      status: 'visited',
      evidence: [{ kind: 'photo', sha256: photo.sha256, fileName: '门牌.png' }],
    });
    const actions = await creditor.record.actions({ caseId, limit: 10 });
    expect(actions.items[0]).toMatchObject({ channel: 'visit', agencyName: 'agencyA 机构' });

    const served = await openFile(ctx.handle.db, await as('creditorA.viewer'), photo.id, getBlobStore());
    expect(new Uint8Array(await new Response(served.stream).arrayBuffer())).toEqual(pngPhoto());
    const [read] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.read'), eq(auditLog.resourceId, photo.id)));
    expect(read?.after).toEqual({ access: 'evidence' });
    await openFile(ctx.handle.db, await as('platform.auditor'), photo.id, getBlobStore());
    await expect(openFile(ctx.handle.db, await as('creditorB.admin'), photo.id, getBlobStore())).rejects.toMatchObject({
      code: 'file.notFound',
    });
    await expect(openFile(ctx.handle.db, await as('agencyB.admin'), photo.id, getBlobStore())).rejects.toMatchObject({
      code: 'file.notFound',
    });
    await expect(
      openFile(ctx.handle.db, await as('platform.reviewer'), photo.id, getBlobStore()),
    ).rejects.toMatchObject({ code: 'file.notFound' });

    // Bytes changed in storage: refused instead of shown.
    const tampered: BlobStore = { ...getBlobStore(), get: async () => bytesStream(pngPhoto(160, 120, 3)) };
    const e = await openFile(ctx.handle.db, await as('creditorA.viewer'), photo.id, tampered).catch((x: unknown) => x);
    expect(zh(e)).toBe('文件校验失败：存储的内容与登记的 SHA-256 不一致，已拒绝提供');

    // A video too large to hash before serving fails at the end of its stream instead.
    const video = await upload(mp4Video(33 * 1024 * 1024));
    await attachEvidence(ctx.handle.db, await as('agencyA.collector'), {
      visitId: visit.id,
      fileId: video.id,
      fileName: '全程录像.mp4',
    });
    const forgedVideo: BlobStore = {
      ...getBlobStore(),
      get: async () => bytesStream(mp4Video(33 * 1024 * 1024).map((b, i) => (i === 1000 ? b ^ 1 : b))),
    };
    const { stream } = await openFile(ctx.handle.db, await as('creditorA.viewer'), video.id, forgedVideo);
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/do not match/);

    const staffRead = await callerAs(ctx.handle.db, ctx.w.users['platform.complaints']);
    await staffRead.record.case({ caseId });
    expect(
      await ctx.handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'case.read'), eq(auditLog.resourceId, caseId))),
    ).toHaveLength(1);
  });
});

describe('audio and video due within 24 hours', () => {
  it('flags a visit missing audio or video once, a day after it, tells the agency, and still takes late evidence', async () => {
    const { caseId, visit } = await recorded();
    const complete = await recorded();
    const me = await as('agencyA.collector');
    const at = morning('10:05:00', DAY2).getTime();
    const audio = await upload(wavRecording(0.5));
    await attachEvidence(
      ctx.handle.db,
      me,
      { visitId: visit.id, fileId: audio.id, fileName: 'a.wav' },
      new Date(at + 3_600_000),
    );
    for (const bytes of [wavRecording(0.7), mp4Video(5000)]) {
      await attachEvidence(
        ctx.handle.db,
        me,
        { visitId: complete.visit.id, fileId: (await upload(bytes)).id, fileName: 'x' },
        new Date(at + 23 * 3_600_000),
      );
    }
    // Other tests' visits share the database: only these two are looked at.
    const flagsOf = () =>
      ctx.handle.db
        .select()
        .from(caseFlags)
        .where(inArray(caseFlags.visitId, [visit.id, complete.visit.id]));
    await flagMissingVisitEvidence(ctx.handle.db, new Date(at + 23 * 3_600_000));
    expect(await flagsOf()).toEqual([]);
    await flagMissingVisitEvidence(ctx.handle.db, new Date(at + 24 * 3_600_000 + 60_000));
    expect(await flagsOf()).toMatchObject([
      { caseId, visitId: visit.id, rule: 'visitEvidenceMissing', values: { missing: 'video' } },
    ]);
    expect(await flagMissingVisitEvidence(ctx.handle.db, new Date(at + 25 * 3_600_000))).toEqual({ flagged: 0 });
    const told = await ctx.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'visit.evidenceMissing'), eq(notifications.link, `/agency/cases/${caseId}`)));
    expect(told.map((n) => n.userId).sort()).toEqual(
      [ctx.w.users['agencyA.admin'].id, ctx.w.users['agencyA.supervisor'].id].sort(),
    );
    // The video arrives late: taken, marked late; the flag stays.
    const late = await attachEvidence(
      ctx.handle.db,
      me,
      { visitId: visit.id, fileId: (await upload(mp4Video(6000))).id, fileName: 'v.mp4' },
      new Date(at + 26 * 3_600_000),
    );
    expect(late.late).toBe(true);
    expect(await flagMissingVisitEvidence(ctx.handle.db, new Date(at + 27 * 3_600_000))).toEqual({ flagged: 0 });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const [v] = (await creditor.record.visits({ caseId })).filter((x) => x.id === visit.id);
    expect(v?.flags).toMatchObject([{ rule: 'visitEvidenceMissing' }]);
    expect(v?.evidence.map((x) => [x.kind, x.late])).toEqual([
      ['audio', false],
      ['video', true],
    ]);
    // The creditor's live view counts the agency's visits and the flagged one.
    expect(
      (await creditor.oversight.intensity({ days: 30 })).find((r) => r.agencyId === ctx.w.orgs.agencyA.id),
    ).toMatchObject({ visits: 2, visitFlags: 1 });
  });
});

describe('visit lists', () => {
  it('lists a creditor’s visits only, all of them for staff, flagged ones on demand, page by page', async () => {
    const { caseId, visit } = await recorded();
    const other = await recorded();
    await flagMissingVisitEvidence(ctx.handle.db, new Date(morning('10:05:00', DAY2).getTime() + 25 * 3_600_000));
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const mine = await creditor.record.visitList({ limit: 1 });
    expect(mine.items).toHaveLength(1);
    const next = await creditor.record.visitList({ limit: 1, cursor: mine.nextCursor });
    expect([...mine.items, ...next.items].map((v) => v.id).sort()).toEqual([visit.id, other.visit.id].sort());
    expect(mine.items[0]).toMatchObject({
      agencyName: 'agencyA 机构',
      staff: 2,
      photos: 0,
      audio: 0,
      video: 0,
      flags: [{ rule: 'visitEvidenceMissing', values: { missing: 'audio,video' } }],
    });
    expect(mine.items[0]?.debtorName).toMatch(/\*/);
    const otherCreditor = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect((await otherCreditor.record.visitList({ limit: 50 })).items).toEqual([]);
    const staffList = await (
      await callerAs(ctx.handle.db, ctx.w.users['platform.auditor'])
    ).record.visitList({ limit: 100, isFlaggedOnly: true });
    expect(staffList.items.filter((v) => v.caseId === caseId)).toHaveLength(1);
    expect(staffList.items.every((v) => v.flags.length > 0)).toBe(true);
    expect((await creditor.record.visitList({ limit: 50, status: 'planned' })).items).toEqual([]);
  });
});

describe('records never change', () => {
  it('refuses to change or delete evidence, named staff, flags and a recorded visit', async () => {
    const { visit } = await recorded();
    await attachEvidence(
      ctx.handle.db,
      await as('agencyA.collector'),
      { visitId: visit.id, fileId: (await upload(pngPhoto())).id, fileName: 'p.png' },
      morning('10:10:00', DAY2),
    );
    await flagMissingVisitEvidence(ctx.handle.db, new Date(morning('10:05:00', DAY2).getTime() + 25 * 3_600_000));
    const attempts = [
      sql`update ${visitEvidence} set sha256 = 'x' where visit_id = ${visit.id}`,
      sql`delete from ${visitEvidence} where visit_id = ${visit.id}`,
      sql`delete from ${fieldVisitStaff} where visit_id = ${visit.id}`,
      sql`update ${caseFlags} set rule = 'none' where visit_id = ${visit.id}`,
      sql`delete from ${caseFlags} where visit_id = ${visit.id}`,
      sql`update ${fieldVisits} set visited_at = now() where id = ${visit.id}`,
      sql`delete from ${fieldVisits} where id = ${visit.id}`,
    ];
    for (const attempt of attempts) await expect(ctx.handle.db.execute(attempt)).rejects.toThrow();
    expect(await ctx.handle.db.select().from(visitEvidence).where(eq(visitEvidence.visitId, visit.id))).toHaveLength(1);
    expect(
      (
        await ctx.handle.db
          .select({ status: cases.status })
          .from(cases)
          .innerJoin(fieldVisits, eq(fieldVisits.caseId, cases.id))
          .where(eq(fieldVisits.id, visit.id))
      )[0]?.status,
    ).toBe('working');
  });
});

describe('through the procedures at the real time', () => {
  it('plans, records and attaches as a collector in a zone where it is daytime', async () => {
    const { caseId } = await visitableCases(ctx.w);
    await ctx.handle.db.update(cases).set({ timeZone: middayZone() }).where(eq(cases.id, caseId));
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    expect((await collector.work.visitStaff()).map((s) => s.role).sort()).toEqual(['admin', 'collector', 'supervisor']);
    const planned = await collector.work.planVisit({
      caseId,
      date: dayAfterTomorrow(),
      time: '11:00',
      staffIds: staff(),
      address: '深圳市南山区科技园 8 栋',
      purpose: '',
    });
    const done = await collector.work.recordVisit({
      visitId: planned.id,
      outcome: 'promise_to_pay',
      note: '面谈后承诺还款',
      promiseAmount: 100_000,
      promiseDate: dayAfterTomorrow(),
    });
    expect(done.status).toBe('visited');
    const file = await collector.files.upload(wavRecording(0.3));
    expect(
      await collector.work.attachEvidence({ visitId: planned.id, fileId: file.id, fileName: '录音.wav' }),
    ).toMatchObject({ kind: 'audio', mime: 'audio/wav' });
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('ptp');
  });
});
