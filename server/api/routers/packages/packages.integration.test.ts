// Packages (DESIGN §3): built from an import or a filter over unplaced cases, with
// computed figures; terms checked; open to the agencies in their circle (tier, invite
// list); the reserve fee rate never reaches an agency; bids until the close, a late bid
// moves the close 3 minutes; awarded exactly once, whole or split; losers are told.
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bids, cases, commissions, notifications, organizations, packages } from '@/db/schema';
import { describeError } from '../../errors';
import { importBytes, sampleCsv } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import {
  bidAs,
  closedWithBids,
  closeNow,
  draftPackage,
  openPackage,
  sampleBid,
  sampleTerms,
  setTier,
} from '../../../testing/packages';
import { callerAs } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (key: keyof typeof ctx.w.users) => callerAs(ctx.handle.db, ctx.w.users[key]);
const messageOf = (e: unknown) => describeError('zh-CN', e as never).message;

describe('building a package', () => {
  it('takes an import’s cases with their figures; the same cases cannot go in a second package', async () => {
    const pkg = await draftPackage(ctx.w, 12);
    expect(pkg.status).toBe('draft');
    expect(pkg.figures.caseCount).toBe(12);
    const all = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, pkg.id));
    expect(pkg.figures.totalOverdue).toBe(all.reduce((s, c) => s + c.amountOverdue, 0));
    expect(Object.values(pkg.figures.byBucket).reduce((s, b) => s + b.count, 0)).toBe(12);
    expect(Object.values(pkg.figures.byProvince).reduce((s, b) => s + b.count, 0)).toBe(12);
    const manager = await as('creditorA.manager');
    const error = await manager.packages
      .create({ name: '重复', source: { kind: 'import', importId: pkg.importId ?? '' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(messageOf(error)).toBe('没有符合条件的未分配案件');
  });

  it('takes a filter over unplaced cases (provinces, buckets, amount), previewed first', async () => {
    await importBytes(ctx.w, 'creditorA.manager', sampleCsv(40, 'FL'));
    const manager = await as('creditorA.manager');
    const source = { kind: 'filter' as const, provinces: ['44' as const, '33' as const], minOverdue: 100_000 };
    const preview = await manager.packages.preview({ source });
    const pkg = await manager.packages.create({ name: '粤浙', source });
    expect(pkg.figures).toEqual(preview);
    expect(Object.keys(pkg.figures.byProvince).sort()).toEqual(['33', '44']);
    const placed = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, pkg.id));
    expect(placed.every((c) => ['33', '44'].includes(c.province ?? '') && c.amountOverdue >= 100_000)).toBe(true);
  });

  it('checks the terms: close in the future, commission after the close, end after start', async () => {
    const pkg = await draftPackage(ctx.w, 3);
    const manager = await as('creditorA.manager');
    for (const [terms, field] of [
      [{ closesAt: new Date(Date.now() - 1000) }, 'closesAt'],
      [{ commissionStart: '2020-01-01' }, 'commissionStart'],
      [{ commissionEnd: sampleTerms().commissionStart }, 'commissionEnd'],
      [{ bidderCircle: 'invited', invitedAgencyIds: [] }, 'invitedAgencyIds'],
      [{ bidderCircle: 'invited', invitedAgencyIds: [ctx.w.orgs.creditorB.id] }, 'invitedAgencyIds'],
    ] as const) {
      const e = await manager.packages
        .saveTerms({ packageId: pkg.id, terms: sampleTerms(terms) })
        .catch((x: unknown) => x);
      expect(describeError('zh-CN', e as never).fieldErrors, field).toHaveProperty(field);
    }
    await expect(manager.packages.open({ packageId: pkg.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('cancelling returns the cases and withdraws live bids, telling the agencies', async () => {
    const pkg = await openPackage(ctx.w, {}, 4);
    await bidAs(ctx.w, 'agencyA.admin', pkg.id);
    await (await as('creditorA.admin')).packages.cancel({ packageId: pkg.id, reason: '资产转让' });
    expect((await ctx.handle.db.select({ n: count() }).from(cases).where(eq(cases.packageId, pkg.id)))[0]?.n).toBe(0);
    expect((await ctx.handle.db.select().from(bids).where(eq(bids.packageId, pkg.id)))[0]?.status).toBe('withdrawn');
    const notes = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, ctx.w.users['agencyA.admin'].id), eq(notifications.kind, 'package.cancelled')),
      );
    expect(notes).toHaveLength(1);
  });
});

describe('the marketplace', () => {
  it('shows an open package to eligible agencies with figures and a masked sample, never the reserve rate', async () => {
    const pkg = await openPackage(ctx.w);
    const agency = await as('agencyA.admin');
    const list = await agency.market.list({ sort: 'closing', limit: 10 });
    expect(list.items.find((p) => p.id === pkg.id)?.creditorName).toBe(ctx.w.orgs.creditorA.name);
    const detail = await agency.market.get({ packageId: pkg.id });
    expect(detail).not.toHaveProperty('reserveFeeBp');
    expect(JSON.stringify(detail)).not.toMatch(/reserve/i);
    expect(detail.sample).toHaveLength(10);
    expect(Object.keys(detail.sample[0] ?? {})).not.toContain('debtorName');
    expect(JSON.stringify(detail.sample)).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
    const ids = async (province: '44' | '65') =>
      (await agency.market.list({ sort: 'closing', province, limit: 100 })).items.map((p) => p.id);
    expect(await ids('44')).toContain(pkg.id);
    expect(await ids('65')).not.toContain(pkg.id);
  });

  it('keeps a package from agencies below its minimum tier and outside its invite list', async () => {
    await setTier(ctx.w, 'agencyA', 'A');
    await setTier(ctx.w, 'agencyB', 'C');
    const tierB = await openPackage(ctx.w, { minTier: 'B' }, 3, 'TB');
    const invited = await openPackage(
      ctx.w,
      { bidderCircle: 'invited', invitedAgencyIds: [ctx.w.orgs.agencyB.id] },
      3,
      'IV',
    );
    const a = await as('agencyA.admin');
    const b = await as('agencyB.admin');
    const seen = async (c: typeof a) => (await c.market.list({ sort: 'closing', limit: 100 })).items.map((p) => p.id);
    expect(await seen(a)).toContain(tierB.id);
    expect(await seen(a)).not.toContain(invited.id);
    expect(await seen(b)).toContain(invited.id);
    expect(await seen(b)).not.toContain(tierB.id);
    await expect(b.market.get({ packageId: tierB.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.market.bid.submit({ packageId: tierB.id, ...sampleBid() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(a.market.bid.submit({ packageId: invited.id, ...sampleBid() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('bids', () => {
  it('one live bid per agency: the same bid twice is refused, a change and a withdrawal are allowed until the close', async () => {
    const pkg = await openPackage(ctx.w);
    const agency = await as('agencyA.admin');
    const { bid } = await agency.market.bid.submit({ packageId: pkg.id, ...sampleBid() });
    const twice = await agency.market.bid.submit({ packageId: pkg.id, ...sampleBid() }).catch((e: unknown) => e);
    expect(twice).toMatchObject({ code: 'CONFLICT' });
    expect(messageOf(twice)).toBe('本机构已对这个案件包报价，请修改原报价');
    expect((await agency.market.bid.update({ bidId: bid.id, ...sampleBid({ feeBp: 2100 }) })).bid.feeBp).toBe(2100);
    expect((await agency.market.bid.withdraw({ bidId: bid.id })).bid.status).toBe('withdrawn');
    expect((await agency.market.bid.submit({ packageId: pkg.id, ...sampleBid() })).bid.status).toBe('submitted');
  });

  it('a bid in the last 3 minutes moves the close 3 minutes later (anti-sniping)', async () => {
    const closesAt = new Date(Date.now() + 120_000);
    const pkg = await openPackage(ctx.w, { closesAt });
    const early = await openPackage(ctx.w, {}, 3, 'EA');
    const late = await bidAs(ctx.w, 'agencyA.admin', pkg.id);
    expect(late.closesAt?.getTime()).toBe(closesAt.getTime() + 180_000);
    // Now 5 minutes remain: the next bid is not late and moves nothing.
    const again = await bidAs(ctx.w, 'agencyB.admin', pkg.id);
    expect(again.closesAt?.getTime()).toBe(closesAt.getTime() + 180_000);
    const [row] = await ctx.handle.db.select().from(packages).where(eq(packages.id, pkg.id));
    expect(row?.closesAt?.getTime()).toBe(closesAt.getTime() + 180_000);
    expect((await bidAs(ctx.w, 'agencyA.admin', early.id)).closesAt?.getTime()).toBe(early.closesAt?.getTime());
  });

  it('takes provinces by name or code, and a refusal lists the values allowed', async () => {
    const pkg = await openPackage(ctx.w);
    const bid = await bidAs(ctx.w, 'agencyA.admin', pkg.id, { provinces: ['广东省', '33', '浙江', '440305'] });
    expect(bid.bid.provinces).toEqual(['44', '33']);
    const refused = await bidAs(ctx.w, 'agencyB.admin', pkg.id, { provinces: ['广东', '火星'] }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(messageOf(refused)).toContain('可选：北京 11、天津 12');
    expect(describeError('en', refused as never).fieldErrors).toHaveProperty(['provinces.1']);
  });

  it('refuses bids after the close and from an agency whose admission expired', async () => {
    const pkg = await openPackage(ctx.w);
    await ctx.handle.db
      .update(organizations)
      .set({ status: 'expired' })
      .where(eq(organizations.id, ctx.w.orgs.agencyB.id));
    const expired = await bidAs(ctx.w, 'agencyB.admin', pkg.id).catch((e: unknown) => e);
    expect(expired).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(expired)).toBe('本机构当前状态为“准入已过期”，不能报价或接受委托');
    // Nor does it browse the figures of packages it cannot bid on.
    const lapsed = await as('agencyB.admin');
    expect((await lapsed.market.list({ sort: 'closing', limit: 100 })).items).toEqual([]);
    await expect(lapsed.market.get({ packageId: pkg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await (await as('agencyA.admin')).market.list({ sort: 'closing', limit: 100 })).items.map((p) => p.id),
    ).toContain(pkg.id);
    await closeNow(ctx.w, pkg.id);
    await expect(bidAs(ctx.w, 'agencyA.admin', pkg.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'bid.closed',
    });
  });

  it('refuses a banned agency: at its next request, and inside a request already under way', async () => {
    const pkg = await openPackage(ctx.w);
    const underWay = await as('agencyB.admin');
    await ctx.handle.db
      .update(organizations)
      .set({ status: 'banned' })
      .where(eq(organizations.id, ctx.w.orgs.agencyB.id));
    await expect(
      (await as('agencyB.admin')).market.bid.submit({ packageId: pkg.id, ...sampleBid() }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(underWay.market.bid.submit({ packageId: pkg.id, ...sampleBid() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await ctx.handle.db.select().from(bids).where(eq(bids.packageId, pkg.id))).toEqual([]);
  });
});

describe('award', () => {
  it('refuses an award before the close', async () => {
    const pkg = await openPackage(ctx.w);
    const { bid } = await bidAs(ctx.w, 'agencyA.admin', pkg.id);
    const e = await (
      await as('creditorA.manager')
    ).packages
      .award({ packageId: pkg.id, shares: [{ bidId: bid.id, share: { kind: 'all' } }] })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect(messageOf(e)).toBe('竞标尚未截止，不能定标');
  });

  it('awards the whole package: one commission, cases commissioned, winner and loser told, bids side by side', async () => {
    const { pkg, bidA, bidB } = await closedWithBids(ctx.w);
    const manager = await as('creditorA.manager');
    const side = await manager.packages.bids({ packageId: pkg.id });
    expect(side.map((b) => [b.agencyName, b.feeBp])).toEqual([
      [ctx.w.orgs.agencyB.name, 2200],
      [ctx.w.orgs.agencyA.name, 2500],
    ]);
    const result = await manager.packages.award({
      packageId: pkg.id,
      shares: [{ bidId: bidA.id, share: { kind: 'all' } }],
    });
    expect(result).toMatchObject({ commissions: [{ agencyId: ctx.w.orgs.agencyA.id, caseCount: 12 }], released: 0 });
    const placed = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, pkg.id));
    expect(
      placed.every((c) => c.agencyId === ctx.w.orgs.agencyA.id && c.status === 'commissioned' && c.commissionId),
    ).toBe(true);
    const statuses = await ctx.handle.db
      .select({ id: bids.id, status: bids.status })
      .from(bids)
      .where(eq(bids.packageId, pkg.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [bidA.id]: 'won', [bidB.id]: 'lost' });
    const lost = await ctx.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.w.users['agencyB.admin'].id), eq(notifications.kind, 'bid.lost')));
    expect(lost).toHaveLength(1);
    const [c] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, pkg.id));
    expect(c).toMatchObject({ feeBp: 2500, caseCount: 12, startsOn: pkg.commissionStart, endsOn: pkg.commissionEnd });
    await expect(
      manager.packages.award({ packageId: pkg.id, shares: [{ bidId: bidB.id, share: { kind: 'all' } }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('splits by case count, and refuses counts that do not add up', async () => {
    const { pkg, bidA, bidB } = await closedWithBids(ctx.w, 12);
    const manager = await as('creditorA.manager');
    await expect(
      manager.packages.award({
        packageId: pkg.id,
        shares: [
          { bidId: bidA.id, share: { kind: 'count', count: 5 } },
          { bidId: bidB.id, share: { kind: 'count', count: 5 } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await manager.packages.award({
      packageId: pkg.id,
      shares: [
        { bidId: bidA.id, share: { kind: 'count', count: 7 } },
        { bidId: bidB.id, share: { kind: 'count', count: 5 } },
      ],
    });
    const byAgency = await ctx.handle.db
      .select({ agencyId: cases.agencyId, n: count() })
      .from(cases)
      .where(eq(cases.packageId, pkg.id))
      .groupBy(cases.agencyId);
    expect(Object.fromEntries(byAgency.map((r) => [r.agencyId, r.n]))).toEqual({
      [ctx.w.orgs.agencyA.id]: 7,
      [ctx.w.orgs.agencyB.id]: 5,
    });
  });

  it('splits by province; cases no share covers go back to the creditor', async () => {
    const { pkg, bidA, bidB } = await closedWithBids(ctx.w, 16);
    const manager = await as('creditorA.manager');
    const result = await manager.packages.award({
      packageId: pkg.id,
      shares: [
        { bidId: bidA.id, share: { kind: 'provinces', provinces: ['44', '33'] } },
        { bidId: bidB.id, share: { kind: 'provinces', provinces: ['51'] } },
      ],
    });
    expect(result.commissions.map((c) => c.caseCount)).toEqual([4, 2]);
    expect(result.released).toBe(10);
    await expect(
      (await as('creditorA.manager')).packages.award({
        packageId: pkg.id,
        shares: [{ bidId: bidA.id, share: { kind: 'all' } }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('awards exactly once under 50 parallel attempts', async () => {
    const { pkg, bidA, bidB } = await closedWithBids(ctx.w, 6);
    const callers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => as(i % 2 ? 'creditorA.manager' : 'creditorA.admin')),
    );
    const results = await Promise.allSettled(
      callers.map((c, i) =>
        c.packages.award({ packageId: pkg.id, shares: [{ bidId: i % 2 ? bidA.id : bidB.id, share: { kind: 'all' } }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await ctx.handle.db.select({ n: count() }).from(commissions).where(eq(commissions.packageId, pkg.id)))[0]?.n,
    ).toBe(1);
    expect(
      (
        await ctx.handle.db
          .select({ n: count() })
          .from(cases)
          .where(and(eq(cases.packageId, pkg.id), isNotNull(cases.commissionId)))
      )[0]?.n,
    ).toBe(6);
  });

  it('refuses to award to an agency no longer admitted', async () => {
    const { pkg, bidA, bidB } = await closedWithBids(ctx.w, 3);
    await ctx.handle.db
      .update(organizations)
      .set({ status: 'expired' })
      .where(eq(organizations.id, ctx.w.orgs.agencyA.id));
    const manager = await as('creditorA.manager');
    const e = await manager.packages
      .award({ packageId: pkg.id, shares: [{ bidId: bidA.id, share: { kind: 'all' } }] })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect(messageOf(e)).toBe('中标机构当前状态为“准入已过期”，不能接受新的委托');
    await manager.packages.award({ packageId: pkg.id, shares: [{ bidId: bidB.id, share: { kind: 'all' } }] });
  });

  it('another creditor sees none of it', async () => {
    const { pkg, bidA } = await closedWithBids(ctx.w, 3);
    const other = await as('creditorB.admin');
    await expect(other.packages.get({ packageId: pkg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.packages.bids({ packageId: pkg.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other.packages.award({ packageId: pkg.id, shares: [{ bidId: bidA.id, share: { kind: 'all' } }] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.packages.list({ limit: 10 })).items).toEqual([]);
  });
});

describe('direct offers', () => {
  const offered = async () => {
    const pkg = await draftPackage(ctx.w, 5);
    const manager = await as('creditorA.manager');
    await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() });
    return manager.packages.offer({ packageId: pkg.id, agencyId: ctx.w.orgs.agencyA.id, feeBp: 2800 });
  };

  it('offers only to an admitted agency', async () => {
    const pkg = await draftPackage(ctx.w, 2);
    const manager = await as('creditorA.manager');
    await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() });
    for (const agencyId of [ctx.w.orgs.creditorB.id, ctx.w.orgs.agencyNew.id]) {
      await expect(manager.packages.offer({ packageId: pkg.id, agencyId, feeBp: 2000 })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
  });

  it('the agency accepts: the cases are commissioned at the offered fee', async () => {
    const pkg = await offered();
    expect(pkg.status).toBe('offered');
    const agency = await as('agencyA.admin');
    expect((await agency.market.get({ packageId: pkg.id })).offer?.feeBp).toBe(2800);
    expect((await agency.market.list({ sort: 'closing', limit: 100 })).items.find((p) => p.id === pkg.id)?.status).toBe(
      'offered',
    );
    expect(
      (await (await as('agencyB.admin')).market.list({ sort: 'closing', limit: 100 })).items.map((p) => p.id),
    ).not.toContain(pkg.id);
    await expect(
      (await as('agencyB.admin')).market.answerOffer({ packageId: pkg.id, accept: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await agency.market.answerOffer({ packageId: pkg.id, accept: true })).toEqual({
      accepted: true,
      caseCount: 5,
    });
    const [c] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, pkg.id));
    expect(c).toMatchObject({ agencyId: ctx.w.orgs.agencyA.id, feeBp: 2800, caseCount: 5 });
  });

  it('a decline, or no answer within 2 business days, returns the package to draft', async () => {
    const pkg = await offered();
    expect(await (await as('agencyA.admin')).market.answerOffer({ packageId: pkg.id, accept: false })).toEqual({
      accepted: false,
      caseCount: 0,
    });
    expect((await (await as('creditorA.manager')).packages.get({ packageId: pkg.id })).status).toBe('draft');
    const again = await (
      await as('creditorA.manager')
    ).packages.offer({ packageId: pkg.id, agencyId: ctx.w.orgs.agencyA.id, feeBp: 2600 });
    const { expireOfferIfDue } = await import('../../../domain/packages/offers');
    expect(await expireOfferIfDue(ctx.handle.db, again.id, new Date())).toBe(false);
    expect(await expireOfferIfDue(ctx.handle.db, again.id, new Date(Date.now() + 14 * 86_400_000))).toBe(true); // past any holiday week
    expect((await (await as('creditorA.manager')).packages.get({ packageId: pkg.id })).status).toBe('draft');
  });
});
