// Demo marketplace data, made through the product's own domain functions: 华信 imports a
// case file and puts three packages out — one open for bids, one closed with two bids
// waiting for its award, one awarded to 正信 whose cases are partly assigned.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseImports, storedFiles, users } from '../db/schema';
import { sampleCaseRows, toCsv } from '../db/seed/case-file';
import type { Caller } from '../server/auth/actor';
import { loadActor } from '../server/domain/auth/load-actor';
import { runImport } from '../server/domain/cases/import-run';
import { startImport } from '../server/domain/cases/imports';
import { assignCases, listAgencyCases } from '../server/domain/cases/placement';
import { awardPackage } from '../server/domain/packages/award';
import { closeIfDue, submitBid } from '../server/domain/packages/bids';
import { createPackage, openPackage, saveTerms, type PackageTerms } from '../server/domain/packages/packages';
import { shanghaiDate } from '../server/domain/shared/dates';
import { bytesStream, ingest } from '../server/storage/ingest';
import { getBlobStore } from '../server/storage/store';

const DAY = 86_400_000;

const callerFor = async (db: Db, email: string): Promise<Caller> => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} missing`);
  const { actor } = await loadActor(db, user.id);
  if (!actor) throw new Error(`demo user ${email} cannot act`);
  return { actor, ip: null, userAgent: 'demo seed' };
};

const terms = (now: number, closesInDays: number, overrides: Partial<PackageTerms> = {}): PackageTerms => ({
  commissionStart: shanghaiDate(new Date(now + (closesInDays + 1) * DAY)),
  commissionEnd: shanghaiDate(new Date(now + (closesInDays + 181) * DAY)),
  reserveFeeBp: 3000,
  expectedRecoveryBp: 1500,
  minTier: null,
  bidderCircle: 'all',
  invitedAgencyIds: [],
  closesAt: new Date(now + closesInDays * DAY),
  allowedChannels: ['phone', 'sms', 'letter'],
  maxReductionBp: 2000,
  maxInstalments: 12,
  ...overrides,
});

const bid = (feeBp: number, plan: string) => ({ feeBp, expectedRecoveryBp: 1600, plan, teamSize: 40, provinces: ['44', '33', '31'] });

export const seedMarket = async (db: Db) => {
  const creditor = await callerFor(db, 'manager@huaxin.demo.cn');
  const existing = await db.select({ id: caseImports.id }).from(caseImports).where(eq(caseImports.creditorId, creditor.actor.orgId)).limit(1);
  if (existing.length > 0) return { seeded: false };
  const store = getBlobStore();
  const stored = await ingest(bytesStream(new TextEncoder().encode(`\uFEFF${toCsv(sampleCaseRows(160, 'HX2026'))}`)), store);
  const [file] = await db.insert(storedFiles).values({ orgId: creditor.actor.orgId, uploadedBy: creditor.actor.userId, ...stored }).returning({ id: storedFiles.id });
  if (!file) throw new Error('demo case file not stored');
  const imp = await startImport(db, creditor, { fileId: file.id, fileName: '华信-2026年11月逾期案件.csv' });
  await runImport(db, imp.id, store);

  const now = Date.now();
  const past = now - 4 * DAY;
  const zhengxin = await callerFor(db, 'admin@zhengxin.demo.cn');
  const mingli = await callerFor(db, 'admin@mingli.demo.cn');

  // Awarded a month ago to 正信, half of its cases assigned to 郑磊.
  const awarded = await createPackage(db, creditor, { name: '华信 2026-10 M4–M6 包', source: { kind: 'filter', buckets: [4, 5, 6] } });
  const monthAgo = now - 35 * DAY;
  await saveTerms(db, creditor, awarded.id, terms(monthAgo, 3), new Date(monthAgo));
  await openPackage(db, creditor, awarded.id, new Date(monthAgo));
  const won = await submitBid(db, zhengxin, awarded.id, bid(2300, '以电话和短信为主，M5 以上发函；每周向委托方报送回款与投诉情况。'), new Date(monthAgo + DAY));
  await db.transaction((tx) => closeIfDue(tx, awarded.id, new Date(monthAgo + 4 * DAY)));
  await awardPackage(db, creditor, awarded.id, [{ bidId: won.bid.id, share: { kind: 'all' } }], new Date(monthAgo + 4 * DAY));

  // Closed yesterday with two bids: the creditor's next step is the award.
  const closed = await createPackage(db, creditor, { name: '华信 2026-11 M7+ 包', source: { kind: 'filter', buckets: [7, 8, 9, 10, 11, 12] } });
  await saveTerms(db, creditor, closed.id, terms(past, 3), new Date(past));
  await openPackage(db, creditor, closed.id, new Date(past));
  await submitBid(db, zhengxin, closed.id, bid(2800, '组建 20 人长账龄专组，电话、信函、律师函逐级推进，每月报送回款与投诉。'), new Date(past + DAY));
  await submitBid(db, mingli, closed.id, bid(3200, '律所团队以律师函与诉前调解为主，重点川渝地区，必要时发起诉讼。'), new Date(past + 2 * DAY));
  await db.transaction((tx) => closeIfDue(tx, closed.id, new Date(now)));

  // Open for another three days.
  const open = await createPackage(db, creditor, { name: '华信 2026-11 M1–M3 包', source: { kind: 'filter', buckets: [1, 2, 3] } });
  await saveTerms(db, creditor, open.id, terms(now, 3, { minTier: 'B' }), new Date(now));
  await openPackage(db, creditor, open.id, new Date(now));

  const supervisor = await callerFor(db, 'supervisor@zhengxin.demo.cn');
  const [collector] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'collector@zhengxin.demo.cn'));
  const mine = await listAgencyCases(db, supervisor, { limit: 200 });
  if (collector) await assignCases(db, supervisor, { caseIds: mine.items.slice(0, Math.ceil(mine.items.length / 2)).map((c) => c.id), collectorId: collector.id });
  return { seeded: true };
};
