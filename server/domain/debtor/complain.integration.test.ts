// A complaint from the debtor's page (issue 20): the case is the session's, so the details
// are not asked again and cannot be given; the page shows the loan masked.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, complaints } from '@/db/schema';
import { verifiedDebtor } from '../../testing/debtor';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { callerAs } from '../../testing/world';
import { maskContractNo } from './complain';

const ctx = freshWorldPerTest();

const body = {
  relation: 'self' as const,
  complainantName: '',
  contactPhone: null,
  category: 'harassment' as const,
  description: '催收员一天之内给我打了二十多次电话，还说要去我单位。',
  evidence: [],
};

describe('a complaint from the debtor’s session', () => {
  it('is about the session’s case, shown masked, and goes to the agency holding it', async () => {
    const { caseIds } = await workingCases(ctx.w, 2);
    const [own, other] = await ctx.handle.db.select().from(cases).where(inArray(cases.id, caseIds));
    if (!own || !other) throw new Error('two cases needed');
    const { token } = await verifiedDebtor(ctx.w, own);
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token });
    const loan = await debtor.debtor.complaintCase();
    expect(loan).toEqual({
      contractNo: maskContractNo(own.contractNo),
      debtorName: expect.stringContaining('*'),
      creditorName: ctx.w.orgs.creditorA.name,
      agencyName: ctx.w.orgs.agencyA.name,
    });
    expect(loan.contractNo).not.toBe(own.contractNo);
    expect(JSON.stringify(loan)).not.toContain(own.debtorName);
    const receipt = await debtor.debtor.complain(body);
    expect(receipt.reference).toMatch(/^C-\d{4}-\d{6}$/);
    const [filed] = await ctx.handle.db.select().from(complaints).where(eq(complaints.reference, receipt.reference));
    expect(filed).toMatchObject({
      source: 'public',
      caseId: own.id,
      creditorId: ctx.w.orgs.creditorA.id,
      agencyId: ctx.w.orgs.agencyA.id,
      complainantName: own.debtorName,
      relation: 'self',
      filedBy: null,
    });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.resourceId, filed?.id ?? ''));
    expect(audit).toMatchObject({ action: 'complaint.file', actorUserId: null });
  });

  it('takes no case details: another loan cannot be named, and a family member gives a name', async () => {
    const { caseIds } = await workingCases(ctx.w, 2);
    const [own, other] = await ctx.handle.db.select().from(cases).where(inArray(cases.id, caseIds));
    if (!own || !other) throw new Error('two cases needed');
    const { token } = await verifiedDebtor(ctx.w, own);
    const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token });
    for (const extra of [{ caseId: other.id }, { contractNo: other.contractNo }])
      await expect(debtor.debtor.complain({ ...body, ...extra } as never)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    await expect(debtor.debtor.complain({ ...body, relation: 'family' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const anonymous = await callerAs(ctx.handle.db, null, 'zh-CN', { token: null });
    await expect(anonymous.debtor.complain(body)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await ctx.handle.db.select().from(complaints).where(eq(complaints.caseId, other.id))).toEqual([]);
    await debtor.debtor.complain({ ...body, relation: 'family', complainantName: '李梅' });
    const [filed] = await ctx.handle.db.select().from(complaints).where(eq(complaints.caseId, own.id));
    expect(filed).toMatchObject({ relation: 'family', complainantName: '李梅' });
  });

  it('masks contract numbers of any length', () => {
    expect(maskContractNo('HX202600000036')).toBe('HX20******0036');
    expect(maskContractNo('AB12345')).toBe('AB***45');
    expect(maskContractNo('A12')).toBe('A**');
  });
});
