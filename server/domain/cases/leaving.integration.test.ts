// A case leaving its agency (recall, term end, ban) is released, but one already paid off
// keeps its status: it does not become a recalled case that could be placed again.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases } from '@/db/schema';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { domainCaller } from '../../testing/world';
import { endCommission, recallCases } from './placement';

const ctx = freshWorldPerTest();

describe('cases leaving their agency', () => {
  it('keeps a settled case settled on recall and on term end, and releases it', async () => {
    for (const leave of ['recall', 'end'] as const) {
      const { caseIds } = await workingCases(ctx.w, 3);
      const [paid = '', ...rest] = caseIds;
      await ctx.handle.db.update(cases).set({ status: 'settled', settledOn: '2026-11-20' }).where(eq(cases.id, paid));
      const [row] = await ctx.handle.db
        .select({ commissionId: cases.commissionId })
        .from(cases)
        .where(eq(cases.id, paid));
      if (leave === 'recall')
        await recallCases(ctx.handle.db, await domainCaller(ctx.w, 'creditorA.manager'), {
          commissionId: row?.commissionId ?? '',
          reason: '委托方收回',
        });
      else await endCommission(ctx.handle.db, row?.commissionId ?? '', new Date());
      const after = await ctx.handle.db
        .select({ id: cases.id, status: cases.status, agencyId: cases.agencyId, commissionId: cases.commissionId })
        .from(cases)
        .where(inArray(cases.id, caseIds));
      expect(after.find((c) => c.id === paid)).toMatchObject({ status: 'settled', agencyId: null, commissionId: null });
      expect(after.filter((c) => rest.includes(c.id)).map((c) => c.status)).toEqual(
        rest.map(() => (leave === 'recall' ? 'recalled' : 'returned')),
      );
    }
  });
});
