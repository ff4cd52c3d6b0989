// Debtor data changes found by the agency (失联修复, issue 17 §7): a new number or address
// with its source and optional evidence, sealed and masked like imported numbers, under
// the same rules; the creditor reads it. A number the creditor retires keeps its place:
// the work screen refuses it with a clear reason, and past actions still show it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pngPhoto } from '@/db/seed/evidence';
import { auditLog, caseChanges, cases } from '@/db/schema';
import { recordFinding } from '../../../domain/cases/changes';
import { openFile, uploadFile } from '../../../domain/files/files';
import { logAction } from '../../../domain/work/actions';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { decryptPii } from '../../../pii/crypto';
import { bytesStream } from '../../../storage/ingest';
import { getBlobStore } from '../../../storage/store';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { describeError, toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const caseOf = async (id: string) => (await ctx.handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const finding = { source: 'public_record' as const, note: '工商登记联系电话' };

describe('an agency’s finding', () => {
  it('seals and appends a new number with its source and evidence; the rules and reveals apply; the creditor sees it masked', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    const before = row!.phones.length;
    const me = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const photo = await uploadFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'agencyA.collector'),
      bytesStream(pngPhoto()),
      getBlobStore(),
    );
    const saved = await me.work.recordFinding({
      caseId,
      kind: 'phone',
      phone: '186 1234 5678',
      ...finding,
      evidenceFileId: photo.id,
    });
    expect(saved.field).toBe('phone_added');
    const c = await caseOf(caseId);
    expect(c.phones).toHaveLength(before + 1);
    expect(c.phones.slice(0, before)).toEqual(row!.phones);
    expect(decryptPii(c.phones[before]!.enc)).toBe('18612345678');
    expect(c.phones[before]).toMatchObject({ masked: '186****5678', source: 'public_record' });

    const page = await me.work.case({ caseId });
    expect(page.phones[before]).toMatchObject({ index: before, masked: '186****5678', source: 'public_record' });
    // The same rule engine answers for it, by its own blind index.
    const verdict = await me.work.canContact({ caseId, channel: 'sms', target: 'debtor', index: before });
    expect(verdict).toHaveProperty('allowed');
    const { value } = await me.work.reveal({ caseId, field: 'phone', index: before, reason: '核对新号码' });
    expect(value).toBe('18612345678');

    const history = await ctx.handle.db.select().from(caseChanges).where(eq(caseChanges.caseId, caseId));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      field: 'phone_added',
      source: 'public_record',
      evidenceFileId: photo.id,
      orgId: ctx.w.orgs.agencyA.id,
      note: '工商登记联系电话',
    });
    expect(JSON.stringify(history)).not.toContain('18612345678');
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.changeRecorded'), eq(auditLog.resourceId, caseId)));
    expect(JSON.stringify(audit)).not.toContain('18612345678');

    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const [change] = await creditor.record.changes({ caseId });
    expect(change).toMatchObject({
      field: 'phone_added',
      source: 'public_record',
      newValue: { kind: 'phone', masked: '186****5678', position: before },
      orgName: ctx.w.orgs.agencyA.name,
      evidence: { fileId: photo.id, mime: 'image/png' },
    });
    expect((await me.work.changes({ caseId }))[0]?.id).toBe(change?.id);
    // The evidence is read by whoever reads the case: the creditor yes, another agency not.
    const opened = await openFile(
      ctx.handle.db,
      await domainCaller(ctx.w, 'creditorA.viewer'),
      photo.id,
      getBlobStore(),
    );
    expect(opened.file.sha256).toBe(photo.sha256);
    await opened.stream.cancel();
    await expect(
      openFile(ctx.handle.db, await domainCaller(ctx.w, 'agencyB.admin'), photo.id, getBlobStore()),
    ).rejects.toMatchObject({ code: 'file.notFound' });
    // Another agency cannot read the case's history at all.
    const other = await callerAs(ctx.handle.db, ctx.w.users['agencyB.admin']);
    await expect(other.work.changes({ caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records a new address with the old one in the history', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    const me = await callerAs(ctx.handle.db, ctx.w.users['agencyA.supervisor']);
    await me.work.recordFinding({ caseId, kind: 'address', address: '杭州市滨江区江南大道 100 号', ...finding });
    expect((await caseOf(caseId)).address).toBe('杭州市滨江区江南大道 100 号');
    const [change] = await me.work.changes({ caseId });
    expect(change).toMatchObject({
      oldValue: { kind: 'address', address: row!.address },
      newValue: { kind: 'address', address: '杭州市滨江区江南大道 100 号' },
    });
  });

  it('refuses a number the debtor already uses, or not a mobile, naming the field', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const existing = decryptPii(row!.phones[0]!.enc);
    const dup = await recordFinding(ctx.handle.db, me, { caseId, kind: 'phone', phone: existing, ...finding }).catch(
      (e: unknown) => e,
    );
    expect(dup).toMatchObject({ code: 'caseChange.phoneExists', details: { field: 'phone' } });
    expect(describeError('zh-CN', toTRPCError(dup as never)).message).toBe('债务人已有这个号码，且仍在使用');
    await expect(
      recordFinding(ctx.handle.db, me, { caseId, kind: 'phone', phone: '12345', ...finding }),
    ).rejects.toMatchObject({ code: 'caseChange.phone', details: { field: 'phone' } });
    const trpc = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    await expect(trpc.work.recordFinding({ caseId, kind: 'phone', phone: existing, ...finding })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    expect(await ctx.handle.db.select().from(caseChanges).where(eq(caseChanges.caseId, caseId))).toEqual([]);
  });

  it('a number the creditor retires is refused by the work screen, while past actions still show it', async () => {
    const { caseId, row } = await workingCases(ctx.w);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    await logAction(
      ctx.handle.db,
      me,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      morning('10:00:00'),
    );
    const number = decryptPii(row!.phones[0]!.enc);
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const started = await manager.cases.updates.start({
      fileId: (await manager.files.upload(new Blob([`\uFEFF合同编号,停用号码\r\n${row!.contractNo},${number}\r\n`])))
        .id,
      fileName: '停用.csv',
    });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    expect(await manager.cases.updates.get({ importId: started.id })).toMatchObject({ status: 'succeeded' });

    const trpc = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const page = await trpc.work.case({ caseId });
    expect(page.phones[0]).toMatchObject({ index: 0, masked: row!.phones[0]!.masked });
    expect(page.phones[0]?.retiredAt).toBeTruthy();
    const refused = await logAction(
      ctx.handle.db,
      me,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      morning('10:05:00'),
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'action.numberRetired', details: { field: 'index' } });
    expect(describeError('zh-CN', toTRPCError(refused as never)).message).toContain('已停用');
    const { items } = await trpc.work.actions({ caseId, limit: 10 });
    expect(items[0]).toMatchObject({ phoneMasked: row!.phones[0]!.masked });
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await creditor.record.actions({ caseId, limit: 10 })).items[0]).toMatchObject({
      phoneMasked: row!.phones[0]!.masked,
    });
    // The creditor's file change is in the agency's history too.
    expect((await trpc.work.changes({ caseId })).map((c) => c.field)).toEqual(['phone_retired']);
  });
});
