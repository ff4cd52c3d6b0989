// Scoring templates are versioned (DESIGN §7): a platform admin publishes an edit as a new
// version whose weights sum to exactly 100, each criterion with guidance; an application is
// scored on the version active when it was submitted; old versions stay readable.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { describeError } from '../../errors';
import { submitCreditorNew } from '../../../testing/admission';
import { isPostgresRun } from '../../../testing/db';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { callerAs } from '../../../testing/world';

const ctx = freshWorldPerTest();

const criterion = (key: string, weight: number) => ({
  key,
  weight,
  group: 'licence' as const,
  label: { 'zh-CN': `评分项 ${key}`, en: `Criterion ${key}` },
  guidance: { 'zh-CN': '对照监管系统核实', en: 'Check against the regulator register' },
});

const latestCreditor = async () => {
  const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
  const [active] = await admin.staff.admission.templates.list({ kind: 'creditor' });
  return active!;
};

describe('scoring templates', () => {
  it('publishes an edit as the next version; applications keep the version they were submitted under', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const before = await latestCreditor();
    const onOld = await submitCreditorNew(ctx.w);

    const published = await admin.staff.admission.templates.publish({
      kind: 'creditor',
      basedOnVersion: before.version,
      criteria: [
        criterion('licence', 50),
        criterion('fraudRecord', 30),
        criterion('dataQuality', 15),
        criterion('governance', 5),
      ],
    });
    expect(published).toMatchObject({ version: before.version + 1, isActive: true });
    const versions = await admin.staff.admission.templates.list({ kind: 'creditor' });
    expect(versions.map((v) => [v.version, v.isActive])).toEqual([
      [before.version + 1, true],
      [before.version, false],
    ]);
    expect(versions[1]).toMatchObject({ applicationCount: 1 });

    // The application submitted before is still scored on the old version, which stays readable.
    const reviewer = await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer']);
    const view = await reviewer.staff.admission.get({ applicationId: onOld });
    expect(view.template).toMatchObject({ version: before.version });
    await expect(reviewer.staff.admission.templates.get({ templateId: before.id })).resolves.toMatchObject({
      isActive: false,
      criteria: expect.any(Array),
    });

    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.template'), eq(auditLog.resourceId, published.id)));
    expect(audits).toHaveLength(1);
  });

  it.each([
    [
      'weights summing to 99',
      [criterion('licence', 50), criterion('fraudRecord', 49)],
      'admission.templateWeights',
      '各项权重之和须为 100（当前为 99）',
    ],
    [
      'a repeated code',
      [criterion('licence', 50), criterion('licence', 50)],
      'admission.templateDuplicateKey',
      '评分项代码不能重复',
    ],
  ])('refuses %s with a translated message and publishes nothing', async (_why, criteria, code, message) => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const before = await latestCreditor();
    const error = await admin.staff.admission.templates
      .publish({ kind: 'creditor', basedOnVersion: before.version, criteria })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { code, details: { field: 'criteria' } } });
    expect(describeError('zh-CN', error as never).message).toBe(message);
    expect((await latestCreditor()).version).toBe(before.version);
  });

  it('refuses a criterion without guidance, a zero weight and an empty template, naming the field', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const noGuidance = { ...criterion('licence', 100), guidance: { 'zh-CN': ' ', en: 'x' } };
    const error = await admin.staff.admission.templates
      .publish({ kind: 'creditor', basedOnVersion: null, criteria: [noGuidance] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(describeError('zh-CN', error as never).fieldErrors ?? {})).toEqual([
      'criteria.0.guidance.zh-CN',
    ]);
    await expect(
      admin.staff.admission.templates.publish({
        kind: 'creditor',
        basedOnVersion: null,
        criteria: [criterion('licence', 0), criterion('other', 100)],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.staff.admission.templates.publish({ kind: 'creditor', basedOnVersion: null, criteria: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses an edit of a version that is no longer the latest', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const before = await latestCreditor();
    const criteria = [criterion('licence', 60), criterion('fraudRecord', 40)];
    await admin.staff.admission.templates.publish({ kind: 'creditor', basedOnVersion: before.version, criteria });
    await expect(
      admin.staff.admission.templates.publish({ kind: 'creditor', basedOnVersion: before.version, criteria }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'admission.templateStale' },
    });
  });

  if (isPostgresRun()) {
    it('publishes one version when two admins publish at once', async () => {
      const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
      const before = await latestCreditor();
      const criteria = [criterion('licence', 70), criterion('fraudRecord', 30)];
      const results = await Promise.allSettled(
        [1, 2, 3].map(() =>
          admin.staff.admission.templates.publish({ kind: 'creditor', basedOnVersion: before.version, criteria }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([
        expect.objectContaining({ code: 'CONFLICT' }),
        expect.objectContaining({ code: 'CONFLICT' }),
      ]);
      expect((await latestCreditor()).version).toBe(before.version + 1);
    });
  }
});
