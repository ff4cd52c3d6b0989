// Publishing the rulebook (DESIGN §4): the platform tightens it as a new version, never
// loosens it below the national floor; a stale edit is refused; actions from then on are
// checked against, and record, the new version.
import { describe, expect, it } from 'vitest';
import { RULES_V1 } from '../../../domain/rules/rulebook';
import { logAction } from '../../../domain/work/actions';
import { describeError } from '../../errors';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();
const { version: _v, ...FLOOR } = RULES_V1;

describe('staff.rules', () => {
  it('publishes a tighter version that the next actions obey and record; refuses a looser one and a stale edit', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const [current] = await admin.staff.rules.list();
    const basedOn = current?.version ?? 1;
    const loose = await admin.staff.rules
      .publish({ basedOn, draft: { ...FLOOR, maxAnsweredCallsPerDebtorPerDay: 4, windowEndMinutes: 23 * 60 } })
      .catch((e: unknown) => e);
    expect(loose).toMatchObject({ code: 'BAD_REQUEST' });
    expect(describeError('zh-CN', loose as never).message).toBe(
      '不能放宽国家标准的底线：晚间截止时间、每日有效通话上限',
    );
    const dropped = await admin.staff.rules
      .publish({ basedOn, draft: { ...FLOOR, forbiddenPhrases: FLOOR.forbiddenPhrases.slice(1) } })
      .catch((e: unknown) => e);
    expect(dropped).toMatchObject({ code: 'BAD_REQUEST' });

    const { version } = await admin.staff.rules.publish({
      basedOn,
      draft: {
        ...FLOOR,
        maxAnsweredCallsPerDebtorPerDay: 2,
        forbiddenPhrases: [...FLOOR.forbiddenPhrases, { phrase: '坐牢', category: 'threat' }],
      },
    });
    expect(version).toBe(basedOn + 1);
    await expect(admin.staff.rules.publish({ basedOn, draft: FLOOR })).rejects.toMatchObject({ code: 'CONFLICT' });

    const { caseId } = await workingCases(ctx.w, 3);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const call = {
      caseId,
      channel: 'call' as const,
      target: 'debtor' as const,
      index: 0,
      outcome: 'answered' as const,
      note: '',
    };
    const first = await logAction(ctx.handle.db, me, { ...call, note: '再不还就让你坐牢' }, morning('09:00:00'));
    expect(first.action).toMatchObject({
      ruleVersion: version,
      flags: [{ rule: 'forbiddenPhrase', values: { phrase: '坐牢' } }],
    });
    await logAction(ctx.handle.db, me, call, morning('09:10:00'));
    await expect(logAction(ctx.handle.db, me, call, morning('09:20:00'))).rejects.toMatchObject({
      code: 'rules.answeredCap',
    });
  });
});
