// Outcomes have consequences (DESIGN §4): a number answered by the wrong person is not the
// debtor's on this case, so it may not be called or texted again there, until the record
// that said so is corrected; the debtor's other numbers, and other cases, are untouched.
import { describe, expect, it } from 'vitest';
import { describeError } from '../../errors';
import { logAction, type LogActionInput } from '../../../domain/work/actions';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const call = (
  caseId: string,
  outcome: LogActionInput['outcome'],
  over: Partial<LogActionInput> = {},
): LogActionInput => ({
  caseId,
  channel: 'call',
  target: 'debtor',
  index: 0,
  outcome,
  note: '',
  ...over,
});

describe('a wrong person on the line', () => {
  it('refuses further calls to that number on the case, not the other numbers, until the record is corrected', async () => {
    const { caseId, row } = await workingCases(ctx.w, 3);
    expect(row?.phones.length).toBeGreaterThan(1);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const wrong = await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'wrong_person', { note: '对方说不认识债务人' }),
      morning('09:00:00'),
    );
    const again = await logAction(ctx.handle.db, me, call(caseId, 'answered'), morning('09:10:00')).catch(
      (e: unknown) => e,
    );
    expect(again).toMatchObject({ code: 'rules.wrongPerson' });
    expect(describeError('zh-CN', toTRPCError(again as never)).message).toMatch(/^这个号码在本案已记录为“打错人”/);
    // The debtor's second number is still the debtor's.
    await expect(
      logAction(ctx.handle.db, me, call(caseId, 'unanswered', { index: 1 }), morning('09:20:00')),
    ).resolves.toMatchObject({ action: { outcome: 'unanswered' } });
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const sms = await collector.work.canContact({ caseId, channel: 'sms', target: 'debtor', index: 0 });
    expect(sms.violations.map((v) => v.rule)).toContain('wrongPerson');
    // A correction of that record (it was the debtor after all) opens the number again.
    await logAction(
      ctx.handle.db,
      me,
      call(caseId, 'answered', { correctsId: wrong.action.id, note: '更正：确为本人' }),
      morning('09:30:00'),
    );
    const after = await collector.work.canContact({ caseId, channel: 'call', target: 'debtor', index: 0 });
    expect(after.violations.map((v) => v.rule)).not.toContain('wrongPerson');
  });
});
